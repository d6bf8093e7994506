from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "linkwork.network"
    label = "network"
    verbose_name = "Linkwork network"

    def ready(self) -> None:
        from linkwork.network import policy  # noqa: F401  (declares this app's permissions)
