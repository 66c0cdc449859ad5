from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "lantoa.areas"
    label = "areas"
