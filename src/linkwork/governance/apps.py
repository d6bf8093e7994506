from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "linkwork.governance"
    label = "governance"
    verbose_name = "Linkwork governance"

    def ready(self) -> None:
        from linkwork.governance import policy  # noqa: F401  (declares this app's permissions)
