"""``make bench``: build stores of 10k, 100k and 1M posts (``--sizes 10m`` for 10M, opt-in)
and measure the dashboard on them.

Prints one ``name: value`` line per figure as it is measured and writes them all to
``bench/results/latest.json`` (git-ignored). Figures (sizes as ``10k``, ``100k``, ``1m``, ``10m``;
``_pg`` for the same on PostgreSQL):

- ``score_posts_per_s``, ``score_ratio_vs_vader``: the full scorer against a plain
  vaderSentiment loop on the same texts (``bench_scorer.py``);
- ``import_posts_per_s_<size>``: ``python -m dashboard import`` of the generated files
  (``bench/generate.py``: one CSV per source) into a new store: read, score, store;
- ``overview_cold_s_<size>``, ``overview_warm_s_<size>``, ``floor_s_<size>``
  (``bench/overview.py``) and ``overview_floor_ratio_<size>`` (cold / floor);
- ``dashboard_peak_rss_mb_<size>`` (``bench/rss.py``), at the largest size only;
- ``load_average_<size>``: the machine's 1-minute load when that size was done, since
  other work on the same cores moves every timing.

Timed figures are medians of ``--repeat`` runs. Stores live under ``bench/stores/`` and
generated files under ``bench/data/`` (both git-ignored); PostgreSQL stores go in a
schema ``bench_<size>`` of ``--postgres`` (default ``$TEST_POSTGRES_URL`` or the local
server; replaced by the next run), skipped, saying so, when it cannot be reached.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from bench import bench_scorer
from bench.generate import ranks_frame, source_of, write_post_files
from dashboard import paths
from dashboard.tracker import load_tracker
from dashboard.write.store import normalise_url, open_store, write_ranks

BENCH = Path(__file__).resolve().parent
SIZES = (10_000, 100_000, 1_000_000)
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


def size_name(n: int) -> str:
    return f"{n // 1_000_000}m" if n >= 1_000_000 else f"{n // 1000}k"


def size(name: str) -> int:
    """A post count from its name ("10k", "1m", "10m") or digits."""
    units = {"k": 1_000, "m": 1_000_000}
    name = name.strip().lower()
    return int(name[:-1]) * units[name[-1]] if name[-1:] in units else int(name)


class Figures(dict):
    """Figures in measurement order; each is printed and saved as soon as it is known."""

    def __init__(self, output: Path):
        super().__init__()
        self.output = output

    def add(self, name: str, value: float) -> None:
        self[name] = round(value, 3)
        print(f"{name}: {self[name]}", flush=True)
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.output.write_text(json.dumps(self, indent=2) + "\n")


def scorer_figures(figures: Figures, repeat: int) -> None:
    texts, _origin = bench_scorer.texts_to_score()
    texts = texts * -(-60_000 // len(texts))
    runs = [bench_scorer.full_and_vader(texts) for _ in range(repeat)]
    full = statistics.median(f for f, _ in runs)
    figures.add("score_posts_per_s", full)
    figures.add("score_ratio_vs_vader", statistics.median(f / v for f, v in runs))


def post_files(n: int) -> list[Path]:
    """The generated CSVs for ``n`` posts, made once (the generator is seeded)."""
    folder = BENCH / "data" / size_name(n)
    done = folder / ".complete"
    if not done.exists():
        write_post_files(load_tracker(paths.DEFAULT_TRACKER), n, folder)
        done.touch()
    return sorted(folder.glob("*.csv"))


def import_files(url: str, files: list[Path]) -> float:
    """Seconds for ``python -m dashboard import`` of every file, one source each."""
    start = time.perf_counter()
    for path in files:
        subprocess.run([sys.executable, "-m", "dashboard", "import", str(path), "--source",
                        source_of(path), "--db", url, "--quiet"], check=True, cwd=paths.ROOT)
    return time.perf_counter() - start


def sqlite_store(n: int, reuse: bool) -> str:
    """The URL of ``bench/stores/<size>.sqlite``, emptied unless ``reuse``."""
    path = BENCH / "stores" / f"{size_name(n)}.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not reuse:
        for old in path.parent.glob(path.name + "*"):
            old.unlink()
    return f"sqlite:///{path}"


def pg_store(base: str, n: int, reuse: bool) -> str | None:
    """A URL on the schema ``bench_<size>`` of ``base``, new and empty unless ``reuse``
    (replacing the last run's), or None when the server cannot be reached."""
    url = normalise_url(base)
    schema = f"bench_{size_name(n)}"
    try:
        admin = create_engine(url)
        with admin.begin() as conn:
            if not reuse:
                conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
        admin.dispose()
    except Exception as e:  # no server: the SQLite figures still stand
        print(f"# PostgreSQL at {base} unavailable ({type(e).__name__}); skipped", flush=True)
        return None
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def _module(name: str, *args: str) -> dict:
    """Run ``python -m bench.<name> ARGS`` in its own process; its last line is JSON."""
    out = subprocess.run([sys.executable, "-m", f"bench.{name}", *args], check=True,
                         cwd=paths.ROOT, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def store_figures(figures: Figures, url: str, n: int, suffix: str, repeat: int,
                  largest: bool, reuse: bool) -> None:
    name = size_name(n) + suffix
    if not reuse:
        figures.add(f"import_posts_per_s_{name}", n / import_files(url, post_files(n)))
        write_ranks(open_store(url), ranks_frame(load_tracker(paths.DEFAULT_TRACKER)))
    times = _module("overview", url, "--repeat", str(repeat))
    figures.add(f"overview_cold_s_{name}", times["cold_s"])
    figures.add(f"overview_warm_s_{name}", times["warm_s"])
    figures.add(f"floor_s_{name}", times["floor_s"])
    figures.add(f"overview_floor_ratio_{name}", times["cold_s"] / times["floor_s"])
    if largest:
        figures.add(f"dashboard_peak_rss_mb_{name}", _module("rss", url)["peak_rss_mb"])
    figures.add(f"load_average_{name}", os.getloadavg()[0])  # other work moves timings


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(size_name, SIZES)),
                   help="post counts, comma-separated, as 10k, 1m or digits (default "
                        "10k,100k,1m; 10m is opt-in: about an hour per store)")
    p.add_argument("--repeat", type=int, default=3, help="runs per timed figure (default 3)")
    p.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL", DEFAULT_PG),
                   help="PostgreSQL server URL, or 'none' (default: $TEST_POSTGRES_URL or "
                        f"{DEFAULT_PG})")
    p.add_argument("--stores", default="sqlite,postgres",
                   help="which stores to build and measure, comma-separated (default "
                        "sqlite,postgres; a 10M run of one store takes about an hour)")
    p.add_argument("--reuse", action="store_true",
                   help="measure the stores of the last run again: no scorer or import "
                        "figures (for iterating on the read side)")
    p.add_argument("-o", "--output", default=str(BENCH / "results" / "latest.json"))
    args = p.parse_args()
    sizes = sorted(size(s) for s in args.sizes.split(","))
    figures = Figures(Path(args.output))
    print(f"# {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start",
          flush=True)
    if not args.reuse:
        scorer_figures(figures, args.repeat)
    stores = set(args.stores.split(","))
    if not stores <= {"sqlite", "postgres"}:
        p.error(f"--stores: unknown {', '.join(sorted(stores - {'sqlite', 'postgres'}))} "
                "(known: sqlite, postgres)")
    for n in sizes if "sqlite" in stores else ():
        store_figures(figures, sqlite_store(n, args.reuse), n, "", args.repeat,
                      n == sizes[-1], args.reuse)
    if args.postgres != "none" and "postgres" in stores:
        for n in sizes:
            url = pg_store(args.postgres, n, args.reuse)
            if url is None:
                break
            store_figures(figures, url, n, "_pg", args.repeat, n == sizes[-1], args.reuse)
    print(f"# load average {os.getloadavg()[0]:.1f} at the end; figures in {args.output}")


if __name__ == "__main__":
    main()
