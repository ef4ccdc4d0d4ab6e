"""Curated question banks for informational interviews.

Plain data only. Theme banks hold 3-tuples ``(text, why, minutes)``; industry
banks hold 4-tuples ``(text, why, minutes, theme_value)`` because their
questions can span several themes.
"""

from __future__ import annotations

THEMES = [  # (value, label) in this order
    ("day_to_day", "The day-to-day work"),
    ("path", "The path into the role"),
    ("skills", "Skills and qualifications"),
    ("advancement", "What distinguishes people who advance"),
    ("future", "The future of the field"),
    ("satisfactions", "Satisfactions and frustrations"),
    ("organisation", "The organisation's challenges"),
    ("own_cv", "Advice on my CV or profile"),
    ("closing", "Closing and further contacts"),
]

CURATED_BANKS = [
    # ------------------------------------------------------------------
    # Theme banks
    # ------------------------------------------------------------------
    {
        "title": "Getting a feel for the day-to-day work",
        "description": (
            "Start here when you want a realistic picture of what the work "
            "actually involves, beyond the job title and the official description."
        ),
        "theme": "day_to_day",
        "industries": [],
        "questions": [
            (
                "What does a typical week look like for you?",
                "Shows the real rhythm of the work beyond the official description.",
                2,
            ),
            (
                "How do you divide your time between meetings, focused work and collaborating with others?",
                "Reveals whether the role suits someone who prefers quiet concentration or constant contact.",
                2,
            ),
            (
                "What did you spend most of your time on yesterday, and how typical was that?",
                "A concrete, recent example is often more honest than a general summary.",
                1,
            ),
            (
                "Which parts of your work would surprise someone who only knew your title?",
                "Uncovers the hidden tasks that rarely appear in any description of the role.",
                2,
            ),
            (
                "Who are the people you work with most closely, and how do you work together?",
                "Helps you understand the team structure and how much the role depends on others.",
                2,
            ),
            (
                "How much of your day is planned in advance, and how much is shaped by whatever comes up?",
                "Tells you whether the work is predictable or reactive, and which you would enjoy.",
                2,
            ),
            (
                "What kinds of decisions are you able to make on your own?",
                "Gives a sense of the autonomy and responsibility that come with the role.",
                2,
            ),
            (
                "Could you describe a recent piece of work that you particularly enjoyed?",
                "Invites a story that brings the work to life and shows what motivates them.",
                3,
            ),
        ],
    },
    {
        "title": "How they found their way into the role",
        "description": (
            "Use these when you are curious about the different routes into a "
            "field and want to learn from the choices, detours and lucky breaks of someone already there."
        ),
        "theme": "path",
        "industries": [],
        "questions": [
            (
                "How did you first become interested in this field?",
                "An easy, warm opener that often reveals what draws people to the work.",
                2,
            ),
            (
                "Could you walk me through the steps that led you to your current role?",
                "Maps out one real route into the field, including the less obvious stages.",
                3,
            ),
            (
                "Which moments would you describe as turning points in your career so far?",
                "Highlights the decisions and chances that made the biggest difference.",
                3,
            ),
            (
                "How much did your degree shape the direction you eventually took?",
                "Shows how closely study and career need to line up in this area.",
                2,
            ),
            (
                "What would you do differently if you were starting out again today?",
                "Turns their hindsight into practical advice for your own next steps.",
                2,
            ),
            (
                "Which early experiences turned out to be more useful than you expected?",
                "Points to undervalued experiences you might be able to gain yourself.",
                2,
            ),
            (
                "How typical is a path like yours, and what other routes have you seen colleagues take?",
                "Broadens your view beyond one person's story to the range of ways in.",
                2,
            ),
            (
                "What do you wish someone had told you when you were still at university?",
                "Draws out the advice they would most like to pass on to a student.",
                2,
            ),
        ],
    },
    {
        "title": "Skills and qualifications that matter",
        "description": (
            "Choose this bank when you want to know which skills, training and "
            "qualifications genuinely count in the field, and how to start building them now."
        ),
        "theme": "skills",
        "industries": [],
        "questions": [
            (
                "Which skills do you rely on most in your everyday work?",
                "Identifies the abilities that matter in practice rather than on paper.",
                2,
            ),
            (
                "What qualifications or training matter most for people entering this field?",
                "Clarifies which credentials are essential and which are merely nice to have.",
                2,
            ),
            (
                "How did you build the skills you use now, and which did you pick up only after starting work?",
                "Shows what can be learned on the way rather than needed from day one.",
                2,
            ),
            (
                "Which skills are newcomers to the field most often missing?",
                "Points to gaps you could close early to set yourself apart.",
                2,
            ),
            (
                "What could a student do now, outside their course, to start developing the right skills?",
                "Gives practical, immediate actions you can take while still studying.",
                2,
            ),
            (
                "How important are professional accreditations or further study in your area?",
                "Helps you decide whether postgraduate study or chartership is worth planning for.",
                1,
            ),
            (
                "Which interpersonal skills, such as communication or negotiation, make the biggest difference in your work?",
                "Reveals the people skills that technical knowledge alone will not cover.",
                2,
            ),
            (
                "Which tools or software would be worth getting to know before starting out?",
                "Gives you a concrete, quick list of things to practise in your own time.",
                1,
            ),
        ],
    },
    {
        "title": "What sets apart the people who progress",
        "description": (
            "Use these to understand how careers develop in the field and which "
            "habits and choices help people grow into more senior roles."
        ),
        "theme": "advancement",
        "industries": [],
        "questions": [
            (
                "What tends to distinguish the people who progress quickly in this field?",
                "Reveals the qualities that are valued once people are through the door.",
                3,
            ),
            (
                "How is good work recognised and rewarded where you are?",
                "Shows whether progression depends on results, visibility, tenure or something else.",
                2,
            ),
            (
                "What does a typical career progression look like from an entry-level role?",
                "Sketches the likely stages and timescales of a career in the field.",
                2,
            ),
            (
                "Which habits have you noticed in colleagues who have moved up successfully?",
                "Turns their observations into behaviours you can start copying early.",
                2,
            ),
            (
                "How much do mentoring and sponsorship matter for getting ahead?",
                "Tells you how important relationships are compared with individual effort.",
                2,
            ),
            (
                "What common mistakes hold people back early in their careers?",
                "Helps you avoid pitfalls that others only discovered the hard way.",
                2,
            ),
            (
                "How important is moving between organisations to progress, compared with growing within one?",
                "Shows whether loyalty or variety is the usual route to seniority here.",
                2,
            ),
            (
                "What would you focus on in your first two years if you wanted to build a strong reputation?",
                "Gives a clear set of priorities for the crucial early stage of a career.",
                2,
            ),
        ],
    },
    {
        "title": "Where the field is heading",
        "description": (
            "Pick this bank when you want an insider's view of how the field is "
            "changing and which opportunities and skills are likely to matter in future."
        ),
        "theme": "future",
        "industries": [],
        "questions": [
            (
                "How do you expect this field to change over the next five to ten years?",
                "Helps you judge whether the career you are picturing will still exist in that form.",
                3,
            ),
            (
                "What effect are new technologies, including AI, having on the way your work is done?",
                "Shows which tasks are changing and which human skills are gaining value.",
                2,
            ),
            (
                "Which areas of the field seem to be growing, and which seem to be shrinking?",
                "Points you towards parts of the field with more room for newcomers.",
                2,
            ),
            (
                "What new skills do you think people entering the field will need in the coming years?",
                "Lets you prepare for tomorrow's expectations rather than yesterday's.",
                2,
            ),
            (
                "How are changes in regulation or public policy shaping your area of work?",
                "Reveals outside forces that influence the field's direction and stability.",
                2,
            ),
            (
                "Which trends in the field worry you, and which ones excite you?",
                "Gives a balanced, personal view of the risks and opportunities ahead.",
                2,
            ),
            (
                "Where do you think the most interesting opportunities will be for someone starting out now?",
                "Helps you aim your early choices at areas with momentum.",
                2,
            ),
            (
                "How have expectations of new graduates in this field changed since you started?",
                "Shows how the entry bar has shifted and what is now taken for granted.",
                2,
            ),
        ],
    },
    {
        "title": "The highs and lows of the work",
        "description": (
            "Use these to get an honest sense of what makes the work fulfilling, "
            "what wears people down, and whether it would suit you."
        ),
        "theme": "satisfactions",
        "industries": [],
        "questions": [
            (
                "What do you find most rewarding about your work?",
                "Reveals the motivations that keep people in the field for the long term.",
                2,
            ),
            (
                "Which parts of the role do you find most frustrating or draining?",
                "Gives an honest counterweight to the positives so you can weigh both.",
                2,
            ),
            (
                "Could you describe a moment when you felt especially proud of your work?",
                "Invites a memorable story about what success feels like in this role.",
                3,
            ),
            (
                "How manageable is the balance between your work and the rest of your life?",
                "Helps you judge whether the demands of the field fit the life you want.",
                2,
            ),
            (
                "What aspects of the work do people outside the field tend to misunderstand?",
                "Corrects common assumptions you may be carrying about the career.",
                2,
            ),
            (
                "Which pressures come with the role, and how do you deal with them?",
                "Shows the stresses involved and practical ways people cope with them.",
                2,
            ),
            (
                "What kind of person tends to thrive in this work, and who tends to struggle?",
                "Helps you compare your own temperament with what the work rewards.",
                3,
            ),
            (
                "How has your view of the work changed since you first started?",
                "Shows how expectations meet reality over time in this career.",
                2,
            ),
        ],
    },
    {
        "title": "Challenges facing their organisation",
        "description": (
            "Choose these when you want to understand the pressures and culture "
            "inside an organisation, going well beyond anything on its website."
        ),
        "theme": "organisation",
        "industries": [],
        "questions": [
            (
                "What are the biggest challenges your organisation is facing at the moment?",
                "Reveals current priorities that no public page will describe candidly.",
                2,
            ),
            (
                "How is your team responding to the changes happening across the sector?",
                "Shows how adaptable the organisation is and what is shifting inside it.",
                2,
            ),
            (
                "Which problems are you personally most keen to solve over the next year?",
                "Connects the organisation's challenges to the individual's own work.",
                2,
            ),
            (
                "How would you describe the culture of your organisation to someone who has never worked there?",
                "Gives an insider's sense of the atmosphere and values in practice.",
                2,
            ),
            (
                "Which challenges does your organisation share with others in the sector, and which are particular to it?",
                "Helps you tell sector-wide issues apart from one organisation's circumstances.",
                3,
            ),
            (
                "How do decisions usually get made in your organisation, and how much say do newer staff have?",
                "Shows how hierarchical the workplace is and how much voice juniors have.",
                2,
            ),
            (
                "How does your organisation support the development of people early in their careers?",
                "Tells you what training and guidance you could expect in a similar setting.",
                2,
            ),
            (
                "What keeps people at your organisation, and what tends to lead them to move on?",
                "Reveals the strengths and weak spots of the workplace from the inside.",
                2,
            ),
        ],
    },
    {
        "title": "Advice on strengthening my CV and profile",
        "description": (
            "Use these near the end of a conversation to get general advice on "
            "presenting yourself in this field; never ask the professional to pass your CV on."
        ),
        "theme": "own_cv",
        "industries": [],
        "questions": [
            (
                "What would make a graduate's CV stand out to you in this field?",
                "Tells you what catches an experienced reader's eye in this area.",
                2,
            ),
            (
                "Which experiences would you point a student like me towards to build a stronger profile?",
                "Gives tailored suggestions for experience worth seeking out next.",
                2,
            ),
            (
                "How would you suggest I present my university projects so their relevance to this field is clear?",
                "Helps you translate academic work into language the field recognises.",
                2,
            ),
            (
                "What common mistakes do you notice on the CVs or online profiles of students interested in this area?",
                "Lets you avoid the errors that experienced readers spot immediately.",
                2,
            ),
            (
                "Which skills or achievements from my background would you encourage me to highlight more?",
                "Uses what they have learned about you to sharpen how you describe yourself.",
                2,
            ),
            (
                "How much weight do employers in this field give to volunteering, societies or part-time work?",
                "Shows which activities outside your studies are worth describing in detail.",
                2,
            ),
            (
                "How could I make my online professional profile more useful for building contacts in this sector?",
                "Gives practical tips for presenting yourself well to people in the field.",
                2,
            ),
            (
                "What gaps might someone in this field notice in a profile like mine, and how could I start filling them?",
                "Turns an honest outside view into a concrete plan for development.",
                3,
            ),
        ],
    },
    {
        "title": "Closing well and widening your network",
        "description": (
            "Use these in the last few minutes to thank the professional, ask "
            "whom else to speak to, and agree how to stay in touch."
        ),
        "theme": "closing",
        "industries": [],
        "questions": [
            (
                "Who else would you suggest I speak with to learn more about this field?",
                "Extends your network through a personal recommendation, the strongest kind of introduction.",
                1,
            ),
            (
                "Which other people in your network would be worth my talking to about this kind of work?",
                "Opens the door to further conversations with people they know and trust.",
                1,
            ),
            (
                "Who else, perhaps in a different part of the sector, might give me another perspective?",
                "Helps you hear contrasting views rather than several versions of the same one.",
                1,
            ),
            (
                "Which professional groups or events would be good places to meet someone else working in this area?",
                "Points you to communities where you can keep learning and meeting people.",
                1,
            ),
            (
                "How would you like me to mention your name when I contact the people you suggest?",
                "Makes sure you use their name in a way they are comfortable with.",
                1,
            ),
            (
                "What would be the most helpful way to introduce myself when I say you suggested I get in touch?",
                "Helps your first message to a new contact land well and feel genuine.",
                1,
            ),
            (
                "What is the best way for me to keep in touch with you as my plans develop?",
                "Agrees a comfortable channel for keeping the relationship going.",
                1,
            ),
            (
                "How often would it be appropriate to send you an update on how I am getting on?",
                "Lets you follow up warmly without overstepping their time.",
                1,
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Industry banks (4-tuples: text, why, minutes, theme_value)
    # ------------------------------------------------------------------
    {
        "title": "Questions for people in technology",
        "description": (
            "Use these when speaking with software engineers, product managers "
            "or other technology professionals about a fast-moving field."
        ),
        "theme": "skills",
        "industries": ["Technology"],
        "questions": [
            (
                "How do you keep your technical knowledge up to date when tools change so quickly?",
                "Shows how much continuous learning the field expects and how people manage it.",
                2,
                "skills",
            ),
            (
                "What does a typical project or release cycle look like from where you sit?",
                "Explains the rhythm of technical work and where your role would fit in it.",
                2,
                "day_to_day",
            ),
            (
                "How do people without a computing degree find their way into your part of the industry?",
                "Reveals alternative routes in if your background is not purely technical.",
                2,
                "path",
            ),
            (
                "Which non-technical skills make the biggest difference for engineers and product people?",
                "Highlights the communication and judgement that set strong technologists apart.",
                2,
                "skills",
            ),
            (
                "How is AI changing the everyday work of your team?",
                "Gives a grounded view of automation beyond the headlines.",
                2,
                "future",
            ),
            (
                "What separates someone who writes good code from someone who grows into a technical leader?",
                "Clarifies what progression looks like beyond pure technical ability.",
                3,
                "advancement",
            ),
        ],
    },
    {
        "title": "Questions for people in healthcare",
        "description": (
            "Use these with clinicians, allied health professionals or health "
            "service managers to understand both the rewards and the pressures of care work."
        ),
        "theme": "satisfactions",
        "industries": ["Healthcare"],
        "questions": [
            (
                "What does a shift or a working day typically involve for you?",
                "Shows the pace and structure of care work in practice.",
                2,
                "day_to_day",
            ),
            (
                "How do you work alongside other professions, such as nurses, doctors or therapists?",
                "Reveals how multidisciplinary teamwork shapes the role.",
                2,
                "day_to_day",
            ),
            (
                "Which non-clinical roles in healthcare do students tend to overlook?",
                "Opens your eyes to routes into the sector beyond frontline clinical work.",
                2,
                "path",
            ),
            (
                "How are pressures on the health service affecting the way your team works?",
                "Gives an honest picture of the current strains on the system.",
                2,
                "organisation",
            ),
            (
                "How do you look after your own wellbeing in such a demanding environment?",
                "Shows how people sustain a long career in emotionally intense work.",
                2,
                "satisfactions",
            ),
            (
                "What part of caring for patients gives you the greatest sense of purpose?",
                "Reveals the deeper motivations that keep people in healthcare.",
                2,
                "satisfactions",
            ),
        ],
    },
    {
        "title": "Questions for people in law",
        "description": (
            "Use these with solicitors, barristers or in-house lawyers to "
            "understand the training routes, specialisms and realities of legal work."
        ),
        "theme": "path",
        "industries": ["Law"],
        "questions": [
            (
                "How did you decide which area of law to specialise in?",
                "Shows how people choose a specialism and how early that choice is made.",
                2,
                "path",
            ),
            (
                "What does the route to qualifying as a solicitor or barrister look like today?",
                "Clarifies the current training requirements and how people fund and navigate them.",
                2,
                "path",
            ),
            (
                "How much of your work involves research and drafting compared with time spent with clients?",
                "Reveals the balance between desk work and client contact in practice.",
                2,
                "day_to_day",
            ),
            (
                "Which qualities separate lawyers who build a strong practice from those who stall?",
                "Highlights what drives long-term success in a competitive profession.",
                3,
                "advancement",
            ),
            (
                "How is legal technology changing the work of junior lawyers?",
                "Shows which early-career tasks are evolving and what skills are rising in value.",
                2,
                "future",
            ),
            (
                "Which experiences outside a law degree have you found valuable in colleagues?",
                "Points to broader experience that strengthens a legal career.",
                2,
                "skills",
            ),
        ],
    },
    {
        "title": "Questions for people in charities and non-profits",
        "description": (
            "Use these with staff at charities, social enterprises or other "
            "non-profits to understand how mission, funding and careers fit together."
        ),
        "theme": "organisation",
        "industries": ["Charities and Non-profits"],
        "questions": [
            (
                "How does funding shape the priorities and daily work of your organisation?",
                "Reveals how money and mission interact in the non-profit world.",
                2,
                "organisation",
            ),
            (
                "How do you measure whether your work is making a real difference?",
                "Shows how impact is judged and what success feels like in the sector.",
                2,
                "satisfactions",
            ),
            (
                "What is it like working alongside volunteers, trustees and paid staff?",
                "Explains the particular mix of people and relationships in charity work.",
                2,
                "day_to_day",
            ),
            (
                "Which skills from the commercial world transfer well into the charity sector?",
                "Helps you see how experience gained elsewhere could carry across.",
                2,
                "skills",
            ),
            (
                "How do people tend to build a long-term career in the non-profit sector?",
                "Shows the typical routes to progression where organisations are often small.",
                2,
                "advancement",
            ),
            (
                "Which challenges is the sector facing as demand for its services keeps growing?",
                "Gives a realistic view of where the sector is heading and the pressures involved.",
                2,
                "future",
            ),
        ],
    },
]
