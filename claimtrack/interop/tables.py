"""A ledger as relational tables: one per entity, one per list, with keys and references.

The same tables feed the SQLite database and the CSV files per entity. Each collection is a table
keyed by ``id`` (``sources``, ``commitments``...); each list inside a record is a child table keyed
by its owner and a ``position`` (``commitment_obligors``, ``commitment_history``), and the
evidence cited by a history entry is a grandchild (``commitment_history_evidence``, keyed by
commitment, entry and position). A date is two columns: its EDTF text and, when it was inferred,
the reason (``published``, ``published_inferred``).

Rows are made from, and read back into, the ledger's JSON document (``claimtrack.codec``'s
``to_document`` / ``from_document``), so the one converter stays the only path between data and
models, and a ledger read back is validated like any file.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

from claimtrack.codec import FORMAT_VERSION, from_document, to_document
from claimtrack.errors import NeedsFolder
from claimtrack.files import write_folder_atomically
from claimtrack.ledger import Ledger
from claimtrack.report.table import spreadsheet_cell

__all__ = [
    "SCHEMA",
    "Column",
    "NeedsFolder",
    "Table",
    "csv_tables",
    "ledger_from_rows",
    "ledger_rows",
    "write_csv_tables",
]


#: A cell of a relational table.
Value = str | int | float | None


@frozen
class Column:
    """A column: its SQL type, where its value sits in a record's document, what it refers to.

    ``path`` leads from the record (or list item) to the value; ``()`` is the item itself (a list
    of ids). ``part`` says which half of a date the column holds: ``"edtf"`` or ``"inferred"``.
    """

    name: str
    type: str = "TEXT"
    path: tuple[str, ...] = ()
    required: bool = False
    references: str | None = None
    part: str | None = None


@frozen
class Table:
    """A table made from a collection or from a list inside each record of its parent table.

    ``field`` is the document key of the collection or list; ``noun`` names a row of this table
    in the key columns of its children (``commitment``, ``entry``).
    """

    name: str
    field: str
    noun: str
    columns: tuple[Column, ...]
    children: tuple[Table, ...] = ()


def _text(name: str, *, required: bool = False, path: tuple[str, ...] | None = None) -> Column:
    return Column(name, "TEXT", (name,) if path is None else path, required)


def _ref(name: str, collection: str, *, required: bool = False) -> Column:
    return Column(name, "TEXT", (name,), required, collection)


def _date(name: str, *, required: bool = False) -> tuple[Column, Column]:
    return (
        Column(name, "TEXT", (name,), required, part="edtf"),
        Column(f"{name}_inferred", "TEXT", (name,), part="inferred"),
    )


def _measure(name: str) -> tuple[Column, ...]:
    return (
        Column(f"{name}_value", "REAL", (name, "value")),
        _text(f"{name}_unit", path=(name, "unit")),
        _text(f"{name}_description", path=(name, "description")),
    )


def _ids(table: str, field: str, column: str, collection: str) -> Table:
    """A child table holding a list of ids of another collection."""
    return Table(table, field, column, (Column(column, "TEXT", (), True, collection),))


def _history(owner: str) -> Table:
    return Table(
        f"{owner}_history",
        "history",
        "entry",
        (
            *_date("date", required=True),
            _text("status", required=True),
            *_measure("progress"),
            _text("note"),
        ),
        (_ids(f"{owner}_history_evidence", "evidence", "evidence", "evidence"),),
    )


def _relations(owner: str, collection: str) -> Table:
    return Table(
        f"{owner}_relations",
        "relations",
        "relation",
        (_text("kind", required=True), _ref("target", collection, required=True)),
    )


#: Every table, parents before children, collections in ledger order.
SCHEMA: tuple[Table, ...] = (
    Table(
        "sources",
        "sources",
        "source",
        (
            _text("title", required=True),
            _text("kind", required=True),
            _text("publisher"),
            _text("author"),
            *_date("published"),
            _text("url"),
            _text("language"),
            _text("reliability"),
            _text("text"),
            _text("note"),
        ),
    ),
    Table(
        "actors",
        "actors",
        "actor",
        (
            _text("name", required=True),
            _text("kind", required=True),
            _text("role"),
            _ref("affiliation", "actors"),
            _text("note"),
        ),
        (Table("actor_aliases", "aliases", "alias", (Column("alias", "TEXT", (), True),)),),
    ),
    Table(
        "events",
        "events",
        "event",
        (
            _text("title", required=True),
            _text("kind", required=True),
            *_date("date"),
            *_date("end"),
            _text("place"),
            _ref("part_of", "events"),
            _text("note"),
        ),
        (
            _ids("event_participants", "participants", "actor", "actors"),
            _ids("event_evidence", "evidence", "evidence", "evidence"),
        ),
    ),
    Table(
        "agreements",
        "agreements",
        "agreement",
        (
            _text("title", required=True),
            _text("kind", required=True),
            *_date("date"),
            _ref("event", "events"),
            _text("note"),
        ),
        (
            _ids("agreement_parties", "parties", "actor", "actors"),
            _ids("agreement_evidence", "evidence", "evidence", "evidence"),
        ),
    ),
    Table(
        "commitments",
        "commitments",
        "commitment",
        (
            _text("text", required=True),
            _text("category", required=True),
            _ref("agreement", "agreements"),
            *_date("due"),
            *_measure("target"),
            _text("note"),
        ),
        (
            _ids("commitment_obligors", "obligors", "actor", "actors"),
            _ids("commitment_beneficiaries", "beneficiaries", "actor", "actors"),
            _history("commitment"),
            _ids("commitment_evidence", "evidence", "evidence", "evidence"),
            _relations("commitment", "commitments"),
        ),
    ),
    Table(
        "claims",
        "claims",
        "claim",
        (_text("text", required=True), _text("kind", required=True), _text("note")),
        (
            _ids("claim_claimants", "claimants", "actor", "actors"),
            _ids("claim_subjects", "subjects", "actor", "actors"),
            _history("claim"),
            _ids("claim_evidence", "evidence", "evidence", "evidence"),
            _relations("claim", "claims"),
        ),
    ),
    Table(
        "evidence",
        "evidence",
        "evidence",
        (
            _ref("source", "sources", required=True),
            _text("quote_exact", path=("quote", "exact")),
            _text("quote_prefix", path=("quote", "prefix")),
            _text("quote_suffix", path=("quote", "suffix")),
            _text("stance", required=True),
            Column("credibility", "INTEGER", ("credibility",)),
            _text("translation"),
            _text("translator"),
            _text("note"),
        ),
    ),
)


def walk(tables: Sequence[Table] = SCHEMA) -> Iterator[tuple[Table, tuple[str, ...]]]:
    """Every table with the names of its key columns, parents first.

    A collection's key is ``("id",)``; a child's is its parent's key with the parent's last key
    column named by the parent's noun, then ``position``.
    """

    def visit(table: Table, key: tuple[str, ...]) -> Iterator[tuple[Table, tuple[str, ...]]]:
        yield table, key
        for child in table.children:
            owner = (*key[:-1], table.noun) if key != ("id",) else (table.noun,)
            yield from visit(child, (*owner, "position"))

    for table in tables:
        yield from visit(table, ("id",))


def _get(item: Any, column: Column) -> Value:
    value = item
    for step in column.path:
        if not isinstance(value, dict):
            return None
        value = value.get(step)
    if column.part is not None and value is not None:
        if isinstance(value, dict):
            return value.get(column.part)
        return value if column.part == "edtf" else None
    return value  # type: ignore[no-any-return]


def _put(item: dict[str, Any], column: Column, value: Value) -> None:
    if value is None:
        return
    *parents, last = column.path
    target = item
    for step in parents:
        target = target.setdefault(step, {})
    if column.part == "inferred":
        target[last] = {"edtf": target[last], "inferred": value}
    else:
        target[last] = value


def ledger_rows(ledger: Ledger) -> dict[str, list[tuple[Value, ...]]]:
    """Every table's rows, key columns first, in a fixed order (by id, then position)."""
    document = to_document(ledger)
    rows: dict[str, list[tuple[Value, ...]]] = {table.name: [] for table, _ in walk()}

    def emit(table: Table, items: Sequence[Any], owner: tuple[Value, ...] | None) -> None:
        for position, item in enumerate(items):
            key: tuple[Value, ...] = (item["id"],) if owner is None else (*owner, position)
            rows[table.name].append((*key, *(_get(item, column) for column in table.columns)))
            for child in table.children:
                emit(child, item.get(child.field, ()), key)

    for table in SCHEMA:
        emit(table, document[table.field], None)
    return rows


def ledger_from_rows(rows: Mapping[str, Sequence[Sequence[Value]]]) -> Ledger:
    """A validated ledger from every table's rows (as ``ledger_rows`` gives them, any order)."""
    keys = {table.name: key for table, key in walk()}
    grouped: dict[str, dict[tuple[Value, ...], list[Sequence[Value]]]] = {}
    for table, key in walk():
        by_owner: dict[tuple[Value, ...], list[Sequence[Value]]] = {}
        for row in rows.get(table.name, ()):
            by_owner.setdefault(tuple(row[: len(key) - 1]), []).append(row)
        for members in by_owner.values():
            members.sort(key=lambda row: row[len(key) - 1])  # type: ignore[arg-type,return-value]
        grouped[table.name] = by_owner

    def build(table: Table, owner: tuple[Value, ...]) -> list[Any]:
        width = len(keys[table.name])
        items: list[Any] = []
        for row in grouped[table.name].get(owner, []):
            values = row[width:]
            if table.columns and table.columns[0].path == ():
                items.append(values[0])
                continue
            item: dict[str, Any] = {"id": row[0]} if width == 1 else {}
            for column, value in zip(table.columns, values, strict=True):
                _put(item, column, value)
            for child in table.children:
                found = build(child, tuple(row[:width]))
                if found:
                    item[child.field] = found
            items.append(item)
        return items

    document: dict[str, Any] = {"format_version": FORMAT_VERSION}
    for table in SCHEMA:
        document[table.field] = build(table, ())
    return from_document(document)


def csv_tables(ledger: Ledger) -> dict[str, bytes]:
    """One CSV file per table: file name -> UTF-8 bytes, in schema order.

    Text cells a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
    tab or a carriage return) get a leading ``'``, as in every CSV claimtrack writes; an empty cell
    is a missing value; lines end in CRLF, as RFC 4180 says.
    """
    files = {}
    rows = ledger_rows(ledger)
    for table, key in walk():
        buffer = io.StringIO()
        # RFC 4180 line ends: a cell holding a lone "\r" or "\n" is then always quoted.
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow((*key, *column_names(table)))
        writer.writerows(
            [spreadsheet_cell(cell) if isinstance(cell, str) else cell for cell in row]
            for row in rows[table.name]
        )
        files[f"{table.name}.csv"] = buffer.getvalue().encode("utf-8")
    return files


def write_csv_tables(
    ledger: Ledger, folder: str | os.PathLike[str], *, force: bool = True
) -> list[Path]:
    """Write ``csv_tables`` into ``folder`` (created if missing); returns the paths written.

    All files are written or, on failure, none (``claimtrack.files.write_folder_atomically``);
    existing files are replaced unless ``force`` is false.
    """
    return write_folder_atomically(folder, csv_tables(ledger), force=force)


def column_names(table: Table) -> list[str]:
    """The names of a table's value columns (its key columns come first, from ``walk``)."""
    return [column.name for column in table.columns]
