"""Switching told for a family or a team, and in reports (issue 11, from the development misses
of batch P): "set everyone up on X" after leaving, "got my mum off X", "three of us are on X
now", "ended our X enterprise agreement", a personal agent or script "migrated from X's API
to Y", "X's limits drove me to Y", a rival overtaken "as users defect", people named by
where they live or what they do ("Europeans are swapping X for Y"), "users have jumped to
rival chatbots", "X's users are leaving" and "X's app is gone" (a possessive), and no
destination while the poster "can't decide between" two. A union calling on members to
boycott is not a user leaving. Every example is written in our own words; each family has
near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("We cancelled the family ChatGPT plan and set everyone up on Claude instead.",
     ("ChatGPT", "Claude", "move")),
    ("Got my dad off Meta AI this weekend and put Gemini on his tablet.",
     ("Meta AI", "Gemini", "move")),
    ("All four of us used Grok last year. Three of us are on Le Chat now.",
     ("Grok", "Le Chat", "move")),
    ("We ended our OpenAI enterprise agreement in June and nobody asked for it back.",
     ("ChatGPT", None, "leave")),
    ("Migrated my home-automation helper from OpenAI's API to Gemini over a weekend.",
     ("ChatGPT", "Gemini", "move")),
    ("Perplexity's new caps drove me to Claude, and I don't miss the citations much.",
     ("Perplexity", "Claude", "move")),
    ("Gemini overtakes ChatGPT in the Play Store as users defect after the ad rollout",
     ("ChatGPT", "Gemini", "move")),
    ("Teachers are swapping Copilot for Claude to plan lessons, a survey finds",
     ("Copilot", "Claude", "move")),
    ("Thousands of Grok users have jumped to rival chatbots since the scandal",
     ("Grok", None, "leave")),
    ("Gemini's paying users are leaving in droves, a survey of app stores says",
     ("Gemini", None, "leave")),
    ("Perplexity's app is gone from my phone, and the subscription with it.",
     ("Perplexity", None, "leave")),
    ("Cancelled ChatGPT on Friday. I'm torn between Claude and Gemini, so free tiers for now.",
     ("ChatGPT", None, "leave")),
]

NEAR_MISSES = [
    "Nurses' union calls on members to boycott ChatGPT on hospital computers",
    "Set everyone up on the new VPN, then asked ChatGPT to write the how-to.",
    "Claude overtakes ChatGPT in one benchmark as users argue about the methodology",
    "Gemini's long answers drove me to write shorter prompts.",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
