from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "lantoa.assistant"
    label = "assistant"
