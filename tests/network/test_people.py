"""A student's own people: added by hand or imported from LinkedIn's export, seen by nobody
else."""

import io

import pytest
from django.urls import reverse

from apps.network.models import PeopleImport, Person

from ..conftest import client_for

pytestmark = pytest.mark.django_db

# As LinkedIn writes it: a BOM, notes above the header, e-mails mostly empty.
LINKEDIN = (
    "\ufeffNotes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    " connections to see or download their email address using this setting"
    " https://www.linkedin.com/psettings/privacy/email. You can learn more about this setting"
    ' here: https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Aoife,Ní Bhriain,https://www.linkedin.com/in/aoife-ni-bhriain,,Harbour Museum,Curator,"
    "14 Mar 2024\r\n"
    "José,Müller-Łukasik,https://www.linkedin.com/in/jose-ml,Jose@Firm.example,Firm & Co,"
    "Analyst,02 Jan 2025\r\n"
    "Chidi,Okafor,https://www.linkedin.com/in/chidi,,,,30 Nov 2023\r\n"
)


def upload(client, content, name="Connections.csv"):
    file = io.BytesIO(content.encode() if isinstance(content, str) else content)
    file.name = name
    response = client.post(reverse("network:import_upload"), {"file": file})
    assert response.status_code == 302, response.content.decode()[:2000]
    return PeopleImport.objects.order_by("-pk").first()


def preview(client, batch):
    return client.get(reverse("network:import_preview", args=[batch.pk])).content.decode()


def commit(client, batch):
    return client.post(reverse("network:import_commit", args=[batch.pk]))


def people_state(student):
    return list(Person.objects.of(student).order_by("pk").values())


def test_linkedins_export_imports_as_linkedin_writes_it(student, student_client):
    batch = upload(student_client, LINKEDIN)
    page = preview(student_client, batch)
    assert "3 to add" in page and "0 with errors" in page
    assert not Person.objects.exists()  # the preview writes nothing

    commit(student_client, batch)
    aoife = Person.objects.get(full_name="Aoife Ní Bhriain")
    assert aoife.student == student and aoife.organisation == "Harbour Museum"
    assert aoife.role == "Curator" and aoife.email == ""
    assert aoife.linkedin_url == "https://www.linkedin.com/in/aoife-ni-bhriain"
    assert aoife.connected_on.isoformat() == "2024-03-14"
    assert aoife.source == "linkedin" and aoife.how_known == "linkedin"
    jose = Person.objects.get(full_name="José Müller-Łukasik")
    assert jose.email == "jose@firm.example" and jose.organisation == "Firm & Co"
    page = student_client.get(reverse("network:people")).content.decode()
    assert "Aoife Ní Bhriain" in page and "Chidi Okafor" in page


def test_importing_the_same_export_again_changes_nothing(student, student_client):
    commit(student_client, upload(student_client, LINKEDIN))
    before = people_state(student)
    batch = upload(student_client, LINKEDIN)
    assert "0 to add · 0 to update · 3 unchanged" in preview(student_client, batch)
    commit(student_client, batch)
    assert people_state(student) == before


def test_a_match_only_fills_what_the_student_left_empty(student, student_client):
    Person.objects.create(
        student=student, full_name="Aoife Ni Bhriain", organisation="Harbour Museum", role="Boss"
    )
    batch = upload(student_client, LINKEDIN)
    assert "2 to add · 1 to update" in preview(student_client, batch)
    commit(student_client, batch)
    aoife = Person.objects.get(full_name="Aoife Ni Bhriain")  # matched by name, accents aside
    assert aoife.role == "Boss"  # the student's own words stay
    assert aoife.linkedin_url.endswith("/aoife-ni-bhriain") and aoife.source == "manual"


def test_a_bad_row_is_named_and_stops_the_whole_commit(student, student_client):
    bad = LINKEDIN + "Zed,Zero,not a url,not-an-address,,,yesterday\r\n"
    batch = upload(student_client, bad)
    page = preview(student_client, batch)
    assert "1 with errors" in page and "Nothing will be imported" in page
    assert "<td>8</td><td>E-mail</td><td>Enter a valid email address.</td>" in page
    assert "<td>8</td><td>LinkedIn URL</td>" in page and "<td>8</td><td>Connected on</td>" in page
    response = commit(student_client, batch)
    assert response["Location"] == reverse("network:import_preview", args=[batch.pk])
    assert not Person.objects.exists()


def test_the_same_person_twice_in_a_file_is_an_error_naming_the_first_row(student_client):
    twice = "Name,E-mail\nAda Lovelace,ada@x.example\nAda L.,ADA@x.example\n"
    page = preview(student_client, upload(student_client, twice, "people.csv"))
    assert "<td>3</td><td>E-mail</td><td>The same person is on row 2.</td>" in page


def test_a_plain_csv_imports_with_how_they_know_them(student, student_client):
    csv = (
        "Name,Organisation,How I know them,Referred by,Phone,Notes\n"
        "Maeve Quinn,City Hospital,family,,+44 20 7946 0000,My aunt's colleague\n"
        "Tariq Aziz,Studio Nine,Referred by someone,Priya Raman,,\n"
    )
    commit(student_client, upload(student_client, csv, "people.csv"))
    maeve = Person.objects.get(full_name="Maeve Quinn")
    assert maeve.how_known == "family" and maeve.source == "csv"
    assert maeve.notes == "My aunt's colleague" and maeve.phone == "+44 20 7946 0000"
    tariq = Person.objects.get(full_name="Tariq Aziz")
    assert tariq.how_known == "referral" and tariq.referred_by == "Priya Raman"


def test_an_unknown_way_of_knowing_someone_is_named(student_client):
    batch = upload(student_client, "Name,How known\nAda,pen pal\n", "people.csv")
    page = preview(student_client, batch)
    assert "<td>2</td><td>How I know them</td><td>“pen pal” is not one of:" in page


def test_people_imports_are_the_students_own(student, student_client, other_student, staff):
    batch = upload(student_client, LINKEDIN)
    for user in (other_student, staff):
        client = client_for(user)
        assert client.get(reverse("network:import_preview", args=[batch.pk])).status_code == 404
        assert commit(client, batch).status_code == 404
    assert not Person.objects.exists()


def test_a_student_adds_edits_and_removes_a_person(student, student_client):
    response = student_client.post(
        reverse("network:person_add"),
        {"full_name": "Rosa Diaz", "organisation": "Precinct 99", "how_known": "friend"},
    )
    rosa = Person.objects.get()
    assert response["Location"] == reverse("network:person_detail", args=[rosa.pk])
    assert rosa.student == student and rosa.source == "manual"
    page = student_client.get(response["Location"]).content.decode()
    assert "<h1>Rosa Diaz</h1>" in page and "Friend" in page

    student_client.post(
        reverse("network:person_edit", args=[rosa.pk]),
        {"full_name": "Rosa Diaz", "role": "Detective", "email": "Rosa@Example.org"},
    )
    rosa.refresh_from_db()
    assert rosa.role == "Detective" and rosa.email == "rosa@example.org"

    delete = reverse("network:person_delete", args=[rosa.pk])
    assert "Remove Rosa Diaz from your people?" in student_client.get(delete).content.decode()
    student_client.post(delete)  # without the confirmation: the page again
    assert Person.objects.exists()
    response = student_client.post(delete, {"confirm": "yes"})
    assert response["Location"] == reverse("network:people")
    assert not Person.objects.exists()


def test_an_address_already_in_my_people_is_refused(student, student_client, other_student):
    Person.objects.create(student=student, full_name="Ada", email="ada@x.example")
    Person.objects.create(student=other_student, full_name="Ada", email="bob@x.example")
    response = student_client.post(
        reverse("network:person_add"), {"full_name": "Ada Again", "email": "ADA@x.example"}
    )
    assert "already has this address" in response.content.decode()
    # Another student's people are no obstacle (and not revealed).
    student_client.post(reverse("network:person_add"), {"full_name": "B", "email": "bob@x.example"})
    assert Person.objects.of(student).count() == 2


def test_the_list_searches_and_shows_only_my_people(student, student_client, other_student):
    Person.objects.create(student=student, full_name="Ada Lovelace", organisation="Engines")
    Person.objects.create(student=student, full_name="Grace Hopper", organisation="Navy")
    Person.objects.create(student=other_student, full_name="Otto's Secret Friend")
    page = student_client.get(reverse("network:people")).content.decode()
    assert "Ada Lovelace" in page and "Grace Hopper" in page and "Secret Friend" not in page
    page = student_client.get(reverse("network:people"), {"q": "navy"}).content.decode()
    assert "Grace Hopper" in page and "Ada Lovelace" not in page


def test_another_student_and_staff_get_404_on_my_people(student, other_student, staff):
    person = Person.objects.create(student=student, full_name="Ada Lovelace")
    for user in (other_student, staff):
        client = client_for(user)
        for name in ("person_detail", "person_edit", "person_delete"):
            url = reverse(f"network:{name}", args=[person.pk])
            assert client.get(url).status_code == 404, (user, name)
            assert client.post(url, {"full_name": "X", "confirm": "yes"}).status_code == 404
    assert client_for(staff).get(reverse("network:people")).status_code == 404
    person.refresh_from_db()
    assert person.full_name == "Ada Lovelace"
