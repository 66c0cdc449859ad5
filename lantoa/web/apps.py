from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "lantoa.web"
    label = "web"
