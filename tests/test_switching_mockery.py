"""Acts said in mockery are not acts (issue 11, from the development false alarms of batches
H to Z4): "oh yeah, let me just cancel X", "Sure, I'll quit X. Right after I give up
electricity", "I'm SO leaving X 🙄". A real act told beside the same words still counts:
"Sure, I left X, but ...", "cancelled X right after I read the news". Every example is
written in our own words."""
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
