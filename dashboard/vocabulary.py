"""The project's shared words, each defined once: the switch kinds a post can report and which
of them count as leaving or arriving, the sentiment labels and where they start, the
statuses of a collection run and which of them mean "no data", what a streaming run
measures, the app stores and the sources of their reviews, and the scorers' names and
version.

Scoring, the daily rollup, the queries, the charts, the pages, the collectors, eval and the
demo all take these from here, so a change (say, counting "consider" posts as leaving) is
one edit. The daily rollup records a fingerprint of the words it adds up
(``write/rollup.py``); a store whose rollup was built with other words is rebuilt when it
is opened, so stored figures cannot go stale.

May import: nothing of the project (this is the bottom layer).
"""
from __future__ import annotations

# --- switching: what a post reports (scoring/switching.py decides; the labelling guide is
# tests/data/SWITCHING_GUIDE.md) ---------------------------------------------------------
LEAVE = "leave"  # "cancelled my ChatGPT": leaving a brand, no destination named
MOVE = "move"  # "switched from ChatGPT to Claude": leaving one brand for another
RETURN = "return"  # "went back to ChatGPT"
CONSIDER = "consider"  # any of these, hedged or asked: "thinking of cancelling"
SWITCH_KINDS = (LEAVE, MOVE, RETURN, CONSIDER)
LEAVING_KINDS = (LEAVE, MOVE)  # counted as leaving their switch_from ("consider" is not)
ARRIVING_KINDS = (MOVE, RETURN)  # counted as arriving at their switch_to
REASON_KINDS = (LEAVE, MOVE, CONSIDER)  # whose text is read for the tracker's [[reasons]]

# --- scorers: which one made a post's scores (stored as posts.scorer_version) ------------
SCORER_VERSION = "30"  # bump when the scoring code changes what it outputs
FULL, VADER = "full", "vader"  # VADER adapted to this field (the default); plain VADER
TRANSFORMERS = "transformers:"  # "transformers:MODEL", an optional model's sentiment

# --- sentiment: a post's label from its compound score (-1..1) ---------------------------
POSITIVE, NEGATIVE = 0.05, -0.05  # VADER's published thresholds: >= positive, <= negative
NEGATIVE_LABEL, NEUTRAL_LABEL, POSITIVE_LABEL = "negative", "neutral", "positive"
SENTIMENT_LABELS = (NEGATIVE_LABEL, NEUTRAL_LABEL, POSITIVE_LABEL)

# --- collection runs: the runs table's status ------------------------------------------
RUNNING = "running"  # written first, so a crash leaves a trace
OK = "ok"
PARTIAL = "partial"  # some units failed, the rest were stored
FAILED = "failed"
INTERRUPTED = "interrupted"  # stopped by SIGINT/SIGTERM, or killed (still running hours on)
SKIPPED = "skipped"  # not run, the reason in its error (no credentials, nothing to collect);
# stores written before this word kept "skipped-no-credentials", which starts with it
RUN_STATUSES = (RUNNING, OK, PARTIAL, FAILED, INTERRUPTED, SKIPPED)
DELIVERED = (OK, PARTIAL)  # the run stored what it fetched
DELIVERED_NOTHING = (FAILED, INTERRUPTED)  # a day with only these is "no data", not quiet
NOT_OK = (FAILED, PARTIAL, INTERRUPTED)  # reported as errors; `collect` exits non-zero
# what a streaming run measures (runs.stats, JSON), and what the Sources page calls it
STREAM_STATS = {"events": "events seen", "kept": "posts kept", "lag_s": "lag behind now (s)",
                "reconnects": "reconnects", "malformed": "malformed frames skipped",
                "endpoint": "endpoint"}

# --- app stores: the store column of app_ranks, and the tracker's [brands.<store>] -------
APP_STORE, GOOGLE_PLAY = "app_store", "google_play"
STORES = {APP_STORE: "App Store", GOOGLE_PLAY: "Google Play"}  # name -> what readers see
# the sources whose posts are a store's reviews: rated 1-5, community the app's id
REVIEW_SOURCES = {"app_store_reviews": APP_STORE, "google_play_reviews": GOOGLE_PLAY}
