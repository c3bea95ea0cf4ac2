"""Small, self-contained HTML for Jupyter's rich display (``_repr_html_``).

Every object renders as a *card*: a title line with a status badge, then sections that are
either key/value facts or small tables. Inline styles only (no scripts, no external CSS or
fonts), so the output survives export to HTML and looks the same offline. New result
types (case networks, outcomes) build their cards from the same pieces.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from caselink.linker import Linker
    from caselink.networks import CaseNetworks
    from caselink.results import Resolution
    from caselink.settings import Settings

_BOX = (
    "font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 13px; "
    "border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; "
    "display: inline-block; max-width: 100%; overflow-x: auto"
)
_TITLE = "font-weight: 600; font-size: 14px; margin-bottom: 4px"
_HEADING = "font-weight: 600; margin: 8px 0 2px 0; color: #57606a"
_TABLE = "border-collapse: collapse; margin: 0"
_CELL = "padding: 1px 10px 1px 0; text-align: left; vertical-align: top; border: none"
_NUM = "padding: 1px 10px 1px 0; text-align: right; vertical-align: top; border: none"
_HEAD = f"{_CELL}; color: #57606a; font-weight: 600; border-bottom: 1px solid #d0d7de"
_KEY = f"{_CELL}; color: #57606a; font-weight: normal; white-space: nowrap"
# Between a comparison's levels, best first (a single right-pointing angle quotation mark).
_THEN = " \u203a "
_BADGE_COLOURS = {"ok": ("#1a7f37", "#dafbe1"), "warn": ("#9a6700", "#fff8c5")}


def esc(value: Any) -> str:
    """Text for HTML: escaped, numbers with thousands separators, floats short."""
    return html.escape(_plain(value))


def badge(text: str, kind: str = "ok") -> str:
    """A coloured label: ``kind`` is ``"ok"`` (green) or ``"warn"`` (amber)."""
    fg, bg = _BADGE_COLOURS[kind]
    return (
        f'<span style="color: {fg}; background: {bg}; border-radius: 10px; '
        f'padding: 0 7px; font-size: 12px; font-weight: 600">{esc(text)}</span>'
    )


def facts_html(facts: Iterable[tuple[str, Any]]) -> str:
    """Key/value rows."""
    rows = "".join(
        f'<tr><th style="{_KEY}">{esc(k)}</th><td style="{_CELL}">{esc(v)}</td></tr>'
        for k, v in facts
    )
    return f'<table style="{_TABLE}">{rows}</table>'


def table_html(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A small table; numbers are right-aligned."""
    head = "".join(f'<th style="{_HEAD}">{esc(h)}</th>' for h in header)

    def cell(v: Any) -> str:
        numeric = isinstance(v, int | float) and not isinstance(v, bool)
        return f'<td style="{_NUM if numeric else _CELL}">{esc(v)}</td>'

    body = "".join("<tr>" + "".join(cell(v) for v in row) + "</tr>" for row in rows)
    return f'<table style="{_TABLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


@dataclass
class Card:
    """One object's display: a title, an optional badge, and sections.

    ``add_facts`` and ``add_table`` append sections; :meth:`html` renders the card and
    :meth:`text` a plain-text version for ``__repr__``.
    """

    title: str
    status: str | None = None
    status_kind: str = "ok"
    sections: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def add_facts(self, heading: str, facts: Sequence[tuple[str, Any]]) -> Card:
        text = [f"{k}: {_plain(v)}" for k, v in facts]
        self.sections.append((heading, facts_html(facts), text))
        return self

    def add_table(self, heading: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Card:
        cells = [list(header), *([_plain(v) for v in row] for row in rows)]
        widths = [max(len(r[k]) for r in cells) for k in range(len(header))]
        text = [
            "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells
        ]
        self.sections.append((heading, table_html(header, rows), text))
        return self

    def html(self) -> str:
        status = f" {badge(self.status, self.status_kind)}" if self.status else ""
        parts = [f'<div style="{_BOX}">', f'<div style="{_TITLE}">{esc(self.title)}{status}</div>']
        for heading, body, _ in self.sections:
            if heading:
                parts.append(f'<div style="{_HEADING}">{esc(heading)}</div>')
            parts.append(body)
        parts.append("</div>")
        return "".join(parts)

    def text(self) -> str:
        status = f" ({self.status})" if self.status else ""
        lines = [f"{self.title}{status}"]
        for heading, _, body in self.sections:
            indent = "  "
            if heading:
                lines.append(f"  {heading}:")
                indent = "    "
            lines.extend(f"{indent}{line}" for line in body)
        return "\n".join(lines)


def _plain(value: Any) -> str:
    """Plain text: numbers with thousands separators, floats short, None empty."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.4g}"
    return "" if value is None else str(value)


# --- the cards of caselink's objects --------------------------------------------------------


def _rule_text(rule: Mapping[str, Any]) -> str:
    columns = rule.get("columns")
    return f"{rule['rule']} ({', '.join(columns)})" if columns else str(rule["rule"])


def _blocking_facts(settings: Settings) -> tuple[str, Any]:
    return ("blocking (any of)", "; ".join(_rule_text(r) for r in settings.blocking_rules))


def settings_card(settings: Settings) -> Card:
    """Settings: cut-offs, comparisons with their levels, blocking rules."""
    card = Card(f"caselink Settings · {settings.link_type}", f"format v{settings.version}")
    card.add_facts(
        "",
        [
            ("threshold", settings.threshold),
            ("veto", settings.veto),
            (
                "max block",
                f"{settings.max_block:,} records (then a window of {settings.block_window:,})",
            ),
            ("u samples", settings.u_samples),
            ("seed", settings.seed),
            _blocking_facts(settings),
        ],
    )
    levels = settings.levels()
    rows = []
    for comparison, (name, labels) in zip(settings.comparisons, levels.items(), strict=False):
        rows.append([name, comparison.get("kind", ""), len(labels), _THEN.join(labels)])
    card.add_table("comparisons", ["comparison", "kind", "levels", "levels, best first"], rows)
    return card


def linker_card(linker: Linker) -> Card:
    """A linker: trained or not, the data it read, and what each level is worth."""
    model = linker.model
    settings = linker.settings_used
    trained = model is not None
    card = Card(
        f"caselink Linker · {settings.link_type}",
        "trained" if trained else "not trained",
        "ok" if trained else "warn",
    )
    facts: list[tuple[str, Any]] = []
    if linker._loaded is not None:
        facts.append(("records read", len(linker._loaded.data)))
    if model is not None:
        prior = model.prior
        sessions = model.sessions
        facts += [
            ("trained on", f"{model.n_records:,} records"),
            ("prior", f"{prior:.3g} (1 in {1 / prior:,.0f} comparable pairs)" if prior else 0.0),
            ("m estimated from", ", ".join(sessions) or "labels"),
        ]
    else:
        facts.append(("next", "train(records) or resolve(records)"))
    facts += [("threshold", settings.threshold), ("veto", settings.veto)]
    facts.append(_blocking_facts(settings))
    card.add_facts("", facts)
    levels = settings.levels()
    if model is not None:
        rows = []
        weights = linker.parameters.group_by("comparison", maintain_order=True).agg("weight")
        for name, ws in weights.iter_rows():
            rows.append([name, len(ws), _THEN.join(f"{w:+.1f}" for w in ws)])
        card.add_table(
            "comparisons (weight of each level in bits, best first)",
            ["comparison", "levels", "weights"],
            rows,
        )
    else:
        rows = [[name, len(labels), _THEN.join(labels)] for name, labels in levels.items()]
        card.add_table("comparisons", ["comparison", "levels", "levels, best first"], rows)
    return card


def resolution_card(res: Resolution) -> Card:
    """A resolution: records to entities, pairs, blocking, and the charts on offer."""
    settings = res.linker.settings
    n_records, n_entities = res.clusters.height, res.entities.height
    card = Card(
        f"caselink Resolution · {settings.link_type}",
        f"{n_records:,} records → {n_entities:,} entities",
    )
    facts: list[tuple[str, Any]] = [("records", n_records), ("entities", n_entities)]
    if "records" in res.entities.columns and n_entities:
        sizes = res.entities["records"]
        facts += [
            ("entities of 2+ records", int((sizes > 1).sum())),
            ("largest entity", f"{int(sizes.max() or 0):,} records"),  # type: ignore[arg-type]
        ]
    scored = res.blocking["new_pairs"].sum() if "new_pairs" in res.blocking.columns else None
    facts.append(("pairs scored", res.pairs.height if scored is None else int(scored)))
    facts.append(("pairs kept in .pairs", res.pairs.height))
    if "match_probability" in res.pairs.columns:
        above = int((res.pairs["match_probability"] >= settings.threshold).sum())
        facts.append((f"pairs ≥ threshold {settings.threshold:g}", above))
    card.add_facts("", facts)
    blocking = res.blocking
    shown = [c for c in ("rule", "pairs", "new_pairs", "skipped_blocks", "skipped_pairs")
             if c in blocking.columns]  # fmt: skip
    if shown and blocking.height:
        card.add_table(
            "blocking", [c.replace("_", " ") for c in shown], blocking.select(shown).rows()
        )
    model = res.model
    comparisons = ", ".join(model.comparisons) if model else "(not trained)"
    card.add_facts(
        "",
        [
            ("model", comparisons),
            (
                "charts",
                "chart_match_weights(), chart_cluster_sizes(), chart_waterfall(a, b), "
                "chart_parameters(), chart_precision_recall(truth)",
            ),
        ],
    )
    return card


def networks_card(nets: CaseNetworks) -> Card:
    """Case networks: how many, how many cross borders, what was held back, issues."""
    networks, evidence = nets.networks, nets.evidence
    held = evidence.filter(evidence["decision"] != "used")
    card = Card(
        "caselink CaseNetworks",
        f"{nets.cases.height:,} cases → {networks.height:,} networks",
        "warn" if nets.issues.height else "ok",
    )
    facts: list[tuple[str, Any]] = [
        ("cases", nets.cases.height),
        ("networks", networks.height),
        ("of 2+ cases", int((networks["n_cases"] > 1).sum()) if networks.height else 0),
        ("cross-border", int(networks["cross_border"].sum()) if networks.height else 0),
        ("persons", nets.persons.height),
        ("links", nets.links.height),
        ("items held back", held.height),
        ("issues", nets.issues.height),
    ]
    card.add_facts("", facts)
    if networks.height:
        top = networks.head(5).select("network_id", "n_cases", "n_persons", "jurisdictions")
        rows = [(r[0], r[1], r[2], ", ".join(r[3])) for r in top.rows()]
        card.add_table("largest networks", ["network", "cases", "persons", "jurisdictions"], rows)
    card.add_facts("", [("explain / chart", "explain(case_a, case_b), chart(network_id)")])
    return card
