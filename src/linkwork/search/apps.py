from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "linkwork.search"
    label = "search"
