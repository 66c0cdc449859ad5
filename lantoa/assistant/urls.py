from django.urls import path

from lantoa.assistant import views

app_name = "assistant"
urlpatterns = [path("", views.index, name="index")]
