"""Switching in short posts: comments, reviews, social posts and headlines (issue 11, from
the development misses of batch H): "No more X in this house", "X: cancelled" above a
line that opens with a capital, a bare
"resubscribed" after leaving (a return to the brand left), "cancelled mine" and "deleted it
from my phone", a quoted "refugee wave", "got refunded for my X plan", "the shared X seats",
"CGPT" for ChatGPT, and a capitalised word opening a new line is not the product a verb on
the line before names. Every example is written in our own words; each family has near
misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("Done. No more ChatGPT in this house, my husband cancelled his as well.",
     ("ChatGPT", None, "leave")),
    ("No more Gemini for me. The new limits are a joke.", ("Gemini", None, "leave")),
    ("Perplexity Pro: cancelled\n\nNothing wrong with it, I just never opened it.",
     ("Perplexity", None, "leave")),
    ("I left ChatGPT in April for Claude. Resubscribed this morning, my old chats won.",
     ("Claude", "ChatGPT", "return")),
    ("Dropped Gemini over the summer. Reactivated it last week because of Drive.",
     (None, "Gemini", "return")),
    ("me too, cancelled mine on sunday. GPT-5.2 just talks too much now",
     ("ChatGPT", None, "leave")),
    ("School blocked DeepSeek, so I deleted it from my own laptop as well.",
     ("DeepSeek", None, "leave")),
    ("How the 'ChatGPT refugee' wave pushed Claude to the top of the charts",
     ("ChatGPT", "Claude", "move")),
    ("Got refunded for my yearly Gemini plan after a week of errors. 1 star.",
     ("Gemini", None, "leave")),
    ("Our club agreed to cancel the shared Claude Pro seats next month.",
     ("Claude", None, "leave")),
    ("tbh CGPT → Claude was my best move this year", ("ChatGPT", "Claude", "move")),
]

NEAR_MISSES = [
    "No more ChatGPT hallucinations in my citations since I started checking them.",
    "No more Claude outages this week, finally.",
    "Resubscribed to my gym today, ChatGPT wrote me the plan.",
    "Reactivated my old Gemini account to read my chats, still on it daily.",
    "Deleted it from my phone? No, I moved the ChatGPT widget to the second screen.",
    "The 'ChatGPT refugee' jokes are getting old, I never left.",
    "Got refunded for a broken keyboard, ChatGPT drafted the complaint.",
    "We set up shared Claude seats for the whole club yesterday.",
]

test_short_forms, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)

# from the development misses of batches F to Z: "cut X Plus this month", "no more X on this
# laptop", a title "X to Kimi K2:" (an untracked destination), "from X to just paying for Y",
# and lower-case names before "is"/"was" ("grok is off my phone", "le chat was fine")
MORE_SHORT_FORMS = [
    ("Cut Gemini Advanced this month; the free Le Chat app covers what I needed.",
     ("Gemini", "Le Chat", "move")),
    ("two hours of fighting settings later, no more Meta AI on this phone", ("Meta AI", None,
                                                                              "leave")),
    ("Claude to Qwen3 Coder: three weeks of running my agent locally", ("Claude", "other",
                                                                         "move")),
    ("Went from Kagi to just paying for Perplexity. Fewer tabs, same answers.",
     ("other", "Perplexity", "move")),
    ("grok is off my phone. didn't replace it with anything", ("Grok", None, "leave")),
    ("crawled back to gemini. le chat was fine but the voice mode wasn't", ("Le Chat", "Gemini",
                                                                             "return")),
]
NOT_MORE_SHORT_FORMS = [
    "ChatGPT cut my email time in half this month",
    "No more Copilot jokes on this thread please",
    "Claude to the rescue: how it fixed my spreadsheet in five minutes",
]
test_more_short_forms, test_near_more_short_forms_are_not_leaving = \
    switch_example_tests(MORE_SHORT_FORMS, NOT_MORE_SHORT_FORMS)

# from the development misses of batch Z8 (short posts): a farewell ("X had a good run"),
# "Y, after two years of X", "Y for a week now" after a brand used before, "switched from
# cursor to ..." (a known untracked tool in lower case); "cancelled Netflix instead of X"
# keeps X
FAREWELLS_AND_TITLES = [
    ("perplexity is my go-to now. gemini had a good run", ("Gemini", "Perplexity", "move")),
    ("Le Chat, after a year of Copilot: my honest notes", ("Copilot", "Le Chat", "move")),
    ("Used Grok since launch. Claude Pro for two weeks now, not looking back.",
     ("Grok", "Claude", "move")),
    ("moved from cursor to gemini cli over the holidays", ("other", "Gemini", "move")),
]
KEPT = [
    "dropped my gym membership instead of Gemini Advanced this month, priorities",
    "Claude after two beers is still better at SQL than me",
]
test_farewells_and_titles, test_kept_instead_is_not_leaving = \
    switch_example_tests(FAREWELLS_AND_TITLES, KEPT)

# scorer 23, from the development rows of batches I to Z16: "Cancelled my subscription" above a
# line naming the brand; "X to Y." opening a post; "that's the end of my X subscription"; "took
# my $20 a month elsewhere"; "still paying for it. Not anymore."; "we'd already cancelled" is
# had, not would
SCORER_23_FORMS = [
    ("Cancelled my subscription\n\nPerplexity used to be sharp, now every answer cites a "
     "listicle.", ("Perplexity", None, "leave")),
    ("Gemini to Le Chat. Faster, and the answers are in proper French.",
     ("Gemini", "Le Chat", "move")),
    ("Copilot invented a court case in my brief, so that's the end of my Copilot Pro "
     "subscription.", ("Copilot", None, "leave")),
    ("Took my $20 a month elsewhere. Two years of Claude Pro, and the caps won.",
     ("Claude", None, "leave")),
    ("Hadn't opened Grok since June and I'm still paying for it. Not anymore.",
     ("Grok", None, "leave")),
    ("By the time the price went up we'd already cancelled Perplexity Pro.",
     ("Perplexity", None, "leave")),
]
NOT_SCORER_23_FORMS = [
    "My nephew left Claude's birthday party early, the cake was late",
    "Compare Gemini to Le Chat. Same prompt, two very different answers.",
    "Is that the end of my Copilot subscription discount, or does it renew?",
]
test_scorer_23_forms, test_not_scorer_23_forms = switch_example_tests(
    SCORER_23_FORMS, NOT_SCORER_23_FORMS)

# scorer 24, from the development rows of batches Z17 and Z18: "my X sub ran out",
# "re-subscribed", "X refugee here, ...", an adverb opening the clause
SCORER_24_FORMS = [
    ("Garden update: since my Perplexity sub ran out I have been asking Gemini about pests.",
     ("Perplexity", "Gemini", "move")),
    ("Re-subscribed to Claude Pro after five months away. The projects feature sold me.",
     (None, "Claude", "return")),
    ("Grok refugee here, where do I find the memory settings in Claude?",
     ("Grok", "Claude", "move")),
    ("reluctantly cancelled copilot pro today, the popups won", ("Copilot", None, "leave")),
]
NOT_SCORER_24_FORMS = [
    "My Perplexity credits ran out mid-search, so I waited for the reset",
    "Re-subscribed to the newsletter about Claude releases, mostly for the benchmarks",
]
test_scorer_24_forms, test_not_scorer_24_forms = switch_example_tests(
    SCORER_24_FORMS, NOT_SCORER_24_FORMS)
