"""Hypothesis settings and strategies shared by the fuzz suites (tests/test_fuzz_*.py).

Two profiles: ``quick`` (the default, for `make test`) and ``deep`` (`make reliability` sets
``HYPOTHESIS_PROFILE=deep``). No example database is kept, so runs leave no files behind.
``texts`` is the hostile text every suite feeds in: any Unicode, plus what real posts carry
that breaks naive code (emoji, right-to-left and zero-width marks, NUL, lone surrogates,
markup, formulas) mixed with the words the scorer looks for.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# fixtures here are read-only (trackers, temporary folders, a private schema): sharing one
# across a test's examples is intended
RELAXED = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
settings.register_profile("quick", max_examples=30, deadline=None, database=None,
                          suppress_health_check=RELAXED)
settings.register_profile("deep", max_examples=400, deadline=None, database=None,
                          suppress_health_check=RELAXED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

SPECIAL = ["\x00", "\u200b", "\u200d", "\ufeff", "\u200f", "\u202e", "\u2066", "\u0301",
           "\ud83d", "\udc00", "😀", "👩‍👩‍👧", "🇺🇸", "שלום", "مرحبا", "\r\n", "\t", "=", "+",
           "-", "@", "<script>", "<img src=x onerror=alert(1)>", "[x](javascript:1)", ":red[",
           "'; DROP TABLE posts; --", "%", "_", "\\"]
WORDS = ["ChatGPT", "Claude", "Gemini", "OpenAI", "Anthropic", "cancelled", "cancel",
         "switched", "from", "to", "moving", "back", "not", "never", "thinking", "of",
         "deleted", "my", "account", "→", "->", "great", "awful", "!", "?", ".", "love",
         "hate", "Plus", "subscription"]


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Post-like text: words the scorer reacts to, hostile characters and any Unicode."""
    piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(SPECIAL),
                      st.text(max_size=8), st.characters(codec=None))
    return st.lists(piece, max_size=max_size).flatmap(
        lambda parts: st.sampled_from([" ", "", "\n"]).map(lambda sep: sep.join(parts)))
