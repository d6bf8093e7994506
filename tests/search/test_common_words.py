"""Words so common they cost more than they rank are left out of full-text queries, by a
share the deployment can set (SEARCH_COMMON_WORD_SHARE)."""

from __future__ import annotations

import pytest

from linkwork.directory.search_backend import SearchParams
from linkwork.search import engine, query
from linkwork.search.query import ParsedQuery, Term

DF = {"walk": 30_000, "group": 60_000, "knit": 900, "gentl": 2_000, "exercis": 9_000}


def words(*stems: str) -> ParsedQuery:
    return ParsedQuery(text=" ".join(stems), terms=[Term(stem=s, word=s) for s in stems])


def stems(parsed: query.ParsedQuery) -> list[str]:
    return [t.stem for t in parsed.terms] + [" ".join(p) for p in parsed.expansions]


def test_words_held_by_more_than_the_share_are_left_out() -> None:
    parsed = words("knit", "walk", "group")
    assert stems(parsed.pruned(DF, 100_000, max_share=0.2, keep_rarest=1)) == ["knit"]
    assert set(stems(parsed.pruned(DF, 100_000, max_share=0.4, keep_rarest=1))) == {
        "knit",
        "walk",
    }
    parsed = ParsedQuery(text="", terms=parsed.terms, expansions=[("gentl", "exercis")])
    assert stems(parsed.pruned(DF, 100_000, max_share=0.01, min_documents=1000, keep_rarest=1)) == [
        "knit"
    ]
    assert stems(parsed.pruned(DF, 100_000, max_share=0.01, min_documents=1000, keep_rarest=2)) == [
        "knit",
        "gentl exercis",
    ]
    every = {"knit", "walk", "group", "gentl exercis"}
    assert set(stems(parsed.pruned(DF, 100_000, max_share=1.0))) == every


def test_small_directories_keep_every_word() -> None:
    parsed = words("knit", "walk", "group")
    small = {k: v // 100 for k, v in DF.items()}  # 1,000 services: under min_documents
    assert set(stems(parsed.pruned(small, 1_000, max_share=0.01))) == {"knit", "walk", "group"}


def test_the_rarest_words_stay_so_a_query_never_empties() -> None:
    parsed = words("walk", "group")
    assert stems(parsed.pruned(DF, 100_000, max_share=0.01, keep_rarest=1)) == ["walk"]


@pytest.mark.django_db
@pytest.mark.parametrize("share", [0.04, 0.5, 1.0])
def test_the_engine_prunes_by_the_configured_share(
    share: float, settings: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.SEARCH_COMMON_WORD_SHARE = share  # type: ignore[attr-defined]
    seen: list[float] = []
    original = query.ParsedQuery.pruned

    def spy(self, df, documents, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(kwargs.get("max_share", 0.04))
        return original(self, df, documents, **kwargs)

    monkeypatch.setattr(query.ParsedQuery, "pruned", spy)
    engine.search(SearchParams(q="walking group", mode="lexical"))
    assert seen and seen[0] == share
