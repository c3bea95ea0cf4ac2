"""Type stubs for the Rust extension. The public API is in caselink/*.py."""

import polars as pl

__all__ = [
    "CaselinkError",
    "ColumnNotFoundError",
    "InvalidInputError",
    "SchemaError",
    "__version__",
    "dedupe_frame",
    "profile_names",
    "similarity_cdist",
    "similarity_pairwise",
    "standardise_frame",
    "synthetic_frames",
]

__version__: str

class CaselinkError(Exception): ...
class SchemaError(CaselinkError): ...
class ColumnNotFoundError(CaselinkError): ...
class InvalidInputError(CaselinkError): ...

def synthetic_frames(
    people: int, seed: int, rates_json: str | None = None
) -> tuple[list[tuple[str, pl.DataFrame]], str]: ...
def standardise_frame(df: pl.DataFrame, reference_year: int) -> pl.DataFrame: ...
def profile_names() -> list[str]: ...
def similarity_pairwise(a: pl.Series, b: pl.Series, scorer_name: str) -> pl.Series: ...
def similarity_cdist(a: pl.Series, b: pl.Series, scorer_name: str) -> pl.Series: ...
def dedupe_frame(
    df: pl.DataFrame, reference_year: int, threshold: float, seed: int
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame, str]: ...
