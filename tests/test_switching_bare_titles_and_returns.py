"""Switching forms from the development misses of batches Q and R (issue 11): a title that
is only "X to Y" before a colon, a dash or "after"; a brand cut short at the end of a title
("... moved everything to Cla...") names nothing; lower-case names read as the product after
"from ... to" and "reinstalled"; "X is out and Y is in"; "as of Friday it's X"; "the X era is
over"; "the whole lab is on X now"; a plan named alone ("Pro is gone."); "cancelled this
morning"; removals counted across phones; sign-ups that a company credits to people
fleeing a rival; returns told as "paying X again" or people drifting back; "is X good
enough to replace Y?" weighed up; an announcement "Leaving X for good and heading to ..."
(it is not an act named as a subject); and from batch T's development rows: "lapsed X
subscribers" and "X switchers" as the crowd that left or comes back, "N weeks into Y", "Y in
its place", "X app gone from my laptop", "fully X-free", "Refund requested", "half tempted to
follow her off X" (the poster's hedge over another's move), "on the fence ... did it", a
former employee's AMA, a call for a boycott, advice after a question to readers. Every example
is written in our own words; each family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("Perplexity to Claude: three weeks in", ("Perplexity", "Claude", "move")),
    ("Poe to Gemini after a year and a half", ("other", "Gemini", "move")),
    ("Dropped Gemini last night and moved all my notes to Clau...", ("Gemini", None, "leave")),
    ("switched from deepseek to le chat and the answers got shorter, in a good way",
     ("DeepSeek", "Le Chat", "move")),
    ("reinstalled grok on a whim and honestly it's fine now", (None, "Grok", "return")),
    ("Copilot is out, Gemini is in. Our spreadsheets never looked better",
     ("Copilot", "Gemini", "move")),
    ("our clinic used to draft letters with ChatGPT. as of friday it's Claude",
     ("ChatGPT", "Claude", "move")),
    ("The Perplexity days are over for me, it kept citing blogspam",
     ("Perplexity", None, "leave")),
    ("we had ChatGPT on every laptop in the lab. the whole lab is on Gemini now",
     ("ChatGPT", "Gemini", "move")),
    ("Did it. Pro is gone. Claude free tier is plenty for my two questions a day",
     ("Claude", None, "leave")),
    ("Grok Premium cancelled this afternoon, no regrets", ("Grok", None, "leave")),
    ("Report: users removed DeepSeek from 3 million phones in a month",
     ("DeepSeek", None, "leave")),
    ("Le Chat reports Spanish sign-ups doubled, thanks users leaving OpenAI",
     ("ChatGPT", "Le Chat", "move")),
    ("Two months after the boycott I'm paying OpenAI again. Sigh.", (None, "ChatGPT", "return")),
    ("Coders drift back to Gemini after a month with Claude Code",
     ("Claude", "Gemini", "return")),
    ("Is Gemini good enough to replace Claude for a grad student? Renewal is Monday",
     ("Claude", "Gemini", "consider")),
    ("Leaving Copilot for good and looking around", ("Copilot", None, "leave")),
    # from batch T's development rows
    ("Poll of 800 lapsed Gemini Advanced subscribers: most went to ChatGPT",
     ("Gemini", "ChatGPT", "move")),
    ("Perplexity Pro subscriber since launch, now I just pay for Claude",
     ("Perplexity", "Claude", "move")),
    ("DeepSeek app gone from my phone, Le Chat in its place", ("DeepSeek", "Le Chat", "move")),
    ("Weeks of going back and forth about leaving ChatGPT... finally did it. Claude for "
     "everything from now on", ("ChatGPT", "Claude", "move")),
    ("Our flat is now fully Copilot-free", ("Copilot", None, "leave")),
    ("Third outage this week on Gemini. Refund requested, bye", ("Gemini", None, "leave")),
    ("My brother moved to Claude in June and I'm half tempted to follow him off Gemini",
     ("Gemini", "Claude", "consider")),
    ("Claude switchers are heading back to ChatGPT, a survey finds",
     ("Claude", "ChatGPT", "return")),
    ("Report: lapsed Perplexity users are drifting back after the redesign",
     (None, "Perplexity", "return")),
]

NEAR_MISSES = [
    "GPT-5 to GPT-5.1: what changed in the API",
    "Gemini 3 is out and Claude is in trouble",
    "Claude is out of tokens again and I'm in a meeting",
    "ChatGPT cancelled this feature without telling anyone",
    "Thinking about leaving Gemini? Export your Gems first, they don't come along",
    "Deleting ChatGPT and reinstalling it won't bring the chats back",
    "I'm paying for Claude again this month, same as every month",
    "The model picker kept vanishing and coming back and vanishing again in ChatGPT",
    "Claude downloads doubled after the ad; nobody said they left anything",
    "I left OpenAI last year. AMA about what it's really like in there",
    "Teachers' groups call for a boycott of Gemini in classrooms",
    "Thinking of leaving Perplexity for Gemini? Your Spaces won't transfer, heads up",
    "I did it for the first time: asked Claude to plan a whole trip",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
