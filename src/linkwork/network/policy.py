"""Who may do what in network: declared in the core policy (linkwork.core.policy)."""

from __future__ import annotations
