"""The multilevel model is fitted once per distinct data (the cache key is the data itself)."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from linkwork.insight import effects
from linkwork.insight import statistics as st
from tests.insight.test_statistics import simulate


@pytest.fixture(autouse=True)
def empty_cache(db: None) -> None:
    caches["shared"].clear()


def test_same_data_is_fitted_once_and_changed_data_again(monkeypatch: pytest.MonkeyPatch) -> None:
    fits: list[int] = []
    real = st.fit_outcome_model

    def counting(frame):  # type: ignore[no-untyped-def]
        fits.append(len(frame))
        return real(frame)

    monkeypatch.setattr(st, "fit_outcome_model", counting)
    frame = simulate(n=60, practices=4)
    first = effects.cached_model(frame)
    again = effects.cached_model(frame.sample(frac=1, random_state=3))  # same rows, new order
    assert len(fits) == 1 and again == first
    changed = frame.copy()
    changed.loc[changed.index[0], "followup"] = (changed["followup"].iloc[0] or 0) + 1
    effects.cached_model(changed)
    assert len(fits) == 2
