from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "linkwork.casework"
    label = "casework"

    def ready(self) -> None:
        from linkwork.casework import (  # noqa: F401  (declares actions; connects the notice)
            everyday_policy,
            notifications,
        )
