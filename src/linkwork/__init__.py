"""Linkwork: the open platform for community link working (social prescribing)."""

__version__ = "0.1.0"
