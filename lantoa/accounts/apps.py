from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lantoa.accounts"
    label = "accounts"
