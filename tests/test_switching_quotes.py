"""Whose statement it is (issue 11, scorer 22, from the development rows of batch Z16): a line
quoted from another post ("> Cancelled ChatGPT today") is not the reply's own act unless the
reply takes it as its own ("Same here", "me too"); someone else's act followed by the poster's
"I didn't" still happened ("My brother switched from X to Y. I didn't."). Every example is
written in our own words, with near misses."""
from tests.helpers import switch_example_tests

QUOTED_AND_TAKEN = [
    ("> Cancelled Gemini Advanced this morning\n\nSame here, did it on Sunday.",
     ("Gemini", None, "leave")),
    ("> Moved from Copilot to Claude over the holidays\n\nme too, no regrets",
     ("Copilot", "Claude", "move")),
    ("> Anyone else still on Perplexity?\n\nNope, I dropped Perplexity for Le Chat in May.",
     ("Perplexity", "Le Chat", "move")),
    ("My brother switched from Grok to ChatGPT. I didn't, I like the chaos.",
     ("Grok", "ChatGPT", "move")),
]
QUOTED_NOT_TAKEN = [
    "> Switched to Claude, never looking back\n\nGive it a month and you'll be back here.",
    "> Everyone is deleting ChatGPT\n\nNobody at my office has. It's open on every screen.",
    "> Cancelling Perplexity next week, tips?\n\nExport your threads first, they don't carry "
    "over.",
    "Cancelled Grok today. I didn't, actually: I chickened out on the last screen.",
]
test_quoted_and_taken, test_quoted_and_not_taken = switch_example_tests(
    QUOTED_AND_TAKEN, QUOTED_NOT_TAKEN)
