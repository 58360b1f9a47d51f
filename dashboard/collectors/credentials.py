"""Where collectors find their credentials, and how they are kept out of every output.

A name such as ``praw_client_id`` is looked up in the environment as written, then
upper-cased (``PRAW_CLIENT_ID``, the usual spelling of a CI secret), then as a top-level key
of ``.streamlit/secrets.toml``. Every value found (and every token a login returns) is
remembered, and ``redact`` replaces it with ``***`` in any text before it is printed,
logged or stored. So does anything shaped like a credential (an ``Authorization`` value, a
``token=``/``"password":`` field): a token a library obtains by itself, such as praw's
Reddit access token, is never seen here, yet a server or a library may echo it back.

May import: paths.
"""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from dashboard import paths

SECRETS_FILE = paths.ROOT / ".streamlit" / "secrets.toml"
MIN_SECRET = 4  # shorter values are not worth hiding (and would mangle ordinary text)
SHAPES = [  # (pattern, what replaces it): the name stays, the value goes
    (re.compile(r"(?i)\b(bearer|basic)(\s+)[^\s'\",;]+"), r"\1\2***"),
    (re.compile(r"(?i)([\"']?\b\w*(?:token|jwt|password|secret|api_?key)\w*[\"']?\s*[:=]\s*"
                r"[\"']?)[^\s'\",;&}]+"), r"\1***"),
]


class MissingCredentials(Exception):
    """A source cannot run without credentials; the message says which to set, in one line."""


class Credentials:
    def __init__(self, env: dict | None = None, secrets_file: Path | None = SECRETS_FILE):
        self.env = os.environ if env is None else env
        self.file = secrets_file
        self._file_values: dict | None = None
        self.secrets: set[str] = set()

    def get(self, name: str) -> str | None:
        value = self.env.get(name) or self.env.get(name.upper()) or self._from_file(name)
        if value is None or not str(value).strip():
            return None
        value = str(value).strip()
        self.remember(value)
        return value

    def require(self, *names: str) -> list[str]:
        """The values of ``names``; raises MissingCredentials naming those not set."""
        values = [self.get(n) for n in names]
        missing = [n for n, v in zip(names, values) if v is None]
        if missing:
            raise MissingCredentials(f"set {' and '.join(missing)} (environment or "
                                     ".streamlit/secrets.toml)")
        return values

    def remember(self, value: str) -> None:
        if len(value) >= MIN_SECRET:
            self.secrets.add(value)

    def redact(self, text: str) -> str:
        for secret in sorted(self.secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        for pattern, replacement in SHAPES:
            text = pattern.sub(replacement, text)
        return text

    def _from_file(self, name: str):
        if self._file_values is None:
            try:
                self._file_values = tomllib.loads(self.file.read_text(encoding="utf-8")) \
                    if self.file and self.file.is_file() else {}
            except (OSError, tomllib.TOMLDecodeError):
                self._file_values = {}  # an unreadable secrets file: as if absent
        value = self._file_values.get(name)
        return value if isinstance(value, str) else None
