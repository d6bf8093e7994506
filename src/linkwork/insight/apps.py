from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "linkwork.insight"
    label = "insight"
    verbose_name = "Linkwork insight"

    def ready(self) -> None:
        from linkwork.insight import policy  # noqa: F401  (declares this app's permissions)
