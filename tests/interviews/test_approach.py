"""The drafts for approaching someone through the student's own e-mail, LinkedIn or phone."""

import os
from datetime import date
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apps.accounts.models import StudentProfile
from apps.interviews.approach import (
    HOW_KNOWN,
    LINKEDIN_NOTE_LIMIT,
    PHONE_PLACEHOLDER,
    Counterpart,
    Sender,
    call_ahead_email,
    drafts_text,
    email_draft,
    linkedin_message,
    linkedin_note,
    phone_script,
)
from apps.questions.coach import is_job_ask

from ..conftest import make_user

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
TUESDAY = date(2026, 12, 15)
# Words that would claim an introduction.
INTRODUCTION_CLAIMS = ("given to me", "gave me", "referred", "suggested", "introduc")


def person(**fields):
    fields.setdefault("full_name", "Priya Raman")
    fields.setdefault("how_known", "linkedin")
    fields.setdefault("role", "UX Researcher")
    fields.setdefault("organisation", "Northwind Health")
    return Counterpart(**fields)


def student(**fields):
    fields.setdefault("full_name", "Stella Student")
    fields.setdefault("programme", "BSc Psychology")
    fields.setdefault("graduation_year", 2027)
    fields.setdefault("career_interests", "UX research")
    fields.setdefault("university", "University of Leeds")
    return Sender(**fields)


def all_drafts(counterpart, sender):
    return drafts_text(counterpart, sender, TUESDAY)


def parsed_mailto(url):
    parts = urlsplit(url)
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    return parts.scheme, unquote(parts.path), query


# --- e-mail --------------------------------------------------------------------------------


TRICKY = "Zoë & Åsa? #1 100% +more = O'Brien; a/b\\c “quoted” ∑ 🙂"


def test_mailto_round_trips_subject_and_body_exactly():
    counterpart = person(
        full_name="Zoë O'Brien-Nguyễn",
        how_known="referral",
        referrer_name="Ms Åsa Lindqvist & Partners?",
        organisation="R&D #7 (100% remote)",
        email="zoe.obrien+career@example.org",
    )
    sender = student(research_person=TRICKY, research_organisation="Line one\nline two & more")
    draft = email_draft(counterpart, sender)
    assert "\n\n" in draft.body and "&" in draft.subject and "?" in draft.subject
    scheme, address, query = parsed_mailto(draft.mailto)
    assert scheme == "mailto"
    assert address == "zoe.obrien+career@example.org"
    assert set(query) == {"subject", "body"}
    assert query["subject"] == [draft.subject]
    # RFC 6068 sends line breaks as CRLF; nothing else differs.
    assert query["body"] == [draft.body.replace("\n", "\r\n")]
    assert query["body"][0].replace("\r\n", "\n") == draft.body
    assert TRICKY in draft.body


@settings(max_examples=EXAMPLES)
@given(
    name=st.text(min_size=1, max_size=80).filter(str.strip),
    note=st.text(max_size=300),
    referrer=st.text(max_size=60),
)
def test_mailto_round_trips_any_text(name, note, referrer):
    counterpart = person(full_name=name, how_known="referral", referrer_name=referrer)
    for draft in (
        email_draft(counterpart, student(research_person=note)),
        call_ahead_email(counterpart, student(research_person=note), TUESDAY),
    ):
        _scheme, _address, query = parsed_mailto(draft.mailto)
        assert query["subject"] == [draft.subject]
        assert query["body"] == [draft.body.replace("\n", "\r\n")]


def test_subject_is_the_informational_interview_request_and_names_a_referrer():
    assert email_draft(person(), student()).subject == "Informational interview request"
    referred = email_draft(person(how_known="referral", referrer_name="Ms Okafor"), student())
    assert referred.subject == "Referred by Ms Okafor: informational interview request"
    alumni = email_draft(person(how_known="alumni"), student())
    assert alumni.subject == "A University of Leeds student: informational interview request"


# --- LinkedIn ------------------------------------------------------------------------------

words = st.lists(
    st.text(alphabet=st.characters(categories=("L",)), min_size=1, max_size=120),
    min_size=1,
    max_size=8,
).map(" ".join)


@settings(max_examples=EXAMPLES)
@given(
    full_name=words,
    first_name=st.one_of(st.just(""), words),
    role=words,
    organisation=words,
    career=words,
    programme=words,
    sender_name=words,
    referrer=st.one_of(st.just(""), words),
    how_known=st.sampled_from(HOW_KNOWN),
    length=st.one_of(st.none(), st.integers(5, 60)),
)
def test_linkedin_note_fits_or_has_a_shorter_version_that_does(
    full_name,
    first_name,
    role,
    organisation,
    career,
    programme,
    sender_name,
    referrer,
    how_known,
    length,
):
    counterpart = Counterpart(
        full_name=full_name,
        first_name=first_name,
        how_known=how_known,
        role=role,
        organisation=organisation,
        referrer_name=referrer,
    )
    sender = Sender(
        full_name=sender_name,
        programme=programme,
        career_interests=career,
        university=organisation,
        length_minutes=length,
    )
    note = linkedin_note(counterpart, sender)
    assert note.length == len(note.text)
    assert note.fits == (note.length <= LINKEDIN_NOTE_LIMIT)
    assert note.shorter.strip()
    assert len(note.shorter) <= LINKEDIN_NOTE_LIMIT
    if note.fits:
        assert note.shorter == note.text
    else:
        assert len(note.shorter) < note.length
    first_word = counterpart.first_name.split(" ")[0]
    assert first_word[:30] in note.shorter
    time = f"{length} minutes" if length else "15–20 minutes"
    for text in (note.text, note.shorter):
        assert "learn about your career" in text
        assert time in text


def test_long_note_gets_a_shorter_version_that_keeps_the_referrer():
    counterpart = person(
        how_known="referral",
        referrer_name="Ms Adaeze Okafor",
        role="Principal Researcher in Human Factors and Clinical Safety",
        organisation="The Northern Regional Health and Social Care Partnership Trust",
    )
    sender = student(
        programme="MSc Human–Computer Interaction with Advanced Research Methods",
        career_interests="user research in public health services and medical devices",
    )
    note = linkedin_note(counterpart, sender)
    assert not note.fits
    assert note.shorter.startswith("Hi Priya, Ms Adaeze Okafor gave me your name.")
    assert len(note.shorter) <= LINKEDIN_NOTE_LIMIT


def test_linkedin_message_thanks_for_connecting_and_asks_for_the_time():
    message = linkedin_message(person(), student(length_minutes=15))
    assert message.startswith("Hi Priya,\n\nThank you for connecting.")
    assert "15 minutes" in message and "learn about your career" in message


# --- the introduction is claimed only when it happened -------------------------------------


def test_referral_opens_with_who_gave_the_name():
    counterpart = person(how_known="referral", referrer_name="Ms Okafor")
    email = email_draft(counterpart, student())
    assert email.body.startswith(
        "Dear Priya Raman,\n\nYour name has been given to me by Ms Okafor."
    )
    assert (
        "Your name has been given to me by Ms Okafor."
        in phone_script(counterpart, student()).opening
    )
    assert "Ms Okafor gave me your name." in linkedin_note(counterpart, student()).text


@pytest.mark.parametrize("referrer", ["", "   ", "\n"])
@pytest.mark.parametrize("how_known", HOW_KNOWN)
def test_no_introduction_is_claimed_without_a_referrer(how_known, referrer):
    counterpart = person(how_known=how_known, referrer_name=referrer)
    for text in all_drafts(counterpart, student()):
        lowered = text.lower()
        assert not any(claim in lowered for claim in INTRODUCTION_CLAIMS), text


def test_a_referrer_that_reads_as_a_job_ask_is_left_out():
    counterpart = person(how_known="referral", referrer_name="please hire me")
    drafts = all_drafts(counterpart, student())
    assert not any("hire me" in text for text in drafts)
    assert not any("given to me" in text for text in drafts)


# --- how the person is known ---------------------------------------------------------------


@pytest.mark.parametrize("how_known", ["friend", "family"])
def test_friends_and_family_are_greeted_by_first_name(how_known):
    counterpart = person(full_name="Anna Maria Kowalska", how_known=how_known)
    email = email_draft(counterpart, student())
    assert email.body.startswith("Hi Anna,\n\n")
    assert "Kowalska" not in email.body
    assert phone_script(counterpart, student()).opening.startswith("Hi Anna, it's Stella")


def test_a_given_first_name_is_used():
    counterpart = person(full_name="Dr Anna Kowalska", first_name="Ania", how_known="friend")
    assert email_draft(counterpart, student()).body.startswith("Hi Ania,")
    assert person(full_name="Dr Anna Kowalska").first_name == "Dr"


def test_alumni_hear_of_the_shared_university_and_programme():
    body = email_draft(person(how_known="alumni"), student()).body
    assert "you studied at University of Leeds, where I am a student now" in body
    assert "studying BSc Psychology at University of Leeds" in body


def test_a_linkedin_contact_hears_of_linkedin_and_a_binder_one_of_the_career_centre():
    assert "LinkedIn" in email_draft(person(how_known="linkedin"), student()).body
    assert "career centre" in email_draft(person(how_known="binder"), student()).body
    assert "LinkedIn" not in email_draft(person(how_known="binder"), student()).body


def test_an_unknown_channel_or_missing_name_is_refused():
    with pytest.raises(ValueError):
        person(how_known="cold call")
    with pytest.raises(ValueError):
        person(full_name="  ")
    with pytest.raises(ValueError):
        student(full_name="")
    with pytest.raises(ValueError):
        student(length_minutes=90)


# --- the phone -----------------------------------------------------------------------------


def test_phone_script_has_every_part():
    script = phone_script(person(how_known="referral", referrer_name="Ms Okafor"), student())
    for heading, text in script.sections():
        assert text.strip(), heading
    assert script.opening.startswith("Hello, is that Priya Raman? My name is Stella Student.")
    assert "learn about your career as UX Researcher at Northwind Health" in script.why
    assert "not calling about a job" in script.why
    assert "15–20 minutes" in script.time_ask
    assert "UX Researcher at Northwind Health" in script.why_you
    assert "Priya Raman" in script.gatekeeper and "15–20 minutes" in script.gatekeeper
    assert "Ms Okafor" in script.gatekeeper
    assert "call back" in script.close


def test_why_this_person_uses_the_research_on_them():
    sender = student(research_person="She led the redesign of the NHS App's booking flow")
    assert "the NHS App's booking flow" in phone_script(person(), sender).why_you


def test_voicemail_says_the_name_twice_and_how_to_call_back():
    voicemail = phone_script(person(), student()).voicemail
    assert voicemail.count("Stella Student") == 2
    assert voicemail.count(PHONE_PLACEHOLDER) == 2
    assert "try you again" in voicemail
    assert "15–20 minutes" in voicemail and "learn" in voicemail


# --- writing first, then calling -----------------------------------------------------------


@pytest.mark.parametrize(
    "day, said", [(TUESDAY, "Tuesday, 15 December"), (date(2027, 3, 1), "Monday, 1 March")]
)
def test_call_ahead_email_names_the_weekday_and_date(day, said):
    draft = call_ahead_email(person(), student(), day)
    assert f"I will ring you on {said}" in draft.body
    assert said in draft.subject
    _scheme, _address, query = parsed_mailto(draft.mailto)
    assert query["subject"] == [draft.subject]


# --- the etiquette, across every draft -----------------------------------------------------


@pytest.mark.parametrize("referrer", ["", "Ms Okafor"])
@pytest.mark.parametrize("how_known", HOW_KNOWN)
def test_no_draft_asks_for_a_job(how_known, referrer):
    counterpart = person(how_known=how_known, referrer_name=referrer)
    for text in all_drafts(counterpart, student()):
        assert not is_job_ask(text), text


def test_job_asks_in_the_students_own_notes_are_left_out():
    sender = student(
        career_interests="any internships at your firm",
        research_person="Are they hiring graduates this year?",
        research_organisation="I hope you can pass on my CV to HR",
        programme="hire me",
    )
    for how_known in HOW_KNOWN:
        for text in all_drafts(person(how_known=how_known), sender):
            assert not is_job_ask(text), text


@pytest.mark.parametrize("length, time", [(None, "15–20 minutes"), (30, "30 minutes")])
@pytest.mark.parametrize("how_known", HOW_KNOWN)
def test_every_draft_asks_to_learn_about_their_career_for_the_time(how_known, length, time):
    counterpart = person(how_known=how_known)
    sender = student(length_minutes=length)
    note = linkedin_note(counterpart, sender)
    script = phone_script(counterpart, sender)
    texts = [
        email_draft(counterpart, sender).body,
        note.text,
        note.shorter,
        linkedin_message(counterpart, sender),
        " ".join(text for _heading, text in script.sections()),
        script.voicemail,
        script.gatekeeper,
        call_ahead_email(counterpart, sender, TUESDAY).body,
    ]
    for text in texts:
        assert "learn" in text and "career" in text, text
        assert time in text, text
        if length:
            assert "15–20" not in text


def test_names_accents_apostrophes_and_capitals_are_kept_as_written():
    counterpart = person(
        full_name="Zoë O'Connor-Nguyễn", organisation="Médecins Sans Frontières", role="CTO"
    )
    sender = student(
        full_name="Siân Ní Bhriain",
        programme="MSc Urban Planning (São Paulo)",
        career_interests="UX research in the NHS",
        research_person="She reviews CVs for the Royal Society in London",
    )
    body = email_draft(counterpart, sender).body
    for written in (
        "Zoë O'Connor-Nguyễn",
        "Médecins Sans Frontières",
        "as CTO",
        "Siân Ní Bhriain",
        "MSc Urban Planning (São Paulo)",
        "UX research in the NHS",
        "She reviews CVs for the Royal Society in London",
        "I am",
    ):
        assert written in body
    assert linkedin_note(counterpart, sender).text.startswith("Hi Zoë,")


# --- the student's profile -----------------------------------------------------------------


@pytest.mark.django_db
def test_sender_is_built_from_the_students_profile(django_assert_num_queries):
    user = make_user(full_name="Stella Student")
    StudentProfile.objects.filter(user=user).update(
        programme="BSc Psychology",
        graduation_year=2027,
        career_interests="UX research.",
        linkedin_url="https://www.linkedin.com/in/stella-student",
    )
    user.refresh_from_db()
    sender = Sender.from_user(user, research_person="Wrote on trust", length_minutes=15)
    assert (sender.programme, sender.graduation_year, sender.career) == (
        "BSc Psychology",
        2027,
        "UX research",
    )
    assert sender.research_person == "Wrote on trust" and sender.time == "15 minutes"
    # Composing reads and writes nothing.
    with django_assert_num_queries(0):
        drafts = all_drafts(person(), sender)
    assert any("https://www.linkedin.com/in/stella-student" in text for text in drafts)


@pytest.mark.django_db
def test_sender_without_a_profile_still_composes():
    user = make_user(full_name="Sam Staff", role="staff")
    sender = Sender.from_user(user)
    assert sender.programme == "" and sender.time == "15–20 minutes"
    assert email_draft(person(), sender).body.startswith("Dear Priya Raman,\n\nI came across")


def test_shorter_note_cuts_even_a_huge_first_name_to_fit():
    counterpart = person(
        full_name="X", first_name="Ann " + "B" * 400, how_known="referral", referrer_name="R" * 400
    )
    note = linkedin_note(counterpart, student(full_name="S" * 400, career_interests="C" * 400))
    assert not note.fits
    assert len(note.shorter) <= LINKEDIN_NOTE_LIMIT
    assert note.shorter.startswith("Hi Ann…,") and "learn about your career" in note.shorter
