"""Who may do what in governance: declared in the core policy (linkwork.core.policy)."""

from __future__ import annotations
