"""Personal-data classification of the search models (core/classification.py): an index of
public directory data, nothing personal."""

from linkwork.core.classification import classify, levels

classify(
    "search",
    {
        "searchdocument": levels(
            not_personal=(
                "id service name_text taxonomy_text summary_text description_text "
                "category_codes place_keys source_modified embedding embedding_model updated_at"
            )
        ),
        "searchterm": levels(not_personal="term"),
    },
)
