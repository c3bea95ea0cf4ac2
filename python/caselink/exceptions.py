"""Exceptions raised by caselink.

Every error caselink raises is a :class:`CaselinkError`; the subclasses say what kind of
problem it is, and the message names the column or argument, the offending value and
what would fix it.
"""

from caselink._core import (
    CaselinkError,
    ColumnNotFoundError,
    InvalidInputError,
    SchemaError,
    StoreBusyError,
    StoreError,
    StoreVersionError,
)

__all__ = [
    "CaselinkError",
    "ColumnNotFoundError",
    "InvalidInputError",
    "SchemaError",
    "StoreBusyError",
    "StoreError",
    "StoreVersionError",
]
