"""Optional sentiment from a transformer model: ``--scorer transformers:MODEL``.

MODEL is a Hugging Face model id (downloaded into the Hugging Face cache on first use) or a
local directory written by ``save_pretrained``; it must be a sequence classifier. The
packages (``requirements-transformers.txt``: transformers and torch) are imported only when
this scorer is chosen; without them the command stops with a one-line error naming that
file.

The score is compound-like, -1..1: the model's label probabilities (a text-classification
pipeline, softmax over the labels) weighed by what each label means, read from the model
config's ``id2label``:

* labels named positive / negative / neutral (also "pos", "neg", "neu", any case):
  P(positive) - P(negative);
* star ratings ("1 star" ... "5 stars"): the expected rating mapped onto -1..1 (1 star is
  -1, 3 stars 0, 5 stars +1).

Any other labels ("LABEL_0", "LABEL_1") are refused with an error that names them: rename
them in the model's ``config.json`` (``id2label``). Labels follow from the score with the
same +-0.05 thresholds as VADER's. Per-brand sentiment is the post's score, except that a
switching statement still makes the brand left negative and the one chosen positive
(``targets.brand_sentiment`` with no word valences).

May import: errors, scoring.vader, vocabulary (and, lazily, the optional transformers and
torch packages).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from dashboard.errors import UserError
from dashboard.scoring.vader import Scored, Tokens
from dashboard.vocabulary import TRANSFORMERS

REQUIREMENTS = "requirements-transformers.txt"
POSITIVE, NEGATIVE, NEUTRAL = {"positive", "pos"}, {"negative", "neg"}, {"neutral", "neu"}
STARS = re.compile(r"(\d+)\s*stars?")
BATCH = 32
MAX_TOKENS = 512


def label_weights(id2label: dict) -> dict[str, float]:
    """Label name -> its weight in the score (see the module doc); raises UserError for
    labels whose meaning cannot be read."""
    names = [str(n) for n in id2label.values()]
    stars = {n: STARS.fullmatch(n.strip().lower()) for n in names}
    if len(names) > 1 and all(stars.values()):
        value = {n: int(m.group(1)) for n, m in stars.items()}
        lo, hi = min(value.values()), max(value.values())
        if hi > lo:
            return {n: round(2 * (v - lo) / (hi - lo) - 1, 6) for n, v in value.items()}
    weights = {}
    for n in names:
        key = n.strip().lower()
        weights[n] = 1.0 if key in POSITIVE else -1.0 if key in NEGATIVE else \
            0.0 if key in NEUTRAL else None
    if None in weights.values() or not ({1.0, -1.0} <= set(weights.values())):
        raise UserError(f"the model's labels ({', '.join(names)}) do not say which is positive "
                        f"and which negative: name them positive/negative (and neutral), or "
                        f"'1 star' ... '5 stars', in its config.json id2label")
    return weights


class TransformerSentiment:
    """Compound-like scores from a text-classification model (see the module doc)."""

    def __init__(self, model: str):
        if model.startswith(("/", ".", "~")) and not Path(model).expanduser().is_dir():
            raise UserError(f"--scorer {TRANSFORMERS}{model}: no such model directory")
        model = str(Path(model).expanduser()) if model.startswith("~") else model
        try:
            import torch  # noqa: F401
            import transformers
        except ImportError as e:
            raise UserError(f"--scorer {TRANSFORMERS}{model} needs the optional packages in "
                            f"{REQUIREMENTS} ({e.name} is missing): pip install -r "
                            f"{REQUIREMENTS}") from None
        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()  # "Loading weights" on every command
        try:
            self.pipe = transformers.pipeline("text-classification", model=model,
                                              tokenizer=model, device="cpu", top_k=None)
        except (OSError, ValueError, KeyError) as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise UserError(f"--scorer {TRANSFORMERS}{model}: cannot load the model: {first}") \
                from None
        config = self.pipe.model.config
        self.weights = label_weights(config.id2label)
        self.model = model
        self.name = Path(model).resolve().name if Path(model).is_dir() else model
        self.fingerprint = _fingerprint(model, config)
        # longer texts are cut: to what the tokenizer and the model's positions allow
        limits = (getattr(self.pipe.tokenizer, "model_max_length", None),
                  getattr(config, "max_position_embeddings", None), MAX_TOKENS)
        self.max_tokens = min(int(n) for n in limits if n)

    def compounds(self, texts: list[str]) -> list[float]:
        """One score per text (0.0 for an empty one), -1..1, rounded to 4 places."""
        out = [0.0] * len(texts)
        todo = [i for i, t in enumerate(texts) if isinstance(t, str) and t.strip()]
        if not todo:
            return out
        results = self.pipe([texts[i] for i in todo], batch_size=BATCH, truncation=True,
                            max_length=self.max_tokens)
        for i, labels in zip(todo, results):
            total = sum(r["score"] * self.weights[r["label"]] for r in labels)
            out[i] = round(max(-1.0, min(1.0, total)), 4)
        return out

    def compound(self, text: str) -> float:
        return self.compounds([text])[0]

    def score_many(self, texts: list[str]) -> list[Scored]:
        """Scores with no word valences, so per-brand sentiment falls back to the post's."""
        return [Scored(Tokens(t.split(), [], [], None, t), [], c)
                for t, c in zip(texts, self.compounds(texts))]

    def score(self, text: str) -> Scored:
        return self.score_many([text])[0]


def _fingerprint(model: str, config) -> str:
    """What changes when the model does: a local directory's files, or the hub commit."""
    digest = hashlib.sha1()
    path = Path(model)
    if path.is_dir():
        for f in sorted(p for p in path.iterdir() if p.is_file()):
            digest.update(f.relative_to(path).as_posix().encode())
            with open(f, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
    else:
        digest.update(f"{model}@{getattr(config, '_commit_hash', None)}".encode())
    return digest.hexdigest()[:6]
