from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "linkwork.core"
    label = "core"
    verbose_name = "Linkwork core"

    def ready(self) -> None:
        from linkwork.core import account_policy, signals  # noqa: F401
