from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "linkwork.outcomes"
    label = "outcomes"

    def ready(self) -> None:
        from linkwork.outcomes import policy  # noqa: F401  (declares this app's permissions)
