from django.urls import path

from . import views

app_name = "insight"

urlpatterns = [
    path("staff/insight/", views.dashboard, name="dashboard"),
    path("staff/insight/export/<str:table>.<str:fmt>", views.export, name="export"),
    path("staff/insight/referrals/<int:pk>/", views.referral_tree, name="referral_tree"),
]
