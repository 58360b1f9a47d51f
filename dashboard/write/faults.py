"""Store faults in words: a database error that is the store's fault (unreachable, a refused
login, corrupt, read-only, full, a failing disk, locked too long) turned into a
``StoreError`` that says what failed, which store and what to do, with any password
hidden however the URL spells it (``redact``, ``scrub``).

``store.open_store`` installs ``store_error`` on every engine, so each such failure, at
any step of any command or page, arrives as a ``StoreError``; any other database error is
a bug and keeps its traceback.

May import: errors.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

from dashboard.errors import StoreError

# the kinds of fault (StoreError.kind)
UNREACHABLE, LOGIN, DENIED, CORRUPT, READ_ONLY, FULL, DISK, BUSY = (
    "unreachable", "login refused", "permission denied", "corrupt", "read-only", "full",
    "disk error", "locked")
KINDS = (UNREACHABLE, LOGIN, DENIED, CORRUPT, READ_ONLY, FULL, DISK, BUSY)

# SQLite's extended error names (sqlite3 errors carry them) by prefix
_SQLITE = {"SQLITE_CANTOPEN": UNREACHABLE, "SQLITE_NOTADB": CORRUPT, "SQLITE_CORRUPT": CORRUPT,
           "SQLITE_READONLY": READ_ONLY, "SQLITE_FULL": FULL, "SQLITE_IOERR": DISK,
           "SQLITE_BUSY": BUSY, "SQLITE_LOCKED": BUSY, "SQLITE_PERM": DENIED,
           "SQLITE_AUTH": DENIED}
# PostgreSQL's SQLSTATE codes, then their two-character classes
_POSTGRES = {"53100": FULL, "58030": DISK, "25006": READ_ONLY, "42501": DENIED,
             "3D000": UNREACHABLE, "57P01": UNREACHABLE, "57P03": UNREACHABLE,
             "XX001": CORRUPT, "XX002": CORRUPT, "08": UNREACHABLE, "28": LOGIN}

# what failed, and what to do about it
_SAY = {
    UNREACHABLE: ("cannot reach the store {store}", "check that the server is running and "
                  "that the URL's host, port and database (or the file's folder) are right"),
    LOGIN: ("the store {store} refused the login", "check the user name and password in "
            "the URL"),
    DENIED: ("the store {store} refused this user", "give it the rights it needs: reading "
             "for the dashboard, writing for import, collect and the first open after an "
             "upgrade"),
    CORRUPT: ("the store {store} is damaged", "restore it from a backup, or build it again "
              "by importing and collecting (for SQLite, `sqlite3 FILE .recover` may save "
              "its rows)"),
    READ_ONLY: ("the store {store} is read-only", "it can still be read; to write, use a "
                "user, server or filesystem that may write to it"),
    FULL: ("the store {store} is full", "the write that failed was undone and nothing "
           "else changed; free some space, then run the same command again to finish"),
    DISK: ("the disk of the store {store} failed", "it may be full, removed or failing; "
           "check it, then run the same command again"),
    BUSY: ("the store {store} stayed locked", "another process held it for too long; run "
           "the command again once that one has finished"),
}
_SECRET_PARAM = re.compile(r"((?:^|[?&\s])[\w-]*(?:pass|secret|token|key)[\w-]*=)([^&#\s]*)",
                           re.I)
_URL_CREDENTIALS = re.compile(r"(://[^\s/:@]*:)\S*@")


def redact(url: str) -> str:
    """A store URL with any password hidden, for messages and logs: the user-info part up
    to the *last* '@' (a password holding an unescaped '@' is hidden whole) and any
    parameter naming a password or secret (libpq accepts ``?password=``)."""
    scheme, sep, rest = url.partition("://")
    if sep and "@" in rest:
        userinfo, host = rest.rsplit("@", 1)
        if ":" in userinfo:
            rest = f"{userinfo.split(':', 1)[0]}:***@{host}"
    return _SECRET_PARAM.sub(r"\1***", f"{scheme}{sep}{rest}")


def scrub(text: str, url: str) -> str:
    """``text`` (a driver's message) without any piece of the URL's password: a driver
    that split the URL at the first '@' of a password names the rest as a host."""
    for secret in _passwords(url):
        text = text.replace(secret, "***")
    for piece in _password(url).split("@")[1:]:
        text = text.replace(f"{piece}@", "***@")
    text = _URL_CREDENTIALS.sub(r"\1***@", text)
    return _SECRET_PARAM.sub(r"\1***", text)


def _password(url: str) -> str:
    rest = url.partition("://")[2]
    userinfo = rest.rsplit("@", 1)[0] if "@" in rest else ""
    return userinfo.split(":", 1)[1] if ":" in userinfo else ""


def _passwords(url: str) -> list[str]:
    """The URL's password as written and decoded, and any ``password=`` value."""
    found = {_password(url), unquote(_password(url))}
    found |= {unquote(m.group(2)) for m in _SECRET_PARAM.finditer(url.partition("?")[2])}
    return sorted((s for s in found if s), key=len, reverse=True)


def fault_kind(error: BaseException, disconnected: bool = False) -> str | None:
    """Which store fault a DBAPI ``error`` is (one of KINDS), or None when it is not one."""
    name = getattr(error, "sqlite_errorname", None)
    if name:
        return next((k for prefix, k in _SQLITE.items() if name.startswith(prefix)), None)
    state = getattr(error, "sqlstate", None) or ""
    if state:
        return _POSTGRES.get(state) or _POSTGRES.get(state[:2])
    if disconnected or (type(error).__module__.startswith("psycopg") and
                        type(error).__name__ == "OperationalError"):
        return UNREACHABLE  # no answer at all: refused, unknown host, timed out, dropped
    return None


def store_error(error: BaseException, url: str, disconnected: bool = False
                ) -> StoreError | None:
    """``error`` as a StoreError naming the store ``url`` (password hidden), what failed and
    what to do; None when it is not a fault of the store."""
    kind = fault_kind(error, disconnected)
    if kind is None:
        return None
    detail = scrub(str(error).strip().splitlines()[0] if str(error).strip() else
                   type(error).__name__, url)
    hint = ""
    if kind in (UNREACHABLE, LOGIN) and "@" in _password(url):
        hint = " The URL's password holds an unescaped '@': write it as %40."
    what, advice = _SAY[kind]
    return StoreError(f"{what.format(store=redact(url))} ({detail}): {advice}.{hint}", kind)
