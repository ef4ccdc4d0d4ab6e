"""A due reminder on the student's dashboard, written in Python.

Each card is a sentence, a link and four small forms; through the template engine ten of them
were most of the dashboard's time (found by the load benchmark). This writes the same markup
directly, every value escaped (``apps.core.markup``).
"""

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from apps.core.links import url_maker
from apps.core.markup import markup, when

from ..models import Reminder

register = template.Library()

ACTIONS = [
    ("done", "btn-success", "Done"),
    ("snooze-day", "btn-light border", "Tomorrow"),
    ("snooze-week", "btn-light border", "Next week"),
    ("dismiss", "btn-outline-secondary", "Dismiss"),
]


KINDS = dict(Reminder.Kind.choices)
FORM = (
    '<form method="post" action="{}"><input type="hidden" name="csrfmiddlewaretoken"'
    ' value="{}"><button class="btn btn-sm {}" type="submit">{}'
    '<span class="visually-hidden">: {}</span></button></form>'
)


def _what(context, r):
    """What to do, in a sentence, with the link that does it."""
    if r.kind == "prepare":
        return markup(
            'Your conversation is on {}. <a href="{}">Check your research and questions</a>.',
            when(r.interview__starts_at, "l j F, H:i"),
            url_maker(context, "interviews:detail")(r.interview_id),
        )
    if r.kind == "day_before":
        return markup(
            "Tomorrow, {}: {}. Be five minutes early.",
            when(r.interview__starts_at, "H:i"),
            r.interview__where or "see the interview page",
        )
    if r.kind == "thank_you":
        return markup(
            'Thank them while it is fresh. <a href="{}">Your drafted note is ready to edit</a>.',
            url_maker(context, "reminders:thank_you")(r.interview_id),
        )
    if r.kind == "promise":
        return markup(
            "They offered: “{}”. If it has not come, a light reminder is fine.", r.promise__text
        )
    if r.kind == "no_answer":
        return markup(
            'A week without an answer. <a href="{}">Send your one polite follow-up</a>.',
            url_maker(context, "interviews:detail")(r.interview_id),
        )
    return markup(
        'Time for a short note about what you have done since. <a href="{}">Your contacts</a>.',
        reverse("reminders:contacts"),
    )


@register.simple_tag
def coming_up(soon):
    """The sentence under the cards: what falls due in the next days, each as "kind (name) on
    date" (named rows of ``DASHBOARD_SOON``)."""
    if not soon:
        return ""
    items = [
        markup(
            "{}{} on {}",
            KINDS.get(r.kind, r.kind).lower(),
            markup(" ({})", r.professional__full_name) if r.professional__full_name else "",
            when(r.due_at, "j M"),
        )
        for r in soon
    ]
    return markup('<p class="small mb-0">Coming up: {}.</p>', mark_safe("; ".join(items)))


@register.simple_tag(takes_context=True)
def reminder_card(context, r):
    """One due reminder (a named row of the dashboard's ``DASHBOARD_DUE``)."""
    kind = KINDS.get(r.kind, r.kind)
    name = r.professional__full_name
    title = markup("{}: {}", kind, name) if name else kind
    token = str(context.get("csrf_token", ""))
    forms = mark_safe(
        "".join(
            markup(
                FORM, url_maker(context, "reminders:act", action)(r.pk), token, style, label, title
            )
            for action, style, label in ACTIONS
        )
    )
    return markup(
        '<article class="card mb-2 reminder reminder-{}"><div class="card-body py-2">'
        '<h3 class="h6 mb-1">{}</h3>'
        '<p class="small mb-2">{} <span class="text-body-secondary">· due {}</span></p>'
        '<div class="d-flex flex-wrap gap-1">{}</div>'
        "</div></article>",
        r.kind,
        title,
        _what(context, r),
        when(r.due_at, "j M"),
        forms,
    )
