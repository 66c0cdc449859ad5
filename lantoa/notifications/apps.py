from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "lantoa.notifications"
    label = "notifications"
