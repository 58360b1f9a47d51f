"""Why they leave (issue 14): the tracker's ``[[reasons]]``, their phrases found in the whole
text of leaving, moving and considering posts as they are read, the stacked daily chart and
example posts on the Switching page (the reason filter in the link), ``export --table
reasons``, and the labelled posts ``make eval`` measures them on. Examples are in our own
words."""
import csv
import json
import tomllib
from datetime import date

import pandas as pd
import pytest

from dashboard import charts
from dashboard.cli import main
from dashboard.files.export import export_table
from dashboard.phrases import find, pattern
from dashboard.read import metrics
from dashboard.read.filters import Filters
from dashboard.read.reasons import posts_by_reason, reason_patterns, reasons_in
from dashboard.tracker import TrackerError, parse_tracker
from dashboard.vocabulary import REASON_KINDS
from dashboard.write.store import open_store
from tests.helpers import ROOT, app_page, store_posts

MINIMAL = {"tracker": {"name": "t"}, "brands": [{"name": "ChatGPT"}, {"name": "Claude"}]}
PRICE = {"name": "price", "label": "Price", "phrases": ["too expensive", "* a month"]}


def test_reasons_are_read_into_the_tracker(tracker):
    t = parse_tracker(MINIMAL | {"reasons": [PRICE | {"phrases": ["Too   EXPENSIVE"]}]})
    assert t.reasons[0].name == "price" and t.reasons[0].phrases == ("too expensive",)
    assert [r.name for r in tracker.reasons] == ["military", "privacy", "price", "quality",
                                                 "limits", "outage", "ethics"]
    assert all(r.label and r.description and r.phrases for r in tracker.reasons)


@pytest.mark.parametrize("reasons, message", [
    ([PRICE, PRICE | {"label": "Cost"}], "reasons[1].name: reason name 'price' is listed twice"),
    ([PRICE, PRICE | {"name": "cost"}], "reasons[1].label: reason label 'Price' is listed twice"),
    ([PRICE | {"phrases": []}], "reasons[0].phrases: expected at least one phrase"),
    ([PRICE | {"phrases": ["cost", "* *"]}],
     'reasons[0].phrases[1]: a phrase must hold a word besides the wildcard "*"'),
])
def test_a_reason_that_cannot_work_is_an_error_naming_it(reasons, message):
    with pytest.raises(TrackerError) as e:
        parse_tracker(MINIMAL | {"reasons": reasons}, "x.toml")
    assert str(e.value).startswith(f"x.toml: {message}")


@pytest.mark.parametrize("phrases, text, found", [
    (["rate limit"], "Hit the Rate-Limit again.", "Rate-Limit"),
    (["department of *"], "the Department of War, really", "Department of War"),
    (["* a month"], "it's $20 a month now", "20 a month"),
    (["pentagon"], "the Pentagon's new friend", "Pentagon"),
    (["ice"], "Alice moved to Claude", None),  # whole words only
    (["price"], "a priceless feature", None),
    (["price", "price increase"], "after the price increase", "price increase"),  # longest
    (["don't trust"], "I don't   trust them", "don't   trust"),
])
def test_phrases_are_whole_words_in_any_case_with_any_spacing(phrases, text, found):
    assert find(pattern(phrases), text) == (found and " ".join(found.split()))


def test_a_post_gives_every_reason_it_names(tracker):
    patterns = reason_patterns(tracker.reasons)
    assert reasons_in("Cancelled Plus: the Pentagon contract, and $20 a month for worse "
                      "answers.", patterns) == {"military": "Pentagon", "price": "$20",
                                                "quality": "worse"}
    assert reasons_in("Cancelled my ChatGPT Plus after three years.", patterns) == {}


@pytest.mark.parametrize("text, reason", [  # our own words
    ("Dropped Gemini: it kept losing the thread of long documents.", "quality"),
    ("Cancelled Grok, every news summary came with a spin I never asked for.", "quality"),
    ("Left Perplexity because half of its sources were SEO spam.", "quality"),
    ("Quit Meta AI after it confidently told me two pills were fine together.", "quality"),
    ("Unsubscribed from Copilot, it cited a study that doesn't exist.", "quality"),
    ("We cancelled Copilot: our auditors asked about data residency for client files.",
     "privacy"),
    ("Moved off DeepSeek after the data leak story, nothing sensitive goes there again.",
     "privacy"),
    ("Dropped Gemini, a local model that doesn't phone home is enough for my notes.",
     "privacy"),
])
def test_reasons_told_in_other_words(tracker, text, reason):
    assert set(reasons_in(text, reason_patterns(tracker.reasons))) == {reason}


def test_demo_wordings_give_exactly_their_reason(tracker):
    words = tomllib.loads((ROOT / "data" / "demo" / "texts.toml").read_text())["reasons"]
    patterns = reason_patterns(tracker.reasons)
    for reason, wordings in words.items():
        for wording in wordings:
            assert set(reasons_in(wording, patterns)) == ({reason} - {"none"}), wording


POSTS = [  # id, day, text: our own words
    ("1", "2026-03-01", "Cancelled my ChatGPT Plus. Not funding the Pentagon, and it costs "
                        "too much."),
    ("2", "2026-03-01", "Switched from ChatGPT to Claude because of the Department of War "
                        "deal."),
    ("3", "2026-03-02", "Thinking of cancelling ChatGPT over the rate limits, any advice?"),
    ("4", "2026-03-02", "Went back to ChatGPT after Claude's rate limits drove me mad."),
    ("5", "2026-03-02", "ChatGPT signed a deal with the Pentagon today."),  # no switching
    ("6", "2026-03-03", "Cancelled Claude Pro, the usage limits are brutal."),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def leaving(request, tracker):
    """A store of ``POSTS``, of each kind (PostgreSQL skips without a server)."""
    engine = open_store("sqlite://" if request.param == "sqlite" else
                        request.getfixturevalue("pg_url"))
    store_posts(engine, tracker, [{"id": i, "created_at": f"{d}T12:00:00Z", "text": t}
                                  for i, d, t in POSTS])
    return engine


def test_only_leaving_moving_and_considering_posts_give_reasons(leaving, tracker):
    matches, read = posts_by_reason(leaving, tracker)
    assert read == 4 and set(matches["switch_kind"]) <= set(REASON_KINDS)
    got = {(m.brand, m.reason, str(m.date.date())) for m in matches.itertuples()}
    assert got == {("ChatGPT", "military", "2026-03-01"), ("ChatGPT", "price", "2026-03-01"),
                   ("ChatGPT", "limits", "2026-03-02"), ("Claude", "limits", "2026-03-03")}
    daily = metrics.daily_reasons(matches)
    assert daily.set_index(["brand", "reason"]).loc[("ChatGPT", "military"), "posts"] == 2
    assert (matches["text"].str.lower().str.contains("pentagon|department of war|rate "
                                                     "limits|usage limits|costs")).all()
    only, _ = posts_by_reason(leaving, tracker, Filters(brands=("Claude",)))
    assert set(only["brand"]) == {"Claude"}
    newest, read = posts_by_reason(leaving, tracker, limit=2)  # a page reads a bounded number
    assert read == 2 and set(newest["date"].dt.day) == {2, 3}


def test_the_chart_stacks_each_reason_and_marks_the_events(leaving, tracker):
    daily = metrics.daily_reasons(posts_by_reason(leaving, tracker)[0])
    labels = {r.name: r.label for r in tracker.reasons}
    markers = charts.event_markers(pd.DataFrame({
        "date": [pd.Timestamp("2026-03-02")], "label": ["x"], "description": ["y"]}),
        date(2026, 3, 1), date(2026, 3, 3))
    fig = charts.reasons_chart(daily, markers, labels)
    bars = {t.name: (list(t.x), list(t.y)) for t in fig.data}
    assert set(bars) == {"Military deals", "Price", "Usage limits"}
    assert bars["Military deals"][1] == [2] and sum(bars["Usage limits"][1]) == 2
    assert fig.layout.barmode == "stack"
    assert [a.text for a in fig.layout.annotations] == ["1"]
    empty = charts.reasons_chart(metrics.daily_reasons(posts_by_reason(leaving, parse_tracker(
        MINIMAL))[0]), markers, {})
    assert empty.data == ()


def figures(at) -> dict[str, dict]:
    return {json.loads(el.proto.spec)["layout"]["title"]["text"].split(" <sup>")[0]:
            json.loads(el.proto.spec) for el in at.get("plotly_chart")}


CHART = "Why they leave: posts leaving or thinking of leaving, by the reason they give"


def test_the_switching_page_shows_reasons_and_a_link_keeps_the_filter(monkeypatch, demo_url):
    at = app_page(monkeypatch, demo_url, "switching")
    every = figures(at)[CHART]
    assert {t["name"] for t in every["data"]} >= {"Military deals", "Worse answers", "Price"}
    assert any(a["text"].isdigit() for a in every["layout"]["annotations"])  # events
    at = app_page(monkeypatch, demo_url, "switching", reasons=["Military deals"])
    assert at.multiselect(key="reasons").value == ["military"]
    assert at.query_params["reasons"] == "Military deals"
    picked = figures(at)[CHART]
    assert [t["name"] for t in picked["data"]] == ["Military deals"]
    examples = next(d.value for d in at.dataframe if "phrase" in d.value.columns)
    assert set(examples["reason"]) == {"Military deals"} and len(examples) == 5
    for phrase, text in zip(examples["phrase"], examples["text"]):
        assert phrase.lower() in " ".join(text.lower().split())


def test_a_page_says_when_it_read_only_the_newest_posts(monkeypatch, tmp_path, tracker):
    from dashboard import ui
    url = f"sqlite:///{tmp_path / 'leaving.sqlite'}"
    store_posts(open_store(url), tracker, [{"id": i, "created_at": f"{d}T12:00:00Z", "text": t}
                                           for i, d, t in POSTS])
    monkeypatch.setattr(ui, "REASONS_READ", 2)
    at = app_page(monkeypatch, url, "switching")
    assert any("Only the newest 2 such posts" in c.value for c in at.caption)


def test_on_the_demo_military_reasons_start_with_the_pentagon_deal(demo_url, tracker):
    daily = metrics.daily_reasons(posts_by_reason(open_store(demo_url), tracker)[0])
    per_reason = daily.pivot_table(index="date", columns="reason", values="posts",
                                   aggfunc="sum").fillna(0)
    assert per_reason.loc[:"2026-02-24", "military"].sum() <= 3
    assert per_reason.loc["2026-02-28":"2026-03-10", "military"].sum() > 100
    quality = per_reason["quality"]
    assert quality.loc["2026-02-13":"2026-02-19"].sum() > \
        2 * quality.loc["2026-01-20":"2026-01-26"].sum()  # GPT-4o taken away


def test_export_reasons_as_csv_and_parquet(demo_url, tmp_path):
    for name in ("reasons.csv", "reasons.parquet"):
        assert main(["export", "--table", "reasons", "-o", str(tmp_path / name), "--db",
                     demo_url, "--quiet"]) == 0
    frame = pd.read_csv(tmp_path / "reasons.csv")
    assert list(frame.columns) == ["date", "brand", "reason", "posts", "simulated"]
    assert not frame.duplicated(["date", "brand", "reason"]).any() and (frame["posts"] > 0).all()
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "reasons.parquet").astype({"date": str}),
        frame.astype({"date": str}), check_dtype=False)


def test_reason_names_in_exports_cannot_become_formulas(leaving, tmp_path):
    tracker = parse_tracker(MINIMAL | {"reasons": [{"name": "=cmd|' /C calc'!A0",
                                                    "label": "x", "phrases": ["pentagon"]}]})
    export_table(leaving, "reasons", tmp_path / "r.csv", "csv", tracker)
    assert "'=cmd|" in (tmp_path / "r.csv").read_text()


# --- the labelled posts `make eval` measures the reasons on ---------------------------------

LABELS = ROOT / "tests" / "data" / "reasons_labels.csv"


def test_the_labelled_posts_are_well_formed(tracker):
    rows = list(csv.DictReader(open(LABELS, encoding="utf-8")))
    families = list(csv.DictReader(open(ROOT / "tests" / "data" / "switching_families.csv",
                                        encoding="utf-8")))
    names = {r.name for r in tracker.reasons}
    assert {r["split"] for r in rows} == {"dev", "test"}
    for r in rows:
        assert set(filter(None, r["reasons"].split(";"))) <= names, r
        if r["set"] == "our posts":
            assert r["text"] and r["split"] == "dev"
        elif r["set"] == "our posts by family":  # the switching posts, in their own split
            f = families[int(r["ref"]) - 1]
            assert f["split"] == r["split"] and f["switch_kind"] in REASON_KINDS and \
                not r["text"]
    refs = [r["ref"] for r in rows if r["set"] == "our posts by family"]
    assert len(refs) == len(set(refs))
    # every leaving, moving or considering post of the test split is labelled
    assert {r["ref"] for r in rows if r["set"] == "our posts by family" and
            r["split"] == "test"} == {str(i) for i, f in enumerate(families, 1)
                                      if f["split"] == "test" and f["switch_kind"] in REASON_KINDS}


def test_eval_results_hold_each_reason_on_both_splits(tracker):
    rows = json.loads((ROOT / "data" / "eval" / "results.json").read_text())["reasons"]
    for split in ("dev", "test"):
        measured = {r["reason"] for r in rows if r["split"] == split}
        assert measured == {r.name for r in tracker.reasons} | {"any reason"}
    assert all(r["tp"] <= min(r["called"], r["actual"]) for r in rows)


def test_the_about_page_shows_each_reasons_accuracy(monkeypatch, demo_url):
    at = app_page(monkeypatch, demo_url, "about")
    table = next(d.value for d in at.dataframe if "reason" in d.value.columns)
    assert set(table["split"]) == {"dev", "test"} and "any reason" in set(table["reason"])
    assert table["precision"].str.match(r"^(\d\.\d\d|n/a) \(\d+/\d+\)$").all()
