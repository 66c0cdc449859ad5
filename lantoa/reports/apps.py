from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lantoa.reports"
    label = "reports"

    def ready(self) -> None:
        from django.apps import apps

        from lantoa.reports.evidence import register_provider

        # The activity log lives in the plans app; without it reporting simply offers no activity suggestions.
        if apps.is_installed("lantoa.plans"):
            try:
                apps.get_model("plans", "Activity")
            except LookupError:
                return
            from lantoa.reports.providers import activity_provider

            register_provider("activity", activity_provider)
