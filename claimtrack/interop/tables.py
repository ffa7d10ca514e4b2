"""A ledger as relational tables: one per entity, one per list, with keys and references.

The same tables feed the SQLite database and the CSV files per entity. Each collection is a table
keyed by ``id`` (``sources``, ``commitments``...); each list inside a record is a child table keyed
by its owner and a ``position`` (``commitment_obligors``, ``commitment_history``), and the
evidence cited by a history entry is a grandchild (``commitment_history_evidence``, keyed by
commitment, entry and position), as is the evidence a corrected entry had cited
(``commitment_corrections_superseded_evidence``: a list inside a nested record). A date is two
columns: its EDTF text and, when it was inferred, the reason (``published``,
``published_inferred``).

Rows are made from, and read back into, the ledger's JSON document (``claimtrack.codec``'s
``to_document`` / ``from_document``), so the one converter stays the only path between data and
models, and a ledger read back is validated like any file.
"""

from __future__ import annotations

import csv
import enum
import io
import os
import typing
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from claimtrack import _registry as registry
from claimtrack._deprecation import deprecated
from claimtrack.codec import FORMAT_VERSION, from_document, to_document
from claimtrack.codec.shapes import is_homogeneous_tuple, optional_inner
from claimtrack.dates import PartialDate
from claimtrack.errors import NeedsFolder
from claimtrack.files import write_folder_atomically
from claimtrack.ledger import Ledger
from claimtrack.report.table import spreadsheet_cell

__all__ = [
    "SCHEMA",
    "Column",
    "EntityTable",
    "NeedsFolder",
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
class EntityTable:
    """A table made from a collection or from a list inside each record of its parent table.

    ``field`` is the document key of the collection or list; ``noun`` names a row of this table
    in the key columns of its children (``commitment``, ``entry``). ``within`` leads from the
    parent's record to the nested record holding the list (a correction's ``superseded`` entry
    holds the evidence it cited).
    """

    name: str
    field: str
    noun: str
    columns: tuple[Column, ...]
    children: tuple[EntityTable, ...] = ()
    within: tuple[str, ...] = ()


def __getattr__(name: str) -> Any:
    """``Table``, the old name of :class:`EntityTable`, still works for one release, with a
    warning (``claimtrack.report.Table`` is the rendered table; this is a relational one)."""
    if name == "Table":
        deprecated("claimtrack.interop.tables.Table", "claimtrack.interop.tables.EntityTable")
        return EntityTable
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _row_noun(field: str) -> str:
    found = registry.ROW_NOUNS.get(field)
    if found is not None:
        return found
    return field[:-1] if field.endswith("s") and not field.endswith("ss") else field


def _scalar_type(hint: Any) -> str:
    if isinstance(hint, type) and issubclass(hint, enum.IntEnum):
        return "INTEGER"
    if hint is float:
        return "REAL"
    if hint is int:
        return "INTEGER"
    return "TEXT"  # text, enums, and the status of a history entry


def _shape(
    record_type: type,
    references: Mapping[str, str],
    *,
    owner: str,
    path: tuple[str, ...] = (),
    prefix: str = "",
    required: bool = True,
    skip: frozenset[str] = frozenset(),
) -> tuple[list[Column], list[EntityTable]]:
    """The columns and child tables of one model class, read from its attrs fields.

    A date is two columns (EDTF text, inferred reason); a nested record (a quote, a measure) is
    flattened into ``name_field`` columns; a list is a child table named ``owner_field`` (a list
    inside a nested record: ``owner_name_field``).
    """
    record_type = typing.get_origin(record_type) or record_type
    hints = typing.get_type_hints(record_type)
    columns: list[Column] = []
    children: list[EntityTable] = []
    for attribute in attrs.fields(record_type):
        name = attribute.name
        if name in skip:
            continue
        hint = hints[name]
        inner = optional_inner(hint)
        hint = hint if inner is None else inner
        needed = required and attribute.default is attrs.NOTHING
        where = (*path, name)
        if hint is PartialDate:
            columns.append(Column(prefix + name, "TEXT", where, needed, part="edtf"))
            columns.append(Column(f"{prefix}{name}_inferred", "TEXT", where, part="inferred"))
        elif is_homogeneous_tuple(hint):
            element = typing.get_args(hint)[0]
            element = typing.get_origin(element) or element
            table = f"{owner}_{prefix}{name}"
            if attrs.has(element):
                nested = {r.field: r.target for r in registry.NESTED_REFERENCES.get(element, ())}
                sub_columns, sub_children = _shape(element, nested, owner=table)
                children.append(
                    EntityTable(
                        table, name, _row_noun(name), tuple(sub_columns), tuple(sub_children)
                    )
                )
            else:
                target = references.get(name)
                noun = registry.BY_NAME[target].noun if target else _row_noun(name)
                column = Column(noun, _scalar_type(element), (), True, target)
                children.append(EntityTable(table, name, noun, (column,), within=path))
        elif attrs.has(hint):
            kind = typing.get_origin(hint) or hint
            nested = {r.field: r.target for r in registry.NESTED_REFERENCES.get(kind, ())}
            nested_columns, nested_children = _shape(
                hint, nested, owner=owner, path=where, prefix=f"{prefix}{name}_", required=False
            )
            columns.extend(nested_columns)
            children.extend(nested_children)
        else:
            columns.append(
                Column(prefix + name, _scalar_type(hint), where, needed, references.get(name))
            )
    return columns, children


def _collection_table(collection: registry.Collection[Any]) -> EntityTable:
    references = {r.field: r.target for r in collection.references}
    columns, children = _shape(
        collection.record_type,
        references,
        owner=collection.noun,
        skip=frozenset({collection.id_field}),
    )
    return EntityTable(
        collection.name, collection.name, collection.noun, tuple(columns), tuple(children)
    )


#: Every table, parents before children, collections in ledger order: derived from the
#: registry and the models' attrs fields, so a new field or record type gets its columns.
SCHEMA: tuple[EntityTable, ...] = tuple(_collection_table(c) for c in registry.COLLECTIONS)


def walk(tables: Sequence[EntityTable] = SCHEMA) -> Iterator[tuple[EntityTable, tuple[str, ...]]]:
    """Every table with the names of its key columns, parents first.

    A collection's key is ``("id",)``; a child's is its parent's key with the parent's last key
    column named by the parent's noun, then ``position``.
    """

    def visit(
        table: EntityTable, key: tuple[str, ...]
    ) -> Iterator[tuple[EntityTable, tuple[str, ...]]]:
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

    def emit(table: EntityTable, items: Sequence[Any], owner: tuple[Value, ...] | None) -> None:
        for position, item in enumerate(items):
            key: tuple[Value, ...] = (item["id"],) if owner is None else (*owner, position)
            rows[table.name].append((*key, *(_get(item, column) for column in table.columns)))
            for child in table.children:
                holder = item
                for step in child.within:
                    holder = holder.get(step) or {}
                emit(child, holder.get(child.field, ()), key)

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

    def build(table: EntityTable, owner: tuple[Value, ...]) -> list[Any]:
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
                    holder = item
                    for step in child.within:
                        holder = holder.setdefault(step, {})
                    holder[child.field] = found
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
    ledger: Ledger, folder: str | os.PathLike[str], *, force: bool = False
) -> list[Path]:
    """Write ``csv_tables`` into ``folder`` (created if missing); returns the paths written.

    All files are written or, on failure, none (``claimtrack.files.write_folder_atomically``).
    An existing file is refused with ``UnsafeTarget`` unless ``force``, so nothing is lost.
    """
    return write_folder_atomically(folder, csv_tables(ledger), force=force)


def column_names(table: EntityTable) -> list[str]:
    """The names of a table's value columns (its key columns come first, from ``walk``)."""
    return [column.name for column in table.columns]
