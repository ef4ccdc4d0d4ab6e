from django.urls import path

from .views import professional, staff, student

app_name = "interviews"

urlpatterns = [
    path("interviews/", student.interview_list, name="list"),
    path("interviews/start/<int:professional_pk>/", student.start, name="start"),
    path(
        "interviews/start/person/<int:person_pk>/",
        student.start_with_person,
        name="start_with_person",
    ),
    path("interviews/<int:pk>/", student.detail, name="detail"),
    path("interviews/<int:pk>/booking/", student.booking, name="booking"),
    path("interviews/<int:pk>/research/", student.research, name="research"),
    path("interviews/<int:pk>/request/", student.request_save, name="request_save"),
    path("interviews/<int:pk>/send/", student.request_send, name="send"),
    path("interviews/<int:pk>/follow-up/", student.follow_up, name="follow_up"),
    path("interviews/<int:pk>/withdraw/", student.withdraw, name="withdraw"),
    path("interviews/<int:pk>/accept/<int:slot_pk>/", student.accept_time, name="accept_time"),
    path("interviews/<int:pk>/cancel/", student.cancel, name="cancel"),
    path("interviews/<int:pk>/reschedule/", student.reschedule, name="reschedule"),
    path("interviews/<int:pk>/no-show/", student.no_show, name="no_show"),
    path("interviews/<int:pk>/record/", student.record, name="record"),
    path("interviews/<int:pk>/calendar.ics", student.ics, name="ics"),
    path("interviews/calendar/", student.calendar_settings, name="calendar"),
    path("calendar/<str:token>.ics", student.feed, name="feed"),
    path("respond/<str:token>/", professional.respond, name="respond"),
    path("respond/<str:token>/<str:action>/", professional.respond_action, name="respond_action"),
    path("staff/interviews/", staff.interview_list, name="staff_list"),
    path("staff/interviews/referrals/", staff.referrals, name="staff_referrals"),
    path("staff/interviews/reports/", staff.reports, name="staff_reports"),
    path(
        "staff/interviews/referrals/<int:pk>/<str:decision>/",
        staff.referral_decide,
        name="referral_decide",
    ),
]
