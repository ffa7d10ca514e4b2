"""The declarative mapping from a tracker's columns and status words to claimtrack records.

A mapping is a small TOML file that a tracker's keeper can read::

    [tracker]
    name = "Exampleville Council Pledge Tracker"
    vocabulary = "five-status"      # a built-in or registered status vocabulary

    default_parties = ["Council"]   # obligors (claimants) of every row whose party cell is empty
    duplicate_keys = "refuse"       # or "by-order": a key listed twice in a snapshot

    [columns]
    key = "ID"                      # matches rows across snapshots: an id, a URL or a title,
                                    # or several columns: ["Ministry", "Promise"]
    title = "Pledge"
    status = "Status"
    sources = "Sources"
    change_note = "Comment"         # why the status changed, kept as the change's note

    [columns.optional]              # columns missing from some snapshots: unknown there
    text = "Description"

    [statuses]                      # the tracker's own extra words
    "On hold" = "stalled"

    [renames]                       # old key = new key: one history under two keys
    "Build 500 social homes" = "Build 500 affordable homes"

Every key is checked: an unknown one is reported with a "did you mean", a bad value with the
values allowed, all at once and each with its place in the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from attrs import frozen

from claimtrack import _registry as registry
from claimtrack.errors import LedgerFileError, _closest
from claimtrack.files import read_regular_file
from claimtrack.interop.problems import ImportProblem, ImportProblems, Location
from claimtrack.interop.renames import Renames, renames_from_table
from claimtrack.interop.rows import FORMATS
from claimtrack.interop.vocabularies import (
    CLAIMTRACK,
    CLAIMTRACK_CLAIMS,
    UnknownVocabulary,
    Vocabulary,
    VocabularyClash,
    vocabulary,
)
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus
from claimtrack.model import ActorKind, ClaimKind, SourceKind

__all__ = ["DUPLICATE_KEYS", "KEY_JOINER", "Columns", "TrackerMapping", "read_mapping"]


#: How a composite key's parts are joined to show it (and to name it in a renames table).
KEY_JOINER = " | "

#: What a tracker may list twice under one key in a snapshot: refuse it, or keep the rows apart by
#: their order of appearance (the second becomes ``KEY #2``).
DUPLICATE_KEYS = ("refuse", "by-order")


def _key_columns(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@frozen(kw_only=True)
class Columns:
    """Which column of the tracker holds what; only ``key`` and ``status`` are required.

    ``key`` is one column or several (their cells joined by `` | `` make the key). ``title`` and
    ``text`` give what was pledged or claimed (the title when both are given; the text then goes
    to the note). ``party`` names the obligors (or claimants), ``sources`` the source URLs,
    ``date`` when it was pledged, ``status_date`` when the status was last set, ``change_note``
    why it changed. ``optional`` names the roles whose column may be missing from a snapshot.
    """

    key: tuple[str, ...] = attrs.field(converter=_key_columns)
    status: str
    id: str | None = None
    title: str | None = None
    text: str | None = None
    party: str | None = None
    category: str | None = None
    date: str | None = None
    due: str | None = None
    status_date: str | None = None
    sources: str | None = None
    note: str | None = None
    change_note: str | None = None
    optional: frozenset[str] = frozenset()

    def named(self) -> list[tuple[str, str]]:
        """Every mapped column with its role (``key``, ``status``...), in declaration order."""
        found: list[tuple[str, str]] = [("key", column) for column in self.key]
        for role in attrs.fields(Columns)[1:]:
            value = getattr(self, role.name)
            if isinstance(value, str):
                found.append((role.name, value))
        return found

    def required(self) -> list[tuple[str, str]]:
        """The mapped columns every snapshot must have (all but the optional ones)."""
        return [(role, column) for role, column in self.named() if role not in self.optional]


@frozen(kw_only=True)
class TrackerMapping:
    """How one tracker's records file becomes a ledger: columns, status words and defaults."""

    name: str
    columns: Columns
    vocabulary: Vocabulary[CommitmentStatus] | Vocabulary[ClaimStatus] = CLAIMTRACK
    records: str = registry.COMMITMENTS.name
    format: str | None = None
    url: str | None = None
    id_prefix: str = ""
    list_separator: str = ";"
    party_kind: ActorKind = ActorKind.OTHER
    source_kind: SourceKind = SourceKind.OTHER
    default_category: str = "uncategorised"
    claim_kind: ClaimKind = ClaimKind.STATEMENT
    default_parties: tuple[str, ...] = ()
    duplicate_keys: str = "refuse"
    renames: Renames = attrs.field(factory=Renames)

    @classmethod
    def from_toml(cls, text: str, *, name: str = "<mapping>") -> TrackerMapping:
        """A mapping from TOML text; ``ImportProblems`` lists every problem with its place."""
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ImportProblems(
                [ImportProblem(Location(name), f"not valid TOML: {error}")],
                headline="invalid mapping",
            ) from None
        return _Reader(name).mapping(document)


def read_mapping(path: str | os.PathLike[str]) -> TrackerMapping:
    """Read a mapping TOML file."""
    name = os.fspath(path)
    try:
        text = read_regular_file(path).decode("utf-8")
    except LedgerFileError as error:
        raise ImportProblems(
            [ImportProblem(Location(name), f"cannot read: {error.strerror}")],
            headline="invalid mapping",
        ) from None
    except UnicodeDecodeError as error:
        raise ImportProblems(
            [ImportProblem(Location(name), f"not UTF-8 text (byte {error.start})")],
            headline="invalid mapping",
        ) from None
    return TrackerMapping.from_toml(text, name=name)


_TRACKER_KEYS = (
    "name",
    "url",
    "records",
    "format",
    "vocabulary",
    "id_prefix",
    "list_separator",
    "party_kind",
    "source_kind",
    "default_category",
    "claim_kind",
    "default_parties",
    "duplicate_keys",
)
_COLUMN_KEYS = tuple(role.name for role in attrs.fields(Columns) if role.name != "optional")
_OPTIONAL_KEYS = tuple(key for key in _COLUMN_KEYS if key not in ("key", "status"))
_SECTIONS = ("tracker", "columns", "statuses", "renames")
_RECORD_KINDS = tuple(collection.name for collection in registry.ITEMS)
_ID_START = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
_COMMITMENT_ONLY = ("category", "due")


class _Reader:
    """Checks one mapping document, collecting every problem before giving up."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[ImportProblem] = []

    def add(self, section: str, key: str | None, message: str) -> None:
        where = f"[{section}]" if key is None else f"[{section}] {key}"
        self.problems.append(ImportProblem(Location(self.name, where), message))

    def table(
        self,
        document: Mapping[str, Any],
        section: str,
        keys: tuple[str, ...] | None,
        *,
        within: str | None = None,
    ) -> dict[str, Any]:
        value = document.get(section, {})
        named = section if within is None else f"{within}.{section}"
        if not isinstance(value, dict):
            self.add(named, None, "expected a table")
            return {}
        for key in value:
            if keys is not None and key not in keys:
                close = _closest(key, keys)
                hint = f"did you mean {close!r}?" if close else f"expected one of {', '.join(keys)}"
                self.add(named, key, f"unknown key; {hint}")
        return value

    def text(self, table: Mapping[str, Any], section: str, key: str) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.add(section, key, f"expected a non-empty string, got {value!r}")
            return None
        return value

    def texts(self, table: Mapping[str, Any], section: str, key: str) -> tuple[str, ...]:
        """A string or a list of strings (each non-empty, none repeated)."""
        value = table.get(key)
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if (
            not isinstance(items, list)
            or not items
            or not all(isinstance(item, str) and item.strip() for item in items)
        ):
            self.add(section, key, f"expected a non-empty string or list of them, got {value!r}")
            return ()
        if len(set(items)) < len(items):
            self.add(section, key, f"a column is named twice in {items!r}")
            return ()
        return tuple(items)

    def choice(self, table: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(table, "tracker", key)
        if value is not None and value not in allowed:
            self.add(
                "tracker", key, f"{value!r} is not allowed; expected one of {', '.join(allowed)}"
            )
            return None
        return value

    def mapping(self, document: Mapping[str, Any]) -> TrackerMapping:
        for section in document:
            if section not in _SECTIONS:
                close = _closest(section, _SECTIONS)
                hint = (
                    f"; did you mean [{close}]?" if close else f"; expected {', '.join(_SECTIONS)}"
                )
                self.add(section, None, f"unknown table{hint}")
        tracker = self.table(document, "tracker", _TRACKER_KEYS)
        columns_table = self.table(document, "columns", (*_COLUMN_KEYS, "optional"))
        words_table = self.table(document, "statuses", None)
        options: dict[str, Any] = {}

        name = self.text(tracker, "tracker", "name")
        if name is None and "name" not in tracker:
            self.add("tracker", "name", "required: the tracker's name (titles its snapshots)")
        records = self.choice(tracker, "records", _RECORD_KINDS) or registry.COMMITMENTS.name
        options["records"] = records
        fmt = self.choice(tracker, "format", tuple(FORMATS))
        if fmt is not None:
            options["format"] = fmt
        prefix = tracker.get("id_prefix")
        if isinstance(prefix, str) and (not prefix or _ID_START.fullmatch(prefix)):
            options["id_prefix"] = prefix
        elif prefix is not None:
            self.add(
                "tracker",
                "id_prefix",
                f"{prefix!r} cannot start an id; use letters,"
                " digits and . _ : - starting with a letter or digit",
            )
        for key in ("url", "default_category"):
            value = self.text(tracker, "tracker", key)
            if value is not None:
                options[key] = value
        separator = tracker.get("list_separator")
        if separator is not None:
            if isinstance(separator, str) and separator:
                options["list_separator"] = separator
            else:
                self.add("tracker", "list_separator", "expected a non-empty string")
        for key, kind in (
            ("party_kind", ActorKind),
            ("source_kind", SourceKind),
            ("claim_kind", ClaimKind),
        ):
            value = self.choice(tracker, key, tuple(member.value for member in kind))
            if value is not None:
                options[key] = kind(value)
        duplicates = self.choice(tracker, "duplicate_keys", DUPLICATE_KEYS)
        if duplicates is not None:
            options["duplicate_keys"] = duplicates
        parties = self.texts(tracker, "tracker", "default_parties")
        if parties:
            options["default_parties"] = parties
        renames = self.table(document, "renames", None)
        try:
            options["renames"] = renames_from_table(renames, self.name)
        except ImportProblems as error:
            self.problems.extend(error.problems)

        columns = self.columns(columns_table, records)
        chosen = self.vocabulary(tracker, words_table, records)
        if self.problems or name is None or columns is None or chosen is None:
            raise ImportProblems(self.problems, headline="invalid mapping")
        return TrackerMapping(name=name, columns=columns, vocabulary=chosen, **options)

    def columns(self, table: Mapping[str, Any], records: str) -> Columns | None:
        given: dict[str, Any] = {}
        for key in _COLUMN_KEYS[1:]:
            value = self.text(table, "columns", key)
            if value is not None:
                given[key] = value
        key_columns = self.texts(table, "columns", "key")
        if key_columns:
            given["key"] = key_columns
        optional = self.table(table, "optional", _OPTIONAL_KEYS, within="columns")
        for key in optional:
            value = self.text(optional, "columns.optional", key)
            if key in table:
                self.add("columns.optional", key, "also in [columns]: name it in one of them")
            elif value is not None and key in _OPTIONAL_KEYS:
                given[key] = value
        given["optional"] = frozenset(key for key in optional if key in given)
        for key in ("key", "status"):
            if key not in table:
                self.add("columns", key, "required: the column that holds it")
        if "title" not in given and "text" not in given:
            self.add("columns", None, "map 'title' or 'text': the column saying what was pledged")
        if records == registry.CLAIMS.name:
            for key in _COMMITMENT_ONLY:
                if key in given:
                    self.add("columns", key, "only commitments have this; claims do not")
        if "key" not in given or "status" not in given:
            return None
        return Columns(**given)

    def vocabulary(
        self, tracker: Mapping[str, Any], words: Mapping[str, Any], records: str
    ) -> Vocabulary[CommitmentStatus] | Vocabulary[ClaimStatus] | None:
        kind: type[CommitmentStatus] | type[ClaimStatus]
        kind = ClaimStatus if records == registry.CLAIMS.name else CommitmentStatus
        base: Vocabulary[CommitmentStatus] | Vocabulary[ClaimStatus]
        base = CLAIMTRACK_CLAIMS if kind is ClaimStatus else CLAIMTRACK
        named = self.text(tracker, "tracker", "vocabulary")
        if named is not None:
            try:
                found = vocabulary(named)
            except UnknownVocabulary as error:
                self.add("tracker", "vocabulary", str(error))
            else:
                if found.kind is kind:
                    base = found
                else:
                    wrong = f"{named!r} is not a vocabulary for {records}"
                    self.add("tracker", "vocabulary", wrong)
        extra: dict[str, Any] = {}
        valid = [status.value for status in kind]
        for word, value in words.items():
            if not isinstance(value, str) or value not in valid:
                close = _closest(value, valid) if isinstance(value, str) else None
                hint = (
                    f"did you mean {close!r}?" if close else f"expected one of {', '.join(valid)}"
                )
                self.add("statuses", repr(word), f"{value!r} is not a status; {hint}")
            else:
                extra[word] = kind(value)
        if not extra:
            return base
        try:
            return base.extended(extra, name=f"{base.name} + {self.name}")
        except VocabularyClash as error:
            self.add("statuses", None, str(error))
            return None
