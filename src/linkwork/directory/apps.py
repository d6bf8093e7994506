from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "linkwork.directory"
    label = "directory"

    def ready(self) -> None:
        from linkwork.directory import policy  # noqa: F401  (declares this app's permissions)
