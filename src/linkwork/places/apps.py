from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "linkwork.places"
    label = "places"
