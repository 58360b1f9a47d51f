"""How app-store reviewers say it (issue 11, scorer 20, from the development rows of batch Z13,
reviews): a shouted review is no product name ("CANCELLED MY SUBSCRIPTION"); a trial or an
Advanced plan cancelled is the brand's; "unistalled" is uninstalled; "reinstalled today because
..." after deleting is a return (not "reinstalled twice", a fix tried); "left X for this" is an
arrival where the review is read, at the brand it praises; "Finally switched" alone is a move
whose sides come from the rest; a local model is an untracked destination; the app uninstalled
while the product is kept in the browser is no leave (unless the plan is left for the free
tier). Every example is written in our own words; each family has near misses."""
from tests.helpers import switch_example_tests

REVIEWS = [
    ("UNSUBSCRIBED TODAY\n\nTHE APP FORGETS EVERYTHING I TELL IT AND SUPPORT NEVER ANSWERS. "
     "FINISHED WITH GEMINI.", ("Gemini", None, "leave")),
    ("3 stars\n\nPerplexity is fine but I cancelled the Pro trial after a week.",
     ("Perplexity", None, "leave")),
    ("unistalled Copilot, the popups were driving me mad", ("Copilot", None, "leave")),
    ("Back again\n\nDeleted ChatGPT in May, reinstalled yesterday because the voice mode got "
     "good. Let's see.", (None, "ChatGPT", "return")),
    ("Left Poe for this\n\nPoe kept changing its credit system. Claude just works, and the app is "
     "clean.", ("other", "Claude", "move")),
    ("Finally switched\n\nThree years on Gemini Advanced, now on Perplexity Pro. Citations I can "
     "check.", ("Gemini", "Perplexity", "move")),
    ("Replaced Claude with a small local model on my laptop. No more limits.",
     ("Claude", "other", "move")),
    ("Stopped paying for Grok. I'll keep using Grok on the free tier for memes.",
     ("Grok", None, "leave")),
]
NOT_LEAVING = [
    "Deleted the app because it drained my battery. I'll keep using Perplexity in the browser.",
    "Voice keeps dropping on ChatGPT. Cleared the cache and reinstalled twice, still broken.",
    "SUPPORT NEVER ANSWERS AND THE APP CRASHES ON START. FIX IT, CLAUDE.",
    "Switched. The dark mode toggle in Gemini is finally where it should be.",
]
test_reviews, test_review_near_misses = switch_example_tests(REVIEWS, NOT_LEAVING)
