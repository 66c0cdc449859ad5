from django.urls import path

from lantoa.portal import views

app_name = "portal"
urlpatterns = [path("", views.index, name="index")]
