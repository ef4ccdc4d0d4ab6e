"""Journey 7: a student brings in their own network and talks to someone they already know.

They import LinkedIn's Connections.csv as LinkedIn writes it, pick an alumna, copy the LinkedIn
note the product drafted, log a voicemail and then the call that booked the conversation,
record it, send the thank-you from their own mail and mark her as a mentor. The same journey
runs with the mouse at desktop width, with the keyboard alone, and at phone width; every page
on the way passes axe and the Nu checker (``Browser.check``).
"""

from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.utils import timezone

from apps.interviews.models import Interview
from apps.network.models import Approach, Person
from apps.reminders.models import Contact, Reminder

from ..conftest import make_user
from ..network.test_people import LINKEDIN
from .test_staff_journey import sign_in
from .test_student_journey import Person as Actor
from .test_student_journey import wait

pytestmark = pytest.mark.django_db(transaction=True)

STUDENT_EMAIL = "maya.student@example.edu"
ALUMNA = "Aoife Ní Bhriain"
ALUMNA_EMAIL = "aoife@harbour-museum.example"


@pytest.mark.parametrize("way", ["mouse", "keyboard", "phone"])
def test_import_approach_book_record_thank_and_keep(open_browser, tmp_path, way):
    student = make_user(email=STUDENT_EMAIL, full_name="Maya Student")
    connections = tmp_path / "Connections.csv"
    connections.write_bytes(LINKEDIN.encode("utf-8"))
    window = open_browser("student", phone=way == "phone")
    window.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=window.site.url)
    page = window.page
    me = Actor(window, keyboard=way == "keyboard")
    sign_in(window, STUDENT_EMAIL)
    page.wait_for_url("**/")

    # Import the LinkedIn export: preview first, then all of it at once.
    me.menu("People I know")
    page.wait_for_url("**/people/")
    window.check("people-empty")
    me.press(page.get_by_role("link", name="Import from LinkedIn or a spreadsheet"))
    page.wait_for_url("**/people/import/")
    window.check("import-upload")
    page.get_by_label("LinkedIn's Connections.csv, or a spreadsheet").set_input_files(connections)
    me.press(page.get_by_role("button", name="Upload and preview"))
    page.wait_for_url("**/people/import/*/")
    window.check("import-preview")
    preview = page.inner_text("main")
    assert ALUMNA in preview and "José Müller-Łukasik" in preview
    me.press(page.get_by_role("button", name="Import these 3 rows"))
    wait(page)
    window.check("import-done")
    people = Person.objects.filter(student=student)
    assert sorted(people.values_list("full_name", flat=True)) == [
        "Aoife Ní Bhriain",
        "Chidi Okafor",
        "José Müller-Łukasik",
    ]
    assert people.get(full_name=ALUMNA).email == ""  # LinkedIn left it out

    # Pick the alumna, say how they know each other and add the address she gave.
    me.menu("People I know")
    page.wait_for_url("**/people/")
    window.check("people")
    me.press(page.get_by_role("main").get_by_role("link", name=ALUMNA))
    page.wait_for_url("**/people/*/")
    aoife = people.get(full_name=ALUMNA)
    window.check("person")
    me.press(page.get_by_role("link", name=f"Edit {ALUMNA}"))
    page.wait_for_url(f"**/people/{aoife.pk}/edit/")
    window.check("person-edit")
    me.choose(page.get_by_label("How I know them"), "Alumni")
    me.fill(page.get_by_label("E-mail"), ALUMNA_EMAIL)
    me.press(page.get_by_role("button", name="Save"))
    page.wait_for_url(f"**/people/{aoife.pk}/")
    aoife.refresh_from_db()
    assert aoife.how_known == "alumni" and aoife.email == ALUMNA_EMAIL

    # Copy the LinkedIn connection note: it fits the 300 characters and lands on the clipboard.
    note = page.locator("#draft-note").inner_text().strip()
    assert 0 < len(note) <= 300 and "Aoife" in note
    assert f"{len(note)} of 300 characters" in page.locator("#note-count").inner_text()
    me.press(page.get_by_role("button", name="Copy the note"), navigates=False)
    page.get_by_text("Copied: ready to paste.").wait_for(state="attached")
    assert page.evaluate("navigator.clipboard.readText()").strip() == note

    # Ring her: a voicemail first, and the advice says to wait before trying again.
    me.tick(page.get_by_label("Called: left a voicemail"))
    me.press(page.get_by_role("button", name="Log it"))
    page.wait_for_url(f"**/people/{aoife.pk}/#approaches")
    window.check("person-after-voicemail")
    assert "Not yet: wait until" in page.locator("#approaches").inner_text()
    # She rings back the same day and they book it: an answer is always logged.
    me.tick(page.get_by_label("Spoke (or heard back): booked a conversation"))
    me.press(page.get_by_role("button", name="Log it"))
    page.wait_for_url(f"**/people/{aoife.pk}/#approaches")
    assert list(
        Approach.objects.filter(person=aoife)
        .order_by("created_at")
        .values_list("outcome", flat=True)
    ) == ["voicemail", "booked"]
    log = page.locator(".approach-log").inner_text()
    assert "left a voicemail" in log and "booked a conversation" in log

    # Plan the conversation: the same workspace as for the binder.
    me.press(page.get_by_role("button", name=f"Plan a conversation with {ALUMNA}"))
    page.wait_for_url("**/interviews/*/")
    interview = Interview.objects.get(student=student)
    assert interview.person == aoife and interview.professional is None
    window.check("conversation-new")
    me.fill(page.locator("[name=research_career]"), "Curators care for and interpret collections.")
    me.press(page.get_by_role("button", name="Save research"))
    wait(page)

    # Record the booking she agreed on the phone; it took place an hour ago.
    when = timezone.localtime(timezone.now() - timedelta(hours=1)).replace(second=0, microsecond=0)
    me.datetime(page.get_by_label("When (your time zone)"), when)
    me.choose(page.get_by_label("Format"), "Phone")
    me.fill(page.get_by_label("Place, phone number or video link"), "She rings me")
    me.press(page.get_by_role("button", name="Record the booking"))
    wait(page)
    interview.refresh_from_db()
    assert interview.status == "confirmed" and interview.starts_at == when
    window.check("conversation-booked")
    assert page.get_by_role("link", name="Download the calendar file").is_visible()

    # Record what she said, with the colleague she suggested.
    me.press(page.get_by_role("link", name="Record what you learnt"))
    page.wait_for_url("**/record/")
    window.check("record")
    me.fill(page.get_by_label("Notes"), "Volunteer first; the museum hires from its volunteers.")
    me.fill(page.get_by_label("Promise 1: what they offered to do"), "Send the volunteer form")
    me.fill(page.get_by_label("Person 1 they suggested: name"), "Dara Quinn")
    me.fill(page.get_by_label("Person 1: role"), "Registrar")
    me.press(page.get_by_role("button", name="Save the record"))
    wait(page)
    interview.refresh_from_db()
    assert interview.status == "completed"
    dara = people.get(full_name="Dara Quinn")
    assert dara.referred_by == ALUMNA and dara.how_known == "referral"

    # The thank-you opens in her own mail, and she tells us it has gone.
    me.menu("Home")
    page.wait_for_url(window.url("/"))
    window.check("dashboard")
    card = page.locator("article.reminder-thank_you")
    assert card.count() == 1 and ALUMNA in card.inner_text()
    me.press(card.get_by_role("link", name="Your drafted note is ready to edit"))
    page.wait_for_url("**/thank-you/*/")
    window.check("thank-you-draft")
    assert page.get_by_role("button", name="Send it from here").count() == 0
    href = page.get_by_role("link", name="Open it in your e-mail").get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and unquote(parts.path) == ALUMNA_EMAIL
    query = parse_qs(parts.query)
    assert "volunteer form" in query["body"][0] and query["subject"][0]
    me.press(page.get_by_role("button", name="I have sent it"))
    wait(page)
    window.check("thank-you-sent")
    assert not Reminder.objects.filter(student=student, kind="thank_you", state="pending").exists()

    # Keep in touch: she becomes a mentor.
    me.menu("Contacts")
    page.wait_for_url("**/contacts/")
    window.check("contacts")
    contact = Contact.objects.get(student=student, person=aoife)
    me.tick(page.locator(f"#mentor-{contact.pk}"))
    me.fill(page.locator(f"#reason-{contact.pk}"), "She knows every museum in the city.")
    me.press(page.get_by_role("button", name=f"Save for {ALUMNA}"))
    page.wait_for_url("**/contacts/")
    window.check("contacts-mentor")
    contact.refresh_from_db()
    assert contact.is_mentor and contact.mentor_reason == "She knows every museum in the city."
    assert page.get_by_text(f"Saved for {ALUMNA}.").is_visible()


@pytest.mark.parametrize("way", ["mouse", "phone"])
def test_add_suggest_and_remove(open_browser, mailbox, way):
    """The other new pages: adding a person by hand, suggesting them for the binder (and the
    invitation they open), and the two confirmations that remove an entry or a person."""
    student = make_user(email=STUDENT_EMAIL, full_name="Maya Student")
    window = open_browser("student", phone=way == "phone")
    page = window.page
    me = Actor(window, keyboard=False)
    sign_in(window, STUDENT_EMAIL)
    page.wait_for_url("**/")

    me.menu("People I know")
    page.wait_for_url("**/people/")
    me.press(page.get_by_role("link", name="Add a person"))
    page.wait_for_url("**/people/add/")
    window.check("person-add")
    me.fill(page.get_by_label("Name"), "Tom Okafor")
    me.fill(page.get_by_label("Role"), "Site engineer")
    me.fill(page.get_by_label("Organisation"), "Okafor & Daughters")
    me.choose(page.get_by_label("How I know them"), "Family")
    me.fill(page.get_by_label("E-mail"), "tom@okafor.example")
    me.press(page.get_by_role("button", name="Save"))
    page.wait_for_url("**/people/*/")
    tom = Person.objects.get(student=student)
    assert (tom.full_name, tom.how_known, tom.source) == ("Tom Okafor", "family", "manual")

    # Suggest him for the binder: the page says what will happen; one invitation goes.
    me.press(page.get_by_role("link", name="Suggest for the binder"))
    page.wait_for_url(f"**/people/{tom.pk}/suggest/")
    window.check("suggest")
    me.press(page.get_by_role("button", name="Send the invitation"))
    page.wait_for_url(f"**/people/{tom.pk}/")
    assert page.get_by_text("One invitation is on its way to Tom Okafor").is_visible()
    window.check("person-suggested")
    assert len(mailbox.queued("tom@okafor.example")) == 1
    join = mailbox.link("tom@okafor.example", "/volunteer/join/")
    guest = open_browser("invited", phone=way == "phone")
    guest.goto(join)
    guest.check("volunteer-join")
    assert guest.page.get_by_label("Your name").input_value() == "Tom Okafor"

    # A mistaken approach comes out of the log after a confirmation.
    me.tick(page.get_by_label("Sent an e-mail"))
    me.press(page.get_by_role("button", name="Log it"))
    page.wait_for_url(f"**/people/{tom.pk}/#approaches")
    me.press(page.locator(".approach-log").get_by_role("link", name="Remove"))
    page.wait_for_url(f"**/people/{tom.pk}/approaches/*/delete/")
    window.check("approach-delete")
    me.press(page.get_by_role("button", name="Yes, remove the entry"))
    page.wait_for_url(f"**/people/{tom.pk}/**")
    assert not Approach.objects.filter(person=tom).exists()

    # And the person goes too, after saying what goes with them.
    me.press(page.get_by_role("link", name="Remove Tom Okafor"))
    page.wait_for_url(f"**/people/{tom.pk}/delete/")
    window.check("person-delete")
    me.press(page.get_by_role("button", name="Yes, remove them"))
    page.wait_for_url("**/people/")
    assert not Person.objects.filter(student=student).exists()
    window.check("people-after-remove")
