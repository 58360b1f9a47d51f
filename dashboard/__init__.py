"""Public-sentiment and switching dashboard: collect posts, score them, plot backlash.

Layers, each importing only from those before it (the README's "Code map"):

1. the foundation: ``vocabulary`` (shared words), ``errors``, ``paths``, ``tracker``,
   ``events``, ``time_window`` (when a post's time is plausible), ``stories`` (which posts
   tell the same story);
2. ``scoring/``: pure scoring, text in and scores out;
3. ``write/``: everything that changes a store;
4. ``read/``: what the pages and exports show, read from a store;
5. ``files/``: reading and writing files;
6. side by side, never importing each other: the producers (``collectors/``, ``demo``),
   the app (``ui``, ``charts``, ``app_pages/``, with ``streamlit_app.py`` the router) and
   ``alerts/`` (events found on the read side, sent through Apprise, remembered in ``meta``);
7. ``cli``, the command line, over all of them.

``tests/test_layers.py`` checks every import against this. May import: nothing itself.
"""
