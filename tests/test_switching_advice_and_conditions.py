"""Posts that talk about switching without anyone switching (issue 11, from the false
"consider" calls of the development split): a condition on a product's features or a
company's turn ("if Le Chat had voice I'd drop ChatGPT", "if they ever back out of the
deal, ..."), advice to readers ("PSA for anyone leaving X: ...", "before anyone jumps from X
to Y, ...") and a question put to readers with no subject, advice after it ("Thinking of
moving to X? Read this first"; "Thinking of cancelling X?" alone is the poster's own). Each
comes out as no statement; the poster's own hedges still read as "consider"; an act to come
followed by its condition ("I'll cancel X if they add ads", "... the day it ships SSO") is
weighed up, not done. Every example is written in our own words."""
from tests.helpers import switch_example_tests

NOTHING = (None, None, None)
CASES = [
    ("If Gemini had a proper memory feature I'd drop ChatGPT the same day.", NOTHING),
    ("if anthropic ever signed a deal like that, people would flee claude just as fast",
     NOTHING),
    ("PSA for anyone leaving Perplexity: the refund button is under Billing, not Account.",
     NOTHING),
    ("Before anyone jumps from ChatGPT to Claude for coding, try the free tier for a week.",
     NOTHING),
    ("Thinking of moving to Gemini? Three settings to change on day one.", NOTHING),
    ("Switching from Copilot to ChatGPT at work? Ask IT about data retention first.", NOTHING),
    # the poster's own hedges are still considering
    ("If the limits keep getting worse I'll cancel Claude and go back to ChatGPT.",
     ("Claude", "ChatGPT", "consider")),
    ("I'm thinking of moving to Gemini, is the Google One plan worth it?",
     (None, "Gemini", "consider")),
    ("Thinking of dropping Perplexity over the new limits, any advice?",
     ("Perplexity", None, "consider")),
    ("Thinking of cancelling Copilot?", ("Copilot", None, "consider")),
    ("For those of you who came over from ChatGPT: welcome, the projects tab in Claude is your "
     "friend.", ("ChatGPT", "Claude", "move")),
]

NEAR_MISSES = [
    "If Claude had image generation I'd have left ChatGPT months ago.",
    "Notes for anyone migrating from the OpenAI API to Gemini: the streaming events differ.",
    "Moving your whole team from ChatGPT to Claude? Budget a week for the prompts.",
    # the act to come, then its condition (scorer 29, from batch Z25's development rows)
    "I'll cancel Gemini Advanced if Google puts ads in the answers.",
    "We'll move the team to Claude the day Anthropic ships SSO for small plans.",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
