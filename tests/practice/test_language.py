import pytest
from django.urls import reverse

from apps.interviews.models import Answer, Interview
from apps.practice import language

from ..conftest import client_for
from ..contacts.factories import make_professional

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(student):
    """Three recorded interviews with known words: two in technology, one in the arts."""
    specs = [
        (
            "Ada Lin",
            "Pixel Works",
            "Technology",
            "Stakeholder buy-in\nusability testing\nsynthesis",
        ),
        ("Bo Ruiz", "Data Forge", "Technology", "stakeholders' buy-in\nUsability tests\nroadmap"),
        ("Cy Moss", "Fjord Museum", "Arts, Culture and Heritage", "audience engagement\nsynthesis"),
    ]
    made = []
    for name, org, industry, words in specs:
        pro = make_professional(full_name=name, organisation=org, industry=industry)
        made.append(
            Interview.objects.create(
                student=student, professional=pro, status="completed", language=words
            )
        )
    Interview.objects.create(
        student=student,
        professional=make_professional(),
        status="requested",
        language="ignored term",
    )
    return made


def test_terms_recur_with_exact_counts_and_sources(student, recorded):
    terms = {t.key: t for t in language.terms_for(student)}
    assert set(terms) == {
        "stakeholder buy-in",
        "usability test",
        "synthesis",
        "roadmap",
        "audience engagement",
    }
    assert terms["stakeholder buy-in"].count == 2
    assert terms["stakeholder buy-in"].organisations == ["Data Forge", "Pixel Works"]
    assert terms["usability test"].count == 2 and terms["usability test"].industries == [
        "Technology"
    ]
    assert terms["synthesis"].count == 2
    assert terms["synthesis"].industries == ["Arts, Culture and Heritage", "Technology"]
    assert [s.professional for s in terms["roadmap"].sources] == ["Bo Ruiz"]
    ordered = [t.key for t in language.terms_for(student)]
    assert ordered[:3] == ["stakeholder buy-in", "synthesis", "usability test"]
    suggestions = language.suggestions_by_industry(language.terms_for(student))
    assert [t.key for t in suggestions["Technology"]] == ["stakeholder buy-in", "usability test"]
    assert "Arts, Culture and Heritage" not in suggestions


def test_pin_hide_and_edit_persist(student, student_client, recorded):
    url = reverse("practice:term_update")
    student_client.post(url, {"key": "roadmap", "action": "pin"})
    student_client.post(url, {"key": "synthesis", "action": "hide"})
    student_client.post(
        url, {"key": "usability test", "action": "edit", "label": "usability testing"}
    )
    terms = {t.key: t for t in language.terms_for(student)}
    assert terms["roadmap"].pinned and terms["synthesis"].hidden
    assert terms["usability test"].text == "usability testing"
    assert language.terms_for(student)[0].key == "roadmap"  # pinned leads
    page = student_client.get(reverse("practice:language")).content.decode()
    assert "usability testing" in page and "Show again" in page
    suggestions = language.suggestions_by_industry(language.terms_for(student))
    assert "roadmap" in [t.key for t in suggestions["Technology"]]
    response = student_client.post(url, {"key": "not recorded", "action": "pin"}, follow=True)
    assert "not among your recorded words" in response.content.decode()


def test_private_to_the_student(student, other_student, staff_client, recorded):
    page = client_for(other_student).get(reverse("practice:language")).content.decode()
    assert "Stakeholder" not in page and "usability" not in page.lower()
    assert staff_client.get(reverse("practice:language")).status_code == 404


def test_terms_come_also_from_recorded_answers_and_notes(student, student_client, recorded):
    """Issue 21: the page draws on the answers and notes too, not only the "their words" box."""
    ada, bo, cy = recorded
    cy.notes = "She kept saying “visitor journey” and talked about audience engagement plans."
    cy.save()
    bo.notes = "Lots on the product roadmap and on design sprints."
    bo.save()
    Answer.objects.create(
        interview=ada,
        question="What is a typical week?",
        text="Two design sprints, then synthesis.",
    )
    terms = {t.key: t for t in language.terms_for(student)}
    # Quoted in the notes: a term of its own.
    assert "visitor journey" in terms and terms["visitor journey"].count == 1
    # A phrase in two conversations' answers and notes.
    assert terms["design sprint"].count == 2
    assert {s.professional for s in terms["design sprint"].sources} == {"Ada Lin", "Bo Ruiz"}
    # Box terms heard again elsewhere count that conversation too (and no more than once).
    assert terms["roadmap"].count == 1  # Bo's box and Bo's notes: one conversation
    assert terms["synthesis"].count == 2  # Ada's box (and answer) and Cy's box
    # A phrase heard once, in one conversation, is not a term.
    assert "engagement plan" not in terms
    page = student_client.get(reverse("practice:language")).content.decode()
    assert "visitor journey" in page and "design sprints" in page
