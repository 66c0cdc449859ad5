from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "lantoa.portal"
    label = "portal"
