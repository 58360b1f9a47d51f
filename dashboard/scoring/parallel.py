"""Scoring many texts in batches, on every core the process may use.

Below ``PARALLEL_MIN`` texts (or on one core, or inside a pool's worker) batches run here;
above it, worker processes score batches in order. A stream of chunks (a file being
imported) is scored a few chunks ahead of the one its caller is storing. Workers are
forked when this process has no other threads (fast: they share the loaded lexicon), and
started fresh otherwise (forking a threaded process, such as a Streamlit server, can
deadlock).

May import: nothing of the project (the scorer is passed in).
"""
from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

BATCH = 2000  # texts per batch: progress granularity and worker task size
PARALLEL_MIN = 8000  # below this, starting workers costs more than it saves
AHEAD = 2  # chunks of a stream scored ahead of the one its caller is handling
T = TypeVar("T")

_scorer = None  # the worker process's scorer


def cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def score_texts(scorer, texts: list, progress=None) -> list[tuple]:
    """``scorer.rows`` over ``texts`` in batches; ``progress(n)`` after each batch."""
    rows: list[tuple] = []
    batches = [texts[i:i + BATCH] for i in range(0, len(texts), BATCH)]
    for _, part in score_stream(scorer, ((None, b) for b in batches), len(texts)):
        rows += part
        if progress:
            progress(len(rows))
    return rows


def score_stream(scorer, chunks: Iterable[tuple[T, list]], size: int | None = None
                 ) -> Iterator[tuple[T, list[tuple]]]:
    """``(item, scorer.rows(texts))`` for each ``(item, texts)`` of ``chunks``, in order.
    With worker processes (``size``, the texts in all, if known, at least
    ``PARALLEL_MIN``), the next ``AHEAD`` chunks are scored while the caller handles this
    one, so a stream of any length is held a few chunks at a time."""
    chunks = iter(chunks)
    ahead = list(itertools.islice(chunks, 2))
    if size is None:  # a stream: worth the workers unless it is one small chunk
        size = PARALLEL_MIN if len(ahead) > 1 else sum(len(t) for _, t in ahead)
    chunks = itertools.chain(ahead, chunks)
    if cores() < 2 or size < PARALLEL_MIN or not getattr(scorer, "parallel", True) \
            or multiprocessing.current_process().daemon:
        yield from ((item, scorer.rows(texts)) for item, texts in chunks)
        return
    method = "fork" if threading.active_count() == 1 and "fork" in \
        multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(cores(), initializer=_start, initargs=(scorer,)) as pool:
        pending: collections.deque = collections.deque()
        for item, texts in chunks:
            parts = [texts[i:i + BATCH] for i in range(0, len(texts), BATCH)]
            pending.append((item, pool.map_async(_rows, parts, chunksize=1)))
            while len(pending) > AHEAD:
                yield _done(pending.popleft())
        while pending:
            yield _done(pending.popleft())


def _done(job) -> tuple:
    item, result = job
    return item, [row for part in result.get() for row in part]


def _start(scorer) -> None:
    global _scorer
    _scorer = scorer


def _rows(texts: list) -> list[tuple]:
    return _scorer.rows(texts)
