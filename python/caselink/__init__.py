"""caselink: deduplicate suspect records, link cases across jurisdictions and count
outcomes correctly, with a Rust core and a polars interface.

>>> import caselink
>>> data = caselink.datasets.synthetic(people=200, seed=1)
>>> data.persons.height
200
"""

from caselink import charts, datasets, fields, metrics, outcome_stats, progress, similarity
from caselink._core import Model, __version__
from caselink.exceptions import (
    CaselinkError,
    ColumnNotFoundError,
    InvalidInputError,
    SchemaError,
    StoreBusyError,
    StoreError,
    StoreVersionError,
)
from caselink.linker import Linker
from caselink.linking import dedupe, link
from caselink.metrics import evaluate
from caselink.networks import CaseNetworks, link_cases
from caselink.outcome_stats import (
    TimeToOutcome,
    outcome_issues,
    outcomes,
    reconcile,
    time_to_outcome,
)
from caselink.progress import set_progress
from caselink.results import Resolution
from caselink.settings import Settings
from caselink.standardisation import standardise
from caselink.store import IngestReport, Store

__all__ = [
    "CaseNetworks",
    "CaselinkError",
    "ColumnNotFoundError",
    "IngestReport",
    "InvalidInputError",
    "Linker",
    "Model",
    "Resolution",
    "SchemaError",
    "Settings",
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreVersionError",
    "TimeToOutcome",
    "__version__",
    "charts",
    "datasets",
    "dedupe",
    "evaluate",
    "fields",
    "link",
    "link_cases",
    "metrics",
    "outcome_issues",
    "outcome_stats",
    "outcomes",
    "progress",
    "reconcile",
    "set_progress",
    "similarity",
    "standardise",
    "time_to_outcome",
]
