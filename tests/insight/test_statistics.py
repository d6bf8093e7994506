"""The statistics core against hand-computed values and simulated data with known effects."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from linkwork.insight import statistics as st


def test_paired_change_matches_hand_computation() -> None:
    # differences 2, 3, 0, 3, 2: mean 2, SD sqrt(6/4), t(4, .975) = 2.776445
    result = st.paired_change([10, 12, 9, 11, 8], [12, 15, 9, 14, 10], min_n=2)
    sd = math.sqrt(6 / 4)
    half = 2.7764451052 * sd / math.sqrt(5)
    assert result.estimable
    assert result.n == 5
    assert result.mean == pytest.approx(2.0)
    assert result.ci_low == pytest.approx(2 - half)
    assert result.ci_high == pytest.approx(2 + half)
    assert result.cohens_d == pytest.approx(2 / sd)
    assert result.mean_baseline == pytest.approx(10.0)


def test_paired_change_drops_incomplete_pairs() -> None:
    result = st.paired_change([1, 2, None, 4], [2, float("nan"), 5, 6], min_n=2)  # type: ignore[list-item]
    assert result.n == 2
    assert result.mean == pytest.approx(1.5)


def test_paired_change_says_cannot_estimate_for_a_small_group() -> None:
    result = st.paired_change([1, 2, 3], [2, 3, 4])
    assert not result.estimable
    assert result.mean is None and result.ci_low is None
    assert "Cannot estimate" in result.reason and "3 people" in result.reason


def test_paired_change_ci_covers_true_change_in_simulation() -> None:
    rng = np.random.default_rng(1)
    covered = 0
    for _ in range(200):
        base = rng.normal(40, 8, 60)
        follow = base + 3 + rng.normal(0, 5, 60)
        r = st.paired_change(base, follow)
        covered += r.ci_low <= 3 <= r.ci_high  # type: ignore[operator]
    assert 180 <= covered <= 198  # about 95% of 200


def test_share_reaching_mid_uses_the_better_direction() -> None:
    up = st.share_reaching_mid([3, 4, 1, 0, 5, 3, 2, 6, 3, 3], mid=3, higher_is_better=True)
    assert up.count == 7 and up.share == pytest.approx(0.7)
    down = st.share_reaching_mid(
        [-5, -6, -1, 0, 2, -5, -4, -5, -5, -1], mid=5, higher_is_better=False
    )
    assert down.count == 5


def test_wilson_interval_matches_published_value() -> None:
    # 6 of 10: Wilson 95% interval 0.3127 to 0.8318 (Newcombe 1998, table I method 3)
    low, high = st.wilson_interval(6, 10)
    assert low == pytest.approx(0.3127, abs=1e-4)
    assert high == pytest.approx(0.8318, abs=1e-4)


def test_rate_per_1000_has_exact_poisson_interval() -> None:
    # 20 events: exact 95% limits 12.217 and 30.889 (Garwood)
    rate = st.rate_per_1000(20, 4000)
    assert rate.per_1000 == pytest.approx(5.0)
    assert rate.ci_low == pytest.approx(12.217 / 4, abs=1e-3)
    assert rate.ci_high == pytest.approx(30.889 / 4, abs=1e-3)
    zero = st.rate_per_1000(0, 1000)
    assert zero.ci_low == 0.0 and zero.ci_high == pytest.approx(3.689, abs=1e-3)


def test_rate_ratio_matches_hand_computation() -> None:
    rr = st.rate_ratio(30, 1000, 10, 1000)
    se = math.sqrt(1 / 30 + 1 / 10)
    assert rr.ratio == pytest.approx(3.0)
    assert rr.ci_low == pytest.approx(3 * math.exp(-1.959964 * se))
    assert rr.ci_high == pytest.approx(3 * math.exp(1.959964 * se))
    assert not st.rate_ratio(0, 1000, 10, 1000).estimable


@pytest.mark.parametrize(
    ("contacts", "group"), [(0, "1"), (1, "1"), (2, "2"), (3, "3+"), (9, "3+")]
)
def test_dose_groups(contacts: int, group: str) -> None:
    assert st.dose_group(contacts) == group


TRUE = {
    "baseline": 0.6,
    "dose_2": 1.5,
    "dose_3plus": 3.0,
    "engaged": 2.0,
    "age": -0.05,
    "sex_male": -1.0,
    "simd_quintile": 0.8,
}


def simulate(n: int = 1500, practices: int = 30, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    practice = rng.integers(0, practices, n)
    practice_effect = rng.normal(0, 1.5, practices)[practice]
    age = rng.integers(18, 90, n)
    male = rng.integers(0, 2, n)
    simd = rng.integers(1, 6, n)
    contacts = rng.choice([1, 2, 3, 4, 5], n, p=[0.3, 0.25, 0.2, 0.15, 0.1])
    engaged = rng.integers(0, 2, n)
    baseline = rng.normal(40, 7, n)
    followup = (
        10
        + TRUE["baseline"] * baseline
        + TRUE["dose_2"] * (contacts == 2)
        + TRUE["dose_3plus"] * (contacts >= 3)
        + TRUE["engaged"] * engaged
        + TRUE["age"] * age
        + TRUE["sex_male"] * male
        + TRUE["simd_quintile"] * simd
        + practice_effect
        + rng.normal(0, 4, n)
    )
    frame = pd.DataFrame(
        {
            "person_id": np.arange(n),
            "practice_id": practice,
            "age": age,
            "sex": np.where(male == 1, "M", "F"),
            "simd_quintile": simd,
            "contacts": contacts,
            "engaged": engaged,
            "baseline": baseline,
            "followup": followup,
        }
    )
    return frame


def test_mixed_model_recovers_known_effects_inside_its_intervals() -> None:
    frame = simulate()
    frame.loc[:99, "followup"] = np.nan  # 100 lost to follow-up
    frame.loc[100:109, "age"] = np.nan  # 10 with a missing covariate
    result = st.fit_outcome_model(frame)
    assert result.estimable, result.reason
    assert result.n == 1390
    assert result.excluded == {"no follow-up": 100, "missing covariates": 10}
    assert result.practices == 30
    for term, truth in TRUE.items():
        c = result.coefficients[term]
        assert c.ci_low <= truth <= c.ci_high, (term, c)
        assert c.ci_low < c.estimate < c.ci_high
    assert result.coefficients["dose_3plus"].p < 0.001
    assert result.practice_variance is not None and result.practice_variance > 0


def test_mixed_model_agrees_with_statsmodels_directly() -> None:
    import statsmodels.formula.api as smf
    from statsmodels.regression.mixed_linear_model import MixedLMParams

    frame = simulate(n=400, practices=12, seed=3)
    result = st.fit_outcome_model(frame)
    prepared, _ = st.prepare(frame)
    model = smf.mixedlm(st.FORMULA, prepared, groups=prepared["practice_id"])
    direct = model.fit(reml=True, method="powell")
    # The same estimates to within Powell's own tolerance (ours starts at the REML optimum
    # found from the practices' sums, so it is the closer of the two to the optimum)...
    for term in st.MODEL_TERMS:
        assert result.coefficients[term].estimate == pytest.approx(direct.fe_params[term], rel=1e-5)
        assert result.coefficients[term].p == pytest.approx(direct.pvalues[term], rel=1e-4)
    # ...and statsmodels' own REML likelihood is at least as high at our estimate as at its
    assert result.practice_variance is not None and result.residual_variance is not None
    ours = MixedLMParams.from_components(
        cov_re=np.array([[result.practice_variance / result.residual_variance]]),
        vcomp=np.array([]),
    )
    assert (
        model.loglike(ours, profile_fe=True)
        >= model.loglike(direct.params_object, profile_fe=True) - 1e-9
    )


def test_the_variance_ratio_from_practice_sums_is_statsmodels_reml_optimum() -> None:
    """`reml_variance_ratio` maximises the same REML likelihood statsmodels does: nudging the
    ratio either way lowers statsmodels' own likelihood."""
    import statsmodels.formula.api as smf
    from statsmodels.regression.mixed_linear_model import MixedLMParams

    prepared, _ = st.prepare(simulate(n=400, practices=12, seed=3))
    model = smf.mixedlm(st.FORMULA, prepared, groups=prepared["practice_id"])
    model.fit(reml=True, method="powell")  # (sets up what statsmodels' loglike reads)
    ratio = st.reml_variance_ratio(prepared)
    assert ratio > 0

    def loglike(r: float) -> float:
        params = MixedLMParams.from_components(cov_re=np.array([[r]]), vcomp=np.array([]))
        return float(model.loglike(params, profile_fe=True))

    assert loglike(ratio) >= loglike(ratio * 1.01)
    assert loglike(ratio) >= loglike(ratio * 0.99)


def test_mixed_model_says_cannot_estimate_with_few_people() -> None:
    result = st.fit_outcome_model(simulate(n=20, practices=5))
    assert not result.estimable
    assert result.coefficients == {}
    assert "at least 30" in result.reason


def test_mixed_model_says_cannot_estimate_with_one_practice() -> None:
    frame = simulate(n=200)
    frame["practice_id"] = 1
    result = st.fit_outcome_model(frame)
    assert not result.estimable and "practice" in result.reason


def test_mixed_model_says_cannot_estimate_when_a_dose_group_is_empty() -> None:
    frame = simulate(n=200)
    frame["contacts"] = 1
    result = st.fit_outcome_model(frame)
    assert not result.estimable and "dose_2" in result.reason
