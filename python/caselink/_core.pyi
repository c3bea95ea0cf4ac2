"""Type stubs for the Rust extension. The public API is in caselink/*.py."""

import os
from collections.abc import Callable
from typing import Any, final

import polars as pl

__all__ = [
    "CaselinkError",
    "ColumnNotFoundError",
    "InvalidInputError",
    "LinkData",
    "Model",
    "SchemaError",
    "StoreBusyError",
    "StoreError",
    "StoreFile",
    "StoreVersionError",
    "__version__",
    "case_chain",
    "case_networks",
    "comparison_levels",
    "default_settings",
    "evaluate_clusters",
    "evaluate_pairs",
    "evidence_bits",
    "link_data",
    "odds_bits",
    "outcome_reconcile",
    "outcome_summary",
    "outcome_time_to",
    "probabilities",
    "probability",
    "profile_names",
    "similarity_cdist",
    "similarity_pairwise",
    "standardise_frame",
    "summarise_entities",
    "synthetic_frames",
    "validate_settings",
]

__version__: str

class CaselinkError(Exception): ...
class SchemaError(CaselinkError): ...
class ColumnNotFoundError(CaselinkError): ...
class InvalidInputError(CaselinkError): ...
class StoreError(CaselinkError): ...
class StoreBusyError(StoreError): ...
class StoreVersionError(StoreError): ...

@final
class StoreFile:
    """An open entity store file (see caselink.Store, which wraps it)."""

    @staticmethod
    def open(path: str | os.PathLike[str], timeout: float) -> StoreFile: ...
    def meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str, actor: str | None = None) -> None: ...
    def generation(self) -> int: ...
    def classify(self, ids: list[str], contents: list[str]) -> list[str]: ...
    def contents(self) -> tuple[list[str], list[str]]: ...
    def model(self) -> tuple[int, str] | None: ...
    def constraints(
        self,
    ) -> tuple[tuple[list[str], list[str]], tuple[list[str], list[str]]]: ...
    def unknown_records(self, ids: list[str]) -> list[str]: ...
    def commit(
        self,
        action: str,
        actor: str | None,
        reason: str | None,
        expected_generation: int,
        incoming: tuple[list[str], list[str | None], list[str], list[str], list[str]],
        decisions: tuple[list[str], list[str], list[str]],
        model: str | None,
        record_ids: list[str],
        labels: list[int],
        pairs: tuple[list[str], list[str], list[float]],
        scoped: bool = False,
    ) -> dict[str, Any]: ...
    def entities_now(self, record_ids: list[str]) -> list[str | None]: ...
    def records(self) -> pl.DataFrame: ...
    def entity_records(self, entity_id: str) -> pl.DataFrame: ...
    def entities(self) -> pl.DataFrame: ...
    def as_of(self, time: str) -> pl.DataFrame: ...
    def resolve_id(self, entity_id: str) -> list[str]: ...
    def history(self, entity_id: str | None = None) -> pl.DataFrame: ...
    def decisions(self) -> pl.DataFrame: ...
    def pairs(self) -> pl.DataFrame: ...
    def integrity_check(self) -> str: ...

def synthetic_frames(
    people: int, seed: int, rates_json: str | None = None
) -> tuple[list[tuple[str, pl.DataFrame]], str]: ...
def standardise_frame(
    df: pl.DataFrame, reference_year: int, earliest_birth_year: int | None = None
) -> pl.DataFrame: ...
def profile_names() -> list[str]: ...
def similarity_pairwise(a: pl.Series, b: pl.Series, scorer_name: str) -> pl.Series: ...
def similarity_cdist(a: pl.Series, b: pl.Series, scorer_name: str) -> pl.Series: ...

@final
class Model:
    """A trained Fellegi-Sunter model: immutable, JSON only to save and load.

    ``Linker.model`` and ``Resolution.model`` hold one; it pickles, compares equal to a
    model with the same parameters, and is shared by the linkers that use it.
    """

    @staticmethod
    def from_json(json: str) -> Model:
        """A model from the JSON of :meth:`to_json` (``InvalidInputError`` otherwise)."""
    def to_json(self) -> str:
        """The model as JSON, for saving."""
    @property
    def comparisons(self) -> list[str]:
        """Comparison names, in order."""
    @property
    def prior(self) -> float:
        """P(two comparable records are one person), for the training data's size."""
    @property
    def n_records(self) -> int:
        """Records the model was trained on."""
    @property
    def sessions(self) -> list[str]:
        """The keys of the EM training sessions, in order."""
    @property
    def m(self) -> list[list[float]]:
        """``m[c][l]``: P(level ``l`` of comparison ``c`` | same person)."""
    @property
    def u(self) -> list[list[float]]:
        """``u[c][l]``: P(level ``l`` of comparison ``c`` | different people)."""
    @property
    def u_given_name(self) -> list[float | None]:
        """Per comparison, the u of its top level among pairs whose names agree."""
    @property
    def same_name_same_person(self) -> float:
        """The share of pairs of records of one name that are one person."""
    @property
    def prior_estimate(self) -> dict[str, object] | None:
        """How the prior was estimated, or None for a model given its prior."""
    def parameters(self, settings_json: str) -> pl.DataFrame:
        """m, u and weight (bits) of every comparison level, labelled by the settings."""
    def training_history(self) -> pl.DataFrame:
        """Every EM iteration, then the prior (see ``Linker.training_history``)."""
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Callable[[str], Model], tuple[str]]: ...

def evidence_bits(m: float, u: float) -> float:
    """The weight of evidence, bits, of an observation: log2(m / u)."""

def odds_bits(p: float) -> float:
    """A probability as a match weight: the log2 of its odds."""

def probability(weight: float) -> float:
    """The match probability of a match weight (bits)."""

def probabilities(weights: pl.Series) -> pl.Series:
    """The match probability of each weight of a Float64 series (nulls kept)."""

@final
class LinkData:
    """Records read for linking (standardised, in record-id order)."""

    def build_indices(self) -> None: ...
    def grow(
        self, model: Model, df: pl.DataFrame, reference_year: int, floor: float
    ) -> tuple[pl.DataFrame, pl.DataFrame]: ...
    def cluster_within(
        self,
        model: Model,
        scope: list[str],
        pairs: tuple[list[str], list[str], list[float]],
        must_link: tuple[list[str], list[str]],
        cannot_link: tuple[list[str], list[str]],
    ) -> list[int]: ...
    def settings_json(self) -> str: ...
    def dropped(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def count_pairs(self) -> pl.DataFrame: ...
    def train(self, labels: tuple[list[str], list[str]] | None = None) -> Model: ...
    def predict(self, model: Model, threshold: float) -> tuple[pl.DataFrame, pl.DataFrame]: ...
    def resolve(
        self,
        labels: tuple[list[str], list[str]] | None = None,
        model: Model | None = None,
        pairs_above: float = 0.0,
        on_step: Callable[[str], object] | None = None,
        must_link: tuple[list[str], list[str]] | None = None,
        cannot_link: tuple[list[str], list[str]] | None = None,
    ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, Model]: ...
    def cluster(
        self, pairs: pl.DataFrame, threshold: float, model: Model | None = None
    ) -> pl.DataFrame: ...
    def explain(self, model: Model, a: str, b: str) -> pl.DataFrame: ...
    def match_records(
        self, model: Model, df: pl.DataFrame, reference_year: int, threshold: float
    ) -> pl.DataFrame: ...

def link_data(
    df: pl.DataFrame, settings_json: str, reference_year: int
) -> tuple[LinkData, pl.DataFrame]: ...
def evaluate_clusters(predicted: pl.Series, truth: pl.Series) -> pl.DataFrame: ...
def evaluate_pairs(
    truth_l: pl.Series,
    truth_r: pl.Series,
    probability: pl.Series,
    truth: pl.Series,
    thresholds: list[float],
) -> pl.DataFrame: ...
def summarise_entities(clusters: pl.DataFrame, standardised: pl.DataFrame) -> pl.DataFrame: ...
def default_settings(link_type: str = "dedupe") -> str: ...
def validate_settings(settings_json: str) -> str: ...
def comparison_levels(settings_json: str) -> list[tuple[str, list[str]]]: ...
def case_networks(
    cases: pl.DataFrame, subjects: pl.DataFrame, objects: pl.DataFrame, rules_json: str
) -> list[pl.DataFrame]: ...
def case_chain(links: pl.DataFrame, source: str, target: str) -> list[int] | None: ...
def outcome_summary(
    df: pl.DataFrame,
    cases: pl.DataFrame | None,
    entities: pl.DataFrame | None,
    missing_case: str | None,
    fx_years: list[int],
    fx_currencies: list[str],
    fx_rates: list[float],
    period: str,
    as_of: str | None,
    currency: str,
    dismantled_min_convicted: int,
    confidence: float,
) -> tuple[pl.DataFrame, pl.DataFrame]: ...
def outcome_time_to(
    df: pl.DataFrame,
    cases: pl.DataFrame | None,
    missing_case: str | None,
    start: str,
    end: str,
    competing: list[str],
    period: str,
    as_of: str | None,
    confidence: float,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]: ...
def outcome_reconcile(
    df: pl.DataFrame,
    cases: pl.DataFrame | None,
    entities: pl.DataFrame | None,
    missing_case: str | None,
    period: str,
    as_of: str | None,
) -> tuple[pl.DataFrame, pl.DataFrame]: ...
