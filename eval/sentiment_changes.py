"""Which of the adapted scorer's changes to VADER earn their place (part of ``make eval``).

A change is one lexicon entry (of ``data/lexicon/backlash.tsv`` or the tracker's own files)
or one rule of ``sentiment.RULES``. Each is taken out of the full scorer in turn and every
set's splits are measured again; only the texts the change can touch are rescored (a text
without the entry's words scores the same either way), so the whole table takes seconds.
An effect is full minus full-without-the-change: positive means the change helps.

The admission rule: a change is kept only if, on data it was not shaped on, it helps at
least one measure and hurts none. For the changes made so far, which were checked against
all of the public sets, that data is the store reviews and the test splits; the store
reviews and the two tweet sets, which the issue names, come first in the table. A change
that touches none of that data has shown nothing and is not kept. New changes may be shaped
on the dev splits only.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np

from dashboard.scoring.sentiment import NEGATIONS, adapted
from eval.sentiment import STORE, TWEETEVAL, LabelledSet

# what a rule needs in a text before it can change the text's score (None: any text; a new
# rule needs an entry here)
TRIGGERS = {"negations": NEGATIONS, "scoped": None}
FIRST = (STORE, "tweets", TWEETEVAL)  # what the issue names: weighed, and shown, first
SHORT = {STORE: "store", "tweets": "tweets", TWEETEVAL: "TwEval", "movie reviews": "movie",
         "Amazon reviews": "Amazon", "NYT editorials": "NYT"}
METRIC_SHORT = {"Pearson r": "r", "macro-recall": "mr", "accuracy": "acc"}


@dataclass(frozen=True)
class Change:
    kind: str  # "entry" or "rule"
    name: str  # the term, or the rule's name in sentiment.RULES
    where: str  # file:line of the entry, or "sentiment.RULES"

    def __str__(self) -> str:
        return self.name if self.kind == "entry" else f"rule: {self.name}"


@dataclass
class Verdict:
    change: Change
    effects: dict[tuple[str, str, str], float]  # (set, split, metric) -> full - without
    touched: dict[tuple[str, str], int]  # (set, split) -> texts rescored
    keep: bool
    why: str


def changes(entries: dict, rules: dict[str, bool]) -> list[Change]:
    """Every lexicon entry and every rule that is on, in file order."""
    out = [Change("entry", e.term, e.where) for e in entries.values()]
    return out + [Change("rule", name, "sentiment.RULES") for name, on in rules.items() if on]


def order(sets: list[LabelledSet]) -> list[LabelledSet]:
    return sorted(sets, key=lambda ds: FIRST.index(ds.name) if ds.name in FIRST else 9)


class Ablation:
    """The full scorer (``entries``, ``rules``) on ``sets``, and the effect of each change."""

    def __init__(self, sets: list[LabelledSet], entries: dict, rules: dict[str, bool]):
        self.sets, self.entries, self.rules = order(sets), entries, rules
        self.full = adapted(entries, rules)
        self.words = {ds.name: [frozenset(self.full.tokens(t).lowers) for t in ds.texts]
                      for ds in self.sets}
        self.scores = {ds.name: np.array([self.full.compound(t) for t in ds.texts])
                       for ds in self.sets}
        self.measures = {(ds.name, part): ds.measure(part, self.scores[ds.name])
                         for ds in self.sets for part in ds.parts}

    def without(self, change: Change):
        """The full scorer with ``change`` taken out."""
        if change.kind == "rule":
            return adapted(self.entries, {**self.rules, change.name: False})
        return adapted({t: e for t, e in self.entries.items() if t != change.name}, self.rules)

    def touched(self, change: Change, ds: LabelledSet) -> np.ndarray:
        """Indices of the texts of ``ds`` whose score ``change`` may alter."""
        if change.kind == "rule":
            needs = TRIGGERS[change.name]
            if needs is None:
                return np.arange(len(ds.texts))
            return np.array([i for i, w in enumerate(self.words[ds.name])
                             if not w.isdisjoint(needs)], dtype=int)
        needs = frozenset(change.name.split()) - {"*"}
        return np.array([i for i, w in enumerate(self.words[ds.name]) if needs <= w],
                        dtype=int)

    def effect(self, change: Change) -> tuple[dict, dict]:
        """(set, split, metric) -> full minus without, and (set, split) -> texts touched."""
        variant = self.without(change)
        effects, touched = {}, {}
        for ds in self.sets:
            idx = self.touched(change, ds)
            scores = self.scores[ds.name].copy()
            if len(idx):
                scores[idx] = [variant.compound(ds.texts[i]) for i in idx]
            for part, members in ds.parts.items():
                hit = int(np.isin(members, idx).sum()) if len(idx) else 0
                touched[ds.name, part] = hit
                base = self.measures[ds.name, part]
                after = ds.measure(part, scores) if hit else base
                for metric in ds.metrics:
                    effects[ds.name, part, metric] = base[metric] - after[metric]
        return effects, touched

    def verdicts(self) -> list[Verdict]:
        out = []
        for change in changes(self.entries, self.rules):
            effects, touched = self.effect(change)
            keep, why = admit(effects, self.held_out())
            out.append(Verdict(change, effects, touched, keep, why))
        return out

    def held_out(self) -> list[tuple[str, str, str]]:
        """The (set, split, metric) measures nothing so far was tuned on, most weighty
        first."""
        return [(ds.name, part, metric) for ds in self.sets for part in ds.held_out()
                for metric in ds.metrics]

    def columns(self) -> list[tuple[str, str, str]]:
        """Every (set, split, metric), held-out ones first."""
        held = self.held_out()
        return held + [(ds.name, part, metric) for ds in self.sets for part in ds.parts
                       for metric in ds.metrics if (ds.name, part, metric) not in held]


def admit(effects: dict, held_out: list) -> tuple[bool, str]:
    """Keep a change that helps on a held-out measure and hurts none; say why."""
    hurts = [k for k in held_out if effects[k] < 0]
    helps = [k for k in held_out if effects[k] > 0]
    if hurts:
        return False, "hurts " + ", ".join(_name(k) for k in hurts)
    if not helps:
        return False, "no effect on held-out data"
    return True, "helps " + ", ".join(_name(k) for k in helps)


def prune(sets: list[LabelledSet], entries: dict, rules: dict[str, bool]
          ) -> tuple[dict, dict, list[list[Verdict]]]:
    """Take out every change that fails ``admit``, measure again, until all that are left
    pass (taking some out can change what the others do). Returns the entries and rules
    left and each round's verdicts."""
    rounds = []
    while True:
        verdicts = Ablation(sets, entries, rules).verdicts()
        rounds.append(verdicts)
        out = [v.change for v in verdicts if not v.keep]
        if not out:
            return entries, rules, rounds
        gone = {c.name for c in out if c.kind == "entry"}
        entries = {t: e for t, e in entries.items() if t not in gone}
        rules = {**rules, **{c.name: False for c in out if c.kind == "rule"}}


def _name(key: tuple[str, str, str]) -> str:
    name, part, metric = key
    return f"{SHORT.get(name, name)} {part} {METRIC_SHORT.get(metric, metric)}"


def table(ablation: Ablation, verdicts: list[Verdict]) -> str:
    """One line per change that touches any text: its effect on each (set, split, metric)
    in units of 1e-4 (one of the 277 store reviews is 36), "." where it touches no text and
    "0" where it touches some but changes nothing measured; then how many held-out texts it
    touches, and the verdict. Held-out columns come first; the changes that touch no text
    at all are listed after the table."""
    cols = ablation.columns()
    held_parts = sorted({(k[0], k[1]) for k in ablation.held_out()})
    heads = [_name(k).split(" ", 1) for k in cols]
    width = max(len(p) for h in heads for p in h) + 1
    lines = [" " * 26 + "".join(f"{h[0]:>{width}}" for h in heads),
             f"{'change':<26}" + "".join(f"{h[1]:>{width}}" for h in heads) +
             f"{'n held':>8}  verdict"]
    silent = [v for v in verdicts if not any(v.touched.values())]
    for v in verdicts:
        if v in silent:
            continue
        cells = [_cell(v, key) for key in cols]
        n_held = sum(v.touched[k] for k in held_parts)
        lines.append(f"{str(v.change)[:25]:<26}" + "".join(f"{c:>{width}}" for c in cells) +
                     f"{n_held:>8}  {'keep' if v.keep else 'REMOVE'}: {v.why}")
    if silent:
        lines.append(textwrap.fill(
            f"touching no text of any set ({'REMOVE' if not silent[0].keep else 'keep'}: no "
            f"effect on held-out data): " + ", ".join(str(v.change) for v in silent),
            width=100, subsequent_indent="  "))
    return "\n".join(lines)


def _cell(v: Verdict, key: tuple[str, str, str]) -> str:
    if not v.touched[key[0], key[1]]:
        return "."
    effect = v.effects[key]
    return "0" if effect == 0 else f"{effect * 1e4:+.1f}"
