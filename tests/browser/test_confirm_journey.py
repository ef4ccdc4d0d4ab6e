"""Journey 7: nothing destructive in one click. Staff turn a volunteer down, merge two entries
and stop short of "do not contact"; a professional stops short of erasing and of "never", then
leaves through their listing link; another says "never" from a request's link; a student
withdraws a request and stops short of deleting their account; each through its confirmation
step, on a desktop and on a phone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.contacts import services as binder
from apps.contacts.models import Professional
from apps.interviews import services as interview_services
from apps.interviews.models import Interview

from ..conftest import make_user
from ..contacts.factories import make_professional
from ..interviews.helpers import sent_interview
from .test_staff_journey import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _box(page, name):
    return page.get_by_role("button", name=name).bounding_box()


@pytest.mark.parametrize("way", ["desktop", "phone"])
def test_each_destructive_step_asks_first(open_browser, way):
    phone = way == "phone"
    make_user(role=User.Role.STAFF, email="coordinator@uni.example", full_name="Cora Coordinator")
    make_professional(
        full_name="Tad Turned",
        email="tad@studio.example",
        status=Professional.Status.PENDING,
        source="volunteer",
        email_confirmed_at=timezone.now(),
    )
    older = make_professional(full_name="Zoe Adams", email="", organisation="Fjord Labs")
    Professional.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=3))
    make_professional(full_name="zoe adams", email="zoe@fjord.example", organisation="Fjord Labs")

    staff = open_browser("staff", phone=phone)
    page = staff.page
    sign_in(staff, "coordinator@uni.example")
    page.wait_for_url(staff.url("/"))

    # Turning a volunteer down shows what will happen; nothing changes until confirmed.
    staff.goto("/binder/volunteers/")
    page.get_by_role("link", name="Turn down Tad Turned").click()
    page.wait_for_load_state("load")
    staff.check("turn-down-confirm")
    assert Professional.objects.filter(email="tad@studio.example").exists()
    page.get_by_role("button", name="Yes, turn down this offer").click()
    page.wait_for_load_state("load")
    assert not Professional.objects.filter(email="tad@studio.example").exists()

    # Merging names the entry that is kept and what moves to it.
    staff.goto("/binder/duplicates/")
    page.get_by_role("link", name="Merge “zoe adams”").first.click()
    page.wait_for_load_state("load")
    staff.check("merge-confirm")
    assert Professional.objects.filter(full_name__iexact="zoe adams").count() == 2
    page.get_by_role("button", name="Yes, merge these entries").click()
    page.wait_for_load_state("load")
    assert Professional.objects.filter(full_name__iexact="zoe adams").count() == 1

    # Staff marking someone "do not contact" see first that it is final.
    kept = Professional.objects.get(full_name__iexact="zoe adams")
    staff.goto(f"/binder/{kept.pk}/")
    page.get_by_label("Status").select_option("do_not_contact")
    page.get_by_role("button", name="Change status").click()
    page.wait_for_load_state("load")
    staff.check("status-never-confirm")
    assert page.get_by_text("This is final.").is_visible()
    page.get_by_role("link", name="No, back to the entry").click()
    page.wait_for_load_state("load")
    assert Professional.objects.get(pk=kept.pk).status == "active"

    # A professional with a waiting request leaves the binder through their link.
    student = make_user(full_name="Stella Student")
    pro = make_professional(full_name="Lee Leaving", email="lee@firm.example", monthly_capacity=5)
    request = sent_interview(student, pro)
    professional = open_browser("professional", phone=phone)
    ppage = professional.page
    professional.goto(reverse("contacts:listing", args=[binder.manage_token(pro)]))
    professional.check("listing")
    pause, leave = (
        _box(ppage, "Pause for now"),
        ppage.get_by_role("link", name="Leave the binder").bounding_box(),
    )
    # The everyday choice and the destructive ones are well apart (a thumb's width and more).
    assert leave["y"] - (pause["y"] + pause["height"]) > 40

    ppage.get_by_role("link", name="Erase my personal data").click()
    ppage.wait_for_load_state("load")
    professional.check("erase-confirm")
    ppage.get_by_role("link", name="No, go back to my listing").click()
    ppage.wait_for_load_state("load")
    assert Professional.objects.get(pk=pro.pk).erased_at is None

    ppage.get_by_role("link", name="Never contact me again").click()
    ppage.wait_for_load_state("load")
    professional.check("never-confirm")
    assert ppage.get_by_role("button", name="Yes, never contact me again").is_visible()
    ppage.get_by_role("link", name="No, go back to my listing").click()
    ppage.wait_for_load_state("load")
    assert Professional.objects.get(pk=pro.pk).status == "active"

    ppage.get_by_role("link", name="Leave the binder").click()
    ppage.wait_for_load_state("load")
    professional.check("leave-confirm")
    ppage.get_by_role("button", name="Yes, leave the binder").click()
    ppage.wait_for_load_state("load")
    assert Professional.objects.get(pk=pro.pk).status == "retired"
    assert Interview.objects.get(pk=request.pk).status == "withdrawn"

    # "Never" from a request e-mail's link is folded away, says what it ends, and acts only
    # when that is confirmed.
    asked = make_professional(full_name="Nia Never", email="nia@firm.example", monthly_capacity=5)
    asking = sent_interview(student, asked)
    professional.goto(
        reverse("interviews:respond", args=[interview_services.professional_token(asking)])
    )
    never = ppage.get_by_role("button", name="Yes, never contact me again")
    assert not never.is_visible()
    ppage.get_by_text("Stop every request from the career centre, for good…").click()
    professional.check("respond-never")
    never.click()
    ppage.wait_for_load_state("load")
    assert Professional.objects.get(pk=asked.pk).status == "do_not_contact"
    assert Interview.objects.get(pk=asking.pk).status == "withdrawn"

    # A student withdraws a request, again through a page that says what will happen.
    other = make_professional(full_name="Wanda Waiting", monthly_capacity=5)
    mine = sent_interview(student, other)
    student_window = open_browser("student", phone=phone)
    spage = student_window.page
    sign_in(student_window, student.email)
    spage.wait_for_url(student_window.url("/"))
    student_window.goto(f"/interviews/{mine.pk}/")
    spage.get_by_role("link", name="Withdraw the request…").click()
    spage.wait_for_load_state("load")
    student_window.check("withdraw-confirm")
    spage.get_by_role("button", name="Yes, withdraw my request").click()
    spage.wait_for_load_state("load")
    assert Interview.objects.get(pk=mine.pk).status == "withdrawn"

    # Deleting the account says what goes, and backing out keeps everything.
    student_window.goto(reverse("accounts:delete_account"))
    student_window.check("delete-account-confirm")
    assert spage.get_by_text("This cannot be undone.").is_visible()
    spage.get_by_role("link", name="No, keep my account").click()
    spage.wait_for_load_state("load")
    assert User.objects.filter(pk=student.pk, is_active=True).exists()
