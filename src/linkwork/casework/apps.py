from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "linkwork.casework"
    label = "casework"

    def ready(self) -> None:
        from linkwork.casework import (  # noqa: F401  (declare actions; connect the notice)
            everyday_policy,
            notifications,
            policy,
        )
