"""The learned second reader of switching (issue 11; ``dashboard/scoring/learned.py``): it
reads only posts with a body where the patterns found nothing, knows no brand by name, and
its weights are trained on the development split alone, from the current rows. Examples in
our own words."""
import json

import pytest

from dashboard.scoring import Scorer, learned
from dashboard.scoring.brands import BrandMatcher
from dashboard.scoring.switching import detect_switch
from dashboard.tracker import load_tracker
from dashboard import paths
from eval import train_switching

TOLD_IN_PASSING = (
    "Long week. The kids had a school project on volcanoes and we spent Saturday building one "
    "out of papier mache. My partner handled the glue, I handled the baking soda. On the work "
    "side, after the Pentagon news ChatGPT is off my phone and the drafting happens in Claude, "
    "which has been fine. Anyway, the volcano erupted on cue and the teacher loved it.")
NOTHING_MOVED = (
    "Long week. The kids had a school project on volcanoes and we spent Saturday building one "
    "out of papier mache. My partner handled the glue, I handled the baking soda. On the work "
    "side nothing much changed; ChatGPT wrote the project summary and Claude checked the "
    "spelling, same as every week. Anyway, the volcano erupted on cue and the teacher loved "
    "it.")


@pytest.fixture(scope="module")
def scorer():
    return Scorer(load_tracker(paths.DEFAULT_TRACKER))


def test_a_move_told_in_passing_in_a_body_is_read_with_its_brands(scorer):
    brands = scorer.brands.mentions(TOLD_IN_PASSING)
    assert detect_switch(TOLD_IN_PASSING, brands) is None  # the patterns have no rule for it
    got = scorer.score(TOLD_IN_PASSING)
    assert (got["switch_from"], got["switch_to"], got["switch_kind"]) == \
        ("ChatGPT", "Claude", "move")
    assert "ChatGPT is off my phone" in got["switch_phrase"]  # the sentence it came from


def test_the_same_post_with_nothing_moved_stays_uncounted(scorer):
    assert scorer.score(NOTHING_MOVED)["switch_kind"] is None


def test_titles_are_left_to_the_patterns(scorer):
    title = "ChatGPT money goes to Claude now"  # a title: the reader does not look
    assert len(title.split()) < learned.MIN_WORDS
    assert learned.default().detect(title, scorer.brands.mentions(title)) is None


def test_it_knows_no_brand_by_name(tmp_path):
    # another tracker's brands read the same way: every name is one token to the models
    toml = (paths.DEFAULT_TRACKER.read_text(encoding="utf-8")
            .replace('"ChatGPT"', '"Acme Chat"').replace('"Claude"', '"Bolt"'))
    (tmp_path / "trackers").mkdir()
    (tmp_path / "lexicon").symlink_to(paths.DATA / "lexicon")
    (tmp_path / "trackers" / "t.toml").write_text(toml, encoding="utf-8")
    text = TOLD_IN_PASSING.replace("ChatGPT", "Acme Chat").replace("Claude", "Bolt")
    tracker = load_tracker(tmp_path / "trackers" / "t.toml")
    if {"Acme Chat", "Bolt"} - set(tracker.brand_names):
        pytest.skip("the tracker names these brands differently")
    got = Scorer(tracker).score(text)
    assert (got["switch_from"], got["switch_to"], got["switch_kind"]) == \
        ("Acme Chat", "Bolt", "move")


def test_the_weights_come_from_the_current_development_split_only():
    model = json.loads(learned.MODEL.read_text(encoding="utf-8"))
    rows = train_switching.training_rows()
    assert {r["split"] for r in rows} == {"dev"}
    assert model["trained_on"] == {"file": "tests/data/switching_families.csv", "split": "dev",
                                   "posts": len(rows), "sha1": train_switching.digest(rows)}, \
        "the development rows changed: run make train-switching"
    assert {k: model[k] for k in train_switching.thresholds_of()} == \
        train_switching.thresholds_of()


def test_retraining_writes_the_same_weights():
    pytest.importorskip("sklearn", reason="scikit-learn (requirements-dev.txt) trains it")
    brands = BrandMatcher(load_tracker(paths.DEFAULT_TRACKER))
    model = json.loads(learned.MODEL.read_text(encoding="utf-8"))
    again = train_switching.fit(train_switching.training_rows(), brands)
    for name in learned.MODELS:
        assert again[name]["classes"] == model[name]["classes"]
        assert again[name]["bias"] == pytest.approx(model[name]["bias"], abs=1e-6)
        same = sum(model[name]["weights"].get(f) == w for f, w in again[name]["weights"].items())
        assert same >= 0.99 * len(model[name]["weights"])  # last-digit rounding may differ


def test_an_untracked_product_on_the_other_side_is_other(scorer):
    text = ("Bit of a ramble, sorry. Spent the weekend fixing the fence and repotting the "
            "tomatoes, so only now catching up on work stuff. I paid for ChatGPT for two years "
            "but in March I moved all my coding to a local Llama model running on my own box, "
            "and the subscription went. Feels good not to depend on anyone's servers.")
    mentions = scorer.brands.mentions(text)
    assert learned.default().sides(text, mentions) == ("ChatGPT", "other")
