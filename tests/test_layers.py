"""Layers only point down (dashboard/__init__.py, the README's "Code map"): every import of
every module under dashboard/ (and the router) is checked against what its layer may
import, and every module's docstring says what it may import."""
from __future__ import annotations

import ast

import pytest

from tests.helpers import ROOT

FOUNDATION = {"dashboard", "dashboard.vocabulary", "dashboard.errors", "dashboard.paths",
              "dashboard.tracker", "dashboard.tracker_keys", "dashboard.events",
              "dashboard.time_window", "dashboard.phrases", "dashboard.stories"}
# layer -> the layers (or single modules) it may import from, its own included
MAY_IMPORT = {
    "foundation": {"foundation"},
    "scoring": {"foundation", "scoring"},
    "write": {"foundation", "scoring", "write"},
    "read": {"foundation", "read", "dashboard.write.schema", "dashboard.write.rollup"},
    "files": {"foundation", "files", "read"},
    "collectors": {"foundation", "scoring", "write", "dashboard.files.rows",
                   "collectors"},
    "demo": {"foundation", "scoring", "write", "demo"},
    "alerts": {"foundation", "read", "files", "dashboard.write.store", "alerts"},
    "app": {"foundation", "read", "files", "app", "dashboard.write.store"},
    "cli": {"foundation", "scoring", "write", "read", "files", "collectors", "demo", "alerts",
            "cli"},
}


def layer(module: str) -> str:
    if module in FOUNDATION:
        return "foundation"
    if module in ("dashboard.ui", "dashboard.charts", "streamlit_app") or \
            module.startswith("dashboard.app_pages"):
        return "app"
    if module in ("dashboard.cli", "dashboard.__main__"):
        return "cli"
    if module == "dashboard.demo":
        return "demo"
    return module.split(".")[1]  # scoring, write, read, files, collectors, alerts


def modules() -> list[tuple[str, ast.Module]]:
    paths = sorted((ROOT / "dashboard").rglob("*.py")) + [ROOT / "streamlit_app.py"]
    out = []
    for path in paths:
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        out.append((name.removesuffix(".__init__"), ast.parse(path.read_text())))
    return out


def imported(tree: ast.Module) -> set[str]:
    """The project modules a module imports, anywhere in it (function-level too)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and \
                node.module.split(".")[0] == "dashboard":
            if node.module in ("dashboard", "dashboard.files", "dashboard.read",
                               "dashboard.write", "dashboard.collectors", "dashboard.scoring"):
                found |= {f"{node.module}.{a.name}" for a in node.names}
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "dashboard"}
    return found


def allowed(importer: str, target: str) -> bool:
    may = MAY_IMPORT[layer(importer)]
    target_layer = layer(target)
    return target_layer in may or target in may or \
        any(target == m or target.startswith(m + ".") for m in may if "." in m)


@pytest.mark.parametrize("name, tree", modules(), ids=[n for n, _ in modules()])
def test_imports_point_down(name, tree):
    wrong = sorted(t for t in imported(tree) if not allowed(name, t))
    assert wrong == [], f"{name} ({layer(name)}) may not import {wrong}"


@pytest.mark.parametrize("name, tree", modules(), ids=[n for n, _ in modules()])
def test_every_module_says_what_it_holds_and_may_import(name, tree):
    doc = ast.get_docstring(tree) or ""
    assert doc.split("\n")[0].strip(), f"{name}: no docstring saying what it holds"
    assert "May import" in doc, f"{name}: its docstring does not say what it may import"


def test_the_check_finds_an_import_pointing_up():
    assert not allowed("dashboard.scoring.sentiment", "dashboard.write.store")
    assert not allowed("dashboard.ui", "dashboard.demo")
    assert not allowed("dashboard.read.queries", "dashboard.write.ingest")
    assert not allowed("dashboard.collectors.base", "dashboard.files.export")
    assert not allowed("dashboard.alerts.deliver", "dashboard.write.ingest")
    assert allowed("dashboard.read.queries", "dashboard.write.schema")


def test_the_readme_code_map_names_every_folder_and_module():
    readme = (ROOT / "README.md").read_text()
    code_map = readme[readme.index("## Code map"):].split("\n## ")[0]
    missing = []
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        rel = path.relative_to(ROOT)
        folder = f"`{rel.parent.as_posix()}/`"
        if rel.name == "__init__.py" or rel.name == "__main__.py" or folder in code_map:
            continue
        if not any(f"`{rel.as_posix()}`" in code_map or f"`{rel.name}`" in line
                   for line in code_map.splitlines() if rel.parent.as_posix() in line):
            missing.append(rel.as_posix())
    assert missing == []
