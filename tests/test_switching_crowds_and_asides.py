"""Switching told by crowds, in asides and in questions (issue 11, from the development misses
of batches J and Z7): consumers leaving in numbers, "lost an estimated 300,000 paying
subscribers", "why is everyone switching to X?" (a question about an act, not whether to do
it), "anyone else's club quit X?", "I don't have an X account anymore", putting a brand on a
device, giving up on running an untracked model, "coming from two years of X", "came back in
April" after leaving, "the X icon is gone from my dock"; and what is not leaving: nobody doing
it, a product left running, an insider who quit the company, "part of me wants to", "this
close to". Every example is written in our own words; each family has near misses that must
stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("Consumers are leaving Gemini while schools keep their licences.",
     ("Gemini", None, "leave")),
    ("Perplexity lost an estimated 300,000 paying subscribers over the summer, analysts say",
     ("Perplexity", None, "leave")),
    ("Why is every designer in my studio switching to Claude?\n\nHalf of them dropped "
     "ChatGPT last week.", ("ChatGPT", "Claude", "move")),
    ("Anyone else's choir quit ChatGPT together? We voted on it in April.",
     ("ChatGPT", None, "leave")),
    ("Claude's API wants the system prompt on its own. Since I don't have a ChatGPT account "
     "anymore I had to redo every script.", ("ChatGPT", "Claude", "move")),
    ("Set up my dad's tablet: we put Gemini on it and deleted ChatGPT.",
     ("ChatGPT", "Gemini", "move")),
    ("Gave up on running Qwen at home, paying for Claude Pro instead.",
     ("other", "Claude", "move")),
    ("Notes on Claude Projects. Coming from three years of ChatGPT, the pushback surprised me.",
     ("ChatGPT", "Claude", "move")),
    ("Quit ChatGPT in March, came back in June. Claude could not hold my codebase.",
     ("Claude", "ChatGPT", "return")),
    ("Long story short, the ChatGPT icon is gone from my dock and Claude took its place.",
     ("ChatGPT", "Claude", "move")),
]

NEAR_MISSES = [
    "Nobody in my office has cancelled ChatGPT, whatever Reddit says.",
    "Left ChatGPT running a long task overnight and it finished by morning.",
    "I quit OpenAI in May. I was on an applied team, far from the contract.",
    "Part of me wants to cancel Gemini, part of me needs it for Drive.",
    "I'm this close to cancelling Claude Pro over the limits.",
    "Why do people keep saying they'll leave Grok and then never do?",
    "Came back from holiday and ChatGPT had a new voice.",
    "Went back down to the basic plan on Gemini, still using it daily.",
    "I don't have a Claude account yet, is the free tier enough?",
]

test_crowds_asides_and_questions, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)

# people around the poster left, and the poster weighs following them: "consider"; the poster
# who did it too still left
WEIGHS_FOLLOWING = [
    ("Most of my classmates dropped Gemini for Claude this term. I'm tempted, honestly.",
     ("Gemini", "Claude", "consider")),
    ("everyone at my office quit perplexity after the price change and im still on the fence",
     ("Perplexity", None, "consider")),
]
FOLLOWED = [
    ("Half my friends quit Grok and I cancelled mine too. Still torn on what comes next.",
     ("Grok", None, "leave")),
]
test_weighing_what_others_did = switch_example_tests(WEIGHS_FOLLOWING + FOLLOWED, [])[0]

# crowds coming back are a return; "everyone on my feed is cancelling X" is others' act, so
# "and I'm just... not" keeps the poster; clients who "left me for X" are a job lost
CROWDS_BACK = [
    ("Lots of people who ditched Gemini over the summer are coming back, says an app tracker",
     (None, "Gemini", "return")),
]
NOT_CROWD_MOVES = [
    "everyone on my timeline is deleting perplexity and i'm just... not",
    "Two of my design clients left me for Claude this quarter. Freelancing is weird now.",
]
test_crowds_coming_back, test_others_acts_the_poster_stays_out_of = \
    switch_example_tests(CROWDS_BACK, NOT_CROWD_MOVES)

# a crowd named for having left, addressed or joined in a question, has left: the question
# is about something else ("fellow Gemini refugees, is Le Chat's voice mode any good?");
# a crowd of the future is a question ("X refugees in 2028 when ...?")
ADDRESSED_CROWDS = [
    ("Fellow Gemini refugees, is Le Chat's voice mode any good?", ("Gemini", None, "leave")),
    ("Ex-Perplexity users: how do you get sources out of Claude?",
     ("Perplexity", "Claude", "move")),
]
FUTURE_CROWDS = [
    "Claude refugees in 2028 when Anthropic signs the same deal? bookmark this",
]
test_addressed_crowds_have_left, test_future_crowds_are_a_question = \
    switch_example_tests(ADDRESSED_CROWDS, FUTURE_CROWDS)
