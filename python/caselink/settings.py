"""Model settings: plain, versioned data that round-trips through JSON.

The Rust core owns the format (serde); this class is a typed, immutable view of it, so a
settings file written here reads the same in a pipeline, a notebook or a later release
that still speaks its ``version``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from caselink._core import comparison_levels, default_settings, validate_settings
from caselink._display import settings_card

__all__ = ["Settings"]

LinkType = Literal["dedupe", "link", "link_and_dedupe"]


@dataclasses.dataclass(frozen=True)
class Settings:
    """What to compare, how to block and where to cut.

    Attributes
    ----------
    link_type
        ``"dedupe"`` (one set), ``"link"`` (pairs across two sets only) or
        ``"link_and_dedupe"`` (across and within two sets).
    comparisons
        Ordered comparisons, each a dict with a ``kind``: the person comparisons
        ``name``, ``date_of_birth``, ``nationality``, ``phone``, ``gender`` (on the
        standardised fields), and the generic ``text`` (exact, then Jaro-Winkler bands
        ``thresholds``), ``code`` (exact, one edit, two edits) and ``exact``, each on a
        ``column``. ``term_frequency`` (default true) makes a common value agreeing count
        for less than a rare one.
    blocking_rules
        Rules OR-ed to find candidate pairs, each a dict with a ``rule``:
        ``name_key_and_year``, ``two_name_keys``, ``nickname_and_name_key`` (the
        nickname group of one name token and the key of another: Tom Smith and Thomas
        Smith), ``name_key_and_day_month``, ``phone``, ``dob_and_nationality``, ``dob``,
        ``columns`` (``{"rule": "columns",
        "columns": [...]}``: the same normalised value in every column) or
        ``email_user`` (``{"rule": "email_user", "column": "email"}``: the same user
        name before the ``@``) or ``name_key_and_column`` (``{"rule":
        "name_key_and_column", "column": "city"}``: a name key and the same value).
    threshold
        Match probability above which pairs may join an entity.
    veto
        A scored pair below this probability keeps its two clusters apart.
    max_block
        Blocks with more records than this (a common name in a common year) are not
        compared in full: each record meets only its ``block_window`` neighbours after
        sorting the block by name keys and date of birth. Such blocks are reported with
        the pairs left out (``Linker.count_pairs``), never silently.
    block_window
        Neighbours compared per record in a block over ``max_block`` (0 skips the block).
    u_samples
        Random pairs drawn to estimate u.
    seed
        For the random pairs.
    earliest_birth_year
        The earliest plausible year of birth, for every source. ``None`` (default) keeps
        each profile's own: 1900 for the agencies' profiles (living suspects), none for
        ``auto`` and the generic conventions. Dates outside the plausible years are kept
        and compared all the same, with ``dob_quality`` ``implausible`` and an issue: set
        this to say what is plausible for your data (e.g. 1600 for historical records).
    version
        Format version of the JSON.

    Examples
    --------
    >>> import caselink
    >>> s = caselink.Settings.for_people()
    >>> [c["kind"] for c in s.comparisons][:5]
    ['name', 'date_of_birth', 'nationality', 'phone', 'gender']
    >>> caselink.Settings.from_json(s.to_json()) == s
    True
    >>> s.replace(threshold=0.9).threshold
    0.9
    """

    link_type: LinkType
    comparisons: tuple[Mapping[str, Any], ...]
    blocking_rules: tuple[Mapping[str, Any], ...]
    threshold: float = 0.5
    veto: float = 0.001
    max_block: int = 40
    block_window: int = 15
    u_samples: int = 200_000
    seed: int = 42
    earliest_birth_year: int | None = None
    version: int = 1

    def __post_init__(self) -> None:
        # The core validates and fills in defaults; keep its canonical form.
        canonical = json.loads(validate_settings(json.dumps(self._raw())))
        object.__setattr__(self, "comparisons", tuple(canonical["comparisons"]))
        object.__setattr__(self, "blocking_rules", tuple(canonical["blocking_rules"]))

    def _raw(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "link_type": self.link_type,
            "comparisons": [dict(c) for c in self.comparisons],
            "blocking_rules": [dict(r) for r in self.blocking_rules],
            "threshold": self.threshold,
            "veto": self.veto,
            "max_block": self.max_block,
            "block_window": self.block_window,
            "u_samples": self.u_samples,
            "seed": self.seed,
            "earliest_birth_year": self.earliest_birth_year,
        }

    @classmethod
    def for_people(cls, link_type: LinkType = "dedupe") -> Settings:
        """Defaults for the canonical person schema of :func:`caselink.standardise`:
        names, date of birth, nationality, phone and gender, plus e-mail, address, city,
        postcode and id number. Comparisons whose inputs the records lack are dropped when
        the records are read (see ``Linker.settings_used``)."""
        return cls.from_json(default_settings(link_type))

    @classmethod
    def from_json(cls, text: str | Path) -> Settings:
        """Reads settings from JSON text or a ``.json`` file."""
        if isinstance(text, Path):
            text = text.read_text(encoding="utf-8")
        data = json.loads(validate_settings(text))
        return cls(
            link_type=data["link_type"],
            comparisons=tuple(data["comparisons"]),
            blocking_rules=tuple(data["blocking_rules"]),
            threshold=data["threshold"],
            veto=data["veto"],
            max_block=data["max_block"],
            block_window=data["block_window"],
            u_samples=data["u_samples"],
            seed=data["seed"],
            earliest_birth_year=data.get("earliest_birth_year"),
            version=data["version"],
        )

    def to_json(self) -> str:
        return validate_settings(json.dumps(self._raw()))

    def to_dict(self) -> dict[str, Any]:
        return json.loads(self.to_json())

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (validated)."""
        return dataclasses.replace(self, **changes)

    def with_comparisons(self, *comparisons: Mapping[str, Any]) -> Settings:
        """A copy with more comparisons, e.g.
        ``with_comparisons({"kind": "text", "column": "vessel_name"})``."""
        return self.replace(comparisons=(*self.comparisons, *comparisons))

    def with_blocking_rules(self, *rules: Mapping[str, Any]) -> Settings:
        """A copy with more blocking rules, e.g. ``{"rule": "columns", "columns": ["hin"]}``."""
        return self.replace(blocking_rules=(*self.blocking_rules, *rules))

    def levels(self) -> dict[str, list[str]]:
        """The level labels of every comparison, best first."""
        return dict(comparison_levels(self.to_json()))

    def comparison_names(self) -> list[str]:
        return list(self.levels())

    def __repr__(self) -> str:
        return settings_card(self).text()

    def _repr_html_(self) -> str:
        return settings_card(self).html()


def _column_names(settings: Settings) -> Sequence[str]:
    """Generic columns the settings read."""
    cols = [c["column"] for c in settings.comparisons if "column" in c]
    cols += [c for r in settings.blocking_rules for c in r.get("columns", ())]
    return list(dict.fromkeys(cols))
