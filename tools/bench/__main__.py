"""python -m tools.bench [--sizes 1000,10000] [--out bench-out] [--plain-max 1000]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.bench.bench import run_bench


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description="Synthesise sources and time every stage.")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    parser.add_argument("--plain-max", type=int, default=1000,
                        help="largest size that also gets a plain Material build (it grows quadratically)")
    args = parser.parse_args(argv)
    return run_bench([int(n) for n in args.sizes.split(",")], args.out, args.plain_max)


if __name__ == "__main__":
    sys.exit(main())
