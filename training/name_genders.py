#!/usr/bin/env python
"""Recipe: the reference first-name gender list that speaker resolution falls back on.

    pip install nomquamgender                       # MIT-licensed name statistics (PyPI)
    python training/name_genders.py                 # writes src/counterclaim/data/name_genders.tsv
    python training/name_genders.py --data ../shared/data --evaluate   # also scores it against GUM

Speaker resolution keeps "he" from resolving to a woman and "she" to a man. Where the text shows a person's
gender (a title, an apposition, a reflexive) it reads it there; otherwise it reads the first name, in the
project's own lexicon first (``first_names.tsv``, learnt from news by ``training/names.py``: 216 names,
"Mary" not among them), then in this list.

The list comes from nomquamgender (Van Buskirk, Clauset and Larremore 2023, "An open-source cultural
consensus approach to name-based gender classification", ICWSM; data and code MIT,
https://github.com/ianvanbuskirk/nomquamgender): for each name, how many sources list it, how many people
bear it, and the share of them that are women. A name is kept when it is common (``--min-count`` bearers),
listed by ``--min-sources`` sources, and one-sided (at least ``--min-share`` of one gender): "mary" (98%
women), "john"; not "sam", "kim", "taylor" or "leslie". Only names of letters are kept, with their gender and
the two figures; the package's licence travels with the file (``LICENSE.nomquamgender``).

Name-based gender is a statistic about a name, not a fact about a person; here it only stops a pronoun from
being linked to someone it cannot refer to, and the text's own evidence always wins over it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

OUT_DEFAULT = Path(__file__).resolve().parents[1] / "src" / "counterclaim" / "data" / "name_genders.tsv"


def reference_data(path: Path | None) -> tuple[dict, str]:
    """nomquamgender's ``name_data.json`` ({name: [sources, bearers, share of women, ...]}) and its version."""
    if path is None:
        try:
            import importlib.metadata
            import importlib.resources

            with importlib.resources.files("nomquamgender").joinpath("name_data.json").open(encoding="utf-8") as fh:
                return json.load(fh), importlib.metadata.version("nomquamgender")
        except ModuleNotFoundError:
            sys.exit("nomquamgender is not installed: `pip install nomquamgender`, or pass --reference name_data.json")
    return json.loads(path.read_text(encoding="utf-8")), "file " + path.name


def select(data: dict, min_count: int, min_sources: int, min_share: float) -> dict[str, tuple[str, int, float]]:
    """Name -> (gender, bearers, share of women) for the common, one-sided names of letters."""
    out = {}
    for name, row in data.items():
        if not (name.isalpha() and name.isascii() and name.islower() and len(name) >= 2):
            continue
        sources, bearers, women = int(row[0]), int(row[1]), float(row[2])
        if bearers < min_count or sources < min_sources:
            continue
        if women >= min_share:
            out[name] = ("f", bearers, women)
        elif women <= 1 - min_share:
            out[name] = ("m", bearers, women)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference", type=Path, default=None,
                    help="nomquamgender's name_data.json (default: read from the installed package)")
    ap.add_argument("--out", type=Path, default=OUT_DEFAULT)
    ap.add_argument("--min-count", type=int, default=5000, help="people bearing the name, at least")
    ap.add_argument("--min-sources", type=int, default=2, help="sources listing the name, at least")
    ap.add_argument("--min-share", type=float, default=0.95, help="share of one gender, at least")
    ap.add_argument("--data", type=Path, default=None, help="the shared data directory (for --evaluate)")
    ap.add_argument("--evaluate", action="store_true", help="score the list against GUM's coreference")
    args = ap.parse_args(argv)

    data, version = reference_data(args.reference)
    chosen = select(data, args.min_count, args.min_sources, args.min_share)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("# first name\tgender\tbearers\tshare of women\n")
        fh.write(f"# Built by training/name_genders.py from nomquamgender ({version}; MIT, see LICENSE.nomquamgender):\n")
        fh.write(f"# --min-count {args.min_count} --min-sources {args.min_sources} --min-share {args.min_share}. "
                 "Read only where the text and first_names.tsv show no gender.\n")
        for name in sorted(chosen):
            g, n, w = chosen[name]
            fh.write(f"{name}\t{g}\t{n}\t{w:.3f}\n")
    n_m = sum(v[0] == "m" for v in chosen.values())
    print(f"{len(data)} names in the reference, {len(chosen)} kept ({n_m} male, {len(chosen) - n_m} female) -> {args.out}")
    if args.evaluate:
        if args.data is None:
            ap.error("--evaluate needs --data (the shared data directory)")
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from names import gum_report  # noqa: E402

        print(gum_report({n: v[0] for n, v in chosen.items()}, args.data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
