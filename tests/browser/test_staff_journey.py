"""Journey 1: a coordinator imports a spreadsheet, fixes the bad row, approves a volunteer."""

import pytest
from django.utils import timezone

from apps.accounts.models import User
from apps.contacts.models import Industry, Professional

from ..conftest import PASSWORD, make_user
from ..contacts.factories import make_professional

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "Name,E-mail,Title,Company,Industry,Formats,Capacity,Alumni\n"
GOOD_ROWS = (
    "Priya Raman,priya@northwind.example,Research Lead,Northwind,Technology,video; phone,3,yes\n"
    'Tomás Ortega,tomas@harbour.example,Curator,Harbour Museum,"Arts, Culture and Heritage",in person,2,no\n'
)
BAD_ROW = "Zed Zero,not-an-address,Chef,,Technology,video,2,no\n"
FIXED_ROW = "Zed Zero,zed@kitchen.example,Chef,,Technology,video,2,no\n"


def sign_in(browser, email, password=PASSWORD):
    page = browser.page
    browser.goto("/accounts/sign-in/")
    browser.check("sign-in")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_staff_import_fix_commit_approve_and_dashboard(open_browser, tmp_path):
    # The live server needs real commits, so the tables may have lost the migrated taxonomy.
    for name in ("Technology", "Arts, Culture and Heritage"):
        Industry.objects.get_or_create(name=name)
    make_user(role=User.Role.STAFF, email="coordinator@uni.example", full_name="Cora Coordinator")
    make_professional(
        full_name="Wren Volunteer",
        email="wren@studio.example",
        status=Professional.Status.PENDING,
        source="volunteer",
        email_confirmed_at=timezone.now(),
    )
    browser = open_browser("staff")
    page = browser.page
    sign_in(browser, "coordinator@uni.example")
    page.wait_for_url(browser.url("/"))
    browser.check("staff-home")

    # Upload a spreadsheet with one bad row: the preview names the row, column and fix.
    page.get_by_role("link", name="Import a spreadsheet").first.click()
    browser.check("import-upload")
    bad = tmp_path / "binder.csv"
    bad.write_text(HEADER + GOOD_ROWS + BAD_ROW)
    page.get_by_label("Spreadsheet (CSV or Excel .xlsx)").set_input_files(bad)
    page.get_by_role("button", name="Upload and preview").click()
    page.wait_for_url("**/binder/import/*/")
    browser.check("import-preview-errors")
    assert page.get_by_text("1 with errors").is_visible()
    error_row = page.get_by_role("row").filter(has_text="is not an e-mail address")
    assert error_row.first.is_visible()
    assert "E-mail" in error_row.first.inner_text() and "4" in error_row.first.inner_text()
    assert page.get_by_role("button", name="Import these").count() == 0
    assert not Professional.objects.filter(full_name="Priya Raman").exists()

    # Fix the row, upload again, read the clean preview and commit.
    page.get_by_role("link", name="upload it again").click()
    fixed = tmp_path / "binder-fixed.csv"
    fixed.write_text(HEADER + GOOD_ROWS + FIXED_ROW)
    page.get_by_label("Spreadsheet (CSV or Excel .xlsx)").set_input_files(fixed)
    page.get_by_role("button", name="Upload and preview").click()
    page.wait_for_url("**/binder/import/*/")
    assert page.get_by_text("3 to add").is_visible()
    browser.check("import-preview-clean")
    page.get_by_role("button", name="Import these 3 rows").click()
    page.wait_for_load_state("load")
    browser.check("import-done")
    assert set(Professional.objects.filter(source="import").values_list("email", flat=True)) == {
        "priya@northwind.example",
        "tomas@harbour.example",
        "zed@kitchen.example",
    }

    # The new entries are in the binder list.
    browser.goto("/binder/")
    browser.check("binder-list")
    assert page.get_by_role("link", name="Priya Raman").is_visible()

    # Approve the volunteer.
    browser.goto("/binder/volunteers/")
    browser.check("volunteers")
    page.get_by_role("button", name="Approve Wren Volunteer").click()
    page.wait_for_load_state("load")
    assert Professional.objects.get(email="wren@studio.example").status == "active"
    assert page.get_by_text(
        "Wren Volunteer is now active in the binder; we e-mailed them."
    ).is_visible()
    assert page.get_by_role("button", name="Approve Wren Volunteer").count() == 0
    browser.check("volunteer-approved")

    # The staff dashboard counts what is there.
    browser.goto("/staff/insight/")
    browser.check("insight-dashboard")
    assert page.get_by_role("heading", name="What is happening", level=1).is_visible()
