"""A ledger as a SQLite database: one table per entity, foreign keys, indexes; and back again.

The database is readable by any SQLite tool (the ``sqlite3`` shell, Datasette): records are rows,
lists are child tables (see ``claimtrack.interop.tables``), every reference is a foreign key and
every referring column is indexed. It is built in memory and written atomically, and the same
ledger always gives the same bytes (with the same SQLite library). ``read_sqlite`` reads such a
database back into a ledger equal to the one written.
"""

from __future__ import annotations

import math
import os
import sqlite3
from pathlib import Path

from claimtrack import _registry as registry
from claimtrack.codec import FORMAT_VERSION
from claimtrack.errors import DatabaseProblem
from claimtrack.files import check_target, write_atomically
from claimtrack.interop.tables import (
    SCHEMA,
    EntityTable,
    Value,
    ledger_from_rows,
    ledger_rows,
    walk,
)
from claimtrack.ledger import Ledger

__all__ = ["DatabaseProblem", "read_sqlite", "schema_sql", "sqlite_bytes", "write_sqlite"]

#: The table holding what the database is: ``format_version``.
META_TABLE = "claimtrack"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _parent_keys() -> dict[str, tuple[str, tuple[str, ...]]]:
    """For each child table: its parent table and the parent's key columns."""
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    keys = {table.name: key for table, key in walk()}

    def visit(table: EntityTable) -> None:
        for child in table.children:
            found[child.name] = (table.name, keys[table.name])
            visit(child)

    for table in SCHEMA:
        visit(table)
    return found


def schema_sql() -> str:
    """The ``CREATE TABLE`` and ``CREATE INDEX`` statements of the database, in order."""
    parents = _parent_keys()
    statements = [f"CREATE TABLE {_quote(META_TABLE)} (key TEXT PRIMARY KEY, value TEXT NOT NULL);"]
    indexes: list[str] = []
    for table, key in walk():
        lines = []
        for position, name in enumerate(key):
            kind = "TEXT" if position == 0 else "INTEGER"  # an id, then positions
            lines.append(f"{_quote(name)} {kind} NOT NULL")
        for column in table.columns:
            null = " NOT NULL" if column.required else ""
            kind = _sql_type(column.type)
            lines.append(f"{_quote(column.name)}{' ' + kind if kind else ''}{null}")
        lines.append(f"PRIMARY KEY ({', '.join(_quote(name) for name in key)})")
        deferred = "DEFERRABLE INITIALLY DEFERRED"
        if table.name in parents:
            parent, parent_key = parents[table.name]
            owner = key[:-1]
            lines.append(
                f"FOREIGN KEY ({', '.join(map(_quote, owner))}) REFERENCES {_quote(parent)}"
                f" ({', '.join(map(_quote, parent_key))}) {deferred}"
            )
        for column in table.columns:
            if column.references is None:
                continue
            lines.append(
                f"FOREIGN KEY ({_quote(column.name)}) REFERENCES {_quote(column.references)}"
                f' ("id") {deferred}'
            )
            indexes.append(_index(table.name, column.name))
        for name in ("status", "category", "kind", "date"):
            if (
                name in {column.name for column in table.columns}
                and table.name != registry.SOURCES.name
            ):
                indexes.append(_index(table.name, name))
        body = ",\n  ".join(lines)
        statements.append(f"CREATE TABLE {_quote(table.name)} (\n  {body}\n);")
    return "\n".join(statements + indexes) + "\n"


def _index(table: str, column: str) -> str:
    return f"CREATE INDEX {_quote(f'{table}_{column}')} ON {_quote(table)} ({_quote(column)});"


def sqlite_bytes(ledger: Ledger) -> bytes:
    """The database file's bytes for a ledger; the same ledger always gives the same bytes."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            connection.executescript(schema_sql())
            connection.execute(
                f"INSERT INTO {_quote(META_TABLE)} VALUES ('format_version', ?)",  # noqa: S608
                (str(FORMAT_VERSION),),
            )
            rows = ledger_rows(ledger)
            for table, key in walk():
                width = len(key) + len(table.columns)
                marks = ", ".join("?" * width)
                try:
                    connection.executemany(
                        f"INSERT INTO {_quote(table.name)} VALUES ({marks})",  # noqa: S608
                        rows[table.name],
                    )
                except OverflowError:  # a whole number beyond SQLite's 64 bits
                    raise DatabaseProblem(
                        f"table {table.name!r} holds a whole number too large for SQLite"
                        " (beyond 64 bits); the JSON ledger keeps it"
                    ) from None
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:  # pragma: no cover - a valid ledger has no dangling references
            raise DatabaseProblem(f"dangling references in the export: {broken[:3]}")
        connection.execute("VACUUM")
        return connection.serialize()
    finally:
        connection.close()


def write_sqlite(ledger: Ledger, path: str | os.PathLike[str], *, force: bool = False) -> None:
    """Write the ledger as a SQLite database file, atomically (a crash leaves the old file or the
    new one). An existing file is refused with ``UnsafeTarget`` unless ``force``."""
    write_atomically(check_target(path, force=force), sqlite_bytes(ledger))


def read_sqlite(path: str | os.PathLike[str]) -> Ledger:
    """Read a database written by ``write_sqlite`` back into a validated ledger."""
    name = os.fspath(path)
    if not Path(path).is_file():
        raise DatabaseProblem(f"{name}: no such file")
    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise DatabaseProblem(f"{name}: cannot open: {error}") from None
    try:
        return ledger_from_rows(_read_rows(connection, name))
    except sqlite3.DatabaseError as error:
        raise DatabaseProblem(f"{name}: not a readable SQLite database ({error})") from None
    finally:
        connection.close()


def _read_rows(connection: sqlite3.Connection, name: str) -> dict[str, list[tuple[Value, ...]]]:
    present = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    if META_TABLE not in present:
        raise DatabaseProblem(f"{name}: not a claimtrack database (no table {META_TABLE!r})")
    query = f"SELECT key, value FROM {_quote(META_TABLE)}"  # noqa: S608 - a constant name
    meta = dict(connection.execute(query).fetchall())
    if meta.get("format_version") != str(FORMAT_VERSION):
        raise DatabaseProblem(
            f"{name}: format version {meta.get('format_version')!r}; expected {FORMAT_VERSION}"
        )
    rows: dict[str, list[tuple[Value, ...]]] = {}
    for table, key in walk():
        if table.name not in present:
            raise DatabaseProblem(f"{name}: not a claimtrack database (no table {table.name!r})")
        declared = _declared_types(table, key)
        found = {
            row[1]: str(row[2]).upper()
            for row in connection.execute(f"PRAGMA table_info({_quote(table.name)})")
        }
        for column, kind in declared.items():
            if column not in found:
                raise DatabaseProblem(f"{name}: table {table.name!r} has no column {column!r}")
            if found[column] != _sql_type(kind):
                shown = found[column] or "untyped"
                expected = _sql_type(kind) or "untyped"
                raise DatabaseProblem(
                    f"{name}: column {table.name}.{column} is declared {shown}; expected {expected}"
                )
        names = ", ".join(_quote(column) for column in declared)
        order = ", ".join(_quote(column) for column in key)
        cursor = connection.execute(f"SELECT {names} FROM {_quote(table.name)} ORDER BY {order}")  # noqa: S608 - names come from the schema
        rows[table.name] = [_checked(row, declared, table.name, name) for row in cursor]
    return rows


def _sql_type(kind: str) -> str:
    """The type a column is declared with. A number (REAL) column is declared with none (no
    affinity): SQLite then keeps each value as given, 3 as an integer and 3.0 as a real, so a
    ledger reads back saving the same bytes."""
    return "" if kind == "REAL" else kind


def _declared_types(table: EntityTable, key: tuple[str, ...]) -> dict[str, str]:
    """Each column of a table, key columns first, with the SQL type ``schema_sql`` gives it."""
    types = {column: "TEXT" if position == 0 else "INTEGER" for position, column in enumerate(key)}
    types.update((column.name, column.type) for column in table.columns)
    return types


#: The Python values each declared type may hold: never coerced, so a crafted database with an
#: integer title or an infinite measure is refused rather than read as text.
_HOLDS: dict[str, tuple[type, ...]] = {"TEXT": (str,), "INTEGER": (int,), "REAL": (float, int)}


def _checked(
    row: tuple[object, ...], declared: dict[str, str], table: str, name: str
) -> tuple[Value, ...]:
    for (column, kind), value in zip(declared.items(), row, strict=True):
        if value is None:
            continue
        fits = isinstance(value, _HOLDS[kind]) and not isinstance(value, bool)
        if not fits or (isinstance(value, float) and not math.isfinite(value)):
            shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:39] + "…"
            raise DatabaseProblem(
                f"{name}: {table}.{column} holds {type(value).__name__} {shown};"
                f" expected {kind.lower()}" + (" (a finite number)" if kind == "REAL" else "")
            )
    return row  # type: ignore[return-value]
