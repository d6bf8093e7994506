"""The in-memory index (vectors, facets) and place keys follow the directory's changes, in
this process and in others (which only see the database)."""

from __future__ import annotations

import pytest

from linkwork.directory.hsds.derive import refresh_points
from linkwork.directory.models import Location, Service, ServiceArea, ServiceAtLocation
from linkwork.directory.search_backend import SearchParams, search
from linkwork.search import vectors
from linkwork.search.indexing import changed_service_ids, index_services
from linkwork.search.models import SearchDocument
from tests.directory.factories import ServiceFactory, place_service, postcode

pytestmark = pytest.mark.django_db(transaction=True)


def ids(page) -> set:  # type: ignore[no-untyped-def]
    return {h.service_id for h in page.hits}


def as_another_process_would() -> None:
    """Forget this process's own 'changed' flag and let the periodic check run."""
    vectors._force_check = False
    if vectors._state is not None:
        vectors._state.checked_at -= vectors.CHECK_SECONDS + 1


def test_re_indexing_stamps_the_document_so_other_processes_see_it() -> None:
    service = ServiceFactory(name="Knitting circle")
    before = SearchDocument.objects.get(service=service).updated_at
    index_services([service.id])
    assert SearchDocument.objects.get(service=service).updated_at > before


def test_a_service_made_inactive_leaves_results_everywhere() -> None:
    service = ServiceFactory(name="Knitting circle")
    place_service(service, "PH1 5PH")
    near = SearchParams(q="knitting", postcode="PH1 5PH", distance_km=5)
    assert ids(search(near)) == {service.id}
    service.status = Service.Status.INACTIVE
    service.save()
    as_another_process_would()
    assert ids(search(near)) == set()
    assert ids(search(SearchParams(q="knitting", mode="lexical"))) == set()
    assert ids(search(SearchParams(q="knitting", mode="semantic"))) == set()


def test_text_search_without_place_or_filters_leaves_out_inactive_services() -> None:
    ServiceFactory(name="Chess club", status=Service.Status.INACTIVE)
    active = ServiceFactory(name="Chess club")
    assert ids(search(SearchParams(q="chess", mode="lexical"))) == {active.id}
    assert ids(search(SearchParams(q="chess", mode="lexical", include_inactive=True))) == {
        active.id,
        *Service.objects.filter(status=Service.Status.INACTIVE).values_list("id", flat=True),
    }


def test_a_new_service_area_makes_the_service_serve_that_place() -> None:
    far = ServiceFactory(name="Welfare rights")
    place_service(far, "DG1 2BD")  # Dumfries, far from Perth
    postcode("PH1 5PH")
    near = SearchParams(q="welfare rights", postcode="PH1 5PH", distance_km=5)
    assert ids(search(near)) == set()
    ServiceArea.objects.create(service=far, gss_code="S12000048", kind="council_area")
    as_another_process_would()
    page = search(near)
    assert ids(page) == {far.id}
    assert page.hits[0].distance_m is None  # serves the area: no distance


def test_a_moved_location_is_a_change_the_index_picks_up() -> None:
    service = ServiceFactory(name="Lunch club")
    pc = postcode("PH1 5PH")
    loc = Location.objects.create(
        location_type="physical", latitude=pc.latitude, longitude=pc.longitude
    )
    ServiceAtLocation.objects.create(service=service, location=loc)
    index_services([service.id])
    assert service.id not in changed_service_ids()
    refresh_points([service.id])  # copies the location's point (no save, no signal)
    assert service.id in changed_service_ids()


def test_an_empty_directory_answers_every_kind_of_search() -> None:
    for params in (
        SearchParams(q="lunch", free_only=True),
        SearchParams(q="lunch", latitude=56.4, longitude=-3.4, distance_km=5),
        SearchParams(free_only=True),
        SearchParams(q="lunch", mode="semantic", age=30),
    ):
        page = search(params)
        assert page.total == 0 and page.hits == []


def test_documents_deleted_elsewhere_leave_the_index_within_a_minute() -> None:
    gone, kept = ServiceFactory(name="Chess club"), ServiceFactory(name="Chess club")
    assert len(vectors.index().ids) == 2
    # Not the newest document (that would change the newest change): as another process
    # would, without this process's signal.
    SearchDocument.objects.filter(service=gone).delete()
    as_another_process_would()
    assert len(vectors.index().ids) == 2  # counting is a table scan: not on every check
    vectors._state.checked_at -= vectors.CHECK_SECONDS + 1  # type: ignore[union-attr]
    vectors._state.counted_at -= vectors.COUNT_SECONDS + 1  # type: ignore[union-attr]
    assert vectors.index().ids == [vectors.uuid_key(kept.id)]


def test_documents_embedded_by_another_model_are_re_embedded_on_the_next_search() -> None:
    from linkwork.search import signals
    from linkwork.search.embedding import get_embedder

    service = ServiceFactory(name="Grief cafe", description="Talk about losing someone.")
    SearchDocument.objects.filter(service=service).update(embedding_model="an older model")
    signals.reset_sync_clock()
    vectors.reset()
    search(SearchParams(q="bereavement", mode="semantic"))
    doc = SearchDocument.objects.get(service=service)
    assert doc.embedding_model == get_embedder().name
