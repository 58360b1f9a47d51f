"""Alerts: spikes and switching surges found in a store, told through Apprise
notification URLs, each once (``python -m dashboard alert``).

``detect.py`` finds the events, ``message.py`` words them, ``deliver.py`` sends them and
remembers in the store's ``meta`` table what was sent where.

May import: the foundation, the read side, files, and of ``write/`` only ``store`` (meta).
"""
