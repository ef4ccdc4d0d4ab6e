from django.contrib import admin

from .models import QueuedEmail, SuppressedAddress


@admin.register(QueuedEmail)
class QueuedEmailAdmin(admin.ModelAdmin):
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject"]
    # Bodies can hold one-use links: staff see envelopes, not contents.
    exclude = ["message", "body"]
    readonly_fields = [
        "status",
        "from_email",
        "recipients",
        "subject",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    ]


@admin.register(SuppressedAddress)
class SuppressedAddressAdmin(admin.ModelAdmin):
    """Only digests: nobody can read an address here. Deleting a row lifts the suppression,
    which an administrator does only on the person's own written request."""

    list_display = ["digest", "reason", "created_at"]
    list_filter = ["reason"]
    readonly_fields = ["digest", "reason", "created_at"]

    def has_add_permission(self, request):
        return False
