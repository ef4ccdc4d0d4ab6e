"""Interview workflows, one module per stage. Every state change happens in these services, in
one transaction, and is announced with a signal. Booking takes row locks (professional first,
then student) so two answers at the same moment cannot double-book anyone; PostgreSQL's
exclusion constraints back that up. Callers import from here: ``services.request_send``."""

from ..calendar import event_ics  # for the views' calendar files
from .answers import (
    MAX_QUESTIONS,
    counter_accept,
    question_to_student,
    request_accept,
    request_counter,
    request_decline,
    written_answers_submit,
)
from .binder_events import (
    ERASED,
    STUDENT_TEXT,
    expire_due_requests,
    interviews_erase_mentions,
    interviews_merge,
    withdraw_everything_for,
)
from .booked import (
    interview_cancel,
    interview_reschedule,
    mark_no_show,
    record_save,
)
from .common import (
    LINK_DAYS,
    LINK_SALT,
    NOT_WRITTEN_TO,
    Status,
    calendar_event,
    interview_for_token,
    professional_link,
    professional_token,
)
from .own_network import booking_record, interview_start_with_person
from .preparing import (
    RESEARCH_NOTES,
    deliver_waiting_requests,
    in_line,
    interview_start,
    missing_before_request,
    request_follow_up,
    request_prepare,
    request_send,
    request_withdraw,
    research_missing,
    research_save,
)
from .referrals import (
    calendar_feed_for,
    referral_add_to_binder,
    referral_dismiss,
)
from .reports import REPORTABLE, report_file

# What callers import from here (and what mypy's strict modules may import).
__all__ = [
    "MAX_QUESTIONS",
    "question_to_student",
    "REPORTABLE",
    "report_file",
    "ERASED",
    "booking_record",
    "interview_start_with_person",
    "LINK_DAYS",
    "LINK_SALT",
    "NOT_WRITTEN_TO",
    "RESEARCH_NOTES",
    "STUDENT_TEXT",
    "Status",
    "calendar_event",
    "calendar_feed_for",
    "counter_accept",
    "deliver_waiting_requests",
    "event_ics",
    "expire_due_requests",
    "in_line",
    "interview_cancel",
    "interview_for_token",
    "interview_reschedule",
    "interview_start",
    "interviews_erase_mentions",
    "interviews_merge",
    "mark_no_show",
    "missing_before_request",
    "professional_link",
    "professional_token",
    "record_save",
    "referral_add_to_binder",
    "referral_dismiss",
    "request_accept",
    "request_counter",
    "request_decline",
    "request_follow_up",
    "request_prepare",
    "request_send",
    "request_withdraw",
    "research_missing",
    "research_save",
    "withdraw_everything_for",
    "written_answers_submit",
]
