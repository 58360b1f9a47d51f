"""Scoring many texts in batches, on every core the process may use.

Below ``PARALLEL_MIN`` texts (or on one core, or inside a pool's worker) batches run here;
above it, worker processes score batches in order. Workers are forked when this process
has no other threads (fast: they share the loaded lexicon), and started fresh otherwise
(forking a threaded process, such as a Streamlit server, can deadlock).

May import: nothing of the project (the scorer is passed in).
"""
from __future__ import annotations

import multiprocessing
import os
import threading

BATCH = 2000  # texts per batch: progress granularity and worker task size
PARALLEL_MIN = 8000  # below this, starting workers costs more than it saves

_scorer = None  # the worker process's scorer


def cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def score_texts(scorer, texts: list, progress=None) -> list[tuple]:
    """``scorer.rows`` over ``texts`` in batches; ``progress(n)`` after each batch."""
    batches = [texts[i:i + BATCH] for i in range(0, len(texts), BATCH)]
    workers = min(cores(), len(batches))
    if workers < 2 or len(texts) < PARALLEL_MIN or not getattr(scorer, "parallel", True) \
            or multiprocessing.current_process().daemon:
        return _collect(map(scorer.rows, batches), progress)
    method = "fork" if threading.active_count() == 1 and "fork" in \
        multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(workers, initializer=_start, initargs=(scorer,)) as pool:
        return _collect(pool.imap(_rows, batches), progress)


def _collect(results, progress) -> list[tuple]:
    rows: list[tuple] = []
    for part in results:
        rows += part
        if progress:
            progress(len(rows))
    return rows


def _start(scorer) -> None:
    global _scorer
    _scorer = scorer


def _rows(texts: list) -> list[tuple]:
    return _scorer.rows(texts)
