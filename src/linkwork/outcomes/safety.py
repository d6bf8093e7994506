"""What to do when a questionnaire answer suggests risk (PHQ-9 item 9 above 0).

A deployment puts its own local safety procedure in the setting `LINKWORK_SAFETY_PROCEDURE`
(plain text); until it does, staff see the default below, which follows NHS Scotland routes.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _


def staff_safety_procedure() -> str:
    local = getattr(settings, "LINKWORK_SAFETY_PROCEDURE", "")
    if local:
        return str(local)
    return _(
        "Speak with the person today about how they are feeling and whether they are safe. "
        "If there is immediate danger, call 999. Otherwise contact their GP practice the same "
        "day, or NHS 24 on 111 when the practice is closed. Tell your supervisor, and record "
        "what you did and who you told on the safeguarding concern in their record."
    )


def self_completion_support() -> str:
    return _(
        "Thank you for telling us. Your link worker will be in touch soon. If you feel you "
        "might act on thoughts of harming yourself, or you are in danger now, call 999. You can "
        "talk to someone at any time: NHS 24 on 111, Samaritans on 116 123 (free, day or "
        "night), or Breathing Space on 0800 83 85 87."
    )
