"""Evaluation statistics as pure functions: no database, no Django, so the app, the
`linkwork evaluate` command and the tests all run exactly the same code.

Methods (cited in docs/methods/insight.md and in every report's methods section):

- paired change: mean of (follow-up - baseline) with a t-based 95% confidence interval;
- effect size: Cohen's d for paired data, d_z = mean difference / SD of differences
  (Cohen 1988; Lakens 2013);
- share reaching the minimal important difference, with a Wilson score interval (Wilson 1927);
- rates per 1,000 with exact Poisson (Garwood 1936) intervals; rate ratios with the usual
  log-scale interval, SE = sqrt(1/a + 1/b) (Rothman, Modern Epidemiology);
- a linear mixed model, follow-up ~ baseline + dose + engaged + age + sex + SIMD quintile with a
  random intercept for practice (statsmodels MixedLM, REML; Wald intervals).

Whenever a figure cannot be estimated honestly (too few people, a model that does not
converge), the result says so with a reason instead of carrying numbers.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

#: Fewer people than this in a group: say "cannot estimate" rather than print a mean and CI.
MIN_GROUP = 10
#: The model needs at least this many people, practices, and people in each level of a
#: binary term (dose group, engaged, sex).
MIN_MODEL_PEOPLE = 30
MIN_PRACTICES = 3
MIN_LEVEL = 5

MODEL_TERMS = ("baseline", "dose_2", "dose_3plus", "engaged", "age", "sex_male", "simd_quintile")
BINARY_TERMS = ("dose_2", "dose_3plus", "engaged", "sex_male")
FORMULA = "followup ~ " + " + ".join(MODEL_TERMS)


@dataclass(frozen=True)
class PairedChange:
    """Mean within-person change from baseline to follow-up."""

    n: int
    estimable: bool
    reason: str = ""
    mean: float | None = None
    sd: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    cohens_d: float | None = None
    mean_baseline: float | None = None
    mean_followup: float | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "estimable": self.estimable,
            "reason": self.reason,
            "mean": self.mean,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "cohens_d": self.cohens_d,
            "mean_baseline": self.mean_baseline,
            "mean_followup": self.mean_followup,
        }


def paired_change(
    baseline: Sequence[float], followup: Sequence[float], *, min_n: int = MIN_GROUP
) -> PairedChange:
    """Mean change (follow-up minus baseline) with a 95% t interval and paired Cohen's d_z.

    Pairs where either value is missing (None or NaN) are dropped before anything is computed.
    """
    if len(baseline) != len(followup):
        raise ValueError("baseline and followup must have the same length")
    b = np.asarray(baseline, dtype=float)
    f = np.asarray(followup, dtype=float)
    keep = ~(np.isnan(b) | np.isnan(f))
    b, f = b[keep], f[keep]
    n = int(b.size)
    if n < max(min_n, 2):
        return PairedChange(
            n=n,
            estimable=False,
            reason=f"Cannot estimate: {n} people with both a baseline and a follow-up "
            f"(at least {max(min_n, 2)} are needed).",
        )
    diff = f - b
    mean = float(diff.mean())
    sd = float(diff.std(ddof=1))
    half = float(stats.t.ppf(0.975, n - 1)) * sd / math.sqrt(n)
    d = mean / sd if sd > 0 else None
    return PairedChange(
        n=n,
        estimable=True,
        mean=mean,
        sd=sd,
        ci_low=mean - half,
        ci_high=mean + half,
        cohens_d=d,
        mean_baseline=float(b.mean()),
        mean_followup=float(f.mean()),
    )


@dataclass(frozen=True)
class Proportion:
    count: int
    n: int
    estimable: bool
    share: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    reason: str = ""


def wilson_interval(count: int, n: int) -> tuple[float, float]:
    """Wilson score 95% interval for a proportion."""
    if n <= 0:
        raise ValueError("n must be positive")
    z = float(stats.norm.ppf(0.975))
    p = count / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def share_reaching_mid(
    changes: Sequence[float], *, mid: float, higher_is_better: bool, min_n: int = MIN_GROUP
) -> Proportion:
    """Share of people whose change is an improvement of at least the minimal important
    difference (``mid``, in score points), in whichever direction is better."""
    arr = np.asarray(changes, dtype=float)
    arr = arr[~np.isnan(arr)]
    n = int(arr.size)
    if n < max(min_n, 1):
        return Proportion(
            count=0,
            n=n,
            estimable=False,
            reason=f"Cannot estimate: {n} people (at least {max(min_n, 1)} are needed).",
        )
    improved = arr >= mid if higher_is_better else arr <= -mid
    count = int(improved.sum())
    low, high = wilson_interval(count, n)
    return Proportion(count=count, n=n, estimable=True, share=count / n, ci_low=low, ci_high=high)


@dataclass(frozen=True)
class Rate:
    count: int
    population: int
    per_1000: float | None
    ci_low: float | None
    ci_high: float | None


def rate_per_1000(count: int, population: int) -> Rate:
    """Rate per 1,000 with an exact (Garwood) Poisson 95% interval."""
    if population <= 0:
        return Rate(count, population, None, None, None)
    low = 0.0 if count == 0 else float(stats.chi2.ppf(0.025, 2 * count)) / 2
    high = float(stats.chi2.ppf(0.975, 2 * count + 2)) / 2
    scale = 1000 / population
    return Rate(count, population, count * scale, low * scale, high * scale)


@dataclass(frozen=True)
class RateRatio:
    estimable: bool
    ratio: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    reason: str = ""


def rate_ratio(count_a: int, pop_a: int, count_b: int, pop_b: int) -> RateRatio:
    """Ratio of rate A to rate B with a 95% interval on the log scale."""
    if min(count_a, count_b) <= 0 or min(pop_a, pop_b) <= 0:
        return RateRatio(False, reason="Cannot estimate: a count or population is zero.")
    ratio = (count_a / pop_a) / (count_b / pop_b)
    se = math.sqrt(1 / count_a + 1 / count_b)
    z = float(stats.norm.ppf(0.975))
    return RateRatio(
        True, ratio, math.exp(math.log(ratio) - z * se), math.exp(math.log(ratio) + z * se)
    )


def dose_group(contacts: int) -> str:
    """The SLWP evaluation's dose groups: 1 contact, 2, 3 or more."""
    if contacts >= 3:
        return "3+"
    return "2" if contacts == 2 else "1"


# ---------------------------------------------------------------- multilevel model


@dataclass(frozen=True)
class Coefficient:
    estimate: float
    ci_low: float
    ci_high: float
    p: float

    def as_dict(self) -> dict[str, float]:
        return {
            "estimate": self.estimate,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "p": self.p,
        }


@dataclass(frozen=True)
class ModelResult:
    n: int
    estimable: bool
    reason: str = ""
    coefficients: dict[str, Coefficient] = field(default_factory=dict)
    practices: int = 0
    practice_variance: float | None = None
    residual_variance: float | None = None
    excluded: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "estimable": self.estimable,
            "reason": self.reason,
            "formula": FORMULA + " + (1 | practice)",
            "practices": self.practices,
            "practice_variance": self.practice_variance,
            "residual_variance": self.residual_variance,
            "coefficients": {k: c.as_dict() for k, c in self.coefficients.items()},
            "excluded": self.excluded,
            "notes": list(self.notes),
        }


#: Columns a person-level analysis frame must have (the `linkwork evaluate` CSV's columns).
FRAME_COLUMNS = (
    "person_id",
    "practice_id",
    "age",
    "sex",
    "simd_quintile",
    "contacts",
    "engaged",
    "baseline",
    "followup",
)


def prepare(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """People with a follow-up and complete covariates, with the model's columns added, and
    how many were excluded for each reason (each person counted under the first reason)."""
    excluded: dict[str, int] = {}
    df = frame.copy()
    has_followup = df["followup"].notna()
    excluded["no follow-up"] = int((~has_followup).sum())
    df = df[has_followup]
    if "baseline" in df:
        missing_baseline = df["baseline"].isna()
        excluded["no baseline"] = int(missing_baseline.sum())
        df = df[~missing_baseline]
    covariates = ["practice_id", "age", "sex", "simd_quintile", "contacts", "engaged"]
    missing_cov = df[covariates].isna().any(axis=1) | ~df["sex"].isin(["F", "M"])
    excluded["missing covariates"] = int(missing_cov.sum())
    df = df[~missing_cov].copy()
    contacts = df["contacts"].astype(int)
    df["dose_2"] = (contacts == 2).astype(int)
    df["dose_3plus"] = (contacts >= 3).astype(int)
    df["sex_male"] = (df["sex"] == "M").astype(int)
    df["engaged"] = df["engaged"].astype(int)
    for col in ("baseline", "followup", "age", "simd_quintile"):
        df[col] = df[col].astype(float)
    return df, {k: v for k, v in excluded.items() if v}


def reml_variance_ratio(df: pd.DataFrame) -> float:
    """The practice variance over the residual variance that maximises the model's REML
    likelihood: the random-intercept model's likelihood written with each practice's sums
    (V = I + ratio * J within a practice), so one evaluation costs a few small matrix products
    whatever the number of people. Used as the fit's starting point: statsmodels, started
    there, only confirms the optimum (its own loop over practices, once or twice) instead of
    searching for it (dozens of loops)."""
    from scipy.optimize import minimize_scalar

    x = np.column_stack([np.ones(len(df)), *(df[t].to_numpy(float) for t in MODEL_TERMS)])
    y = df["followup"].to_numpy(float)
    codes = np.unique(df["practice_id"].to_numpy(), return_inverse=True)[1]
    sizes = np.bincount(codes).astype(float)
    sums_x = np.zeros((len(sizes), x.shape[1]))
    np.add.at(sums_x, codes, x)
    sums_y = np.bincount(codes, weights=y)
    xtx, xty, yty = x.T @ x, x.T @ y, float(y @ y)
    n, p = x.shape

    def negative_log_likelihood(ratio: float) -> float:
        w = ratio / (1 + sizes * ratio)
        xvx = xtx - (sums_x * w[:, None]).T @ sums_x
        xvy = xty - sums_x.T @ (w * sums_y)
        yvy = yty - float(w @ sums_y**2)
        sign, logdet_xvx = np.linalg.slogdet(xvx)
        if sign <= 0:
            return np.inf
        beta = np.linalg.solve(xvx, xvy)
        rvr = yvy - float(beta @ xvy)
        if rvr <= 0:
            return np.inf
        return float(
            0.5 * np.log1p(sizes * ratio).sum() + 0.5 * (n - p) * np.log(rvr) + 0.5 * logdet_xvx
        )

    # A coarse look over many orders of magnitude, then Brent's method around the best.
    grid = np.concatenate([[0.0], np.logspace(-8, 4, 49)])
    values = [negative_log_likelihood(r) for r in grid]
    best = int(np.argmin(values))
    if best == 0:
        low, high = 0.0, grid[1]
    else:
        low, high = grid[best - 1], grid[min(best + 1, len(grid) - 1)]
    found = minimize_scalar(
        negative_log_likelihood, bounds=(low, high), method="bounded", options={"xatol": 1e-12}
    )
    ratio = float(found.x) if found.fun <= values[best] else float(grid[best])
    return ratio if negative_log_likelihood(ratio) < negative_log_likelihood(0.0) else 0.0


def fit_outcome_model(frame: pd.DataFrame) -> ModelResult:
    """Fit follow-up ~ baseline + dose + engaged + age + sex + SIMD quintile with a random
    intercept for practice. ``frame`` has FRAME_COLUMNS; rows without a follow-up or with a
    missing covariate are excluded (and counted)."""
    df, excluded = prepare(frame)
    n = len(df)

    def cannot(reason: str) -> ModelResult:
        return ModelResult(n=n, estimable=False, reason=reason, excluded=excluded)

    practices = int(df["practice_id"].nunique()) if n else 0
    if n < MIN_MODEL_PEOPLE:
        return cannot(
            f"Cannot estimate the model: {n} people with a baseline, a follow-up and every "
            f"covariate (at least {MIN_MODEL_PEOPLE} are needed)."
        )
    if practices < MIN_PRACTICES:
        return cannot(
            f"Cannot estimate the model: people come from {practices} practice(s) "
            f"(at least {MIN_PRACTICES} are needed for a practice random intercept)."
        )
    for term in BINARY_TERMS:
        ones = int(df[term].sum())
        if min(ones, n - ones) < MIN_LEVEL:
            return cannot(
                f"Cannot estimate the model: too few people in one group of {term} "
                f"({ones} of {n}; at least {MIN_LEVEL} in each are needed)."
            )
    # statsmodels is imported here, not at the top: it takes ~1 s to import and only the model
    # needs it (dashboards and the CLI's --help stay quick).
    import statsmodels.formula.api as smf
    from statsmodels.regression.mixed_linear_model import MixedLMParams

    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model = smf.mixedlm(FORMULA, df, groups=df["practice_id"])
        except (np.linalg.LinAlgError, ValueError) as exc:
            return cannot(f"Cannot estimate the model: it could not be fitted ({exc}).")
        # Started at the REML optimum found from the practices' sums, L-BFGS confirms it in an
        # iteration or two. Should it not converge, the search of old: Powell (derivative-free)
        # from statsmodels' own start (with unscaled covariates such as age the gradient
        # optimisers often stop early or settle on a zero practice variance), then the others.
        # An optimiser that fails outright (a singular matrix near a zero practice variance)
        # hands on to the next.
        # (Not below 1e-8: at an exact zero statsmodels' covariance is singular.)
        start = MixedLMParams.from_components(
            cov_re=np.array([[max(reml_variance_ratio(df), 1e-8)]]), vcomp=np.array([])
        )
        fit, failure = None, ""
        attempts: list[tuple[str, MixedLMParams | None]] = [
            ("lbfgs", start),
            ("powell", None),
            ("lbfgs", None),
            ("nm", None),
        ]
        for method, start_params in attempts:
            try:
                fit = model.fit(reml=True, method=method, start_params=start_params)
            except (np.linalg.LinAlgError, ValueError) as exc:
                failure = str(exc)
                continue
            if fit.converged:
                break
        if fit is None:
            return cannot(f"Cannot estimate the model: it could not be fitted ({failure}).")
    for w in caught:
        message = str(w.message).splitlines()[0]
        if "boundary" in message.lower():
            notes.append(
                "The practice variance was estimated at or near zero: practices differ little "
                "once the covariates are taken into account."
            )
        elif message not in notes:
            notes.append(message)
    if not fit.converged:
        return cannot("Cannot estimate the model: the fitting did not converge.")
    ci = fit.conf_int()
    coefficients: dict[str, Coefficient] = {}
    for term in ("Intercept", *MODEL_TERMS):
        est = float(fit.fe_params[term])
        p = float(fit.pvalues[term])
        low, high = float(ci.loc[term, 0]), float(ci.loc[term, 1])
        if not all(math.isfinite(v) for v in (est, p, low, high)):
            return cannot(f"Cannot estimate the model: the estimate for {term} is not finite.")
        coefficients["intercept" if term == "Intercept" else term] = Coefficient(est, low, high, p)
    return ModelResult(
        n=n,
        estimable=True,
        coefficients=coefficients,
        practices=practices,
        practice_variance=float(fit.cov_re.iloc[0, 0]),
        residual_variance=float(fit.scale),
        excluded=excluded,
        notes=tuple(dict.fromkeys(notes)),
    )
