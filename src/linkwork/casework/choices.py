"""Coded answers used by the casework models. "Prefer not to say" is offered everywhere an
equality question is asked, and is different from "not asked" (an empty value)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFER_NOT_TO_SAY = "prefer_not_to_say"


class YesNoPrefer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _("Prefer not to say")


class YesNoUnknown(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Not known")


class Sex(models.TextChoices):
    """Sex as recorded (separate from gender; both optional)."""

    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    INTERSEX = "intersex", _("Intersex / variation in sex characteristics")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _("Prefer not to say")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    OTHER = "other", _("In another way")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _("Prefer not to say")


class Ethnicity(models.TextChoices):
    """Scotland's Census 2022 ethnic group question (sections A-F)."""

    WHITE_SCOTTISH = "a_scottish", _("White: Scottish")
    WHITE_OTHER_BRITISH = "a_other_british", _("White: Other British")
    WHITE_IRISH = "a_irish", _("White: Irish")
    WHITE_POLISH = "a_polish", _("White: Polish")
    WHITE_GYPSY_TRAVELLER = "a_gypsy_traveller", _("White: Gypsy/Traveller")
    WHITE_ROMA = "a_roma", _("White: Roma")
    WHITE_SHOWPERSON = "a_showperson", _("White: Showman/Showwoman")
    WHITE_OTHER = "a_other", _("White: Other white ethnic group")
    MIXED = "b_mixed", _("Mixed or multiple ethnic groups")
    ASIAN_PAKISTANI = "c_pakistani", _("Pakistani, Scottish Pakistani or British Pakistani")
    ASIAN_INDIAN = "c_indian", _("Indian, Scottish Indian or British Indian")
    ASIAN_BANGLADESHI = (
        "c_bangladeshi",
        _("Bangladeshi, Scottish Bangladeshi or British Bangladeshi"),
    )
    ASIAN_CHINESE = "c_chinese", _("Chinese, Scottish Chinese or British Chinese")
    ASIAN_OTHER = "c_other", _("Other Asian, Scottish Asian or British Asian")
    AFRICAN = "d_african", _("African, Scottish African or British African")
    AFRICAN_OTHER = "d_other", _("Other African")
    CARIBBEAN = "e_caribbean", _("Caribbean, Caribbean Scottish or Caribbean British")
    BLACK = "e_black", _("Black, Black Scottish or Black British")
    CARIBBEAN_OR_BLACK_OTHER = "e_other", _("Other Caribbean or Black")
    ARAB = "f_arab", _("Arab, Scottish Arab or British Arab")
    OTHER = "f_other", _("Other ethnic group")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _("Prefer not to say")


class ArmedForces(models.TextChoices):
    SERVING = "serving", _("Currently serving (regular or reserve)")
    VETERAN = "veteran", _("Served in the past (veteran)")
    FAMILY = "family", _("Family member of someone who serves or served")
    NO = "no", _("No")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _("Prefer not to say")


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("Phone call")
    SMS = "sms", _("Text message (SMS)")
    EMAIL = "email", _("Email")
    LETTER = "letter", _("Letter")


class Relationship(models.TextChoices):
    PARTNER = "partner", _("Partner or spouse")
    PARENT = "parent", _("Parent of")
    CHILD = "child", _("Child of")
    SIBLING = "sibling", _("Brother or sister")
    CARER = "carer", _("Carer of")
    CARED_FOR = "cared_for", _("Cared for by")
    OTHER = "other", _("Other family or household member")


class LifeDomain(models.TextChoices):
    """Life domains a what-matters conversation may touch (structured alongside free text)."""

    SOCIAL_CONNECTION = "social_connection", _("Friends, company and feeling connected")
    MENTAL_WELLBEING = "mental_wellbeing", _("Mood and mental wellbeing")
    PHYSICAL_HEALTH = "physical_health", _("Physical health and activity")
    MONEY = "money", _("Money, benefits and debt")
    HOUSING = "housing", _("Home and housing")
    WORK_LEARNING = "work_learning", _("Work, volunteering and learning")
    FAMILY = "family", _("Family and caring")
    INTERESTS = "interests", _("Hobbies, interests and creativity")
    PRACTICAL = "practical", _("Getting about and practical help")
    SAFETY = "safety", _("Feeling safe")
    FOOD = "food", _("Food")
    SUBSTANCES = "substances", _("Alcohol, drugs and gambling")
