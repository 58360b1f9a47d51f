"""The scheduled workflow's store, kept as a GitHub release asset: ``restore`` downloads the
published copy before collecting (a runner's disk is new each time), ``publish`` replaces
it with the new snapshot afterwards (``.github/workflows/collect.yml``).

    python deploy/publish_snapshot.py restore data/dashboard.sqlite
    python deploy/publish_snapshot.py publish out/dashboard.sqlite

A release asset rather than a data branch: replacing an asset leaves nothing behind, while
every snapshot committed to a branch stays in the repository's history for good (four a
day, megabytes each, in every clone); an asset may be 2 GiB, a file in git 100 MB; and its
download address never changes:
``https://github.com/OWNER/REPO/releases/download/TAG/dashboard.sqlite``. The new copy is
uploaded under a temporary name, then takes the old one's place (delete, rename), so
readers miss it for a moment at most, and keep their last copy meanwhile.

Environment: ``GITHUB_REPOSITORY`` (owner/name) and ``GITHUB_TOKEN`` (the workflow's own,
with ``contents: write``), ``GITHUB_API_URL`` (default https://api.github.com),
``SNAPSHOT_TAG`` (default ``data``); what happened is added to ``GITHUB_STEP_SUMMARY``
when set. Exit status 0, or 1 with one line saying what failed. Every request is bounded
(``TIMEOUT``).

May import: nothing of the project (requests and the standard library only).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import requests

TIMEOUT = (10, 300)  # seconds to connect, and between two reads or writes
MAX_BYTES = 2 * 1024 ** 3  # GitHub's limit for one release asset
UPLOADING = ".uploading"  # the new copy's name until it takes the old one's place


class Failed(Exception):
    """A request GitHub refused; the message says which and why."""


class Releases:
    """The few calls of GitHub's REST API for one repository's release assets."""

    def __init__(self, api: str, repo: str, token: str):
        self.base = f"{api.rstrip('/')}/repos/{repo}"
        self.http = requests.Session()
        self.http.headers.update({"Authorization": f"Bearer {token}",
                                  "Accept": "application/vnd.github+json",
                                  "X-GitHub-Api-Version": "2022-11-28"})

    def call(self, method: str, url: str, ok=(200,), **kw) -> requests.Response:
        try:
            r = self.http.request(method, url, timeout=TIMEOUT, **kw)
        except requests.RequestException as e:
            raise Failed(f"{method} {url.split('?')[0]}: {type(e).__name__}") from None
        if r.status_code not in ok:
            raise Failed(f"{method} {url.split('?')[0]}: HTTP {r.status_code} "
                         f"{r.text[:200].strip()}")
        return r

    def release(self, tag: str, create: bool = False) -> dict | None:
        r = self.call("GET", f"{self.base}/releases/tags/{tag}", ok=(200, 404))
        if r.status_code == 200:
            return r.json()
        if not create:
            return None
        return self.call("POST", f"{self.base}/releases", ok=(201,), json={
            "tag_name": tag, "name": "Dashboard data", "make_latest": "false",
            "body": "The store the scheduled workflow keeps (deploy/publish_snapshot.py); "
                    "the app reads it with DASHBOARD_DB set to the asset's address."}).json()

    def delete(self, asset: dict) -> None:
        self.call("DELETE", f"{self.base}/releases/assets/{asset['id']}", ok=(204, 404))


def restore(api: Releases, tag: str, path: Path) -> str:
    release = api.release(tag)
    asset = next((a for a in (release or {}).get("assets", []) if a["name"] == path.name),
                 None)
    if asset is None:
        return f"No published `{path.name}` in release `{tag}` yet: starting a new store."
    r = api.call("GET", asset["url"], headers={"Accept": "application/octet-stream"},
                 stream=True)
    part = path.with_name(path.name + ".part")
    path.parent.mkdir(parents=True, exist_ok=True)
    done = 0
    with r, part.open("wb") as out:
        for block in r.iter_content(1 << 20):
            done += len(block)
            if done > MAX_BYTES:
                raise Failed(f"{asset['name']} is larger than {MAX_BYTES:,} bytes")
            out.write(block)
    part.replace(path)
    return f"Restored `{path.name}` ({done / 1e6:.1f} MB) from release `{tag}`."


def publish(api: Releases, tag: str, path: Path) -> str:
    release = api.release(tag, create=True)
    name = path.name
    for asset in release.get("assets", []):
        if asset["name"] == name + UPLOADING:  # a run that stopped half-way
            api.delete(asset)
    upload = release["upload_url"].split("{")[0]
    with path.open("rb") as body:
        new = api.call("POST", upload, ok=(201,), params={"name": name + UPLOADING},
                       data=body, headers={"Content-Type": "application/vnd.sqlite3",
                                           "Content-Length": str(path.stat().st_size)}).json()
    for asset in release.get("assets", []):
        if asset["name"] == name:
            api.delete(asset)
    done = api.call("PATCH", new["url"], json={"name": name}).json()
    return (f"Published `{name}` ({path.stat().st_size / 1e6:.1f} MB) to release `{tag}`: "
            f"{done['browser_download_url']} (the app's `DASHBOARD_DB`).")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("action", choices=("restore", "publish"))
    p.add_argument("file", type=Path)
    args = p.parse_args(argv)
    env = os.environ
    if not env.get("GITHUB_REPOSITORY") or not env.get("GITHUB_TOKEN"):
        print("error: set GITHUB_REPOSITORY and GITHUB_TOKEN (a workflow sets both)",
              file=sys.stderr)
        return 1
    api = Releases(env.get("GITHUB_API_URL") or "https://api.github.com",
                   env["GITHUB_REPOSITORY"], env["GITHUB_TOKEN"])
    tag = env.get("SNAPSHOT_TAG") or "data"
    try:
        said = (restore if args.action == "restore" else publish)(api, tag, args.file)
    except (Failed, OSError) as e:
        said, status = f"{args.action} failed: {e}", 1
    else:
        status = 0
    print(said, file=sys.stderr if status else sys.stdout)
    if env.get("GITHUB_STEP_SUMMARY"):
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(f"- {said}\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
