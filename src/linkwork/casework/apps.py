from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "linkwork.casework"
    label = "casework"

    def ready(self) -> None:
        from linkwork.casework import policy  # noqa: F401  (declares this app's permissions)
