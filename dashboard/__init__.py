"""Public-sentiment and switching dashboard: collect posts, score them, plot backlash."""
