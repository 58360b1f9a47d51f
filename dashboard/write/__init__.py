"""The write side: everything that changes a store. ``store`` opens one (any SQLAlchemy URL)
and writes posts, ranks, runs and meta; ``schema`` is its tables; ``migrations`` brings an
older store up to date; ``copies`` keeps which post copies which (one story, counted once)
exact at every write; ``rollup`` keeps the daily figures exact at every write and rebuilds
them when what they count changes; ``ingest`` is the save step every source shares
(pseudonymise, score, upsert, record the run); ``rescore`` rescores stored posts.

May import: the foundation (errors, paths, stories, tracker, vocabulary) and ``scoring``; never the
read side, files, collectors or the app.
"""
