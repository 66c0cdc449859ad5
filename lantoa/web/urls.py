from django.urls import path

from lantoa.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("dia-ban/", views.area_list, name="areas"),
    path("dia-ban/<str:code>/", views.area_detail, name="area"),
]
