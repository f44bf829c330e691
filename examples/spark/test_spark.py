"""The Spark recipe, run in local mode on the demo corpus: its events must be the CLI's."""

from __future__ import annotations

import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from code_archive import code_archive
from helpers import cli, demo_documents, jsonl


@pytest.fixture(scope="module")
def spark():
    import os

    from pyspark.sql import SparkSession

    # The executors' Python is this one, with this checkout's package (not whatever `python3`
    # comes first on PATH).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("trecho test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.pyspark.python", sys.executable)
        .getOrCreate()
    )
    yield session
    session.stop()


def key(event: dict) -> tuple:
    actor = event.get("actor_country") if "actor_country" in event else (
        (event.get("actor") or {}).get("country")
    )
    return (event["id"], event["doc_id"], event["event_type"], event["kind"], actor)


@pytest.mark.parametrize("input_format", ["parquet", "json"])
def test_spark_codes_the_demo_corpus_as_the_cli(spark, tmp_path, input_format):
    documents = demo_documents()
    jsonl_path = tmp_path / "docs.jsonl"
    jsonl_path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents))
    if input_format == "parquet":
        source = tmp_path / "docs.parquet"
        columns = ("id", "text", "published", "lang", "title", "url")
        pq.write_table(
            pa.table({c: [d.get(c) for d in documents] for c in columns}), source
        )
    else:
        source = jsonl_path
    expected = jsonl(cli("extract", "--input-format", "jsonl", str(jsonl_path)))
    assert expected

    out = tmp_path / "events"
    code_archive(spark, str(source), str(out), input_format=input_format)

    table = pq.read_table(out)
    rows = table.to_pylist()
    assert sorted(key(row) for row in rows) == sorted(key(event) for event in expected)
    # Partitioned by the year and month of each event's day.
    by_id = {event["id"]: event for event in expected}
    for row in rows:
        event = by_id[row["id"]]
        day = event["date"] or event["published"]
        if day is not None and len(day) >= 7:
            assert (int(row["year"]), int(row["month"])) == (int(day[:4]), int(day[5:7]))
        assert row["issues"] == event["issues"]
