from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "linkwork.insight"
    label = "insight"
    verbose_name = "Linkwork insight"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from linkwork.insight import (
            kept,
            policy,  # noqa: F401  (declares this app's permissions)
        )
        from linkwork.insight.aggregates import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="insight-sqlite")
        kept.connect()
        kept.on_backlog(_enqueue_refresh)


def _enqueue_refresh() -> None:
    from linkwork.insight.tasks import refresh_kept_task

    refresh_kept_task.enqueue()
