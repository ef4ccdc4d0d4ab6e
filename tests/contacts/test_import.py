import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from apps.contacts.models import BinderImport, Organisation, Professional

from .factories import make_professional

pytestmark = pytest.mark.django_db

GOOD = (
    "Name,E-mail,Title,Company,Industry,Formats,Capacity,Alumni,Consent date,Consent method\n"
    "Priya Raman,priya@northwind.example,Research Lead,Northwind,Technology,video; phone,3,yes,2026-03-01,phone\n"
    'Tomás Ortega,tomas@harbour.example,Curator,Harbour Museum,"Arts, Culture and Heritage",in person,2,no,,\n'
)
BAD = GOOD + (
    "Zed Zero,not-an-address,Chef,,Cooking,carrier pigeon,99,maybe,,\n"
    ",nobody@example.org,Ghost,,,,,,,\n"
)


def upload(client, content, name="binder.csv"):
    file = io.BytesIO(content if isinstance(content, bytes) else content.encode())
    file.name = name
    return client.post(reverse("contacts:import_upload"), {"file": file})


def test_preview_lists_every_row_then_commit_imports(staff_client):
    response = upload(staff_client, GOOD)
    batch = BinderImport.objects.get()
    assert response["Location"] == reverse("contacts:import_preview", args=[batch.pk])
    page = staff_client.get(response["Location"]).content.decode()
    assert "2 to add" in page and "0 with errors" in page
    assert not Professional.objects.exists()  # the preview writes nothing

    response = staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    assert response.status_code == 302
    priya = Professional.objects.get(email="priya@northwind.example")
    assert priya.job_title == "Research Lead" and priya.organisation.name == "Northwind"
    assert priya.industry.name == "Technology" and priya.monthly_capacity == 3
    assert priya.accepts_video and priya.accepts_phone and not priya.accepts_in_person
    assert priya.is_alumni and priya.consent_at.date().isoformat() == "2026-03-01"
    assert priya.consent_method == "phone" and priya.status == "active"
    tomas = Professional.objects.get(email="tomas@harbour.example")
    assert tomas.full_name == "Tomás Ortega" and tomas.accepts_in_person
    # No consent in the file: Tomás is not listed, and is asked once.
    assert tomas.status == "pending" and tomas.consent_at is None and tomas.invited_at


def test_errors_are_listed_by_row_and_column_and_nothing_is_written(staff_client):
    response = upload(staff_client, BAD)
    page = staff_client.get(response["Location"]).content.decode()
    assert "2 with errors" in page
    for expected in [
        "“not-an-address” is not an e-mail address.",
        "“Cooking” is not in the industry list.",
        "“carrier pigeon” is not one of the formats we know.",
        "99 is outside 0–20.",
        "Write yes or no, not “maybe”.",
        "A name is required.",
    ]:
        assert expected in page, expected
    assert "<td>4</td><td>E-mail</td>" in page and "<td>5</td><td>Name</td>" in page
    batch = BinderImport.objects.get()
    response = staff_client.post(reverse("contacts:import_commit", args=[batch.pk]), follow=True)
    assert "nothing was imported" in response.content.decode()
    assert not Professional.objects.exists()
    assert not Organisation.objects.exists()


def test_commit_replans_when_the_database_changed_since_the_preview(staff_client):
    response = upload(staff_client, GOOD)
    batch = BinderImport.objects.get()
    staff_client.get(response["Location"])
    # Meanwhile someone adds Priya by hand: the commit must update her, not add a second one.
    make_professional(full_name="Priya R.", email="priya@northwind.example", job_title="Researcher")
    staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    assert Professional.objects.filter(email="priya@northwind.example").count() == 1
    assert Professional.objects.get(email="priya@northwind.example").job_title == "Research Lead"
    assert Professional.objects.count() == 2


def test_reimporting_the_same_file_changes_nothing(staff_client):
    for _ in range(2):
        upload(staff_client, GOOD)
        staff_client.post(reverse("contacts:import_commit", args=[BinderImport.objects.first().pk]))
    before = list(Professional.objects.values_list("pk", "updated_at"))
    upload(staff_client, GOOD)
    batch = BinderImport.objects.first()
    page = staff_client.get(reverse("contacts:import_preview", args=[batch.pk])).content.decode()
    assert "0 to add" in page and "0 to update" in page and "2 unchanged" in page
    staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    assert list(Professional.objects.values_list("pk", "updated_at")) == before


def test_update_matches_on_email_then_name_and_organisation(staff_client):
    by_email = make_professional(full_name="P. Raman", email="priya@northwind.example")
    by_name = make_professional(full_name="Tomas  Ortega", email="", organisation="Harbour Museum")
    upload(staff_client, GOOD)
    batch = BinderImport.objects.get()
    page = staff_client.get(reverse("contacts:import_preview", args=[batch.pk])).content.decode()
    assert "2 to update" in page
    staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    by_email.refresh_from_db()
    by_name.refresh_from_db()
    assert by_email.full_name == "Priya Raman"
    assert by_name.email == "tomas@harbour.example"
    assert Professional.objects.count() == 2


def test_do_not_contact_people_are_never_reactivated_by_an_import(staff_client):
    never = make_professional(email="priya@northwind.example", status="do_not_contact")
    upload(staff_client, GOOD.replace("Consent date", "Status").replace("2026-03-01", "active"))
    staff_client.post(reverse("contacts:import_commit", args=[BinderImport.objects.get().pk]))
    never.refresh_from_db()
    assert never.status == "do_not_contact"


@pytest.mark.parametrize(
    "content",
    [
        "\ufeff" + GOOD,  # UTF-8 with BOM
        (
            "Name;E-mail;Title;Company;Industry;Formats\n"
            'Priya Raman;priya@northwind.example;Lead;Northwind;Technology;"video, phone"\n'
            "Tomás Ortega;tomas@harbour.example;Curator;Harbour;Arts, Culture and Heritage;phone\n"
        ),
        GOOD.upper().replace("PRIYA@NORTHWIND.EXAMPLE", "priya@northwind.example"),
    ],
    ids=["bom", "semicolons", "upper-case-headers"],
)
def test_messy_but_valid_csv_files_import(staff_client, content):
    content = content.replace("TECHNOLOGY", "Technology").replace(
        '"ARTS, CULTURE AND HERITAGE"', '"Arts, Culture and Heritage"'
    )
    upload(staff_client, content)
    staff_client.post(reverse("contacts:import_commit", args=[BinderImport.objects.get().pk]))
    assert Professional.objects.count() == 2


def test_windows_1252_file_keeps_its_accents(staff_client):
    upload(staff_client, GOOD.encode("cp1252"))
    staff_client.post(reverse("contacts:import_commit", args=[BinderImport.objects.get().pk]))
    assert Professional.objects.filter(full_name="Tomás Ortega").exists()


def test_xlsx_upload(staff_client):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Full name", "Email Address", "Position", "Employer", "Years"])
    sheet.append(["Lena Fischer", "lena@alpine.example", "Engineer", "Alpine Works", 12.0])
    buffer = io.BytesIO()
    book.save(buffer)
    upload(staff_client, buffer.getvalue(), name="binder.xlsx")
    staff_client.post(reverse("contacts:import_commit", args=[BinderImport.objects.get().pk]))
    lena = Professional.objects.get()
    assert lena.years_in_field == 12 and lena.organisation.name == "Alpine Works"


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "The submitted file is empty"),
        (bytes(range(256)) * 100, "does not look like a CSV or Excel file"),
        (b"PK\x03\x04broken", "could not be opened as an Excel workbook"),
        (b"Company,Title\nAcme,Boss\n", "has no “Name” column"),
        (b"Name,Company\n", "no professionals under it"),
        (b"x" * (5 * 1024 * 1024 + 512 * 1024), "of up to 5 MB"),
    ],
    ids=["empty", "binary", "broken-xlsx", "no-name-column", "header-only", "5.5MB-junk"],
)
def test_malformed_files_get_a_clear_message_and_write_nothing(staff_client, content, message):
    response = upload(staff_client, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BinderImport.objects.exists()
    assert not Professional.objects.exists()


def test_command_dry_run_and_errors(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    call_command("import_binder", str(good), "--dry-run")
    assert "2 to add" in capsys.readouterr().out
    assert not Professional.objects.exists()

    bad = tmp_path / "bad.csv"
    bad.write_text(BAD)
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_binder", str(bad))
    err = capsys.readouterr().err
    assert "row 4, E-mail: “not-an-address” is not an e-mail address." in err
    assert "row 5, Name: A name is required." in err
    assert not Professional.objects.exists()

    call_command("import_binder", str(good))
    assert Professional.objects.count() == 2


def test_command_exits_with_status_1_on_errors_and_shows_progress(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD)
    with pytest.raises(CommandError) as raised:
        call_command("import_binder", str(bad), "--dry-run")
    # manage.py turns a CommandError into this exit status.
    assert raised.value.returncode == 1
    err = capsys.readouterr().err
    assert "Checking rows [" in err and "4/4" in err


def test_committed_upload_keeps_no_personal_data_and_stale_uploads_are_purged(staff_client):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from apps.contacts.services import imports_purge_stale

    upload(staff_client, GOOD)
    batch = BinderImport.objects.get()
    staff_client.post(reverse("contacts:import_commit", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.table == {} and batch.summary["create"] == 2
    page = staff_client.get(reverse("contacts:import_preview", args=[batch.pk])).content.decode()
    assert "is imported" in page and "2 added" in page

    upload(staff_client, GOOD)
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        assert imports_purge_stale() == 1
    assert BinderImport.objects.count() == 1  # the committed record of what happened stays
