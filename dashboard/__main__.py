"""``python -m dashboard COMMAND``: the command line (``cli.main``).

May import: cli.
"""
import sys

from dashboard.cli import main

sys.exit(main())
