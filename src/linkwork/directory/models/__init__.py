"""The directory's data: HSDS 3.0 objects plus Linkwork's editorial records.

Names and meanings follow Open Referral HSDS 3.0 so that import and export are lossless;
every HSDS record keeps properties we do not model in `extra`.
"""

from linkwork.directory.models.base import HsdsModel
from linkwork.directory.models.contact import Contact, Language, Phone, Schedule
from linkwork.directory.models.editorial import (
    ChangeRecord,
    ChangeRequest,
    DuplicateFlag,
    OrganizationClaim,
    ProblemReport,
    SharedList,
)
from linkwork.directory.models.location import Accessibility, Address, Location, ServiceAtLocation
from linkwork.directory.models.organization import (
    Funding,
    Organization,
    OrganizationIdentifier,
    Program,
)
from linkwork.directory.models.service import (
    CostOption,
    RequiredDocument,
    Service,
    ServiceArea,
)
from linkwork.directory.models.taxonomy import Attribute, Metadata, Taxonomy, TaxonomyTerm
from linkwork.directory.models.translation import ContentTranslation

__all__ = [
    "Accessibility",
    "Address",
    "Attribute",
    "ChangeRecord",
    "ChangeRequest",
    "Contact",
    "ContentTranslation",
    "CostOption",
    "DuplicateFlag",
    "Funding",
    "HsdsModel",
    "Language",
    "Location",
    "Metadata",
    "Organization",
    "OrganizationClaim",
    "OrganizationIdentifier",
    "Phone",
    "ProblemReport",
    "Program",
    "RequiredDocument",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "SharedList",
    "Taxonomy",
    "TaxonomyTerm",
]
