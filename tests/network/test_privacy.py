"""A student's people go with their data: in the download, and gone with the account."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from apps.accounts.models import User
from apps.network.models import PeopleImport, Person

from ..conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def test_download_my_data_includes_my_people_and_nobody_elses(student, other_student):
    Person.objects.create(
        student=student, full_name="Aoife Ní Bhriain", how_known="event", notes="=1+1"
    )
    Person.objects.create(student=other_student, full_name="Someone Else's Friend")
    response = client_for(student).get(reverse("accounts:my_data"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    people = json.loads(archive.read("people.json"))
    assert [(p["full_name"], p["how_known"]) for p in people] == [("Aoife Ní Bhriain", "event")]
    assert "'=1+1" in archive.read("people.csv").decode()  # never a formula
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Someone Else" not in everything


def test_deleting_my_account_deletes_my_people_and_uploads(student, other_student):
    Person.objects.create(student=student, full_name="Mine")
    PeopleImport.objects.create(student=student, filename="Connections.csv", table={"rows": []})
    theirs = Person.objects.create(student=other_student, full_name="Theirs")
    response = client_for(student).post(
        reverse("accounts:delete_account"), {"password": PASSWORD, "confirm": "DELETE"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=student.pk).exists()
    assert list(Person.objects.all()) == [theirs]
    assert not PeopleImport.objects.exists()
