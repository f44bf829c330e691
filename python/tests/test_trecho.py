"""Tests of the Python package against the CLI on the demo corpus: the same engine must give
the same records, tables and ledger whichever way it is called.

Run from the repository root after `pip install ./python` and a build of the CLI
(`cargo test --workspace` builds target/debug/trecho): `python -m pytest python/tests`.
"""

from __future__ import annotations

import datetime
import json
import pathlib
import warnings

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pandas as pd
import pytest

import trecho

from helpers import DEMO, cli, demo_documents, jsonl


@pytest.fixture(scope="module")
def documents_file(tmp_path_factory) -> tuple[list[dict], pathlib.Path]:
    documents = demo_documents()
    path = tmp_path_factory.mktemp("docs") / "docs.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents))
    return documents, path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> pathlib.Path:
    path = tmp_path_factory.mktemp("store") / "demo.db"
    cli("ingest", str(DEMO), db=path)
    return path


def test_the_readme_example_prints_the_record():
    events = trecho.extract(
        "Trump threatened Mexico with tariffs on Monday.", published="2025-12-24"
    )
    assert len(events) == 1
    event = events[0]
    assert (event["event_type"], event["kind"], event["speech_act"]) == (
        "THREATEN",
        "said",
        "threat",
    )
    assert event["actor"]["country"] == "USA"
    assert event["recipient"]["country"] == "MEX"
    assert event["published"] == "2025-12-24"
    assert event["date"] == "2025-12-22", "'on Monday' is read against the publication day"


def test_extract_gives_the_records_of_the_cli(documents_file):
    documents, path = documents_file
    expected = jsonl(cli("extract", "--input-format", "jsonl", str(path)))
    assert len(expected) >= 40
    assert trecho.extract(documents) == expected
    assert trecho.extract(documents, jobs=2) == expected


def test_extract_arrow_holds_the_same_events_typed(documents_file):
    documents, _ = documents_file
    records = trecho.extract(documents)
    table = trecho.extract_arrow(documents)
    assert table.num_rows == len(records)
    assert table.column("id").to_pylist() == [r["id"] for r in records]
    assert table.schema.field("published").type == pa.date32()
    assert table.schema.field("issues").type == pa.list_(pa.string())
    assert pa.types.is_dictionary(table.schema.field("event_type").type)
    assert table.column("issues").to_pylist() == [r["issues"] for r in records]
    assert table.column("confidence").to_pylist() == [r["confidence"] for r in records]
    published = table.column("published").to_pylist()
    assert published == [
        None if r["published"] is None else datetime.date.fromisoformat(r["published"])
        for r in records
    ]


def test_extract_pandas_types_columns_for_analysis(documents_file):
    documents, _ = documents_file
    frame = trecho.extract_pandas(documents)
    assert str(frame["reported_count"].dtype) == "UInt32"
    assert isinstance(frame["event_type"].dtype, pd.CategoricalDtype)
    assert frame["negated"].dtype == bool
    assert all(isinstance(issues, (list, tuple)) or hasattr(issues, "__len__")
               for issues in frame["issues"])


def test_documents_are_checked_with_clear_errors():
    with pytest.raises(TypeError, match="document 1 is a int"):
        trecho.extract(["fine", 3])
    with pytest.raises(ValueError, match="document 0: 'text' must be a string"):
        trecho.extract([{"id": "x"}])
    with pytest.raises(ValueError, match="unknown field"):
        trecho.extract([{"text": "x", "body": "y"}])
    with pytest.raises(ValueError, match="not a day"):
        trecho.extract("x", published="24/12/2025")
    with pytest.raises(ValueError, match="not a language"):
        trecho.extract("x", lang="fr")
    assert trecho.extract([]) == []
    assert trecho.extract_arrow([]).num_rows == 0
    assert trecho.extract_arrow([]).schema.names == trecho.extract_arrow(
        "Trump threatened Mexico with tariffs."
    ).schema.names


def test_store_answers_as_the_cli(store_path, tmp_path):
    own = trecho.open(tmp_path / "own.db")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        counts = own.ingest(DEMO)
    assert counts["files_failed"] == 0 and counts["events"] > 50
    cli_events = jsonl(cli("events", db=store_path))
    assert sorted(own.events()["id"]) == sorted(e["id"] for e in cli_events)

    store = trecho.open(store_path)
    said = store.events(actor="USA", kind="said")
    expected = jsonl(cli("events", "--actor", "USA", "--kind", "said", db=store_path))
    assert list(said["id"]) == [e["id"] for e in expected]
    first = expected[0]
    assert store.event(first["id"]) == first
    assert store.event("no-such-event") is None

    assert store.ledger() == json.loads(cli("ledger", "--format", "json", db=store_path))
    assert store.redlines() == json.loads(cli("redlines", "--format", "json", db=store_path))
    assert store.linkage() == json.loads(cli("linkage", "--format", "json", db=store_path))
    assert store.index(actor="USA", recipient="MEX") == json.loads(
        cli("index", "--actor", "USA", "--recipient", "MEX", "--format", "json", db=store_path)
    )
    with pytest.raises(TypeError, match="unknown filter"):
        store.events(country="USA")
    with pytest.raises(ValueError, match='kind="maybe" is unknown'):
        store.events(kind="maybe")


def test_ingest_names_what_it_could_not_read(tmp_path):
    store = trecho.open(tmp_path / "s.db")
    with pytest.warns(trecho.TrechoWarning, match="no-such-file.txt"):
        counts = store.ingest([tmp_path / "no-such-file.txt"])
    assert counts["files_failed"] == 1


def test_parquet_export_reads_back_typed_in_pyarrow_pandas_and_duckdb(store_path, tmp_path):
    out = tmp_path / "events.parquet"
    cli("export", "--out", str(out), db=store_path)
    records = jsonl(cli("events", db=store_path))
    by_id = {r["id"]: r for r in records}

    table = pq.read_table(out)
    assert table.num_rows == len(records)
    assert table.schema.field("published").type == pa.date32()
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("reported_count").type == pa.uint32()
    assert table.schema.field("confidence").type == pa.float64()
    assert pa.types.is_dictionary(table.schema.field("kind").type)

    frame = pd.read_parquet(out)
    assert str(frame["reported_count"].dtype) == "UInt32"
    assert isinstance(frame["actor_country"].dtype, pd.CategoricalDtype)
    for row in frame.itertuples():
        record = by_id[row.id]
        assert list(row.issues) == record["issues"]
        assert row.confidence == record["confidence"]
        assert row.published == (
            None if record["published"] is None
            else datetime.date.fromisoformat(record["published"])
        )
        assert (row.date if isinstance(row.date, str) else None) == record["date"]
        if record["date"] is not None:
            precision = {10: "day", 7: "month", 4: "year"}[len(record["date"])]
            assert row.date_precision == precision
            assert row.date_start.isoformat()[: len(record["date"])] == record["date"]
        count = record["reported_count"]
        assert (pd.isna(row.reported_count) if count is None else row.reported_count == count)
        assert row.event_type == record["event_type"]
        country = (record["actor"] or {}).get("country")
        assert (pd.isna(row.actor_country) if country is None else row.actor_country == country)

    described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{out}')").fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["published"] == "DATE"
    assert types["issues"] == "VARCHAR[]"
    assert types["reported_count"] == "UINTEGER"
    assert types["confidence"] == "DOUBLE"
    said = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{out}') WHERE kind = 'said'"
    ).fetchall()[0][0]
    assert said == sum(1 for r in records if r["kind"] == "said")
