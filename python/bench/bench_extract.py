"""Throughput of the Python package against the CLI on the same documents.

    python python/bench/bench_extract.py [--repeat 60] [--spark]

The documents are the demo corpus's plain-text files and JSON Lines items, repeated (each copy
made a new document by its id and a first line), written once as JSON Lines. Timed, best of
three, one thread each: `trecho extract --jobs 1 --input-format jsonl` of that file (the
release binary, output to /dev/null), `trecho.extract_arrow(docs, jobs=1)` and
`trecho.extract(docs, jobs=1)`. With --spark, also the Spark recipe in local mode with one and
two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parents[1] / "examples" / "spark"))

import trecho  # noqa: E402
from helpers import ROOT, demo_documents  # noqa: E402


def best_of(runs: int, f) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--spark", action="store_true")
    args = parser.parse_args()

    base = demo_documents()
    docs = []
    for copy in range(args.repeat):
        for number, doc in enumerate(base):
            doc = dict(doc)
            doc["id"] = f"{doc.get('id', number)}-copy{copy}"
            doc["text"] = f"Copy {copy}.\n\n" + doc["text"]
            docs.append(doc)
    binary = pathlib.Path(os.environ.get("TRECHO_BIN", ROOT / "target" / "release" / "trecho"))
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "docs.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
        cli = best_of(3, lambda: subprocess.run(
            [str(binary), "--quiet", "extract", "--jobs", "1", "--input-format", "jsonl",
             str(path)], stdout=subprocess.DEVNULL, check=True))
        arrow = best_of(3, lambda: trecho.extract_arrow(docs, jobs=1))
        records = best_of(3, lambda: trecho.extract(docs, jobs=1))
        events = trecho.extract_arrow(docs, jobs=1).num_rows
        print(f"documents: {len(docs)} ({len(base)} × {args.repeat}), events: {events}")
        print(f"trecho extract --jobs 1:        {cli:.2f} s")
        print(f"trecho.extract_arrow(jobs=1):   {arrow:.2f} s ({(arrow / cli - 1) * 100:+.1f}%)")
        print(f"trecho.extract(jobs=1):         {records:.2f} s ({(records / cli - 1) * 100:+.1f}%)")
        if args.spark:
            import pyarrow as pa
            import pyarrow.parquet as pq
            from pyspark.sql import SparkSession
            from code_archive import code_archive

            source = pathlib.Path(tmp) / "docs.parquet"
            columns = ("id", "text", "published", "lang", "title", "url")
            pq.write_table(pa.table({c: [d.get(c) for d in docs] for c in columns}), source)
            for cores in (1, 2):
                spark = (SparkSession.builder.master(f"local[{cores}]")
                         .config("spark.ui.enabled", "false")
                         .config("spark.pyspark.python", sys.executable)
                         .config("spark.sql.shuffle.partitions", str(cores))
                         .getOrCreate())
                out = pathlib.Path(tmp) / f"events-{cores}"
                run = lambda: code_archive(spark, str(source), str(out), partitions=cores * 2)  # noqa: E731
                run()  # warm-up: JVM, workers
                seconds = best_of(2, run)
                spark.stop()
                print(f"spark local[{cores}]: {seconds:.2f} s, "
                      f"{len(docs) / seconds / cores:.0f} documents/s per core")


if __name__ == "__main__":
    main()
