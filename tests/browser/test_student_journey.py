"""Journeys 2 to 6: a student registers and books, a professional accepts, the student follows up.

The same journey runs three ways: with the mouse at desktop width, with the keyboard alone
(Tab to each control, Enter or Space to press it, typing into fields), and at phone width.
"""

import re
from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from apps.contacts.models import Industry
from apps.interviews.models import Interview
from apps.reminders.models import Reminder

from ..contacts.factories import make_professional

pytestmark = pytest.mark.django_db(transaction=True)

STUDENT_EMAIL = "maya.student@example.edu"
STUDENT_PASSWORD = "a-long-and-careful-passphrase"
PRO_EMAIL = "priya@northwind.example"


class Person:
    """Acts on a page with the mouse (or a tap), or with the keyboard alone."""

    def __init__(self, browser, *, keyboard: bool):
        self.browser = browser
        self.page = browser.page
        self.keyboard = keyboard

    def _tab_to(self, locator, *, limit=250):
        target = locator.element_handle()
        for _ in range(limit):
            if self.page.evaluate("el => el === document.activeElement", target):
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"Tab never reached {locator}")

    def press(self, locator, *, navigates=True):
        """Follow a link or press a button, and wait for the page it leads to."""
        locator = locator.first
        if not self.keyboard:
            locator.click()
            return
        self._tab_to(locator)
        key = "Space" if locator.evaluate("el => el.tagName === 'BUTTON'") else "Enter"
        if navigates:
            with self.page.expect_navigation():
                self.page.keyboard.press(key)
        else:
            self.page.keyboard.press(key)

    def menu(self, name: str):
        """Follow a link of the main menu, opening the menu first where it is folded away."""
        nav = self.page.get_by_role("navigation", name="Main")
        link = nav.get_by_role("link", name=name, exact=True)
        if not link.is_visible():
            self.press(nav.get_by_role("button", name="Show or hide the menu"), navigates=False)
            link.wait_for(state="visible")
        self.press(link)

    def fill(self, locator, text: str):
        if not self.keyboard:
            locator.fill(text)
            return
        self._tab_to(locator)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        self.page.keyboard.type(text)

    def tick(self, locator):
        if not self.keyboard:
            locator.check()
            return
        if locator.get_attribute("type") == "radio":
            # A group of radios is one Tab stop; the arrow keys move (and tick) within it, and
            # Space ticks the one Tab landed on while none is ticked yet.
            group = locator.get_attribute("name")
            for _ in range(250):
                if self.page.evaluate("name => document.activeElement.name === name", group):
                    break
                self.page.keyboard.press("Tab")
            else:
                raise AssertionError(f"Tab never reached the {group} radios")
            target = locator.element_handle()
            for _ in range(20):
                if locator.is_checked():
                    return
                focused = self.page.evaluate("el => el === document.activeElement", target)
                self.page.keyboard.press("Space" if focused else "ArrowDown")
            raise AssertionError(f"the arrow keys never reached {locator}")
        self._tab_to(locator)
        if not locator.is_checked():
            self.page.keyboard.press("Space")

    def choose(self, locator, label: str):
        """Pick an option of a select by its text."""
        if not self.keyboard:
            locator.select_option(label=label)
            return
        self._tab_to(locator)
        self.page.keyboard.press("Home")  # the arrow keys then walk down from the first option
        for _ in range(50):
            if locator.evaluate("el => el.options[el.selectedIndex].text") == label:
                return
            self.page.keyboard.press("ArrowDown")
        raise AssertionError(f"no option {label!r}")

    def datetime(self, locator, when):
        """A datetime-local field: typed segment by segment, as a person at a keyboard does."""
        if not self.keyboard:
            locator.fill(when.strftime("%Y-%m-%dT%H:%M"))
            return
        # The date's segments come in the browser's own order, and the clock may have 24 hours
        # or 12 with AM/PM (headless Chromium keeps its own, whatever the page's locale); each
        # segment is a Tab stop. Type day first on a 24-hour clock; if the value came out
        # otherwise, Shift+Tab out of the field, Tab back to its first segment and try the next
        # way. The year takes up to six digits, so an arrow key moves on to the hours.
        self._tab_to(locator)
        wanted = when.strftime("%Y-%m-%dT%H:%M")
        target = locator.element_handle()
        clocks = [("%H%M", ""), ("%I%M", "P" if when.hour >= 12 else "A")]
        for order, (clock, half) in [(o, c) for c in clocks for o in ("%d%m%Y", "%m%d%Y")]:
            self.page.keyboard.type(when.strftime(order))
            self.page.keyboard.press("ArrowRight")
            self.page.keyboard.type(when.strftime(clock) + half)
            if locator.input_value() == wanted:
                break
            for _ in range(10):
                if not self.page.evaluate("el => el === document.activeElement", target):
                    break
                self.page.keyboard.press("Shift+Tab")
            self.page.keyboard.press("Tab")
        assert locator.input_value() == when.strftime("%Y-%m-%dT%H:%M"), locator.input_value()


def wait(page):
    page.wait_for_load_state("load")


@pytest.mark.parametrize("way", ["mouse", "keyboard", "phone"])
def test_register_book_accept_record_and_thank(open_browser, mailbox, way):
    # The live server needs real commits, so the tables start empty of migrated data.
    technology, _ = Industry.objects.get_or_create(name="Technology")
    make_professional(
        full_name="Priya Raman",
        email=PRO_EMAIL,
        phone="+1 212 555 0100",
        job_title="UX Researcher",
        industry=technology,
        time_zone="America/New_York",
        accepts_video=True,
        talk_about="How user research shapes products.",
    )
    make_professional(full_name="Ola Nordmann", job_title="Accountant")
    student_window = open_browser("student", phone=way == "phone")
    page = student_window.page
    me = Person(student_window, keyboard=way == "keyboard")

    # Journey 2. Register.
    student_window.goto("/")
    student_window.check("public-home")
    me.press(page.get_by_role("link", name="Register"))
    wait(page)
    student_window.check("register")
    me.fill(page.get_by_label("Your name"), "Maya Student")
    me.fill(page.get_by_label("Institutional e-mail address"), STUDENT_EMAIL)
    me.fill(page.locator("[name=password1]"), STUDENT_PASSWORD)
    me.fill(page.locator("[name=password2]"), STUDENT_PASSWORD)
    me.press(page.get_by_role("button", name="Register"))
    page.wait_for_url("**/register/done/")
    student_window.check("register-done")
    assert STUDENT_EMAIL in page.inner_text("main")

    # Confirm the address with the link from the mail queue.
    confirm = mailbox.link(STUDENT_EMAIL, "/accounts/confirm/")
    student_window.goto(confirm)
    student_window.check("confirm")
    me.press(page.get_by_role("button", name="Confirm my address"))
    page.wait_for_url("**/accounts/profile/")
    assert page.get_by_text("Your address is confirmed").is_visible()
    student_window.check("profile")

    # Search the binder.
    me.menu("Find professionals")
    page.wait_for_url("**/professionals/")
    me.fill(page.get_by_label("Search", exact=True), "user research")
    me.press(page.get_by_role("button", name="Search", exact=True))
    page.wait_for_url("**/professionals/?*")
    student_window.check("search")
    results = page.get_by_role("main")
    assert results.get_by_role("link", name="Priya Raman").is_visible()
    assert results.get_by_text("Ola Nordmann").count() == 0
    me.press(results.get_by_role("link", name="Priya Raman"))
    page.wait_for_url("**/professionals/*/")
    student_window.check("professional-profile")
    assert PRO_EMAIL not in page.content()

    # Research.
    me.press(page.get_by_role("button", name="Prepare a conversation"))
    page.wait_for_url("**/interviews/*/")
    interview = Interview.objects.get()
    student_window.check("workspace-new")
    me.fill(page.locator("[name=research_career]"), "UX research mixes interviews and data.")
    me.fill(page.locator("[name=research_organisation]"), "Northwind builds banking apps.")
    me.fill(page.locator("[name=research_person]"), "Priya led research for ten years.")
    me.press(page.get_by_role("button", name="Save research"))
    wait(page)
    interview.refresh_from_db()
    assert interview.research_organisation == "Northwind builds banking apps."

    # Build the plan; a closed question draws the coach's advice.
    me.press(page.get_by_role("link", name="Edit your question plan"))
    page.wait_for_url("**/plans/*/")
    student_window.check("plan-empty")
    for text in [
        "Do you like your job?",
        "How did you move into user research?",
        "What does a typical week look like for you?",
        "Who else would you suggest I talk to?",
    ]:
        me.fill(page.get_by_label("Your own question"), text)
        me.press(page.get_by_role("button", name="Add to the plan"))
        wait(page)
    advice = page.get_by_role("list", name="Coach's advice").first
    assert "invites a yes or no" in advice.inner_text()
    student_window.check("plan-with-advice")
    assert interview.plan.items.count() == 4

    # Send the request with one proposed time.
    me.menu("Interviews")
    page.wait_for_url("**/interviews/")
    student_window.check("interview-list")
    me.press(page.get_by_role("main").get_by_role("link", name=re.compile("Priya Raman")))
    page.wait_for_url(f"**/interviews/{interview.pk}/")
    when = timezone.localtime(timezone.now() + timedelta(days=5)).replace(
        hour=15, minute=0, second=0, microsecond=0
    )
    me.datetime(page.locator("[name=time_1]"), when)
    me.press(page.get_by_role("button", name="Save and send the request"))
    wait(page)
    student_window.check("request-sent")
    interview.refresh_from_db()
    assert interview.status == "requested"
    assert page.get_by_role("heading", name="Waiting for Priya Raman").is_visible()

    # Journey 3. The professional opens the link from the e-mail and accepts the time.
    respond = mailbox.link(PRO_EMAIL, "/respond/")
    pro_window = open_browser("professional", phone=way == "phone")
    pro = Person(pro_window, keyboard=way == "keyboard")
    pro_page = pro_window.page
    pro_window.goto(respond)
    pro_window.check("respond")
    assert pro_page.get_by_role(
        "heading", name="Maya Student would like to talk to you"
    ).is_visible()
    accept = pro_page.locator("section", has=pro_page.get_by_role("heading", name="Accept a time"))
    pro.tick(accept.get_by_role("radio").first)
    pro.fill(pro_page.get_by_label("Place, phone number or video link"), "https://meet.example/abc")
    pro.press(pro_page.get_by_role("button", name="Accept this time"))
    wait(pro_page)
    assert "The conversation is confirmed" in pro_page.inner_text("main"), pro_page.inner_text(
        "main"
    )
    pro_window.check("respond-accepted")
    interview.refresh_from_db()
    assert interview.status == "confirmed" and interview.where == "https://meet.example/abc"

    # Both sides get the calendar file by e-mail.
    mailbox.deliver()
    for address in (STUDENT_EMAIL, PRO_EMAIL):
        messages = [m for m in mailbox.delivered(address) if "confirmed" in m.subject.lower()]
        assert messages, f"no confirmation for {address}"
        assert any(
            a[2] == "text/calendar" or a[0].endswith(".ics") for a in _attachments(messages[-1])
        )

    # Journey 4. The student downloads the .ics.
    page.reload()
    wait(page)
    student_window.check("workspace-confirmed")
    assert page.get_by_text("https://meet.example/abc").first.is_visible()
    with page.expect_download() as download_info:
        me.press(page.get_by_role("link", name="Download the calendar file"), navigates=False)
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    event = icalendar.Calendar.from_ical(open(download.path(), "rb").read()).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == interview.starts_at

    # The meeting happens; the student records it.
    Interview.objects.filter(pk=interview.pk).update(
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() - timedelta(minutes=40),
    )
    page.reload()
    wait(page)
    me.press(page.get_by_role("link", name="Record what you learnt"))
    page.wait_for_url("**/record/")
    student_window.check("record")
    me.fill(
        page.get_by_label("How did you move into user research?"), "Through a psychology lab job."
    )
    me.fill(page.get_by_label("Promise 1: what they offered to do"), "Send a reading list")
    me.press(page.get_by_role("button", name="Save the record"))
    wait(page)
    interview.refresh_from_db()
    assert interview.status == "completed"

    # The thank-you reminder is on the dashboard; open the draft and send it.
    me.menu("Home")
    page.wait_for_url(student_window.url("/"))
    student_window.check("dashboard")
    card = page.locator("article.reminder-thank_you")
    assert card.count() == 1 and "Priya Raman" in card.inner_text()
    me.press(card.get_by_role("link", name="Your drafted note is ready to edit"))
    page.wait_for_url("**/thank-you/*/")
    student_window.check("thank-you-draft")
    draft = page.get_by_label("Your note").input_value()
    assert "reading list" in draft and "Priya" in draft
    me.press(page.get_by_role("button", name="Send it from here"))
    page.wait_for_url(student_window.url("/"))
    assert page.get_by_text("Sent. They can reply straight to your address.").is_visible()
    assert page.locator("article.reminder-thank_you").count() == 0
    student_window.check("dashboard-after-thanks")
    assert not Reminder.objects.filter(kind="thank_you", state="pending").exists()

    # The worker delivers the note to the professional.
    mailbox.deliver()
    thanks = [m for m in mailbox.delivered(PRO_EMAIL) if "thank" in m.subject.lower()]
    assert thanks and "reading list" in thanks[-1].body


def _attachments(message):
    import email

    parsed = email.message_from_bytes(message.message().as_bytes())
    return [
        (part.get_filename() or "", part.get_payload(decode=True), part.get_content_type())
        for part in parsed.walk()
        if part.get_content_type() == "text/calendar" or part.get_filename()
    ]
