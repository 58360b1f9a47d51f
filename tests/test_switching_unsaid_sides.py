"""Switching where a verb names neither side, or one, and the post says the rest elsewhere
(issue 11): a move told with no brand ("made the switch", "moved everything over"), an
arrival where the post is read ("signed up here"), a destination named only in a question
about using it, a brand used before and another used now told with time words, leaving
told as what has not happened since or who one no longer is. Every example is written in
our own words; each family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    # a move with no brand on either side: the sides come from the rest of the post
    ("We had ChatGPT Team for both of us since 2024. In March we made the switch, and now "
     "both seats are on Claude.", ("ChatGPT", "Claude", "move")),
    ("I started the novel with ChatGPT and I'm finishing it with Claude, because I moved "
     "everything over after the contract story. Claude is blunter about weak chapters.",
     ("ChatGPT", "Claude", "move")),
    ("Heavy ChatGPT user for three years. Jumped ship last week.", ("ChatGPT", None, "leave")),
    # an arrival where the post is read, and a destination named in a usage question
    ("Cancelled my ChatGPT Plus on Friday and signed up here. Claude already caught two bugs in my "
     "thesis code.", ("ChatGPT", "Claude", "move")),
    ("Thoughts on Gemini for research?\n\nI signed up here last week after dropping ChatGPT. "
     "Gemini has been decent for papers so far.", ("ChatGPT", "Gemini", "move")),
    ("Moved away from ChatGPT last month. Is Gemini any good, or should I try Claude?",
     ("ChatGPT", None, "leave")),  # where they went is only weighed up
    ("We moved our whole household over from ChatGPT in the spring. How do you share one "
     "project between two Claude accounts?", ("ChatGPT", "Claude", "move")),
    # a brand used before and another used now, told with time words
    ("Spent two years in ChatGPT every day. These days my first tab in the morning is "
     "Claude.", ("ChatGPT", "Claude", "move")),
    ("I use Claude exclusively now; ChatGPT was my default for two years.",
     ("ChatGPT", "Claude", "move")),
    ("I've been with Claude since March after years on ChatGPT.",
     ("ChatGPT", "Claude", "move")),
    ("The family plan is on Gemini now; we used to share one ChatGPT login.",
     ("ChatGPT", "Gemini", "move")),
    ("My partner and I used to split a ChatGPT Plus account. After the news we cancelled "
     "it and these days our shared account is Claude Pro.", ("ChatGPT", "Claude", "move")),
    ("Used Poe for a year, now it's Claude only.", ("other", "Claude", "move")),
    # leaving told as what has not happened since, or who one no longer is
    ("I haven't opened ChatGPT since the contract news. Claude handles my emails now.",
     ("ChatGPT", "Claude", "move")),
    ("I'm no longer a ChatGPT customer.", ("ChatGPT", None, "leave")),
    ("I have been a ChatGPT user since 2023. As of this morning I'm not a ChatGPT user "
     "anymore.", ("ChatGPT", None, "leave")),
    ("ChatGPT and I are done.", ("ChatGPT", None, "leave")),
    ("After the news I stopped giving OpenAI my twenty dollars.", ("ChatGPT", None, "leave")),
    ("My last ChatGPT invoice was in February. I pay Anthropic now.",
     ("ChatGPT", "Claude", "move")),
    ("Never renewing ChatGPT Plus. Claude does everything.", ("ChatGPT", "Claude", "move")),
    ("Our company cancelled its ChatGPT Team plan and now pays for Claude Team.",
     ("ChatGPT", "Claude", "move")),
    ("Ended up on Gemini after cancelling ChatGPT.", ("ChatGPT", "Gemini", "move")),
    ("Our team is off ChatGPT as of today.", ("ChatGPT", None, "leave")),
    ("Took ChatGPT off my phone and my laptop.", ("ChatGPT", None, "leave")),
    ("Perplexity is no longer on my home screen.", ("Perplexity", None, "leave")),
    ("We're phasing out ChatGPT across the company by June.", ("ChatGPT", None, "leave")),
    ("My ChatGPT subscription ends on Friday and I'm not renewing.",
     ("ChatGPT", None, "leave")),
    ("I've had DeepSeek's paid API since January. My balance runs out next week and I'm not "
     "going to top it up.", ("DeepSeek", None, "leave")),
    ("Gemini Advanced was thirty a month for the two of us. We redirected that to one Claude "
     "Pro seat.", ("Gemini", "Claude", "move")),
    ("Copilot's gone from my work laptop, good riddance.", ("Copilot", None, "leave")),
    ("Two weeks without Gemini on my phone and I don't miss it.", ("Gemini", None, "leave")),
    ("I turned Gemini off as my assistant last night.", ("Gemini", None, "leave")),
    ("The ChatGPT app and the bookmark are gone from my browser.", ("ChatGPT", None, "leave")),
    ("Claude Pro was my only subscription. I let Pro expire in May and now use Ollama at home.",
     ("Claude", "other", "move")),
    ("We each had ChatGPT. We cancelled both Plus plans and we now share one Claude account.",
     ("ChatGPT", "Claude", "move")),
    ("My tablet came with Grok. Took it off the tablet last week. Since then I've been using "
     "Le Chat.", ("Grok", "Le Chat", "move")),
    ("Finally uninstalled the other one. After a year of Gemini, Claude just reads my "
     "documents properly.", ("Gemini", "Claude", "move")),
    ("We're evaluating dropping Copilot for Claude next quarter.",
     ("Copilot", "Claude", "consider")),
    # an untracked product known by name is where they went ("other")
    ("Traded my ChatGPT Plus for a used 3090 and Qwen running locally.",
     ("ChatGPT", "other", "move")),
    ("Cancelled Claude Max in January. These days it's Aider pointed at Qwen3-Coder on my own "
     "box.", ("Claude", "other", "move")),
    ("I've replaced ChatGPT entirely with OpenEvidence for clinical questions.",
     ("ChatGPT", "other", "move")),
    ("Cancelled ChatGPT Plus. I tried Ollama once but it was too slow.",
     ("ChatGPT", None, "leave")),
    # where they ended up, over what they tried on the way
    ("I cancelled ChatGPT Plus in March. I tried Gemini for a week, hated the interface, and "
     "ended up on Claude, which I now pay for.", ("ChatGPT", "Claude", "move")),
]

NEAR_MISSES = [
    "I've been on ChatGPT since launch and honestly it's still my favourite.",
    "I've been on ChatGPT since launch and I'm staying, but a new user should try Claude.",
    "These days my favourite thing about ChatGPT is the voice mode.",
    "I use ChatGPT at work now and Claude at home.",
    "Claude handles my emails now, ChatGPT handles my code; both are worth the money.",
    "I made the switch to dark mode in ChatGPT and my eyes thank me.",
    "Moved everything over to the new laptop this weekend; ChatGPT desktop app works fine.",
    "If you're moving everything over from ChatGPT, export your chats first.",
    "Signed up here to ask: does anyone know if ChatGPT voice works offline?",
    "We haven't opened the Gemini integration since it shipped, nobody at work asked for it.",
    "Haven't opened Claude since Tuesday because I was on holiday.",
    "Our plan is on Claude Team now and will stay there, we were never on ChatGPT.",
    "I spent two years in ChatGPT and I still use it every day.",
    "ChatGPT was my default for two years and it still is.",
    "I'm not a ChatGPT fan but I still pay for it.",
    "OpenAI employees jumped ship to Anthropic this week.",
    "We're off to a good start with Claude at work; ChatGPT stays for the designers.",
    "My mum uses Gemini now, I'm still on ChatGPT.",
    "My city is moving its parking app's chatbot from Gemini to Claude.",
    "I dropped Notion AI for Obsidian; ChatGPT still handles my drafts.",
    "I turned ChatGPT's memory off for privacy.",
]

test_sides_said_elsewhere_in_the_post, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
