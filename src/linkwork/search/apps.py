from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "linkwork.search"
    label = "search"

    def ready(self) -> None:
        from linkwork.directory.search_backend import register_engine
        from linkwork.search import policy, signals  # noqa: F401 (policy declares actions)
        from linkwork.search.engine import search

        signals.connect()
        register_engine(search)
