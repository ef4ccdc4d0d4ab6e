from django.urls import path

from . import views

app_name = "practice"

urlpatterns = [
    path("interviews/<int:pk>/rehearse/", views.rehearse, name="rehearse"),
    path("interviews/<int:pk>/rehearse/start/", views.rehearsal_start, name="rehearsal_start"),
    path(
        "interviews/<int:pk>/rehearse/<int:rehearsal_pk>/next/",
        views.rehearsal_next,
        name="rehearsal_next",
    ),
    path(
        "interviews/<int:pk>/rehearse/<int:rehearsal_pk>/",
        views.rehearsal_detail,
        name="rehearsal_detail",
    ),
    path("interviews/<int:pk>/practise-with-a-friend/", views.friend_sheet, name="friend_sheet"),
    path("language/", views.language_page, name="language"),
    path("language/term/", views.term_update, name="term_update"),
]
