"""Code a whole archive of documents with trecho on Spark.

Reads a dataset of documents (Parquet or JSON Lines, one row per document with a ``text``
column and optional ``id``, ``published``, ``lang``, ``title``, ``url``), codes it with
``mapInArrow`` calling the trecho package on each executor, and writes the events as Parquet
partitioned by year and month (of the event's date, else of its publication day).

    spark-submit examples/spark/code_archive.py DOCUMENTS OUT [--format parquet|json]
        [--jobs N]

Each executor needs the ``trecho`` package installed (``pip install ./python``). Every
partition is coded independently: a document's events depend only on the document, so the
result is the same whatever the partitioning, and equals what ``trecho extract`` gives for
the same documents.
"""

from __future__ import annotations

import argparse
from typing import Iterator

import pyarrow as pa

DOCUMENT_COLUMNS = ("id", "text", "published", "lang", "title", "url")


def arrow_schema() -> pa.Schema:
    """The event columns as Spark can take them from Arrow: trecho's export layout with codes
    as plain strings (Spark has no dictionary type) and unsigned integers widened to signed
    ones (Spark has no unsigned type)."""
    import trecho

    fields = []
    for field in trecho.extract_arrow([]).schema:
        kind = field.type
        if pa.types.is_dictionary(kind):
            kind = kind.value_type
        elif pa.types.is_uint64(kind) or pa.types.is_uint32(kind):
            kind = pa.int64()
        fields.append(pa.field(field.name, kind, nullable=True))
    return pa.schema(fields)


def spark_schema():
    """The Spark schema of the event rows (from :func:`arrow_schema`)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema())


def code_batches(batches: Iterator[pa.RecordBatch], jobs: int = 1) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: document batches in, event batches out."""
    import trecho

    target = arrow_schema()
    for batch in batches:
        columns = [name for name in DOCUMENT_COLUMNS if name in batch.schema.names]
        rows = batch.select(columns).to_pylist()
        documents = []
        for row in rows:
            document = {key: value for key, value in row.items() if value is not None}
            if "published" in document:
                document["published"] = str(document["published"])[:10]
            documents.append(document)
        if not documents:
            continue
        table = trecho.extract_arrow(documents, jobs=jobs)
        if table.num_rows == 0:
            continue
        yield from table.cast(target).to_batches()


def code_archive(spark, documents: str, out: str, *, input_format: str = "parquet",
                 jobs: int = 1, partitions: int | None = None) -> None:
    """Codes the documents at ``documents`` and writes events to ``out`` (Parquet,
    partitioned by ``year`` and ``month``; replaced if it exists). ``partitions`` spreads the
    documents over that many tasks first (a dataset of few large files is read as few
    partitions, which would leave cores idle)."""
    from pyspark.sql import functions as F

    # The executors import this module to run `code_batches`.
    spark.sparkContext.addPyFile(__file__)
    if input_format == "parquet":
        frame = spark.read.parquet(documents)
    elif input_format == "json":
        frame = spark.read.json(documents)
    else:
        raise ValueError(f"input_format={input_format!r}: expected 'parquet' or 'json'")
    if "text" not in frame.columns:
        raise ValueError(f"{documents}: the documents have no 'text' column")
    wanted = [name for name in DOCUMENT_COLUMNS if name in frame.columns]
    frame = frame.select(*[F.col(name).cast("string") for name in wanted])
    if partitions is not None:
        frame = frame.repartition(partitions)
    events = frame.mapInArrow(lambda batches: code_batches(batches, jobs), spark_schema())
    day = F.coalesce(F.col("date_start"), F.col("published"))
    events = events.withColumn("year", F.year(day)).withColumn("month", F.month(day))
    events.write.mode("overwrite").partitionBy("year", "month").parquet(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents")
    parser.add_argument("out")
    parser.add_argument("--format", default="parquet", choices=["parquet", "json"])
    parser.add_argument("--partitions", type=int, default=None,
                        help="spread the documents over this many tasks first")
    parser.add_argument("--jobs", type=int, default=1,
                        help="trecho threads per Spark task (default 1: Spark parallelises)")
    args = parser.parse_args()
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("trecho code_archive").getOrCreate()
    try:
        code_archive(spark, args.documents, args.out, input_format=args.format, jobs=args.jobs,
                     partitions=args.partitions)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
