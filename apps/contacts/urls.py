from django.urls import path

from .views import catalogue, importing, public, staff, student

app_name = "contacts"

urlpatterns = [
    # Staff: the binder.
    path("binder/", staff.professional_list, name="staff_list"),
    path("binder/new/", staff.professional_create, name="staff_create"),
    path("binder/export.<str:fmt>", staff.professional_export, name="staff_export"),
    path("binder/<int:pk>/", staff.professional_detail, name="staff_detail"),
    path("binder/<int:pk>/edit/", staff.professional_edit, name="staff_edit"),
    path("binder/<int:pk>/status/", staff.professional_status, name="staff_status"),
    path("binder/<int:pk>/invite/", staff.professional_invite, name="staff_invite"),
    path("binder/volunteers/", staff.volunteer_list, name="volunteers"),
    path(
        "binder/volunteers/<int:pk>/<str:decision>/",
        staff.volunteer_decide,
        name="volunteer_decide",
    ),
    path("binder/duplicates/", staff.duplicates, name="duplicates"),
    path("binder/duplicates/merge/", staff.merge, name="merge"),
    path("binder/import/", importing.upload, name="import_upload"),
    path("binder/import/<int:pk>/", importing.preview, name="import_preview"),
    path("binder/import/<int:pk>/commit/", importing.commit, name="import_commit"),
    path("binder/organisations/", catalogue.organisation_list, name="organisations"),
    path("binder/organisations/new/", catalogue.organisation_edit, name="organisation_create"),
    path(
        "binder/organisations/<int:pk>/edit/", catalogue.organisation_edit, name="organisation_edit"
    ),
    path("binder/resources/", catalogue.resource_list, name="resources"),
    path("binder/resources/new/", catalogue.resource_edit, name="resource_create"),
    path("binder/resources/<int:pk>/edit/", catalogue.resource_edit, name="resource_edit"),
    path("binder/taxonomy/", catalogue.taxonomy, name="taxonomy"),
    path("binder/audit/", catalogue.audit_log, name="audit"),
    # Students.
    path("professionals/", student.search, name="search"),
    path("professionals/<int:pk>/", student.profile, name="profile"),
    path("associations-and-directories/", student.resources, name="student_resources"),
    # Professionals, without an account.
    path("volunteer/", public.volunteer, name="volunteer"),
    path("volunteer/join/<str:token>/", public.volunteer, name="volunteer_join"),
    path("volunteer/thanks/", public.volunteer_thanks, name="volunteer_thanks"),
    path("volunteer/confirm/<str:token>/", public.volunteer_confirm, name="volunteer_confirm"),
    path("listing/", public.listing_request, name="listing_request"),
    path("listing/<str:token>/", public.listing, name="listing"),
    path("listing/<str:token>/<str:action>/", public.listing_action, name="listing_action"),
]
