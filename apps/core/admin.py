from django.contrib import admin

from .models import QueuedEmail


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
