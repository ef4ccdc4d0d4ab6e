"""Interview workflows, one module per stage. Every state change happens in these services, in
one transaction, and is announced with a signal. Booking takes row locks (professional first,
then student) so two answers at the same moment cannot double-book anyone; PostgreSQL's
exclusion constraints back that up. Callers import from here: ``services.request_send``."""

from ..calendar import event_ics  # noqa: F401 - for the views' calendar files
from .answers import (  # noqa: F401
    counter_accept,
    request_accept,
    request_counter,
    request_decline,
    written_answers_submit,
)
from .binder_events import (  # noqa: F401
    ERASED,
    STUDENT_TEXT,
    expire_due_requests,
    interviews_erase_mentions,
    interviews_merge,
    withdraw_everything_for,
)
from .booked import (  # noqa: F401
    interview_cancel,
    interview_reschedule,
    mark_no_show,
    record_save,
)
from .common import (  # noqa: F401
    LINK_DAYS,
    LINK_SALT,
    NOT_WRITTEN_TO,
    Status,
    calendar_event,
    interview_for_token,
    professional_link,
    professional_token,
)
from .preparing import (  # noqa: F401
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
from .referrals import (  # noqa: F401
    calendar_feed_for,
    referral_add_to_binder,
    referral_dismiss,
)
