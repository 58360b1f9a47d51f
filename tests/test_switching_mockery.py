"""Acts said in mockery, announced but not done, or undone in the same post are not leaving
(issue 11, from the development false alarms of batches H to Z9): "oh yeah, let me just
cancel X", "Sure, I'll quit X. Right after I give up electricity", "I'm SO leaving X 🙄";
"Leaving X ... I just haven't clicked cancel" weighs it; "the subscription is still active",
"I'm keeping it". A real act told beside the same words still counts: "Sure, I left X, but
...", "cancelled X right after I read the news", "still active until the 30th". Every example
is written in our own words."""
from tests.helpers import switch_example_tests

MOCKERY = [
    "oh sure, let me just delete Gemini and go back to reading bus timetables on paper",
    "Yeah right, I'll quit Claude. Right after I quit coffee and sleep.",
    "i'm totally cancelling perplexity, right after i finish these 200 citations 🙄",
    "Ah yes, we'll uninstall Copilot, right after we stop using Word for a living",
]

REAL = [
    ("Sure, I left ChatGPT, but I'm not going to lecture anyone else about it",
     ("ChatGPT", None, "leave")),
    ("Cancelled Grok right after I read the news about the images. Easy call.",
     ("Grok", None, "leave")),
    ("oh yeah I cancelled Gemini too, last week", ("Gemini", None, "leave")),
]

test_real_acts_beside_the_same_words, test_mockery_is_not_leaving = \
    switch_example_tests(REAL, MOCKERY)

# an act announced but not done, or undone in the same post: "Leaving X ... I just haven't
# hit the button" weighs it; "the subscription is still active", "I'm keeping it" stays
NOT_DONE = [
    ("Leaving Perplexity, can't pick between Gemini and Claude\n\nMentally I'm out. I just "
     "haven't clicked cancel because I want to know where I'm going first.",
     ("Perplexity", None, "consider")),
    ("Leaving Copilot once this term ends. My seat runs out in June and I don't plan to renew.",
     ("Copilot", None, "consider")),
]
STAYS = [
    "Quitting Gemini like I quit sugar: loudly, daily, and the subscription is still active.",
    "Everyone online says cancel cancel cancel. Grok drafts my listings daily. I'm keeping it.",
    "Yes, I'll be cancelling Claude. Right after it finishes the migration it started at noon.",
]
test_acts_not_yet_done, test_acts_undone_are_not_leaving = \
    switch_example_tests(NOT_DONE, STAYS)
PAID_PERIOD = [
    ("Cancelled Gemini Advanced today; the plan is still active until the 30th.",
     ("Gemini", None, "leave")),
]
test_the_rest_of_a_paid_period_is_still_leaving = switch_example_tests(PAID_PERIOD, [])[0]
