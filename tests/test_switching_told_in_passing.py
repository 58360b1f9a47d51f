"""Switching told in passing inside a post about something else (issue 11, from the development
misses of batch S: long Reddit and Hacker News posts where the leave or move is said once,
often indirectly): where one's work lives or comes from now ("my notes live in Gemini now",
"summaries come from Claude now", "these days Le Chat is what I open"), what has "taken over"
or "does that job now", a brand that "got the axe", a plan that "ended" or "is not getting
renewed", "quit using", "stopped paying and ...", "shut it off", "replaced X in Sheets with
Y", "take your stuff over to Y", "pointed it at X's API", "since the summer I've been running
... in X", "was all in on X", "X was my writing partner", "I'm an X user these days", "Y lost
me the day ...", a return told as "ended up on X again" or "happily back with X", crowds
turning a brand off or drifting away; and what must stay uncounted: "went back and forth",
"haven't hit a wall", a feature turned off, a municipality's choice, people pushed to cancel
by a campaign. From batches V and W: "since the spring we do ... in Y", "I
lean on Y now", "these days that's Y", "got rid of it", "X not renewed", "X out, Y in", "X
is gone, Y is in", "X account gone as of ...", "ended our four X seats", "decided not to
replace it" and "no replacement lined up" (a leave with nowhere named), "if Y could ..." (a
hypothetical), "Mistral's over a lunch break" (not "is over"). Every example is written in
our own words; each family has near misses that
must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("Kept hitting the cap on Claude every afternoon. Whatever, my lesson plans live in Gemini "
     "now and the cap hasn't come up once.", ("Claude", "Gemini", "move")),
    ("I wrote product blurbs with Meta AI for a while. The blurbs come from Le Chat now and I "
     "tweak them.", ("Meta AI", "Le Chat", "move")),
    ("I was all in on Grok last winter. These days Claude is what I open first.",
     ("Grok", "Claude", "move")),
    ("For my thesis Perplexity has taken over the job ChatGPT used to do; I stopped paying "
     "OpenAI in May.", ("ChatGPT", "Perplexity", "move")),
    ("Paid for DeepSeek's API for the bot. Let it lapse and Le Chat does that job now.",
     ("DeepSeek", "Le Chat", "move")),
    ("So Gemini Advanced got the axe and Claude does everything now.",
     ("Gemini", "Claude", "move")),
    ("my Perplexity Pro subscription ended in March and I haven't missed it",
     ("Perplexity", None, "leave")),
    ("Copilot Pro runs out on Friday and it's not getting renewed.", ("Copilot", None, "leave")),
    ("I quit using Meta AI on the glasses after a month of wrong answers.",
     ("Meta AI", None, "leave")),
    ("Had Grok for the jokes. I stopped paying and went back to reading the news myself.",
     ("Grok", None, "leave")),
    ("Our lab ran Gemini on every paper draft. We shut it off in May over the data terms.",
     ("Gemini", None, "leave")),
    ("The tagging script cost a fortune on OpenAI's API, so we pointed it at Mistral's API "
     "last week.", ("ChatGPT", "Le Chat", "move")),
    ("I had Perplexity Pro for a year. Since the summer I've been running the same searches in "
     "Gemini.", ("Perplexity", "Gemini", "move")),
    ("For a year ChatGPT was my writing partner. These days I'm a Claude user, mostly for "
     "tone.", ("ChatGPT", "Claude", "move")),
    ("Gemini lost me the day it started answering in bullet points only.",
     ("Gemini", None, "leave")),
    ("Went from ChatGPT to Claude in spring, then ended up on ChatGPT again by September.",
     ("Claude", "ChatGPT", "return")),
    ("Dad tried Copilot for a month; he's happily back with Gemini now.",
     ("Copilot", "Gemini", "return")),
    ("Replaced Gemini in Sheets with Claude and a copy-paste routine, it's faster",
     ("Gemini", "Claude", "move")),
    ("If Copilot's memory drives you nuts too, take your stuff over to Le Chat like I did.",
     ("Copilot", "Le Chat", "move")),
    # from batches V and W
    ("We paid for Gemini Advanced for two years. Since the spring we do the lesson planning "
     "in Claude, and it's calmer.", ("Gemini", "Claude", "move")),
    ("For recipes I lean on Le Chat now; I used to ask ChatGPT and get a novel every time.",
     ("ChatGPT", "Le Chat", "move")),
    ("I had a Perplexity subscription for a year for the news digests. These days that's "
     "Gemini, because it sits in my inbox.", ("Perplexity", "Gemini", "move")),
    ("I had the Copilot app pinned for ages and got rid of it last month; plain search is "
     "fine.", ("Copilot", None, "leave")),
    ("Le Chat Pro not renewed. The voice mode never arrived and I stopped waiting.",
     ("Le Chat", None, "leave")),
    ("Gemini out, Claude in. That's the whole review.", ("Gemini", "Claude", "move")),
    ("Meta AI is gone, DeepSeek is in, and my group chat is confused", ("Meta AI", "DeepSeek",
                                                                        "move")),
    ("My whole DeepSeek account gone as of last night, export first if you do the same.",
     ("DeepSeek", None, "leave")),
    ("I ended our family's four Gemini Advanced seats on Sunday.", ("Gemini", None, "leave")),
    ("Cancelled Grok in June and decided not to replace it with anything.",
     ("Grok", None, "leave")),
    ("Stopped paying for Copilot. Everyone keeps recommending ChatGPT but no replacement "
     "lined up yet.", ("Copilot", None, "leave")),
    ("Students are quietly turning off Gemini in their classrooms, a survey says",
     ("Gemini", None, "leave")),
]

NEAR_MISSES = [
    "I went back and forth for weeks about whether Claude was worth fighting IT over.",
    "I canceled nothing yet, Claude and I haven't hit a wall so far.",
    "Users are turning off Copilot's autocomplete in Word, a survey says",
    "Turned the ChatGPT memory feature off and on again, no change",
    "Our municipality decided to replace its Copilot licenses with Le Chat from April.",
    "Media accounts are pushing people to cancel Perplexity until it settles the lawsuits.",
    "My notes live in Obsidian now; Claude only sees the parts I paste.",
    "I'll take the stuff over to the car and ask Gemini for directions.",
    "My scripts talk to Mistral's API; switching models there is over a lunch break, easy",
    "If Claude could read my Outlook I'd drop Copilot in a heartbeat.",
    "Our agency stopped paying OpenAI for our 30 ChatGPT seats? No, we renewed them all.",
    "Before trying SuperGrok, turn it off in the app store settings if you're only testing.",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
