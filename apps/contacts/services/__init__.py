"""Binder workflows, one module each: links for professionals, status and erasure, invitations,
volunteers, merges, yearly re-consent and the audit trail. Each runs in one transaction and says
what went wrong in plain words. Callers import from here: ``services.professional_set_status``."""

from .audit import (  # noqa: F401
    audit,
)
from .editing import (  # noqa: F401
    Attestation,
    professional_create,
    professional_update,
)
from .invitations import (  # noqa: F401
    consent_confirm_by_link,
    invitation_accept,
    invitation_send,
    organisation_named,
)
from .links import (  # noqa: F401
    LISTED,
    MANAGE_LINK_DAYS,
    MANAGE_LINK_SALT,
    RECONSENT_GRACE_DAYS,
    STALE_IMPORT_DAYS,
    SUPPRESSED_MESSAGE,
    VOLUNTEER_LINK_DAYS,
    VOLUNTEER_LINK_SALT,
    manage_link,
    manage_link_request,
    manage_token,
    professional_for_token,
)
from .merging import (  # noqa: F401
    FILLABLE,
    PAIRED,
    STATUS_PRECEDENCE,
    duplicates_find,
    professionals_merge,
)
from .reconsent import (  # noqa: F401
    binder_housekeeping_job,
    imports_purge_stale,
    reconsent_pause_unanswered,
    reconsent_request_due,
)
from .status import (  # noqa: F401
    LISTING_TRANSITIONS,
    capacity_claim,
    capacity_release,
    consent_record,
    listing_change,
    professional_erase,
    professional_set_capacity,
    professional_set_status,
    status_changed,
)
from .volunteers import (  # noqa: F401
    volunteer_approve,
    volunteer_confirm,
    volunteer_for_token,
    volunteer_reject,
    volunteer_submit,
    volunteer_token,
)
