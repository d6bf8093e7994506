"""Personal-data classification of the places models (core/classification.py): public
geography, nothing personal."""

from linkwork.core.classification import classify, levels

_AREA = levels(not_personal="code name boundary")

classify(
    "places",
    {
        "healthboard": _AREA,
        "councilarea": _AREA,
        "hscp": _AREA,
        "intermediatezone": _AREA,
        "datazone": levels(
            not_personal=(
                "code name intermediate_zone council_area health_board hscp population "
                "working_age_population simd_version simd_rank simd_decile simd_quintile "
                "income_rank employment_rank health_rank education_rank access_rank crime_rank "
                "housing_rank"
            )
        ),
        "postcode": levels(
            not_personal=(
                "postcode latitude longitude data_zone council_area health_board hscp terminated"
            )
        ),
    },
)
