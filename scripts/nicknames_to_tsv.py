"""Convert the names.csv of the `nicknames` package into src/link/data/nicknames.tsv.

The source is the PyPI package ``nicknames`` 1.0.1 by Carlton Northern and Nick Crews
(Apache-2.0, https://github.com/carltonnorthern/nicknames). Each csv row is
``name1,has_nickname,name2``; the tsv has one line per canonical name,
``canonical<TAB>nick1,nick2,...``, canonical names and nicknames sorted, so the output
depends only on the input. Names are written as in the csv (no name added or removed).

    python scripts/nicknames_to_tsv.py path/to/nicknames/names.csv [out.tsv]
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src" / "link" / "data" / "nicknames.tsv"
HEADER = (
    "# nicknames 1.0.1 (Carlton Northern, Nick Crews; Apache-2.0; "
    "https://github.com/carltonnorthern/nicknames): names.csv regrouped by "
    "scripts/nicknames_to_tsv.py, see NICKNAMES_LICENSE\n"
)


def convert(csv_path: Path) -> str:
    groups: dict[str, set[str]] = defaultdict(set)
    with csv_path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["name1", "relationship", "name2"]:
            raise SystemExit(f"{csv_path}: unexpected columns {reader.fieldnames}")
        for line, row in enumerate(reader, start=2):
            if row["relationship"] != "has_nickname":
                raise SystemExit(f"{csv_path}:{line}: relationship {row['relationship']!r}")
            name, nick = row["name1"].strip(), row["name2"].strip()
            for value in (name, nick):
                if not value or any(c in value for c in "\t,\n"):
                    raise SystemExit(f"{csv_path}:{line}: name {value!r} cannot be written")
            groups[name].add(nick)
    lines = [f"{name}\t{','.join(sorted(nicks))}\n" for name, nicks in sorted(groups.items())]
    return HEADER + "".join(lines)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    out = Path(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_OUT
    out.write_text(convert(Path(sys.argv[1])), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
