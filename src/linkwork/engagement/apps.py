from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "linkwork.engagement"
    label = "engagement"
    verbose_name = "Linkwork engagement"

    def ready(self) -> None:
        from linkwork.engagement import policy  # noqa: F401  (declares this app's permissions)
