"""Switching in posts that name several brands (issue 11, from the development misses of batch U:
long posts where which brand was left and which chosen is the hard part): "I don't open X
anymore", "so now I pay Y myself", "set Y up on the power button", "put the family on Y", a
non-native "I take Y since two weeks", "the $20 that used to go to X now goes to Y" (or "that
went to X goes to Y"), "removed the X add-on", "pulled X from our office", "turned it off on my
phone", "turned X back on", a headline's lapsed users returning, "I'm back on Y" after a clause
that names another brand; and what must stay uncounted: a model picked inside another brand's
product ("from Claude to GPT-5 inside Perplexity"), leaving a job, "for anyone eyeing X → Y"
(advice), "guess I'll have to cancel" from someone who stays. Where someone who left went is
read from the clause that names the other brand, not the whole sentence ("i was doing my
searches in gemini anyway, no point paying twice"). Every example is written in our own words;
each family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("Gemini was my study buddy all year. Since the outages I pay for Claude myself and I "
     "don't open Gemini anymore.", ("Gemini", "Claude", "move")),
    ("Spent the weekend on my aunt's phone: removed Meta AI from the home screen and set "
     "Gemini up on the side button.", ("Meta AI", "Gemini", "move")),
    ("Cancelled Grok that evening and put the kids on Claude for homework help.",
     ("Grok", "Claude", "move")),
    ("Le Chat was fine but slow for me. I take Claude Pro since three weeks and it's quicker.",
     ("Le Chat", "Claude", "move")),
    ("Quiet month. The forty pounds a month that went to ChatGPT goes to Claude these days, "
     "and the kids' homework questions go there too.", ("ChatGPT", "Claude", "move")),
    ("The $20 that used to go to Perplexity now goes to Gemini Advanced, and it handles my "
     "searches.",
     ("Perplexity", "Gemini", "move")),
    ("Freelance translator here, removed the Copilot Pro subscription at renewal and I don't "
     "miss it.", ("Copilot", None, "leave")),
    ("We pulled ChatGPT from our five-person studio after the data leak scare.",
     ("ChatGPT", None, "leave")),
    ("perplexity started showing ads above my answers. turned it off on my phone, done.",
     ("Perplexity", None, "leave")),
    ("Turned Claude Pro back on this morning and cancelled Gemini. The writing is just better.",
     ("Gemini", "Claude", "return")),
    ("Perplexity traffic recovers as lapsed users return after the summer",
     (None, "Perplexity", "return")),
    ("After six months on Gemini I'm back on ChatGPT, mostly for voice mode.",
     ("Gemini", "ChatGPT", "return")),
    # only the clause that names the other brand says whether it was run down
    ("cancelled perplexity pro. i was doing my searches in gemini anyway, no point paying twice",
     ("Perplexity", "Gemini", "move")),
]

NEAR_MISSES = [
    "Switched from Claude to GPT-5 inside Perplexity and the tables got longer",
    "I left a FAANG job to build Claude automations for dentists. Ask me anything.",
    "pro tip for anyone eyeing ChatGPT → Claude: export your chats before the renewal date",
    "Grok said something wild again, guess I'll have to cancel my SuperGrok (I won't, I'm "
    "still subscribed)",
    "Moved from Gemini to Claude in Perplexity, still paying for Perplexity",
]

LEFT_ONLY = [
    ("Cancelled Copilot Pro last week. Gemini is no better, so I'm doing without.",
     ("Copilot", None, "leave")),
]
test_left_with_nowhere_named = switch_example_tests(LEFT_ONLY, [])[0]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
