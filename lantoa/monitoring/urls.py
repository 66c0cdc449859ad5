from django.urls import path

from lantoa.monitoring import views

app_name = "monitoring"
urlpatterns = [path("", views.index, name="index")]
