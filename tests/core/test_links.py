"""``url_maker`` gives exactly what ``reverse`` gives, reversing once per page render."""

from unittest import mock

from django.template import Context
from django.urls import reverse, set_script_prefix

from apps.core import links


def test_the_maker_agrees_with_reverse_and_reverses_once():
    context = Context()
    with mock.patch.object(links, "reverse", wraps=reverse) as counted:
        make = links.url_maker(context, "reminders:act", "snooze-day")
        urls = [make(pk) for pk in (1, 42, 10**12)]
        assert links.url_maker(context, "reminders:act", "snooze-day") is make
    assert urls == [reverse("reminders:act", args=[pk, "snooze-day"]) for pk in (1, 42, 10**12)]
    assert counted.call_count == 1
    assert links.url_maker(context, "contacts:profile")(7) == reverse("contacts:profile", args=[7])


def test_a_new_render_reverses_again_under_its_own_script_prefix():
    try:
        set_script_prefix("/careers/")
        assert links.url_maker(Context(), "contacts:profile")(3) == "/careers/professionals/3/"
    finally:
        set_script_prefix("/")
    assert links.url_maker(Context(), "contacts:profile")(3) == "/professionals/3/"
