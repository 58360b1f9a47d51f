"""Does a post report leaving one brand or moving to another?

Brand mentions are first replaced in place by one private-use character each (padded with
spaces, so offsets still match the original text); the patterns below then read like
"cancel my <brand>" or "from <brand> to <brand>", and the matched span of the original text
is the phrase the dashboard shows as the reason.

Kinds: ``leave`` (cancel, quit, delete, uninstall, boycott, move on from, bye X, ...),
``move`` (switched to, from X to Y, X → Y, replaced X with Y, left X for Y, Y instead of X),
``return`` (went back to X) and ``consider`` (the same statements hedged or asked:
"thinking of cancelling", "should I switch to Claude?"). A side that names a product the
tracker does not follow ("from Cursor to Claude Code") is ``other``.

Who acts matters. A statement counts when its subject is the poster, people the poster
speaks for, users in general or in numbers ("users flee ChatGPT", "ChatGPT refugees",
"people who left it for Claude"), or readers urged to ("cancel your subscription"); not
when it is a government, a company, its staff or a product ("agencies told to stop using
Claude", "researcher quits OpenAI", "GPT-5 replaced GPT-4o"), nor a line quoted from another
post ("> Cancelled ChatGPT today") unless the reply takes it as its own. Negated statements
("I'm not cancelling"), advice to people who might switch ("before you switch to Claude,
...") and hedged or asked ones (``consider``) are not counted as leaving. A post's main statement
wins: an act done over a hedge, a full from → to over either side alone; a leaving act is
completed by where the post says they went ("Cancelled Plus. Claude is my daily driver
now") or an arrival by what they used before ("After two years with ChatGPT I moved
everything to Claude"); a brand used before and another used or paid for now make a move
though no verb says it ("I had been paying for ChatGPT ... I took that money to Anthropic
instead"), and a later return undoes a move ("moved it back to Claude"). A verb joined by
"and" to a hedged one shares the hedge ("might cancel X and switch to Y").
``tests/data/SWITCHING_GUIDE.md`` defines the kinds the way they
are labelled.

May import: scoring.brands, scoring.prefilter, vocabulary.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from dashboard.scoring.brands import Mention
from dashboard.scoring.prefilter import Prefilter, trie

PUA, PUA_LAST = "\ue000", "\uf8ff"  # private-use code points; mention i becomes PUA + i
MAX_MENTIONS = ord(PUA_LAST) - ord(PUA) + 1
OTHER = "other"  # the side of a switch that names a product the tracker does not follow
B = f"[{PUA}-{PUA_LAST}]"
BRAND_CHARS = re.compile(B)
REACH = (160, 120)  # characters before and after a mention that a pattern can span
NOT_B = rf"[^\s{PUA}-{PUA_LAST}]"
DET = (r"(?:(?:my|our|your|ur|the|a|an|their|his|her|its|all|both|of|this|that|these|those|paid|"
       r"premium|annual|monthly|yearly|whole|entire|beloved|old|trusty|personal|work|family|"
       r"private|main|free|student|current|existing|local|shared|standalone|\$\d+|"
       r"(?-i:[a-z][\w-]*)['’]s)\s+){0,3}#?")  # "#?": a hashtag ("bye #Grok")
# what may follow a brand and still be the brand: a possessive ("Mistral's API", which the
# mention's padding puts after spaces) and product words
TAIL = (r"(?:\s*['’]s\b)?(?:\s+(?:plus|pro|premium|max|team|teams|enterprise|business|edu|"
        r"subscriptions?|subs?|accounts?|apps?|memberships?|plans?|seats?|licen[cs]es?|tier|"
        r"code|desktop|chat|ai|mobile|web|api|cli|icons?)\b)*")
# what a leaving verb can have as its object when the brand is named after it
HOLDING = r"(?:subscriptions?|subs?|accounts?|memberships?|plans?|seats?|licen[cs]es?)"
HELD_BY = rf"{HOLDING}\s+(?:to|with|for|on|at|of|from)\s+"
STOP_HELD = r"stop(?:ped|ping|s)?|end(?:ed|ing)?|terminat(?:e|ed|ing)|shut(?:ting)?(?:\s+down)?"
# the same held thing, with the brand left unsaid ("cancelled my subscription")
IMPLICIT = (r"(?:(?:my|our|the|your|ur|their|this|that|both)\s+(?:(?:paid|premium|monthly|annual|"
            r"yearly|\$\d+|plus|pro|premium|max|team|standalone|mobile|desktop|advanced|ultra)\s+)?"
            r"(?:plus|pro|premium|subscriptions?|sub|trial|"
            r"account|membership|plans?|app)|the\s+other\s+(?:one|app)|"
            r"(?-i:Plus|Pro|Premium|Max))"
            r"\b(?!\s+(?:to|with|for|on|at|of|from)\s)(?![ \t]*" + B + ")")  # not across lines
LEAVE = (r"(?:cancel(?:l?ed|l?ing|s)?|cancl?ed|canceld|unsubscrib(?:e|ed|ing)|"
         r"unsub(?:bed|bing)?|quit(?:ting|s)?|delet(?:e|ed|ing)|unin?stall(?:ed|ing|s)?|"
         r"boycott(?:s|ed|ing)?|ditch(?:es|ed|ing)?|dump(?:s|ed|ing)?|leav(?:e|es|ing)|left|"
         r"bail(?:s|ed|ing)?\s+on|rip\s+(?:to\s+)?my|"
         r"drop(?:ped|ping)?|abandon(?:ed|ing)?|nuk(?:e|ed|ing)|(?:done|through|finished)\s+with|"
         r"bye(?:\s+bye)?,?|goodbye,?|farewell,?|(?:said|say|saying)\s+goodbye\s+to|"
         r"(?:stop(?:ped|ping)?|quit(?:ting)?)\s+(?:using|paying(?:\s+for)?|giving|sending|"
         r"topping\s+up|renewing)|"
         r"no\s+longer\s+(?:using|paying\s+for|pay\s+for|use)|br(?:eak|oke|eaking)\s+up\s+with|"
         r"(?:mov(?:e|ed|ing)|walk(?:ed|ing)?|switch(?:ed|ing)?|turn(?:ed|ing)?)\s+(?:on|away)\s+"
         r"from|(?:get|got|getting)\s+rid\s+of|(?:mov|get|gett|got|com|came|jump|follow)\w*\s+"
         r"(?:(?:my|our|the|all|everything|everyone|everybody|us|them|her|him|me)\b"
         r"(?:\s+[\w'’-]+){0,2}?"
         r"\s+)?off(?:\s+of)?|"
         r"(?:not|never|won'?t|will\s+not|didn'?t)\s+(?:be\s+)?renew(?:ing)?|"
         r"used\s+to\s+(?:love|use|like|pay\s+for)|fle(?:e|es|eing|d)|desert(?:ed|ing)?|"
         r"pull(?:ed|ing)?\s+the\s+plug\s+on|nuk(?:e|ed|ing)|bin(?:ned|ning)?|kill(?:ed|ing)?|"
         r"jump(?:ed|ing)?\s+ship\s+from|(?:part(?:ed|ing)?\s+ways|cut(?:ting)?\s+ties)\s+with|"
         r"(?:give|gave|giving)\s+up(?:\s+on)?|kick(?:ed|ing)?|churn(?:ed|ing)?\s+from|"
         r"clos(?:e|ed|ing)|ax(?:e|ed|ing)|downgrad(?:e|ed|ing)|remov(?:e|ed|ing)\s+(?:my|our|the)\s+"
         r"(?:credit\s+)?(?:card|payment\s+(?:method|info|details))\s+from|"
         r"hit\s+cancel\s+on|refund(?:ed)?(?:\s+(?:on|for))?|(?:got|get|asked\s+for|requested)\s+a\s+"
         r"refund\s+(?:on|for)|swap(?:ped|ping)?|trad(?:e|ed|ing)(?:\s+in)?|phas(?:e|ed|ing)\s+out)")
# the leaving verbs clear enough to take an untracked product as their object ("Quit
# Character.AI, Claude is where I write now"; not "close", "kill", "bin")
LEAVE_NAMED = (r"(?:cancel(?:l?ed)?|unsubscrib(?:ed|ing)\s+from|quit|ditch(?:ed)?|dump(?:ed)?|"
               r"dropp(?:ed)|left|uninstall(?:ed)?|delet(?:ed)|abandon(?:ed)|"
               r"(?:stopped|stop)\s+(?:using|paying\s+for)|pulled\s+the\s+plug\s+on|"
               r"(?:got|get)\s+rid\s+of|gave\s+up(?:\s+on)?)")
MOVE = (r"(?:switch(?:ed|ing|es)?|swich(?:ed|ing)?|mov(?:e|ed|es|ing)|migrat(?:e|ed|es|ing)|"
        r"jump(?:ed|ing|s)?(?:\s+ship)?|went|gone|go(?:ing|es)?|head(?:ed|ing|s)?|port(?:ed|ing)?|"
        r"transition(?:ed|ing)?|defect(?:ed|ing|s)?|flock(?:ed|ing|s)?|convert(?:ed)?|"
        r"chang(?:ed|ing)|"
        r"fle(?:e|es|eing|d)|pour(?:ed|ing|s)?|rush(?:ed|ing|es)?|flood(?:ed|ing|s)?|"
        r"r[au]n(?:ning|s)?|com(?:e|es|ing)\s+over|came\s+over|bolt(?:ed|ing)?|"
        r"decamp(?:ed|ing)?|escap(?:e|ed|ing)|(?:made|make|making)\s+the\s+(?:jump|switch|"
        r"move|leap|transition|change))")
# after a moving verb, what is moved: "moved everything over to", "switched my team to"
OBJ = (r"(?:(?:my|our|their|all|everything|us|them|myself|ourselves|the|that|this|"
       r"\d[\d,.]*k?)\b"
       r"(?:\s+(?!(?:model|mode|setting|default|version|api|traffic|workloads?|production|"
       r"customers|clients|infrastructure|backend|stack)s?\b){w}){{0,4}}?\s+)?")
MOVED = OBJ.format(w=r"[\w'’-]+")
MOVED_F = OBJ.format(w=rf"(?:(?P<f>{B})|[\w'’]+)")
# a migration carries one's things over: "imported my ChatGPT history into Claude"
# (not "pasted my code into Claude", which is using it)
CARRY = (r"(?:import|export|cop(?:y|ied|ying)|past(?:e|ed|ing)|load|brought|bring|put|dropp|"
         r"fed|feed|transferr?|mov|port|migrat|take|took|taking)\w*")
BELONGINGS = (r"(?:history|librar(?:y|ies)|conversations?|chats?|memor(?:y|ies)|data|gpts|"
              r"custom\s+gpts|projects|prompts|workflows?|custom\s+instructions|everything|"
              r"stuff|things)")
# positive words for a brand after someone left another ("Claude has been great")
PRAISE = (r"(?:better|great|amazing|awesome|excellent|fantastic|wonderful|brilliant|"
          r"solid|superior|incredible|so\s+good|really\s+good|way\s+better|much\s+better|"
          r"a\s+breath\s+of\s+fresh\s+air|a\s+game\s+changer|night\s+and\s+day|"
          r"what\s+(?:i|we)\s*(?:'m|’m|am|'re|’re|are)?\s+using|where\s+(?:i|we)\b)")
ADOPT = (r"(?:pick(?:ed|ing)?\s+up|sign(?:ed|ing)?\s+up\s+(?:for|with|to|on)|"
         r"set\s+(?:everyone|everybody|them|her|him|us|me|(?:my|our)\s+\w+)\s+up\s+(?:on|with)|"
         r"subscrib(?:e|ed|ing)\s+to|got|get|getting|try(?:ing)?|tried|us(?:e|ing)|"
         r"(?:went|going|go)\s+with|set(?:ting)?\s+up|chose|choosing|(?:paying|pay|paid)(?:\s+for)?|bought|"
         r"hello,?|hi,?|welcome\s+to|lov(?:e|ing)|enjoy(?:ing)?|happy\s+with|"
         r"(?:now|currently)\s+(?:on|with)|giv(?:e|ing)|gave|join(?:ed|ing)?|onto|"
         r"install(?:ed|ing)?|"
         r"all[\s-]+in\s+on|team|start(?:ed|ing)?|land(?:ed|ing|s)?\s+(?:on|at|in)|"
         r"end(?:ed|ing)?\s+up\s+(?:on|with|using)|roll(?:ed|ing)?\s+out|"
         r"(?:is|are|am|'m|’m|'re|’re|been)\s+(?:now\s+|all\s+|both\s+|fully\s+)?(?:on|using|with)|"
         r"(?:i'm|i’m|im|i\s+am|now|officially)\s+an?(?:\s+(?:happy|proud|new))?)")
ARROW = r"(?:->|-->|→|⟶|=>|⇒|➡️?|➜|>>)"
# a named product the tracker does not follow, in a slot where one side must be a product
# (its capital is checked first: most positions fail there, before the list of refusals;
# never at a line's start: "Cancelled\n\nNothing against it" names no product)
NAME = (r"(?-i:(?<!\n)\b(?=[A-Z])(?!(?:I|I'm|The|This|That|My|Our|A|An|It|We|You|Me|Them|Him|"
        r"Her|There|Here|US|UK|EU|USA|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
        r"March|April|May|June|July|August|September|October|November|December|Good|Now|"
        r"Ever|Real|Life|Work|Home|Scratch|Zero|Day|Today|Tomorrow|Years?|Months?|Weeks?|"
        r"Free|Paid|Local|Open|Reddit|Google|Apple|Microsoft|Meta|Amazon|Another|Every|Some|"
        r"Any|All|Fellow|Former|Ex|New|Old|Just|Still|Also|Plus|Pro|Premium|Max|Team|"
        r"Enterprise|Business|Edu|Ultra|Advanced|Other|Others|Th|So|AI|Nothing)\b)"
        r"(?![A-Z]{6,}\b|[A-Z]{2,}[ \t]+[A-Z]{4,}\b)"  # shouted words ("CANCELLED MY SUBSCRIPTION")
        r"[A-Z](?:[\w+'’-]|\.(?=\w))*(?:[ \t]+(?:[A-Z0-9](?:[\w+-]|\.(?=\w))*|AI|ai))?"
        r"(?![\w'’-]|\.\.|…))")  # a word cut short ("moved everything to Cla...") names none
# AI products and open models a tracker rarely follows, known by name: where someone went
# is "other" when one of these is what they use now ("Aider pointed at Qwen3-Coder", "a
# 3090 and Qwen running locally"); written as they are usually spelt, case kept
KNOWN_OTHERS = ("Qwen", "qwen", "Llama", "llama", "Ollama", "ollama", "LM Studio", "Open WebUI",
                "OpenRouter", "Aider", "Cursor", "Windsurf", "Cline", "Kagi", "Poe", "Character.AI",
                "Character AI", "character.ai", "character ai", "Lumo", "Phind", "You.com", "Kimi",
                "GLM", "Gemma", "Mixtral", "GPT4All", "LocalAI", "llama.cpp", "vLLM",
                "OpenEvidence", "HuggingChat", "Brave Leo", "Duck.ai", "Tabnine", "Codeium",
                "Jan.ai", "aider", "kagi", "windsurf", "openrouter", "cursor")
OTHER_PRODUCT = rf"(?-i:{trie(KNOWN_OTHERS)})(?:\d[\w.]*)?(?:-\w+)?(?!\w)"  # "Qwen3-Coder"
KNOWN_OTHER = re.compile(OTHER_PRODUCT)
# nouns of people leaving in numbers, after the brand: "ChatGPT exodus", "OpenAI refugees"
LEAVERS = r"(?:refugees?|defectors?|deserters?|switchers?|leavers?|quitters?)"
# a crowd named for having left: "ChatGPT refugees", "ex-Gemini users"
LEFT_ALREADY = re.compile(rf"{LEAVERS}|\b(?:ex|former|lapsed)\b", re.IGNORECASE)
ADDRESSED = re.compile(r"\b(?:another|any\s+other|other|fellow|(?:i'?m|i\s+am|as)\s+an?)\s+$",
                       re.IGNORECASE)
CROWD_NOUN = (rf"(?:uninstalls?|uninstallations?|cancell?ations?|unsubscribes?|deletions?|"
              rf"exodus|{LEAVERS}|churn|mass\s+exodus)")
# people leaving in numbers, before the brand: "churn at OpenAI", "an exodus from ChatGPT"
CROWD_OF = (r"(?:(?:uninstalls?|cancell?ations?|unsubscribes?|deletions?|churn)\s+(?:at|of|"
            r"from|on)|(?:exodus|refugees?|defectors?|deserters?|switchers?|flight|"
            r"migration|defections?|boycott|movement\s+to\s+(?:quit|leave|cancel|boycott))\s+"
            r"(?:away\s+)?(?:from|of))")
CROWD = (r"(?:users?|subscribers?|customers?|fans?|devs|developers|loyalists|people|ppl|folks|"
         r"refugees?|everyone|many|millions|thousands|coders|writers|students|consumers)")
CROWD_GOES = (r"(?:(?:are|were|have|has|been|keep|kept|start(?:ed)?|begin|began|now|all|"
              r"finally|already|just|reportedly|en\s+masse|in\s+droves|quietly|slowly|"
              r"steadily|increasingly|gradually|rapidly|openly)\s+)*"
              r"(?:leav(?:e|es|ing)|left|quit(?:ting|s)?|fle(?:e|es|eing|d)|cancel(?:l?ing|l?ed|s)?|"
              r"ditch(?:ing|ed|es)?|jump(?:ing|ed)?\s+ship|jump(?:ing|ed)(?=\s+to\b)|mov(?:e|ing|ed)\s+on|defect(?:ing|ed)?|"
              r"churn(?:ing|ed)?|unsubscrib(?:e|ing|ed)|bail(?:ing|ed)?|abandon(?:ing|ed)?|"
              r"walk(?:ing|ed)\s+away|uninstall(?:ing|ed)?|delet(?:e|ing|ed)|boycott(?:ing|ed)?|"
              r"switch(?:ing|ed)?|migrat(?:e|ing|ed)|mov(?:e|ing|ed)|head(?:ing|ed)?|"
              r"flock(?:ing|ed)?|desert(?:ing|ed)?|drift(?:ing|ed|s)?|scatter(?:ing|ed|s)?|"
              r"decamp(?:ing|ed|s)?)")
# people weighing a move in numbers: "ChatGPT subscribers weigh a switch", "... may cancel"
CROWD_WEIGHS = (r"(?:weigh|mull|eye|consider|threaten|plan|sa(?:y|ys|id)\s+they\s+(?:may|"
                r"might|will|would|could))\w*")
LOSES = (r"(?:(?:is|are|has\s+been|keeps?|just|you)\s+)*(?:los(?:e|es|ing|t)|"
         r"shed(?:s|ding)?|bleed(?:s|ing)?|bled|hemorrhag\w+|haemorrhag\w+)\s+"
         r"(?!(?:\S+\s+){0,2}?(?:enterprise|business|corporate|government|federal|major|key|"
         r"anchor|biggest)\s)(?:\S+\s+){0,4}?"  # "an estimated 1.2 million paid subscribers"
         r"(?:paying\s+|paid\s+|loyal\s+)?(?:users?|subscribers?|customers?|members?|"
         r"(?:\w+\s+)?installs)")  # "loses 1.2 million Android installs"
# a product taken off one's devices: "Gemini is off my phone now"
DEVICES = (r"(?:phones?|laptops?|computers?|macs?|pcs?|devices?|machines?|ipads?|tablets?|"
           r"home\s*screens?|dock|taskbar)")
OFF_MY = (rf"(?:(?:is|are|'s|’s)\s+(?:now\s+)?(?:off|gone\s+from)|gone\s+from|"
          rf"(?:is|are|'s|’s)\s+no\s+longer\s+on|"
          rf"(?:has|have)\s+been\s+(?:removed|wiped|uninstalled)\s+from)\s+(?:all\s+|every\s+)?"
          rf"(?:of\s+)?(?:my|our)\s+(?:work\s+|family\s+|office\s+)?{DEVICES}")
GONE = (r"(?:(?:is|was|are|were|has\s+been|have\s+been|got|now|officially|'s|’s)\s+"
        r"(?:officially\s+|now\s+|finally\s+|been\s+)*(?:gone|deleted|cancell?ed|uninstalled|"
        r"deactivated|dead\s+to\s+me|the\s+(?:axe|boot|chop)|over(?=\s*(?:[.!,;:\n)—–-]|$)|"
        r"\s+for\s+(?:me|us|good)|\s+now\b))|stopped\s+existing|"
        r"(?:were|was|are|is)\s+(?:the\s+first\s+(?:thing\s+|ones?\s+)?)?to\s+go|"
        r"(?:were|was)\s+the\s+first\s+(?:things?|ones?|subscriptions?)\s+(?:we|i)\s+"
        r"(?:cut|crossed\s+off|dropped|cancell?ed)|" + OFF_MY + r")\b")
KEPT_INSTEAD = re.compile(rf"\b{LEAVE}\s+(?:\S+\s+){{1,3}}$", re.IGNORECASE)
# people replaced by a product are jobs, not a switch of products
WORKERS = (r"(?:\S+\s+){0,3}?(?:positions?|jobs?|workers?|people|staff|employees?|paralegals?|"
           r"writers?|roles?|headcount|interns?|assistants?|agents?|team|devs?|developers?|"
           r"engineers?|copywriters?|translators?|designers?|editors?|analysts?|reporters?)\b")
# what was done to a brand, after it: "Gemini Advanced cancelled", "ChatGPT app deleted";
# not a brand's own act on something ("ChatGPT deleted my chats")
DONE_TO = (r"(?:cancell?ed|deleted|uninstalled|axed|closed|binned|dumped|nuked|"
           r"unsubscribed|ditched|lapsed|expired|ran\s+out|ended(?!\s+up)|(?:not|never)\s+renewed|"
           r"gone(?=\s*(?:[.!,;\n]|$|as\s+of|since|for\s+good|today|yesterday|this\s+\w+)))\b"
           r"(?!\s+(?:my|the|a|an|all|your|our|their|his|"
           r"her|its|some|every|that|these|those|it|them|me|us|with|by)\b)"
           r"(?!\s+this\b(?!\s+(?:morning|afternoon|evening|week|weekend|month|year)\b))")
# when, after an act ("Unsubscribed on Sunday night", "Cancelled the same minute")
WHEN = (r"(?:on|this|last|the\s+same|yesterday|today|tonight|earlier|already|finally|"
        r"for\s+good|after|at|in|over|since|a\s+(?:week|month|day)|two|three|\d+|"
        # a span of time, not a number of things ("deleted a few old chats")
        r"a\s+(?:few|couple(?:\s+of)?)\s+(?:\w+\s+)?(?:minutes?|hours?|days?|weeks?|months?)|"
        r"months?|weeks?|days?)\b")
MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
              r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
WHEN_YEAR = rf"(?:(?:early|late|mid-?)\s*)?(?:{MONTH_NAME}\.?|(?:19|20)\d\d)"  # "Jan", "late 2025"
# a timeline's step label: "Jan:", "2024:", "Late 2025:"
WHEN_LABEL = rf"(?:^|(?<=[\n.;,]))\s*{WHEN_YEAR}\s*:"
# a recent point in time, not "since launch": "I've been on Claude since March"
RECENTLY = (rf"(?:then|(?:early|late|mid-?)?\s*{MONTH_NAME}|(?:last|the)\s+(?:week|month|year|"
            r"spring|summer|fall|autumn|"
            r"winter)|"
            r"(?:the|that)\s+(?:\w+\s+)?(?:news|deal|switch|move|contract|announcement|boycott|"
            r"backlash)|(?:i|we)\s+(?:switched|left|moved|cancell?ed|quit))")
# "letting my Plus go" (not "let it go to waste", "let it go wild")
LET_GO = r"go\b(?!\s+(?:to|wild|ahead|on|off|through|over|into|crazy|nuts|unused|by)\b)"
# "OpenAI lost me." as a customer; not "lost me halfway through", "lost me at step 3"
LOST_ME = (r"(?=\s*(?:[.!,;:\n]|$|as\s+an?\s+(?:\w+\s+)?(?:customer|user|subscriber)|for\s+good|"
           r"today|yesterday|this\s+(?:week|month|year)|after|over|with\s+(?:the|this|that)|"
           r"the\s+(?:day|moment|minute|second)|when))")
# a brand used beside another, not in its place: "now I'm using Claude too"
ALSO = rf"(?!{TAIL}\s+(?:too|as\s+well|alongside|in\s+addition)\b)"
# what is paid, moved from one brand to another ("took that money to Anthropic instead")
EVERY = r"(?:\s+(?:a|every|each|per)\s+(?:month|year|week))"
MONEY = (r"(?:money|budget|dollars|bucks|euros|pounds|\$\d+|seats?|subscription|spend(?:ing)?|"
         r"twenty)")
ONE = r"(?:user|subscriber|customer|fan|person|guy|gal|girl|dude)"  # one person: the poster
DEVOTEE = r"(?:user|diehard|regular|loyalist|subscriber|fan)s?\b"
MORE_MONEY = (r"(?:another|one\s+more|a\s+single|any\s+more|more\s+of\s+my)\s+(?:cent|penny|"
              r"dime|dollar|euro|pound|\$|money|subscription\s+fee)")
GROWS = (r"(?:downloads|sign-?ups|installs|subscriptions|subscribers|users|usage|traffic|"
         r"demand)\s+(?:\w+\s+)?(?:soar|surge|jump|spike|skyrocket|climb|rise|explode|doubl|"
         r"tripl|boom|balloon)\w*|(?:hits|reaches|tops|topped|takes|took|climbs\s+to|"
         r"overtakes|passes|surpasses|dethrones)\s+(?:the\s+)?(?:#\s*1|no\.?\s*1|number\s+one|"
         r"top\s+spot|first\s+place|app\s+store)")
# what follows a brand when "delete my ChatGPT ..." is about data, not the account
NOT_THE_PRODUCT = (r"(?!" + TAIL + r"\s+(?:history|chats?|conversations?|memor(?:y|ies)|"
                   r"data|messages?|threads?|prompts?|custom\s+instructions|tabs?|windows?|"
                   r"projects?|files?|gpts?|extension|integration|keys?|tokens?|credits?|"
                   r"meetups?|events?|workshops?|webinars?|talks?|tasks?|jobs?|orders?|"
                   r"running|open|idle|unattended|alone|features?|settings?|mode|"
                   r"suggestions|autocomplete|(?:birthday\s+)?party|house|wedding|place))")

F, T = rf"(?P<f>{B}){TAIL}", rf"(?P<t>{B})"
# either may be untracked: a capitalised name, or a known one as it is usually spelt
FX = rf"(?:{F}|(?P<fo>{NAME}|{OTHER_PRODUCT}))"
# a model run on one's own machine, named or not, is an untracked destination
LOCAL_MODEL = (r"(?:small\s+|tiny\s+)?(?:self-hosted|local(?:ly\s+(?:hosted|run))?|on-device)\s+"
               r"(?:model|llm|setup|ai|assistant)s?\b")
TX = rf"(?:{T}|(?P<to>{NAME}|{OTHER_PRODUCT}|{LOCAL_MODEL}))"
HELD_F = rf"(?:{HELD_BY}{DET})?{F}"
HELD_FX = rf"(?:{HELD_BY}{DET})?{FX}"
TO = r"(?:to|into|onto)"
# (kind, who must act, pattern); who: "speaker" needs a speaker-like subject, "any" only
# refuses third parties, "crowd" names its own actors (no subject to check). Earlier
# entries win where spans overlap. Kinds beyond the four of a Switch: "implicit" (leaving
# a brand left unsaid), "away" (moving away from a brand, to somewhere unsaid), "crowd"
# (people who left a brand: refugees, exodus, ex-users), "weigh" (a move weighed up by
# many), "over" (a move naming neither side), "here" (an arrival where the post is read),
# "adopt" (taking up a brand), "used" (a brand used before), "now" (a brand used now).
RULES = [
    ("move", "any", rf"(?:\b(?:{MOVE}|{LEAVE})\s+{MOVED})?(?:over\s+)?\bfrom\s+{DET}{FX}"
                    rf"(?:\s+[\w.+-]+){{0,3}}?\s+(?:over\s+|back\s+)?(?:{TO}|for)\s+"
                    rf"(?:(?:just\s+)?(?:paying\s+for|using)\s+)?{DET}{TX}"),
    # the last step of a chain: "ChatGPT → Gemini → Claude" is where they are now
    ("move", "any", rf"(?:(?:{B}|{NAME}|{OTHER_PRODUCT}){TAIL}\s*{ARROW}\s*)*"
                    rf"{FX}{TAIL}\s*{ARROW}\s*{TX}"),
    # money moved: "the $20 that used to go to OpenAI now goes to Anthropic", "the forty
    # pounds a month that went to ChatGPT goes to Claude these days"
    ("move", "any", rf"{MONEY}{EVERY}?\s+(?:that\s+)?(?:used\s+to\s+go|went)\s+to\s+"
                    rf"{DET}{F}{TAIL}{EVERY}?\s+(?:now\s+)?goes\s+to\s+{DET}{T}"),
    ("move", "any", rf"^\s*(?:{F}|(?P<fo>{OTHER_PRODUCT})){TAIL}\s+to\s+"
                    rf"(?:{T}|(?P<to>{OTHER_PRODUCT}(?:\s+(?:\w*\d[\w.]*|(?-i:[A-Z])\w+))?)){TAIL}"
                    rf"(?=\s*(?:[:(,—–\n]|\s-\s|\.(?!\w)|$)|\s+after\b)"),
    # a bare step with its time: "Copilot to ChatGPT in 2024, ChatGPT to Gemini this week"
    ("move", "any", rf"(?:^|(?<=[\n.!?;,]))\s*(?:{F}|(?P<fo>{OTHER_PRODUCT})){TAIL}\s+to\s+{DET}"
                    rf"{TX}{TAIL}\s+(?:in\s+{WHEN_YEAR}|"
                    rf"(?:this|last)\s+(?:week|month|year|spring|summer|autumn|fall|winter|"
                    rf"morning|night)|today|yesterday|tonight)\b"),
    # a timeline, its last two steps: "Jan: ChatGPT. Mar: Claude. Jun: Gemini. Oct: Le Chat"
    ("move", "any", rf"(?:{WHEN_LABEL}\s*{DET}{B}{TAIL}\s*[.,;(\n][^:\n]{{0,60}}?)*"
                    rf"{WHEN_LABEL}\s*{DET}{F}{TAIL}\s*[.,;(\n][^:\n]{{0,60}}?"
                    rf"{WHEN_LABEL}\s*{DET}{TX}{TAIL}(?=\s*[.,;(\n!]|$)"),
    # "me in january: chatgpt is basically google. me in march: typing it all into le chat"
    ("move", "any", rf"\bme\s+in\s+{MONTH_NAME}\s*:\s*(?:[\w'’]+\s+){{0,4}}?{F}[^\n]{{0,100}}?"
                    rf"\bme\s+in\s+{MONTH_NAME}\s*:\s*(?:[\w'’]+\s+){{0,6}}?{TX}"),
    # a title "Gemini, after two years of ChatGPT"
    ("move", "any", rf"(?:^|(?<=[\n.!?]))\s*{T}{TAIL}\s*,?\s+after\s+(?:\S+\s+){{1,3}}?"
                    rf"(?:of|on|with|using)\s+{DET}{F}"),
    ("move", "any", rf"\b(?:mov|switch|migrat|jump|port|get|got|gett|came|com)\w*\s+(?:fully\s+)?"
                    rf"(?:(?:our|my|the|all)\s+(?:[\w+&-]+\s+){{0,4}}?)?"  # "moved our menus off"
                    rf"off(?:\s+of)?\s+{DET}{FX}{TAIL}(?:\s+[\w.+-]+){{0,3}}?\s+(?:over\s+)?"
                    rf"(?:{TO}|for)\s+{DET}{TX}"),
    ("move", "any", rf"\b(?:came|come|coming|mov\w*|switch\w*|migrat\w*)\s+(?:over\s+)?to\s+"
                    rf"{DET}{T}{TAIL}\s+from\s+{DET}{FX}"),
    ("implicit", "speaker", rf"\breplac(?:e|ed|ing)\s+(?:it|them|that|those)\s+with\s+{DET}{TX}"),
    ("move", "any", rf"\breplac(?:e|ed|ing)\s+{DET}{FX}{TAIL}\s+(?:\w+ly\s+|(?:on|in|at)\s+"
                    rf"(?:(?:my|our|the|their)\s+(?:[\w-]+\s+){{0,2}}?|(?-i:[A-Z])[\w-]*\s+))?"
                    rf"with\s+{DET}{TX}"),
    ("move", "speaker", rf"\breplac(?:e|ed|ing)\s+(?!{WORKERS})(?:{NOT_B}+\s+){{1,4}}?with\s+"
                        rf"{DET}{T}"),
    # "Y has replaced X for me / for coding / in my workflow / the X one"; not on a chart or in
    # a product
    ("move", "any", rf"{TX}{TAIL},?(?:\s+[^\s.!?{PUA}-{PUA_LAST}]+){{0,5}}?\s+(?:has\s+|have\s+)?"
                    rf"(?:\w+ly\s+)?replaced\s+{DET}{F}(?=\s+(?:for\s+(?:me|us|my|our|most|all|"
                    rf"every\w*|\w+ing)|(?:in|on|at|around)\s+(?:my|our)|one)\b)"),
    ("move", "any", rf"{T}{TAIL}(?:\s+now)?\s+(?:instead\s+of|in\s+place\s+of)\s+{DET}(?P<f>{B})"),
    # "Perplexity Pro took over all my research from ChatGPT"
    ("move", "any", rf"{T}{TAIL}\s+(?:has\s+|have\s+)?(?:took|taken|takes|taking)\s+over\s+"
                    rf"(?:(?:all|most|of|the)\s+){{0,2}}(?:my|our)\s+(?:\w+\s+){{0,2}}?from\s+{DET}{F}"),
    # "once ChatGPT's search got good enough I cancelled Perplexity"
    ("move", "any", rf"{T}{TAIL}(?:\s+[^\s.!?{PUA}-{PUA_LAST}]+){{0,3}}?\s+(?:got|gets|became|"
                    rf"was|is|(?:had|has)\s+gotten)\s+(?:\w+\s+)?good\s+enough\s+(?:that\s+)?"
                    rf"(?:i|we)\s+(?:finally\s+|just\s+)?{LEAVE}\s+{DET}{F}"),
    ("move", "any", rf"{F}{TAIL}\s+(?:(?:is|'s|’s)\s+)?(?:out|gone)\s*[,;]?\s+(?:and\s+)?{T}"
                    rf"{TAIL}\s+(?:(?:is|'s|’s)\s+)?in(?=\s*(?:[,.;:!\n—–-]|$))"),
    # the brand second in what was left: "deleted my Facebook account and Meta AI"
    ("leave", "speaker", rf"\b(?:deleted|cancell?ed|uninstalled|dropped|ditched|dumped)\s+"
                         rf"(?:{NOT_B}+\s+){{1,3}}?(?:and|&)\s+{DET}{F}{TAIL}"
                         rf"(?=\s*(?:[.!,;:\n)]|$|\s+(?:too|as\s+well|in\s+the\s+same|on\s+the\s+"
                         rf"same|the\s+same|today|yesterday|this|last|for\s+good)\b))"),
    ("leave", "any", rf"\binstead\s+of\s+(?:paying\s+(?:for\s+)?|using\s+)?{DET}(?P<f>{B})"),
    # an arrival where the post is read: "Left Character AI for this (app)"
    ("away", "speaker", rf"\b(?:left|quit|ditched|dropped)\s+{DET}{FX}{TAIL}\s+for\s+(?:this|here)"
                        rf"(?:\s+(?:one|app))?\b"),
    ("move", "speaker", rf"\b{LEAVE}\s+{DET}{HELD_FX}\s+(?:\w+\s+){{0,2}}?"
                        rf"(?:for|in\s+favou?r\s+of)\s+{DET}{TX}"),
    ("move", "speaker", rf"\b(?:left|leav(?:e|es|ing)|quit(?:ting|s)?|ditch(?:ed|ing)?|"
                        rf"jump(?:ed|ing)?\s+ship)\s+(?!(?:me|us|him|her)\s)(?:\w+\s+)?"
                        rf"for\s+{DET}{T}"),  # not "clients left me for X"
    ("weigh", "any", rf"\b(?:keep(?:ing)?|stick(?:ing)?\s+with|stay(?:ing)?\s+(?:with|on))\s+"
                     rf"(?:paying\s+for\s+|using\s+)?{DET}{F}{TAIL}(?:\s+[\w.+-]+){{0,3}}?\s+or\s+"
                     rf"(?:[\w'’]+\s+){{0,6}}?{DET}{TX}"),
    ("weigh", "any", rf"{T}{TAIL}\s+(?:[\w'’-]+\s+){{0,3}}?(?:good\s+enough|ready)\s+to\s+"
                     rf"replace\s+{DET}{F}"),
    ("weigh", "any", rf"{F}{TAIL}(?:\s+free)?\s+(?:vs\.?|versus|or)\s+(?:paying|pay)\s+for\s+"
                     rf"{DET}{T}"),
    # "weighing my ChatGPT Plus against Perplexity Pro", "need to replace ChatGPT by April"
    ("weigh", "any", rf"\bweigh(?:ing)?\s+(?:my\s+|our\s+|the\s+)?(?:\S+\s+)?{F}{TAIL}\s+against\s+"
                     rf"(?:just\s+)?(?:paying\s+for\s+|using\s+)?{DET}{TX}"),
    ("weigh", "speaker", rf"\b(?:need|have|want|got|going)\s+to\s+replace\s+{DET}{F}"),
    ("weigh", "speaker", rf"\b(?:looking\s+for|need|want|searching\s+for|shopping\s+for)\s+"
                         rf"(?:an?\s+)?(?:\w+\s+)?(?:replacement|alternative|substitute)s?\s+"
                         rf"(?:for|to)\s+{DET}{F}"),
    ("return", "any", rf"\b(?:(?:switch(?:ed|ing)?|went|gone|go(?:ing)?|com(?:e|ing)|came|"
                      rf"mov(?:e|ed|ing)|crawl(?:ed|ing)?|runn?(?:ing)?|ran|drift(?:s|ed|ing)?|"
                      rf"head(?:s|ed|ing)?)\s+(?:(?:it|them|"
                      rf"everything|us|myself|ourselves)\s+)?back|(?:came|come|coming)\s+home|"
                      rf"return(?:ed|ing|s)?|re-?subscrib(?:e|ed|ing)|re-?sub(?:bed)?|re-?up(?:ped)?|"
                      rf"reinstall(?:ed|ing)?|re-?download(?:ed|ing)?|"
                      rf"(?:i'm|i’m|im|i\s+am|we're|we’re|am|is|are|'s|’s|"
                      rf"(?:i|we)\s+(?:was|were))\s+"
                      rf"(?:now\s+|happily\s+|"
                      rf"finally\s+|right\s+)?back)\s+"
                      rf"(?:to\s+|on\s+|with\s+)?{DET}{T}"
                      rf"(?:\s+(?:after|from)\s+(?:\S+\s+){{0,3}}?(?:on|with|using|of)?\s*"
                      rf"{DET}(?P<f>{B}))?"),
    ("return", "any", rf"(?:^|(?<=[\n.!:,]))\s*back\s+(?:to|on)\s+{DET}{T}"),
    ("return", "any", rf"\b(?:paying|pay|paid|subscrib(?:ed|ing)\s+to|using|on)\s+(?:for\s+)?"
                          rf"{DET}{T}{TAIL}\s+again\b"),
    # "renewed Perplexity last night": a return where the post left it before (_renewals)
    ("renew", "speaker", rf"\brenew(?:ed|ing)\s+{DET}{T}"),
    ("return", "speaker", r"\b(?:re-?subscrib(?:ed|ing)|re-?sub(?:bed|bing)|re-?upp(?:ed|ing)|"
                          r"reactivat(?:ed|ing)|"
                          # "reinstalled today because ...", not a fix tried ("reinstalled twice")
                          rf"reinstall(?:ed|ing)(?=\s+(?:it\s+)?(?:today|yesterday|this\s+week|"
                          rf"because|after|for|in\s+{MONTH_NAME})\b)|"
                          r"(?:came|come|coming|went)\s+back)\b"
                          # "resubscribed to Plus": the plan of the brand left before
                          r"(?!\s+(?:to(?!\s+(?:my\s+|the\s+)?(?:plus|pro|premium|max|advanced)\b)|"
                          r"for|on|with|from|home|online|up|down|later|again|around|"
                          r"and\s+forth)\b)"
                          r"(?!\s+and\s+\w+ing\b)"),  # "vanishing and coming back and vanishing"
    ("leave", "speaker", rf"\b(?:don'?t|do\s+not)\s+(?:have|use|open|touch|pay\s+for)\s+{DET}{F}"
                         rf"{TAIL}\s+any\s?more"),
    ("leave", "speaker", rf"\bno\s+longer\s+have\s+{DET}{F}"),
    ("adopt", "any", rf"\bput\s+{DET}{T}{TAIL}\s+on\s+(?:it|them|(?:the|my|our|their|his|her)\s+"
                     rf"(?:\w+\s+)?{DEVICES})"),
    ("return", "any", rf"{T}{TAIL}\s+(?:is|'s|’s)\s+back\s+(?:on|in)\s+my\b"),
    ("return", "speaker", rf"\b(?:turn|switch)(?:ed|ing)?\s+{DET}{T}{TAIL}\s+back\s+on\b"),
    ("return", "crowd", rf"\b(?:lapsed|former|departed)\s+{T}{TAIL}\s+{CROWD}\s+(?:(?:are|"
                        rf"have\s+been|quietly|slowly|now)\s+)*(?:return\w*|com(?:e|es|ing)\s+back|"
                        rf"drift\w*\s+back|flock\w*\s+back)"),
    # "many who quit ChatGPT in the spring are quietly coming back"
    ("return", "crowd", rf"\b(?:who|that)\s+(?:had\s+)?(?:quit|left|cancell?ed|ditched|abandoned|"
                        rf"deleted)\s+{DET}{T}{TAIL}[^.!?\n]{{0,60}}?\b(?:are|were|have\s+been|is|"
                        rf"has\s+been|have)\s+(?:\w+ly\s+|now\s+)?(?:coming\s+back|returning|"
                        rf"returned|come\s+back)\b"),
    ("return", "crowd", rf"{T}{TAIL}\s+[^.!?\n]{{0,80}}?\b(?:as|after|with|while)\s+"
                        rf"(?:lapsed|former|departed|old)\s+{CROWD}\s+(?:return|come\s+back|"
                        rf"drift\s+back|flock\s+back)"),
    # a headline's surge beside users fleeing: "Claude surges to No. 1 as ChatGPT users flee"
    ("move", "crowd", rf"{T}{TAIL}\s+(?:overtakes|overtook|dethrones|displaces|passes|beats)\s+"
                      rf"{DET}{F}[^.!?\n]{{0,60}}?\bas\s+{CROWD}\s+{CROWD_GOES}"),
    ("move", "any", rf"{F}(?:\s*['’]s)?\s+(?:[\w-]+\s+){{0,3}}?(?:drove|pushed|sent|forced|drives|"
                    rf"pushes)\s+(?:me|us)\s+(?:back\s+)?(?:to|into|towards?)\s+{DET}{T}"),
    ("move", "crowd", rf"{T}{TAIL}\s+(?:[\w-]+\s+){{0,2}}?(?:surges?|gains?|climbs?|jumps?|soars?|"
                      rf"rises?|rockets?|tops|hits|grows?|booms?)\b"
                      rf"(?:[^.!?\n]|\.(?=\s?\d)){{0,60}}?\bas\s+{DET}{F}{TAIL}\s+{CROWD}\s+"
                      rf"{CROWD_GOES}"),
    # "ChatGPT Plus subscribers leaving"; not "Claude climbs as users abandon ChatGPT"
    ("leave", "any", rf"{F}(?:\s*['’]s)?\s+(?:[\w-]+\s+){{0,2}}?{CROWD}\s+{CROWD_GOES}"
                     rf"(?:\s+(?:to|for)\s+{DET}{TX}|(?!\s+{DET}{B}))"),
    ("move", "any", rf"\b{MOVE}\s+{MOVED_F}(?:over\s+|across\s+)?{TO}\s+{DET}{T}"),
    ("move", "speaker", rf"\b{CARRY}\s+(?:my|our|your|all|the|\d[\d,.]*k?)\s+"
                        rf"(?:[\w'’-]+\s+){{0,2}}?"
                        rf"(?:(?P<f>{B}){TAIL}\s+)?(?:[\w'’-]+\s+){{0,2}}?{BELONGINGS}\s+"
                        rf"(?:over\s+)?{TO}\s+{DET}{T}"),
    ("move", "crowd", rf"{CROWD_NOUN}\s+(?:away\s+)?from\s+{DET}{F}\s+(?:over\s+)?to\s+"
                      rf"{DET}{TX}"),
    ("away", "speaker", rf"\b(?:mov|switch|migrat|jump|came|com|port)\w*\s+{MOVED}"
                        rf"(?:over\s+|away\s+)?from\s+{DET}{FX}"),
    ("away", "any", rf"\b(?:coming|came)\s+(?:over\s+)?from\s+(?:(?:a|an|two|three|four|five|"
                    rf"\d+|several|many)\s+)?(?:years?|months?)\s+(?:of|on|with)\s+{DET}{F}"),
    # a move told with no brand on either side ("moved everything over", "made the switch"):
    # its sides come from the rest of the post
    ("over", "speaker", rf"\b(?:(?:mov|migrat|port|transferr?|switch)\w*\s+{MOVED}(?:over|"
                        rf"across)|(?:made|make|making)\s+the\s+(?:switch|jump|move|leap)|"
                        rf"jump(?:ed|ing)?\s+ship)\b(?!\s+(?:to|from|into|onto|for|here|back)\b)"
                        rf"(?!\s+(?:the|a|an|one|two|three|four|several|few|many|\d+)\s+"  # "over
                        rf"(?:\w+\s+)?(?:weekends?|days?|weeks?|months?|nights?|years?|hours?|"
                        rf"holidays?|summer|winter)\b)"),  # two weekends": time, not a move
    # a title or a sentence that only says it: "Finally switched", "We made the switch."
    ("over", "speaker", r"(?:^|(?<=[\n.!?]))\s*(?:(?:i|we)\s+(?:(?:finally|just|officially)\s+)?|"
                        r"(?:finally|just|officially)\s+)"
                        r"(?:switched|made\s+the\s+switch)(?=\s*(?:[.!\n]|$))"),
    # "when I switched last month" (not "switched last month to a new phone plan")
    ("over", "speaker", r"(?:(?<=\bi\s)|(?<=\bwe\s))(?:finally\s+)?(?:switched|migrated)\s+"
                        r"(?=(?:(?:last|this)\s+(?:week|month|year|spring|summer|autumn|fall|"
                        r"winter)|yesterday|today|recently|a\s+(?:week|month|year)\s+ago)\b"
                        r"(?!\s+(?:to|from|into|onto|for|over)\b))"),
    # an arrival where the post is read ("signed up here", "came over here"): where they went
    # is the other brand the post is about
    ("away", "speaker", rf"\b(?:switch|mov|migrat|came|com)\w*\s+(?:over\s+)?here\s+from\s+"
                        rf"{DET}{FX}"),
    ("here", "speaker", r"\b(?:sign(?:ed|ing)?\s+up|(?:came|come|coming|mov(?:ed|ing)|"
                        r"switch(?:ed|ing)|migrat(?:ed|ing)|landed|ended\s+up)(?:\s+over)?)"
                        r"\s+here\b"),
    ("weigh", "crowd", rf"{F}{TAIL}\s+(?:[\w-]+\s+){{0,2}}?{CROWD}\s+(?:[\w-]+\s+){{0,2}}?"
                       rf"{CROWD_WEIGHS}(?:\s+(?:[\w-]+\s+){{0,4}}?{DET}{TX})?"),
    ("leave", "any", rf"{F}\s+{LOSES}"),
    ("crowd", "crowd", rf"{F}\s+(?:{CROWD}\s+)?{CROWD_NOUN}\b"),
    ("crowd", "crowd", rf"(?P<fo>{NAME})\s+{LEAVERS}\b"),
    ("crowd", "crowd", rf"\b(?:ex|former|lapsed)[-\s]+{FX}{TAIL}\s+(?:users?|subscribers?|"
                       rf"customers?|fans?|loyalists?|addicts?|diehards?)\b"),
    ("crowd", "crowd", rf"^\s*(?:ex|former)[-\s]+{FX}{TAIL}\s+{ONE}\b"),  # "Ex-X guy, ..."
    ("crowd", "crowd", rf"\b{CROWD_OF}\s+{DET}{F}"),
    ("leave", "speaker", rf"\b{LEAVE}\s+(?:from\s+)?{DET}{HELD_F}{NOT_THE_PRODUCT}"),
    ("leave", "speaker", rf"\b{LEAVE_NAMED}\s+(?:running\s+|using\s+|hosting\s+)?{DET}"
                         rf"(?P<fo>{NAME}|{OTHER_PRODUCT})"
                         rf"(?!\s+(?:job|role|position|career|gig|company|team)s?\b)"),
    ("leave", "any", rf"\b(?:my\s+|our\s+)?last\s+(?:day|week|month|year)\s+(?:of|on|with)\s+"
                     rf"{DET}{F}"),
    ("leave", "any", rf"\bday\s+\d+\s+(?:without|of\s+no)\s+{DET}{F}"),
    # "... so that's the end of my SuperGrok subscription"
    ("leave", "speaker", rf"\b(?:that'?s|that’s|this\s+is|it'?s|it’s)\s+the\s+end\s+of\s+"
                         rf"(?:my|our)\s+{F}"),
    ("leave", "any", rf"\b(?:\d+|a|one|two|three|four|five|six|several|a\s+few)\s+(?:days?|weeks?|"
                     rf"months?)\s+(?:without|of\s+no|free\s+of|post-?)\s*{DET}{F}"),
    ("leave", "speaker", rf"\b(?:turn(?:ed|ing)?|switch(?:ed|ing)?)\s+{DET}{F}{TAIL}"
                         rf"(?:\s+(?:sidebar|button|panel|widget|key|icon|assistant))?\s+off\b"),
    # people in numbers turning a brand off: "Windows users are turning off Copilot in droves"
    ("leave", "crowd", rf"\b{CROWD}\s+(?:(?:are|were|have|has|been|now|all|quietly|"
                       rf"increasingly)\s+)*"
                       rf"(?:turn(?:ing|ed)\s+off|disabl(?:ing|ed)|switch(?:ing|ed)\s+off|"
                       rf"drift(?:ing|ed)\s+away\s+from)\s+{DET}{F}{NOT_THE_PRODUCT}"),
    ("leave", "speaker", rf"\b(?:turn(?:ed|ing)?|switch(?:ed|ing)?)\s+off\s+{DET}{F}{TAIL}\s+"
                         rf"(?:everywhere|for\s+good|completely|entirely|on\s+(?:all|every|both))\b"),
    ("leave", "speaker", rf"\bremov(?:ed|ing)\s+{DET}{F}{TAIL}\s+(?:add-?ons?|subscription|"
                         rf"plan)\b"),
    ("leave", "speaker", rf"\bremov(?:e|ed|ing)\s+{DET}{F}{TAIL}\s+from\s+(?:(?:my|our|the|all)\b|"
                         rf"(?:their|[\d.,]+\s+(?:million\s+|thousand\s+)?){DEVICES})"),
    ("leave", "any", rf"{F}{TAIL}(?:\s+(?:era|days|chapter)|\s+and\s+"
                     rf"(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)?\s+{GONE}"
                     # a model taken off a menu is the product changing, not anyone leaving
                     rf"(?!\s+(?:again\s+)?from\s+(?:the\s+)?(?:\w+\s+)?(?:menu|picker|list|"
                     rf"dropdown|selector|lineup)s?\b)"),
    ("leave", "any", rf"\b(?:is|are|'s|’s|am|'m|’m|now|fully|completely|officially|finally)\s+"
                     rf"(?:(?:now|fully|completely|officially|finally)\s+)*{F}\s*-\s*free\b"),
    ("leave", "any", rf"\bno\s+more\s+{F}{TAIL}(?=\s*(?:[.!,;:\n—–]|$|in\s+(?:this|my|our)\s+"
                     rf"(?:house|household|home|life|family|team|office)|for\s+(?:me|us)\b))"),
    ("leave", "any", rf"{F}{TAIL}(?:\s+(?:is|was|got|has\s+been|have\s+been|now|officially|"
                     rf"finally|just|already))*\s+{DONE_TO}"),
    ("leave", "any", rf"{F}{TAIL}\s*[:—–-]+\s*(?:not\s+renewing|{DONE_TO}|over)\b"),
    # "Perplexity no more.", "Gemini had to go", "ripped Copilot out of 300 seats"
    ("leave", "any", rf"{F}{TAIL}\s+had\s+to\s+go\b"),
    ("leave", "any", rf"(?:^|(?<=[\n.!?;]))\s*{F}{TAIL}\s+no\s+more\s*[.!,;\n]"),
    ("leave", "speaker", rf"\bripp(?:ed|ing)\s+{DET}{F}{TAIL}\s+out\b"),
    # "Le Chat after 2 years of Claude", "Gemini, after a year on ChatGPT"
    ("move", "any", rf"(?:^|(?<=[\n.!?;]))\s*{T}{TAIL}(?:\s*{B}{TAIL})?,?\s+after\s+"
                    rf"(?:\d+|a|an|one|two|three|four|five|six|several|many)\s+(?:years?|months?)\s+"
                    rf"(?:of|on|with)\s+{DET}{F}"),
    ("leave", "any", rf"{F}{TAIL}\s+(?:(?:does|did|will|is)\s*n[o']?t|won'?t|will\s+not|"
                     rf"isn'?t|ain'?t|never)\s+(?:get(?:ting)?|see(?:ing)?|receiv\w+)\s+"
                     rf"{MORE_MONEY}"),
    ("leave", "speaker", rf"\b(?:not|never|no\s+longer)\s+(?:giving|paying|sending)\s+"
                         rf"{DET}{F}{TAIL}\s+{MORE_MONEY}"),
    ("leave", "speaker", rf"\blet(?:ting)?\s+(?:(?:my|our|the|their|his|her|your)\s+)?{F}{TAIL}"
                         rf"(?:\s+\w+){{0,2}}?\s+(?:lapse|expire|run\s+out|{LET_GO})"),
    ("implicit", "speaker", rf"\blet(?:ting)?\s+(?:(?:my|our|the|it|them|both)\s*)?(?:subscription|"
                            rf"sub|plan|membership|plus|pro|premium|max)?"
                            # not a product named there ("let our Cursor licences lapse")
                            rf"(?:\s+(?-i:[a-z0-9][\w-]*)){{0,2}}?\s+(?:lapse|expire|run\s+out|{LET_GO})"),
    ("implicit", "speaker", rf"(?:^|(?<=[\n.!:,]))\s*(?:my\s+|the\s+)?(?:account|subscription|sub|"
                            r"plan|membership|(?-i:Plus|Pro|Premium|Max))\s+(?:is\s+|has\s+been\s+|"
                            rf"now\s+)?(?:{DONE_TO}|gone)|"
                            r"(?:^|(?<=[\n.!:,]))\s*refund\s+(?:requested|issued|processed|approved|"
                            r"granted)|(?:^|(?<=[\n.!:]))\s*not\s+renewing\s*(?:[.!,;\n]|$)"),
    ("implicit", "speaker", rf"\b(?:took|take|taking|got|removed?|removing)\s+(?:it|them|"
                            rf"the\s+app)\s+off\s+(?:of\s+)?(?:my|our|the)\s+{DEVICES}"),
    ("implicit", "speaker", rf"\b{LEAVE}\s+{IMPLICIT}"),
    # "Took my $20 a month somewhere else"; "... still paying for it. Not anymore."
    ("implicit", "speaker", rf"\b(?:took|take|taking)\s+(?:my|our)\s+(?:\$\d+|{MONEY})"
                            rf"(?:{EVERY})?\s+(?:somewhere\s+else|elsewhere)\b"),
    ("implicit", "speaker", r"\bstill\s+paying\s+for\s+(?:it|them)[.!]\s+not\s+any\s?more\b"),
    # a farewell: "gpt had a good run", "Gemini, it was fun while it lasted"
    ("leave", "any", rf"{F}{TAIL}\s*,?\s+(?:had\s+a\s+(?:good|great|nice)\s+run|"
                     rf"it\s+was\s+(?:fun|nice|good)\s+while\s+it\s+lasted)\b"),
    # "cut ChatGPT Plus this month", "no more Copilot on this laptop"
    ("leave", "speaker", rf"\bcut\s+(?:my\s+|our\s+|the\s+)?{F}{TAIL}(?:\s+{HOLDING})?"
                         rf"(?=\s*(?:[.,;:!\n]|$)|\s+(?:this|last|in|from|today|yesterday|loose|"
                         rf"off|out)\b)"),
    ("leave", "any", rf"\bno\s+more\s+{F}{TAIL}\s+(?:on|in)\s+(?:my|this|our|the)\s+{DEVICES}"),
    # "turned off auto-renew (on ChatGPT Plus)"
    ("leave", "speaker", rf"\b(?:turn|switch)(?:ed|ing)?\s+off\s+(?:the\s+)?auto[-\s]?renew(?:al)?"
                         rf"\s+(?:on|for)\s+{DET}{F}"),
    ("implicit", "speaker", r"\b(?:turn|switch)(?:ed|ing)?\s+off\s+(?:the\s+)?"
                            r"auto[-\s]?renew(?:al)?\b(?!\s+(?:on|for)\s)"),
    ("implicit", "speaker", r"\b(?:request(?:ed|ing)?|start(?:ed|ing)?|initiat(?:ed|ing)?)\s+"
                            r"(?:my\s+|the\s+|an?\s+)?(?:account\s+)?(?:deletion|cancell?ation)|"
                            r"\bdid(?:n'?t|\s+not)\s+renew(?:\s+(?:it|them))?\b|"
                            r"\b(?:i'?m|i’m|i\s+am|we'?re|we’re|we\s+are)\s+not\s+renewing\b|"
                            r"\b(?:won'?t|will\s+not|(?:am|'m|’m)\s+not\s+going\s+to)\s+"
                            r"(?:renew|top\s+(?:it|them)\s+up)(?:\s+(?:it|them))?\b|"
                            r"\bstop(?:ped|ping)?\s+(?:topping\s+(?:it\s+)?up|renewing)\b|"
                            r"\bstop(?:ped|ping)?\s+pay(?:ing)?\s+for\s+(?:it|them)\b|"
                            r"\bstop(?:ped|ping)?\s+using\s+(?:it|them)\b"
                            r"(?!\s+(?:for|as|in|on|to|when|with|at|during)\b)|"
                            r"\b(?:don'?t|do\s+not)\s+(?:use|pay\s+for)\s+(?:it|them)\s+any\s?more\b|"
                            r"\bcross(?:ed|ing)?\s+(?:it|them)\s+off\b|"
                            r"\b(?:got|get|getting)\s+rid\s+of\s+(?:it|them)\b|"
                            r"\bshut\s+(?:it|them)\s+(?:off|down)\b|"
                            r"\bturn(?:ed)?\s+(?:it|them)\s+off\s+(?:on|for)\s+(?:my|our|all|both|"
                            r"every)\b|"
                            r"\b(?:it'?s|it’s|it\s+is|that'?s)\s+not\s+(?:getting\s+|being\s+)?"
                            r"renewed\b|\bstop(?:ped|ping)?\s+paying(?=\s*(?:[.!,;\n]|$|and\b))"),
    ("implicit", "speaker", r"\b(?:cancel(?:l?ed|l?ing)?|cancled|unsubscrib(?:ed|ing)|"
                            r"unsubbed|uninstall(?:ed|ing)|delet(?:ed|ing)|downgrad(?:ed|ing)|"
                            r"ditch(?:ed|ing)\s+(?:it|them)|dump(?:ed|ing)\s+(?:it|them)|"
                            r"dropp(?:ed|ing)\s+(?:it|them)|"
                            r"hit\s+(?:the\s+)?(?:cancel|unsubscribe)(?:\s+button)?|"
                            r"remov(?:e|ed|ing)\s+(?:my|our|the)\s+(?:credit\s+)?(?:card|"
                            r"payment\s+(?:method|info|details))|remov(?:ed|ing)\s+(?:it|them))"
                            r"(?:\s+(?:it|them|mine|ours|that))?"
                            rf"(?=\s*(?:[.!,;\n]|$|{WHEN}|and\b|too\b|from\s+(?:my|our|both|all)\b))"),
    ("leave", "speaker", rf"\bcross(?:ed|ing)?\s+{DET}{F}{TAIL}\s+off\b"),
    ("leave", "any", rf"\bif\s+you\s+(?:still\s+)?(?:pay\s+for|use|have)\s+{DET}{F}{TAIL}\s*,\s*"
                     rf"(?:just\s+)?(?:stop|cancel|quit|delete)\b"),
    # a held thing stopped or ended: "stopped my ChatGPT subscription", "shut the OpenAI
    # workspace down", "ended our OpenAI enterprise agreement", "I stop the Plus"
    ("leave", "speaker", rf"\b(?:{STOP_HELD})\s+{DET}(?:(?:\d+|two|three|four|five|six|ten)\s+)?{F}"
                         rf"(?:\s+(?:plus|pro|premium|max|team|teams|enterprise|business|go))?\s+"
                         rf"(?:{HOLDING}|workspaces?|org|"
                         rf"organi[sz]ation|agreement|contract)\b"),
    ("implicit", "speaker", rf"\b(?:{STOP_HELD})\s+(?:my|our|the)\s+(?:paid\s+)?(?:subscription|"
                            rf"sub|plan|membership|account|plus|pro|premium)\b"),
    ("leave", "speaker", rf"\bno\s+more\s+{DET}{F}{TAIL}\s+for\s+(?:me|us)\b"),
    ("leave", "any", rf"{F}{TAIL}\s+(?:has\s+|have\s+|just\s+|finally\s+)?lost\s+me{LOST_ME}"),
    # leaving told as what has not happened since, or who one no longer is
    ("leave", "speaker", rf"\b(?:haven'?t|have\s+not|hasn'?t|not)\s+(?:once\s+)?(?:opened|used|"
                         rf"touched|launched|paid|logged\s+in(?:to)?)\s+{DET}{F}{NOT_THE_PRODUCT}"
                         rf"{TAIL}\s+(?:[\w$'’-]+\s+){{0,3}}?(?:since\s+{RECENTLY}|in\s+"
                         rf"(?:weeks|months|ages))"),
    ("leave", "speaker", rf"\b(?:took|take|taking|got|get|getting|cut|cutting|ripp?(?:ed|ing)?|"
                         rf"yank(?:ed|ing)?|pull(?:ed|ing)?)\s+{DET}{F}{TAIL}"
                         rf"\s+(?:app\s+)?(?:off|out\s+of|from)\s+(?:(?:of\s+)?(?:both\s+|all\s+)?"
                         rf"(?:my|our|all)\b)"),
    ("leave", "any", rf"\b(?:i'?m|i’m|i\s+am|we'?re|we’re|we\s+are|(?:is|are)\s+(?:now\s+)?)\s*"
                     rf"(?:now\s+|officially\s+|completely\s+|fully\s+)?off\s+{DET}{F}"
                     rf"{NOT_THE_PRODUCT}"),
    ("leave", "speaker", rf"\bno\s+longer\s+an?\s+(?:paying\s+)?{F}{TAIL}\s+"
                         rf"(?:customer|user|subscriber)s?\b"),
    ("leave", "speaker", rf"\bnot\s+an?\s+(?:paying\s+)?{F}{TAIL}\s+(?:customer|user|subscriber)s?"
                         rf"\s+any\s?more\b"),
    ("leave", "any", rf"{F}{TAIL}\s+and\s+(?:i|we|me|us)\s+(?:are|'re|’re)\s+(?:officially\s+|"
                     rf"so\s+|finally\s+)?(?:done|through|over|finished)\b"),
    ("leave", "any", rf"\b(?:my|our)\s+(?:very\s+)?last\s+{F}{TAIL}\s+(?:invoice|bill|"
                     rf"payment|charge|renewal|receipt)\b"),
    ("leave", "speaker", rf"\b(?:i|we)\s+(?:was|were)\s+an?\s+(?:\w+\s+){{0,2}}?{F}{TAIL}\s+"
                         rf"(?:user|subscriber|customer|fan)s?\b[^.!?\n]*[.!;]\s*(?:but\s+)?"
                         rf"(?:not\s+any\s?more|no\s+more|no\s+longer|not\s+now)\b"),
    ("implicit", "speaker", rf"(?:^|(?<=[\n.!:;,]))\s*(?:and\s+)?(?:it|the\s+app)\s*{OFF_MY}\b"),
    ("leave", "any", rf"\b(?:won'?t|will\s+not|never)\s+be\s+(?:charged|billed)\s+by\s+{DET}"
                     rf"{F}"),
    ("used", "any", rf"\b(?:was|were|had\s+been|(?:'d|’d)\s+been|heavy|years?\s+(?:of|with|on)|"
                    rf"months?\s+(?:of|with|on)|long-?time|longtime|loyal|"
                    rf"(?:staying|stay|stayed|sticking|stuck)\s+with|still)\s+"
                    rf"(?:(?:using|on|paying\s+for|subscribed\s+to|with|all\s+in\s+on)\s+)?{DET}{F}"),
    ("used", "any", rf"\bas\s+an?\s+(?:\w+\s+)?{F}\s+(?:user|subscriber|customer)"),
    ("used", "any", rf"\b(?:(?:i|we)\s+(?:use|used)\s+before|before\s+(?:i|we)\s+(?:use|used|"
                    rf"was\s+using|always\s+use))\s+{DET}{F}"),
    ("used", "any", rf"\b(?:i|we)\s+(?:had|used|relied\s+on|leaned\s+on|paid(?:\s+for)?|"
                    rf"started\s+(?:[\w'’-]+\s+){{1,3}}?(?:with|on|in))\s+{DET}{F}"),
    ("used", "any", rf"{F}{TAIL}\s+(?:user|subscriber|customer|person)\s+until\b"),
    ("used", "any", rf"{F}{TAIL}\s+(?:was|had\s+been|used\s+to\s+be)\s+(?:my|our)\s+"
                    rf"(?:[\w'’-]+\s+){{0,2}}?(?:default|go-to|daily|main|tool|assistant|"
                    rf"everything|partner|buddy|companion|sidekick)\b"),
    ("used", "any", rf"\b(?:i|we)\s+used\s+to\s+(?:[\w'’-]+\s+){{1,3}}?{DET}{F}"),
    ("used", "any", rf"\bspent\s+(?:[\w'’-]+\s+){{0,3}}?(?:years?|months?)\s+(?:in|on|with|"
                    rf"using)\s+{DET}{F}"),
    # an untracked product used before: "I was on Character.AI", "I was a Cursor diehard",
    # "Cursor diehard here"
    ("used", "any", rf"\b(?:i|we)\s+(?:was|were|had\s+been|(?:'d|’d)\s+been)\s+(?:on|using)\s+"
                    rf"(?P<fo>{NAME})"),
    ("used", "any", rf"\b(?:i|we)\s+(?:was|were)\s+an?\s+(?:\w+\s+)?(?P<fo>{NAME})\s+{DEVOTEE}"),
    ("used", "any", rf"(?P<fo>{NAME})\s+{DEVOTEE}\s+(?:here|for|since)\b"),
    ("used", "any", rf"(?:^|(?<=[\n.!;:,])|\b(?:i|we))\s*(?:used|paid\s+for|subscribed\s+to)\s+"
                    rf"(?P<fo>{NAME})\s+(?:for|since|until)\b"),
    ("now", "any", rf"\bbut\s+now\s+(?:only|just|mostly|always)\s+{DET}{T}"),
    ("now", "any", rf"\bnow\s+(?:everything|it\s+all|all\s+of\s+it|most\s+of\s+it)\s+"
                   rf"(?:goes?|runs?|happens?|lives?)\s+(?:through|in|on|via)\s+{DET}{T}"),
    ("now", "any", rf"\bsince\s+{RECENTLY},?\s+(?:i|we)\s+(?:do|run|ask|write|draft|search)\s+"
                   rf"(?:[\w'’-]+\s+){{0,3}}?(?:in|on|with|through)\s+{DET}{T}"),
    ("now", "any", rf"\b(?:i|we)\s+(?:take|have|use|pay(?:\s+for)?)\s+{DET}{T}{TAIL}\s+since\s+"
                   rf"(?:\w+\s+)?(?:days?|weeks?|months?)\b"),
    ("now", "any", rf"\b(?:i|we|and)\s+(?:now\s+)?(?:use|using|pay\s+for)\s+only\s+{DET}{T}"),
    ("now", "any", rf"\b(?:now|these\s+days|nowadays|since\s+(?:then|\w+))\s*,?\s+(?:i|we)"
                   rf"(?:\s+|(?=['’]))"
                   rf"(?:just\s+|only\s+|mostly\s+|basically\s+)?(?:use|ask|pay(?:\s+for)?|rely\s+on|"
                   rf"go\s+(?:to|with)|start(?:ed)?\s+paying(?:\s+for)?|am\s+on|'m\s+on|’m\s+on|"
                   rf"are\s+on|'re\s+on|(?:am|'m|’m|are|'re|’re)\s+"
                   rf"(?:using|paying\s+for))\s+{DET}{T}{ALSO}"),
    ("now", "any", rf"\b(?:i'?m|i’m|i\s+am|we'?re|we’re|we\s+are|of\s+us\s+are)\s+"
                   rf"(?:all\s+|fully\s+)?"
                   rf"(?:on|using)\s+{DET}{T}{TAIL}(?:\s+[\w'’]+){{0,4}}?\s+(?:now|as\s+of)\b"),
    # one's own scripts pointed at another brand: "pointed those scripts at Gemini's API"
    ("now", "speaker", rf"\b(?:re-?)?point(?:ed|ing)?\s+(?:(?:my|our|the|those|these|all|both|"
                       rf"everything)\s+(?:[\w'’-]+\s+){{0,3}}?|(?:it|them)\s+)(?:at|to)\s+{DET}{T}"),
    # money taken to another brand: "took that money to Anthropic", "putting both seats on
    # Claude instead", "my $20 goes to Claude now"
    ("now", "speaker", rf"\b(?:took|take|taking|mov(?:e|ed|ing)|put|putting|spen[dt]|spending|"
                       rf"redirect(?:ed|ing)?|shift(?:ed|ing)?|gave|giv(?:e|ing))\s+(?:that|the|my|"
                       rf"our|this|those|both|all)\s+(?:[\w$'’-]+\s+){{0,3}}?(?:(?P<f>{B}){TAIL}\s+)?"
                       rf"{MONEY}\s+(?:over\s+)?(?:to|on|towards?|into)\s+{DET}{T}"),
    ("now", "speaker", rf"\b(?:redirect|reallocat|divert|mov|put|spen[dt]|shift)\w*\s+(?:that|it|"
                       rf"this|those|them)\s+(?:money\s+|budget\s+|cash\s+)?(?:over\s+)?(?:to|into|"
                       rf"towards?|on)\s+(?:one\s+|a\s+single\s+)?{DET}{T}"),
    ("now", "any", rf"\b(?:my|our|the|that)\s+(?:[\w$'’-]+\s+){{0,2}}?{MONEY}\s+(?:now\s+)?"
                   rf"(?:goes|go|went|is\s+going)\s+(?:now\s+)?to\s+{DET}{T}"),
    ("now", "any", rf"{T}{TAIL}\s+gets\s+(?:it|my\s+money|the\s+money|that\s+money)\s+now\b"),
    # a brand used now, said with a present-time word in the poster's own clause
    ("now", "any", rf"\bsince\s+{RECENTLY},?\s+(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+been\s+"
                   rf"(?:using|on|with|(?:running|doing|asking)\s+(?:[\w'’-]+\s+){{0,3}}?"
                   rf"(?:in|on|with|through))\s+{DET}{TX}"),
    # where one's things live now: "my side projects live in ChatGPT now", "captions come
    # from Claude now", "these days Gemini is what I open"
    ("now", "any", rf"\b(?:my|our)\s+(?:[\w'’-]+\s+){{0,3}}?(?:lives?|runs?|happens?|sits?)\s+"
                   rf"(?:in|on|through|with)\s+{DET}{T}{TAIL}\s+(?:now|these\s+days|nowadays)\b"),
    ("now", "any", rf"\b(?:[\w'’-]+\s+){{1,2}}?(?:come|comes)\s+from\s+{DET}{T}{TAIL}\s+"
                   rf"(?:now|these\s+days|nowadays)\b"),
    ("now", "any", rf"\b(?:these\s+days|nowadays|now)\s*,?\s+{T}{TAIL}\s+is\s+what\s+(?:i|we)\s+"
                   rf"(?:\w+\s+)?(?:open|use|reach\s+for|pay\s+for|go\s+to)\b"),
    ("now", "any", rf"\b(?:i|we|and)\s+now\s+(?:\w+\s+)?(?:use|share|pay\s+for|run|rely\s+on|"
                   rf"have)\s+(?:(?:one|a|an|the|our|my|a\s+single)\s+)?{DET}{TX}"),
    ("now", "any", rf"\b(?:i|we|and|of\s+us)\s+(?:\w+\s+){{0,2}}?(?:use|ask|pay|open|run|rely\s+on|"
                   rf"lean\s+on|"
                   rf"work\s+(?:in|with)|write\s+(?:in|with)|do\s+(?:\w+\s+){{0,2}}?(?:in|with))\s+"
                   rf"{DET}{T}{TAIL}\s+(?:[\w'’-]+\s+){{0,3}}?(?:now|these\s+days|nowadays|"
                   rf"exclusively|full[- ]time)\b"),
    ("now", "any", rf"\b(?:these\s+days|nowadays|now)\s*,?\s+(?:my|our)\s+(?:[\w'’-]+\s+){{0,5}}?"
                   rf"(?:is|are)\s+{DET}{T}"),
    ("now", "any", rf"{T}{TAIL}\s+(?:handles|does|writes|gets|runs|covers|drafts)\s+(?:all\s+)?"
                   rf"(?:of\s+)?(?:my|our)\s+(?:[\w'’-]+\s+){{0,3}}?(?:now|these\s+days)\b"),
    ("now", "any", rf"\b(?:my|our|the)\s+(?:[\w'’-]+\s+){{0,2}}?(?:plan|subscription|sub|seats?|"
                   rf"account|team|household|family|office|company|workflow|stack|group\s+chat|"
                   rf"class|lab|department|discord|server)\s+(?:is|are)\s+"
                   rf"(?:now\s+)?on\s+{DET}{T}"),
    ("now", "any", rf"\b(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+been\s+(?:with|on|using)\s+{DET}"
                   rf"{T}{TAIL}\s+(?:ever\s+)?since\s+{RECENTLY}"),
    ("now", "any", rf"\b(?:now|these\s+days|nowadays)\s*,?\s+(?:i'?m|i’m|i\s+am|we'?re|we’re|"
                   rf"we\s+are)\s+"
                   rf"(?:an?\s+)?{T}{TAIL}\s+(?:person|people|user|users|household|family|shop)\b"),
    ("now", "any", rf"\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:an?\s+)?{T}{TAIL}\s+"
                   rf"(?:person|people|user|users|subscriber|customer|household|family|shop)\s+"
                   rf"(?:now|these\s+days|"
                   rf"nowadays)\b"),
    ("now", "any", rf"\b(?:now|these\s+days|nowadays|as\s+of\s+(?:today|yesterday|monday|tuesday|"
                   rf"wednesday|thursday|friday|saturday|sunday|(?:this|last)\s+week))\s*,?\s+"
                   rf"(?:it'?s|it’s|it\s+is|that'?s|that’s)\s+(?:all\s+|"
                   rf"just\s+)?{T}"),
    ("now", "any", rf"{T}{TAIL}\s+it\s+is\b"),
    ("now", "any", rf"(?:^|(?<=[\n.!?]))\s*{T}{TAIL}\s+for\s+(?:a|an|one|two|three|four|\d+|"
                   rf"a\s+few|a\s+couple\s+of)\s+(?:days?|weeks?|months?)\s+now\b"),
    ("now", "any", rf"(?:^|(?<=[\n.!?;,]))\s*{T}{TAIL}\s+(?:ever\s+)?since\s+(?:{RECENTLY}|"
                   rf"(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"),
    ("now", "any", rf"{T}{TAIL}(?:\s+\w+){{0,3}}?\s+from\s+now\s+on\b"),
    ("implicit", "any", rf"{T}{TAIL}\s+(?:has\s+|have\s+)?(?:\w+\s+)?replaced\s+(?:it|them|that)"
                        rf"(?!\s+as\b)"),
    ("now", "any", rf"\b(?:i|we|and)\s+(?:just\s+|only\s+|mostly\s+)?(?:use|ask|pay\s+for)\s+{DET}"
                   rf"{T}{TAIL}\s+(?:now|instead|these\s+days)\b"),
    ("now", "any", rf"{TX}{TAIL}(?:\s+(?-i:[a-z][\w-]*)){{0,2}}?\s+(?:(?:quietly\s+|soon\s+|"
                   rf"just\s+)?became|has\s+been|is\s+now|"
                   rf"(?:is|'s|’s)(?=\s+(?:my|our)\s+\S+\s+(?:\S+\s+)?(?:now|since)\b))\s+"
                   rf"(?:my|our)\s+(?:new\s+|only\s+)?(?:daily(?:\s+driver)?|main|go-to|default|only)\b"),
    ("adopt", "any", rf"\b{ADOPT}\s+{DET}{T}"),
    ("adopt", "any", rf"\bset\s+{DET}{T}{TAIL}\s+up\b"),
    ("adopt", "any", rf"\b(?:\d+|a|one|two|three|four|five|six|a\s+few)\s+(?:days?|weeks?|"
                     rf"months?)\s+into\s+{DET}{T}"),
    ("adopt", "any", rf"{T}{TAIL}\s+in\s+(?:its|their)\s+place\b"),
    # the winner of a trial: "gave gemini and claude a month each ... claude won"
    ("adopt", "any", rf"(?:^|(?<=[\n.!?;,:]))\s*{T}{TAIL}\s+(?:won|wins|came\s+out\s+on\s+top|"
                     rf"is\s+the\s+winner)(?=\s*(?:[.!,;:\n]|$))"),
    ("adopt", "any", rf"\bput\s+(?:the\s+(?:family|kids|house|team)|everyone|everybody|them|her|"
                     rf"him|us|(?:my|our)\s+\w+)\s+on\s+{DET}{T}"),
    # where someone went, untracked: "went fully local with Qwen", "moved to Lumo"
    ("adopt", "any", rf"\b(?:went|gone|going|go)\s+(?:fully\s+|all\s+)?local\s+with\s+{DET}"
                     rf"(?P<to>{NAME})"),
    ("adopt", "any", rf"\b(?:mov|switch|migrat)\w*\s+{MOVED}(?:over\s+)?to\s+(?P<to>{NAME})"),
    ("adopt", "any", rf"\b(?:hello|hi),?\s+(?P<to>{OTHER_PRODUCT})"),
    ("adopt", "any", rf"\bnow\s+(?:just\s+)?(?:use|using|run|running|pay\s+for)\s+(?P<to>{NAME})"),
    ("adopt", "any", rf"\b(?:run(?:ning|s)?|us(?:e|es|ing)|pointed\s+at|through|via|"
                     rf"pay(?:ing)?\s+for|self-host\w*|host(?:ing)?|install(?:ed|ing)?|set\s+up|"
                     rf"with|to|for)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<to>{OTHER_PRODUCT})"),
    ("adopt", "any", rf"(?P<to>{OTHER_PRODUCT})\s+(?:\w+\s+)?(?:running|locally|on\s+my|"
                     rf"at\s+home)\b"),
    ("adopt", "any", rf"{T}{TAIL}\s+(?:is|has\s+been|'s|’s|was)\s+(?:now\s+|honestly\s+|"
                     rf"already\s+|just\s+|been\s+)*(?:{PRAISE}|(?:my|our)\s+(?:new\s+)?"
                     rf"(?:daily|main|go-to|default|favou?rite|replacement|home)|the\s+"
                     rf"default)"),
    ("adopt", "any", rf"\bset\s+{DET}{T}{TAIL}\s+as\s+(?:my|the|our)\s+default"),
    ("adopt", "any", rf"{TX}{TAIL}\s+(?:is\s+|has\s+been\s+|has\s+|had\s+)?"
                     rf"(?:does|handl|cover|gives\s+me|"
                     rf"doing|work|serv)\w*\s+(?:\S+\s+){{0,4}}?(?:everything|it\s+all|all|it|"
                     rf"fine|great|well|perfectly|nicely|better|(?:the|that|this)\s+job)\b"),
    ("adopt", "any", rf"{T}{TAIL}\s+(?:has\s+|have\s+)?(?:completely\s+|fully\s+)?"
                     rf"(?:replac\w+|taken\s+over|took\s+over)"),
    ("adopt", "any", rf"{TX}{TAIL}(?:\s+\w+){{0,3}}?\s+instead\b"),
    ("adopt", "any", rf"{T}{TAIL}\s+(?:app\s+|(?:says|said|reports?|reported|sees|saw)\s+"
                     rf"(?:[\w'’-]+\s+){{0,2}}?)?(?:{GROWS})"),
]
PATTERNS = [(kind, who, re.compile(p, re.IGNORECASE)) for kind, who, p in RULES]
# patterns that name no tracked brand ("cancelled it", "went local with Qwen", "moved
# everything over") are searched in the whole post; the others only near the brands
ANYWHERE = {i for i, (kind, _, p) in enumerate(RULES)
            if kind in ("implicit", "over", "here") or B not in p}
# each pattern's every match contains one of a few words ("from", "instead", ...), which
# most texts lack: looking for all the words at once is far cheaper than the searches
PREFILTER = Prefilter([pattern for _, _, pattern in PATTERNS])
ACTS = ("move", "leave", "return", "implicit", "away", "over", "crowd", "weigh")
PLANS = {"plus", "pro", "premium", "max", "advanced", "team"}
# no destination yet, so none is taken from the rest of the post
UNDECIDED = re.compile(r"\b(?:figuring\s+out|deciding|not\s+sure|haven'?t\s+decided|"
                       r"don'?t\s+know|no\s+idea|undecided)\s+(?:yet\s+)?(?:where|what|which)\b|"
                       r"\bnot\s+(?:switching|moving|going)\s+(?:to\s+)?any(?:where|thing)\b|"
                       r"\b(?:haven'?t|not)\s+replac(?:ed|ing)\s+(?:it|them)\b|"
                       r"\btaking\s+a\s+break\b|\bcan'?t\s+(?:make\s+up\s+my\s+mind|decide)\b|"
                       r"\bno\s+replacement\b|"
                       # nothing in its place: "I'm AI-free now", "using nothing", "maybe someday"
                       r"\b(?:using|paying\s+for|use)\s+nothing\b|\bai[- ]free\b|"
                       r"\bnot\s+paying\s+for\s+any(?:thing|\s+of\s+them)\b|"
                       r"\bgo(?:ing)?\s+without\b|\bmaybe\s+(?:nothing|someday|some\s+day|one\s+day|"
                       r"later)\b|"
                       r"\b(?:bouncing|torn|undecided)\s+between\b", re.IGNORECASE)
# ... unless a later statement settles it ("bouncing between free tiers. Eventually I paid for
# Claude and that's where I've settled")
SETTLES = re.compile(r"[.!?\n][^.!?\n]*?\b(?:(?:eventually|in\s+the\s+end)\b[^.!?\n]*\b(?:i|we)\b|"
                     r"(?:i|we)(?:'ve|’ve|\s+have|'d|’d)?\s+(?:finally\s+|just\s+)?(?:settled|"
                     r"landed|ended\s+up))[^.!?\n]*(?:[.!\n]|$)", re.IGNORECASE)  # not a question

WORDS = re.compile(r"[\w'’]+|" + B)
# a model picked inside another brand's product: "switched from Claude to GPT-5 inside Perplexity"
INSIDE = re.compile(rf"\s*(?:inside|within|in)\s+(?:the\s+)?{B}(?!\s*['’]s)", re.IGNORECASE)
# a line quoted from another post ("> Cancelled ChatGPT today"), and a reply taking it as its
# own ("Same here.", "me too")
QUOTED_LINE = re.compile(r"^[ \t]*(?:>|&gt;)(?!>)[^\n]*", re.MULTILINE)
AGREES = re.compile(r"\s*(?:same(?:\s+here|\s+for\s+me)?|me\s+too|did\s+the\s+same|\+1|ditto|"
                    r"likewise|yep,?\s+same|this)\b", re.IGNORECASE)
# a call for a boycott that nobody is said to have joined ("Unions call for a boycott of X")
CALL_FOR = re.compile(r"\b(?:call(?:s|ed|ing)?|push(?:es|ed|ing)?|urg(?:e|es|ed|ing)|"
                      r"campaign(?:s|ed|ing)?)\s+for\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$",
                      re.IGNORECASE)
# an act announced but not yet done
NOT_YET = re.compile(r"\b(?:haven'?t|have\s+not|didn'?t|did\s+not)\s+(?:actually\s+|quite\s+)?"
                     r"(?:hit\s+the\s+button|pulled\s+the\s+trigger|done\s+it|clicked\s+cancel)\b|"
                     r"\bdon'?t\s+plan\s+to\s+renew\b", re.IGNORECASE)
# people around the poster ("half my group chat", "everyone on my team"), not the poster
GROUP_SUBJECT = re.compile(r"\b(?:(?:half|most|all|some|several|many|\w+\s+of|(?:every|any)"
                           r"(?:one|body)\s+(?:on|in|at))\s+(?:of\s+)?(?:my|our)|(?:my|our)\s+"
                           r"(?:friends|group\s+chat|coworkers|colleagues|classmates|teammates))\b",
                           re.IGNORECASE)
# the poster weighing what others did: "half my friends left X and I'm on the fence"
ON_THE_FENCE = re.compile(r"\b(?:i'?m|i’m|i\s+am)\s+(?:still\s+|kind\s+of\s+|sort\s+of\s+|"
                          r"half\s+)?(?:on\s+the\s+fence|tempted|torn|thinking\s+about\s+it|"
                          r"considering\s+it|probably\s+next|next\b|half\s+thinking)",
                          re.IGNORECASE)
DID_IT = re.compile(r"(?:^|[.!…]\s*|\b(?:and|finally|just)\s+)(?:i\s+|we\s+)?"
                    r"(?:finally\s+|just\s+)?(?:did\s+it|pulled\s+the\s+trigger)\b"
                    r"(?!\s+(?:again|before|for))",
                    re.IGNORECASE)
SELF_FIRST = re.compile(r"(?:i|we)(?:'m|’m|'re|’re|m|\s+am|\s+are)?\s", re.IGNORECASE)
CLAUSE_START = re.compile(r".*(?:[.!?;:\n,()\[\]\"“”|—–]|\s-\s|\b(?:and|but|so|then|because|cause|"
                          r"cuz|as|while|after|since)\b)", re.IGNORECASE | re.DOTALL)
NEGATIONS = {"not", "never", "no", "nobody", "without", "dont", "didnt", "wont", "cant",
             "cannot", "isnt", "wasnt", "arent", "aint", "shouldnt", "wouldnt", "couldnt",
             "havent", "hasnt", "neither", "nor", "none", "refuse", "refusing"}
HEDGES = {"thinking", "think", "considering", "consider", "weighing", "weigh", "eyeing",
          "eye", "mulling", "mull", "should", "might", "may", "maybe",
          "planning", "plan", "tempted", "want", "wanna", "wondering", "debating", "would",
          "could", "if", "whether", "anyone", "anybody", "worth", "thoughts", "about", "need",
          "wanting",
          "needs", "looking", "unless", "probably", "perhaps", "eventually", "someday",
          "hoping", "hope", "leaning", "id", "wed", "youd", "torn", "tempting", "thought",
          "wondered", "tried", "trying", "attempted", "almost", "nearly", "evaluating",
          "exploring", "discussing", "assessing", "testing", "wants", "close", "likely",
          "guess", "dumb", "crazy", "stupid", "silly"}  # "is it dumb to leave X for Y?"
# words that make a clause a condition of the act after it ("before I cancel", "if we move")
CONDITIONS = {"if", "unless", "whether", "when", "once", "before", "until", "till"}
# a sentence that opens with a condition, then the act to come: "If Claude holds up on long
# drafts, I'll cancel Plus" (the condition's own clause is cut off at the comma)
IF_THEN = re.compile(r"\s*(?:if|unless|once)\b[^,;:]*,", re.IGNORECASE)
FUTURE = {"ill", "well", "youll", "will", "gonna", "id", "wed", "would", "going"}  # "well": we'll
# ... or the act to come, then its condition: "I'll cancel X if they raise prices", "I'll
# move to Y the day it stops ..." (not "when I get home", a time for an act decided)
THEN_IF = re.compile(r"[^.!?\n]{0,60}?\b(?:if|unless|the\s+(?:day|moment|minute|second))\b",
                     re.IGNORECASE)
# hedges that a verb joined by "and" shares ("might cancel X and switch to Y"); not the
# tries and thoughts that come before an act ("tried it and switched")
SHARED_HEDGES = HEDGES - {"tried", "trying", "attempted", "thought", "wondered", "about",
                          "thoughts", "looking", "almost", "nearly", "anyone", "anybody"}
PAST_FORMS = {"went", "left", "came", "got", "made", "gave", "took", "ran", "put", "quit",
              "bought", "chose", "brought", "fled", "ditched", "kept"}
JOINED = re.compile(r"\b(?:and|or)\s+(?:(?:then|just|maybe)\s+)?$", re.IGNORECASE)
ASKS_OTHERS = {"anyone", "anybody", "who"}  # + "else": "anyone else ...?" reports one's own
# advice to people who might switch reports nobody's move ("before you switch to ...")
ADVICE = re.compile(r"\b(?:before|if|when|whenever|once|in\s+case|whether|until|after)\s+"
                    r"(?:you|u|ya|y'?all)\b|"
                    r"\bhow\s+(?:to|do\s+(?:i|you)|can\s+(?:i|you)|should\s+(?:i|you))\b|"
                    r"\b(?:make|makes|for)\s+(?:you|u|ya)\b|"
                    r"\byou\s+(?:have\s+to|need\s+to|can|could|'ll\s+need\s+to)\b|"
                    r"\b(?:would|will|do|did|have|are|could|should)\s+(?:you|u|ya|y'?all|your)\b|"
                    # "PSA for anyone leaving ...", "before anyone jumps ..." (not "for anyone
                    # who left ...": readers who already moved)
                    r"\b(?:before|for)\s+(?:anyone|anybody|everyone|people|teams)\s+"
                    r"(?:(?:who|that)(?:'s|\s+is|\s+are)\s+)?(?:$|(?:thinking|about\s+to|leaving|"
                    r"planning|considering|migrating|moving|switching|wanting|looking|weighing|"
                    r"eyeing|mulling|"
                    r"jump\w*|cancell?ing|quitting)\b)",
                    re.IGNORECASE)
# a question put to readers: "Thinking of moving to Claude? Read this first" (not
# "Thinking of cancelling Copilot?" alone, nor "..., any advice?": the poster's own)
READERS_ASKED = re.compile(r"\s*(?:(?:thinking|planning|considering|looking)(?:\s+(?:about|of|on|"
                           r"to))?\s+)?", re.IGNORECASE)
ADVICE_AFTER = re.compile(r"[^.!?\n,]{0,25}\?\s*(?:read|check|here'?s|here\s+is|\d+|three|"
                          r"five|a\s+few|some|don'?t|make\s+sure|before|first|start|try|ask|"
                          r"budget|watch|beware|psa|tips?|things|what\s+to|how\s+to|export|your|"
                          r"heads\s+up|"
                          r"back\s+up|save|download|grab|remember)\b",
                          re.IGNORECASE)
# the next sentence urging the act advised on: "you can cancel X in two taps. Do it."
DO_IT = re.compile(r"[^.!?\n]{0,80}[.!]+\s*(?:(?:so|just|now|go)\s+)?do\s+it\b", re.IGNORECASE)
# a question after the statement that asks about something else ("..., what do you miss?")
OTHER_QUESTION = re.compile(r"(?:,|\s[-–—]|:)\s*(?:so\s+)?(?:what|where|how|which|who|why|when|"
                            r"any|anyone|anything|thoughts|tips|advice|is\s+it|did\s+i)\b|"
                            r"\b(?:anyone|anybody|who)\s+else\b|"
                            # no question at all: "X who?", "... and honestly?"
                            rf"{B}\s*who\s*\?|\b(?:honestly|tbh|ngl|seriously|lol)\s*\?",
                            re.IGNORECASE)
# people close to the poster: what they do is reported, not the poster's own act
# people named by where they live or what they do (not staff: "engineers" may be a company's)
PEOPLE = {"europeans", "canadians", "brits", "germans", "teachers", "parents", "nurses",
          "doctors", "lawyers", "designers", "artists", "creators", "journalists",
          "freelancers", "gamers", "teens", "creatives"}
# people leaving in numbers, named as a crowd ("QuitGPT defectors are returning to ...")
CROWD_NOUNS = {"defectors", "deserters", "switchers", "leavers", "quitters", "loyalists",
               "converts"}
RELATIVES = {"sister", "brother", "mum", "mother", "father", "son", "daughter", "kids",
             "partner", "boyfriend", "girlfriend", "roommate", "boss", "cousin", "aunt",
             "uncle", "grandma", "grandpa", "parents", "neighbour", "neighbor", "classmates",
             "teammates", "coworker", "colleague", "bestie"}
# "she" or "he" after the post names someone close ("my mom ... she cancelled it") is that
# person; with no one named it may be anyone, staff included ("he left OpenAI in 2024")
PRONOUNS = {"she", "he", "shes", "hes"}
CLOSE = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?(?:" + "|".join(
    RELATIVES | {"wife", "husband", "mom", "dad", "friend", "friends", "family"}) + r")\b",
    re.IGNORECASE)
BRAND_WORD = "<brand>"  # how a brand mention appears among a clause's words
ABOUT = "<about>"  # "about" before a number: roughly, not a hedge ("thinking about")
ROUGHLY = {"about", "nearly", "almost", "around"}  # ... and "nearly one in five", "almost half"
AMOUNTS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "a", "half", "all", "every", "twice", "double", "triple"}
MONTH = "<month>"  # "may" read as the month after "in", "since", ... (not a hedge)
WOULD = {"id": "i", "wed": "we", "youd": "you"}  # the contracted hedges of HEDGES
BETWEEN_HAD = {"all", "already", "just", "finally", "both", "long", "quietly", "also", "since"}
PLAN_NOUN = "<plan>"  # "the plan we were on": what is paid for (not a hedge)
BEFORE_PLAN = {"the", "a", "my", "our", "their", "your", "this", "that", "family", "team",
               "annual", "monthly", "yearly", "paid", "free", "same", "cheaper", "pro", "plus"}
BEFORE_MONTH = {"in", "of", "since", "until", "till", "by", "early", "late", "mid", "last",
                "next", "this", "from", "through"}
# subjects that report what other people do (the rest of SUBJECTS speak for the poster)
OTHERS = {"everyone", "everybody", "everyones", "people", "ppl", "users", "user", "folks",
          "millions", "thousands", "hundreds", "many", "lots", "customers", "subscribers",
          "fans", "devs", "developers", "coders", "writers", "students", "redditors",
          "refugees", "those", "others", "who", "whos", "family", "friends", "friend", "wife",
          "husband", "mom", "dad", "colleagues", "coworkers", "guys", "americans",
          "household", "you", "youre", "youve", "yall", "u", "ya", "yourself", "yourselves",
          "mates", "they", "theyve", "theyre", "consumers", *CROWD_NOUNS, *RELATIVES, *PEOPLE}
# who a statement's subject may be: the poster, people the poster speaks for, and OTHERS
SUBJECTS = {"i", "ive", "im", "ill", "we", "weve", "were", "me", "us", "my", "our", "ours",
            "myself", "ourselves", "gonna", "gotta", "going", "decided", "should", "will",
            "lets", "time", "please", "pls", "must", "need", "officially", "finally", *OTHERS}
# subjects whose acts are not a user's: governments, organisations, their staff, products
THIRD_PARTIES = {
    "government", "govt", "gov", "administration", "agency", "agencies", "pentagon", "dod",
    "union", "unions",
    "dow", "military", "army", "navy", "treasury", "department", "dept", "federal", "feds",
    "congress", "senate", "lawmakers", "officials", "official", "ministry", "minister",
    "court", "judge", "regulators", "regulator", "eu", "commission", "state", "states",
    "trump", "hegseth", "president", "white", "cia", "nsa", "fbi", "police", "school",
    "schools", "district", "university", "universities", "company", "companies",
    "corporation", "corp", "firm", "firms", "startup", "startups", "enterprise",
    "enterprises", "employer", "employers", "bank", "banks", "contractor", "contractors",
    "vendor", "vendors", "partner", "partners", "employees", "employee", "staff",
    "staffer", "staffers", "researcher", "researchers", "engineer", "engineers",
    "scientist", "scientists", "executive", "executives", "exec", "execs", "ceo", "cto",
    "cfo", "coo", "cofounder", "founder", "founders", "vp", "director", "head", "chief",
    "leadership", "board", "talent", "hire", "hires", "team", "lab", "labs", "apple",
    "microsoft", "google", "amazon", "aws", "samsung", "nvidia", "ibm", "oracle",
    "salesforce", "tesla", "spacex", "lockheed", "palantir", "anduril", "boeing", "twitter",
    "x", "hospital", "hospitals", "city", "council", "county", "town", "country", "countries",
    "nation", "nations", "parliament", "mps", "meps", "municipality",
    "canada", "uk", "china", "india", "germany", "france", "italy", "japan", "korea",
    "consultants", "workers", "model", "models", "default", "api", "backend",
    "traffic", "workloads", "contract", "contracts", "deal", "deals", "partnership"}
# public bodies: "my city is switching its chatbot" is not the poster speaking as a user
PUBLIC = {"government", "govt", "gov", "administration", "agency", "agencies", "city", "state",
          "country", "council", "county", "town", "municipality", "ministry", "police",
          "parliament"}
SPEAKERS = {"i", "ive", "im", "ill", "we", "weve", "were"}  # the poster as a subject
# words between a subject and its verb ("X will drop ...")
MODALS = {"will", "should", "must", "need", "gonna", "going", "decided", "officially", "finally"}
# "a tool aimed at people switching from ...": an audience, not a report
AUDIENCE = {"for", "to", "at", "targeting", "targets", "courting", "courts", "luring", "lure"}
# someone made to act is not acting as a user ("agencies told to stop using ...")
COMMANDS = {"told", "telling", "tells", "ordered", "orders", "ordering", "directed",
            "directs", "instructed", "forced", "required", "requires", "mandated", "banned",
            "bans", "urged", "urges", "asked", "asks", "pressured", "compelled", "pushing",
            "pushes", "pushed"}
# the verb of an act named as a subject ("Deleting the app doesn't cancel"), not of a
# relative clause ("Looking for a replacement for X that isn't American")
GERUND_SUBJECT = re.compile(r"(?![ \t]+(?:that|which|who)\b)(?:[ \t]+[\w'’]+){0,4}?"
                            # "Deleting X and reinstalling it won't ..." (not "Leaving X for
                            # good and heading to ...": an announcement)
                            r"(?:[ \t]+and[ \t]+\w+ing(?:[ \t]+[\w'’]+){0,4}?)?[ \t]+"
                            r"(?:is|isn'?t|does|doesn'?t|won'?t|will|can|can'?t|only|alone)\b",
                            re.IGNORECASE)
# an act taken back right after it is named ("thought about cancelling but didn't")
UNDONE = re.compile(r"[^.!?\n]{0,50}?(?:\b(?:but|then|and)\s+|[.!]\s+)(?P<subject>i\s+|we\s+)?"
                    # not "didn't think I'd ever ...", "didn't miss it", which confirm the act
                    r"(?:(?:didn'?t|did\s+not)(?!\s+(?:even\s+)?(?:think|expect|know|realis|realiz|"
                    r"imagine|feel|miss|regret|notice|hesitate|look\s+back|care|flinch|blink))|"
                    r"couldn'?t|could\s+not|changed\s+my\s+mind|chickened\s+out|"
                    r"decided\s+not(?!\s+to\s+(?:replace|get|buy|pay\s+for|sign\s+up|switch|look|go))|"
                    r"never\s+did|backed\s+out|"
                    # "haven't yet", not "haven't replaced it" (which confirms the act)
                    r"haven'?t(?=\s*(?:yet|actually|done|pulled|gone\s+through|followed|"
                    # "haven't hit cancel", not "haven't hit a wall there"
                    r"(?:hit|clicked|pressed)\s+(?:cancel|unsubscribe|delete|confirm|submit|it|"
                    r"that|the\s+(?:button|cancel|unsubscribe|delete|confirm))|"
                    r"committed|[.!,;]|$)))\b"
                    # not "... and I haven't missed it": that confirms the act
                    r"(?!\s+(?:once\s+|really\s+|even\s+)?(?:miss|regret|replac|look(?:ed)?\s+back|"
                    r"gone\s+back|been\s+back|went\s+back|go\s+back))", re.IGNORECASE)
# the act undone in the same post ("... and the subscription is still active"), not the rest
# of a paid period ("still active until the 30th")
STILL_ACTIVE = re.compile(r"\b(?:subscription|sub|plan|account|membership)\s+is\s+still\s+"
                          r"(?:active|on)\b(?!\s+(?:until|till|til|through|thru|for\s+the\s+rest|"
                          r"to\s+the\s+end)\b)", re.IGNORECASE)
# the brand just left kept in use, paid for as before: "Uninstalled the app. I'll keep using
# Perplexity in the browser" (not "... keep using it on the free tier": the plan is left)
KEEP_USING = re.compile(r"\b(?:keep(?:ing)?|still|continue\s+to)\s+(?:using|use|paying\s+for)\s+"
                        r"(?:\w+\s+)?$", re.IGNORECASE)
FREE_NEXT = re.compile(r"[^.!?\n]*\bfree\b", re.IGNORECASE)
# the poster saying they stay, against what others do
STAYING = re.compile(r"\b(?:i'?m|i\s+am|we'?re|we\s+are|i'?ll|i\s+will)\s+"
                     r"(?:still\s+|just\s*(?:\.+|…)?\s*)?"
                     r"(?:staying|not\s+(?:leaving|going\s+anywhere|cancell?ing|switching|quitting)|"
                     r"not(?=\s*[.!]|\s*$)|"
                     r"still\s+(?:subscribed|paying|here)|keeping\s+(?:it|them|plus|pro|my))\b|"
                     + STILL_ACTIVE.pattern, re.IGNORECASE)
# a quotation of someone else's words ("... being shared as 'power users are quitting'"),
# unless it names a movement ("'Cancel ChatGPT' movement goes mainstream")
QUOTE = re.compile(r"""(?:["“]([^"“”\n]{1,160})["”]|(?<!\w)['‘]([^'‘’\n]{1,160})['’](?!\w))"""
                   r"(?!\s*(?:movement|campaign|trend|pledge|wave|exodus))")
# a brand's name inside a campaign's ("QuitGPT"): joining it is leaving the brand
CAMPAIGN = re.compile(r"(?:quit|cancel|delete|boycott|ditch|leave|unsubscribe)", re.IGNORECASE)
JOINS = re.compile(r"(?:join|took\s+part|taking\s+part|all\s+in|sign)", re.IGNORECASE)
# an act said in mockery: "oh yeah, let me just cancel X", "Sure, I'll quit X. Right after I
# cancel electricity", "I'm SO leaving X 🙄" (not "cancelled it right after I read the news")
MOCK_OPENER = re.compile(r"\s*(?:oh\s+(?:yeah|sure|yes)|yeah,?\s+right|sure|ah\s+yes)[,.!]*\s+"
                         r"(?:let\s+me|(?:i|we)(?:'ll|’ll|\s+will)|(?:i'?m|i’m|i\s+am)\s+(?:so|"
                         r"totally|definitely|absolutely|gonna))\b",  # not "sure, I left X"
                         re.IGNORECASE)
MOCK_AFTER = re.compile(r"[^.!?\n]*(?:🙄|\s/s\b)|[^\n]{0,40}?\bright\s+after\s+(?:i|we|it|they)\s+"
                        r"(?:\w+\s+)?(?:cancel|quit|give\s+up|stop|delete|finish(?:es)?|throw|sell|"
                        r"leave|uninstall|move)\b", re.IGNORECASE)
# a supposed case, not a report ("Thought experiment: everyone quits ChatGPT tomorrow")
SUPPOSED = re.compile(r"\b(?:thought\s+experiment|what\s+if|suppos(?:e|ing)|hypothetical(?:ly)?|"
                      # a product's feature or a company's turn as the condition: "if Le Chat
                      # had voice, I'd drop ChatGPT" (not "if it keeps refusing, I'm out")
                      rf"if\s+(?:(?:[\w'’-]+|{B})\s+){{1,4}}?(?:ever\s+)?(?:had|shipped|added|offered|"
                      r"supported|launched|released|signs?|signed|backs?\s+out|pulled\s+out|could|"
                      r"gets?|got|"
                      r"reversed?|dropped)\b|"
                      r"in\s+theory|let'?s\s+say|imagine\s+(?:if|a\s+world|everyone|everybody|"
                      r"all|millions))\b", re.IGNORECASE)
# the model behind a company's own product: its choice as a vendor, not users moving
OWN_PRODUCT = re.compile(r"\b(?:models?|backend|llm|provider)\s+(?:behind|powering|inside|under)\s+"
                         r"(?:our|their|its|the)\b|\bunderlying\s+(?:models?|llm|provider)\b",
                         re.IGNORECASE)
# ... or named after the move: "replaced X with Y inside our product / in our support bot"
IN_OWN_PRODUCT = re.compile(r"\s*(?:inside|in|within|behind|powering)\s+(?:our|their|its)\s+"
                            r"(?:[\w-]+\s+){0,3}?(?:products?|apps?|bots?|chatbots?|widgets?|"
                            r"pipelines?|backends?|api|services?|platforms?|saas|features?|"
                            r"agents?)\b", re.IGNORECASE)
OWNERS = {"my", "our", "i", "we", "me", "us"}  # "my company", "our team" speak as users
FILLER = {"just", "so", "also", "today", "now", "already", "ok", "okay", "well", "yeah", "yep",
          "lol", "welp", "fine", "and", "then", "that's", "thats", "update", "edit", "psa",
          "rip", "got"}
# ... and any adverb in -ly ("quietly", "finaly"), but not these nouns and names
NOT_ADVERBS = {"family", "supply", "reply", "apply", "italy", "ally", "emily", "kelly", "holly",
               "molly", "sally", "lily", "billy", "daily", "weekly", "monthly", "yearly", "july",
               "bully", "belly", "jelly", "rely", "assembly"}
# an organisation's or a product's act in a headline: "Notion switches ...", "X replaces ..."
THIRD_PERSON_VERB = re.compile(r"(?:switch|mov|migrat|replac|drop|dump|ditch|leav|quit|"
                               r"cancel|delet|abandon|shift|port|transition|pick|adopt)\w*s\b",
                               re.IGNORECASE)
# staff, not users, near an "exodus" or "defectors"; a job near "quit" or "left"
STAFF = re.compile(r"\b(?:researchers?|engineers?|staff|employees?|execs?|executives?|"
                   r"scientists?|talent|leadership|founders?|cofounders?|hires?|team\s+"
                   r"members?|safety\s+team|departures?|resign\w*|poach\w*)\b", re.IGNORECASE)
JOB = re.compile(r"\b(?:work(?:ed|ing)?\s+(?:at|for)|my\s+(?:former\s+)?employer|"
                 r"(?:former\s+)?colleagues|resign\w*|hired|job\s+offer|offer\s+from|"
                 r"(?:years|months)\s+at|post-training|on\s+(?:the|an?)\s+\w+\s+team|"
                 r"rejoin\w*|(?:my|our)\s+(?:former\s+|old\s+)?team\s+at|"
                 r"(?:what\s+it'?s|what\s+it\s+is)\s+(?:actually\s+|really\s+)?like\s+"
                 r"(?:in\s+there|inside|to\s+work\s+there|working\s+there))\b",
                 re.IGNORECASE)
STAFF_VERBS = re.compile(r"(?:quit|left|leav|join|depart|went|go|mov|head)", re.IGNORECASE)
# a "used" statement told in the past ("I'd paid for X", "X was my default"), not "still"
PAST = re.compile(r"(?:was|were|had|(?:'d|’d)\s+been|(?:i|we)\s+(?:had|used|paid|was|were)|"
                  r"used|paid|years?|months?|long-?time|longtime|loyal|spent|"
                  r"\S+\s+(?:was|had\s+been|used\s+to))\b", re.IGNORECASE)
# where someone ended up, over what they tried on the way
SETTLED = re.compile(r"\b(?:ended\s+up|settled|landed|now|currently|all\s+in|"
                     r"(?:is|are|am|'m|’m|'re|’re)\s+(?:now\s+)?(?:on|using|with))\b",
                     re.IGNORECASE)
# a brand used before and still, not taken up: "I still use ChatGPT", "I'll keep using Gemini"
KEPT_ON = {"still", "keep", "continue"}
# a question that weighs a brand up rather than asking about it once there
WEIGHS_UP = re.compile(r"\b(?:any\s+good|good\s+enough|worth\s+(?:it|paying|switching|trying|"
                       r"a\s+try)|should\s+(?:i|we)\s+(?:try|go|switch|pick|get|move|use|choose)|"
                       r"(?<!just\sme\s)or|vs|versus|better|recommend\w*|which\s+(?:one|is|should)|"
                       r"switch\w*|try(?:ing)?|alternatives?)\b", re.IGNORECASE)
# a sentence that names a brand but does not choose it: "Gemini is no better", "it used to
# beat Gemini", "runs on OpenAI under the hood"
NOT_CHOSEN = re.compile(r"\b(?:worse|trash|garbage|also|too|either|not|no|none|never|sucks|"
                        r"bad|still|terrible|awful|neither|nor|equally|broken|down|left|cancel\w*|"
                        # "the same", not "does the same thing for free" (where they went)
                        r"same(?!\s+(?:thing\s+|job\s+)?for\s+(?:free|less|half))|"
                        r"quit|delet\w*|fle[de]\w*|ditch\w*|dump\w*|uninstall\w*|both|keeps|forgets|"
                        r"hate|awful|disappoint\w*|"
                        r"instead\s+of|than|vs|beat\w*|prefer\w*|used\s+to(?!\s+be\b)|against|"
                        r"thought\s+about|(?:runs?|built|based)\s+on|under\s+the\s+hood)\b",
                        re.IGNORECASE)


class Switch(NamedTuple):
    switch_from: str | None
    switch_to: str | None
    kind: str  # leave / move / return / consider
    phrase: str
    spans: tuple[tuple[int, int], ...]  # where the phrase's parts are in the text


class _Hit(NamedTuple):
    kind: str
    from_brand: str | None
    to_brand: str | None
    start: int
    end: int
    hedged: bool
    own: bool = True  # the poster's own act (or a call to act), not a report of others'
    past: bool = False  # a "used" statement in the past tense ("I'd paid for X"), not "still"


def detect_switch(text: str, mentions: list[Mention]) -> Switch | None:
    """The switching statement in ``text``, given its brand mentions, or None."""
    if not mentions:
        return None
    mentions = mentions[:MAX_MENTIONS]
    chars = list(BRAND_CHARS.sub(" ", text))  # the text's own private-use characters go
    for i, m in enumerate(mentions):
        chars[m.start] = chr(ord(PUA) + i)
        chars[m.start + 1:m.end] = " " * (m.end - m.start - 1)
    norm = "".join(chars)
    campaigns = {i for i, m in enumerate(mentions) if CAMPAIGN.match(text, m.start)}
    hits = _unquoted(text, _hits(norm, mentions, campaigns))
    return _decide(text, hits, mentions) if hits else None


def _matches(pattern: re.Pattern, norm: str, spans: list[tuple[int, int]],
             at: list[int] | None) -> Iterator[re.Match]:
    """``pattern.finditer`` in each span; with ``at``, the places where the pattern's
    leading strings start (``Prefilter.scan``), it is tried there only (the same matches,
    without trying every other place)."""
    if at is None:
        yield from (m for a, b in spans for m in pattern.finditer(norm, a, b))
        return
    for a, b in spans:
        free = a  # matches do not overlap: the next one starts after the last
        for start in at[bisect.bisect_left(at, a):bisect.bisect_left(at, b)]:
            if start >= free and (m := pattern.match(norm, start, b)):
                yield m
                free = m.end()


def _windows(mentions: list[Mention], length: int) -> list[tuple[int, int]]:
    """The stretches of text a pattern can match in: around the mentions, merged."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        a, b = max(0, m.start - REACH[0]), min(length, m.end + REACH[1])
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _unquoted(text: str, hits: list[_Hit]) -> list[_Hit]:
    """``hits`` without those on quoted lines ("> Cancelled ChatGPT today" above a reply),
    unless the reply takes the quoted act as its own ("Same.", "Me too")."""
    if not hits or ">" not in text and "&gt;" not in text:
        return hits
    quoted = [q.span() for q in QUOTED_LINE.finditer(text)]
    if not quoted:
        return hits
    reply = QUOTED_LINE.sub("", text)
    if AGREES.match(reply):
        return hits
    return [h for h in hits if not any(a <= h.start < b for a, b in quoted)]


def _hits(norm: str, mentions: list[Mention], campaigns: set[int]) -> list[_Hit]:
    taken: list[tuple[int, int]] = []
    hits = []
    windows = _windows(mentions, len(norm))  # long posts: search only near the brands
    whole = [(0, len(norm))]
    quotes = [q.span(1 if q.group(1) else 2) for q in QUOTE.finditer(norm)] \
        if _has_quote(norm) else []
    candidates, starts = PREFILTER.scan(norm)
    for i in candidates:
        rule, who, pattern = PATTERNS[i]
        # a brand left unsaid can be far from any brand ("Cancelled my sub. ... ChatGPT")
        spans = whole if i in ANYWHERE else windows
        at = starts.get(i) if starts is not None else None
        for m in _matches(pattern, norm, spans, at):
            kind = rule
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            words = _clause_words(norm, m.start())
            if PRONOUNS & set(words) and CLOSE.search(norm, 0, m.start()):
                words = ["friend" if w in PRONOUNS else w for w in words]
            before = _sentence_before(norm, m.start())
            if NEGATIONS & set(words[-4:]) or "nobody" in words or _advice(norm, m, before) or \
                    _sarcastic(norm, m, before) or \
                    SUPPOSED.search(before) or OWN_PRODUCT.search(before) or \
                    CALL_FOR.search(before):
                continue
            # a statement that names its own subject first ("I'm back on X") is the poster's,
            # whatever the clause held before it ("After a year on ChatGPT I'm back ...")
            actor = _crowd_actor(norm, m, words) if who == "crowd" else "own" \
                if SELF_FIRST.match(m.group()) else _actor(words, who, m.group())
            if (kind in ACTS or who == "speaker") and not actor or \
                    _gerund_subject(norm, m, words) or \
                    any(a <= m.start() and m.end() <= b for a, b in quotes):
                continue
            undone = UNDONE.match(norm, m.end())
            if undone and not (undone.group("subject") and actor == "others"):
                continue  # "... but I never did" (not "My wife switched. I didn't.")
            groups = m.groupdict()
            side = {k: _side(norm, m, groups, k, mentions) for k in ("f", "t")}
            if kind == "adopt" and groups.get("t") and ord(groups["t"]) - ord(PUA) in campaigns:
                if not JOINS.match(m.group()):
                    continue  # "love the QuitGPT posts" adopts nothing
                kind, side = "leave", {"f": side["t"], "t": None}
            if side["f"] and side["f"] == side["t"] or side["f"] == side["t"] == OTHER:
                taken.append((m.start(), m.end()))  # nor is any part of it ("switched from")
                continue  # "replaced GPT-4o with GPT-5": one brand, not a switch
            if kind == "leave" and m.group().lower().startswith("instead") and \
                    KEPT_INSTEAD.search(before):
                continue  # "cancelled Netflix instead of Claude": Claude is kept
            if kind in ACTS and not {"we", "our"} & set(words) and _staff(norm, m) or \
                    kind == "adopt" and KEPT_ON & set(words[-2:]):
                continue  # staff leaving (not "we moved our devs"); "I still use X" went nowhere
            if kind in ("move", "leave") and (INSIDE.match(norm, m.end()) or
                                              IN_OWN_PRODUCT.match(norm, m.end())):
                taken.append((m.start(), m.end()))  # nor is any part of it a statement
                continue
            if kind == "move" and (re.search(r"\bback\s", m.group(), re.IGNORECASE) or
                                   _comes_back(m, mentions, side["t"])):
                kind = "return"  # "from Claude Code back to Cursor", "X → Y → Z → Y"
            # "ChatGPT refugees, what should I know about Claude?", "any other Grok refugees
            # finding ...?": who they are is no question (but "X refugees in 2027 when ...?" is)
            asked = not (kind == "crowd" and LEFT_ALREADY.search(m.group()) and (
                ADDRESSED.search(norm, 0, m.start()) or
                re.match(r"\s*(?:[,:]|here\b)", norm[m.end():])))  # "X refugee here, ..."
            hedged = kind == "weigh" or _hedged(words, norm, m.end(), asked) or \
                _shared_hedge(norm, m, words) or \
                bool(FUTURE & set(words)) and bool(IF_THEN.match(before) or
                                                   THEN_IF.match(norm, m.end()))
            # the match stops at a mention's first character: extend to its last
            end = max([m.end()] + [x.end for x in mentions if m.start() <= x.start < m.end()])
            hits.append(_Hit(kind, side["f"], side["t"], m.start(), end, hedged,
                             actor == "own", kind == "used" and bool(PAST.match(m.group()))))
            taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def _comes_back(m: re.Match, mentions: list[Mention], to: str | None) -> bool:
    """Whether a chain ends on a brand it named before another ("X → Y → Z → Y")."""
    inside = [x for x in mentions if m.start() <= x.start < m.end()]
    at = [k for k, x in enumerate(inside) if x.brand == to]
    return len(at) > 1 and any(x.brand != to for x in inside[at[0]:at[-1]])


def _decide(text: str, hits: list[_Hit], mentions: list[Mention]) -> Switch | None:
    """Combine the statements of one post into from → to and a kind: the done over the
    hedged, a full from → to over one side, and each side completed from the rest."""
    hits = _renewals([_resolve(text, h, hits, mentions) for h in hits])
    hits = [_back_to(h, hits) for h in hits]
    acts = [h for h in hits if h.kind in ACTS] or _used_then_now(hits, mentions)
    if not acts or not any(h.own and not h.hedged for h in acts) and STAYING.search(text):
        return None  # "everyone's leaving ChatGPT, but I'm staying"
    pool = next(group for group in (
        [h for h in acts if h.own and not h.hedged], [h for h in acts if h.own],
        [h for h in acts if not h.hedged], acts) if group)
    returns = sorted((h for h in pool if h.kind == "return"), key=lambda h: not h.to_brand)
    main = next((h for h in pool if h.kind in ("move", "weigh") and h.from_brand and
                 h.to_brand), None) or next(iter(returns), None) or pool[0]
    main = _went_back(main, pool)
    main = _went_on(main, pool)
    if main.hedged and main.own and DID_IT.search(text, main.end):
        main = main._replace(hedged=False)
    if main.own and main.kind in ("leave", "implicit") and \
            STILL_ACTIVE.search(text, main.end):
        return None  # "Quitting X like I quit coffee ... the subscription is still active"
    if main.own and main.kind in ("leave", "implicit") and _kept(text, main, mentions):
        return None  # "Uninstalled the app, I'll keep using Perplexity in the browser"
    if main.own and NOT_YET.search(text, main.end):
        main = main._replace(hedged=True)  # "Leaving X ... I just haven't hit the button"
    weighs = ON_THE_FENCE.search(text) or NOT_YET.search(text)
    if weighs and (not main.own or GROUP_SUBJECT.search(_sentence_before(text, main.start))):
        main = main._replace(hedged=True)  # others left, the poster weighs it
    if main.kind == "over":
        main = _moved_from(hits, main)
    used = [main]
    if not main.to_brand and main.kind != "return" and not _undecided(text):
        chosen = [h for h in hits if h.to_brand and h.kind in ("move", "adopt", "now") and
                  h.to_brand != main.from_brand and h is not main and
                  (main.hedged or not h.hedged) and  # a weighed-up brand is not where they went
                  # nor one tried on the way ("Perplexity was great at sourcing but ...")
                  not (h.kind == "adopt" and re.match(r"[^.!?\n]*\bbut\b", text[h.end:]))]
        # where they ended up over what they tried on the way ("tried Gemini, hated it,
        # and ended up on Claude")
        chosen.sort(key=lambda h: (h.start < main.start, not SETTLED.search(
            text, h.start, h.end), abs(h.start - main.start)))
        used += chosen[:1] or _named_next(text, main, mentions) or \
            _arrived(text, main, hits, mentions)
    if not main.from_brand:
        to = next((h.to_brand for h in used if h.to_brand), None)
        used += _first(hits, main, lambda h: h.from_brand and h.from_brand != to and
                       h.kind in ("leave", "used", "move", "crowd", "away") and not h.to_brand)
        if not any(h.from_brand for h in used) and main.kind in ("move", "over") and to:
            used += _named_before(text, main, mentions, to)
    from_brand = next((h.from_brand for h in used if h.from_brand), None)
    to_brand = next((h.to_brand for h in used if h.to_brand), None)
    if to_brand and _split(text, next(h for h in used if h.to_brand), mentions):
        to_brand = None  # "Grok users decamp to ChatGPT and Gemini": no one destination
    if main.kind == "return" and not from_brand:  # where an earlier move went, or nearest
        went = [h.to_brand for h in hits if h.kind == "move" and h.end <= main.start and
                h.to_brand not in (None, OTHER, to_brand)]
        from_brand = went[-1] if went else next(
            (m.brand for m in _nearest(mentions, main) if m.brand != to_brand), None)
    if main.kind == "return" and not to_brand:  # "resubscribed to Plus": the one other brand
        others = {m.brand for m in mentions} - {from_brand}
        to_brand = others.pop() if len(others) == 1 else None
    if to_brand == from_brand:
        to_brand = None
    if from_brand in (None, OTHER) and to_brand in (None, OTHER):
        return None  # nothing tracked on either side ("moving to something else")
    if main.kind == "return":
        kind = "return"
    elif to_brand:
        kind = "move"
    else:
        kind = "leave"
    if main.hedged:
        kind = "consider"
    used.sort(key=lambda h: h.start)
    phrase = " … ".join(text[h.start:h.end].strip() for h in used)
    return Switch(from_brand, to_brand, kind, phrase, tuple((h.start, h.end) for h in used))


def _renewals(hits: list[_Hit]) -> list[_Hit]:
    """A renewal is a return where the post left the brand before ("cancelled Perplexity Pro
    in January ... Renewed Perplexity last night"), and nothing otherwise (a plan kept)."""
    return [h._replace(kind="return") if h.kind == "renew" else h for h in hits
            if h.kind != "renew" or any(o.from_brand == h.to_brand and o.start < h.start and
                                        o.kind in ("leave", "move", "implicit") for o in hits)]


def _back_to(hit: _Hit, hits: list[_Hit]) -> _Hit:
    """A return that names no brand ("Quit X in March. Resubscribed today.") is to the
    brand left before it."""
    if hit.kind != "return" or hit.to_brand:
        return hit
    left = [h.from_brand for h in hits if h.start < hit.start and h.from_brand and
            h.kind in ("leave", "move")]
    return hit._replace(to_brand=left[-1]) if left else hit


def _went_back(main: _Hit, pool: list[_Hit]) -> _Hit:
    """"Moved the bot from Claude to DeepSeek ... then moved it back to Claude": a later
    return to the brand a move left undoes it, and is a return from where they had gone."""
    if main.kind != "move" or not main.from_brand:
        return main
    back = next((h for h in pool if h.kind == "return" and h.start > main.start and
                 h.to_brand == main.from_brand), None)
    return back._replace(from_brand=main.to_brand) if back else main


def _went_on(main: _Hit, pool: list[_Hit]) -> _Hit:
    """"ChatGPT → Gemini in January, and this week Gemini → Claude": a later move from where
    a move went is where they are now."""
    while main.kind == "move" and main.to_brand:
        on = next((h for h in pool if h.kind == "move" and h.start > main.start and
                   h.from_brand == main.to_brand and h.to_brand not in (None, main.to_brand)),
                  None)
        if not on:
            break
        main = on
    return main


def _kept(text: str, main: _Hit, mentions: list[Mention]) -> bool:
    """Whether the brand a post leaves is said, after it, to be kept in use as before."""
    return any(m.brand == main.from_brand and m.start >= main.end and
               KEEP_USING.search(text, max(0, m.start - 40), m.start) and
               not FREE_NEXT.match(text, m.end) for m in mentions)


def _undecided(text: str) -> bool:
    """Whether the post says no destination was chosen yet, and nothing later settles it."""
    found = UNDECIDED.search(text)
    return bool(found) and not SETTLES.search(text, found.end())


def _split(text: str, hit: _Hit, mentions: list[Mention]) -> bool:
    """Whether the destination a statement names is one of two ("to ChatGPT and Gemini")."""
    return any(hit.end <= m.start and m.brand != hit.to_brand and
               re.fullmatch(r",?\s*(?:and|or|&)\s*", text[hit.end:m.start])
               for m in mentions)


def _first(hits: list[_Hit], main: _Hit, ok) -> list[_Hit]:
    found = next((h for h in hits if h is not main and ok(h)), None)
    return [found] if found else []


def _nearest(mentions: list[Mention], hit: _Hit) -> list[Mention]:
    """The mentions outside ``hit``, nearest first."""
    outside = [m for m in mentions if not hit.start <= m.start < hit.end]
    return sorted(outside, key=lambda m: min(abs(m.start - hit.end), abs(m.end - hit.start)))


def _named_next(text: str, main: _Hit, mentions: list[Mention]) -> list[_Hit]:
    """Where they went when the post does not say it with a verb: people who moved away
    from a brand or left it in numbers ("OpenAI refugees") went to the other brand the
    post is about; anyone who left went to a brand that opens a later sentence and is not
    run down ("Cancelled Plus. Claude does everything I need"), when it is the only other
    brand named after the act."""
    others = [m for m in _nearest(mentions, main) if m.brand != main.from_brand]
    if main.kind in ("away", "over", "crowd"):
        for m in others:
            if not _weighs_up(text, m, strict=main.kind == "over"):
                return [_Hit("adopt", None, m.brand, m.start, m.end, False)]
    later = [m for m in mentions if m.start >= main.end and m.brand != main.from_brand]
    if len({m.brand for m in later}) != 1:
        return _topic(text, main, mentions) if not later and main.own and \
            main.from_brand != OTHER else []
    m = later[0]
    start = max(text.rfind(c, main.end, m.start) for c in ".!?\n") + 1
    sentence = text[max(start, main.end):m.start] + re.match(r"[^.!?\n]*[.!?\n]?",
                                                             text[m.start:]).group()
    if _run_down(text, m, main.end) or sentence.rstrip().endswith("?"):
        return []
    return [_Hit("adopt", None, m.brand, m.start, m.end, False)]


def _weighs_up(text: str, m: Mention, strict: bool) -> bool:
    """Whether the sentence naming ``m`` is a question weighing the brand up ("..., is Gemini
    any good?"), not one asked from there ("ChatGPT refugee here, what should I know about
    Claude?", "which Gemini features are worth using?"); ``strict``: any question."""
    sentence = _sentence(text, m)
    return sentence.rstrip().endswith("?") and (strict or bool(WEIGHS_UP.search(sentence)))


def _moved_from(hits: list[_Hit], main: _Hit) -> _Hit:
    """Where a move told with no brand ("... and moved everything over") came from: a brand
    said to be used or left before it (else, once its destination is known, the one other
    brand named)."""
    before = [h.from_brand for h in hits if h.start < main.start and h.from_brand and
              h.kind in ("used", "leave", "implicit") and not h.to_brand]
    return main._replace(from_brand=before[-1]) if before else main


def _arrived(text: str, main: _Hit, hits: list[_Hit], mentions: list[Mention]) -> list[_Hit]:
    """Where someone went when a move is certain but its destination is only named
    elsewhere in the post ("moved our stuff over from ChatGPT ... two Claude accounts?",
    "cancelled Plus and signed up here"): the other brand the post names most, when it
    is named more than any other and not only in sentences that weigh it up or run it
    down."""
    moved = main.kind in ("away", "over", "crowd") or any(
        h.kind == "here" and h.own and not h.hedged for h in hits)
    if not moved or main.hedged:
        return []
    counts = Counter(m.brand for m in mentions if m.brand != main.from_brand)
    top = counts.most_common(2)
    if not top or len(top) == 2 and top[0][1] == top[1][1]:
        return []
    for m in (m for m in mentions if m.brand == top[0][0]):
        sentence = _sentence(text, m)
        if not NOT_CHOSEN.search(sentence) and not _weighs_up(text, m, strict=False):
            return [_Hit("adopt", None, m.brand, m.start, m.end, False)]
    return []


def _named_before(text: str, main: _Hit, mentions: list[Mention], to: str) -> list[_Hit]:
    """Where someone moved from when the post does not say it with a verb: the one other
    brand named before the move, else the one other brand the post names ("... I use ChatGPT
    for everything. Moving to Claude"), else an untracked product named before it ("Cursor
    users defect to Claude Code")."""
    for others in ([m for m in mentions if m.brand != to and m.end <= main.start],
                   [m for m in mentions if m.brand != to]):
        if len({m.brand for m in others}) == 1:
            return [_Hit("used", others[0].brand, None, others[0].start, others[0].end, False)]
    if any(m.brand != to for m in mentions):
        return []
    untracked = KNOWN_OTHER.search(text, 0, main.start)
    return [_Hit("used", OTHER, None, *untracked.span(), False)] if untracked else []


def _used_then_now(hits: list[_Hit], mentions: list[Mention]) -> list[_Hit]:
    """"I had the ChatGPT app ... now I just ask Meta AI": a brand used before (said so,
    named where the money came from, or the one other brand named before) and another
    used now make a move, though no verb says it."""
    now = next((h for h in hits if h.kind == "now" and not h.hedged), None)
    if not now:
        return []
    was = now.from_brand or next((h.from_brand for h in hits if h.kind == "used" and
                                  h.from_brand != now.to_brand and h.start < now.start), None)
    before = {m.brand for m in mentions if m.end <= now.start and m.brand != now.to_brand}
    was = was or (before.pop() if len(before) == 1 else None) or next(
        (h.from_brand for h in hits if h.kind == "used" and h.past and
         h.from_brand != now.to_brand), None)  # "Y is my daily driver now. I'd paid for X"
    return [now._replace(kind="move", from_brand=was)] if was else []


def _topic(text: str, main: _Hit, mentions: list[Mention]) -> list[_Hit]:
    """The one other brand a post is about, named before the act but not only in questions
    or run down ("Claude for a bilingual household? ... I've been testing Claude ... Our
    ChatGPT Plus lapsed"): where someone who left went, when nothing after says it."""
    others = [m for m in mentions if m.brand != main.from_brand and m.end <= main.start]
    if len({m.brand for m in others}) != 1:
        return []
    for m in others:
        if not _run_down(text, m, until=main.start) and not _weighs_up(text, m, strict=True):
            return [_Hit("adopt", None, m.brand, m.start, m.end, False)]
    return []


def _run_down(text: str, m: Mention, after: int = 0, until: int | None = None) -> bool:
    """Whether the clause that names ``m`` (from ``after`` on, up to ``until``) runs the brand
    down or sets it aside ("Gemini is no better", "I cancelled Claude too"); only its own
    clause counts ("i was doing everything in chatgpt anyway, no point paying twice" is where
    they went; "Le Chat got good enough that I cancelled X": the act is not about Le Chat)."""
    start = max([after] + [text.rfind(c, 0, m.start) + 1 for c in ".!?\n,;:—–()"])
    end = re.compile(r"[.!?\n,;:—–()]|$").search(text, m.end).start()
    end = min(end, until) if until is not None and until >= m.end else end
    return bool(NOT_CHOSEN.search(text, start, end))


def _sentence(text: str, m: Mention) -> str:
    """The sentence of ``text`` that mention ``m`` is in."""
    start = max(text.rfind(c, 0, m.start) for c in ".!?\n") + 1
    return text[start:m.start] + re.match(r"[^.!?\n]*[.!?\n]?", text[m.start:]).group()


def _resolve(text: str, hit: _Hit, hits: list[_Hit], mentions: list[Mention]) -> _Hit:
    """A leaving act whose brand is left unsaid ("cancelled my subscription") is about the
    brand whose plan it names ("dropped Plus": the brand named as "ChatGPT Plus"), else the
    brand named last before it, or, with none before, the first named after it unless
    that one is taken up ("Uninstalled. Claude does all of this": Claude is where they
    went, not what they left)."""
    if hit.kind != "implicit":
        return hit
    plan = text[hit.start:hit.end].split()[-1].lower()
    named = next((m.brand for m in mentions if plan in PLANS and not hit.to_brand and
                  text[m.start:m.end].lower().endswith(" " + plan)), None)
    if named:
        return hit._replace(kind="leave", from_brand=named)
    mentions = [m for m in mentions if m.brand != hit.to_brand]
    before = [m for m in mentions if m.end <= hit.start]
    adopted = {h.to_brand for h in hits if h.kind == "adopt" and 0 <= h.start - hit.end < 150}
    used = [h.from_brand for h in hits if h.kind == "used" and h.end <= hit.start and
            h.from_brand != hit.to_brand]
    brand = used[-1] if used else before[-1].brand if before else next(
        (m.brand for m in mentions if m.start >= hit.end and m.brand not in adopted), None)
    return hit._replace(kind="leave", from_brand=brand)


def _clause_words(norm: str, start: int) -> list[str]:
    """Lower-case words between the clause start and ``start`` (apostrophes dropped)."""
    before = norm[max(0, start - 120):start]
    m = CLAUSE_START.match(before)
    clause = before[m.end():] if m else before
    words = [BRAND_WORD if PUA <= w <= PUA_LAST else w.replace("'", "").replace("’", "")
             for w in WORDS.findall(clause.lower())]
    k = next((k for k in range(len(words) - 1, max(-1, len(words) - 4), -1)
              if words[k] in WOULD and set(words[k + 1:]) <= BETWEEN_HAD), None)
    if k is not None and _past(norm, start):  # "I'd dropped X", "we'd already left": had
        words[k:k + 1] = [WOULD[words[k]], "had"]
    # the month, not the hedge: "let it expire in May and ..."; a number, not a topic:
    # "about 12% of former subscribers ...", "nearly one in five"; the plan paid for, not the
    # one made
    return [MONTH if w == "may" and k and words[k - 1] in BEFORE_MONTH else
            ABOUT if w in ROUGHLY and words[k + 1:k + 2] and (
                words[k + 1][0].isdigit() or words[k + 1] in AMOUNTS) else
            PLAN_NOUN if w == "plan" and k and words[k - 1] in BEFORE_PLAN else w
            for k, w in enumerate(words)]


def _past(norm: str, start: int) -> bool:
    """Whether the word at ``start`` is a verb's past form ("dropped", "left")."""
    word = re.match(r"[\w'’]*", norm[start:]).group().lower()
    return word.endswith("ed") or word in PAST_FORMS


def _actor(words: list[str], who: str, statement: str) -> str | None:
    """Who makes the statement: "own" (the poster, people the poster speaks for, or a call
    to act), "others" (people or users in general), or None when it is not a user.

    Read backwards from the verb, the first word that names someone decides: a brand
    ("GPT-5 replaced GPT-4o", "OpenAI drops ...") or a third party ("agencies told to stop
    using ...", "researcher quits ...") is not a user, unless owned by the speaker ("my
    company dumped ..."); a person or crowd is. With nobody named, a clause start
    (imperative, headline) counts for ``who == "speaker"`` statements, any start for the
    others, unless the verb is a headline's third person ("Notion switches ...")."""
    if COMMANDS & set(words) and not _speaks_after_command(words):
        return None
    for k in range(len(words) - 1, max(-1, len(words) - 8), -1):
        w = words[k]
        if w == BRAND_WORD and words[k + 1:k + 2] != ["s"]:  # not "Anthropic's surge is ..."
            return None
        if w in THIRD_PARTIES:
            return "own" if OWNERS & set(words[max(0, k - 4):k]) and w not in PUBLIC else None
        if w in SUBJECTS or w in HEDGES:
            if w in MODALS and k and words[k - 1] not in SUBJECTS | HEDGES and \
                    not _filler(words[k - 1]):
                # "the Parliament will phase out ...", "all DoD components must stop ...":
                # whose act it is comes before
                continue
            if w in OTHERS and k and words[k - 1] in AUDIENCE:
                return None  # an audience ("a tool for people coming from ..."), not a report
            # "everyone I know went to ...", "everyone on my feed is ...": the poster only in
            # a clause about the others
            return "others" if w in OTHERS or k and words[k - 1] in OTHERS or \
                w in ("my", "our") and k > 1 and words[k - 1] in ("on", "in", "at", "of") and \
                words[k - 2] in OTHERS | {"half", "most", "all", "some"} else "own"
    if THIRD_PERSON_VERB.match(statement) or any(map(THIRD_PERSON_VERB.fullmatch, words)):
        return None
    return "own" if who == "any" or all(map(_filler, words)) else None


def _filler(word: str) -> bool:
    """A word that names nobody before a verb: "just", "finally", "quietly"."""
    return word in FILLER or word.endswith("ly") and len(word) > 3 and word not in NOT_ADVERBS


def _speaks_after_command(words: list[str]) -> bool:
    """"Told my lead I'm done with ...": the poster speaks after the command word (not
    "asked whether we could ...", "told us to ...")."""
    after = words[max(k for k, w in enumerate(words) if w in COMMANDS) + 1:]
    # "told me she deleted it": a report to the poster of someone's act
    told_me = after[:1] in (["me"], ["us"]) and len(after) > 1 and after[1] in SUBJECTS
    return bool(SPEAKERS & set(after) or told_me) and not {"whether", "if", "to"} & set(after)


def _has_quote(text: str) -> bool:
    return '"' in text or "“" in text or "'" in text and (" '" in text or "\n'" in text)


def _crowd_actor(norm: str, m: re.Match, words: list[str]) -> str:
    """People leaving in numbers are others, unless the poster is one of them ("ChatGPT
    refugee here", "as a former Gemini user", a post that opens "Ex-ChatGPT guy, ...")."""
    mine = re.match(r"\s+here\b", norm[m.end():]) or words[-2:] in (["im", "a"], ["as", "a"],
                                                                    ["im", "an"], ["as", "an"])
    one = not norm[:m.start()].strip() and re.search(rf"\b{ONE}$", m.group(), re.IGNORECASE)
    return "own" if mine or one else "others"


def _gerund_subject(norm: str, m: re.Match, words: list[str]) -> bool:
    """"Deleting the app doesn't cancel ...": an act named as a subject, not done."""
    first = m.group().split(maxsplit=1)[0].lower()
    return not words and first.endswith("ing") and \
        bool(GERUND_SUBJECT.match(norm, m.end()))


def _staff(norm: str, m: re.Match) -> bool:
    """An exodus of staff, or someone quitting a job at the brand's company."""
    around = norm[max(0, m.start() - 200):m.end() + 200]
    lowered = m.group().lower()
    if ("exodus" in lowered or "defector" in lowered) and STAFF.search(around):
        return True
    return bool(STAFF_VERBS.match(lowered)) and bool(JOB.search(around) or STAFF.search(around))


def _advice(norm: str, m: re.Match, before: str) -> bool:
    """"Before you switch to ...", "how to move from ... to ...", "would you switch ...",
    and a question to readers with no subject ("Thinking of moving to Claude? Read this"):
    nobody's own move; ``before``: the sentence up to the match (``_sentence_before``). Not
    when the next sentence urges the act ("you can cancel X in two taps. Do it.")."""
    return (bool(ADVICE.search(before)) or bool(READERS_ASKED.fullmatch(before)) and
            (m.group().split(maxsplit=1)[0].lower().endswith("ing") or before.strip() != "") and
            bool(ADVICE_AFTER.match(norm, m.end()))) and not DO_IT.match(norm, m.end())


def _sarcastic(norm: str, m: re.Match, before: str) -> bool:
    """Whether the act is said in mockery: its sentence opens "oh yeah", "sure", or what
    follows it rolls the eyes or puts it after something absurd."""
    return bool(MOCK_OPENER.match(before) or MOCK_AFTER.match(norm, m.end()))


def _sentence_before(norm: str, start: int) -> str:
    """The start of the sentence up to ``start`` (at most 120 characters of it)."""
    sentence = norm[max(0, start - 120):start]
    return sentence[max(sentence.rfind(c) for c in ".!?\n") + 1:]


def _side(norm: str, m: re.Match, groups: dict, k: str, mentions: list[Mention]) -> str | None:
    """The brand in a match's group ``k`` ("f" or "t"), or OTHER for the untracked product
    in group ``k + "o"``, unless that name is a feature of the brand named just before it
    ("Gemini Deep Research"); ``groups``: the match's ``groupdict()``."""
    if groups.get(k):
        return mentions[ord(groups[k]) - ord(PUA)].brand
    if not groups.get(k + "o"):
        return None
    before = norm[:m.start(k + "o")].rstrip()
    return mentions[ord(before[-1]) - ord(PUA)].brand if before and \
        PUA <= before[-1] <= PUA_LAST else OTHER


def _hedged(words: list[str], norm: str, end: int, asked: bool = True) -> bool:
    """Weighed up or (where ``asked`` counts) asked, unless asked as "anyone else ...?" (the
    poster's own move) or "why is everyone ...?" (asking about an act, not whether to do
    it)."""
    if words[:1] == ["why"] and words[1:2] in (["is"], ["are"], ["have"], ["has"], ["did"]):
        return bool(HEDGES & set(words))
    if any(w in ASKS_OTHERS and nxt in ("else", "elses") for w, nxt in zip(words, words[1:])) \
            and not (HEDGES - ASKS_OTHERS) & set(words):
        return False
    if words[-1:] in (["i"], ["we"]) and len(words) > 1 and words[-2] not in HEDGES and \
            not CONDITIONS & set(words):
        words = []  # "after reading about where it's stored I moved": another clause's words
    return bool(HEDGES & set(words)) or asked and _in_question(norm, end)


def _shared_hedge(norm: str, m: re.Match, words: list[str]) -> bool:
    """"Might cancel ChatGPT and switch to Claude": a verb joined by "and" to a hedged one
    shares its hedge; not "... and switched to", a past act, nor "tried it and ..."."""
    first = m.group().split(maxsplit=1)[0].lower()
    if not all(map(_filler, words)) or first.endswith("ed") or first in PAST_FORMS:
        return False
    before = norm[max(0, m.start() - 120):m.start()]
    join = JOINED.search(before)
    return bool(join) and bool(SHARED_HEDGES & set(_clause_words(norm, m.start() - len(
        before) + join.start())))


def _in_question(norm: str, end: int) -> bool:
    """Whether the statement's sentence is a question about it (not "..., what do you
    miss?" or "anyone else?" after it)."""
    rest = re.match(r"[^.!?\n]*([.!?\n]|$)", norm[end:])
    return bool(rest) and rest.group(1) == "?" and not OTHER_QUESTION.search(rest.group())
