"""Large frames are scored in batches on every core, in order, with the same results."""
import threading

import pandas as pd
import pytest

from dashboard.scoring import SCORE_COLUMNS, Scorer, parallel

TEXTS = ["Cancelled ChatGPT, moving to Claude", "Gemini is great!", "", None,
         "Bye bye Grok", "Perplexity 😍 is lovely, Copilot 😡 is not"] * 9


@pytest.fixture(scope="module")
def scorer(tracker):
    return Scorer(tracker)


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(parallel, "BATCH", 5)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10)
    monkeypatch.setattr(parallel, "cores", lambda: 2)


@pytest.mark.parametrize("other_thread", [False, True], ids=["fork", "spawn"])
def test_workers_give_the_same_rows_in_order(scorer, small_batches, other_thread):
    """Forked when this is the only thread; started fresh when another one runs (forking
    a threaded process can deadlock)."""
    stop = threading.Event()
    if other_thread:
        threading.Thread(target=stop.wait, daemon=True).start()
    try:
        done = []
        frame = scorer.score_frame(pd.DataFrame({"text": TEXTS}), progress=done.append)
    finally:
        stop.set()
    assert frame[SCORE_COLUMNS].values.tolist() == \
        pd.DataFrame(scorer.rows(TEXTS), columns=SCORE_COLUMNS).values.tolist()
    assert done == list(range(5, len(TEXTS), 5)) + [len(TEXTS)]


def test_small_frames_stay_in_this_process(scorer, monkeypatch):
    monkeypatch.setattr(parallel.multiprocessing, "get_context", None)  # would fail if used
    assert len(scorer.score_frame(pd.DataFrame({"text": TEXTS}))) == len(TEXTS)
