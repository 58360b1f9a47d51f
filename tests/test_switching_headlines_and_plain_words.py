"""Switching in news headlines and plain or non-native wording (issue 11, from the remaining
development misses of all batches): a surge beside users fleeing ("Gemini climbs as Claude
users defect": a move), crowds that "are quietly moving on", "if you still pay for X,
stop" (readers urged to act), "I use before X but now only Y" and "Before I use X all the
time", the misspellings "chatgtp", "cluade", "gemeni" and "swiched". Every example is
written in our own words; each family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("Le Chat climbs the French charts as ChatGPT subscribers defect over the ads",
     ("ChatGPT", "Le Chat", "move")),
    ("DeepSeek app jumps to No. 2 as Gemini users flee the new limits",
     ("Gemini", "DeepSeek", "move")),
    ("Longtime Perplexity users are quietly moving on, a forum survey suggests",
     ("Perplexity", None, "leave")),
    ("If you still pay for Grok, stop. There are better places for that money.",
     ("Grok", None, "leave")),
    ("I use before Gemini but now only Claude, it understand my english better",
     ("Gemini", "Claude", "move")),
    ("Before I use ChatGPT always for homework but now only DeepSeek because it is free",
     ("ChatGPT", "DeepSeek", "move")),
    ("finally swiched from chatgtp to cluade, should have done it months ago",
     ("ChatGPT", "Claude", "move")),
    ("dropped gemeni last week, it kept mixing up my calendar", ("Gemini", None, "leave")),
]

NEAR_MISSES = [
    "Claude hits 10 million users as ChatGPT users keep asking for an ad-free tier",
    "Gemini gains market share as ChatGPT users wait for the new voice mode",
    "If you still pay for Claude, try the projects feature, it is worth it",
    "Before I use ChatGPT for a cover letter I always write a first draft myself",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
