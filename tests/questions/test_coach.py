"""The coach on example questions, each with exactly the flags it should raise."""

import pytest

from apps.questions.coach import review_plan, review_question

EXAMPLES = [
    # Open questions: no advice.
    ("What does a typical week look like for you?", set()),
    ("How did you get your first role in this field?", set()),
    ("Why did you choose this area over the alternatives?", set()),
    ("Tell me about a project you are proud of.", set()),
    ("Could you describe the skills you use most?", set()),
    ("Could you walk me through how a campaign comes together?", set()),
    ("Which experiences prepared you best for this work?", set()),
    ("In what ways has the field changed since you started?", set()),
    ("How do people who advance quickly differ from the rest?", set()),
    ("What would you change on a graduate's CV to make it stronger for this field?", set()),
    ("Who else would you suggest I talk to?", set()),
    ("Looking back, what do you wish you had known at my stage?", set()),
    ("And what frustrates you most about the work?", set()),
    ("What internships helped you most when you were starting out?", set()),
    ("How does your team decide which products to build next?", set()),
    ("Would you describe the path most people take into this role?", set()),
    # Closed questions.
    ("Do you enjoy your job?", {"closed"}),
    ("Is it stressful?", {"closed"}),
    ("Can I ask about your salary?", {"closed"}),
    ("Would you recommend this career?", {"closed"}),
    ("Have you always worked in finance?", {"closed"}),
    ("Are there many opportunities for graduates?", {"closed"}),
    ("So do you travel a lot for work?", {"closed"}),
    ("Does the job involve much writing?", {"closed"}),
    ("Is there a lot of teamwork?", {"closed"}),
    ("Will AI change your role?", {"closed"}),
    ("Should I study for a master's degree first?", {"closed"}),
    ("Was it hard to get started?", {"closed"}),
    # Answered by the website or a search.
    ("When was the company founded?", {"website"}),
    ("Where is your headquarters?", {"website"}),
    ("How many employees work at your firm?", {"website"}),
    ("What does your company do?", {"website"}),
    ("What products does your organisation sell?", {"website"}),
    ("Where is the firm based?", {"website"}),
    ("What was the annual revenue last year?", {"website"}),
    ("Is the company headquartered in London?", {"closed", "website"}),
    # Job asks.
    ("Could you pass my CV on to your manager?", {"job_ask"}),
    ("Are you hiring at the moment?", {"closed", "job_ask"}),
    ("Is there an internship I could apply for?", {"closed", "job_ask"}),
    ("Can you give me a job?", {"closed", "job_ask"}),
    ("Would you refer me for the graduate scheme?", {"closed", "job_ask"}),
    ("What open positions does your team have?", {"job_ask"}),
    ("How can I send my CV to your recruiter?", {"job_ask"}),
    ("Could you put in a word for me with HR?", {"job_ask"}),
    ("Do you have any vacancies?", {"closed", "job_ask"}),
    # Job asks by their construction, not their sentence.
    ("Any chance of a week's work shadowing with your team?", {"job_ask"}),
    ("Would your group have room for someone like me next year?", {"closed", "job_ask"}),
    ("Does your office take on sixth-form students?", {"closed", "job_ask"}),
    ("Could you flag my portfolio to your art director?", {"job_ask"}),
    ("How do I get onto your radar before the intake?", {"job_ask"}),
    ("Would you vouch for me with the partners?", {"closed", "job_ask"}),
    ("If a vacancy crops up, would you let me know?", {"job_ask"}),
    ("Could you sponsor a graduate on a skilled worker visa?", {"job_ask"}),
    # How hiring or sponsorship works is not a job ask.
    ("How do graduates usually get sponsored for work visas here?", set()),
    ("Are there chances to work overseas?", {"closed"}),
    # Closing questions by their construction.
    ("Could you suggest any old classmates of yours who work in audit?", set()),
    ("Is there a mentor you could point me to?", set()),
    ("Do you know of any alumni in the sector?", set()),
    ("Which of your peers should I read up on?", set()),
    ("Would anyone on your team be up for a short call?", set()),
    ("Would you recommend the industry to a friend?", {"closed"}),
    # Round 8's constructions: the student as the one who starts, their need for a junior.
    ("When could I start if a place came up?", {"job_ask"}),
    ("Does your studio need another trainee this year?", {"closed", "job_ask"}),
    ("Is there a route for me into your practice?", {"closed", "job_ask"}),
    ("Could you send this note on to your hiring lead?", {"job_ask"}),
    ("How did you get a foot in the door?", set()),
    ("Could you link me up with your old manager?", set()),
    ("Would you be open to sharing a contact or two?", set()),
]


@pytest.mark.parametrize("text,expected", EXAMPLES, ids=[t for t, _ in EXAMPLES])
def test_question_flags(text, expected):
    assert {advice.code for advice in review_question(text)} == expected


def test_there_are_enough_examples():
    assert len(EXAMPLES) >= 40


def test_every_flag_has_a_reason_and_a_suggestion():
    for text in ["Do you like it?", "When was the firm founded?", "Are you hiring?"]:
        for advice in review_question(text):
            assert advice.message and advice.suggestion


def test_long_and_empty_questions():
    long = "What " + "really " * 45 + "matters?"
    assert {a.code for a in review_question(long)} == {"long"}
    assert {a.code for a in review_question("   ")} == {"empty"}


def test_plan_review_duplicates_time_and_closing():
    review = review_plan(
        [
            ("What does a typical week look like?", 5),
            ("what does a typical week look like", 5),
            ("How did you start?", 12),
        ],
        20,
    )
    assert [{a.code for a in item} for item in review.items] == [set(), {"duplicate"}, set()]
    assert {a.code for a in review.plan} == {"over_time", "no_closing"}
    assert review.total_minutes == 22 and not review.fits

    good = review_plan([("How did you start?", 3), ("Who else should I talk to?", 2)], 15)
    assert good.plan == [] and good.fits


# The issue's own examples: polite openers are open, closing questions need not say "else",
# job asks need not say "job", and a fact about the organisation by name is on its website.
NAMED = [
    ("Can you tell me how you chose your specialism?", "", set()),
    ("Would you mind telling me what a normal week holds?", "", set()),
    ("I'm curious, how does your team plan its year?", "", set()),
    ("Can you walk me through your last project?", "", set()),
    ("Could you recommend two more people I could contact?", "", set()),
    ("Do you know anyone in your network I could talk to?", "", set()),
    ("Could you point me to a colleague in the policy team?", "", set()),
    ("What does Bramblecode do?", "Bramblecode", {"website"}),
    ("Who runs Bramblecode?", "Bramblecode", {"website"}),
    ("Where is Bramblecode based?", "Bramblecode", {"website"}),
    ("What does Bramblecode do differently from its rivals?", "Bramblecode", set()),
    ("Could you introduce me to the hiring manager?", "", {"job_ask"}),
    ("Does your firm sponsor visas for graduates?", "", {"closed", "job_ask"}),
    ("Could you help me get my foot in the door?", "", {"job_ask"}),
    ("When does your next intake open so I can apply?", "", {"job_ask"}),
]


@pytest.mark.parametrize("text,organisation,expected", NAMED, ids=[t for t, _o, _e in NAMED])
def test_question_flags_with_the_organisation(text, organisation, expected):
    assert {a.code for a in review_question(text, organisation)} == expected


def test_a_closing_question_without_else_satisfies_the_plan():
    review = review_plan(
        [("How did you start?", 5), ("Could you recommend two more people I could contact?", 2)],
        20,
    )
    assert review.plan == []


def test_a_plan_review_sees_the_organisation_by_name():
    review = review_plan([("What does Bramblecode do?", 2)], 20, organisation="Bramblecode")
    assert {a.code for a in review.items[0]} == {"website"}
    assert {a.code for a in review_plan([("What does Bramblecode do?", 2)], 20).items[0]} == set()
