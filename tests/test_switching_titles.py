"""Switching in titles (issue 11, from the development misses of batch O: Reddit and Hacker
News titles only): a question about something else after a dash ("We moved from X to Y –
what did we miss?"), "Y now instead of X", "moved off X to Y", "Left X. Didn't replace it
with anything.", a bare "when I switched last month" with the sides elsewhere in the title,
"Microsoft 365 Copilot" as Copilot, "anyone else weighing a move off X?" still a hedge; and
from batch N's development misses: "Switched here from X", "stopped my X subscription", "I
stop the Plus and use only X", "I've gone over to X", and the model behind a company's own
product (its vendor choice, not users moving); and from batch Z25's: "X no more.", "ripped X
out of ...", "Y after three years of X", "we're both on Y now", a brand's possessive is no
subject ("Y's spike is X users leaving"); and from batches Z27's and Z28's: "Y climbs as users
abandon X" (X left, not Y), "Y is my default now. X had to go", a title "Not renewing" above
the brand, and a product named in "let our X licences lapse" is not the brand named later.
Every example is written in our own words; each family has near misses that must stay
uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("Ask HN: We moved our support macros from OpenAI to Anthropic – what broke for you?",
     ("ChatGPT", "Claude", "move")),
    ("My whole thesis workflow runs in Gemini now instead of ChatGPT",
     ("ChatGPT", "Gemini", "move")),
    ("Finally moved off Perplexity to Claude, the answers are longer but I trust them",
     ("Perplexity", "Claude", "move")),
    ("got off of ChatGPT onto Le Chat in one evening, took less time than I feared",
     ("ChatGPT", "Le Chat", "move")),
    ("Quit DeepSeek. Didn't replace it with anything and my week was fine.",
     ("DeepSeek", None, "leave")),
    ("I wrote a tiny script to carry my ChatGPT custom instructions to Gemini when I switched "
     "last week", ("ChatGPT", "Gemini", "move")),
    ("Our firm ditched Microsoft 365 Copilot for ChatGPT Enterprise",
     ("Copilot", "ChatGPT", "move")),
    ("Anyone else weighing a move off Gemini after the price change?",
     ("Gemini", None, "consider")),
    # from batch N's development misses
    ("Switched here from Perplexity\n\nClaude cites less but reasons better. Four stars.",
     ("Perplexity", "Claude", "move")),
    ("Stopped my Gemini subscription after a week with DeepSeek, which is free.",
     ("Gemini", "DeepSeek", "move")),
    ("ChatGPT was too expensive for me, so this term I stop the Plus and use only Le Chat.",
     ("ChatGPT", "Le Chat", "move")),
    ("I was on Perplexity Pro from launch, but I've gone over to Claude.",
     ("Perplexity", "Claude", "move")),
    # scorer 29, from batch Z25's development rows
    ("Grok no more. Le Chat handles my news questions now", ("Grok", "Le Chat", "move")),
    ("We ripped Gemini out of the sales team's laptops and rolled out Claude",
     ("Gemini", "Claude", "move")),
    ("Gemini after three years of ChatGPT: a week in", ("ChatGPT", "Gemini", "move")),
    ("cancelled both our Perplexity plans, we're both on ChatGPT now",
     ("Perplexity", "ChatGPT", "move")),
    ("Claude's download spike is Gemini users leaving, not new people",
     ("Gemini", "Claude", "move")),
    # scorer 30, from batches Z27's and Z28's development rows
    ("Le Chat climbs the charts as users abandon Grok", ("Grok", None, "leave")),
    ("Claude's projects are my default now. ChatGPT had to go", ("ChatGPT", "Claude", "move")),
    ("Not renewing\n\nTwo stars. Gemini Advanced keeps forgetting my files. Not renewing.",
     ("Gemini", None, "leave")),
]

NEAR_MISSES = [
    "I switched last month to a new phone plan and asked ChatGPT to compare them",
    "Gemini after three years of development: what changed",
    "Ripped the old prompts out of my Claude project and started fresh",
    "We let our Windsurf licences lapse last quarter; Claude wasn't part of that decision.",
    "Not renewing my gym membership, asked ChatGPT for a home workout plan instead",
    "Meant to quit Grok. Didn't, it still makes me laugh.",
    "Gemini now instead of Assistant on Pixel phones, Google says",
    "Moved off the couch to try Claude on the big screen",
    "We swapped the model behind our support bot from GPT-4.1 to Sonnet; customers noticed "
    "nothing.",
    "I stopped ChatGPT mid-answer because it was writing an essay.",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
