"""Which templates are public, and the messages they ask to be translated.

Messages are collected from the compiled templates themselves (Django's own `{% translate %}`
and `{% blocktranslate %}` nodes, following `{% extends %}` and `{% include %}`), so the list
cannot drift from what the pages render. Messages that views and forms pass to these templates
(labels, errors) are covered by the rendered-page test, which compares against English.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.template import Template, engines
from django.template.base import Node
from django.template.loader_tags import ExtendsNode, IncludeNode
from django.templatetags.i18n import BlockTranslateNode, TranslateNode

# Every template a member of the public (not signed in) can be shown.
PUBLIC_TEMPLATES = [
    "base.html",
    "403.html",
    "404.html",
    "500.html",
    "registration/login.html",
    "registration/locked_out.html",
    "registration/logged_out.html",
    "registration/password_reset_form.html",
    "registration/password_reset_done.html",
    "registration/password_reset_confirm.html",
    "registration/password_reset_complete.html",
    "registration/two_factor_link_invalid.html",
    "core/home.html",
    "core/about_data.html",
    "core/rate_limited.html",
    "directory/search.html",
    "directory/service.html",
    "directory/organisation.html",
    "directory/my_list.html",
    "directory/my_list_print.html",
    "directory/my_list_expired.html",
    "directory/my_list_shared_done.html",
    "directory/report_problem.html",
    "directory/widget.html",
    "directory/widget_builder.html",
    "casework/form_page.html",
    "casework/self_referral_easy_read.html",
    "casework/message.html",
    "engagement/respond.html",
    "engagement/respond_easy_read.html",
    "engagement/thanks.html",
    "engagement/saved.html",
    "engagement/slow_down.html",
    "engagement/resume_unusable.html",
    "engagement/closed.html",
    "engagement/story_list.html",
    "engagement/story_detail.html",
    "engagement/story_share.html",
    "engagement/story_shared.html",
]


def _template(name: str) -> Template:
    return engines["django"].engine.get_template(name)  # type: ignore[attr-defined,no-any-return]


def _nodes(template: Template, seen: set[str]) -> Iterator[Node]:
    if template.origin.name in seen:
        return
    seen.add(template.origin.name)
    for node in template.nodelist.get_nodes_by_type(Node):
        yield node
        if isinstance(node, ExtendsNode):
            parent = node.parent_name.resolve({})
            if isinstance(parent, str):
                yield from _nodes(_template(parent), seen)
        if isinstance(node, IncludeNode):
            name = node.template.var
            if isinstance(name, str):
                yield from _nodes(_template(name), seen)


def messages_in(template_name: str) -> set[tuple[str | None, str]]:
    """(context, msgid) for every constant message the template and its parts translate."""
    found: set[tuple[str | None, str]] = set()
    for node in _nodes(_template(template_name), set()):
        if isinstance(node, TranslateNode):
            literal = node.filter_expression.var
            msgid = getattr(literal, "literal", None)
            if isinstance(msgid, str) and msgid.strip():
                found.add((node.message_context and node.message_context.resolve({}), msgid))
        elif isinstance(node, BlockTranslateNode):
            singular, _vars = node.render_token_list(node.singular)
            context = node.message_context.resolve({}) if node.message_context else None
            if node.plural:
                plural, _vars = node.render_token_list(node.plural)
                found.add((context, f"{singular}\x00{plural}"))
            else:
                found.add((context, singular))
    return found


def public_messages() -> set[tuple[str | None, str]]:
    found: set[tuple[str | None, str]] = set()
    for name in PUBLIC_TEMPLATES:
        found |= messages_in(name)
    return found
