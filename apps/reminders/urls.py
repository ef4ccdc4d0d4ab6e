from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("reminders/<int:pk>/<str:action>/", views.act, name="act"),
    path("thank-you/<int:interview_pk>/", views.thank_you, name="thank_you"),
    path("contacts/", views.contacts, name="contacts"),
    path("contacts/<int:pk>/", views.contact_update, name="contact_update"),
    path("contacts/<int:pk>/log/", views.contact_log, name="contact_log"),
    path("reminders/e-mail/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
