"""The exception types for what a user can fix: bad input (files, trackers, options) and a
store that fails (unreachable, corrupt, read-only, full).

The CLI prints their message and exits with status 2 without a traceback, and every page
shows it instead of its content; anything else is a bug and keeps its traceback.

May import: nothing of the project.
"""


class UserError(Exception):
    """Input a user can fix; the message names the file, row and field at fault."""


class StoreError(UserError):
    """A store that cannot be read or written; the message says what failed, which store
    (any password hidden) and what to do. ``kind`` is one of ``write.faults.KINDS``."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind
