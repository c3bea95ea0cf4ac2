"""Type stubs for the Rust extension. The public API is in caselink/*.py."""

from collections.abc import Callable
from typing import final

import polars as pl

__all__ = [
    "CaselinkError",
    "ColumnNotFoundError",
    "InvalidInputError",
    "LinkData",
    "SchemaError",
    "__version__",
    "case_chain",
    "case_networks",
    "comparison_levels",
    "default_settings",
    "evaluate_clusters",
    "evaluate_pairs",
    "link_data",
    "outcome_reconcile",
    "outcome_summary",
    "outcome_time_to",
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
class LinkData:
    """Records read for linking (standardised, in record-id order)."""

    def settings_json(self) -> str: ...
    def dropped(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def count_pairs(self) -> pl.DataFrame: ...
    def train(self, labels: tuple[list[str], list[str]] | None = None) -> str: ...
    def predict(self, model_json: str, threshold: float) -> tuple[pl.DataFrame, pl.DataFrame]: ...
    def resolve(
        self,
        labels: tuple[list[str], list[str]] | None = None,
        model_json: str | None = None,
        pairs_above: float = 0.0,
        on_step: Callable[[str], object] | None = None,
    ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, str]: ...
    def cluster(
        self, pairs: pl.DataFrame, threshold: float, model_json: str | None = None
    ) -> pl.DataFrame: ...
    def explain(self, model_json: str, a: str, b: str) -> pl.DataFrame: ...
    def match_records(
        self, model_json: str, df: pl.DataFrame, reference_year: int, threshold: float
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
