"""The introduction message: a draft built from what the app knows, and advice on the edit.

The draft follows the etiquette: who the student is, how they found the professional (naming
the referrer when there is one), that they want to learn and not to ask for a job, the short
time asked for, flexibility, and thanks.
"""

import re

from apps.questions.coach import is_job_ask

from .approach import Counterpart, Sender, research_line, subject_line

CV_PATTERNS = [
    r"\b(attach|attached|attaching|enclose|enclosed|enclosing)\b[^.]*\b(cv|resume|résumé)\b",
    r"\b(cv|resume|résumé)\b[^.]*\b(attached|enclosed)\b",
]
TIME_PATTERNS = [
    r"\b(an|one|two|a couple of) hours?\b",
    r"\b([4-9]\d|\d{3,}) ?(minutes|mins)\b",
    r"\bhalf a day\b",
    r"\b(lunch|dinner) together\b",
]


def referrer_of(professional, student):
    """The professional who introduced this one to this student, or None.

    Only a true introduction counts: the student recorded the referral from their own
    interview with the referrer. Who referred whom in staff's notes is not this student's
    introduction, and a draft that claimed it would be false."""
    referrer = professional.referred_by
    if referrer is None or referrer.erased_at:
        return None
    if professional.referred_by_student_id != student.pk:
        return None
    return referrer


def _counterpart(professional, student) -> Counterpart:
    """The binder entry as the drafts see it: referred only when the referral is true."""
    referrer = referrer_of(professional, student)
    return Counterpart(
        full_name=professional.full_name,
        how_known="referral" if referrer else "binder",
        role=professional.job_title,
        organisation=professional.organisation.name if professional.organisation_id else "",
        referrer_name=referrer.full_name if referrer else "",
    )


def draft_subject(*, student, professional) -> str:
    """The request e-mail's subject, for the student to edit: the guides' wording, with the
    referrer's name first only when someone truly referred them."""
    return subject_line(_counterpart(professional, student), Sender.from_user(student))


def draft_message(
    *,
    student,
    professional,
    length_minutes: int,
    format_label: str,
    research_organisation: str = "",
    research_person: str = "",
) -> str:
    profile = getattr(student, "student_profile", None)
    studies = ""
    if profile and profile.programme:
        year = f", graduating in {profile.graduation_year}" if profile.graduation_year else ""
        studies = f" I am studying {profile.programme}{year}."
    interests = ""
    if profile and profile.career_interests:
        interests = f" I am exploring careers in {profile.career_interests.strip().rstrip('.')}."
    role = professional.job_title or "your work"
    where = f" at {professional.organisation.name}" if professional.organisation_id else ""
    referrer = referrer_of(professional, student)
    found = (
        f"{referrer.full_name} suggested I contact you."
        if referrer
        else "I found you through my university career centre's list of professionals who are "
        "happy to talk to students."
    )
    # The research notes, in the student's words: the line that shows they did their homework.
    homework = research_line(
        _counterpart(professional, student),
        Sender.from_user(
            student,
            research_organisation=research_organisation,
            research_person=research_person,
        ),
    )
    homework = f"{homework}\n\n" if homework else ""
    first_name = professional.full_name.split(" ")[0]
    return (
        f"Dear {first_name},\n\n"
        f"My name is {student.full_name}.{studies}{interests} {found}\n\n"
        f"{homework}"
        f"I would be grateful for {length_minutes} minutes of your time ({format_label.lower()}) "
        f"to hear about your path into {role}{where} and what the work is really like. "
        "I am not asking about jobs: I would simply like to learn from your experience.\n\n"
        "I have suggested a few times below, and I am happy to fit around whatever suits you "
        "better.\n\n"
        f"Thank you for considering it,\n{student.full_name}"
    )


def review_message(text: str, *, length_minutes: int, organisation: str = "") -> list[str]:
    """Warnings about the student's edited message; they never block sending.

    A job ask is the coach's (apps.questions.coach.is_job_ask), the same test the plan review
    makes of a question; ``organisation`` is the name of the professional's organisation."""
    lowered = (text or "").lower()
    warnings = []
    if is_job_ask(text, organisation):
        warnings.append(
            "Your message seems to ask for a job or an internship. An informational interview is "
            "for learning; asking for work now usually ends the conversation."
        )
    if any(re.search(p, lowered) for p in CV_PATTERNS):
        warnings.append(
            "You mention attaching your CV. Send it only if they ask for it, perhaps after the "
            "conversation."
        )
    if any(re.search(p, lowered) for p in TIME_PATTERNS):
        warnings.append(
            f"Your message seems to ask for much more than the {length_minutes} minutes you "
            "are requesting. Keep the ask small: you can always continue if they offer."
        )
    if len((text or "").strip()) < 80:
        warnings.append(
            "Your message is very short: say who you are and why you would like to talk."
        )
    return warnings
