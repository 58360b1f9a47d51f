"""The one exception type for bad user input (files, trackers, options).

The CLI prints its message and exits non-zero without a traceback; anything else is a bug
and keeps its traceback.

May import: nothing of the project.
"""


class UserError(Exception):
    """Input a user can fix; the message names the file, row and field at fault."""
