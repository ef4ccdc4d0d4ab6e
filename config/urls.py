from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from apps.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("about/", core_views.about, name="about"),
    path("staff/mail/", core_views.mail_queue, name="mail_queue"),
    path("staff/mail/<int:pk>/retry/", core_views.mail_retry, name="mail_retry"),
    path("accounts/", include("apps.accounts.urls")),
    path("", include("apps.contacts.urls")),
    path("", include("apps.questions.urls")),
    path("", include("apps.interviews.urls")),
    path("", include("apps.reminders.urls")),
    path("", include("apps.practice.urls")),
    path("", include("apps.network.urls")),
    path("", include("apps.insight.urls")),
    # The admin's own password change checks the old password without counting failures; ours
    # counts them with the sign-in lockout (apps.accounts.forms.password_recheck).
    path(
        "admin/password_change/",
        RedirectView.as_view(pattern_name="accounts:password_change", permanent=False),
    ),
    path("admin/", admin.site.urls),
]

handler500 = "apps.core.views.server_error"
