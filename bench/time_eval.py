"""TempEval-3-style scores for time expressions on TimeML data (issue 5), counterclaim vs dateparser.

Usage:
    python bench/time_eval.py /work/shared/data/time/tbaq-cleaned [--systems counterclaim,dateparser] [--errors FILE]

Prints a Markdown table (relaxed/strict span P/R/F1, type accuracy, value P/R/F1, seconds).
"""

from __future__ import annotations

import argparse
import sys

from counterclaim.evaluation.time import evaluate, markdown_table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", help="folder with TimeML .tml files (e.g. tbaq-cleaned)")
    ap.add_argument("--systems", default="counterclaim,dateparser")
    ap.add_argument("--errors", help="write counterclaim's errors (missed, spurious, wrong value) to this TSV")
    args = ap.parse_args(argv)
    results = evaluate(args.data, args.systems.split(","), keep_errors=bool(args.errors))
    print(markdown_table(results))
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as f:
            for name, sc in results.items():
                for row in sc.errors:
                    f.write(name + "\t" + "\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
