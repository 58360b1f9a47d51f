"""Moves weighed up, and orders given to others (issue 11, scorer 21, from the development
rows of batches I to Z14): "weighing my X Plus against Y Pro", "staying on X or moving to Y",
"stay on X or take ... Y?" and "need to replace X" are `consider`; a noun subject before a
modal ("all agency offices must stop using X") is whose act it is, not the poster's. Every
example is written in our own words, with near misses."""
from tests.helpers import switch_example_tests

WEIGHED = [
    ("Weighing my Gemini Advanced plan against Claude Pro. Only one of them survives March.",
     ("Gemini", "Claude", "consider")),
    ("Trying to decide between staying on Perplexity or moving to ChatGPT for research",
     ("Perplexity", "ChatGPT", "consider")),
    ("Keep paying for Copilot or grab the cheaper annual plan of Le Chat?",
     ("Copilot", "Le Chat", "consider")),
    ("We need to replace Grok in our newsroom by June. What works with Slack?",
     ("Grok", None, "consider")),
]
NOT_WEIGHED = [
    "Weighing the new Gemini model against the old one: faster, less chatty",
    "Staying on Claude. Moving my notes to Obsidian was the bigger change this year",
    "Remember when people said you need to replace ChatGPT with a spreadsheet?",
]
test_weighed, test_not_weighed = switch_example_tests(WEIGHED, NOT_WEIGHED)

ORDERED = [
    "City council memo: all municipal offices must stop using ChatGPT by the end of the year",
    "The ministry says every school district should phase out Copilot on pupil laptops",
]
OWN_MODAL = [
    ("Users must stop paying OpenAI. Cancel your ChatGPT subscription today.",
     ("ChatGPT", None, "leave")),
    ("My whole team must stop using Copilot by Friday, so we moved to Claude today",
     ("Copilot", "Claude", "move")),
]
test_own_modal, test_orders_to_others_are_not_leaving = switch_example_tests(OWN_MODAL, ORDERED)
