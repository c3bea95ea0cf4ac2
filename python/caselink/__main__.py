"""Command line: ``caselink demo`` (also ``python -m caselink demo``)."""

from __future__ import annotations

import argparse
import sys

from caselink.demo import run_demo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="caselink",
        description="Record linkage, case networks and outcome statistics.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser(
        "demo", help="run every stage on the built-in synthetic data and print the results"
    )
    demo.add_argument("--people", type=int, default=5_000, help="true persons (default 5000)")
    demo.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    demo.add_argument(
        "--out",
        default="caselink_demo_output",
        help="folder for the Parquet outputs (default ./caselink_demo_output)",
    )
    args = parser.parse_args(argv)
    if args.command == "demo":
        return run_demo(people=args.people, seed=args.seed, out=args.out)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
