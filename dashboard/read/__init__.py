"""The read side: what the pages and exports show, computed from a store without changing
it. ``filters`` is what a reader chose to look at; ``queries`` is the SQL (aggregation
happens in the database, from the daily rollup when it is current); ``metrics`` turns
frames into the figures the pages plot; ``daily`` is the main per-brand, per-day table.

May import: the foundation (errors, paths, tracker, vocabulary) and, to read them, the
write side's table definitions and rollup (``write.schema``, ``write.rollup``); never
files, collectors or the app.
"""
