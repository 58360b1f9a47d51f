"""Switching in informal posts (issue 11, from the development misses of batch M: social
posts, replies and reviews in lower case, hashtags, non-native English): lower-case "grok",
"le chat" and "copilot" where the words around them make them the product, a hashtag as the
brand ("bye #Grok"), "and now use X", "turned off X everywhere", "ripped the X app off both
my laptops", "stopped using it" and "don't use it anymore" about the brand named before,
"wanting to switch" as a hedge, and "everyone's cancelling X and I'm just... not". Every
example is written in our own words; each family has near misses that must stay
uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("ok so i finally left grok. no regrets", ("Grok", None, "leave")),
    ("traded grok for claude last night and wow the tone is different",
     ("Grok", "Claude", "move")),
    ("my sister switched to le chat over the holidays and I followed, bye chatgpt",
     ("ChatGPT", "Le Chat", "move")),
    ("uninstalled copilot from the work laptop, perplexity does what i need",
     ("Copilot", "Perplexity", "move")),
    ("bye #ChatGPT, hello #Claude 👋", ("ChatGPT", "Claude", "move")),
    ("Paid for Gemini for a year and now use DeepSeek, it's free and good enough.",
     ("Gemini", "DeepSeek", "move")),
    ("Turned off Copilot everywhere I could find it. Windows, Edge, Office. Gone.",
     ("Copilot", None, "leave")),
    ("Ripped the Meta AI app off both my phones this weekend.", ("Meta AI", None, "leave")),
    ("Perplexity kept citing dead links, so I stopped using it.",
     ("Perplexity", None, "leave")),
    ("ChatGPT asks for my phone number every week now. I don't use it anymore.",
     ("ChatGPT", None, "leave")),
]

NEAR_MISSES = [
    "it took me a week to grok the new API, Claude helped",
    "I don't fully grok why people pay for Claude twice",
    "Le chat dort sur mon clavier, ChatGPT ne peut rien y faire",
    "the copilot landed us early, so I got an extra hour with Claude on the laptop",
    "#ChatGPT #Claude which one for essays? asking for my class",
    "I'm wanting to switch to Claude but my team is on ChatGPT",
    "Turned off Copilot suggestions in Word for this one document, they were distracting.",
    "I stopped using it for code reviews, ChatGPT is still my daily driver otherwise",
    "Everyone is cancelling ChatGPT and I'm just... not. It works for me.",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
