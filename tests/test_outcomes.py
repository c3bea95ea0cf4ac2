"""caselink.outcomes, time_to_outcome and reconcile against what the generator knows.

Every expected figure is computed here independently, in plain polars, from the truth
(``truth.prosecutions``, ``truth.records``, ``truth.cases``) or from the raw events.
"""

from __future__ import annotations

import datetime as dt
import math
from statistics import NormalDist

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lifelines import KaplanMeierFitter
from lifelines.utils import median_survival_times
from polars.testing import assert_frame_equal

import caselink
from caselink.datasets import SyntheticData, synthetic
from caselink.outcome_stats import EVENT_TYPES, fx_table

AS_OF = dt.date(2025, 12, 31)
Z95 = NormalDist().inv_cdf(0.975)
KEYS = ["jurisdiction", "year"]


@pytest.fixture(scope="module")
def data() -> SyntheticData:
    return synthetic(3_000, seed=5)


@pytest.fixture(scope="module")
def people(data: SyntheticData) -> pl.DataFrame:
    return data.truth.clusters().rename({"person_id": "entity_id"})


@pytest.fixture(scope="module")
def table(data: SyntheticData, people: pl.DataFrame) -> pl.DataFrame:
    return caselink.outcomes(data.events, people, data.truth.cases, cases=data.cases, as_of=AS_OF)


@pytest.fixture(scope="module")
def prosecutions(data: SyntheticData) -> pl.DataFrame:
    """The truth: one row per arrest, with its jurisdiction."""
    return data.truth.prosecutions.join(data.cases.select("case_id", "jurisdiction"), on="case_id")


@pytest.fixture(scope="module")
def events(data: SyntheticData) -> pl.DataFrame:
    """Raw events with their case's jurisdiction, year and true person and network."""
    return (
        data.events.join(data.cases.select("case_id", "jurisdiction"), on="case_id")
        .join(data.truth.cases, on="case_id")
        .join(data.truth.clusters(), on="record_id", how="left")
        .with_columns(year=pl.col("date").dt.year())
    )


def compare(table: pl.DataFrame, expected: pl.DataFrame, keys: list[str] = KEYS) -> None:
    """Each expected column equals the table's on the same groups (missing groups: 0)."""
    cols = [c for c in expected.columns if c not in keys]
    got = table.select(*keys, *cols)
    merged = expected.join(got, on=keys, how="full", coalesce=True, suffix="_got")
    for c in cols:
        a = merged[c].fill_null(0).cast(pl.Float64)
        b = merged[f"{c}_got"].fill_null(0).cast(pl.Float64)
        bad = merged.filter((a - b).abs() > 1e-9 * (1 + a.abs()))
        assert bad.is_empty(), (c, bad)


# --- counts against the truth -------------------------------------------------------


def test_table_layout(table: pl.DataFrame) -> None:
    assert table.columns == [
        "jurisdiction", "year", "arrests", "persons_arrested", "charges", "convictions",
        "persons_convicted", "acquittals", "conviction_ratio", "conviction_ratio_lo",
        "conviction_ratio_hi", "cohort_conviction_rate", "cohort_conviction_rate_lo",
        "cohort_conviction_rate_hi", "sentence_years_total", "sentence_years_mean",
        "sentence_years_median", "fines_total", "extradition_requests", "extraditions",
        "boats_seized", "engines_seized", "crossings_prevented", "deaths_at_sea",
        "networks_active", "networks_dismantled",
    ]  # fmt: skip
    assert table.schema["year"] == pl.Int32
    assert table.select(KEYS).is_duplicated().sum() == 0
    assert table.equals(table.sort(KEYS))


def test_arrests_and_people_match_the_prosecutions(
    table: pl.DataFrame, prosecutions: pl.DataFrame
) -> None:
    expected = (
        prosecutions.with_columns(year=pl.col("arrested").dt.year())
        .group_by(KEYS)
        .agg(arrests=pl.len(), persons_arrested=pl.col("person_id").n_unique())
    )
    compare(table, expected)


def test_a_person_arrested_in_two_countries_counts_once(
    data: SyntheticData, people: pl.DataFrame, prosecutions: pl.DataFrame
) -> None:
    # The synthetic people include some arrested in several jurisdictions ...
    spread = prosecutions.group_by("person_id").agg(pl.col("jurisdiction").n_unique())
    assert (spread["jurisdiction"] > 1).sum() > 20
    total = caselink.outcomes(data.events, people, by=(), as_of=AS_OF)
    # ... each one person arrested, however many arrests and records
    assert total["persons_arrested"].item() == prosecutions["person_id"].n_unique()
    assert total["arrests"].item() == prosecutions.height
    by_record = caselink.outcomes(data.events, by=(), as_of=AS_OF)
    assert by_record["persons_arrested"].item() == prosecutions["record_id"].n_unique()
    assert by_record["persons_arrested"].item() > total["persons_arrested"].item()


def test_convictions_acquittals_and_ratio_leave_pending_out(
    table: pl.DataFrame, prosecutions: pl.DataFrame
) -> None:
    assert (prosecutions["outcome"] == "pending").sum() > 100
    concluded = prosecutions.filter(pl.col("outcome") != "pending").with_columns(
        year=pl.col("concluded").dt.year()
    )
    expected = concluded.group_by(KEYS).agg(
        convictions=(pl.col("outcome") == "convicted").sum(),
        acquittals=(pl.col("outcome") == "acquitted").sum(),
        persons_convicted=pl.col("person_id").filter(pl.col("outcome") == "convicted").n_unique(),
        conviction_ratio=(pl.col("outcome") == "convicted").mean(),
    )
    compare(table, expected)


def test_cohort_conviction_rate(table: pl.DataFrame, prosecutions: pl.DataFrame) -> None:
    expected = (
        prosecutions.with_columns(year=pl.col("arrested").dt.year())
        .group_by(KEYS)
        .agg(
            cohort_conviction_rate=pl.col("person_id")
            .filter(pl.col("outcome") == "convicted")
            .n_unique()
            / pl.col("person_id").n_unique()
        )
    )
    compare(table, expected)
    # the latest cohorts are mostly pending: a low rate, not failures in the ratio
    last = table.filter(year=2025)
    assert (last["cohort_conviction_rate"] < last["conviction_ratio"]).all()


def wilson(k: float, n: float) -> tuple[float, float]:
    p = k / n
    centre = (p + Z95**2 / (2 * n)) / (1 + Z95**2 / n)
    half = Z95 / (1 + Z95**2 / n) * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n))
    return max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half))


def test_wilson_intervals(table: pl.DataFrame) -> None:
    for row in table.iter_rows(named=True):
        n = row["convictions"] + row["acquittals"]
        if n == 0:
            assert row["conviction_ratio"] is None
            assert row["conviction_ratio_lo"] is None
            continue
        lo, hi = wilson(row["convictions"], n)
        assert row["conviction_ratio_lo"] == pytest.approx(lo, abs=1e-8)
        assert row["conviction_ratio_hi"] == pytest.approx(hi, abs=1e-8)
        k = round(row["cohort_conviction_rate"] * row["persons_arrested"])
        lo, hi = wilson(k, row["persons_arrested"])
        assert row["cohort_conviction_rate_lo"] == pytest.approx(lo, abs=1e-8)
        assert row["cohort_conviction_rate_hi"] == pytest.approx(hi, abs=1e-8)


def test_sentences_seizures_and_extraditions(table: pl.DataFrame, events: pl.DataFrame) -> None:
    def q(t: str) -> pl.Expr:
        return pl.col("quantity").filter(pl.col("event_type") == t)

    def n(t: str) -> pl.Expr:
        return (pl.col("event_type") == t).sum()

    expected = events.group_by(KEYS).agg(
        charges=n("charge"),
        sentence_years_total=q("sentence").sum(),
        sentence_years_mean=q("sentence").mean(),
        sentence_years_median=q("sentence").median(),
        extradition_requests=n("extradition_request"),
        extraditions=n("extradition"),
        boats_seized=q("seizure_boat").sum(),
        engines_seized=q("seizure_engine").sum(),
        crossings_prevented=q("crossing_prevented").sum(),
        deaths_at_sea=q("death_at_sea").sum(),
    )
    compare(table, expected)
    assert table["deaths_at_sea"].sum() > 0
    assert table["boats_seized"].sum() > 0


def convert(fines: pl.DataFrame, to: str) -> pl.Series:
    """Each fine in `to`, at its year's ECB rate (2024's for later years)."""
    rates = dict(zip(fx_table()["year"], fx_table()["per_eur"], strict=True))
    last = max(rates)
    out = []
    for amount, currency, year in fines.select("quantity", "currency", "year").iter_rows():
        gbp = rates[min(year, last)]
        eur = amount if currency == "EUR" else amount / gbp
        out.append(eur if to == "EUR" else eur * gbp)
    return pl.Series(out, dtype=pl.Float64)


@pytest.mark.parametrize("currency", ["EUR", "GBP"])
def test_fines_are_converted_never_added_raw(
    data: SyntheticData, events: pl.DataFrame, currency: str
) -> None:
    fines = events.filter(event_type="fine")
    assert set(fines["currency"]) == {"EUR", "GBP"}
    expected = (
        fines.with_columns(converted=convert(fines, currency))
        .group_by(KEYS)
        .agg(fines_total=pl.col("converted").sum())
    )
    got = caselink.outcomes(data.events, cases=data.cases, currency=currency, as_of=AS_OF)
    compare(got, expected)


def test_mixed_currencies_in_one_group() -> None:
    events = pl.DataFrame(
        {
            "event_id": [1, 2],
            "case_id": ["C1", "C2"],
            "record_id": ["a", "b"],
            "event_type": ["fine", "fine"],
            "date": [dt.date(2020, 6, 1)] * 2,
            "quantity": [100.0, 100.0],
            "currency": ["EUR", "GBP"],
        }
    )
    got = caselink.outcomes(events, by=(), as_of=AS_OF)
    assert got["fines_total"].item() == pytest.approx(100 + 100 / 0.88970)
    own = pl.DataFrame({"year": [2020], "currency": ["GBP"], "per_eur": [0.5]})
    got = caselink.outcomes(events, by=(), currency="GBP", as_of=AS_OF, fx=own)
    assert got["fines_total"].item() == pytest.approx(50 + 100)


def test_networks_active_and_dismantled(
    table: pl.DataFrame, events: pl.DataFrame, prosecutions: pl.DataFrame, data: SyntheticData
) -> None:
    active = events.group_by(KEYS).agg(networks_active=pl.col("network_id").n_unique())
    # A network is dismantled on the conviction of its 3rd distinct member.
    firsts = (
        prosecutions.filter(outcome="convicted")
        .join(data.truth.cases, on="case_id")
        .sort("concluded")
        .group_by("network_id", "person_id")
        .first()
        .sort("network_id", "concluded")
    )
    third = firsts.group_by("network_id", maintain_order=True).agg(
        pl.all().get(2, null_on_oob=True)
    )
    third = third.drop_nulls("concluded")
    # When several members are convicted on the day of the 3rd conviction, any of their
    # groups may count it: the candidates are the groups of that day's convictions.
    candidates = (
        firsts.join(third.select("network_id", "concluded"), on=["network_id", "concluded"])
        .select("network_id", "jurisdiction", year=pl.col("concluded").dt.year().cast(pl.Int32))
        .unique()
    )
    n_candidates = candidates.group_by("network_id").len()
    sure = candidates.join(n_candidates.filter(len=1), on="network_id")
    maybe = candidates.join(n_candidates.filter(pl.col("len") > 1), on="network_id")
    assert sure.height > 10 * max(1, maybe["network_id"].n_unique())
    lo = sure.group_by(KEYS).agg(lo=pl.len())
    extra = maybe.group_by(KEYS).agg(extra=pl.len())
    got = table.select(*KEYS, "networks_dismantled")
    bounds = got.join(lo, on=KEYS, how="left").join(extra, on=KEYS, how="left").fill_null(0)
    assert (bounds["lo"] <= bounds["networks_dismantled"]).all()
    assert (bounds["networks_dismantled"] <= bounds["lo"] + bounds["extra"]).all()
    assert table["networks_dismantled"].sum() == third.height
    compare(table, active)


def test_networks_from_an_object_with_cases(data: SyntheticData) -> None:
    class Networks:
        cases = data.truth.cases

    a = caselink.outcomes(data.events, networks=Networks(), by=("network_id",), as_of=AS_OF)
    assert a.height == data.truth.cases["network_id"].n_unique()
    assert a["networks_active"].to_list() == [1] * a.height


def test_periods_add_up_to_years(data: SyntheticData) -> None:
    additive = ["arrests", "charges", "convictions", "acquittals", "boats_seized", "fines_total"]
    years = caselink.outcomes(data.events, by=("year",), as_of=AS_OF)
    for unit in ("month", "quarter"):
        parts = caselink.outcomes(data.events, by=(unit,), period=unit, as_of=AS_OF)
        assert parts.schema[unit] == pl.Date
        summed = (
            parts.group_by(year=pl.col(unit).dt.year().cast(pl.Int32))
            .agg(pl.col(additive).sum())
            .sort("year")
        )
        assert_frame_equal(summed, years.select("year", *additive), check_exact=False)
    by_period = caselink.outcomes(data.events, by=("period",), as_of=AS_OF)
    assert by_period["period"].dt.month().unique().to_list() == [1]


def test_row_order_does_not_matter(data: SyntheticData, people: pl.DataFrame, table) -> None:
    shuffled = data.events.sample(fraction=1.0, shuffle=True, seed=11)
    again = caselink.outcomes(shuffled, people, data.truth.cases, cases=data.cases, as_of=AS_OF)
    assert_frame_equal(again, table, check_exact=False, rel_tol=1e-12)


def test_lazy_frames_and_resolution_objects(data: SyntheticData, people, table) -> None:
    class Resolution:
        clusters = people

    got = caselink.outcomes(
        data.events.lazy(), Resolution(), data.truth.cases, cases=data.cases.lazy(), as_of=AS_OF
    )
    assert_frame_equal(got, table)


def test_a_jurisdiction_column_on_the_events_wins(data: SyntheticData) -> None:
    events = data.events.with_columns(jurisdiction=pl.lit("XX"))
    got = caselink.outcomes(events, cases=data.cases, by=("jurisdiction",), as_of=AS_OF)
    assert got["jurisdiction"].to_list() == ["XX"]


# --- reconcile -----------------------------------------------------------------------


def test_reconcile_counts_double_counting(
    data: SyntheticData, people: pl.DataFrame, events: pl.DataFrame
) -> None:
    got = caselink.reconcile(data.events, people, cases=data.cases, as_of=AS_OF)
    arrests = events.filter(event_type="arrest")
    cells = arrests.select("jurisdiction", "person_id").unique()
    multi = cells.group_by("person_id").len().filter(pl.col("len") > 1)["person_id"]
    expected = arrests.group_by("jurisdiction").agg(
        arrests=pl.len(),
        records_arrested=pl.col("record_id").n_unique(),
        persons_arrested=pl.col("person_id").n_unique(),
        persons_also_elsewhere=pl.col("person_id")
        .filter(pl.col("person_id").is_in(multi))
        .n_unique(),
    )
    compare(got, expected, ["jurisdiction"])
    assert (got["duplicate_records"] == got["records_arrested"] - got["persons_arrested"]).all()
    assert got["duplicate_records"].sum() > 0
    with pytest.raises(caselink.InvalidInputError):
        caselink.reconcile(data.events, None)


# --- time to outcome -----------------------------------------------------------------


def km_from_truth(prosecutions: pl.DataFrame) -> tuple[list[int], list[bool]]:
    durations = prosecutions.select(
        (pl.col("concluded").fill_null(AS_OF) - pl.col("arrested")).dt.total_days()
    ).to_series()
    return durations.to_list(), (prosecutions["outcome"] == "convicted").to_list()


def test_kaplan_meier_agrees_with_lifelines(data: SyntheticData, prosecutions) -> None:
    t = caselink.time_to_outcome(data.events, competing=("acquittal",), by=(), as_of=AS_OF)
    durations, observed = km_from_truth(prosecutions)
    kmf = KaplanMeierFitter().fit(durations, observed)
    km = t.curves.filter(estimator="kaplan_meier")
    theirs = kmf.survival_function_.iloc[:, 0]
    assert km["time"].to_list() == [int(x) for x in theirs.index]
    assert max(abs(a - b) for a, b in zip(km["estimate"], theirs, strict=True)) < 1e-12
    ci = kmf.confidence_interval_
    lo, hi = ci.iloc[:, 0].to_numpy(), ci.iloc[:, 1].to_numpy()
    inner = km.with_columns(lo_l=lo, hi_l=hi).filter(
        (pl.col("estimate") < 1) & (pl.col("estimate") > 0)
    )
    assert inner.height > 100
    assert (inner["lo"] - inner["lo_l"]).abs().max() < 1e-7
    assert (inner["hi"] - inner["hi_l"]).abs().max() < 1e-7
    # medians and their intervals
    med = t.medians.filter(estimator="kaplan_meier").row(0, named=True)
    assert med["median_days"] == kmf.median_survival_time_
    m_ci = median_survival_times(kmf.confidence_interval_)
    assert med["median_days_lo"] == m_ci.iloc[0, 0]  # where the lower band crosses
    assert med["median_days_hi"] == m_ci.iloc[0, 1]
    assert med["median_days_lo"] < med["median_days"] < med["median_days_hi"]
    assert med["subjects"] == prosecutions.height


def test_followed_prosecutions_match_the_truth(data: SyntheticData, prosecutions) -> None:
    t = caselink.time_to_outcome(data.events, competing=("acquittal",), by=(), as_of=AS_OF)
    expected = prosecutions.select(
        "case_id",
        "record_id",
        time=(pl.col("concluded").fill_null(AS_OF) - pl.col("arrested")).dt.total_days(),
        outcome=pl.col("outcome").replace(
            {"convicted": "conviction", "acquitted": "acquittal", "pending": None}
        ),
    ).sort("case_id", "record_id")
    assert_frame_equal(t.subjects.select(expected.columns), expected, check_dtypes=False)


def aalen_johansen(times: list[int], causes: list[int], k: int) -> dict[int, float]:
    """The textbook estimator, written plainly: F_k(t) = sum S(tj-) d_kj / n_j."""
    out, s, f = {}, 1.0, 0.0
    for t in sorted(set(times) | {0}):
        n = sum(1 for x in times if x >= t)
        d = [
            sum(1 for x, c in zip(times, causes, strict=True) if x == t and c == j)
            for j in (1, 2, 3)
        ]
        if n:
            f += s * d[k - 1] / n
            s *= 1 - sum(d) / n
        out[t] = f
    return out


def test_aalen_johansen_against_a_plain_implementation(data: SyntheticData) -> None:
    t = caselink.time_to_outcome(data.events, by=(), as_of=AS_OF)
    subjects = t.subjects
    code = {"conviction": 1, "acquittal": 2, "extradition": 3}
    causes = [code.get(o, 0) if o else 0 for o in subjects["outcome"]]
    times = subjects["time"].to_list()
    assert 3 in causes
    assert 2 in causes
    aj = t.curves.filter(estimator="aalen_johansen")
    for k, name in ((1, "conviction"), (2, "acquittal"), (3, "extradition")):
        plain = aalen_johansen(times, causes, k)
        ours = aj.filter(event=name)
        assert ours["time"].to_list() == sorted(plain)
        diff = max(abs(plain[t] - e) for t, e in ours.select("time", "estimate").iter_rows())
        assert diff < 1e-12
    # with competing events, 1 - KM overstates the share convicted
    km_end = 1 - t.curves.filter(estimator="kaplan_meier")["estimate"][-1]
    assert aj.filter(event="conviction")["estimate"][-1] < km_end
    last = aj.group_by("event").agg(pl.col("estimate").last())["estimate"].sum()
    assert last <= 1 + 1e-12


def test_time_to_outcome_by_group(data: SyntheticData) -> None:
    t = caselink.time_to_outcome(data.events, cases=data.cases, as_of=AS_OF)
    assert sorted(t.medians["jurisdiction"].unique()) == ["BE", "DE", "FR", "NL", "UK"]
    assert t.medians.filter(estimator="kaplan_meier")["subjects"].sum() == t.subjects.height
    m = t.medians.drop_nulls()
    assert m.height >= 5
    assert (
        (m["median_days_lo"] <= m["median_days"]) & (m["median_days"] <= m["median_days_hi"])
    ).all()
    for (_,), curve in t.curves.filter(estimator="kaplan_meier").group_by(["jurisdiction"]):
        est = curve["estimate"]
        assert (est.diff().drop_nulls() <= 1e-15).all()
        assert ((curve["lo"] <= est + 1e-12) & (est <= curve["hi"] + 1e-12)).all()
    assert "TimeToOutcome(" in repr(t)


def test_time_to_outcome_notes_outcomes_before_the_start() -> None:
    events = pl.DataFrame(
        {
            "event_id": [1, 2, 3, 4],
            "case_id": ["C"] * 4,
            "record_id": ["a", "a", "b", "b"],
            "event_type": ["arrest", "conviction", "conviction", "arrest"],
            "date": [
                dt.date(2024, 1, 10),
                dt.date(2024, 1, 1),
                dt.date(2024, 1, 1),
                dt.date(2024, 2, 1),
            ],
        }
    )
    t = caselink.time_to_outcome(events, by=(), as_of="2024-12-31")
    assert t.issues.select("event_id", "action").rows() == [(2, "excluded"), (3, "excluded")]
    assert t.subjects["outcome"].to_list() == [None, None]
    with pytest.raises(caselink.InvalidInputError, match="different event types"):
        caselink.time_to_outcome(events, end="arrest", by=(), as_of="2024-12-31")
    with pytest.raises(caselink.InvalidInputError, match="not an event type"):
        caselink.time_to_outcome(events, end="convicton", by=(), as_of="2024-12-31")


# --- bad input -----------------------------------------------------------------------


def small(**overrides: list) -> pl.DataFrame:
    base = {
        "event_id": [1, 2, 3],
        "case_id": ["C1", "C1", "C2"],
        "record_id": ["a", "a", None],
        "event_type": ["arrest", "conviction", "seizure_boat"],
        "date": [dt.date(2024, 1, 5), dt.date(2024, 9, 1), dt.date(2024, 2, 2)],
        "quantity": [None, None, 2.0],
        "currency": [None, None, None],
    }
    base.update(overrides)
    return pl.DataFrame(base, schema_overrides={"currency": pl.String, "quantity": pl.Float64})


def issues_of(events: pl.DataFrame, **kw) -> list[tuple]:
    return (
        caselink.outcome_issues(events, by=(), as_of="2025-12-31", **kw)
        .select("event_id", "action", "reason")
        .rows()
    )


def test_problem_rows_are_reported_and_not_counted() -> None:
    events = pl.concat(
        [
            small(),
            small(
                event_id=[10, 11, 12],
                event_type=["arest", "sentence", "fine"],
                quantity=[None, -2.0, 500.0],
            ),
            small(
                event_id=[20, 21, 22],
                event_type=["arrest", "conviction", "fine"],
                date=[dt.date(2026, 1, 5), dt.date(2023, 1, 1), dt.date(2024, 3, 1)],
                record_id=["z", "y", "y"],
                quantity=[None, None, 100.0],
                currency=[None, None, "XYZ"],
            ),
        ]
    )
    got = issues_of(events)
    reasons = {e: (a, r) for e, a, r in got}
    assert reasons[10][0] == "excluded"
    assert "unknown event type 'arest'" in reasons[10][1]
    assert reasons[11] == ("excluded", "negative quantity -2")
    assert reasons[12][0] == "excluded"
    assert "without currency" in reasons[12][1]
    assert reasons[20][0] == "excluded"
    assert "after as_of 2025-12-31" in reasons[20][1]
    assert reasons[21][0] == "counted"
    assert "without an arrest" in reasons[21][1]
    assert reasons[22][0] == "excluded"
    assert "no exchange rate for currency 'XYZ'" in reasons[22][1]
    table = caselink.outcomes(events, by=(), as_of="2025-12-31")
    row = table.row(0, named=True)
    assert row["arrests"] == 1  # the clean one; the future one is excluded
    assert row["convictions"] == 2  # noted, still counted
    assert row["sentence_years_total"] == 0
    assert row["fines_total"] == 0
    assert row["boats_seized"] == 2


def test_a_repeated_event_is_counted_once() -> None:
    day = dt.date(2024, 1, 5)
    events = pl.concat(
        [
            small(event_id=["e1", "e2", "e3"]),
            # row 3 repeats row 0 whole; row 4 is an arrest under the conviction's id
            small(
                event_id=["e1", "e2", None], event_type=["arrest"] * 3, date=[day] * 3,
                case_id=["C1"] * 3, record_id=["a"] * 3, quantity=[None] * 3,
            ),
            # rows 5-7: identical arrests without an id are two arrests; row 8 repeats row 2
            small(event_id=[None, None, "e3"], event_type=["arrest", "arrest", "seizure_boat"],
                  date=[day, day, dt.date(2024, 2, 2)]),
        ]
    )  # fmt: skip
    got = issues_of(events)
    assert got == [
        ("e1", "excluded", "duplicate of event_id 'e1' (row 0); counted once"),
        (
            "e2",
            "excluded",
            "duplicate of event_id 'e2' (row 1) with a different event_type, date; "
            "counted once, as on row 1",
        ),
        ("e3", "excluded", "duplicate of event_id 'e3' (row 2); counted once"),
    ]
    rows = caselink.outcome_issues(events, by=(), as_of=AS_OF)["row"].to_list()
    assert rows == [3, 4, 8]
    row = caselink.outcomes(events, by=(), as_of=AS_OF).row(0, named=True)
    assert (row["arrests"], row["convictions"], row["boats_seized"]) == (4, 1, 2)
    # reconcile and time_to_outcome read the rows the same way
    people = pl.DataFrame({"record_id": ["a"], "entity_id": ["P"]})
    assert caselink.reconcile(events, people, by=(), as_of=AS_OF)["arrests"].item() == 4
    t = caselink.time_to_outcome(events, by=(), as_of=AS_OF)
    assert [r for r in t.issues["reason"] if r.startswith("duplicate")] == [g[2] for g in got]


def test_without_event_ids_identical_rows_are_two_events() -> None:
    events = pl.concat([small(), small()])
    for frame in (events.drop("event_id"), events.with_columns(event_id=None)):
        assert caselink.outcome_issues(frame, by=(), as_of=AS_OF).is_empty()
        row = caselink.outcomes(frame, by=(), as_of=AS_OF).row(0, named=True)
        assert (row["arrests"], row["boats_seized"]) == (2, 4)


def test_a_fine_repeated_is_added_once() -> None:
    events = small(
        event_id=[7, 7, 8], event_type=["fine"] * 3, quantity=[100.0, 100.0, 50.0],
        currency=["EUR"] * 3, date=[dt.date(2024, 3, 1)] * 3, record_id=["a", "a", "b"],
    )  # fmt: skip
    assert [(e, a) for e, a, _ in issues_of(events)] == [(7, "excluded")]
    assert caselink.outcomes(events, by=(), as_of=AS_OF)["fines_total"].item() == 150.0


def test_a_duplicate_of_an_excluded_row_is_counted() -> None:
    # the first row is excluded (misspelt); its corrected repeat is the event counted
    events = small(event_id=[1, 1, 3], event_type=["arest", "arrest", "seizure_boat"])
    got = issues_of(events)
    assert [(e, a) for e, a, _ in got] == [(1, "excluded")]
    assert "unknown event type 'arest'" in got[0][2]
    assert caselink.outcomes(events, by=(), as_of=AS_OF)["arrests"].item() == 1


def test_events_before_1900_are_excluded() -> None:
    events = small(date=[dt.date(1800, 1, 5), dt.date(1899, 12, 31), dt.date(1900, 1, 1)])
    assert issues_of(events) == [
        (1, "excluded", "dated 1800-01-05, before 1900"),
        (2, "excluded", "dated 1899-12-31, before 1900"),
    ]
    table = caselink.outcomes(events, by="year", as_of=AS_OF)
    assert table["year"].to_list() == [1900]
    assert table["arrests"].to_list() == [0]
    assert table["boats_seized"].to_list() == [2.0]


def test_conviction_before_arrest_is_counted_with_a_note() -> None:
    events = small(date=[dt.date(2024, 5, 5), dt.date(2024, 1, 1), dt.date(2024, 2, 2)])
    assert issues_of(events) == [
        (
            2,
            "counted",
            "conviction dated before the arrest (2024-05-05) of the same record in the same case",
        )
    ]


def test_people_without_records_or_entities_are_noted() -> None:
    events = small(record_id=[None, "a", None])
    got = issues_of(events)
    assert (1, "counted", "no record_id: counted as an event, not as a person") in got
    ents = pl.DataFrame({"record_id": ["zz"], "entity_id": ["E1"]})
    got = issues_of(small(), entities=ents)
    assert [r[0] for r in got if "not in the entities" in r[2]] == [1, 2]


def test_cases_missing_from_the_case_table_are_noted(data: SyntheticData) -> None:
    events = small()
    cases = pl.DataFrame({"case_id": ["C1"], "jurisdiction": ["FR"]})
    got = caselink.outcome_issues(events, cases=cases, by=("jurisdiction",), as_of=AS_OF)
    assert got.select("event_id", "action").rows() == [(3, "counted")]
    table = caselink.outcomes(events, cases=cases, by=("jurisdiction",), as_of=AS_OF)
    assert table["jurisdiction"].to_list() == ["FR", None]


def test_fines_after_the_table_use_the_last_year_with_a_note() -> None:
    events = small(
        event_type=["fine"] * 3, quantity=[10.0] * 3, currency=["GBP"] * 3,
        date=[dt.date(2025, 1, 1)] * 3, record_id=["a", "b", "c"],
    )  # fmt: skip
    got = issues_of(events)
    assert {r[2] for r in got} == {
        "no GBP rate for 2025 in the exchange-rate table: converted at 2024's"
    }
    assert {r[1] for r in got} == {"counted"}


@pytest.mark.parametrize("column", ["event_type", "date", "case_id"])
def test_missing_columns(column: str) -> None:
    with pytest.raises(caselink.ColumnNotFoundError, match=column):
        caselink.outcomes(small().drop(column), by=(), as_of=AS_OF)


def test_wrong_types() -> None:
    with pytest.raises(caselink.SchemaError, match=r"date.*str\.to_date"):
        caselink.outcomes(small().with_columns(pl.col("date").cast(pl.String)), by=(), as_of=AS_OF)
    with pytest.raises(caselink.SchemaError, match="quantity"):
        caselink.outcomes(small().with_columns(quantity=pl.lit("2")), by=(), as_of=AS_OF)
    with pytest.raises(caselink.SchemaError, match="event_type"):
        caselink.outcomes(small().with_columns(event_type=pl.lit(1.5)), by=(), as_of=AS_OF)
    cases = pl.DataFrame({"case_id": [1], "jurisdiction": ["FR"]})
    with pytest.raises(caselink.SchemaError, match="case_id"):
        caselink.outcomes(small(), cases=cases, by=("jurisdiction",), as_of=AS_OF)


def test_bad_arguments() -> None:
    with pytest.raises(caselink.InvalidInputError, match="period"):
        caselink.outcomes(small(), period="week", as_of=AS_OF)
    with pytest.raises(caselink.InvalidInputError, match="period='month'"):
        caselink.outcomes(small(), by=("year",), period="month", as_of=AS_OF)
    with pytest.raises(caselink.InvalidInputError, match="currency='USD'"):
        caselink.outcomes(small(), by=(), currency="USD", as_of=AS_OF)
    with pytest.raises(caselink.InvalidInputError, match="as_of"):
        caselink.outcomes(small(), by=(), as_of="31/12/2025")
    with pytest.raises(caselink.ColumnNotFoundError, match="nationality"):
        caselink.outcomes(small(), by=("nationality",), as_of=AS_OF)
    with pytest.raises(caselink.InvalidInputError, match="dismantled_min_convicted"):
        caselink.outcomes(small(), by=(), as_of=AS_OF, dismantled_min_convicted=0)
    ents = pl.DataFrame({"record_id": ["a", "a"], "entity_id": ["E1", "E2"]})
    with pytest.raises(caselink.InvalidInputError, match="several rows"):
        caselink.outcomes(small(), ents, by=(), as_of=AS_OF)
    cases = pl.DataFrame({"case_id": ["C1", "C1"], "jurisdiction": ["FR", "UK"]})
    with pytest.raises(caselink.InvalidInputError, match="several rows for case_id='C1'"):
        caselink.outcomes(small(), cases=cases, by=("jurisdiction",), as_of=AS_OF)
    with pytest.raises(caselink.InvalidInputError, match="events must be"):
        caselink.outcomes(42, by=(), as_of=AS_OF)


def test_empty_events() -> None:
    empty = small().clear()
    table = caselink.outcomes(empty, by=("year",), as_of=AS_OF)
    assert table.height == 0
    assert table.columns[:2] == ["year", "arrests"]
    assert caselink.outcome_issues(empty, as_of=AS_OF, by=()).height == 0
    t = caselink.time_to_outcome(empty, by=(), as_of=AS_OF)
    assert t.curves.height == 0
    assert t.subjects.height == 0


# --- properties ----------------------------------------------------------------------

ADDITIVE = [
    "arrests", "charges", "convictions", "acquittals", "sentence_years_total", "fines_total",
    "extradition_requests", "extraditions", "boats_seized", "engines_seized",
    "crossings_prevented", "deaths_at_sea", "networks_dismantled",
]  # fmt: skip


@st.composite
def event_frames(draw: st.DrawFn) -> pl.DataFrame:
    n = draw(st.integers(0, 60))

    def column(values: st.SearchStrategy) -> list:
        return draw(st.lists(values, min_size=n, max_size=n))

    return pl.DataFrame(
        {
            "event_id": list(range(n)),
            "case_id": column(st.sampled_from(["C1", "C2", "C3", "C4"])),
            "record_id": column(st.sampled_from(["a", "b", "c", "d", "e", None])),
            "event_type": column(st.sampled_from([*EVENT_TYPES, "arest"])),
            "date": column(st.dates(dt.date(2019, 1, 1), dt.date(2026, 6, 1))),
            "quantity": column(st.one_of(st.none(), st.floats(-2, 50))),
            "currency": column(st.sampled_from(["EUR", "GBP", None])),
        },
        schema_overrides={"quantity": pl.Float64, "currency": pl.String, "record_id": pl.String},
    )


CASES = pl.DataFrame(
    {"case_id": ["C1", "C2", "C3", "C4"], "jurisdiction": ["FR", "UK", "FR", "DE"]}
)
NETWORKS = pl.DataFrame({"case_id": ["C1", "C2", "C3", "C4"], "network_id": [1, 1, 2, 3]})
ENTITIES = pl.DataFrame({"record_id": list("abcde"), "entity_id": ["P1", "P1", "P2", "P3", "P3"]})


@settings(max_examples=60, deadline=None)
@given(event_frames())
def test_groups_add_up_to_the_total(events: pl.DataFrame) -> None:
    kw = {"cases": CASES, "as_of": "2025-12-31", "dismantled_min_convicted": 1}
    groups = caselink.outcomes(events, ENTITIES, NETWORKS, **kw)
    total = caselink.outcomes(events, ENTITIES, NETWORKS, by=(), **kw)
    if total.is_empty():  # no event was counted
        assert groups.is_empty()
        return
    for c in ADDITIVE:
        assert groups[c].sum() == pytest.approx(total[c].item(), abs=1e-9), c
    # people and networks in several groups are counted in each
    assert groups["persons_arrested"].sum() >= total["persons_arrested"].item()
    assert groups["networks_active"].sum() >= total["networks_active"].item()
    for row in groups.iter_rows(named=True):
        for name in ("conviction_ratio", "cohort_conviction_rate"):
            p, lo, hi = row[name], row[f"{name}_lo"], row[f"{name}_hi"]
            if p is not None:
                assert 0 <= lo <= p <= hi <= 1
        assert row["persons_convicted"] <= row["convictions"]
        assert row["persons_arrested"] <= row["arrests"]
    # every row is counted, counted with a note, or excluded with a note
    issues = caselink.outcome_issues(events, ENTITIES, NETWORKS, **kw)
    excluded = set(issues.filter(action="excluded")["row"].to_list())
    clean = events.with_row_index("row").filter(~pl.col("row").is_in(list(excluded)))
    assert total["arrests"].item() == (clean["event_type"] == "arrest").sum()
    persons = clean.filter(event_type="arrest").join(ENTITIES, on="record_id")["entity_id"]
    assert total["persons_arrested"].item() == persons.n_unique()


@settings(max_examples=40, deadline=None)
@given(event_frames())
def test_survival_curves_are_monotone(events: pl.DataFrame) -> None:
    t = caselink.time_to_outcome(events, by=(), as_of="2026-12-31")
    for (est, _), curve in t.curves.group_by(["estimator", "event"]):
        e = curve["estimate"]
        assert ((e >= 0) & (e <= 1)).all()
        assert ((curve["lo"] <= e + 1e-12) & (e <= curve["hi"] + 1e-12)).all()
        diffs = e.diff().drop_nulls()
        assert (diffs <= 1e-15).all() if est == "kaplan_meier" else (diffs >= -1e-15).all()


def test_a_quantity_on_an_event_without_one_is_ignored_with_a_note() -> None:
    events = small(quantity=[-1.0, None, 2.0])
    assert issues_of(events) == [
        (1, "counted", "negative quantity -1 ignored: arrest has no quantity")
    ]
    assert caselink.outcomes(events, by=(), as_of=AS_OF)["arrests"].item() == 1
