"""Binder workflows, one module each: links for professionals, status and erasure, invitations,
volunteers, merges, yearly re-consent and the audit trail. Each runs in one transaction and says
what went wrong in plain words. Callers import from here: ``services.professional_set_status``."""

from .audit import (
    audit,
)
from .editing import (
    Attestation,
    organisation_save,
    professional_create,
    professional_update,
)
from .invitations import (
    consent_confirm_by_link,
    invitation_accept,
    invitation_send,
    organisation_named,
)
from .links import (
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
from .merging import (
    FILLABLE,
    PAIRED,
    STATUS_PRECEDENCE,
    duplicates_find,
    professionals_merge,
)
from .reconsent import (
    binder_housekeeping_job,
    imports_purge_stale,
    reconsent_pause_unanswered,
    reconsent_request_due,
)
from .status import (
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
from .volunteers import (
    volunteer_approve,
    volunteer_confirm,
    volunteer_for_token,
    volunteer_reject,
    volunteer_submit,
    volunteer_token,
    volunteers_purge_unconfirmed,
)

# What callers import from here (and what mypy's strict modules may import).
__all__ = [
    "Attestation",
    "FILLABLE",
    "LISTED",
    "LISTING_TRANSITIONS",
    "MANAGE_LINK_DAYS",
    "MANAGE_LINK_SALT",
    "PAIRED",
    "RECONSENT_GRACE_DAYS",
    "STALE_IMPORT_DAYS",
    "STATUS_PRECEDENCE",
    "SUPPRESSED_MESSAGE",
    "VOLUNTEER_LINK_DAYS",
    "VOLUNTEER_LINK_SALT",
    "audit",
    "binder_housekeeping_job",
    "capacity_claim",
    "capacity_release",
    "consent_confirm_by_link",
    "consent_record",
    "duplicates_find",
    "imports_purge_stale",
    "invitation_accept",
    "invitation_send",
    "listing_change",
    "manage_link",
    "manage_link_request",
    "manage_token",
    "organisation_named",
    "organisation_save",
    "professional_create",
    "professional_erase",
    "professional_for_token",
    "professional_set_capacity",
    "professional_set_status",
    "professional_update",
    "professionals_merge",
    "reconsent_pause_unanswered",
    "reconsent_request_due",
    "status_changed",
    "volunteer_approve",
    "volunteer_confirm",
    "volunteer_for_token",
    "volunteer_reject",
    "volunteers_purge_unconfirmed",
    "volunteer_submit",
    "volunteer_token",
]
