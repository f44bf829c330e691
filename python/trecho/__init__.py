"""trecho: between saying and doing.

Events from news text (English and Spanish), with words kept apart from deeds, and the ledger
of threats, promises, demands and red lines, from the same Rust engine as the ``trecho`` CLI.

>>> import trecho
>>> events = trecho.extract("Trump threatened Mexico with tariffs on Monday.",
...                         published="2025-12-24")
>>> events[0]["event_type"], events[0]["kind"]
('THREATEN', 'said')

Records are exactly those of ``spec/events.md`` (what ``trecho extract`` prints). Tables
(:func:`extract_arrow`, :func:`extract_pandas`, :meth:`Store.events`) have the columns of
``trecho export`` Parquet files: dates as dates, ``issues`` as a list, ``reported_count`` as a
nullable integer, codes dictionary-encoded (pandas categoricals).

Extraction releases the GIL and runs over documents in parallel with ``jobs`` threads
(``jobs=0``: one per core).
"""

from __future__ import annotations

import datetime as _datetime
import json as _json
import os as _os
import warnings as _warnings
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from . import _native

__version__: str = _native.__version__

__all__ = [
    "extract",
    "extract_arrow",
    "extract_pandas",
    "open",
    "Store",
    "TrechoWarning",
]

#: A document: its text, or a mapping with ``text`` and optional ``id``, ``published``,
#: ``lang``, ``title`` and ``url``.
Document = Union[str, Mapping[str, Any]]

_DOCUMENT_FIELDS = ("id", "text", "published", "lang", "title", "url")


class TrechoWarning(UserWarning):
    """A document that could not be processed, or a problem found in one that was."""


def _day(name: str, value: Any) -> Optional[str]:
    """An ISO day from a date, a datetime or a ``YYYY-MM-DD`` string."""
    if value is None:
        return None
    if isinstance(value, _datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, _datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return _datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ValueError(f"{name}={value!r} is not a day (give a date or 'YYYY-MM-DD')")


def _lang(name: str, value: Any) -> Optional[str]:
    if value is None:
        return None
    if value not in ("en", "es"):
        raise ValueError(f"{name}={value!r} is not a language trecho reads ('en' or 'es')")
    return value


def _documents_jsonl(
    docs: Union[Document, Sequence[Document]],
    lang: Optional[str],
    published: Any,
) -> bytes:
    """The documents as the JSON Lines input the engine reads; `lang` and `published` fill in
    what a document does not say itself."""
    if isinstance(docs, (str, Mapping)):
        docs = [docs]
    lang = _lang("lang", lang)
    published = _day("published", published)
    lines = []
    for number, doc in enumerate(docs):
        if isinstance(doc, str):
            item: dict = {"text": doc}
        elif isinstance(doc, Mapping):
            unknown = set(doc) - set(_DOCUMENT_FIELDS)
            if unknown:
                raise ValueError(
                    f"document {number}: unknown field(s) {sorted(unknown)} "
                    f"(known: {', '.join(_DOCUMENT_FIELDS)})"
                )
            if not isinstance(doc.get("text"), str):
                raise ValueError(f"document {number}: 'text' must be a string")
            item = {key: value for key, value in doc.items() if value is not None}
            if "published" in item:
                item["published"] = _day(f"document {number}: published", item["published"])
            if "lang" in item:
                item["lang"] = _lang(f"document {number}: lang", item["lang"])
            if "id" in item:
                item["id"] = str(item["id"])
        else:
            raise TypeError(
                f"document {number} is a {type(doc).__name__}; give a string or a mapping "
                "with 'text'"
            )
        if lang is not None:
            item.setdefault("lang", lang)
        if published is not None:
            item.setdefault("published", published)
        lines.append(_json.dumps(item, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _warn(messages: Iterable[str]) -> None:
    for message in messages:
        _warnings.warn(message, TrechoWarning, stacklevel=3)


def extract(
    docs: Union[Document, Sequence[Document]],
    *,
    lang: Optional[str] = None,
    published: Any = None,
    jobs: int = 1,
) -> list[dict]:
    """Extract events from documents; nothing is stored.

    Args:
        docs: a text, a list of texts, or a list of mappings with ``text`` and optional
            ``id``, ``published``, ``lang``, ``title``, ``url`` (one per document).
        lang: ``"en"`` or ``"es"`` for documents that do not say (default: detected).
        published: publication day (a date or ``"YYYY-MM-DD"``) for documents that do not say;
            relative dates ("on Monday") are resolved against it.
        jobs: worker threads (0: one per core).

    Returns:
        The event records, in document order, as ``spec/events.md`` (and ``trecho extract``)
        gives them. A document that cannot be processed is skipped with a
        :class:`TrechoWarning`.
    """
    jsonl = _documents_jsonl(docs, lang, published)
    if not jsonl:
        return []
    records, warnings = _native.extract_jsonl(jsonl, jobs)
    _warn(warnings)
    return [_json.loads(line) for line in records.splitlines()]


def _table(batches: list, pyarrow: Any) -> Any:
    imported = [
        pyarrow.RecordBatch._import_from_c(batch.array_address, batch.schema_address)
        for batch in batches
    ]
    if not imported:
        empty = _native.schema_batch()
        schema = pyarrow.RecordBatch._import_from_c(
            empty.array_address, empty.schema_address
        ).schema
        return pyarrow.Table.from_batches([], schema=schema)
    return pyarrow.Table.from_batches(imported)


def extract_arrow(
    docs: Union[Document, Sequence[Document]],
    *,
    lang: Optional[str] = None,
    published: Any = None,
    jobs: int = 1,
) -> "pyarrow.Table":  # noqa: F821
    """Like :func:`extract`, as a ``pyarrow.Table`` in the ``trecho export`` Parquet layout.

    The columns are built in Rust and handed to pyarrow through the Arrow C data interface,
    without passing through Python objects.
    """
    import pyarrow

    jsonl = _documents_jsonl(docs, lang, published)
    if not jsonl:
        return _table([], pyarrow)
    batches, warnings = _native.extract_batches(jsonl, jobs)
    _warn(warnings)
    return _table(batches, pyarrow)


def extract_pandas(
    docs: Union[Document, Sequence[Document]],
    *,
    lang: Optional[str] = None,
    published: Any = None,
    jobs: int = 1,
) -> "pandas.DataFrame":  # noqa: F821
    """Like :func:`extract_arrow`, as a ``pandas.DataFrame`` (nullable integers, categoricals,
    dates, lists of issues)."""
    return _to_pandas(extract_arrow(docs, lang=lang, published=published, jobs=jobs))


def _to_pandas(table: Any) -> Any:
    # The schema's pandas metadata makes reported_count a nullable UInt32, as it does for
    # pd.read_parquet on an exported file.
    return table.to_pandas()


class Store:
    """A trecho store (SQLite file): documents, sentences and events, and the ledger over them.

    Made by :func:`open`. The CLI reads and writes the same files (``trecho --db PATH …``).
    """

    def __init__(self, path: Union[str, _os.PathLike]):
        self._native = _native.NativeStore(_os.fspath(path))

    @property
    def path(self) -> str:
        """The store's file."""
        return _os.fspath(self._native.path)

    def ingest(
        self,
        paths: Union[str, _os.PathLike, Sequence[Union[str, _os.PathLike]]],
        *,
        published: Any = None,
        jobs: int = 0,
    ) -> dict:
        """Read files and folders (text, HTML, email, RSS/Atom, transcripts, JSON Lines) into
        the store, as ``trecho ingest`` does.

        Returns the counts (``files``, ``files_failed``, ``new``, ``unchanged``, ``replaced``,
        ``documents_failed``, ``sentences``, ``events``); each file or document that could not
        be read is named in a :class:`TrechoWarning`.
        """
        if isinstance(paths, (str, _os.PathLike)):
            paths = [paths]
        counts, warnings = self._native.ingest(
            [_os.fspath(path) for path in paths], jobs, _day("published", published)
        )
        _warn(warnings)
        return dict(counts)

    def events_arrow(self, **filters: Any) -> "pyarrow.Table":  # noqa: F821
        """Stored events as a ``pyarrow.Table``; filters as :meth:`events`."""
        import pyarrow

        unknown = set(filters) - set(_EVENT_FILTERS)
        if unknown:
            raise TypeError(
                f"unknown filter(s) {sorted(unknown)} (known: {', '.join(_EVENT_FILTERS)})"
            )
        for name in ("since", "until"):
            if name in filters:
                filters[name] = _day(name, filters[name])
        return _table(self._native.events(**filters), pyarrow)

    def events(self, **filters: Any) -> "pandas.DataFrame":  # noqa: F821
        """Stored events as a ``pandas.DataFrame``, filtered as ``trecho events`` filters:
        ``actor``, ``recipient`` (country codes), ``event_type``, ``kind`` (said/done),
        ``issue``, ``since``, ``until`` (days), ``lang``, ``doc_id``, ``text`` (words of the
        sentence), ``limit``, ``offset``."""
        return _to_pandas(self.events_arrow(**filters))

    def event(self, event_id: str) -> Optional[dict]:
        """One stored event record by id (ledger evidence lists ids), or None."""
        record = self._native.event(event_id)
        return None if record is None else _json.loads(record)

    def ledger(self) -> list[dict]:
        """Threats, promises and demands with their repeats, status and evidence, as
        ``trecho ledger --format json``."""
        return _json.loads(self._native.ledger())

    def redlines(self) -> list[dict]:
        """Red lines and whether they hold, as ``trecho redlines --format json``."""
        return _json.loads(self._native.redlines())

    def linkage(self) -> list[dict]:
        """One issue used as a lever on another, as ``trecho linkage --format json``."""
        return _json.loads(self._native.linkage())

    def index(
        self,
        *,
        actor: Optional[str] = None,
        recipient: Optional[str] = None,
        issue: Optional[str] = None,
        interval: str = "week",
    ) -> list[dict]:
        """The said-versus-done index per dyad, issue and week (or month), as
        ``trecho index --format json``."""
        return _json.loads(self._native.index(actor, recipient, issue, interval))

    def __repr__(self) -> str:
        return f"trecho.Store({self.path!r})"


_EVENT_FILTERS = (
    "actor",
    "recipient",
    "event_type",
    "kind",
    "issue",
    "since",
    "until",
    "lang",
    "doc_id",
    "text",
    "limit",
    "offset",
)


def open(path: Union[str, _os.PathLike]) -> Store:  # noqa: A001 - trecho.open, like io.open
    """Open the store at ``path`` (created if it does not exist)."""
    return Store(path)
