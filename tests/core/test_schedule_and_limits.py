"""Periodic jobs run once a period however many workers loop (a schedule row taken by a
conditional update), and public actions are limited through django-ratelimit in the cache."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.core.models import ScheduledJob
from apps.core.schedule import job_due

pytestmark = pytest.mark.django_db


def test_a_job_is_due_once_a_period_for_one_caller_only():
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        assert [job_due("test.job", every=timedelta(hours=1)) for _ in range(3)] == [
            True,
            False,
            False,
        ]
        clock.shift(timedelta(minutes=59))
        assert not job_due("test.job", every=timedelta(hours=1))
        clock.shift(timedelta(minutes=2))
        assert job_due("test.job", every=timedelta(hours=1))
        assert not job_due("test.job", every=timedelta(hours=1))
        assert job_due("another.job", every=timedelta(hours=1))
    assert ScheduledJob.objects.count() == 2


def test_the_worker_takes_its_hourly_jobs_through_the_schedule():
    call_command("worker", "--once", verbosity=0)
    names = set(ScheduledJob.objects.values_list("name", flat=True))
    assert {"contacts.housekeeping", "interviews.expire", "core.purge-sent"} <= names
    before = dict(ScheduledJob.objects.values_list("name", "next_run_at"))
    call_command("worker", "--once", verbosity=0)
    assert dict(ScheduledJob.objects.values_list("name", "next_run_at")) == before


def test_limits_leave_no_row_in_the_database_and_hold_per_address(student):
    from django.db import connection

    tables_before = {t: None for t in connection.introspection.table_names()}
    for n in range(5):
        Client(REMOTE_ADDR=f"192.0.2.{n}").post(
            reverse("accounts:password_reset"), {"email": student.email}
        )
    assert "core_ratelimithit" not in tables_before
    from apps.core.models import QueuedEmail

    assert QueuedEmail.objects.filter(recipients=[student.email]).count() == 3


def test_a_per_process_cache_is_flagged_for_deployment(settings):
    from apps.core.checks import shared_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in shared_cache(None)] == ["core.W001"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    assert shared_cache(None) == []
