"""Bad input on every public entry point (issue 8): a typed CaselinkError naming the column
and the fix, or, row by row, a null plus an entry in ``issues``; never a crash, never a
record dropped or repeated (every input record exactly once in every output)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

import polars as pl
import pytest

import caselink
from caselink import ColumnNotFoundError, InvalidInputError, SchemaError, fields, similarity

S = pl.String
TEN_MB = 10_000_000


@pytest.fixture(autouse=True)
def _no_progress_bars() -> None:
    caselink.set_progress(False)


def _frame(names: list[str | None], dobs: list[str | None] | None = None) -> pl.DataFrame:
    n = len(names)
    return pl.DataFrame(
        {
            "record_id": [f"r{i}" for i in range(n)],
            "full_name": names,
            "dob": dobs if dobs is not None else ["14/03/1990"] * n,
        },
        schema={"record_id": S, "full_name": S, "dob": S},
    )


def _objects(case_ids: list[str], values: list[str | None]) -> pl.DataFrame:
    kinds = ["phone", "boat", "engine", "vehicle", "iban", "tattoo"]
    return pl.DataFrame(
        {
            "case_id": case_ids,
            "object_type": [kinds[i % len(kinds)] for i in range(len(case_ids))],
            "value": values,
        },
        schema={"case_id": S, "object_type": S, "value": S},
    )


def _every_record_once(records: pl.DataFrame) -> None:
    """Runs records through standardise, dedupe, link and link_cases, and checks that each
    output holds every input record exactly once, in the input order where promised."""
    ids = records["record_id"].to_list()
    std = caselink.standardise(records)
    assert std["record_id"].to_list() == ids

    resolved = caselink.dedupe(records)
    assert resolved.clusters["record_id"].to_list() == ids
    assert resolved.clusters["entity_id"].null_count() == 0
    assert resolved.standardised.height == records.height
    assert int(resolved.entities["records"].sum()) == records.height

    half = records.height // 2
    linked = caselink.link(records.head(half), records.slice(half))
    assert sorted(linked.clusters["record_id"].to_list()) == sorted(ids)

    case_ids = [f"c{i}" for i in range(records.height)]
    cases = pl.DataFrame({"case_id": case_ids, "jurisdiction": ["FR"] * len(ids)})
    subjects = pl.DataFrame(
        {"case_id": case_ids, "record_id": ids}, schema={"case_id": S, "record_id": S}
    )
    objects = _objects(case_ids, records["full_name"].to_list())
    nets = caselink.link_cases(cases, subjects, objects, resolved)
    assert nets.cases["case_id"].to_list() == case_ids
    assert nets.objects.height == objects.height
    # an object that cannot be used is listed in issues, never dropped silently
    unusable = nets.objects.filter(pl.col("status") != "valid").height
    assert nets.issues.filter(pl.col("table") == "case_objects").height == unusable


# --- frames: empty, single row, all-null -------------------------------------------------


def test_empty_frames_on_every_entry_point() -> None:
    _every_record_once(_frame([]))
    empty = caselink.dedupe(_frame([]))
    assert empty.pairs.height == 0
    assert empty.entities.height == 0


def test_single_row_on_every_entry_point() -> None:
    _every_record_once(_frame(["Kaiwan POORE"]))
    assert caselink.dedupe(_frame(["Kaiwan POORE"])).clusters.rows() == [("r0", "r0")]


@pytest.mark.parametrize("dtype", [pl.String, pl.Null])
def test_all_null_columns(dtype: pl.DataType) -> None:
    frame = _frame([None] * 4, [None] * 4).with_columns(
        pl.col("full_name", "dob").cast(dtype), pl.lit(None, dtype).alias("nationality")
    )
    std = caselink.standardise(frame)
    assert std["dob_quality"].to_list() == ["missing"] * 4
    assert std["full_name_norm"].null_count() == 4
    assert std["name_keys"].to_list() == [[]] * 4
    assert std["nationality"].null_count() == 4
    _every_record_once(frame.with_columns(pl.col("full_name", "dob").cast(S)))
    # nothing to compare: every record is its own entity, none merged on missing values
    clusters = caselink.dedupe(frame).clusters
    assert clusters["entity_id"].to_list() == clusters["record_id"].to_list()


# --- ids and dtypes: typed errors naming the column and the fix ----------------------------


def _ids(ids: list) -> pl.DataFrame:
    return pl.DataFrame(
        {"record_id": ids, "full_name": ["Ali Khan", "Ali Kan", "Sara Khan"][: len(ids)]}
    )


ENTRY_POINTS: dict[str, Callable[[pl.DataFrame], object]] = {
    "standardise": caselink.standardise,
    "dedupe": caselink.dedupe,
    "link": lambda f: caselink.link(f.head(1), f.slice(1)),
    "link_cases": lambda f: caselink.link_cases(
        pl.DataFrame({"case_id": ["c1"]}),
        pl.DataFrame({"case_id": ["c1"], "record_id": ["x"]}),
        _objects([], []),
        f,
    ),
}

BAD_FRAMES = [
    # (frame, error, what the message must say: the column and the fix)
    (_ids(["a", None, "c"]), InvalidInputError, r"'record_id'.*1 null ids.*fill them"),
    (_ids(["a", "b", "a"]), InvalidInputError, r"ids.*e\.g\. \['a'\].*unique"),
    (_ids([[1], [2], [3]]), SchemaError, r"'record_id'.*List.*text or numbers"),
    (_ids([1.0, 1.0, 2.0]), InvalidInputError, r"ids.*e\.g\. \[1\.0\].*unique"),
    (
        pl.DataFrame({"record_id": ["a", "b"], "full_name": [1, 2]}),
        SchemaError,
        r"'full_name'.*Int64.*cast\(pl.String\)",
    ),
    (
        pl.DataFrame({"record_id": ["a", "b"], "full_name": ["x", "y"], "dob": [1.5, 2.0]}),
        SchemaError,
        r"'dob'.*Float64.*cast\(pl.String\)",
    ),
    (pl.DataFrame({"id": ["a"], "full_name": ["x"]}), ColumnNotFoundError, r"record_id"),
    (
        pl.DataFrame({"record_id": ["a"], "dob": ["x"]}),
        ColumnNotFoundError,
        r"no name column.*columns=",
    ),
]


@pytest.mark.parametrize("entry", list(ENTRY_POINTS))
@pytest.mark.parametrize(("frame", "error", "message"), BAD_FRAMES)
def test_bad_frames_raise_typed_errors(
    entry: str, frame: pl.DataFrame, error, message: str
) -> None:
    with pytest.raises(error, match=message) as raised:
        ENTRY_POINTS[entry](frame)
    assert isinstance(raised.value, caselink.CaselinkError)


def test_strings_in_a_date_column_are_row_level_issues() -> None:
    std = caselink.standardise(_frame(["Ali Khan", "Sara Khan"], ["hello", "1990-13-45"]))
    assert std["dob"].null_count() == 2
    assert std["dob_quality"].to_list() == ["invalid", "invalid"]
    assert [len(i) for i in std["issues"].to_list()] == [1, 1]
    assert "'hello'" in std["issues"][0][0]
    # yyyymmdd dates read as integers by a CSV reader are text to us
    ints = _frame(["a", "b"]).with_columns(pl.Series("dob", [19900314, 20251301]))
    std = caselink.standardise(ints)
    assert std["dob"].to_list()[0].isoformat() == "1990-03-14"
    assert "'20251301'" in " ".join(std["issues"][1])


def test_fields_and_similarity_reject_mixed_types() -> None:
    with pytest.raises(SchemaError, match="values must be strings"):
        fields.phone_e164([1, 2])  # type: ignore[list-item]
    with pytest.raises(SchemaError, match=r"a must hold strings.*str\(\)"):
        similarity.name([1, "a"], ["a", "b"])  # type: ignore[list-item]
    with pytest.raises(SchemaError, match="Int64"):
        similarity.name([1, 2], ["a", "b"])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match="same length"):
        similarity.name(["a", "b"], ["c"])


# --- scripts, invisible characters, emoji ------------------------------------------------

ODD_NAMES = {
    "arabic": ("محمد أحمد", ["mhmd", "hmd"]),
    "cyrillic": ("Иван Петров", ["awan", "patrw"]),
    "mixed": ("Ali Иванов محمد", ["alai", "awanw", "mhmd"]),
    "zero_width_bidi": ("A\u200bli\u200f \u202eKhan\u2066", ["alai", "han"]),
    "nbsp": ("Ali\u00a0Khan", ["alai", "han"]),
    "bom_soft_hyphen": ("\ufeffAli Kh\u00adan", ["alai", "han"]),
    "emoji_around": ("😀 Ali Khan 🚤", ["alai", "han"]),
    "flag_and_zwj": ("🇮🇶 Ali 👨\u200d👩 Khan", ["alai", "han"]),
}


@pytest.mark.parametrize("case", list(ODD_NAMES))
def test_odd_characters_are_keyed_or_dropped(case: str) -> None:
    text, keys = ODD_NAMES[case]
    std = caselink.standardise(_frame([text]))
    assert sorted(std["name_keys"][0].to_list()) == sorted(keys)
    norm = std["full_name_norm"][0]
    assert norm.isascii(), norm
    assert norm.isprintable(), norm


def test_only_emoji_or_invisible_is_no_name() -> None:
    std = caselink.standardise(_frame(["😀", "\u200b\u200f", "\u00a0"]))
    assert std["full_name_norm"].null_count() == 3
    assert ["no usable name" in " ".join(i) for i in std["issues"].to_list()] == [True] * 3


def test_no_usable_name_names_the_columns_given() -> None:
    only_full = pl.DataFrame({"record_id": ["a", "b", "c"], "full_name": ["", "\u00a0", "😀"]})
    issues = caselink.standardise(only_full)["issues"].to_list()
    assert issues == [["name: no usable name in full_name"]] * 3
    separate = pl.DataFrame(
        {
            "record_id": ["a", "b", "c"],
            "given_name": ["", " ", "Ali"],
            "family_name": [None, "\u00a0", "😀"],
        }
    )
    issues = caselink.standardise(separate)["issues"].to_list()
    assert issues == [
        ["name: no usable name in given_name"],
        ["name: no usable name in given_name/family_name"],
        [],  # one usable part is a name
    ]


def test_odd_names_keep_every_record() -> None:
    names = [text for text, _ in ODD_NAMES.values()] + ["😀", "\u200b", None, ""]
    _every_record_once(_frame(names))


# --- dates ----------------------------------------------------------------------------------

BAD_DATES = {
    "00/00/0000": "has no year",
    "31/02/1990": "is not a date",
    "1990-13-45": "is not a date",
    "0000-00-00": "has no year",
}

# Dates that are real but outside the plausible years of birth of a living suspect.
IMPLAUSIBLE_DATES = {
    "01/01/1800": "before 1900",
    "1800": "before 1900",
    "01/01/2090": "in the future",
    "2090": "in the future",
}


def test_impossible_dates_are_null_with_an_issue() -> None:
    dobs = list(BAD_DATES)
    std = caselink.standardise(_frame(["Ali Khan"] * len(dobs), dobs))
    assert std["dob"].null_count() == len(dobs)
    assert std["dob_year"].null_count() == len(dobs)
    assert set(std["dob_quality"]) == {"invalid"}
    for (dob, why), issues in zip(BAD_DATES.items(), std["issues"].to_list(), strict=True):
        assert any(dob in i and why in i for i in issues), (dob, issues)
    parsed = fields.parse_dob(dobs)
    assert parsed["dob"].null_count() == len(dobs)
    _every_record_once(_frame(["Ali Khan"] * len(dobs), dobs))


def test_implausible_dates_are_kept_and_flagged() -> None:
    dobs = list(IMPLAUSIBLE_DATES)
    std = caselink.standardise(_frame(["Ali Khan"] * len(dobs), dobs), profile="NCA")
    assert std["dob_year"].to_list() == [1800, 1800, 2090, 2090]
    assert std["dob"].to_list()[0] == date(1800, 1, 1)
    assert set(std["dob_quality"]) == {"implausible"}
    for (dob, why), issues in zip(IMPLAUSIBLE_DATES.items(), std["issues"].to_list(), strict=True):
        assert any(dob in i and why in i and "kept" in i for i in issues), (dob, issues)
    _every_record_once(_frame(["Ali Khan"] * len(dobs), dobs))


def test_old_dates_are_plausible_without_a_suspect_profile() -> None:
    std = caselink.standardise(_frame(["Ann Lee", "Ann Lee"], ["03/04/1820", "1820"]))
    assert std["dob_year"].to_list() == [1820, 1820]
    assert std["dob_quality"].to_list() == ["exact", "year_only"]
    assert std["dob"].to_list()[0] == date(1820, 4, 3)
    flagged = caselink.standardise(
        _frame(["Ann Lee"], ["03/04/1820"]), profile="NCA", earliest_birth_year=1800
    )
    assert flagged["dob_quality"].to_list() == ["exact"]


# --- very long strings --------------------------------------------------------------------


def test_ten_megabytes_in_one_cell() -> None:
    huge = "A" * TEN_MB
    frame = pl.DataFrame(
        {
            "record_id": ["a", "b", "c"],
            "full_name": [huge, "Ali Khan", "Ali Khan"],
            "dob": ["1" * TEN_MB, "14/03/1990", "14/03/1990"],
            "nationality": ["ü" * (TEN_MB // 2), "Iraqi", "irakien"],
            "phone": ["0" * TEN_MB, "07700 900123", None],
            "alias": [huge, None, None],
        }
    )
    started = time.perf_counter()
    std = caselink.standardise(frame)
    issues = std["issues"][0].to_list()
    # the name is cut to a bounded length and the cut reported; quoted values are short
    assert len(std["full_name_norm"][0]) <= 1024
    assert any("full_name is 10000000 bytes long" in i for i in issues), issues
    assert max(len(i) for i in issues) < 200
    assert std["dob"][0] is None
    assert std["nationality"][0] == "XXX"
    res = caselink.dedupe(frame)
    assert res.clusters["record_id"].to_list() == ["a", "b", "c"]
    assert res.clusters["entity_id"][0] == "a"  # the long name matches nobody
    assert time.perf_counter() - started < 20
    assert similarity.name([huge], ["ali khan"]).to_list() == [None]  # over MAX_CHARS: not scored
    assert fields.phone_e164(["0" * TEN_MB]).to_list() == [[]]


def test_an_overlong_alias_is_cut_and_reported() -> None:
    frame = pl.DataFrame(
        {
            "record_id": ["a", "b", "c"],
            "full_name": ["Ali Khan"] * 3,
            "alias": ["Abu Karim; " + "B" * TEN_MB, "Abu Karim; " + "B" * 1013, None],
        }
    )
    std = caselink.standardise(frame)
    assert std["issues"].to_list() == [
        ["name: alias is 10000011 bytes long; only its first 1024 bytes were read"],
        [],  # 1,024 bytes: read whole
        [],
    ]
    aliases = std["aliases"].to_list()
    assert aliases[0][0] == "abukarim"
    assert max(len(a) for a in aliases[0]) <= 1024
    assert aliases[1] == ["abukarim", "b" * 1013]


# --- memory guard: a block of 100k identical names -------------------------------------------


def test_a_giant_block_is_capped_and_reported() -> None:
    n = 100_000
    frame = pl.DataFrame(
        {
            "record_id": [f"r{i}" for i in range(n)],
            "full_name": ["Mohammed Ahmed"] * n,
            "dob": ["14/03/1990"] * n,
        }
    )
    res = caselink.dedupe(frame)
    assert res.clusters.height == n
    assert res.clusters["record_id"].is_unique().all()
    skipped = res.blocking.filter(pl.col("skipped_blocks") > 0)
    assert skipped.height >= 1  # reported, never silent
    assert skipped["largest_skipped_block"].max() == n
    # compared only within a window of 30 neighbours: pairs grow with n, not n squared
    compared = int(res.blocking["new_pairs"].sum())
    assert 0 < compared <= 30 * n
    assert res.pairs.height <= compared


# --- Ctrl-C during long Rust work -----------------------------------------------------------

_LONG_DEDUPE = """
import sys, time
import polars as pl
import caselink

n = 150_000
records = pl.DataFrame({"record_id": [f"r{i}" for i in range(n)],
                        "full_name": ["Mohammed Ahmed"] * n, "dob": ["14/03/1990"] * n})
linker = caselink.Linker()
linker.train(records)
print("ready", flush=True)
started = time.perf_counter()
try:
    if sys.argv[1] == "dedupe":
        for _ in range(3):
            caselink.dedupe(records)
    else:
        linker.predict(records)
        linker.train(records)
        linker.predict(records)
except KeyboardInterrupt:
    print(f"interrupted after {time.perf_counter() - started:.2f}", flush=True)
    sys.exit(130)
print("finished", flush=True)
"""


@pytest.mark.parametrize("call", ["predict", "dedupe"])
def test_ctrl_c_interrupts_long_rust_work(tmp_path, call: str) -> None:
    import os
    import signal
    import subprocess
    import sys

    script = tmp_path / "long_dedupe.py"
    script.write_text(_LONG_DEDUPE)
    env = {**os.environ, "CASELINK_PROGRESS": "0"}
    proc = subprocess.Popen(
        [sys.executable, str(script), call],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.5)  # inside predict's Rust work by now
    sent = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    try:
        out, _ = proc.communicate(timeout=10)
    finally:
        proc.kill()
    waited = time.perf_counter() - sent
    assert "interrupted" in out, out
    assert proc.returncode == 130
    assert waited < 2.0, waited


def test_link_errors_say_which_set() -> None:
    good = pl.DataFrame({"record_id": ["a", "b"], "full_name": ["Ali Khan", "Omar Nour"]})
    nulls = good.with_columns(pl.Series("record_id", ["c", None]))
    twice = good.with_columns(pl.Series("record_id", ["d", "d"]))
    with pytest.raises(
        caselink.InvalidInputError, match=r"^left records: column 'record_id' has 1 null"
    ):
        caselink.link(nulls, good, progress=False)
    with pytest.raises(caselink.InvalidInputError, match=r"^right records: .* duplicated ids"):
        caselink.link(good, twice, progress=False)
