"""Every named URL, requested as every persona, with the outcome each must get.

The URL list comes from the resolver: a new URL without an entry here fails
``test_every_url_has_an_entry``. Writes that are refused are checked to change nothing.
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
import time_machine
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from apps.accounts.models import StaffInvitation, User
from apps.accounts.services import email_confirmation_token
from apps.contacts import services as contact_services
from apps.contacts.models import BinderImport, Organisation, Professional, Resource, Suggestion
from apps.contacts.spreadsheets import read_rows
from apps.core.models import QueuedEmail
from apps.core.spreadsheets import read_rows as read_any_rows
from apps.core.suppression import address_digest
from apps.interviews import services as interview_services
from apps.interviews.models import CalendarFeed, Interview, ProposedTime, Referral
from apps.network.importing import PEOPLE
from apps.network.models import Approach, PeopleImport, Person
from apps.practice import rehearsal as practice_rehearsal
from apps.practice.models import Rehearsal, RehearsalStep, TermChoice
from apps.questions.models import Plan, PlanItem, Question, QuestionBank
from apps.reminders import services as reminder_services
from apps.reminders.models import Contact, EmailOptOut, Reminder

from .conftest import PASSWORD, client_for, make_user
from .support.database import fingerprint

# Nobody is listed without consent (a database rule): active entries say how they agreed.
CONSENTED = {"consent_at": timezone.now(), "consent_method": "phone"}

# "professional" holds a valid management link but no account: everywhere else it is a stranger.
PERSONAS = ["anonymous", "student", "other_student", "staff", "inactive", "professional"]
OK, LOGIN, HOME = 200, "login", "home"
DONE = "done"  # 200, and the write went through (a link holder acting on their link)


def everyone(outcome):
    return dict.fromkeys(PERSONAS, outcome)


def signed_in(outcome, *, staff=None, student=None):
    """People who are not signed in go to sign-in; the others get ``outcome``."""
    result = {
        "anonymous": LOGIN,
        "inactive": LOGIN,
        "professional": LOGIN,
        "student": outcome,
        "other_student": outcome,
        "staff": outcome,
    }
    if staff is not None:
        result["staff"] = staff
    if student is not None:
        result["student"] = result["other_student"] = student
    return result


def staff_only(outcome=OK):
    return signed_in(403, staff=outcome)


def public_but_signed_in_go_home():
    return {**everyone(OK), "student": HOME, "other_student": HOME, "staff": HOME}


def students_only(outcome=OK):
    return signed_in(outcome, staff=403)


def owner_only(outcome=OK, *, other=404, staff=403):
    """The student who owns the object gets ``outcome``; another student 404."""
    return {**signed_in(outcome, staff=staff), "other_student": other}


def curated_editor(outcome=OK):
    """Staff edit curated banks; to students they are someone else's: 404."""
    return signed_in(404, staff=outcome)


@dataclass
class Entry:
    get: dict
    args: object = None  # callable(world) -> list of URL arguments
    post: dict | None = None  # outcome of an empty POST, where it differs from refusing
    state: object = None  # callable(world) -> a snapshot that refused writes must not change
    data: dict = field(default_factory=dict)
    data_from: object = None  # callable(world) -> POST data, where it needs the world's ids


def _network_state(world):
    return (
        list(Person.objects.order_by("pk").values_list("pk", "student_id", "full_name", "email")),
        list(PeopleImport.objects.order_by("pk").values_list("pk", "committed_at")),
        list(
            Approach.objects.order_by("pk").values_list(
                "pk", "person_id", "on", "outcome", "call_back_on"
            )
        ),
    )


def _suggestion_state(world):
    """A suggestion for the binder writes a row and queues its one e-mail, or neither."""
    return (
        list(Suggestion.objects.order_by("pk").values_list("pk", "answered_at")),
        _email_state(world),
        _professional_state(world),
    )


def _failed_email(world):
    return [world["failed_email"].pk]


def _email_state(world):
    return list(QueuedEmail.objects.order_by("pk").values_list("pk", "status", "attempts"))


def _professional_state(world):
    return list(
        Professional.objects.order_by("pk").values_list("pk", "status", "full_name", "email")
    )


def _invitation_state(world):
    invited = Professional.objects.order_by("pk").values_list("pk", "invited_at")
    return list(invited), list(QueuedEmail.objects.order_by("pk").values_list("pk", "subject"))


def _questions_state(world):
    return (
        list(Question.objects.order_by("pk").values_list("pk", "text", "position", "bank_id")),
        list(QuestionBank.objects.order_by("pk").values_list("pk", "title", "published")),
        list(PlanItem.objects.order_by("pk").values_list("pk", "text", "position")),
        list(Plan.objects.order_by("pk").values_list("pk", "title", "length_minutes")),
    )


def _interview_state(world):
    return (
        list(
            Interview.objects.order_by("pk").values_list(
                "pk",
                "status",
                "research_career",
                "message",
                "starts_at",
                "follow_up_sent_at",
                "link_version",
            )
        ),
        list(ProposedTime.objects.order_by("pk").values_list("pk", "starts_at")),
        list(Referral.objects.order_by("pk").values_list("pk", "status")),
        list(CalendarFeed.objects.order_by("pk").values_list("pk", "token")),
    )


def _reminder_state(world):
    return (
        list(Reminder.objects.order_by("pk").values_list("pk", "state", "due_at")),
        list(
            Contact.objects.order_by("pk").values_list(
                "pk", "is_mentor", "stopped", "last_contact_at"
            )
        ),
        list(EmailOptOut.objects.order_by("pk").values_list("pk", "kind")),
    )


def _practice_state(world):
    return (
        list(Rehearsal.objects.order_by("pk").values_list("pk", "finished_at")),
        list(RehearsalStep.objects.order_by("pk").values_list("pk", "ended_at", "follow_up")),
        list(TermChoice.objects.order_by("pk").values_list("pk", "pinned", "hidden", "label")),
    )


def _invitation_state(world):
    return list(
        StaffInvitation.objects.order_by("pk").values_list("pk", "revoked_at", "accepted_at")
    )


MATRIX = {
    "home": Entry(get=everyone(OK)),
    "healthz": Entry(get=everyone(OK)),
    "mail_queue": Entry(get=staff_only()),
    "mail_retry": Entry(
        args=_failed_email, get=staff_only(405), post=staff_only(HOME), state=_email_state
    ),
    "about": Entry(get=signed_in(OK)),
    "accounts:login": Entry(get=public_but_signed_in_go_home()),
    "accounts:logout": Entry(get=everyone(405)),
    "accounts:register": Entry(get=public_but_signed_in_go_home()),
    "accounts:register_done": Entry(get=everyone(OK)),
    "accounts:confirm": Entry(args=lambda w: w["confirm_args"], get=everyone(OK)),
    "accounts:confirm_resend": Entry(get=everyone(OK)),
    "accounts:profile": Entry(get=signed_in(OK)),
    "accounts:my_data": Entry(get=students_only()),
    # An empty POST is refused with the form's errors (400) and deletes nothing.
    "accounts:delete_account": Entry(
        get=students_only(), post=students_only(400), state=lambda w: User.objects.count()
    ),
    "accounts:deleted": Entry(get=everyone(OK)),
    "accounts:password_change": Entry(get=signed_in(OK)),
    "accounts:password_change_done": Entry(get=signed_in(OK)),
    "accounts:password_reset": Entry(get=everyone(OK)),
    "accounts:password_reset_done": Entry(get=everyone(OK)),
    "accounts:password_reset_confirm": Entry(
        args=lambda w: ["MQ", "not-a-token"], get=everyone(OK)
    ),
    "accounts:password_reset_complete": Entry(get=everyone(OK)),
    "accounts:invite": Entry(get=staff_only(), post=staff_only(OK), state=_invitation_state),
    "accounts:invitation_revoke": Entry(
        args=lambda w: [w["invitation"].pk],
        get=staff_only(405),
        post=staff_only(HOME),
        state=_invitation_state,
    ),
    "accounts:invitation_accept": Entry(args=lambda w: [w["invitation_token"]], get=everyone(OK)),
    # The binder: staff curate.
    "contacts:staff_list": Entry(get=staff_only()),
    "contacts:staff_create": Entry(
        get=staff_only(), post=staff_only(OK), state=_professional_state
    ),
    "contacts:staff_export": Entry(args=lambda w: ["csv"], get=staff_only()),
    "contacts:staff_detail": Entry(args=lambda w: [w["active"].pk], get=staff_only()),
    "contacts:staff_edit": Entry(
        args=lambda w: [w["active"].pk],
        get=staff_only(),
        post=staff_only(OK),
        state=_professional_state,
    ),
    "contacts:staff_status": Entry(
        args=lambda w: [w["active"].pk],
        get=staff_only(405),
        post=staff_only(HOME),
        state=_professional_state,
        data={"status": "paused"},
    ),
    "contacts:staff_invite": Entry(
        args=lambda w: [w["volunteer"].pk],
        get=staff_only(405),
        post=staff_only(HOME),
        state=_invitation_state,
    ),
    "contacts:volunteers": Entry(get=staff_only()),
    "contacts:volunteer_decide": Entry(
        args=lambda w: [w["volunteer"].pk, "approve"],
        get=staff_only(405),
        post=staff_only(HOME),
        state=_professional_state,
    ),
    "contacts:duplicates": Entry(get=staff_only()),
    # Without two entries to show there is nothing to confirm: back to the duplicates. An
    # unconfirmed POST shows what the merge would do and merges nothing (CONFIRM_STEPS below).
    "contacts:merge": Entry(
        get=staff_only(HOME),
        post=staff_only(OK),
        state=_professional_state,
        data_from=lambda w: {"first": w["active"].pk, "second": w["twin"].pk},
    ),
    "contacts:import_upload": Entry(get=staff_only()),
    "contacts:import_preview": Entry(args=lambda w: [w["batch"].pk], get=staff_only()),
    "contacts:import_commit": Entry(
        args=lambda w: [w["batch"].pk],
        get=staff_only(405),
        post=staff_only(HOME),
        state=_professional_state,
    ),
    "contacts:organisations": Entry(get=staff_only()),
    "contacts:organisation_create": Entry(get=staff_only()),
    "contacts:organisation_edit": Entry(args=lambda w: [w["organisation"].pk], get=staff_only()),
    "contacts:resources": Entry(get=staff_only()),
    "contacts:resource_create": Entry(get=staff_only()),
    "contacts:resource_edit": Entry(args=lambda w: [w["resource"].pk], get=staff_only()),
    "contacts:student_resources": Entry(get=students_only()),
    "contacts:taxonomy": Entry(get=staff_only()),
    # Students search and read profiles.
    "contacts:search": Entry(get=students_only()),
    "contacts:profile": Entry(args=lambda w: [w["active"].pk], get=students_only()),
    # Question banks and plans.
    "questions:browse": Entry(get=signed_in(OK)),
    "questions:bank_create": Entry(get=signed_in(OK)),
    "questions:bank_detail": Entry(args=lambda w: [w["bank"].pk], get=signed_in(OK)),
    "questions:bank_edit": Entry(args=lambda w: [w["bank"].pk], get=curated_editor()),
    "questions:bank_publish": Entry(
        args=lambda w: [w["bank"].pk],
        get=staff_only(405),
        post=staff_only(HOME),
        state=_questions_state,
    ),
    "questions:bank_duplicate": Entry(
        args=lambda w: [w["bank"].pk],
        get=staff_only(405),
        post=staff_only(HOME),
        state=_questions_state,
    ),
    "questions:bank_export": Entry(args=lambda w: [w["bank"].pk], get=curated_editor()),
    "questions:bank_import": Entry(
        args=lambda w: [w["bank"].pk],
        get=signed_in(405),
        post=curated_editor(HOME),
        state=_questions_state,
    ),
    "questions:question_add": Entry(
        args=lambda w: [w["bank"].pk],
        get=signed_in(405),
        post=curated_editor(400),
        state=_questions_state,
    ),
    "questions:question_edit": Entry(args=lambda w: [w["question"].pk], get=curated_editor()),
    "questions:question_delete": Entry(
        args=lambda w: [w["question"].pk],
        get=signed_in(405),
        post=curated_editor(HOME),
        state=_questions_state,
    ),
    "questions:question_move": Entry(
        args=lambda w: [w["question"].pk, "down"],
        get=signed_in(405),
        post=curated_editor(HOME),
        state=_questions_state,
    ),
    "questions:question_copy": Entry(
        args=lambda w: [w["question"].pk],
        get=students_only(405),
        post=students_only(HOME),
        state=_questions_state,
    ),
    "questions:plans": Entry(get=students_only(), post=students_only(OK), state=_questions_state),
    "questions:plan_detail": Entry(args=lambda w: [w["plan"].pk], get=owner_only()),
    "questions:plan_edit": Entry(
        args=lambda w: [w["plan"].pk],
        get=students_only(405),
        post=owner_only(400),
        state=_questions_state,
    ),
    "questions:plan_print": Entry(args=lambda w: [w["plan"].pk], get=owner_only()),
    "questions:plan_add_question": Entry(
        args=lambda w: [w["plan"].pk, w["question"].pk],
        get=students_only(405),
        post=owner_only(HOME),
        state=_questions_state,
    ),
    "questions:plan_add_text": Entry(
        args=lambda w: [w["plan"].pk],
        get=students_only(405),
        post=owner_only(400),
        state=_questions_state,
    ),
    "questions:plan_item_move": Entry(
        args=lambda w: [w["plan"].pk, w["item"].pk, "down"],
        get=students_only(405),
        post=owner_only(HOME),
        state=_questions_state,
    ),
    "questions:plan_item_remove": Entry(
        args=lambda w: [w["plan"].pk, w["item"].pk],
        get=students_only(405),
        post=owner_only(HOME),
        state=_questions_state,
    ),
    # Interviews: the student's workspace.
    "interviews:list": Entry(get=students_only()),
    "interviews:start": Entry(
        args=lambda w: [w["free_pro"].pk],
        get=students_only(405),
        post=students_only(HOME),
        state=_interview_state,
    ),
    "interviews:detail": Entry(args=lambda w: [w["interview"].pk], get=owner_only()),
    # A conversation with one of the student's own people: started from their page (private
    # to the student, so staff get 404 as for the person), then booked by the student.
    "interviews:start_with_person": Entry(
        args=lambda w: [w["person"].pk],
        get=signed_in(405, staff=404),
        post=owner_only(HOME, staff=404),
        state=_interview_state,
    ),
    "interviews:booking": Entry(
        args=lambda w: [w["own_draft"].pk],
        get=students_only(405),
        post=owner_only(400),
        state=_interview_state,
    ),
    "interviews:research": Entry(
        args=lambda w: [w["interview"].pk],
        get=students_only(405),
        post=owner_only(HOME),
        state=_interview_state,
    ),
    "interviews:request_save": Entry(
        args=lambda w: [w["draft"].pk],
        get=students_only(405),
        post=owner_only(400),
        state=_interview_state,
    ),
    "interviews:send": Entry(
        args=lambda w: [w["draft"].pk],
        get=students_only(405),
        post=owner_only(HOME),
        state=_interview_state,
    ),
    "interviews:follow_up": Entry(
        args=lambda w: [w["interview"].pk],
        get=students_only(405),
        post=owner_only(HOME),
        state=_interview_state,
    ),
    # GET, or a POST without confirm=yes, shows what withdrawing does and withdraws nothing.
    "interviews:withdraw": Entry(
        args=lambda w: [w["interview"].pk],
        get=owner_only(),
        post=owner_only(),
        state=_interview_state,
    ),
    "interviews:accept_time": Entry(
        args=lambda w: [w["interview"].pk, w["slot"].pk],
        get=students_only(405),
        post=owner_only(HOME),
        state=_interview_state,
    ),
    "interviews:cancel": Entry(
        args=lambda w: [w["confirmed"].pk],
        get=students_only(405),
        post=owner_only(HOME),
        state=_interview_state,
    ),
    "interviews:reschedule": Entry(
        args=lambda w: [w["confirmed"].pk],
        get=students_only(405),
        post=owner_only(400),
        state=_interview_state,
    ),
    "interviews:no_show": Entry(
        args=lambda w: [w["confirmed"].pk],
        get=students_only(405),
        post=owner_only(HOME),
        state=_interview_state,
    ),
    "interviews:record": Entry(args=lambda w: [w["confirmed"].pk], get=owner_only(HOME)),
    "interviews:ics": Entry(args=lambda w: [w["confirmed"].pk], get=owner_only()),
    "interviews:calendar": Entry(
        get=students_only(), post=students_only(HOME), state=_interview_state
    ),
    "interviews:feed": Entry(args=lambda w: [w["feed"].token], get=everyone(OK)),
    # Interviews: the professional's link.
    "interviews:respond": Entry(args=lambda w: [w["respond_token"]], get=everyone(OK)),
    "interviews:respond_action": Entry(
        args=lambda w: [w["respond_token"], "decline"],
        get=everyone(405),
        post=everyone(DONE),
        state=_interview_state,
    ),
    # Interviews: staff.
    "interviews:staff_list": Entry(get=staff_only()),
    "interviews:staff_referrals": Entry(get=staff_only()),
    "interviews:staff_reports": Entry(get=staff_only()),
    "interviews:referral_decide": Entry(
        args=lambda w: [w["referral"].pk, "dismiss"],
        get=staff_only(405),
        post=staff_only(HOME),
        state=_interview_state,
    ),
    # Reminders and the student's contacts.
    "reminders:act": Entry(
        args=lambda w: [w["reminder"].pk, "done"],
        get=students_only(405),
        post=owner_only(HOME),
        state=_reminder_state,
    ),
    "reminders:thank_you": Entry(args=lambda w: [w["held"].pk], get=owner_only()),
    "reminders:contacts": Entry(get=students_only()),
    "reminders:contact_update": Entry(
        args=lambda w: [w["contact"].pk],
        get=students_only(405),
        post=owner_only(HOME),
        state=_reminder_state,
    ),
    "reminders:contact_log": Entry(
        args=lambda w: [w["contact"].pk],
        get=students_only(405),
        post=owner_only(HOME),
        state=_reminder_state,
    ),
    "reminders:preferences": Entry(
        get=students_only(), post=students_only(HOME), state=_reminder_state
    ),
    "reminders:unsubscribe": Entry(
        args=lambda w: [w["unsubscribe"]],
        get=everyone(OK),
        post=everyone(DONE),
        state=_reminder_state,
    ),
    # Rehearsal and language insights: private to the student (404 to anyone else signed in).
    "practice:rehearse": Entry(args=lambda w: [w["confirmed"].pk], get=owner_only(staff=404)),
    "practice:rehearsal_start": Entry(
        args=lambda w: [w["confirmed"].pk],
        get=signed_in(405, staff=404),
        post=owner_only(HOME, staff=404),
        state=_practice_state,
    ),
    "practice:rehearsal_next": Entry(
        args=lambda w: [w["confirmed"].pk, w["rehearsal"].pk],
        get=signed_in(405, staff=404),
        post=owner_only(HOME, staff=404),
        state=_practice_state,
    ),
    "practice:rehearsal_detail": Entry(
        args=lambda w: [w["confirmed"].pk, w["rehearsal"].pk], get=owner_only(staff=404)
    ),
    "practice:friend_sheet": Entry(args=lambda w: [w["confirmed"].pk], get=owner_only(staff=404)),
    "practice:language": Entry(get=signed_in(OK, staff=404)),
    "practice:term_update": Entry(
        get=signed_in(405, staff=404), post=signed_in(HOME, staff=404), state=_practice_state
    ),
    # The student's own people: nobody else's, and staff see none of them.
    "network:people": Entry(get=signed_in(OK, staff=404)),
    "network:person_add": Entry(
        get=signed_in(OK, staff=404), post=signed_in(OK, staff=404), state=_network_state
    ),
    "network:person_detail": Entry(args=lambda w: [w["person"].pk], get=owner_only(staff=404)),
    "network:person_edit": Entry(
        args=lambda w: [w["person"].pk],
        get=owner_only(staff=404),
        post=owner_only(staff=404),
        state=_network_state,
    ),
    # Without the confirmation a POST shows the step again (see CONFIRM_STEPS).
    "network:person_delete": Entry(
        args=lambda w: [w["person"].pk],
        get=owner_only(staff=404),
        post=owner_only(staff=404),
        state=_network_state,
    ),
    # An empty POST is the person's page with the form's errors (400) and logs nothing.
    "network:approach_add": Entry(
        args=lambda w: [w["person"].pk],
        get=signed_in(405, staff=404),
        post=owner_only(400, staff=404),
        state=_network_state,
    ),
    # Without the confirmation a POST shows the step again (see CONFIRM_STEPS).
    "network:approach_delete": Entry(
        args=lambda w: [w["person"].pk, w["approach"].pk],
        get=owner_only(staff=404),
        post=owner_only(staff=404),
        state=_network_state,
    ),
    # The confirmation step (CONFIRM_STEPS) before the one invitation e-mail.
    "network:person_suggest": Entry(
        args=lambda w: [w["person"].pk],
        get=owner_only(staff=404),
        post=owner_only(staff=404),
        state=_suggestion_state,
    ),
    "network:import_upload": Entry(
        get=signed_in(OK, staff=404), post=signed_in(OK, staff=404), state=_network_state
    ),
    "network:import_preview": Entry(
        args=lambda w: [w["people_batch"].pk], get=owner_only(staff=404)
    ),
    "network:import_commit": Entry(
        args=lambda w: [w["people_batch"].pk],
        get=signed_in(405, staff=404),
        post=owner_only(HOME, staff=404),
        state=_network_state,
    ),
    # Staff insight.
    "insight:dashboard": Entry(get=staff_only()),
    "insight:export": Entry(args=lambda w: ["funnel", "csv"], get=staff_only()),
    "insight:referral_tree": Entry(args=lambda w: [w["active"].pk], get=staff_only()),
    # Professionals, by public page or link.
    "contacts:audit": Entry(get=staff_only()),
    "contacts:volunteer": Entry(get=everyone(OK)),
    "contacts:volunteer_thanks": Entry(get=everyone(OK)),
    # The link in a suggestion's invitation: whoever holds it sees the volunteer form.
    "contacts:volunteer_join": Entry(
        args=lambda w: [w["join_token"]],
        get=everyone(OK),
        post=everyone(OK),
        state=_suggestion_state,
    ),
    "contacts:volunteer_confirm": Entry(args=lambda w: [w["volunteer_token"]], get=everyone(OK)),
    "contacts:listing_request": Entry(get=everyone(OK)),
    "contacts:listing": Entry(args=lambda w: [w["listing_token"]], get=everyone(OK)),
    "contacts:listing_action": Entry(
        args=lambda w: [w["listing_token"], "pause"],
        get=everyone(405),
        post=everyone(HOME),
        state=_professional_state,
    ),
}


@dataclass
class Step:
    """A confirmation step in front of an action that cannot be undone. Its GET, and a POST
    without the confirmation, show what will happen and change nothing; only ``confirm``, sent
    by the acting persona, acts."""

    name: str
    get: dict  # the outcome of a GET, per persona
    args: object = None
    query: object = None  # callable(world) -> what the step is about (sent with GET and POST)
    post: dict | None = None  # outcome of a POST without the confirmation, if not ``get``
    confirm: dict = field(default_factory=lambda: {"confirm": "yes"})
    acts: object = 302  # status of the confirmed POST by the acting persona

    def url(self, world) -> str:
        return reverse(self.name, args=self.args(world) if self.args else [])

    def data(self, world) -> dict:
        return self.query(world) if self.query else {}

    def may_act(self, persona) -> bool:
        """Whoever is shown the step (by GET, or by a POST without the confirmation)."""
        return self.get[persona] == OK or bool(self.post and self.post[persona] in (OK, HOME))


def _merge_pair(world):
    return {"first": world["active"].pk, "second": world["twin"].pk}


CONFIRM_STEPS = {
    "leave the binder": Step(
        "contacts:listing_action",
        args=lambda w: [w["listing_token"], "leave"],
        get=everyone(OK),
    ),
    "never contact me": Step(
        "contacts:listing_action",
        args=lambda w: [w["listing_token"], "never"],
        get=everyone(OK),
    ),
    "erase my data": Step(
        "contacts:listing_action",
        args=lambda w: [w["listing_token"], "erase"],
        get=everyone(OK),
        acts=200,  # the link dies with the data: a page says so, there is nowhere to go back to
    ),
    "turn down a volunteer": Step(
        "contacts:volunteer_decide",
        args=lambda w: [w["volunteer"].pk, "reject"],
        get=staff_only(),
    ),
    "remove a person I know": Step(
        "network:person_delete", args=lambda w: [w["person"].pk], get=owner_only(staff=404)
    ),
    "remove an approach from the log": Step(
        "network:approach_delete",
        args=lambda w: [w["person"].pk, w["approach"].pk],
        get=owner_only(staff=404),
    ),
    "suggest a person for the binder": Step(
        "network:person_suggest", args=lambda w: [w["person"].pk], get=owner_only(staff=404)
    ),
    "merge two entries": Step("contacts:merge", query=_merge_pair, get=staff_only()),
    # A POST-only form: the status chosen on the entry's page is shown before it is applied.
    "mark do not contact": Step(
        "contacts:staff_status",
        args=lambda w: [w["active"].pk],
        query=lambda w: {"status": "do_not_contact"},
        get=staff_only(405),
        post=staff_only(OK),
    ),
    "retire them": Step(
        "contacts:staff_status",
        args=lambda w: [w["active"].pk],
        query=lambda w: {"status": "retired"},
        get=staff_only(405),
        post=staff_only(OK),
    ),
    # The professional's "never" from a request link: a POST without the confirmation goes back
    # to the request page, which asks; the link is the credential, so whoever holds it acts.
    "never contact me, from a request": Step(
        "interviews:respond_action",
        args=lambda w: [w["respond_token"], "never"],
        get=everyone(405),
        post=everyone(HOME),
        acts=200,
    ),
    "withdraw a request": Step(
        "interviews:withdraw", args=lambda w: [w["interview"].pk], get=owner_only()
    ),
    "drop a plan": Step("interviews:withdraw", args=lambda w: [w["draft"].pk], get=owner_only()),
    # The person proves it is them and types DELETE; an empty POST is the form with errors.
    "delete my account": Step(
        "accounts:delete_account",
        get=students_only(),
        post=students_only(400),
        confirm={"password": PASSWORD, "confirm": "DELETE"},
    ),
}


def named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            if ns == "admin":
                continue  # Django's own admin, guarded by its own login; checked below
            prefix = f"{namespace}{ns}:" if ns else namespace
            yield from named_urls(pattern, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_has_an_entry():
    assert set(named_urls()) == set(MATRIX), "each named URL needs an access-matrix entry"


@pytest.fixture
def world(db, student, other_student, staff, inactive_user):
    from apps.accounts import services

    pending = make_user(email="pending@example.edu", is_active=False, email_confirmed_at=None)
    failed = QueuedEmail.objects.create(
        from_email="a@example.edu",
        recipients=["b@example.edu"],
        subject="Hello",
        message="Subject: Hello\n\nHi",
        status=QueuedEmail.Status.FAILED,
        attempts=5,
    )
    invitation = services.staff_invite(
        invited_by=staff, email="new.staff@example.edu", full_name="New Staff"
    )
    # The token is not stored; mint a known one for the link.
    from apps.accounts.models import token_digest

    invitation.token_digest = token_digest("known-token")
    invitation.save()
    organisation = Organisation.objects.create(name="Northwind Analytics")
    active = Professional.objects.create(
        full_name="Ada Active",
        email="ada@northwind.example",
        organisation=organisation,
        status=Professional.Status.ACTIVE,
        **CONSENTED,
    )
    twin = Professional.objects.create(
        full_name="ada active",
        organisation=organisation,
        status=Professional.Status.ACTIVE,
        **CONSENTED,
    )
    volunteer = Professional.objects.create(
        full_name="Vic Volunteer",
        email="vic@example.org",
        status=Professional.Status.PENDING,
        source=Professional.Source.VOLUNTEER,
        email_confirmed_at=timezone.now(),
    )
    resource = Resource.objects.create(
        kind="association", name="Data Guild", url="https://dg.example"
    )
    batch = BinderImport.objects.create(
        uploaded_by=staff,
        filename="binder.csv",
        table=read_rows("binder.csv", b"Name,Company\nNew Person,Acme\n").as_json(),
    )
    bank = QuestionBank.objects.create(title="Curated", published=True, theme="path")
    question = Question.objects.create(
        bank=bank, text="How did you start?", theme="path", position=1
    )
    Question.objects.create(bank=bank, text="What changed?", theme="path", position=2)
    interview = Interview.objects.create(
        student=student,
        professional=active,
        status="requested",
        requested_at=timezone.now(),
        expires_at=timezone.now() + timedelta(days=14),
    )
    slot = ProposedTime.objects.create(
        interview=interview,
        starts_at=timezone.now() + timedelta(days=3),
        proposed_by="professional",
    )
    other_pro = Professional.objects.create(
        full_name="Other Pro", status="active", **CONSENTED, email="op@x.example"
    )
    soon = timezone.now() + timedelta(days=2)
    confirmed = Interview.objects.create(
        student=student,
        professional=other_pro,
        status="confirmed",
        starts_at=soon,
        ends_at=soon + timedelta(minutes=20),
    )
    draft = Interview.objects.create(
        student=student,
        professional=Professional.objects.create(
            full_name="Draft Pro", status="active", **CONSENTED
        ),
    )
    referral = Referral.objects.create(interview=confirmed, name="Suggested Sam")
    confirmed_plan = Plan.objects.create(student=student, title="Confirmed plan")
    PlanItem.objects.create(plan=confirmed_plan, text="How did you start?", position=1)
    confirmed.plan = confirmed_plan
    confirmed.save()
    rehearsal = practice_rehearsal.rehearsal_start(interview=confirmed)
    held = Interview.objects.create(
        student=student,
        professional=Professional.objects.create(
            full_name="Held Pro", status="active", **CONSENTED, email="hp@x.example"
        ),
        status="completed",
    )
    reminder = Reminder.objects.create(
        student=student,
        kind="thank_you",
        interview=held,
        professional=held.professional,
        due_at=timezone.now(),
    )
    contact = Contact.objects.create(
        student=student, professional=held.professional, last_contact_at=timezone.now()
    )
    free_pro = Professional.objects.create(
        full_name="Free Pro", status="active", **CONSENTED, email="fp@x.example"
    )
    plan = Plan.objects.create(student=student, title="Plan")
    item = PlanItem.objects.create(plan=plan, text="How did you start?", position=1)
    PlanItem.objects.create(plan=plan, text="Who else?", position=2)
    person = Person.objects.create(student=student, full_name="Known Kim", email="kim@x.example")
    approach = Approach.objects.create(
        person=person, on=timezone.localdate() - timedelta(days=2), outcome="no_answer"
    )
    suggestion = Suggestion.objects.create(
        address_digest=address_digest("sid@x.example"), suggested_by=student
    )
    people_batch = PeopleImport.objects.create(
        student=student,
        filename="Connections.csv",
        table=read_any_rows("c.csv", b"First Name,Last Name\nNew,Friend\n", PEOPLE).as_json(),
    )
    return {
        "person": person,
        "own_draft": Interview.objects.create(student=student, person=person),
        "approach": approach,
        "people_batch": people_batch,
        "rehearsal": rehearsal,
        "held": held,
        "reminder": reminder,
        "contact": contact,
        "unsubscribe": reminder_services.unsubscribe_token(student.pk, "keep_in_touch"),
        "interview": interview,
        "slot": slot,
        "confirmed": confirmed,
        "draft": draft,
        "referral": referral,
        "free_pro": free_pro,
        "feed": CalendarFeed.objects.create(student=student, token="feed-token"),
        "respond_token": interview_services.professional_token(interview),
        "bank": bank,
        "question": question,
        "plan": plan,
        "item": item,
        "users": {
            "anonymous": None,
            "student": student,
            "other_student": other_student,
            "staff": staff,
            "inactive": inactive_user,
            "professional": None,
        },
        "organisation": organisation,
        "active": active,
        "twin": twin,
        "volunteer": volunteer,
        "resource": resource,
        "batch": batch,
        "listing_token": contact_services.manage_token(active),
        "volunteer_token": contact_services.volunteer_token(volunteer),
        "join_token": contact_services.suggestion_token(
            suggestion=suggestion, email="sid@x.example", full_name="Sid Suggested"
        ),
        "failed_email": failed,
        "invitation": invitation,
        "invitation_token": "known-token",
        "confirm_args": [
            urlsafe_base64_encode(force_bytes(pending.pk)),
            email_confirmation_token.make_token(pending),
        ],
    }


def check_outcome(response, expected, url):
    if expected == LOGIN:
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url
    elif expected == DONE:
        assert response.status_code == 200, url
    elif expected == HOME:
        assert response.status_code == 302, url
        assert not response["Location"].startswith(reverse("accounts:login")), url
    else:
        assert response.status_code == expected, (url, response.status_code)


CASES = [(name, persona) for name in MATRIX for persona in PERSONAS]


@pytest.mark.parametrize("name,persona", CASES)
def test_get(world, name, persona):
    entry = MATRIX[name]
    url = reverse(name, args=entry.args(world) if entry.args else [])
    response = client_for(world["users"][persona]).get(url)
    check_outcome(response, entry.get[persona], url)


WRITE_CASES = [(n, p) for n in MATRIX if MATRIX[n].post for p in PERSONAS]


@pytest.mark.parametrize("name,persona", WRITE_CASES)
def test_post(world, name, persona):
    entry = MATRIX[name]
    url = reverse(name, args=entry.args(world) if entry.args else [])
    before = entry.state(world)
    data = entry.data_from(world) if entry.data_from else entry.data
    response = client_for(world["users"][persona]).post(url, data)
    expected = entry.post[persona]
    check_outcome(response, expected, url)
    if expected not in (HOME, DONE):
        # Refused, or re-shown with errors: nothing may have changed.
        assert entry.state(world) == before, url


def test_admin_is_for_superusers_only(world):
    url = reverse("admin:index")
    for persona in PERSONAS:
        response = client_for(world["users"][persona]).get(url)
        assert response.status_code == 302, persona
    admin = User.objects.create_superuser(email="root@example.edu", password="x", full_name="Root")
    assert client_for(admin).get(url).status_code == 200


def test_expired_invitation_link_is_404(world):
    invitation = world["invitation"]
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    url = reverse("accounts:invitation_accept", args=[world["invitation_token"]])
    assert client_for(None).get(url).status_code == 404


# Every URL that carries a secret, and which of its arguments is the secret.
LINK_URLS = {
    "accounts:confirm": 1,
    "accounts:password_reset_confirm": 1,
    "accounts:invitation_accept": 0,
    "contacts:volunteer_confirm": 0,
    "contacts:volunteer_join": 0,
    "contacts:listing": 0,
    "contacts:listing_action": 0,
    "interviews:feed": 0,
    "interviews:respond": 0,
    "interviews:respond_action": 0,
    "reminders:unsubscribe": 0,
}
REFUSED = {400, 404, 405, 410}


def _link_url(world, name, change):
    args = list(MATRIX[name].args(world))
    secret = LINK_URLS[name]
    args[secret] = change(args[secret])
    return reverse(name, args=args)


def _refused(response):
    if response.status_code in REFUSED:
        return True
    # Django's password reset answers 200 with its own "link no longer works" page.
    return (
        response.status_code == 200 and "expired or was already used" in response.content.decode()
    )


def _routes(resolver=None, namespace="", prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace != "admin":
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _routes(pattern, ns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", prefix + str(pattern.pattern)


def test_every_url_with_a_secret_is_in_the_link_tests():
    with_secrets = {name for name, route in _routes() if "token>" in route or "uidb64>" in route}
    assert with_secrets == set(LINK_URLS)


@pytest.mark.parametrize("name", sorted(LINK_URLS))
@pytest.mark.parametrize(
    "change",
    [lambda t: t[:-4] + "zzzz", lambda t: "x" + t, lambda t: t[: len(t) // 2]],
    ids=["tampered", "prefixed", "truncated"],
)
def test_a_tampered_link_is_refused_and_changes_nothing(world, name, change):
    url = _link_url(world, name, change)
    clients = {p: client_for(world["users"][p]) for p in ("professional", "student", "staff")}
    before = fingerprint()  # after signing in, which writes last_login
    for persona, client in clients.items():
        assert _refused(client.get(url)), (url, persona)
        response = client.post(url)
        assert response.status_code in REFUSED | {302} or _refused(response), (url, persona)
    assert fingerprint() == before


@pytest.mark.parametrize(
    "name",
    [
        "contacts:listing",
        "contacts:listing_action",
        "interviews:respond",
        "interviews:respond_action",
        "contacts:volunteer_confirm",
        "contacts:volunteer_join",
        "accounts:confirm",
        "accounts:password_reset_confirm",
    ],
)
def test_an_expired_link_is_refused_and_changes_nothing(world, name):
    url = reverse(name, args=MATRIX[name].args(world))
    before = fingerprint()
    with time_machine.travel(timezone.now() + timedelta(days=400)):
        client = client_for(None)
        assert _refused(client.get(url)), url
        response = client.post(url)
        assert response.status_code in REFUSED | {302} or _refused(response), url
    assert fingerprint() == before


STEP_CASES = [(step, persona) for step in CONFIRM_STEPS for persona in PERSONAS]


@pytest.mark.parametrize("step,persona", STEP_CASES)
def test_a_confirmation_step_changes_nothing_until_confirmed(world, step, persona):
    """GET, and a POST without the confirmation (an old form, a crafted post), show the step
    or refuse; neither changes anything."""
    entry = CONFIRM_STEPS[step]
    url, data = entry.url(world), entry.data(world)
    client = client_for(world["users"][persona])
    before = fingerprint()  # after signing in, which writes last_login
    check_outcome(client.get(url, data), entry.get[persona], url)
    check_outcome(client.post(url, data), (entry.post or entry.get)[persona], url)
    assert fingerprint() == before, (step, persona)


@pytest.mark.parametrize(
    "step,persona", [(s, p) for s, p in STEP_CASES if not CONFIRM_STEPS[s].may_act(p)]
)
def test_a_confirmed_post_from_anyone_else_changes_nothing(world, step, persona):
    entry = CONFIRM_STEPS[step]
    url = entry.url(world)
    client = client_for(world["users"][persona])
    before = fingerprint()
    response = client.post(url, {**entry.data(world), **entry.confirm})
    check_outcome(response, entry.get[persona], url)
    assert fingerprint() == before, (step, persona)


@pytest.mark.parametrize("step", sorted(CONFIRM_STEPS))
def test_a_confirmed_post_acts(world, step):
    entry = CONFIRM_STEPS[step]
    persona = next(p for p in ["student", "staff", "professional"] if entry.may_act(p))
    client = client_for(world["users"][persona])
    before = fingerprint()
    response = client.post(entry.url(world), {**entry.data(world), **entry.confirm})
    assert response.status_code == entry.acts, (step, response.status_code)
    assert fingerprint() != before, step


@pytest.mark.parametrize(
    "step", [s for s, e in CONFIRM_STEPS.items() if e.name == "contacts:listing_action"]
)
def test_a_confirmation_step_behind_a_broken_link_is_refused(world, step):
    entry = CONFIRM_STEPS[step]
    token, action = entry.args(world)
    url = reverse(entry.name, args=[token[:-4] + "zzzz", action])
    client = client_for(None)
    before = fingerprint()
    for response in [client.get(url), client.post(url), client.post(url, entry.confirm)]:
        assert response.status_code == 404 and "fresh link" in response.content.decode(), step
    assert fingerprint() == before
