from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "linkwork.core"
    label = "core"
    verbose_name = "Linkwork core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from linkwork.core import account_policy, signals  # noqa: F401
        from linkwork.core.rate_limits import create_shared_cache_table

        # The shared cache's table is made by every migrate (decision 0013).
        post_migrate.connect(create_shared_cache_table, sender=self)
