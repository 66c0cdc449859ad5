from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "lantoa.tasks"
    label = "tasks"
