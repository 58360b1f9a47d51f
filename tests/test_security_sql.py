"""SQL only through bound parameters, and authors pseudonymous by default.

A static check reads every module under dashboard/ for SQL built from strings (f-strings,
``+``, ``%`` or ``.format`` around SQL keywords). Behaviour tests put SQL-like payloads in
the Posts search (queries.post_rows, and the page's ``q`` parameter) and in filters, on
SQLite and PostgreSQL: a search finds exactly the posts containing its text literally
(% and _ are not wildcards), and nothing is dropped or leaked."""
from __future__ import annotations

import ast
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.files.importer import normalise_posts
from dashboard.read.filters import Filters
from dashboard.read.queries import post_rows
from dashboard.scoring import Scorer
from dashboard.write.ingest import save_posts_as_run, pseudonymise
from dashboard.write.store import count_posts, open_store
from reliability import fuzzing, tally
from tests.helpers import ROOT

SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WHERE)\b")
# DDL cannot take bound parameters; these build trigger names from the module's own constants
ALLOWED = {(f"dashboard/write/{module}.py", statement) for module in ("rollup", "copies")
           for statement in ("CREATE TRIGGER", "DROP TRIGGER")}
PAYLOADS = ["'; DROP TABLE posts; --", "' OR '1'='1", "\" OR \"\"=\"", "%", "_", "\\", "%'--",
            "' UNION SELECT sql FROM sqlite_master --", "[a-z]", "*", "?", ":text", "$1", "%s",
            "{0}", "\x1a", "--", "/*", "Robert'); DROP TABLE mentions;--"]


def built_sql(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of every string built at run time that reads like SQL."""
    found = []
    for node in ast.walk(tree):
        parts = None
        if isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.FormattedValue)
                                                   for v in node.values):
            parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            parts = [s.value for s in (node.left, node.right)
                     if isinstance(s, ast.Constant) and isinstance(s.value, str)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr == "format" and isinstance(node.func.value, ast.Constant):
            parts = [str(node.func.value.value)]
        text = " ".join(p for p in parts or [] if isinstance(p, str))
        if SQL_WORDS.search(text):
            found.append((node.lineno, text))
    return found


def test_no_sql_is_built_from_strings():
    offenders = []
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        for line, text in built_sql(ast.parse(path.read_text(encoding="utf-8"))):
            if not any(name == f and words in text for f, words in ALLOWED):
                offenders.append(f"{name}:{line}: {text[:80]!r}")
    assert offenders == [], "use bound parameters (SQLAlchemy Core) instead"


def test_the_check_finds_string_built_sql():
    sample = ast.parse('q = f"SELECT * FROM posts WHERE text = \'{search}\'"\n'
                       'r = "DELETE FROM posts WHERE id = " + x\n'
                       's = "UPDATE posts SET x = %s" % y\n')
    assert [line for line, _ in built_sql(sample)] == [1, 2, 3]


def hostile_store(url: str, tracker) -> pd.DataFrame:
    texts = [f"post {i}: {p} about ChatGPT" for i, p in enumerate(PAYLOADS)] + \
        ["plain post about Claude", "100% sure_thing about Gemini", "C:\\path\\to about Grok"]
    raw = pd.DataFrame({"id": [str(i) for i in range(len(texts))], "created_at": "2026-03-01",
                        "text": texts, "author": [f"handle_{i}" for i in range(len(texts))]})
    save_posts_as_run(open_store(url), normalise_posts(raw, "s", "posts.csv"), "s", Scorer(tracker))
    return raw


def ascii_lower(text: str) -> str:
    """Case folding both stores agree on (SQLite's LIKE folds ASCII letters only)."""
    return text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                        "abcdefghijklmnopqrstuvwxyz"))


def check_searches(url: str, raw: pd.DataFrame, searches) -> None:
    engine = open_store(url)
    for search in searches:
        with tally.scenario("sql"):
            found = sorted(post_rows(engine, Filters(), search=search)["text"])
            literal = ascii_lower(search.replace("\x00", ""))  # no stored text holds a NUL
            expected = sorted(t for t in raw["text"] if literal in ascii_lower(t))
            assert found == expected, search
            assert count_posts(engine) == len(raw)
    hostile = Filters(sources=PAYLOADS, brands=PAYLOADS, sentiments=PAYLOADS)
    assert post_rows(engine, hostile).empty and count_posts(engine) == len(raw)


@pytest.fixture
def sqlite_store(tmp_path, tracker):
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    return url, hostile_store(url, tracker)


def test_sql_payloads_in_searches_and_filters_sqlite(sqlite_store):
    check_searches(*sqlite_store, PAYLOADS)


@pytest.mark.postgres
def test_sql_payloads_in_searches_and_filters_postgres(pg_url, tracker):
    check_searches(pg_url, hostile_store(pg_url, tracker), PAYLOADS)


@given(st.one_of(fuzzing.texts(3), st.text(alphabet=st.sampled_from("ab %_\\'\";-*?[]()$:{}/"),
                                            max_size=8)))
def test_any_search_matches_its_text_literally(sqlite_store, search):
    # as a browser can send it (UTF-8)
    check_searches(*sqlite_store, [search.encode("utf-8", "replace").decode()])


def search_page(monkeypatch, url: str, search: str) -> list[str]:
    """The texts the Posts page shows for ``?q=search``."""
    monkeypatch.setenv("DASHBOARD_DB", url)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.switch_page("dashboard/app_pages/posts.py")
    at.query_params["q"] = search
    at.run()
    assert not at.exception
    return at.dataframe[0].value["text"].tolist()


# what each search must find literally; a NUL (?q=%00) is no text any post can hold
PAGE_SEARCHES = {"'; DROP TABLE posts; --": "'; DROP TABLE posts; --", "%": "%", "_": "_",
                 "\x00": ""}


def test_the_posts_page_search_box(monkeypatch, sqlite_store):
    url, raw = sqlite_store
    for search, literal in PAGE_SEARCHES.items():
        with tally.scenario("sql"):
            shown = search_page(monkeypatch, url, search)
            assert sorted(shown) == sorted(t for t in raw["text"] if literal in t), search
    assert count_posts(open_store(url)) == len(raw)


@pytest.mark.postgres
def test_a_nul_in_the_search_box_on_postgres(monkeypatch, pg_url, tracker):
    """PostgreSQL refuses NUL in a parameter: the page must not pass one on."""
    raw = hostile_store(pg_url, tracker)
    with tally.scenario("sql"):
        assert len(search_page(monkeypatch, pg_url, "\x00")) == len(raw)


def test_authors_are_pseudonymous_by_default(sqlite_store):
    url, raw = sqlite_store
    stored = pd.read_sql("SELECT author FROM posts", open_store(url))["author"]
    assert stored.str.fullmatch(r"a_[0-9a-f]{12}").all()
    assert not set(stored) & set(raw["author"])


@given(st.lists(st.text(min_size=1), min_size=1, max_size=5), st.text(min_size=1))
def test_pseudonyms_are_stable_per_store_and_hide_the_handle(handles, salt):
    first = pseudonymise(pd.Series(handles, dtype=object), salt)
    assert first.tolist() == pseudonymise(pd.Series(handles, dtype=object), salt).tolist()
    assert first.str.fullmatch(r"a_[0-9a-f]{12}").all()
    assert len(set(first)) == len(set(handles))
    other = pseudonymise(pd.Series(handles, dtype=object), salt + "x")
    assert not set(first) & set(other), "another store's salt, other pseudonyms"
