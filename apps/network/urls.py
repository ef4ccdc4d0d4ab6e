from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/add/", views.person_add, name="person_add"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/delete/", views.person_delete, name="person_delete"),
    path("people/<int:pk>/approaches/", views.approach_add, name="approach_add"),
    path(
        "people/<int:pk>/approaches/<int:approach_pk>/delete/",
        views.approach_delete,
        name="approach_delete",
    ),
    path("people/<int:pk>/suggest/", views.person_suggest, name="person_suggest"),
    path("people/import/", views.import_upload, name="import_upload"),
    path("people/import/<int:pk>/", views.import_preview, name="import_preview"),
    path("people/import/<int:pk>/commit/", views.import_commit, name="import_commit"),
]
