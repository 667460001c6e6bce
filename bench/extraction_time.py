"""Time statement extraction alone over a parsed collection, in one process, several times.

    OMP_NUM_THREADS=1 python bench/extraction_time.py ../shared/data/polnear/dev.jsonl --cache build/statements \\
        [--repeat 3] [--off module:FLAG ...]

The parse comes from the DocBin cache (``counterclaim eval attribution`` makes the same one) or is made once;
only ``extract_statements`` is timed, after one warm-up pass (lexicons and models load on first use). With
``--off``, each named rule flag (``counterclaim.extract.<module>.<FLAG>``) is switched off in alternate runs,
to see what those rules cost. Prints one line per run: the flags' state and the seconds.
"""

from __future__ import annotations

import argparse
import importlib
import time


def main(argv=None) -> None:
    from counterclaim.evaluation.attribution import gold_document, load_gold, parse_documents
    from counterclaim.extract.statements import extract_statements

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", help="a JSONL collection in the PolNeAR format (only the texts are used)")
    ap.add_argument("--cache", default=None, help="DocBin cache folder")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--off", nargs="*", default=[], metavar="module:FLAG")
    args = ap.parse_args(argv)
    documents = [gold_document(a) for a in load_gold(args.gold)]
    docs, _ = parse_documents([d.text for d in documents], cache_dir=args.cache)
    flags = []
    for spec in args.off:
        module, _, name = spec.partition(":")
        mod = importlib.import_module("counterclaim.extract." + module)
        if not hasattr(mod, name):
            raise SystemExit(f"{spec}: counterclaim.extract.{module} has no {name}; give module:FLAG")
        flags.append((mod, name))
    for d, doc in zip(documents, docs):  # warm-up
        extract_statements(doc, d, ())
    states = [True, False] if flags else [True]
    for _ in range(args.repeat):
        for on in states:
            for mod, name in flags:
                setattr(mod, name, on)
            t0 = time.perf_counter()
            for d, doc in zip(documents, docs):
                extract_statements(doc, d, ())
            print(f"{'rules on ' if on else 'rules off'}  {len(documents)} documents  {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
