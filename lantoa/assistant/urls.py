from django.urls import path

from lantoa.assistant import views

app_name = "assistant"
urlpatterns = [
    path("", views.index, name="index"),
    path("tai-lieu/them/", views.document_add, name="document_add"),
    path("tai-lieu/<int:pk>/", views.document, name="document"),
    path("tai-lieu/<int:pk>/xoa/", views.document_delete, name="document_delete"),
    path("cau-hoi-can-bo-sung/", views.candidates, name="candidates"),
    path("cau-hoi-can-bo-sung/<int:pk>/tra-loi/", views.candidate_answer, name="candidate_answer"),
    path("cau-hoi-can-bo-sung/<int:pk>/bo-qua/", views.candidate_dismiss, name="candidate_dismiss"),
]
