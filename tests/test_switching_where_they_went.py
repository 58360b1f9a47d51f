"""Where someone went, and when they came back, said without a verb of moving (issue 11,
from the development misses of batches K to Z7): "Y has replaced X for me" (or for a task, in
a workflow) is a move from X to Y; "eventually ... settled" after "bouncing between" names a
destination; "now I go with Y" or "I'm a Y subscriber now" after a brand used before is a
move; a return told last ("by summer I was back on X", "resubscribed to Plus") wins over the
move told before it; and short forms: "turned off auto-renew", "deleted my Facebook account
and Meta AI", "Y since Tuesday", "hello Qwen". A product that replaced another on a chart or in
a company's product, a question, and both brands still in use are not moves. Every example is
written in our own words; each family has near misses that must stay uncounted."""
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

# short forms of leaving and arriving (from the development misses of batches M, Y, Z2, Z6):
# "turned off auto-renew (on X)", "deleted my Facebook account and Meta AI", "Y since
# Tuesday" after a brand used before, "hello Ollama" after a goodbye, "Y has handled
# everything" beside a cancellation
SHORT_FORMS = [
    ("turned off auto-renew on gemini advanced last night. that's that.",
     ("Gemini", None, "leave")),
    ("Copilot nagged me once too often. Went into settings and turned off auto renewal.",
     ("Copilot", None, "leave")),
    ("Cancelled Spotify and Perplexity Pro on the same day, felt great", ("Perplexity", None,
                                                                          "leave")),
    ("was on deepseek for a year but the outages wore me down. Le Chat since Monday, so far so "
     "good", ("DeepSeek", "Le Chat", "move")),
    ("Bye Claude, hello Qwen on my own GPU", ("Claude", "other", "move")),
    ("two weeks without grok and perplexity has handled everything. cancelled supergrok today",
     ("Grok", "Perplexity", "move")),
]
NOT_SHORT_FORMS = [
    "Deleted my chats and ChatGPT keeps the memory anyway",
    "Turned off auto-renew on my car insurance, Claude helped me compare quotes",
    "Claude since Tuesday? No, since launch day, I've used both the whole time",
]
test_short_forms, test_near_short_forms_are_not_leaving = \
    switch_example_tests(SHORT_FORMS, NOT_SHORT_FORMS)
