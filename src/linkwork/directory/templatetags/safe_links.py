"""`{{ value|web_link }}`: an address to put in href only when it is http or https."""

from __future__ import annotations

from django import template

from linkwork.directory.hsds.interpret import is_web_address

register = template.Library()


@register.filter
def web_link(value: object) -> str:
    """The address when it is an http(s) URL, else "" (never a javascript: or data: link)."""
    text = str(value or "").strip()
    return text if is_web_address(text) else ""
