"""caselink: deduplicate suspect records, link cases across jurisdictions and count
outcomes correctly, with a Rust core and a polars interface.

>>> import caselink
>>> data = caselink.datasets.synthetic(people=200, seed=1)
>>> data.persons.height
200
"""

from caselink import charts, datasets, fields, progress, similarity
from caselink._core import __version__
from caselink.exceptions import (
    CaselinkError,
    ColumnNotFoundError,
    InvalidInputError,
    SchemaError,
)
from caselink.linker import Linker
from caselink.linking import Resolution, dedupe, evaluate, link
from caselink.networks import CaseNetworks, link_cases
from caselink.outcomes import (
    TimeToOutcome,
    outcome_issues,
    outcomes,
    reconcile,
    time_to_outcome,
)
from caselink.progress import set_progress
from caselink.settings import Settings
from caselink.standardisation import standardise

__all__ = [
    "CaseNetworks",
    "CaselinkError",
    "ColumnNotFoundError",
    "InvalidInputError",
    "Linker",
    "Resolution",
    "SchemaError",
    "Settings",
    "TimeToOutcome",
    "__version__",
    "charts",
    "datasets",
    "dedupe",
    "evaluate",
    "fields",
    "link",
    "link_cases",
    "outcome_issues",
    "outcomes",
    "progress",
    "reconcile",
    "set_progress",
    "similarity",
    "standardise",
    "time_to_outcome",
]
