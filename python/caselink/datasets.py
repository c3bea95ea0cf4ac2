"""Built-in data: a synthetic multi-agency caseload with ground truth.

No public data of this kind exists, so caselink generates it: people drawn in smuggling
networks, whose records are held by six agencies (``NCA``, ``HOIO``, ``OLTIM``, ``BKA``,
``PJF``, ``KMAR``), each writing names, dates, nationalities and phones its own way and
with documented corruption rates. The generator knows who is who, which is what tests,
benchmarks and accuracy figures are measured against.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from caselink._core import synthetic_frames
from caselink.exceptions import InvalidInputError

__all__ = ["SyntheticData", "SyntheticTruth", "synthetic"]


@dataclass(frozen=True)
class SyntheticTruth:
    """What the generator knows and an analyst would not.

    Attributes
    ----------
    records
        One row per record: ``record_id``, ``person_id``, ``network_id`` and one boolean
        column per corruption applied to the record (``typo``, ``swapped_names``,
        ``dob_placeholder`` ...).
    persons
        One row per true person (same frame as :attr:`SyntheticData.persons`).
    cases
        ``case_id`` -> ``network_id``.
    objects
        Row-aligned with :attr:`SyntheticData.case_objects`, plus the canonical
        ``object_key``, whether the object is a hub shared by chance with other networks
        (``chance_shared``), whether the written value is invalid (an IBAN typo) and the
        ``network_id`` of the case.
    prosecutions
        One row per arrest: ``outcome`` is ``convicted``, ``acquitted`` or ``pending``
        at ``as_of``.
    config
        The generator's settings, including the documented corruption ``rates``.
    """

    records: pl.DataFrame
    persons: pl.DataFrame
    cases: pl.DataFrame
    objects: pl.DataFrame
    prosecutions: pl.DataFrame
    config: dict[str, Any]

    @property
    def rates(self) -> dict[str, float]:
        """The documented per-record corruption probabilities."""
        return dict(self.config["rates"])

    @property
    def as_of(self) -> str:
        """The extraction date: nothing happens after it; open cases are pending."""
        return str(self.config["as_of"])

    def clusters(self) -> pl.DataFrame:
        """``record_id`` -> ``person_id``: the true entity of every record."""
        return self.records.select("record_id", "person_id")

    def pairs(self) -> pl.DataFrame:
        """Every pair of records of the same person, ``record_id_l < record_id_r``."""
        ids = self.clusters()
        return (
            ids.join(ids, on="person_id", suffix="_r")
            .rename({"record_id": "record_id_l"})
            .filter(pl.col("record_id_l") < pl.col("record_id_r"))
            .select("record_id_l", "record_id_r", "person_id")
            .sort("record_id_l", "record_id_r")
        )


@dataclass(frozen=True)
class SyntheticData:
    """A synthetic caseload. Every frame is a :class:`polars.DataFrame`.

    Attributes
    ----------
    records
        One row per record an agency holds about a person: ``record_id``, ``source``,
        ``given_name``, ``family_name``, ``full_name``, ``dob``, ``nationality``,
        ``phone``, ``gender``, ``alias`` as written, and the truth column
        ``true_person_id`` (drop it before linking: ``records.drop("true_person_id")``).
    persons
        The true persons (truth).
    cases
        ``case_id``, ``jurisdiction`` (UK, FR, DE, BE, NL), ``agency``, ``opened``,
        ``case_type``.
    case_subjects
        ``case_id`` -> ``record_id``: the agency's record of each subject of a case.
    case_objects
        ``case_id``, ``object_type`` (phone, boat, engine, vehicle, iban) and ``value``
        as written by the case's jurisdiction.
    events
        ``event_id``, ``case_id``, ``record_id`` (null for case-level events such as
        seizures), ``event_type``, ``date``, ``quantity``, ``currency``.
    truth
        What the generator knows: see :class:`SyntheticTruth`.
    """

    records: pl.DataFrame
    persons: pl.DataFrame
    cases: pl.DataFrame
    case_subjects: pl.DataFrame
    case_objects: pl.DataFrame
    events: pl.DataFrame
    truth: SyntheticTruth = field(repr=False)

    def summary(self) -> pl.DataFrame:
        """Row counts of every frame."""
        names = ["records", "persons", "cases", "case_subjects", "case_objects", "events"]
        return pl.DataFrame({"frame": names, "rows": [getattr(self, n).height for n in names]})

    def write_parquet(self, folder: str | Path) -> list[Path]:
        """Writes every frame, and the truth, as Parquet files into ``folder``."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        frames = {
            "records": self.records,
            "persons": self.persons,
            "cases": self.cases,
            "case_subjects": self.case_subjects,
            "case_objects": self.case_objects,
            "events": self.events,
            "truth_records": self.truth.records,
            "truth_cases": self.truth.cases,
            "truth_objects": self.truth.objects,
            "truth_prosecutions": self.truth.prosecutions,
        }
        for name, frame in frames.items():
            path = out / f"{name}.parquet"
            frame.write_parquet(path)
            written.append(path)
        return written

    def __repr__(self) -> str:
        counts = ", ".join(f"{r['frame']}={r['rows']:,}" for r in self.summary().to_dicts())
        return f"SyntheticData({counts})"


def synthetic(
    people: int = 5_000, seed: int = 0, rates: dict[str, float] | None = None
) -> SyntheticData:
    """Generates a synthetic multi-agency caseload with ground truth.

    Parameters
    ----------
    people
        Number of true persons. Each is known to one or more agencies: about 2.2
        records per person.
    seed
        The same seed gives the same data, whatever the number of threads.
    rates
        Overrides of the documented per-record corruption rates, e.g.
        ``{"typo": 0.2}``. See ``synthetic(10).truth.rates`` for the names and defaults.

    Returns
    -------
    SyntheticData

    Raises
    ------
    InvalidInputError
        ``people`` is below 1, a rate is not a probability, or a rate name is unknown.

    Examples
    --------
    >>> import caselink
    >>> data = caselink.datasets.synthetic(people=300, seed=7)
    >>> sorted(data.records["source"].unique())
    ['BKA', 'HOIO', 'KMAR', 'NCA', 'OLTIM', 'PJF']
    >>> data.truth.pairs().columns
    ['record_id_l', 'record_id_r', 'person_id']
    """
    if isinstance(people, bool) or not isinstance(people, int) or people < 1:
        raise InvalidInputError(
            f"people must be a positive integer, got {people!r}; e.g. people=5_000"
        )
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**64:
        raise InvalidInputError(f"seed must be an integer in [0, 2**64), got {seed!r}")
    named, config_json = synthetic_frames(
        people, seed, None if rates is None else json.dumps(rates)
    )
    frames = dict(named)
    truth = SyntheticTruth(
        records=frames["truth_records"],
        persons=frames["persons"],
        cases=frames["truth_cases"],
        objects=frames["truth_objects"],
        prosecutions=frames["truth_prosecutions"],
        config=json.loads(config_json),
    )
    return SyntheticData(
        records=frames["records"],
        persons=frames["persons"],
        cases=frames["cases"],
        case_subjects=frames["case_subjects"],
        case_objects=frames["case_objects"],
        events=frames["events"],
        truth=truth,
    )
