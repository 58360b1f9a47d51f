"""The scorer: sentiment (per post and per brand), brands named and switching.

``Scorer(tracker).score_frame(frame)`` adds the store's score columns to a frame with a
``text`` column, in batches, on all cores for large frames. ``Scorer(tracker, "vader")``
scores sentiment with plain vaderSentiment instead of the adapted scorer (the default,
"full"); ``Scorer(tracker, "transformers:MODEL")`` with a transformer model (optional
packages, see ``transformer.py``). ``scorer.version`` is stored beside the scores; it
changes with ``SCORER_VERSION``, the mode (naming the model), the lexicon files or the
model's files, and the tracker's brands, so stored posts are rescored only when one of
those changed (``python -m dashboard rescore``). ``read/scorers.py`` says in words which
scorer a version stands for.

May import: the rest of scoring and the foundation (tracker, vocabulary, errors, paths);
never a store, files, collectors or the app: scoring is pure, text in and scores out.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator

import pandas as pd

from dashboard.errors import UserError
from dashboard.scoring import learned
from dashboard.scoring.brands import BrandMatcher
from dashboard.scoring.parallel import T, score_stream, score_texts
from dashboard.scoring.sentiment import Sentiment, label
from dashboard.scoring.switching import detect_switch
from dashboard.scoring.targets import brand_sentiment
from dashboard.tracker import Tracker
from dashboard.vocabulary import SCORER_VERSION, TRANSFORMERS

VERSION_LENGTH = 200  # posts.scorer_version
# invisible characters that split a word without showing ("Chat\u200bGPT" reads as ChatGPT)
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
SCORE_COLUMNS = ["sentiment", "sentiment_label", "brands", "brand_sentiment", "switch_from",
                 "switch_to", "switch_kind", "switch_phrase", "scorer_version"]


class Scorer:
    """Scores texts about the brands of ``tracker``; ``mode`` is "full" (default), "vader"
    or "transformers:MODEL" (a Hugging Face model id or a local model directory)."""

    def __init__(self, tracker: Tracker, mode: str = "full"):
        self.tracker, self.mode = tracker, mode
        self.brands = BrandMatcher(tracker)
        self.transformer = mode.startswith(TRANSFORMERS)
        if self.transformer:
            from dashboard.scoring.transformer import TransformerSentiment
            model = mode[len(TRANSFORMERS):].strip()
            if not model:
                raise UserError(f"--scorer {TRANSFORMERS}MODEL needs a model: a Hugging Face "
                                f"model id or a local model directory")
            self.sentiment = TransformerSentiment(model)
            name = f"{TRANSFORMERS}{self.sentiment.name}"[:VERSION_LENGTH - 12]
        else:
            self.sentiment = Sentiment(mode, tracker.lexicon)
            name = mode
        self.parallel = not self.transformer  # a model is not forked into worker processes
        aliases = [(b.name, b.aliases, b.aliases_cased, b.aliases_in_context)
                   for b in tracker.brands]
        self.learned = learned.default()
        digest = hashlib.sha1(f"{self.sentiment.fingerprint}{aliases}"
                              f"{self.learned.fingerprint}".encode()).hexdigest()
        self.version = f"{SCORER_VERSION}-{name}-{digest[:6]}"

    def score(self, text: str) -> dict:
        """All score columns for one text."""
        return dict(zip(SCORE_COLUMNS, self.row(text)))

    def row(self, text: str) -> tuple:
        """The score columns for one text, in ``SCORE_COLUMNS`` order."""
        return self.rows([text])[0]

    def rows(self, texts: list) -> list[tuple]:
        raws = [t if isinstance(t, str) else "" for t in texts]
        cleaned = [INVISIBLE.sub("", raw) for raw in raws]
        if self.transformer:  # the model scores a batch at once
            scored = self.sentiment.score_many(cleaned)
        else:  # "vader" mode stays plain VADER's compound exactly; "full" reads past them
            scored = [self.sentiment.score(raw if self.mode == "vader" else text)
                      for raw, text in zip(raws, cleaned)]
        return [self._row(text, s) for text, s in zip(cleaned, scored)]

    def _row(self, text: str, scored) -> tuple:
        mentions = self.brands.mentions(text)
        # the patterns first; the learned reader only where they found nothing
        switch = detect_switch(text, mentions) or self.learned.detect(text, mentions)
        toward = brand_sentiment(text, scored, mentions, switch)
        named = [b for b in self.brands.brand_names if b in toward]
        return (
            scored.compound,
            label(scored.compound),
            ";".join(named),
            json.dumps({b: toward[b] for b in named}, ensure_ascii=False) if named else None,
            switch.switch_from if switch else None,
            switch.switch_to if switch else None,
            switch.kind if switch else None,
            switch.phrase if switch else None,
            self.version,
        )

    def score_frame(self, frame: pd.DataFrame, progress=None) -> pd.DataFrame:
        """A copy of ``frame`` with the score columns added (replacing any old ones);
        ``progress(n)`` is called as batches finish."""
        return _with_scores(frame, score_texts(self, frame["text"].tolist(), progress))

    def score_frames(self, frames: Iterable[tuple[T, pd.DataFrame]]
                     ) -> Iterator[tuple[T, pd.DataFrame]]:
        """``(item, score_frame(frame))`` for each ``(item, frame)``, in order; on all
        cores the next frames are scored while the caller handles this one, so a stream
        of any length is held a few frames at a time (``parallel.score_stream``)."""
        texts = (((item, frame), frame["text"].tolist()) for item, frame in frames)
        for (item, frame), rows in score_stream(self, texts):
            yield item, _with_scores(frame, rows)


def _with_scores(frame: pd.DataFrame, rows: list[tuple]) -> pd.DataFrame:
    """``frame`` with the score columns ``rows`` (replacing any old ones)."""
    scores = pd.DataFrame(rows, index=frame.index, columns=SCORE_COLUMNS)
    return pd.concat([frame.drop(columns=SCORE_COLUMNS, errors="ignore"), scores], axis=1)

