"""Switching: returns and destinations told without a verb of moving (issue 11, scorer 27,
from the development rows where the direction came out reversed or the destination was
missed): "renewed X" is a return where the post left X before, and nothing where it did not;
a chain that comes back to a brand ("X → Y → Z → Y") ends in a return; "Y does the same thing
for free" is where they went, not Y run down; a subreddit names its product ("r/GeminiAI",
"r/grok", "r/perplexity_ai"), so "X refugees arriving in r/GeminiAI" moved there. And scorer
28, from batch Z23's development rows: "reinstalled it in June" is a return; "you can cancel
X in two taps. Do it." urges the act (not advice); "we moved the whole dev team from X to Y"
is the team's move, though engineers are named. Every example is written in our own words;
each family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("Cancelled Claude Pro in May when my work gave me Gemini. The work account ended last "
     "week, so I renewed Claude Pro this morning.", ("Gemini", "Claude", "return")),
    ("le chat → chatgpt → claude → chatgpt. i give up", ("Claude", "ChatGPT", "return")),
    ("Dropped Perplexity Pro in the spring. Gemini does the same thing for free on my phone.",
     ("Perplexity", "Gemini", "move")),
    ("Cancelled Gemini. Claude does the same thing, just as badly.", ("Gemini", None, "leave")),
    ("Uninstalled Grok in February and reinstalled it in May, the image tool won me back.",
     (None, "Grok", "return")),
    ("PSA: you can cancel Gemini Advanced from the Google One page in a minute. Do it.",
     ("Gemini", None, "leave")),
    ("We moved all nine of our engineers from Copilot to Claude Code last sprint.",
     ("Copilot", "Claude", "move")),
    ("ChatGPT refugees are flooding r/GeminiAI this week", ("ChatGPT", "Gemini", "move")),
    ("so many DeepSeek refugees showing up in r/perplexity_ai lately",
     ("DeepSeek", "Perplexity", "move")),
]

NEAR_MISSES = [
    "Renewed ChatGPT Plus for another year, it still does what I need.",
    "I renewed Claude Pro today, happy with it for my thesis.",
    "Cross-posting from r/grok: has anyone else seen the image bug?",
    "You can cancel Claude Pro any time from settings, but read the refund terms first.",
    "Two senior engineers moved from OpenAI to Anthropic this week, according to their posts.",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
