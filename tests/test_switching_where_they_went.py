"""Where someone went, said without a verb of moving (issue 11, from the development misses
of batches K to Z7): "Y has replaced X for me" (or for a task, in a workflow) is a move from
X to Y; "Y ... that's where I've settled" (or "where my $20 goes now") names where someone
who left went. A product that replaced another on a chart, in a company's product or in a
news story is not a move, nor is a question about where to settle. Every example is written
in our own words; each family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("Le Chat has replaced Gemini for me, mostly because it answers in half the time",
     ("Gemini", "Le Chat", "move")),
    ("honestly claude replaced chatgpt for coding months ago and I only noticed today",
     ("ChatGPT", "Claude", "move")),
    ("A tiny Qwen model on my old gaming PC has replaced Copilot in my workflow.",
     ("Copilot", "other", "move")),
    ("Perplexity has completely replaced Gemini for us at the shop. Nobody misses it.",
     ("Gemini", "Perplexity", "move")),
    ("Dropped ChatGPT in the spring. Bounced around a bit, then Claude stuck, and that's where "
     "I've settled.", ("ChatGPT", "Claude", "move")),
    ("Cancelled Grok after the image scandal. Tried two others; Gemini fits my phone best, so "
     "that's where my twenty dollars goes now.", ("Grok", "Gemini", "move")),
]

NEAR_MISSES = [
    "Claude replaced ChatGPT at the top of the App Store this weekend",
    "Microsoft says Claude has replaced OpenAI models in some Copilot features",
    "Has Gemini replaced ChatGPT for anyone here? Curious before I decide anything",
    "GPT-5 replaced GPT-4o for me overnight and I hate it",
    "Gemini or Claude, which one is where I should settle for writing?",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)

SETTLED_LATER = [
    ("Quit Gemini in March and spent weeks bouncing between free tiers. In the end I paid for "
     "Le Chat and I've settled there.", ("Gemini", "Le Chat", "move")),
]
UNSETTLED = [
    ("Quit Gemini in March. Still bouncing between free tiers, Claude one week, Le Chat the "
     "next.", ("Gemini", None, "leave")),
]
test_settled_after_trying_around = switch_example_tests(SETTLED_LATER + UNSETTLED, [])[0]

USED_THEN_NOW = [
    ("Used Perplexity for my research notes all last year, but now I go with Claude for that.",
     ("Perplexity", "Claude", "move")),
    ("gemini kept timing out on me during finals so i'm a claude subscriber now",
     ("Gemini", "Claude", "move")),
    ("Copilot was my default for ages. Now we started paying for Le Chat as a team.",
     ("Copilot", "Le Chat", "move")),
]
NOT_USED_THEN_NOW = [
    "I'm a Claude subscriber now and honestly still use ChatGPT every day",
    "Now I go with Gemini for images and Claude for text, same as always",
]
test_used_before_and_now, test_both_still_used_is_no_move = \
    switch_example_tests(USED_THEN_NOW, NOT_USED_THEN_NOW)

# a return told last undoes the move told before it; "resubscribed to Plus" names a plan,
# whose brand is the other one the post names
RETURNS = [
    ("Tried Gemini from March, and by summer I was back on ChatGPT. Habit wins.",
     ("Gemini", "ChatGPT", "return")),
    ("I'm a Claude person again\n\nLeft for Le Chat during the spring fuss. It was fine for "
     "email and bad at code. Resubscribed to Pro yesterday.", ("Le Chat", "Claude", "return")),
    ("Quit ChatGPT and left for Le Chat after the news. Two months later, resubscribed to "
     "Plus.", ("Le Chat", "ChatGPT", "return")),
]
NOT_RETURNS = [
    "I was back on my laptop by noon and ChatGPT was down again",
    "Resubscribed to my gym and the newspaper this month; Claude stays on the free tier",
]
test_returns_told_last, test_near_returns_are_not_leaving = \
    switch_example_tests(RETURNS, NOT_RETURNS)
