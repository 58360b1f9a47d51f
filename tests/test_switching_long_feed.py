"""Switching in a realistic feed of long posts (issue 11, from the development rows of batch
Z5, where few posts report a move): a hedge word in an earlier clause does not hedge the
poster's own act ("after reading about where the data goes, I moved ..."), unless that clause
makes it a condition ("... before I cancel"); "about 12% of former subscribers" is a number,
not a hedge; and what must stay uncounted: "migrated everything to pgvector over two
weekends" (time, not a move between the brands named after it), a model "gone from the menu"
(the product changing). Every example is written in our own words."""
from tests.helpers import switch_example_tests

CASES = [
    ("Tips from a wedding florist who writes a lot of emails. I leaned on Gemini for a year, "
     "but after reading about how long the chats are kept I moved my whole inbox routine over "
     "to Le Chat in April, and it copes fine.", ("Gemini", "Le Chat", "move")),
    ("A poll of 2,000 adults found that about 15% of former Perplexity Pro subscribers have "
     "since moved to ChatGPT, most of them for the search.", ("Perplexity", "ChatGPT", "move")),
]

NEAR_MISSES = [
    "Our search index was costing a fortune, so we migrated everything to Typesense over three "
    "weekends. Embeddings are made by OpenAI and the answers written by Claude, as before.",
    "GPT-4.1 is gone from the model picker again, swapped for GPT-5 for everyone on Plus. The "
    "fans of the old one are not happy.",
    "Would like to hear from lawyers who use Gemini before I cancel my Claude plan, thinking "
    "about it for a while now.",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
