"""Collectors: one module per live source, each with network-only ``fetch_*`` functions,
pure ``parse_*`` functions (raw response -> rows in the store's columns) and a ``collect``
that saves through the store. ``runner`` runs them; ``http`` is the shared session; ``base``
holds the resume state, paging and unit bookkeeping they share. See docs/collecting.md.

May import (every collector): the foundation, scoring, files.rows and, to save, the write
side (write.ingest, write.store); never the read side, the demo or the app. What each
module imports is listed in its own docstring.
"""
