"""Switching as people type it and as they tell others' moves (issue 11, scorer 25, from the
development misses of batches Z19 and Z20): a lower-case name joined to another brand
("copilot to chatgpt"), any adverb in -ly before the verb, typos included ("finaly
cancelled"), "bye bye X, hello Y", "ppl", an account "nuked", "X who?" and "honestly?" asking
nothing, "is it dumb to leave X for Y?" weighing it up, "resubbed", "didn't miss it" confirming
the act, "both" as a determiner, "X took over my Z from Y", ", back on X"; "she" or "he" after
the post names someone close, and "told me she deleted it" as that person's act. Every example
is written in our own words; each family has near misses that must stay uncounted."""
from tests.helpers import switch_example_tests

CASES = [
    ("grok to claude this morning, the answers are so much calmer",
     ("Grok", "Claude", "move")),
    ("work pc: copilot -> chatgpt. copilot kept asking me to sign in",
     ("Copilot", "ChatGPT", "move")),
    ("reluctantly cancelled Perplexity Pro, the price went up again",
     ("Perplexity", None, "leave")),
    ("finaly deleted grok after the last update", ("Grok", None, "leave")),
    ("so long and bye bye grok, hello le chat 🥖", ("Grok", "Le Chat", "move")),
    ("ppl are cancelling chatgpt left and right on my timeline", ("ChatGPT", None, "leave")),
    ("openai got my last dollar in june. chatgpt account nuked", ("ChatGPT", None, "leave")),
    ("switched my study notes to gemini last night, chatgpt who?", ("ChatGPT", "Gemini", "move")),
    ("i dropped claude for deepseek because of the caps and tbh? no difference",
     ("Claude", "DeepSeek", "move")),
    ("is it crazy to leave ChatGPT for Le Chat just for the privacy terms?",
     ("ChatGPT", "Le Chat", "consider")),
    ("resubbed to chatgpt plus after two months on gemini", ("Gemini", "ChatGPT", "return")),
    ("I let Gemini Advanced lapse in May and didn't miss it for a second.",
     ("Gemini", None, "leave")),
    ("We cancelled both ChatGPT accounts when the family plan renewed.",
     ("ChatGPT", None, "leave")),
    ("Claude has taken over most of my drafting from ChatGPT this year.",
     ("ChatGPT", "Claude", "move")),
    ("Gave Gemini a month for my thesis, back on Claude since Monday.",
     ("Gemini", "Claude", "return")),
    ("My dad was the last ChatGPT holdout in the family. Yesterday he deleted it and asked "
     "me to put Claude on his tablet.", ("ChatGPT", "Claude", "move")),
    ("my neighbour told me she cancelled chatgpt after the news, she's on gemini now",
     ("ChatGPT", "Gemini", "move")),
]

NEAR_MISSES = [
    "the captain and the copilot and ChatGPT walk into a bar (a joke my kid made up)",
    "Sally cancelled the meeting, so I asked ChatGPT to summarise the notes instead",
    "bye bye weekend, hello ChatGPT homework marathon",
    "ppl asking if chatgpt is down again lol",
    "Is ChatGPT down right now? My account seems fine, right?",
    "would it be dumb to ask Claude to write my wedding speech?",
    "He left OpenAI in 2024 to start his own lab, and now he's hiring.",
    "Anthropic took over the contract from OpenAI, according to the filing.",
    "My boss told me to cancel the ChatGPT trial before it bills the company card.",
    "I almost cancelled Claude and then didn't: the limits reset the next day.",
]

test_examples, test_near_misses_are_not_counted_as_leaving = \
    switch_example_tests(CASES, NEAR_MISSES)
