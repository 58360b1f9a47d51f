"""Switching in long posts (issue 11, from the development misses of batch L: posts in the
weeks of a backlash, the statement anywhere in the body): an act followed by "and I haven't
replaced it" (which confirms it, unlike "but I haven't yet"), "told my lead I'm done with
X", "ended my X subscription", "shut the X workspace down", "exported our prompt library
into X", "pointed those scripts at X", "dropped it a week ago", "we're on X as of Monday",
"the two of us use X now", "most likely" as a hedge,
"not switching anywhere" (no destination taken from the rest of the post), and a
department that "says it will drop" a brand (not a user). Every example is written in our
own words; each family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("I cancelled my Gemini plan in May, and I haven't replaced it with anything.",
     ("Gemini", None, "leave")),
    ("Told my manager I'm done with the ChatGPT seat they pay for. Using my own Claude now.",
     ("ChatGPT", "Claude", "move")),
    ("Ended my Perplexity Pro subscription on Friday after the third outage this month.",
     ("Perplexity", None, "leave")),
    ("We shut the OpenAI workspace down last week and nobody on the team has asked for it.",
     ("ChatGPT", None, "leave")),
    ("Our studio exported the whole prompt library into Claude over one afternoon.",
     (None, "Claude", "move")),
    ("I had three little bots on the OpenAI API. Last night I pointed all of them at "
     "DeepSeek and nothing broke.", ("ChatGPT", "DeepSeek", "move")),
    ("Grok got weird after the update. I dropped it a week ago, honestly I feel lighter.",
     ("Grok", None, "leave")),
    ("Our office finally dropped the Copilot licences. We're on Claude Team as of Monday.",
     ("Copilot", "Claude", "move")),
    ("We had two ChatGPT Plus plans at home and let both lapse. The two of us just use "
     "Gemini through the family plan now.", ("ChatGPT", "Gemini", "move")),
    ("Cancelled Claude Pro yesterday over the defence news. I'm not switching anywhere, "
     "just taking some time off AI. ChatGPT has the same problem anyway.",
     ("Claude", None, "leave")),
]

NEAR_MISSES = [
    "I meant to cancel ChatGPT after the news, but I haven't yet.",
    "My boss told us to stop using Gemini for client work.",
    "The support chat ended my ChatGPT question with a link to the docs.",
    "Shut down the laptop, Claude can wait until Monday.",
    "I'll most likely go to Le Chat when my ChatGPT year runs out.",
    "The ministry now says it will drop Copilot from every office by spring.",
    "Pointed my cat at the Gemini ad on TV, she was not impressed.",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
