"""Every write to casework data: plain functions with keyword-only arguments, one transaction
each, writing the audit entry in the same transaction. Import them from here."""

from linkwork.casework.services.safeguarding import (
    close_concern,
    raise_concern,
    raise_risk_flag,
)

__all__ = ["close_concern", "raise_concern", "raise_risk_flag"]
