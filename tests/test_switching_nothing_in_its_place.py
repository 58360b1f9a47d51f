"""Where they went, and where they did not (issue 11, scorer 19, from the development misses of
batches B to Z11): a brand used without choosing it ("I'll keep using Gemini through work",
"friends keep telling me to try Claude; maybe someday", "everyone fled OpenAI to them") is not
a destination, nor is anything when the post says nothing took its place ("AI-free now",
"using nothing", "not paying for anything"); a question asked from the destination ("fellow
ChatGPT refugees, which Gemini features ...?", "is Le Chat underrated? Moved over from
Perplexity") names it, a question weighing it up ("is Gemini good enough yet?") does not; a
brand that got good enough before the act ("Y got good enough that I cancelled X") is where
they went; timelines ("Jan: X. Mar: Y.", "X to Y in 2024, Y to Z this week") end at their
last step; the winner of a trial ("claude won") is the destination; a dash ends a clause
("Y is everything X promised — uninstalled X"); an untracked tool known by its lower-case
name is a side ("cancelled cursor, all-in on claude now"). Every example is written in our
own words; each family has near misses that must stay uncounted or keep their one side."""
from tests.helpers import switch_example_tests

NOTHING_IN_ITS_PLACE = [
    ("Cancelled Perplexity Pro last night. My sister keeps telling me to try Le Chat; maybe "
     "someday, just not this month.", ("Perplexity", None, "leave")),
    ("Gemini Advanced is gone. I'll keep using Copilot at the office because IT pays for it, "
     "but personally I'm not paying for anything.", ("Gemini", None, "leave")),
    ("quit grok in the summer. my job makes me use chatgpt, fine, but at home i'm ai-free now",
     ("Grok", None, "leave")),
    ("Deleted DeepSeek after the leak. It had replaced Claude for me last winter. Now I'm using "
     "nothing and my essays are fine.", ("DeepSeek", None, "leave")),
    ("Unsubscribed from Claude today. Funny, considering everyone fled OpenAI to them in March.",
     ("Claude", None, "leave")),
]
STILL_WENT = [
    ("Cancelled Perplexity Pro last night and moved my research to Le Chat.",
     ("Perplexity", "Le Chat", "move")),
    ("Gemini Advanced is gone. Copilot is what I use now, and I pay for it myself.",
     ("Gemini", "Copilot", "move")),
]
test_nothing_in_its_place, _ = switch_example_tests(NOTHING_IN_ITS_PLACE + STILL_WENT, [])

ASKED_FROM_THERE = [
    ("Fellow Copilot refugees: which Claude shortcuts do you actually use every day?",
     ("Copilot", "Claude", "move")),
    ("Grok refugee here, what do I need to know about Gemini's Gems?", ("Grok", "Gemini", "move")),
    ("Why does nobody talk about Perplexity's spaces? Moved over from Gemini in May and they "
     "changed how I study.", ("Gemini", "Perplexity", "move")),
    ("Is it just me or is DeepSeek wildly good at maths? Came over from ChatGPT last week.",
     ("ChatGPT", "DeepSeek", "move")),
]
WEIGHED_UP = [
    ("Former ChatGPT users, is Le Chat good enough yet for coding?", ("ChatGPT", None, "leave")),
    ("Grok refugees: is Claude worth it, or should I wait?", ("Grok", None, "leave")),
]
NOT_MOVES = [
    "Poll: if Copilot were ad-free, how many of you would move over?",
]
test_asked_from_there, test_a_question_that_weighs_up_is_no_move = switch_example_tests(
    ASKED_FROM_THERE + WEIGHED_UP, NOT_MOVES)

GOOD_ENOUGH_FIRST = [
    ("Gemini's voice mode got good enough that I cancelled ChatGPT Plus",
     ("ChatGPT", "Gemini", "move")),
    ("Claude has been so much easier to talk to since I dropped Copilot in June",
     ("Copilot", "Claude", "move")),
    ("Perplexity is everything Gemini promised to be — deleted Gemini from my phone on Friday",
     ("Gemini", "Perplexity", "move")),
]
GOOD_ENOUGH_NOT_CHOSEN = [
    ("Le Chat is not good enough yet, but I cancelled Claude anyway", ("Claude", None, "leave")),
]
test_chosen_before_the_act, _ = switch_example_tests(
    GOOD_ENOUGH_FIRST + GOOD_ENOUGH_NOT_CHOSEN, [])

TIMELINES = [
    ("Feb: Gemini. May: Claude. Aug: ChatGPT. Nov: Perplexity, and I'm staying put",
     ("ChatGPT", "Perplexity", "move")),
    ("2024: Copilot. 2025: Claude, and honestly it stuck", ("Copilot", "Claude", "move")),
    ("Gemini to Claude in 2025, Claude to Le Chat this month", ("Claude", "Le Chat", "move")),
    ("DeepSeek to Qwen last week, no regrets", ("DeepSeek", "other", "move")),
]
NOT_TIMELINES = [
    "Mar: ChatGPT ships memory. Apr: Claude ships voice. What a spring for releases",
    "Compare Claude to Gemini in 2025 and the gap is obvious",
]
test_timelines_end_at_their_last_step, test_a_timeline_of_releases_is_no_move = \
    switch_example_tests(TIMELINES, NOT_TIMELINES)

TRIAL_WINNERS = [
    ("tried le chat and claude for two weeks each after cancelling copilot. Le Chat won.",
     ("Copilot", "Le Chat", "move")),
    ("Dropped ChatGPT, ran a bake-off between Gemini and Claude. Gemini won, Claude trial "
     "not renewed", ("ChatGPT", "Gemini", "move")),
]
NOT_WINNERS = [
    "Claude won the coding benchmark again, ChatGPT second",
]
test_the_winner_of_a_trial, test_a_benchmark_winner_is_no_move = switch_example_tests(
    TRIAL_WINNERS, NOT_WINNERS)

LOWER_CASE_TOOLS = [
    ("windsurf was fine but cancelled windsurf last night, all in on claude code now",
     ("other", "Claude", "move")),
    ("cancelled kagi. perplexity does my searching now", ("other", "Perplexity", "move")),
]
NOT_LOWER_CASE_MOVES = [
    "cancelled cursor, still no idea what I'll use instead for tab completion",
    "the cursor moved to the end of the line when I cancelled, ChatGPT bug?",
]
test_lower_case_tools, test_lower_case_tools_without_a_tracked_side = switch_example_tests(
    LOWER_CASE_TOOLS, NOT_LOWER_CASE_MOVES)

TOLD_IN_PASSING = [
    ("Packing list for the coast: I'd cancelled Copilot before the trip because Gemini reads "
     "signs through the camera, and it saved us twice.", ("Copilot", "Gemini", "move")),
    ("The bill for the family ChatGPT plan we were on doubled, so we cancelled it and the kids "
     "use Le Chat now. Nobody has complained.", ("ChatGPT", "Le Chat", "move")),
    ("Three months post-Grok and I don't miss the drama", ("Grok", None, "leave")),
    ("For sources I paid for Gemini, but once Perplexity's citations got good enough I "
     "cancelled Gemini and do that step there now.", ("Gemini", "Perplexity", "move")),
    ("Dock tour: the Le Chat icon has replaced the ChatGPT one, and it's staying there.",
     ("ChatGPT", "Le Chat", "move")),
]
NOT_TOLD = [
    "I'd cancel Copilot tomorrow if Gemini could read signs through the camera",
    "We plan to cancel ChatGPT when the plan renews, and maybe try Le Chat",
    "Is Perplexity good enough that I could cancel Gemini? Asking before I do it",
]
test_told_in_passing, test_not_told = switch_example_tests(TOLD_IN_PASSING, NOT_TOLD)
