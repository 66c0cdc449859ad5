from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "lantoa.plans"
    label = "plans"
