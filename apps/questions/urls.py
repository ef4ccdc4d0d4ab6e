from django.urls import path

from .views import banks, plans

app_name = "questions"

urlpatterns = [
    path("questions/", banks.browse, name="browse"),
    path("questions/banks/new/", banks.bank_create, name="bank_create"),
    path("questions/banks/<int:pk>/", banks.bank_detail, name="bank_detail"),
    path("questions/banks/<int:pk>/edit/", banks.bank_edit, name="bank_edit"),
    path("questions/banks/<int:pk>/publish/", banks.bank_publish, name="bank_publish"),
    path("questions/banks/<int:pk>/duplicate/", banks.bank_duplicate, name="bank_duplicate"),
    path("questions/banks/<int:pk>/export.csv", banks.bank_export, name="bank_export"),
    path("questions/banks/<int:pk>/import/", banks.bank_import, name="bank_import"),
    path("questions/banks/<int:pk>/add/", banks.question_add, name="question_add"),
    path("questions/<int:pk>/edit/", banks.question_edit, name="question_edit"),
    path("questions/<int:pk>/delete/", banks.question_delete, name="question_delete"),
    path("questions/<int:pk>/move/<str:direction>/", banks.question_move, name="question_move"),
    path("questions/<int:pk>/copy/", banks.question_copy, name="question_copy"),
    path("plans/", plans.plan_list, name="plans"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/print/", plans.plan_print, name="plan_print"),
    path(
        "plans/<int:pk>/add/<int:question_pk>/", plans.plan_add_question, name="plan_add_question"
    ),
    path("plans/<int:pk>/add-text/", plans.plan_add_text, name="plan_add_text"),
    path(
        "plans/<int:pk>/items/<int:item_pk>/move/<str:direction>/",
        plans.plan_item_move,
        name="plan_item_move",
    ),
    path(
        "plans/<int:pk>/items/<int:item_pk>/remove/",
        plans.plan_item_remove,
        name="plan_item_remove",
    ),
]
