"""Fixed lists the network uses: areas, audiences and the support pack's sections."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    """Scotland's NHS board areas: how link workers say where they work."""

    AYRSHIRE_ARRAN = "ayrshire_arran", _("Ayrshire and Arran")
    BORDERS = "borders", _("Borders")
    DUMFRIES_GALLOWAY = "dumfries_galloway", _("Dumfries and Galloway")
    FIFE = "fife", _("Fife")
    FORTH_VALLEY = "forth_valley", _("Forth Valley")
    GRAMPIAN = "grampian", _("Grampian")
    GREATER_GLASGOW_CLYDE = "greater_glasgow_clyde", _("Greater Glasgow and Clyde")
    HIGHLAND = "highland", _("Highland")
    LANARKSHIRE = "lanarkshire", _("Lanarkshire")
    LOTHIAN = "lothian", _("Lothian")
    ORKNEY = "orkney", _("Orkney")
    SHETLAND = "shetland", _("Shetland")
    TAYSIDE = "tayside", _("Tayside")
    WESTERN_ISLES = "western_isles", _("Western Isles")
    NATIONAL = "national", _("National")


class Visibility(models.TextChoices):
    """Who may see a member's profile."""

    NETWORK = "network", _("Everyone in the network")
    PROGRAMME = "programme", _("People in my programme")
    NOBODY = "nobody", _("Nobody")


class DigestFrequency(models.TextChoices):
    NEVER = "never", _("Never")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    LINK_WORKERS = "link_workers", _("Link workers")
    MANAGERS = "managers", _("Managers and programme leads")
    PRACTICES = "practices", _("GP practices")
    PARTNERS = "partners", _("Community partners")


class PackSection(models.TextChoices):
    """The sections of the national support pack for community link working."""

    NONE = "", _("Not part of the support pack")
    RECRUITMENT = "recruitment", _("Recruitment and selection")
    INDUCTION = "induction", _("Induction and training")
    DATA_SHARING = "data_sharing", _("Data sharing agreements")
    PRACTICE_AGREEMENTS = "practice_agreements", _("Practice agreements")
    PROMOTION = "promotion", _("Promotional materials")
    EVALUATION = "evaluation", _("Monitoring and evaluation framework")
