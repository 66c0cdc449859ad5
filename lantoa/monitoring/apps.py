from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "lantoa.monitoring"
    label = "monitoring"
