"""The coach: reviews a question or a whole plan and returns advice. It never blocks saving.

The rules are data. To teach the coach something new, add a phrase or a pattern to the lists
just below (each with a test in tests/questions/test_coach.py, and a row or two in the labelled
corpus under tests/questions/data/): no other code changes. Patterns are matched against the
question lowercased, with punctuation dropped, curly apostrophes made straight and "&" read as
"and"; the name of the organisation the conversation is with (when the caller knows it) is read
as "the organisation", so "What does Bramblecode do?" meets the same rule as "What does your
company do?".

Measured on the corpus (tests/questions/test_coach_corpus.py prints recall and precision per
kind, on the rows the rules were tuned on and on a held-out set written before them; the
figures on fresh questions are in tests/questions/corpus.py). Job asks come in the most
wordings: when the coach misses one, add the question to the corpus with the pattern.
"""

import re
from dataclasses import dataclass

# Openers of questions that invite a yes or no: an auxiliary verb first. Matched at the start,
# after "and", "so" etc.
CLOSED_OPENERS = [
    "do",
    "does",
    "did",
    "is",
    "are",
    "am",
    "was",
    "were",
    "can",
    "could",
    "would",
    "will",
    "have",
    "has",
    "had",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "can't",
    "couldn't",
    "wouldn't",
    "won't",
    "haven't",
    "hasn't",
    "shouldn't",
]
# Openers that look closed but ask for a description or are a polite request ("Could you…",
# "Would you mind…", "I'm curious…"): these win over CLOSED_OPENERS.
OPEN_OPENERS = [
    "what",
    "what's",
    "how",
    "how's",
    "why",
    "which",
    "where",
    "who",
    "whom",
    "when",
    "tell me",
    "could you",
    "would you describe",
    "would you tell me",
    "would you walk me",
    "would you talk me",
    "would you explain",
    "would you share",
    "would you mind telling",
    "would you mind sharing",
    "would you mind explaining",
    "would you mind describing",
    "would you mind talking",
    "would you mind walking",
    "would you mind giving",
    "would you mind saying",
    "would you mind expanding",
    "would you be able to",
    "would you be willing to",
    "would you be happy to",
    "would you be prepared to",
    "would you be open to",
    "can you tell me",
    "can you walk me",
    "can you talk me",
    "can you talk about",
    "can you describe",
    "can you explain",
    "can you share",
    "can you say more",
    "can you expand",
    "can you help me understand",
    "can you give me a sense",
    "can you give me an idea",
    "can you give me an example",
    "can you give me an overview",
    "can i ask what",
    "can i ask how",
    "can i ask why",
    "can i ask which",
    "can i ask where",
    "can i ask who",
    "can i ask when",
    "may i ask what",
    "may i ask how",
    "may i ask why",
    "may i ask which",
    "may i ask who",
    "may i ask whom",
    "in what",
    "describe",
    "talk me through",
    "walk me through",
    "if you",
    "looking back",
    "i'm curious",
    "i am curious",
    "i'm interested",
    "i am interested",
    "i'd love",
    "i would love",
    "i'd be interested",
    "i would be interested",
    "i wonder",
    "i was wondering",
]
# Words that stand for the organisation itself (its name is read as "the organisation").
_ORG = (
    r"(?:(?:your|the|this|their) (?:company|organisation|organization|firm|business|agency"
    r"|charity|trust|museum|studios?|practice|group|employer)|you as a (?:company|business))"
)
# Facts the organisation's website or a quick search already answers: its name, what it does,
# where it is, who runs it, its size, its founding.
WEBSITE_PATTERNS = [
    rf"\bwhat (?:exactly |actually )?(?:does|do) {_ORG} (?:actually |really |exactly )?do(?: exactly| as a business)?$",
    rf"\bwhat(?:'s| is) {_ORG}$",
    rf"\bwhat (?:kind|sort|type) of (?:company|organisation|business|firm|charity|place) is {_ORG}\b",
    rf"\bwhat (?:industry|sector|field|market) (?:is|does) {_ORG}\b",
    rf"\bwhere(?:'s| is| are) {_ORG}(?:'s)? ?(?:based|located|headquartered|head office|headquarters|main office)?$",
    rf"\bwhere(?:'s| is| are) (?:{_ORG}'s|your|the) (?:head office|headquarters|main offices?|offices)\b",
    r"\bheadquarter",
    rf"\bwho (?:runs|leads|founded|owns|started|set up|heads|manages|created) {_ORG}\b",
    rf"\bwho(?:'s| is) (?:the )?(?:ceo|chief executive|founder|managing director|chair|chairman|chairwoman|director|head)(?: of {_ORG})?$",
    rf"\bwhen (?:was|did) {_ORG} (?:first )?(?:founded|established|started|set up|created|opened|open|start|begin|launched)\b",
    rf"\bwhat year (?:was|did) {_ORG}\b",
    rf"\bhow old is {_ORG}\b",
    rf"\bhow long has {_ORG} (?:been around|existed|been going|been in business|been trading|been operating)\b",
    r"\b(?:founded|established) in\b",
    r"\bhow many (?:employees|staff|offices|countries|locations|branches|sites|shops|stores)\b",
    rf"\bhow many people (?:work|are) (?:at|for|in) {_ORG}\b",
    rf"\bhow many \w+ (?:does|do) {_ORG} (?:have|employ|operate)\b",
    rf"\bhow (?:big|large) is {_ORG}$",
    rf"\bwhat (?:products|services) (?:does|do) {_ORG}\b",
    rf"\bwhat (?:\w+ )?(?:does|do) {_ORG} (?:sell|make|offer|provide|produce)$",
    r"\b(?:main|core) (?:product|products|service|services|business)\b",
    r"\b(?:list|range) of (?:products|services)\b",
    r"\b(?:annual )?(?:revenue|turnover|share price)\b",
    rf"\bwhat(?:'s| is) {_ORG}'?s? (?:mission|mission statement)\b",
]
# Asking for a job, an internship, a place on a scheme or intake, a visa, a referral, or to
# pass on a CV, in the many ways students phrase it: the etiquette forbids it.
_US = r"(?:you|your \w+|the organisation|they)"
JOB_ASK_PATTERNS = [
    r"\b(?:give|offer|get|find) me (?:a|an|some) (?:job|internship|placement|position|role|work|spot|place|trainee\w*|interview|offer|contract|trial)\b",
    r"\b(?:take|taking) me on\b",
    r"\bget (?:me )?(?:a |an )?(?:job )?interview (?:at|with|for) (?:you|your|the organisation)\b",
    rf"\b{_US} (?:are |is |be )?(?:currently |still )?(?:taking|hiring|recruiting) (?:on )?(?:any |new |more )?(?:interns?|graduates|trainees|apprentices|juniors|staff|anyone)\b",
    r"\b\w+ you my (?:cv|resume|résumé|application|portfolio)\b",
    r"\b(?:mention|pass on|put forward|give) my name\b",
    r"\b(?:me|my \w+|my name) (?:\w+ ){0,3}(?:to|with) (?:your|the) (?:hiring|recruit\w*|hr|human resources)\b",
    r"\bi (?:could|can|might|may|would|will) (?:\w+ )?(?:join|work (?:at|for|with)) (?:you|your|the organisation)\b",
    r"\b(?:help me|me to) (?:get|find|land|secure) (?:a|an|some) (?:\w+ )?(?:job|role|position|internship|placement|work|contract|offer|place|spot|apprenticeship|traineeship)\b",
    r"\b(?:support|sponsor\w*|back|help with) (?:my|a|an) (?:\w+ )?visa",
    # A chance, a space or room, for the student: "any chance your team takes on…", "any chance
    # of a placement", "space for a placement student", "my chances of landing a spot".
    r"^(?=.*\b(?:you|your|the organisation|me|i)\b).*\b(?:any|a|my|some) chances?\b[\w\s']{0,40}?\b(?:take|takes|taking|hire|hires|hiring|get me|join|joining|work for|work with|landing|land|placement|internship|shadowing|spot|place on|role|job|work|intake)\b",
    r"\b(?:room|space|capacity) for (?:a|an|another|one more|me|someone like me)\b",
    # Taking on, considering, hiring someone like the student.
    r"\btak\w* on (?:\w+ ){0,3}?(?:students?|interns?|graduates|trainees?|juniors?|apprentices?|career changers|people like me|someone like me|anyone)\b",
    r"\b(?:you|your \w+|the organisation|they|it)(?: \w+)? consider\w* (?:me|my|an?|someone|people|international|students?|graduates?)\b",
    r"\bhire (?:someone|people|students|graduates) like me\b",
    r"(?<!you )(?<!they )\b(?:get|be|being|getting) (?:hired|taken on|recruited|employed) (?:by|at|into) (?:you|your|the organisation)\b",
    # Sending, passing, sharing, flagging the student's papers: "flag my application to…".
    r"\b(?:pass|passing|forward|send|sending|give|hand|leave|take|share|flag|email|circulate|put)(?: \w+)?(?: you| on| along| forward)* my (?:cv|resume|résumé|application|portfolio|details|profile|linkedin|cover letter|name)\b",
    r"\bmy (?:cv|resume|résumé|application|portfolio|details|profile) in front of\b",
    r"\bput (?:my name|me|my application|my cv) forward\b",
    r"\b(?:on|onto|on to) (?:your|the organisation's|their|the) (?:\w+ )?radar\b",
    r"\bvouch for me\b",
    r"\b(?:act|be|serve) as (?:a |my )?(?:referee|reference)\b",
    # "If a junior role comes up, could you let me know?"
    r"(?=.*\b(?:let me know|tell me|me in mind|contact me|email me|think of me|get in touch with me)\b).*\b(?:comes?|opens?|crops?|becomes? available|frees?) up\b|\b(?:comes?|opens?|crops?) up\b.*\b(?:let me know|me in mind|think of me|contact me)\b",
    r"\b(?:opening|role|position|job|vacancy|place|spot)s? i (?:could|can|might) (?:slot into|fill|go for|take)\b",
    r"\b(?:jobs?|roles?|positions?|internships?|placements?|apprenticeships?|traineeships?|vacancies|openings?) going\b",
    r"\b(?:introduc\w*|connect\w*|link me up)\b[\w\s']{0,30}\b(?:recruiters?|recruitment|hiring|hr|human resources|talent team)\b",
    r"\b(?:could|can|may|might) i (?:come and |come to |come in and )?(?:work|intern|join)(?: for| with| at)? (?:you|your|the organisation)\b",
    r"\bhelp me (?:get|find|land|secure) (?:something|anything|work|a start|an opening)\b",
    r"\b(?:i|me) (?:\w+ )?(?:be|get|getting) sponsored\b",
    # The student as the one who joins or starts: "could I be part of that?", "how soon could I
    # start?", "could that be me?".
    r"\b(?:could|can|might|would) i (?:be part of|be a part of|fit in|slot in|come in|get in|come on board)\b",
    r"\b(?:could|can|might|would) i start(?:$| if| when| with you| at (?:your|the organisation)| on your)",
    r"\b(?:could|might|would) (?:that|it|one of them) be me\b",
    r"\bget (?:me )?in (?:at|with) (?:your|the organisation)\b",
    r"\b(?:a|any) (?:way|route) (?:for me )?(?:onto|on to|into|in to|in at) (?:your|the organisation)\b",
    # Their need for someone like the student: "short-staffed enough to need a junior".
    r"^(?=.*\b(?:you|your|they)\b).*\b(?:need|needs|needing|could use|use) (?:an extra|another|an|a|any|more|some) (?:junior|intern|trainee|graduate|pair of hands|helper|assistant)\b",
    r"\b(?:spare|free|extra) (?:desk|seat|spot|place|slot|position|role)\b",
    r"\bshadow(?:ing)? you\b",
    r"\bwith (?:an eye|a view) to (?:a |an )?(?:job|role|joining|working|position|offer|placement)\b",
    r"\b(?:bring|brought|bringing) me on\b",
    r"\bhav(?:e|ing) me (?:on|for|as|join|in|over)\b",
    r"\bi (?:\w+ ){0,4}?get (?:a|an) (?:\w+ )?(?:offer|job|role|place|position|contract|internship|placement) (?:from|with|at) (?:you|your|the organisation)\b",
    r"\b(?:arrange|organise|organize|get|provide|sort out|handle) (?:a|my|me a) (?:\w+ )?visa\b",
    r"\bvisa\b[\w\s']{0,20}\bfor me\b",
    r"\b(?:back|endorse|champion|support) (?:my (?:application|cv|candidacy)|me for)\b",
    r"\b(?:use|used|using|put|mention|mentioned|mentioning|cite) your name\b[\w\s']{0,30}\b(?:application|cv|cover letter|apply|applying)\b",
    # A request to pass something on to whoever hires, or to be told when hiring opens.
    r"^(?:could|would|can|will) you (?:please )?(?:pass|forward|send|give|hand|share|flag|mention|email)\b[\w\s']{0,40}\b(?:recruit\w*|hiring|hr|human resources|talent)\b",
    r"^(?!.*\blet me know (?:what|how|why|which|about)\b)(?=.*\b(?:let me know|tip me off|heads up|alert me|keep me posted|keep me updated|ping me|email me|contact me|think of me)\b).*\b(?:applications?|roles?|jobs?|openings?|vacanc\w+|positions?|intake|recruit\w*|hiring|needs?|internships?|placements?)\b",
    r"\bmention me\b",
    r"\b(?:hr|recruit\w*|hiring|manager|boss|team lead|team|director)\b[\w\s']{0,25}\babout me\b",
    r"\b(?:openings?|vacanc\w+|roles?|positions?|jobs?|places?|spots?) (?:on|in|at|with) (?:your|the organisation)\b[\w\s']{0,25}\bfor (?:someone like )?me\b",
    r"\b(?:referral|reference|referee|recommendation) for me\b",
    r"\bbe my (?:referee|reference|referral)\b",
    rf"\b{_US} (?:are |is |be )?(?:currently |still )?(?:hiring|recruiting|taking on|taking anyone on)\b",
    r"\b(?:take|takes|taking) on (?:an? |any |new |more )?(?:intern|interns|graduates|trainees|juniors?|apprentices|anyone)\b",
    r"\blooking for (?:new|more) (?:people|staff|hires|team members|graduates|interns|starters)\b",
    rf"\b{_US} (?:are |is )?(?:currently |still )?looking for (?:any |new |more )?(?:people|staff|hires|graduates|interns|trainees|apprentices|juniors|starters)\b",
    r"\b(?:whether|if) (?:you|they|your \w+|the organisation) (?:need|needs|want|wants|could use) (?:a |an |any |more |new |another )?(?:interns?|trainees?|apprentices?|graduates|juniors?|analysts?|help)\b",
    r"\b(?:any|open|current) (?:jobs|vacancies|positions|openings?|roles|internships|placements|apprenticeships|traineeships)\b",
    r"\b(?:any|about|for|in|of|on|regarding|discuss|explore|exploring) (?:job|internship|placement|employment|hiring|vacancy|position) (?:opportunit\w*|openings?)\b",
    r"\bhire me\b",
    r"\b(?:pass|forward|send|give|hand|leave|take)(?: you| on| along)* my (?:cv|resume|résumé|application|portfolio)\b",
    r"\bmy (?:cv|resume|résumé) (?:on|along|to)\b",
    r"\brefer me\b",
    r"\b(?:write|give|get) me a (?:referral|reference)\b",
    r"\brecommend me (?:to|for)\b",
    r"\bput me forward\b",
    r"\bconsider me\b",
    r"\b(?:i|me) be considered\b",
    r"\bkeep me in mind\b",
    r"\bget me in\b",
    r"\b(?:my|me a) foot in\b",
    r"\b(?:spot|place|room|role|position|job|opening|vacancy|internship|placement|anything|something) (?:\w+ )?for me\b(?! to)",
    r"\broom for (?:another|one more|a new)\b",
    r"\broom\b[\w\s']{0,25}\bfor (?:a|an|another|one more|a new) (?:\w+ )?(?:intern|trainee|graduate|junior|analyst|apprentice|student)\b",
    r"\b(?:job|internship|placement|vacancy|position|role|intake|scheme|programme)s? (?:that |which )?i (?:could|can|might|may) (?:apply|get|have|join)\b",
    r"\bso (?:that )?i (?:can|could|might) apply\b",
    r"\b(?:could|can|may|might) i (?:apply|work|join)(?: \w+ly)?(?: to work| to join)?(?: for| with| at| to)? (?:you|your|the organisation)\b",
    r"(?<!you )\b(?:get onto|get on to|get into|apply for|apply to) (?:your|the organisation's)(?: \w+'s)?(?: \w+)? (?:scheme|programme|intake|internship|training contract|placement)\b",
    r"\bsponsor(?:s|ing)? (?:my|me|visas?|international \w+|graduates|someone)\b",
    r"\bsponsor(?:s|ing)? (?:a |an |my )?(?:\w+ ){0,5}(?:visas?|work permits?|permits?)\b",
    r"\b(?:offer|offers|provide|provides|give|gives) (?:visa |work visa )?sponsorship\b",
    r"\b(?:applications?|apply)\b[\w\s']{0,20}\b(?:your|the organisation's) (?:\w+ )?(?:scheme|programme|intake|internship|placement|vacanc\w+|roles?)\b",
    r"\b(?:introduce|connect|put) me (?:in touch )?(?:to|with)\b[\w\s]{0,30}?\b(?:hiring|recruit\w*|hr|human resources)\b",
    r"\bwho (?:is|are) (?:the|your) (?:hiring manager|recruiters?)\b",
    r"\bput in a (?:good )?word for me\b",
    r"\bwork experience i (?:could|can|might) do\b",
    r"\b(?:work experience|placement|internship|shadowing)\b[\w\s']{0,30}\b(?:with|at|for) (?:you|your|the organisation)\b",
    r"\bwith a view to (?:joining|working|a job|a role)\b",
    # "I would love to work at your company", "I'd love to join your team", "keen to be part of
    # your firm": wanting to work there, said to someone who works there, is a request.
    r"\b(?:love|(?:i'd|i would|i) (?:really |very much )?like|hope|hoping|want|wanting|wish|keen|eager|aim|aiming|dream|dreaming|chance|opportunity) (?:the chance |an opportunity |the opportunity |one day |someday )?(?:to (?:work|join|intern|train|start|be part of|become part of|be a part of|get into)|of (?:working|joining|being part of))(?: at| for| with| in| on)? (?:you|your|the organisation)\b",
    r"\b(?:i'm|i am) (?:looking for|seeking|hoping for|hoping to find) (?:a |an )?(?:job|work|internship|placement|position|role)\b",
]
# A request or a yes/no question (it starts with one of CLOSED_OPENERS) that names the student
# ("me", "my"), the person or their organisation, and a word of hiring is a job ask, however it
# is put ("Could you keep my details on file for future roles?"). A request to describe
# something ("Could you tell me about your first job?") is not, and neither is a question that
# starts with What, How or Tell me.
JOB_WORDS = (
    r"(?:jobs?|internships?|interns?|placements?|openings?|vacanc\w+|hiring|hire|trainee\w*"
    r"|apprentice\w*|visas?|sponsor\w*|referrals?|on file|good word)"
)
JOB_ASK_REQUEST_PATTERNS = [
    # The hiring word is not theirs ("your first job", "the job market", "that internship").
    rf"^(?=.*\b(?:me|my)\b)(?=.*\b(?:you|your|the organisation)\b).*"
    r"(?<!your )(?<!the )(?<!first )(?<!current )(?<!own )(?<!this )(?<!that )(?<!their )"
    rf"\b{JOB_WORDS}\b",
]
_DESCRIBING = [
    "tell me about",
    "tell me how",
    "tell me what",
    "tell me why",
    "tell me which",
    "describe",
    "explain",
    "walk me",
    "talk me",
    "talk about",
    "share",
    "say more",
    "expand",
    "give me a sense",
    "give me an idea",
    "give me an example",
    "give me an overview",
    "help me understand",
    "paint",
]
DESCRIBING_OPENERS = [
    f"{asking} {verb}"
    for asking in ("could you", "can you", "would you", "could you please", "can you please")
    for verb in _DESCRIBING
] + [
    "would you mind telling",
    "would you mind sharing",
    "would you mind describing",
    "would you mind explaining",
    "would you mind talking",
    "would you mind walking",
    "would you be able to tell",
    "would you be able to describe",
    "would you be able to explain",
    "would you be willing to share",
    "would you be willing to describe",
    "would you be willing to explain",
]
# A closing question asks whom else to talk to, whether or not it says "else".
_PEOPLE = (
    r"(?:anyone|anybody|someone|somebody|people|person|others|colleagues?|names|contacts|friends?"
    r"|alumni|peers?|professionals|mentors?|experts?|folks|classmates?)"
)
_TALK = (
    r"(?:talk|speak|contact|meet|learn|reach|get in touch|chat|talking|speaking|ask|approach"
    r"|hear from|follow up|following up)"
)
CLOSING_PATTERNS = [
    r"\b(?:who|whom|anyone|someone|anybody|somebody) else\b",
    rf"\b(?:recommend|suggest|point me(?: to| towards| in the direction of)?|introduce me to|connect me (?:with|to)|link me (?:up )?with|put me in (?:touch|contact) with|name)(?: (?!for\b|to\b)\w+){{0,4}}? {_PEOPLE}\b",
    # "Is there a colleague you could connect me with?", "a person you'd point me to".
    rf"\b{_PEOPLE}\b[\w\s']{{0,40}}\b(?:connect|introduce|link|point|send|direct|pass) me\b",
    # Whoever they would introduce or connect the student to (recruiters are a job ask).
    r"\b(?:introduce|connect|link) me (?:up )?(?:to|with)\b",
    r"\bput me in (?:touch|contact)\b",
    r"\b(?:share|pass on|give me|send me) (?:\w+ ){0,2}(?:contacts?|names (?:of|and))\b",
    rf"\b{_PEOPLE}\b[\w\s']{{0,60}}?\b(?:answer|take) (?:a few |some |my |any )?questions\b",
    r"\bwho would you (?:go|turn) to\b",
    rf"\b(?:you|you'd|you) know (?:of )?(?:\w+ ){{0,2}}?{_PEOPLE}\b",
    r"\bwho (?:else )?do you know\b",
    rf"\bwhich of your (?:\w+ )?{_PEOPLE}\b",
    rf"\bwho(?:'s| is| would be| might be| could be) (?:the |a )?(?:best |right |good |ideal )?(?:person|people|one) to (?:see|{_TALK})\b",
    rf"\b{_PEOPLE}\b[\w\s']{{0,60}}?\b(?:up for|open to|willing to|happy to|free for|available for|keen to|give me|spare me) (?:a |an |some )?(?:\w+ )?(?:call|chat|conversation|coffee|meeting|minutes|time|{_TALK}|hear)\b",
    r"\b(?:contacts|names|introductions?)\b[\w\s']{0,30}\b(?:pass(?:ing)? on|shar(?:e|ing)|recommend|suggest)\b",
    rf"\bwhom?\b[\w\s']{{0,20}}\bi (?:should|could|might|ought to|can)(?: \w+)? {_TALK}\b",
    r"\b(?:best|right|good) (?:person|people) to (?:ask|talk|speak|contact|approach)\b",
    r"\bwhom? (?:would |do |could |might |should )?you(?:'d| would)? (?:suggest|recommend)\b",
    rf"\bwhom? (?:should|could|might|would|can|shall|ought) i (?:\w+ )?{_TALK}\b",
    rf"\bwho would you {_TALK}\b",
    rf"\b(?:who|whom|which|{_PEOPLE})\b[\w\s']{{0,25}}\b(?:would|might|could) be (?:good|worth|useful|helpful|best|right|happy|willing|open)(?: for me)?(?: to)? {_TALK}",
    r"\b(?:any|one|some|either) of your (?:\w+ )?(?:colleagues|contacts|friends|network|team)\b[\w\s']{0,30}\b(?:open|willing|happy|up for|able|free)\b",
    r"\bworth (?:talking|speaking|contacting|meeting|getting in touch)\b",
    rf"\b{_PEOPLE}\b[\w\s']{{0,60}}?\b(?:i|me)(?: \w+){{0,2}} {_TALK}\b",
    rf"\b{_PEOPLE}\b[\w\s']{{0,60}}?\b(?:{_TALK}|hear) (?:with|to|from) me\b",
    r"\bwhom?\b[\w\s']{0,30}\b(?:point|send|direct) me\b",
    r"\b(?:anyone|anybody|someone|who|whom|people) (?:in|from) your (?:network|circle|contacts)\b",
    r"\bdo you know (?:of )?(?:anyone|anybody|someone|somebody|people|others|any (?:people|colleagues))\b",
]
LONG_QUESTION_WORDS = 40


@dataclass(frozen=True)
class Advice:
    code: str  # closed | website | job_ask | duplicate | long | over_time | no_closing | empty
    message: str
    suggestion: str = ""


def _normalised(text: str) -> str:
    text = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'").replace("&", " and ")
    return " ".join(re.sub(r"[^\w\s']", " ", text).split())


def _read(text: str, organisation: str = "") -> str:
    """The text as the patterns read it: normalised, the organisation's name as a phrase."""
    words = _normalised(text)
    name = _normalised(organisation)
    if name:
        words = re.sub(rf"\b{re.escape(name)}\b", "the organisation", words)
    return words


def _opening(words: str) -> str:
    for filler in ("and ", "so ", "but ", "also ", "then ", "ok ", "okay ", "well "):
        if words.startswith(filler):
            words = words[len(filler) :]
    return words


def _starts_with(words: str, openers: list[str]) -> bool:
    return any(words == opener or words.startswith(opener + " ") for opener in openers)


def _matches(words: str, patterns: list[str]) -> bool:
    return any(re.search(pattern, words) for pattern in patterns)


def is_job_ask(text: str, organisation: str = "") -> bool:
    """Whether the text asks for a job, an internship or to pass on a CV: the one test of it,
    for a question in a plan and for the student's own messages alike."""
    if _matches(_read(text, organisation), JOB_ASK_PATTERNS):
        return True
    for sentence in re.split(r"[.!?;\n]+", text or ""):
        words = _opening(_read(sentence, organisation))
        if (
            _starts_with(words, CLOSED_OPENERS)
            and not _starts_with(words, DESCRIBING_OPENERS)
            and _matches(words, JOB_ASK_REQUEST_PATTERNS)
        ):
            return True
    return False


def is_closing(text: str, organisation: str = "") -> bool:
    """Whether the question asks whom else to talk to (an introduction to a recruiter or a
    hiring manager is a job ask, not a closing question)."""
    words = _read(text, organisation)
    return _matches(words, CLOSING_PATTERNS) and not _matches(words, JOB_ASK_PATTERNS)


def is_closed(text: str, organisation: str = "") -> bool:
    """Whether the question invites a yes or no. A polite request ("Could you…", "Would you
    mind…") is not, and neither is a closing question, whatever its form."""
    words = _opening(_read(text, organisation))
    if not _starts_with(words, CLOSED_OPENERS) or _starts_with(words, OPEN_OPENERS):
        return False
    return not is_closing(text, organisation)


def is_website(text: str, organisation: str = "") -> bool:
    """Whether the organisation's website or a quick search already answers the question."""
    return _matches(_read(text, organisation), WEBSITE_PATTERNS)


def review_question(text: str, organisation: str = "") -> list[Advice]:
    """Advice on one question: closed, website-answerable, a job ask, too long.

    ``organisation`` is the name of the organisation the conversation is with, when the caller
    knows it, so that a fact about it by name is seen for what it is."""
    advice = []
    if not (text or "").strip():
        return [Advice("empty", "Write the question first.")]
    if is_closed(text, organisation):
        advice.append(
            Advice(
                "closed",
                "This invites a yes or no, and the conversation stops there.",
                "Start with What, How or Tell me about: “Do you enjoy…?” becomes "
                "“What do you enjoy most about…?”",
            )
        )
    if is_website(text, organisation):
        advice.append(
            Advice(
                "website",
                "The organisation's website or a quick search answers this.",
                "Look it up first, then ask what only they can tell you: “What is it like to "
                "work on … here?”",
            )
        )
    if is_job_ask(text, organisation):
        advice.append(
            Advice(
                "job_ask",
                "This asks for a job, an internship or to pass on your CV; an informational "
                "interview is for learning, and asking breaks its etiquette.",
                "Ask how people get in instead: “How did people you have seen join this field "
                "get their first role?”",
            )
        )
    if len(_normalised(text).split()) > LONG_QUESTION_WORDS:
        advice.append(
            Advice(
                "long",
                "A long question is hard to follow in conversation.",
                "Keep one idea per question; split it in two.",
            )
        )
    return advice


@dataclass
class PlanReview:
    items: list[list[Advice]]  # advice for each item, in order
    plan: list[Advice]  # advice for the plan as a whole
    total_minutes: int
    length_minutes: int

    @property
    def fits(self) -> bool:
        return self.total_minutes <= self.length_minutes


def review_plan(
    items: list[tuple[str, int]], length_minutes: int, organisation: str = ""
) -> PlanReview:
    """Advice for each (text, minutes) item and for the plan: duplicates, time, closing.

    ``organisation`` is the name of the organisation the conversation is with, if known."""
    per_item = []
    seen: dict[str, int] = {}
    for number, (text, _minutes) in enumerate(items, start=1):
        advice = review_question(text, organisation)
        key = _normalised(text)
        if key and key in seen:
            advice.append(
                Advice(
                    "duplicate",
                    f"The same question is already number {seen[key]} in this plan.",
                    "Remove one of them.",
                )
            )
        seen.setdefault(key, number)
        per_item.append(advice)
    total = sum(minutes for _text, minutes in items)
    plan_advice = []
    if total > length_minutes:
        plan_advice.append(
            Advice(
                "over_time",
                f"These questions need about {total} minutes, more than the {length_minutes} "
                "you asked for.",
                "Keep the questions that matter most to you and drop the rest: finishing on "
                "time respects their generosity.",
            )
        )
    if items and not any(is_closing(text, organisation) for text, _ in items):
        plan_advice.append(
            Advice(
                "no_closing",
                "The plan has no closing question asking whom else you could talk to.",
                "End with: “Who else would you suggest I talk to, and may I mention your name?”",
            )
        )
    return PlanReview(
        items=per_item, plan=plan_advice, total_minutes=total, length_minutes=length_minutes
    )
