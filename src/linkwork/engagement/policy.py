"""Who may do what in engagement: declared in the core policy (linkwork.core.policy)."""

from __future__ import annotations
