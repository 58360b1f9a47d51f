"""Property-based tests of the tracker loader (dashboard/tracker.py): random TOML-shaped
documents and random file contents either load or raise a TrackerError that names the file
and the key; the command line turns every unreadable tracker into exit status 2."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.cli import main
from dashboard.tracker import Tracker, TrackerError, load_tracker, parse_tracker
from reliability import tally
from reliability.fuzzing import texts

KEYS = ["name", "aliases", "aliases_cased", "aliases_in_context", "company", "color",
        "app_store", "google_play", "id", "source", "countries", "charts", "limit", "queries",
        "lexicon", "keep_author_handles", "description"]
LEAVES = st.one_of(texts(3), st.integers(), st.floats(), st.booleans(), st.datetimes(),
                   st.dates(), st.times())
VALUES = st.recursive(LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)),
    max_leaves=8)
TABLES = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=5)
VALID_BRAND = st.fixed_dictionaries({"name": st.sampled_from(["Claude", "ChatGPT"])},
                                    optional={"aliases": st.lists(texts(2), max_size=2)})
DOCUMENTS = st.fixed_dictionaries({}, optional={
    "tracker": st.one_of(TABLES, st.just({"name": "t"}), VALUES),
    "brands": st.one_of(st.lists(st.one_of(VALID_BRAND, TABLES, VALUES), max_size=3), VALUES),
    "sources": st.one_of(st.dictionaries(texts(2), st.one_of(TABLES, VALUES), max_size=3),
                         VALUES),
    "charts": st.one_of(TABLES, VALUES),
    "scoring": st.one_of(TABLES, VALUES),
})


@given(DOCUMENTS)
def test_any_document_loads_or_names_the_key(raw):
    with tally.scenario("fuzz"):
        try:
            tracker = parse_tracker(raw, "t.toml")
        except TrackerError as e:
            assert str(e).startswith("t.toml: ") and len(str(e)) > len("t.toml: ")
            return
        assert isinstance(tracker, Tracker) and tracker.brands
        assert all(isinstance(b.name, str) and b.name for b in tracker.brands)


@given(st.one_of(texts(30), st.text()))
def test_any_file_text_loads_or_names_the_file(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("tracker") / "t.toml"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    with tally.scenario("fuzz"):
        try:
            load_tracker(path)
        except TrackerError as e:
            assert str(e).startswith(f"{path}: ")
        except UnicodeDecodeError:  # lone surrogates written raw: not UTF-8 (see below)
            pass


@pytest.mark.parametrize("kind", ["not UTF-8", "a folder"])
def test_an_unreadable_tracker_is_a_tracker_error(tmp_path, kind):
    path = tmp_path / "t.toml"
    if kind == "a folder":
        path.mkdir()
    else:
        path.write_bytes(b"\xff\xfe[tracker]")
    with pytest.raises(TrackerError, match=str(path)):
        load_tracker(path)


def test_a_bad_tracker_file_exits_2(tmp_path, capsys):
    posts = tmp_path / "posts.csv"
    posts.write_text("id,created_at,text\n1,2026-03-01,x\n")
    bad = {"binary.toml": b"\xff\xfe\x00 not text", "not toml.toml": b"[tracker\nname = 1",
           "no brands.toml": b"[tracker]\nname='x'\n"}
    for name, content in bad.items():
        (tmp_path / name).write_bytes(content)
    for name in [*bad, "missing.toml", "."]:
        with tally.scenario("fuzz"):
            code = main(["score", str(posts), "-o", str(tmp_path / "out.csv"),
                         "--tracker", str(tmp_path / name)])
            err = capsys.readouterr().err
            assert code == 2 and err.startswith("error: "), (name, err)
