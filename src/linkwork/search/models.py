"""What the search app stores: one search document per directory service, and its words."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """The text and meaning of one service, as the search index sees it.

    The four text fields hold stemmed words (see `search.query.index_text`) in order of
    weight: name > categories (names and synonyms) > summary > description. On SQLite an FTS5
    table follows this table through triggers (with `place_keys` as a fifth column of weight
    0); on PostgreSQL a generated, weighted tsvector column does (and a second one of the
    place keys). `embedding` holds the service's sentence embedding (float16 bytes).
    Public data only (services are public records).
    """

    service = models.OneToOneField(
        "directory.Service", on_delete=models.CASCADE, related_name="search_document"
    )
    name_text = models.TextField(blank=True)
    taxonomy_text = models.TextField(blank=True)
    summary_text = models.TextField(blank=True)
    description_text = models.TextField(blank=True)
    category_codes = models.CharField(max_length=500, blank=True)  # space-separated, ours
    # Where the service is and whom it serves, as index words (see search.place_keys).
    # Nullable so that adding it is a plain ALTER TABLE on SQLite.
    place_keys = models.TextField(null=True, blank=True)
    source_modified = models.DateTimeField(null=True, blank=True)
    embedding = models.BinaryField(null=True, blank=True)
    embedding_model = models.CharField(max_length=100, blank=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("search document")
        # Add indexes, never alter fields: on SQLite an altered field rebuilds the table and
        # drops the FTS triggers of migration 0002.
        indexes = [models.Index(fields=["source_modified"], name="search_doc_source_modified")]

    def __str__(self) -> str:
        return f"search document {self.service_id}"


class SearchTerm(models.Model):
    """A stemmed word of the index. Unused since 0003: the vocabulary now comes from FTS5's
    vocabulary table or ts_stat, which also count documents (kept so migrations stay)."""

    term = models.CharField(max_length=100, primary_key=True)

    def __str__(self) -> str:
        return self.term
