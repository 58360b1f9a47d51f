"""Switching in reports and in plan names (issue 11, scorer 26, from the development misses of
batches Z21 (a realistic feed) and Z22 (reports and whom they are about)): "Plus" with a
capital is ChatGPT's plan where the words beside it make it the product ("dropped Plus", "my
Plus sub"); "nearly one in five" and "almost half" are amounts, not hedges; a product "loses
1.2 million installs"; "converts" drifting back are users; "cancelled mine too"; a sentence
opening with a condition makes the act after it weighed up ("If Claude holds up, I'll cancel
Plus"); "deleted a few old chats" is no leave. Every example is written in our own words; each
family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("I dropped Plus over the summer and do everything in Gemini now.",
     ("ChatGPT", "Gemini", "move")),
    ("Cancelled my Plus sub. Claude Pro covers my coding and my emails.",
     ("ChatGPT", "Claude", "move")),
    ("Poll: nearly one in four former Gemini subscribers now pay for ChatGPT",
     ("Gemini", "ChatGPT", "move")),
    ("Almost half of the ChatGPT users we surveyed cancelled after the contract news.",
     ("ChatGPT", None, "leave")),
    ("Perplexity loses 300,000 iOS installs in a week after the privacy story",
     ("Perplexity", None, "leave")),
    ("Gemini converts are drifting back to ChatGPT, says an app tracker",
     ("Gemini", "ChatGPT", "return")),
    ("Read the piece on the Grok exodus. Yep, cancelled mine too.", ("Grok", None, "leave")),
    ("If Le Chat handles my French contracts, I'll cancel ChatGPT at the end of the month.",
     ("ChatGPT", "Le Chat", "consider")),
]

NEAR_MISSES = [
    "Plus, it's cheaper than Claude for what I do.",
    "Disney Plus and ChatGPT are the only subscriptions I kept.",
    "I deleted a few old chats in ChatGPT before sharing my screen.",
    "Deleted a couple of Claude projects I no longer need.",
    "Nearly one in five ChatGPT users say they might switch if ads arrive.",
    "If you're leaving ChatGPT, export your chats first.",
    "Claude converts keep asking the same questions in this sub, read the FAQ.",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
