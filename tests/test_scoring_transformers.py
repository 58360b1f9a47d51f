"""The optional transformer scorer (``--scorer transformers:MODEL``): how a model's labels
become a score, the error without the optional packages, and, where transformers and torch
are installed (``make test-transformers``), a tiny random BERT classifier built here (no
download) scoring posts through ``Scorer`` and the ``score`` and ``import`` commands."""
import importlib.util
import json
import os
import sys

import pandas as pd
import pytest

from dashboard.cli import main
from dashboard.errors import UserError
from dashboard.read.scorers import describe
from dashboard.scoring import SCORER_VERSION, Scorer
from dashboard.scoring.transformer import label_weights

INSTALLED = all(importlib.util.find_spec(m) for m in ("transformers", "torch"))
# `make test-transformers` sets this: there a skip would hide that nothing was tested
REQUIRED = os.environ.get("REQUIRE_TRANSFORMERS") == "1"
REASON = ("transformers/torch are not installed (optional: requirements-transformers.txt; "
          "`make test-transformers` runs these tests in their own venv)")
needs_packages = pytest.mark.skipif(not INSTALLED and not REQUIRED, reason=REASON)

POSTS = ["I love Claude, it is great", "ChatGPT is awful", "Switched from ChatGPT to Claude",
         "", "the app the app the app " * 60]
WORDS = ("i love hate claude chatgpt it is great awful the app switched from to , . !"
         .split())


def test_labels_named_positive_and_negative_weigh_plus_and_minus_one():
    assert label_weights({0: "NEGATIVE", 1: "neutral", 2: "Positive"}) == {
        "NEGATIVE": -1.0, "neutral": 0.0, "Positive": 1.0}
    assert label_weights({0: "neg", 1: "pos"}) == {"neg": -1.0, "pos": 1.0}


def test_star_labels_weigh_by_the_expected_rating():
    weights = label_weights({i: f"{i + 1} star{'s' if i else ''}" for i in range(5)})
    assert weights == {"1 star": -1.0, "2 stars": -0.5, "3 stars": 0.0, "4 stars": 0.5,
                       "5 stars": 1.0}


@pytest.mark.parametrize("labels", [{0: "LABEL_0", 1: "LABEL_1"}, {0: "positive"},
                                    {0: "joy", 1: "anger"}])
def test_labels_whose_meaning_cannot_be_read_are_refused_by_name(labels):
    with pytest.raises(UserError, match="do not say which is positive"):
        label_weights(labels)


def test_without_the_packages_the_command_names_the_requirements_file(tmp_path, capsys,
                                                                      monkeypatch):
    monkeypatch.setitem(sys.modules, "transformers", None)  # import fails, as if absent
    posts = tmp_path / "posts.csv"
    posts.write_text("id,created_at,text\n1,2026-03-01,I love Claude\n")
    code = main(["score", str(posts), "-o", str(tmp_path / "out.csv"), "--scorer",
                 "transformers:some/model", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "pip install -r requirements-transformers.txt" in err and "Traceback" not in err


def test_a_scorer_that_is_not_one_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["score", "x.csv", "-o", str(tmp_path / "o.csv"), "--scorer", "bert"])
    assert e.value.code == 2 and "full, vader or transformers:MODEL" in capsys.readouterr().err


def test_versions_are_described_in_words():
    assert describe(f"{SCORER_VERSION}-transformers:org/model-x-abc123") == \
        "the transformer model org/model-x"
    assert describe(f"{SCORER_VERSION}-vader-abc123").startswith("plain VADER")
    assert "older version (4)" in describe("4-full-e2e48c") and describe(None) == "not scored"


# -- with transformers and torch installed ----------------------------------------------

@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A random BERT-style classifier with a vocabulary of a few words, saved to disk."""
    if not INSTALLED and not REQUIRED:
        pytest.skip(REASON)
    import torch
    import transformers
    folder = tmp_path_factory.mktemp("models") / "tiny-sentiment"
    folder.mkdir()
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]) + "\n")
    transformers.BertTokenizer(vocab_file=str(vocab)).save_pretrained(folder)
    labels = {0: "negative", 1: "neutral", 2: "positive"}
    config = transformers.BertConfig(
        vocab_size=len(WORDS) + 5, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=64, num_labels=3, id2label=labels,
        label2id={v: k for k, v in labels.items()})
    torch.manual_seed(11)
    model = transformers.BertForSequenceClassification(config)
    with torch.no_grad():  # spread the outputs, so that scores differ between posts
        model.classifier.weight.normal_(0, 8)
    model.save_pretrained(folder)
    return folder


def expected(folder, texts):
    """P(positive) - P(negative) straight from the model."""
    import torch
    import transformers
    tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
    model = transformers.AutoModelForSequenceClassification.from_pretrained(folder).eval()
    with torch.no_grad():
        batch = tokenizer(texts, padding=True, truncation=True, max_length=64,
                          return_tensors="pt")
        p = torch.softmax(model(**batch).logits, dim=-1)
    return [round(float(r[2] - r[0]), 4) for r in p]


@needs_packages
def test_the_scorer_gives_p_positive_minus_p_negative(tiny_model, tracker):
    scorer = Scorer(tracker, f"transformers:{tiny_model}")
    assert scorer.version.startswith(f"{SCORER_VERSION}-transformers:tiny-sentiment-")
    assert len(scorer.version) <= 200  # posts.scorer_version
    assert describe(scorer.version) == "the transformer model tiny-sentiment"
    scores = scorer.score_frame(pd.DataFrame({"text": POSTS}))
    want = expected(tiny_model, [t for t in POSTS if t])
    got = scores["sentiment"].tolist()
    assert got[:3] + got[4:] == pytest.approx(want, abs=2e-4) and got[3] == 0.0
    assert len(set(got)) > 2 and all(-1 <= s <= 1 for s in got)
    assert (scores["scorer_version"] == scorer.version).all()
    # brands and switching work as with VADER; per-brand sentiment is the post's, but for a
    # switching statement's sides
    assert scores.loc[0, "brands"] == "Claude" and scores.loc[2, "switch_from"] == "ChatGPT"
    assert json.loads(scores.loc[0, "brand_sentiment"]) == {"Claude": got[0]}
    toward = json.loads(scores.loc[2, "brand_sentiment"])
    assert toward["ChatGPT"] < 0 < toward["Claude"]


@needs_packages
def test_the_version_changes_with_the_model_files(tiny_model, tracker, tmp_path):
    import shutil
    copy = tmp_path / "tiny-sentiment"
    shutil.copytree(tiny_model, copy)
    assert Scorer(tracker, f"transformers:{copy}").version == \
        Scorer(tracker, f"transformers:{tiny_model}").version
    config = json.loads((copy / "config.json").read_text())
    config["id2label"] = {"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"}
    (copy / "config.json").write_text(json.dumps(config))
    with pytest.raises(UserError, match="LABEL_0, LABEL_1, LABEL_2"):
        Scorer(tracker, f"transformers:{copy}")


@needs_packages
def test_score_and_import_commands_use_the_model(tiny_model, tmp_path, capsys):
    posts = tmp_path / "posts.csv"
    pd.DataFrame({"id": range(len(POSTS)), "created_at": "2026-03-01T10:00:00Z",
                  "text": POSTS}).to_csv(posts, index=False)
    out = tmp_path / "scored.csv"
    scorer = f"transformers:{tiny_model}"
    assert main(["score", str(posts), "-o", str(out), "--scorer", scorer]) == 0
    assert "transformers:tiny-sentiment" in capsys.readouterr().out
    scored = pd.read_csv(out)
    want = expected(tiny_model, [t for t in POSTS if t])
    assert scored["sentiment"].drop(index=3).tolist() == pytest.approx(want, abs=2e-4)

    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    pd.read_csv(posts).dropna().to_csv(posts, index=False)  # import refuses an empty text
    assert main(["import", str(posts), "--source", "reddit", "--db", db, "--scorer", scorer,
                 "--quiet"]) == 0
    exported = tmp_path / "posts-out.csv"
    assert main(["export", "--table", "posts", "-o", str(exported), "--db", db,
                 "--quiet"]) == 0
    versions = pd.read_csv(exported)["scorer_version"].unique().tolist()
    assert len(versions) == 1 and versions[0].startswith(
        f"{SCORER_VERSION}-transformers:tiny-sentiment-")
    # the adapted scorer's version differs, so rescore takes every post back
    assert main(["rescore", "--db", db]) == 0
    assert "rescored 4 posts" in capsys.readouterr().out


@pytest.mark.parametrize("model, message", [("/no/such/dir", "no such model directory"),
                                            ("an org/not an id", "cannot load the model")])
def test_a_model_that_cannot_load_is_a_one_line_error(tmp_path, capsys, model, message):
    if not INSTALLED and not REQUIRED and not model.startswith("/"):
        pytest.skip(REASON)
    posts = tmp_path / "posts.csv"
    posts.write_text("id,created_at,text\n1,2026-03-01,I love Claude\n")
    code = main(["score", str(posts), "-o", str(tmp_path / "o.csv"), "--scorer",
                 f"transformers:{model}", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(f"error: --scorer transformers:{model}: {message}")
    assert err.count("\n") == 1
