"""Personal-data classification of the directory models (core/classification.py). Services
and organisations are public data; named contacts, the staff who edit and review, and what
members of the public write (problem reports, which may describe their own health) are not."""

from linkwork.core.classification import classify, levels

HSDS = "id extra position"

classify(
    "directory",
    {
        "contact": levels(
            personal="name title email",
            not_personal=f"{HSDS} organization service service_at_location location department",
        ),
        "phone": levels(
            personal="contact",
            not_personal=(
                f"{HSDS} location service organization service_at_location number extension "
                "type description"
            ),
        ),
        "contenttranslation": levels(
            not_personal="id service organization language name description updated_at"
        ),
        "language": levels(not_personal=f"{HSDS} service location phone name code note"),
        "schedule": levels(
            not_personal=(
                f"{HSDS} service location service_at_location valid_from valid_to dtstart "
                "timezone until count wkst freq interval byday byweekno bymonthday byyearday "
                "description opens_at closes_at schedule_link attending_type notes"
            )
        ),
        "organizationclaim": levels(
            personal="requested_by note reason decided_by decided_at created_at",
            not_personal="id organization account status",
        ),
        "changerequest": levels(
            personal="submitted_by submitted_at reason decided_by decided_at",
            not_personal="id object_type object_id organization proposed original status",
        ),
        "changerecord": levels(
            personal="actor actor_name note at",
            not_personal="id object_type object_id kind changes change_request",
        ),
        "problemreport": levels(
            special="message",
            personal="resolved_by resolved_at created_at",
            not_personal="id service organization what status",
        ),
        "duplicateflag": levels(
            personal="decided_by",
            not_personal="id service other score reasons status created_at",
        ),
        "sharedlist": levels(
            personal="service_ids",  # what one person chose to keep: may hint at their needs
            not_personal="id token created_at expires_at",
        ),
        "location": levels(
            not_personal=(
                f"{HSDS} location_type url organization name alternate_name description "
                "transportation latitude longitude external_identifier external_identifier_type"
            )
        ),
        "serviceatlocation": levels(
            not_personal=f"{HSDS} service location description last_modified"
        ),
        "address": levels(
            not_personal=(
                f"{HSDS} location attention address_1 address_2 city region state_province "
                "postal_code country address_type"
            )
        ),
        "accessibility": levels(not_personal=f"{HSDS} location description details url code"),
        "organization": levels(
            personal="last_reviewed_by",
            not_personal=(
                f"{HSDS} name alternate_name description email website tax_status tax_id "
                "year_incorporated legal_status logo uri parent_organization owner "
                "last_reviewed_at created_at last_modified"
            ),
        ),
        "organizationidentifier": levels(
            not_personal=f"{HSDS} organization identifier_scheme identifier_type identifier"
        ),
        "program": levels(not_personal=f"{HSDS} organization name alternate_name description"),
        "funding": levels(not_personal=f"{HSDS} organization service source"),
        "service": levels(
            personal="assurer_email last_reviewed_by",
            not_personal=(
                f"{HSDS} organization program name alternate_name summary description url "
                "email status interpretation_services application_process fees_description "
                "wait_time fees accreditations eligibility_description minimum_age maximum_age "
                "assured_date licenses alert access delivery_in_person delivery_phone "
                "delivery_online delivery_home_visit is_free owner latitude longitude postcode "
                "last_reviewed_at created_at last_modified"
            ),
        ),
        "servicearea": levels(
            not_personal=f"{HSDS} service name description extent extent_type uri gss_code kind"
        ),
        "costoption": levels(
            not_personal=(
                f"{HSDS} service valid_from valid_to option currency amount amount_description"
            )
        ),
        "requireddocument": levels(not_personal=f"{HSDS} service document uri"),
        "taxonomy": levels(not_personal=f"{HSDS} name description uri version is_default"),
        "taxonomyterm": levels(
            not_personal=(
                f"{HSDS} taxonomy_ref code name description parent taxonomy language term_uri "
                "synonyms maps_to"
            )
        ),
        "attribute": levels(
            not_personal=f"{HSDS} link_id taxonomy_term link_type link_entity value"
        ),
        "metadata": levels(
            personal="updated_by",
            not_personal=(
                f"{HSDS} resource_id resource_type last_action_date last_action_type field_name "
                "previous_value replacement_value"
            ),
        ),
    },
)
