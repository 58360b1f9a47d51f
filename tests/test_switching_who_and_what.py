"""Switching: whose act a statement is and which product it names (issue 11, from the
development misses of batch F): an untracked product's name ends at its sentence, a name
right after a brand is that brand's feature ("Gemini Deep Research"), joining a campaign
named after a brand ("QuitGPT") is leaving it, a public body's plan told with "will" is not
the poster's, an audience ("aimed at people switching") and a supposed case ("thought
experiment: everyone quits ...") report nobody's move, "ditched it" leaves the brand named
before, installing a brand for someone is where they went, and "X free vs paying for Y" or
"looking for a replacement for X" weigh a move up; and from batch G's: "stop pay for it",
"moved everyone off X onto Y", known untracked tools in lower case ("aider"), a crowd told
with "they've cancelled since ...", "it's gone from my phone", Claude's models by name
("Sonnet", "Opus"; moving between them is no switch), and a thanks or a meetup is not a
product; and from batch I's: "replaced X on my laptop with Y", "let X lapse", "moved that
work to Y", "changed from X to Y", "the team's X seats"; people replaced by a brand and staff
moving between labs are no one's switch. Every example is written in our own words; each
family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    # an untracked product's name stops at the end of its sentence
    ("We dropped Windsurf. Moved the whole team to Claude Code in May.",
     ("other", "Claude", "move")),
    ("Our CTO pulled the plug on the Cursor licences and we moved everyone to Claude Code.",
     ("other", "Claude", "move")),
    ("I got rid of Kagi. Gemini does my searching now.", ("other", "Gemini", "move")),
    # a name right after a brand is one of its features
    ("Left Perplexity for this app. Gemini Deep Research does the digging better.",
     ("Perplexity", "Gemini", "move")),
    ("Cancelled Perplexity Pro, ChatGPT Canvas is better for drafting anyway.",
     ("Perplexity", "ChatGPT", "move")),
    # joining a campaign named after a brand is leaving it
    ("I joined QuitGPT in March and I haven't missed it once.", ("ChatGPT", None, "leave")),
    ("Took part in QuitGPT with my whole book club, we all use Claude now.",
     ("ChatGPT", "Claude", "move")),
    # "ditched it" / "dumped it": the brand named before
    ("Paid for SuperGrok most of last year. Ditched it in February.",
     ("Grok", None, "leave")),
    ("had supergrok through my x subscription. dumped it last month and been on claude since",
     ("Grok", "Claude", "move")),
    # installing a brand for the people one moves
    ("Got my grandparents off Meta AI. Installed ChatGPT on their tablet and set up voice "
     "mode. I stick with Claude for my own stuff.", ("Meta AI", "ChatGPT", "move")),
    # weighing up
    ("Gemini free vs paying for Claude Pro, is it worth it for a nurse?",
     ("Gemini", "Claude", "consider")),
    ("Looking for a replacement for ChatGPT that works offline.",
     ("ChatGPT", None, "consider")),
    ("Need a good alternative to Copilot for spreadsheets, any ideas?",
     ("Copilot", None, "consider")),
    # from batch G's development misses
    ("Before I was using ChatGPT but I stop pay for it in march, DeepSeek is free and enough "
     "for me.", ("ChatGPT", "DeepSeek", "move")),
    ("Last quarter we moved everyone off ChatGPT Team onto Claude for Work.",
     ("ChatGPT", "Claude", "move")),
    ("aider → claude code, anything I should know?", ("other", "Claude", "move")),
    ("Poll: a third of the freelancers who paid for Gemini say they've cancelled since June.",
     ("Gemini", None, "leave")),
    ("That was the last straw with Meta AI, it's gone from my phone.",
     ("Meta AI", None, "leave")),
    ("Moved from Opus to Gemini for long PDFs, the context window won.",
     ("Claude", "Gemini", "move")),
    # from batch I's development misses
    ("Replaced Copilot on my office desktop with Claude, night and day.",
     ("Copilot", "Claude", "move")),
    ("I let Perplexity lapse in May and have done all my reading in Gemini since.",
     ("Perplexity", "Gemini", "move")),
    ("I'd used ChatGPT for transcripts for years, but this spring I moved that work to Gemini.",
     ("ChatGPT", "Gemini", "move")),
    ("Our office changed from ChatGPT Team to Le Chat in April.",
     ("ChatGPT", "Le Chat", "move")),
    ("we cancelled the family's chatgpt seats tonight, back to encyclopedias",
     ("ChatGPT", None, "leave")),
]

NEAR_MISSES = [
    # a public body's plan, told with "will"
    "Memo: the Parliament will phase out its ChatGPT seats by autumn and offer Le Chat "
    "instead. MEPs who pay for Claude themselves keep it.",
    "The city council will drop Copilot next year; staff get Gemini.",
    # an audience, not a report
    "Anthropic's new import tool is clearly aimed at people switching over from ChatGPT.",
    "Google's ads are targeting users leaving ChatGPT this month.",
    # supposed cases
    "Thought experiment: everyone quits ChatGPT tomorrow. Could Claude's servers cope?",
    "What if every student dropped Gemini at once? Schools would notice.",
    "Hypothetically, if Apple switched Siri to Claude, would anyone notice?",
    # a campaign named, not joined
    "The QuitGPT posts are everywhere on my feed, I still use ChatGPT daily.",
    "Love reading the QuitGPT threads, no plans to cancel though.",
    # installing something is not leaving
    "Installed ChatGPT on my new phone, Claude is still on the old one.",
    # a product's launch, not anyone's search
    "Show HN: an open-source alternative to ChatGPT that runs in the browser",
    "Looking for a replacement for the charger I lost, ChatGPT suggested three.",
    # a feature of a brand is not somewhere else
    "Gemini Deep Research is great, I use it next to ChatGPT every day.",
    # from batch G's development misses
    "Feedback welcome, the Claude and Gemini columns took the longest.",
    "Switched from Sonnet to Opus in Claude Code for the big refactor.",
    "kagi is my search engine and ChatGPT is my assistant, both staying.",
    "They cancelled the ChatGPT meetup since nobody came.",
    "My phone is gone from the table, ChatGPT found it.",
    "We moved everyone off the old laptops, ChatGPT runs fine on the new ones.",
    # from batch I's development misses
    "Our paper replaced three copy editors with ChatGPT last spring.",
    "Half my old team at Google has moved to Anthropic since January.",
    "Changed from dark mode to light mode in ChatGPT, my eyes thank me.",
    "Switched teams: from Google's Gemini org to Anthropic, starting Monday.",
]

test_whose_act_and_which_product, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)

# a company changing the model inside its own product is a vendor's choice, not users moving
# (issue 11, from the development false alarms of batches K and U); its staff moving is
VENDOR_SWAPS = [
    "We replaced Gemini with Claude inside our note-taking app; latency charts below.",
    "Swapped DeepSeek for Le Chat in our customer-facing chatbot last sprint",
    "Our agency switched the underlying model from ChatGPT to Gemini for all client sites.",
]
STAFF_MOVES = [
    ("Our whole office replaced ChatGPT with Claude this spring, seats and all.",
     ("ChatGPT", "Claude", "move")),
]
test_staff_moves_count, test_model_swaps_inside_a_product_do_not = \
    switch_example_tests(STAFF_MOVES, VENDOR_SWAPS)

# what was moved, named between the verb and "off" (from batch Z10's development rows)
MOVED_THINGS_OFF = [
    ("we moved our invoices + client emails off Gemini onto Le Chat last week",
     ("Gemini", "Le Chat", "move")),
]
test_things_moved_off_a_brand = switch_example_tests(MOVED_THINGS_OFF, [])[0]
