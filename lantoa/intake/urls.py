from django.urls import path

from lantoa.intake import views

app_name = "intake"
urlpatterns = [path("", views.index, name="index")]
