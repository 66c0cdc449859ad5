from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "lantoa.intake"
    label = "intake"
