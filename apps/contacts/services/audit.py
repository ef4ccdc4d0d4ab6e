"""The audit trail of what staff did to binder entries."""

from apps.accounts.models import User

from ..models import (
    AuditEntry,
    Professional,
)

# --- Audit ------------------------------------------------------------------------------------


def audit(
    *,
    actor: User | None,
    action: str,
    professional: Professional | None = None,
    detail: str = "",
    actor_name: str = "",
) -> AuditEntry:
    """Record a staff action on the binder (``actor`` None: the professional, by their link,
    unless ``actor_name`` says who else)."""
    if not actor_name:
        actor_name = actor.get_full_name() if actor is not None else "The professional (by link)"
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=actor_name,
        action=action,
        professional=professional,
        professional_name=professional.full_name if professional is not None else "",
        detail=detail[:300],
    )
