from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "lantoa.monitoring"
    label = "monitoring"

    def ready(self) -> None:
        from django.apps import apps

        # Offer coverage numbers to report auto-fill when the reports app is there (it need not be).
        if apps.is_installed("lantoa.reports"):
            try:
                from lantoa.reports.evidence import register_provider
            except ImportError:
                return
            from lantoa.monitoring.evidence import monitoring_provider

            register_provider("monitoring", monitoring_provider)
