"""Which brands moved, where a post names more than the two that did (issue 11, from the
development misses of batches Q to Z6): the last step of a chain ("X → Y → Z", or a later
"Y → Z" after "X → Y"); the money "that used to go to X every month"; a cancellation whose
brand is unsaid is of the brand said to be used before it, not the one named last; "everyone
I know went to X" is others' move, not the poster's; an adoption qualified with "but" is not
where someone went; a post that opens "Ex-X guy, ..." is the poster's; "didn't think I'd ..."
after an act does not undo it. And who someone who left did not go to: a brand named in a
clause that compares it or looks back ("preferred you over X", "it used to beat X", "runs on
X under the hood"), or "none of them went to X". Where a move came from when no verb says it:
the one brand named before the move, or an untracked product named before it; a destination
that is one of two ("scatter to X and Y") is none. Every example is written in our own words;
each family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("Claude → Gemini → Le Chat, and I think this one sticks", ("Gemini", "Le Chat", "move")),
    ("Went Grok → ChatGPT last spring, then this month ChatGPT → Claude. Done hopping.",
     ("ChatGPT", "Claude", "move")),
    ("The eighteen euros that used to go to Gemini every month goes to Le Chat now.",
     ("Gemini", "Le Chat", "move")),
    ("Perplexity had been my search tool since college. Then work gave us Copilot and I let the "
     "subscription lapse.", ("Perplexity", "Copilot", "move")),
    ("Everyone I know went to ChatGPT. I went to Le Chat. Cancelled Gemini on Monday.",
     ("Gemini", "Le Chat", "move")),
    ("ex-Gemini guy, two months into Claude: the writing is calmer and the limits are fine",
     ("Gemini", "Claude", "move")),
    ("former Copilot person, current ChatGPT person. didn't think I'd care this much",
     ("Copilot", "ChatGPT", "move")),
]

NEAR_MISSES = [
    "Anthropic is hiring a lot of ex-OpenAI people lately, make of that what you will",
    "Startup founded by an ex-Google guy launches a Gemini wrapper for lawyers",
]

LEFT_ONLY = [
    ("Cancelled Gemini Advanced. Grok was great for a laugh but not for my spreadsheets.",
     ("Gemini", None, "leave")),
    ("Not renewing Perplexity Pro. It used to beat ChatGPT at sources, these days it doesn't.",
     ("Perplexity", None, "leave")),
    ("Bye DeepSeek. I was one of the few who preferred you over Claude for maths.",
     ("DeepSeek", None, "leave")),
    ("Dropped Copilot Pro. It runs on OpenAI models under the hood and I'd rather not pay them.",
     ("Copilot", None, "leave")),
    ("half my study group cancelled chatgpt this week and none of them went to gemini",
     ("ChatGPT", None, "leave")),
]
test_left_with_nowhere_named = switch_example_tests(LEFT_ONLY, [])[0]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)

# where a move came from when no verb says it: the one brand named before the move, or an
# untracked product named before it ("other"); a destination that is one of two is none
# (from the development misses of batches H to Z7)
CAME_FROM = [
    ("Perplexity kept timing out on me all week\n\nMoved to Gemini and it's been fine. Claude "
     "was nice too but the caps.", ("Perplexity", "Gemini", "move")),
    ("Windsurf users jump to Claude Code after the acquisition mess", ("other", "Claude", "move")),
    ("For two years my writing buddy was HuggingChat. When it got flaky I went to Le Chat.",
     ("other", "Le Chat", "move")),
    ("Copilot subscribers scatter to Gemini and Claude after the price hike",
     ("Copilot", None, "leave")),
]
test_where_a_move_came_from = switch_example_tests(CAME_FROM, [])[0]
