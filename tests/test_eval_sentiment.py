"""The sentiment harness of ``make eval``: fixed dev/test splits, the store reviews, the
ablation of each change to VADER and the rule that admits a change; with ../shared, that
every shipped change earns its place and the scorer is not worse than plain VADER."""
import hashlib
import json

import numpy as np
import pytest

from dashboard.scoring.lexicon import FIELD_LEXICON, load_entries
from dashboard.scoring.sentiment import RULES, Sentiment
from eval import __main__ as eval_main
from eval import sentiment as es
from eval import sentiment_changes as sc
from tests.helpers import SHARED, shared


def test_a_fixed_third_of_texts_is_the_test_split_by_a_hash_of_the_text():
    texts = [f"review number {n}, it is fine" for n in range(3000)]
    parts = [es.split_of(t) for t in texts]
    assert 0.30 < parts.count("test") / len(texts) < 0.37
    assert parts == [es.split_of(t) for t in texts]  # stable
    for t in texts[:50]:
        third = int(hashlib.sha1(t.encode()).hexdigest(), 16) % 3 == 0
        assert es.split_of(t) == ("test" if third else "dev")


def test_splits_are_disjoint_and_duplicates_fall_on_one_side():
    texts = ["good", "bad", "good", "meh", "great app", "bad", "awful"] * 3
    ds = es.LabelledSet("x", texts, list(range(len(texts))))
    dev, test = ds.parts["dev"], ds.parts["test"]
    assert sorted([*dev, *test]) == list(range(len(texts)))
    for part in (dev, test):
        inside = {texts[i] for i in part}
        assert not inside & {texts[i] for i in (test if part is dev else dev)}
    untuned = es.LabelledSet("y", texts, ["positive"] * len(texts),
                             labels=es.STORE_LABELS, untuned=True)
    assert list(untuned.parts) == [es.HELD_OUT] and untuned.held_out() == [es.HELD_OUT]
    assert untuned.metrics == ("macro-recall", "accuracy")


def test_store_metrics_count_a_neutral_score_as_wrong():
    ds = es.LabelledSet("store", ["a", "b", "c", "d"],
                        ["negative", "negative", "positive", "positive"],
                        labels=es.STORE_LABELS, untuned=True)
    measured = ds.measure("all", [-0.5, 0.0, 0.5, 0.02])  # right, neutral, right, neutral
    assert measured == {"macro-recall": 0.5, "accuracy": 0.5}
    assert ds.counts("all") == "2 negative, 2 positive"


# texts for the ablation: each entry and rule of a small lexicon, and texts none touches
TEXTS = ["I deleted my account today", "deleted my Acme account, good riddance", "so buggy",
         "Not buggy. Great app", "nobody likes this", "Nothing works. Love the colours",
         "it is great", "awful", "fine I guess", "the app frobnicates", "no frobnicates here",
         "Wonderful!", "bad bad bad", "I hate it but it works", "buggy but great"] * 2
TEXTS = [t + suffix for t, suffix in zip(TEXTS, [""] * 15 + [" really"] * 15)]


@pytest.fixture
def small(tmp_path):
    lexicon = tmp_path / "small.tsv"
    lexicon.write_text("# test lexicon\ndeleted my * account\t-1.5\tclosing an account\n"
                       "deleted my account\t-1.5\tclosing an account\n"
                       "buggy\t-1.8\tdefects\nfrobnicates\t-1\ta test word\n",
                       encoding="utf-8")
    rng = np.random.default_rng(3)
    ratings = list(rng.uniform(-3, 3, len(TEXTS)))
    labels = list(rng.choice(es.STORE_LABELS, len(TEXTS)))
    sets = [es.LabelledSet("tweets", TEXTS, ratings),
            es.LabelledSet(es.STORE, TEXTS, labels, labels=es.STORE_LABELS, untuned=True)]
    return sets, load_entries([lexicon]), dict(RULES)


def test_rescoring_only_touched_texts_gives_the_same_effect_as_rescoring_all(small):
    sets, entries, rules = small
    ablation = sc.Ablation(sets, entries, rules)
    found = sc.changes(entries, rules)
    assert [c.name for c in found if c.kind == "entry"] == list(entries)
    assert {c.name for c in found if c.kind == "rule"} == {r for r, on in rules.items() if on}
    for change in found:
        effects, touched = ablation.effect(change)
        variant = ablation.without(change)
        for ds in sets:
            every = [variant.compound(t) for t in ds.texts]
            for part in ds.parts:
                after = ds.measure(part, every)
                for metric in ds.metrics:
                    base = ablation.measures[ds.name, part][metric]
                    assert effects[ds.name, part, metric] == pytest.approx(
                        base - after[metric], abs=1e-12), (change, ds.name, part, metric)
        if change.kind == "entry":
            assert any(touched.values())


def test_the_admission_rule():
    held = [("store reviews", "all", "accuracy"), ("tweets", "test", "Pearson r")]
    assert sc.admit({held[0]: 0.01, held[1]: 0.0}, held) == (True, "helps store all acc")
    assert not sc.admit({held[0]: 0.01, held[1]: -1e-9}, held)[0]  # hurts one: out
    assert sc.admit({held[0]: 0.0, held[1]: 0.0}, held) == (
        False, "no effect on held-out data")


def test_prune_takes_out_what_does_not_help_and_keeps_what_does(small):
    sets, entries, rules = small
    ablation = sc.Ablation(sets, entries, rules)
    kept, _rules, rounds = sc.prune(sets, entries, rules)
    assert all(v.keep for v in rounds[-1])
    assert set(kept) == {v.change.name for v in rounds[-1] if v.change.kind == "entry"}
    assert sc.table(ablation, rounds[0]).splitlines()[1].startswith("change")


def test_results_keep_the_sections_another_run_wrote(tmp_path, monkeypatch):
    path = tmp_path / "results.json"
    path.write_text(json.dumps({"switching": [{"measure": "x"}], "scorer_version": "v",
                                "sentiment": [{"old": 1}]}))
    monkeypatch.setattr(eval_main, "RESULTS", path)
    eval_main.save({"sentiment": [{"new": 1}], "generated": "today"})
    assert json.loads(path.read_text()) == {"switching": [{"measure": "x"}],
                                            "scorer_version": "v",
                                            "sentiment": [{"new": 1}], "generated": "today"}


def test_without_shared_data_the_sentiment_report_skips(tmp_path, capsys):
    results = {}
    assert eval_main.sentiment_report(tmp_path, None, results) is True
    assert "sentiment" not in results and "skipped store reviews" in capsys.readouterr().out


# -- on the real data in ../shared (skipped without it) ----------------------------------

@pytest.fixture(scope="module")
def real_sets():
    shared("sentiment", "tweeteval_val", "val_text.txt")
    shared("fixtures", "google_play", "translate-page2.txt")
    sets, missing = es.load_sets(SHARED)
    assert not missing
    return sets


def test_the_store_reviews_are_the_recorded_google_play_reviews_without_3_stars(real_sets):
    store = next(ds for ds in real_sets if ds.name == es.STORE)
    assert len(store.texts) == 277 and store.counts("all") == "91 negative, 186 positive"


def test_every_shipped_change_earns_its_place(real_sets, tracker):
    """No kept entry or rule makes the store reviews or any test split worse, and each
    helps on one of them."""
    entries = load_entries([FIELD_LEXICON, *tracker.lexicon])
    verdicts = sc.Ablation(real_sets, entries, RULES).verdicts()
    assert [(str(v.change), v.why) for v in verdicts if not v.keep] == []


def test_ours_is_not_worse_than_plain_vader_on_held_out_data(real_sets, tracker):
    ours, vader = Sentiment("full", tracker.lexicon), Sentiment("vader")
    rows = es.evaluate(real_sets, {"vader": vader.compounds, "ours": ours.compounds})
    held = [r for r in rows if r["split"] in ("test", es.HELD_OUT)]
    assert len(held) == 7  # five test splits, and the store reviews' two metrics
    assert [(r["set"], r["metric"]) for r in held if r["ours"] < r["vader"]] == []
