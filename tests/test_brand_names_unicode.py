"""Names that cannot be hidden: a post that displays a brand's name is counted as that
brand, whatever invisible, look-alike or compatibility characters spell it."""
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.scoring import Scorer
from dashboard.scoring.brands import BrandMatcher, as_displayed

FORMAT_CHARS = [c for c in map(chr, range(0x110000)) if unicodedata.category(c) == "Cf"]


@pytest.fixture(scope="module")
def matcher(tracker):
    return BrandMatcher(tracker)


@pytest.mark.parametrize("text, brand", [
    ("Ｃｈａｔ\u200bＧＰＴ is down again", "ChatGPT"),        # full-width and a zero-width space
    ("\U0001d402\U0001d421\U0001d41a\U0001d42d\U0001d406\U0001d40f\U0001d413 rocks",
     "ChatGPT"),                                               # mathematical bold
    ("Сlаudе is great", "Claude"),                            # Cyrillic С and а, е
    ("ΟpenΑΙ again", "ChatGPT"),                              # Greek Ο, Α, Ι
    ("Chat\u202eGPT\u202c", "ChatGPT"),                       # a bidi override inside
    ("\u2066Gemini\u2069 today", "Gemini"),                    # isolates around it
    ("Gem\U000e0069ini", "Gemini"),                            # a tag character
    ("Perplexity\ufe0f", "Perplexity"),                        # a variation selector
    ("Deep\u034fSeek", "DeepSeek"),                            # a combining grapheme joiner
    ("Gemını is great", "Gemini"),                             # a dotless i (was a crash)
    ("GEMİNİ quit", "Gemini"),                                 # dotted capital I
])
def test_a_name_as_displayed_is_counted(matcher, text, brand):
    found = matcher.mentions(text)
    assert [m.brand for m in found] == [brand]
    shown, _ = as_displayed(text[found[0].start:found[0].end])
    assert matcher.brands(shown) == [brand]  # the offsets are the original text's


def test_text_in_other_scripts_names_nothing(matcher):
    assert matcher.brands("Привет, как дела? Καλημέρα σε όλους") == []


def test_offsets_point_into_the_original_text(matcher):
    text = "ｍｙ \u200bＣｌａｕｄｅ subscription"
    (m,) = matcher.mentions(text)
    assert text[m.start:m.end] == "Ｃｌａｕｄｅ"


@given(st.lists(st.sampled_from(FORMAT_CHARS), min_size=1, max_size=4), st.integers(1, 6))
def test_any_format_characters_inside_a_name_hide_nothing(tracker, hidden, at):
    text = "Claude"[:at] + "".join(hidden) + "Claude"[at:]
    assert BrandMatcher(tracker).brands(f"I use {text} daily") == ["Claude"]


def test_switching_reads_through_hidden_names(tracker):
    got = Scorer(tracker).score("Cancelled my Chat\u200dGРТ Plus and moved to Ｃｌａｕｄｅ")
    assert (got["switch_from"], got["switch_to"], got["switch_kind"]) == \
        ("ChatGPT", "Claude", "move")
