"""The fast structure hooks written ahead of time (``claimtrack/codec/gen/_prebuilt_structure.py``):
up to date with the generator, used by every load, and set aside where they no longer match."""

from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest

from claimtrack import _registry as registry
from claimtrack import _written_hints as written_hints
from claimtrack import hints
from claimtrack.codec import converter, gen
from claimtrack.codec.gen import _prebuilt_structure as written
from claimtrack.codec.gen.prebuilt import COMMAND, MODULE, Prebuilt, Recording, current_texts
from claimtrack.errors import _Refused
from claimtrack.model import Source, SourceKind


def _fast(source: Any) -> Any:
    """A fast converter as ``converter.FAST`` is built, its hooks from ``source``."""
    return converter.build(detailed=False, tally=[0], ids=converter.shared_ids({}), source=source)


def test_the_written_modules_are_up_to_date() -> None:
    """The modules hold exactly what the generator writes today (a model changed since needs
    them written again: the message says how)."""
    for name, text in current_texts().items():
        assert Path(name).read_text(encoding="utf-8") == text, f"{name}: run {COMMAND}"


def test_the_written_field_types_are_the_type_hints() -> None:
    """Each class's written field types are the ones ``typing.get_type_hints`` finds."""
    assert written_hints.FIELDS
    for origin, fields in written_hints.FIELDS.items():
        hints = typing.get_type_hints(origin)
        assert [(name, kind) for name, _, kind in fields] == [
            (a.name, hints[a.name]) for a in attrs.fields(origin)
        ]


def test_every_fast_hook_of_a_load_is_the_written_one() -> None:
    """Every hook the fast converter makes for a ledger's records (nested ones too) is the
    written module's function: a load compiles nothing."""
    recording = Recording()
    made = _fast(recording)
    kinds = [collection.record_type for collection in registry.COLLECTIONS]
    for kind in kinds:
        made.get_structure_hook(kind)
    assert len(recording.hooks) > len(kinds)  # nested records have hooks of their own
    for kind in recording.hooks:
        hook = converter.FAST.get_structure_hook(kind)
        assert hook.__code__.co_filename == MODULE, kind


def test_a_hook_that_no_longer_matches_is_compiled_at_run_time() -> None:
    """Written code that differs from what the generator gives now is not used: the hook is
    compiled from the generator's code, which still refuses and accepts as it should."""
    factory, text = written.HOOKS[Source]
    stale = Prebuilt(
        fields=written_hints.FIELDS, hooks={**written.HOOKS, Source: (factory, text + "#")}
    )
    hook = _fast(stale).get_structure_hook(Source)
    assert hook.__code__.co_filename.startswith("<claimtrack generated fast structure Source")
    expected = Source(id="s", title="t", kind=SourceKind.NEWS)
    assert hook({"id": "s", "title": "t", "kind": "news"}, None) == expected
    with pytest.raises(_Refused):
        hook({"id": 5, "title": "t", "kind": "news"}, None)


def test_field_types_written_for_other_annotations_are_not_used() -> None:
    """A class whose annotations differ from the written ones gets its types from its hints."""
    fields = {
        **written_hints.FIELDS,
        Source: tuple(
            (name, f"{annotation} | int", int)
            for name, annotation, _ in written_hints.FIELDS[Source]
        ),
    }
    found = Prebuilt(fields=fields, hooks=written.HOOKS).field_types(Source)
    assert found == typing.get_type_hints(Source)
    assert hints.field_types(Source, fields) == found


def test_the_written_field_types_serve_after_cattrs_resolved_the_annotations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """cattrs resolves the annotations of the fields it builds hooks for (``attrs.resolve_types``);
    the written field types still match (and are compared with the classes' own annotations,
    not the fields'), so no type hints are read."""
    for origin in written_hints.FIELDS:
        attrs.resolve_types(origin)
    monkeypatch.setattr(typing, "get_type_hints", _no_type_hints)
    prebuilt = Prebuilt()
    for origin, fields in written_hints.FIELDS.items():
        assert prebuilt.field_types(origin) == {name: kind for name, _, kind in fields}


def _no_type_hints(*_: Any, **__: Any) -> dict[str, Any]:
    raise AssertionError("type hints read")


def test_a_load_in_a_fresh_interpreter_compiles_no_hook_and_reads_no_hints() -> None:
    """Loading the bundled ledger in a new process compiles no hook (no generated source is
    registered in linecache, as ``gen.compile_function`` does for each) and never calls
    ``typing.get_type_hints`` (the hooks and the integrity rules take the written types)."""
    script = (
        "import linecache, typing\n"
        "calls = []\n"
        "read = typing.get_type_hints\n"
        "typing.get_type_hints = lambda *a, **k: calls.append(a) or read(*a, **k)\n"
        "from claimtrack import datasets\n"
        "datasets.pakistan_iran()\n"
        "print(len(calls), sum(k.startswith('<claimtrack generated') for k in linecache.cache))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["0", "0"]


def test_a_written_module_that_cannot_be_imported_leaves_every_hook_compiled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Written for a model since changed, the module may fail to import (a class it names is
    gone): loads still work, each hook compiled at run time."""
    monkeypatch.setitem(sys.modules, "claimtrack.codec.gen._prebuilt_structure", None)
    monkeypatch.delattr(gen, "_prebuilt_structure")
    hook = _fast(Prebuilt()).get_structure_hook(Source)
    assert hook.__code__.co_filename.startswith("<claimtrack generated fast structure Source")
    expected = Source(id="s", title="t", kind=SourceKind.NEWS)
    assert hook({"id": "s", "title": "t", "kind": "news"}, None) == expected
