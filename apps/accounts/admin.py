from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils import timezone

from .models import StaffInvitation, StudentProfile, User
from .privacy import account_delete


class StudentProfileInline(admin.StackedInline):
    model = StudentProfile
    can_delete = False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "is_active", "email_confirmed_at", "left_at"]
    list_filter = ["role", "is_active", "is_superuser"]
    actions = ["mark_left"]
    search_fields = ["email", "full_name"]
    inlines = [StudentProfileInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["full_name", "role", "time_zone"]}),
        (
            "Status",
            {"fields": ["is_active", "email_confirmed_at", "left_at", "is_staff", "is_superuser"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "role", "password1", "password2"]}),
    ]

    # Deleting here goes the way "Delete my account" goes: booked meetings are cancelled and
    # open requests withdrawn (the professionals are told, with a calendar CANCEL) first.
    def delete_model(self, request, obj):
        account_delete(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            account_delete(user, by=request.user)

    @admin.action(description="Mark as having left the centre (starts the notes retention clock)")
    def mark_left(self, request, queryset):
        count = queryset.filter(left_at__isnull=True).update(left_at=timezone.now())
        self.message_user(request, f"{count} marked as having left.")


@admin.register(StaffInvitation)
class StaffInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "full_name", "invited_by", "created_at", "expires_at", "accepted_at"]
    exclude = ["token_digest"]
