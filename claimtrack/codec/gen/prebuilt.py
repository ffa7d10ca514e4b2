"""The fast structure hooks written ahead of time, so that a load neither reads type hints nor
compiles: ``python -m claimtrack.codec.gen --write`` writes what :mod:`.structure` generates for
every model class into ``_prebuilt_structure.py``, and a load uses it while it holds exactly the
code the generator gives now.

There is one generator (``make_structure``); this module only moves its output ahead of time.
At run time the hooks are still generated as text (cheap), and each is compared with the text
written: a model changed since (a field, a type, a default) gives different text, and that hook
is compiled at run time as before; ``tests/test_codec_prebuilt.py`` fails until the module is
written again. Each written hook is a factory taking the generated code's namespace, so the
objects it refers to (classes, hooks, enum members) are the ones of this run.
"""

from __future__ import annotations

import os
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from claimtrack import hints
from claimtrack.codec.gen.structure import Compiling, Hook

__all__ = [
    "HINTS_MODULE",
    "MODULE",
    "Prebuilt",
    "Recording",
    "current_texts",
    "factory_text",
    "render",
]

#: The written module's file, beside this one.
MODULE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_prebuilt_structure.py")

#: The written field types' file (``claimtrack/_written_hints.py``: the rules read them too).
HINTS_MODULE = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    "_written_hints.py",
)

#: What regenerates it.
COMMAND = "python -m claimtrack.codec.gen --write"


def factory_text(name: str, lines: list[str], namespace: Mapping[str, Any]) -> str:
    """The source of a factory ``name`` that takes ``namespace``'s names and returns the hook
    ``lines`` define: the text written for a hook, and the text it is compared with."""
    parameters = ", ".join(sorted(namespace))
    body = "".join(f"    {line}\n" for line in lines)
    return f"def {name}({parameters}):\n{body}    return structure\n"


class Prebuilt(Compiling):
    """Field types and hooks from the written module, where it matches; else made at run time."""

    def __init__(
        self, fields: Mapping[Any, Any] | None = None, hooks: Mapping[Any, Any] | None = None
    ) -> None:
        """From the written modules, unless ``fields`` and ``hooks`` stand in for their tables
        (``claimtrack.hints``' field types, and the hooks)."""
        if hooks is None:
            try:
                from claimtrack.codec.gen import _prebuilt_structure as written
            except Exception:  # written for a model since changed (a class gone, no longer
                hooks = {}  # generic...): nothing written is used
            else:
                hooks = written.HOOKS
        self._fields = hints.written() if fields is None else fields
        self._hooks = hooks

    def field_types(self, origin: type) -> dict[str, Any]:
        return hints.field_types(origin, self._fields)

    def function(
        self, record_type: Any, lines: list[str], namespace: dict[str, Any], *, what: str
    ) -> Hook:
        hook = self._hooks.get(record_type)
        if hook is not None:
            factory, text = hook
            if factory_text(factory.__name__, lines, namespace) == text:
                made: Hook = factory(**namespace)
                return made
        return super().function(record_type, lines, namespace, what=what)


class Recording(Compiling):
    """Made at run time, as :class:`Compiling`, remembering each class's field types and each
    hook's code (what :func:`render` writes)."""

    def __init__(self) -> None:
        self.fields: dict[type, list[tuple[str, Any, Any]]] = {}
        self.hooks: dict[Any, tuple[list[str], dict[str, Any]]] = {}

    def field_types(self, origin: type) -> dict[str, Any]:
        found = super().field_types(origin)
        self.fields[origin] = [
            (name, annotation, found[name]) for name, annotation in hints.annotations_of(origin)
        ]
        return found

    def function(
        self, record_type: Any, lines: list[str], namespace: dict[str, Any], *, what: str
    ) -> Hook:
        self.hooks[record_type] = (lines, dict.fromkeys(namespace))
        return super().function(record_type, lines, namespace, what=what)


def current_texts() -> dict[str, str]:
    """What the written modules hold when up to date, by file: the hooks of the fast converter
    (``converter.build`` as for ``converter.FAST``) for every collection's records, and the
    field types of the classes they structure."""
    from claimtrack import _registry as registry
    from claimtrack.codec import converter

    def build(source: Compiling) -> Any:
        ids = converter.shared_ids({})
        return converter.build(detailed=False, tally=[0], ids=ids, source=source)

    hooks, fields = render(build, [collection.record_type for collection in registry.COLLECTIONS])
    return {MODULE: hooks, HINTS_MODULE: fields}


def render(build: Callable[[Compiling], Any], record_types: list[Any]) -> tuple[str, str]:
    """The texts of ``_prebuilt_structure.py`` and ``_written_hints.py``: the hooks the
    converter ``build(source)`` makes for ``record_types`` (and the classes inside them), and
    those classes' field types."""
    recording = Recording()
    converter = build(recording)
    for record_type in record_types:
        converter.get_structure_hook(record_type)
    return _hooks_text(recording), _hints_text(recording)


def _heading(what: str, imports: dict[str, set[str]]) -> list[str]:
    return [
        f'"""Written by ``{COMMAND}``: do not edit.',
        "",
        *what.splitlines(),
        '"""',
        "",
        "from typing import Any",
        "",
        *(
            f"from {module} import {', '.join(sorted(names))}"
            for module, names in sorted(imports.items())
        ),
        "",
    ]


def _hints_text(recording: Recording) -> str:
    imports: dict[str, set[str]] = {}
    spell = _Speller(imports)
    lines = []
    for origin, fields in recording.fields.items():
        if not all(isinstance(annotation, str) for _, annotation, _ in fields):
            continue  # only a written annotation can be compared at run time
        lines.append(f"    {spell(origin)}: (")
        lines.extend(
            f"        ({name!r}, {annotation!r}, {spell(kind)}),"
            for name, annotation, kind in fields
        )
        lines.append("    ),")
    what = (
        "The field types of the model classes the fast load hooks structure, as\n"
        "``typing.get_type_hints`` finds them: ``claimtrack.hints`` uses each class's while its\n"
        "annotations are the ones written; ``tests/test_codec_prebuilt.py`` fails when stale."
    )
    return "\n".join(
        [
            *_heading(what, imports),
            "#: Per model class, each field: its name, its annotation as written, its type.",
            "FIELDS: dict[Any, Any] = {",
            *lines,
            "}",
            "",
        ]
    )


def _hooks_text(recording: Recording) -> str:
    imports: dict[str, set[str]] = {}
    spell = _Speller(imports)
    factories, table = [], []
    for record_type, (lines, namespace) in recording.hooks.items():
        key = spell(record_type)
        name = "_" + "".join(c if c.isalnum() else "_" for c in key).strip("_")
        text = factory_text(name, lines, namespace)
        factories.append(text)
        table.append(f"    {key}: ({name}, {text!r}),")
    what = (
        "The fast structure hooks of ``claimtrack.codec.gen.structure``, generated ahead of\n"
        "time so that a load needs neither type hints nor ``compile``: ``gen.prebuilt`` uses\n"
        "each while it matches; ``tests/test_codec_prebuilt.py`` fails when it is stale."
    )
    return "\n".join(
        [
            *_heading(what, imports),
            *(f"\n{text}" for text in factories),
            "",
            "#: Per record type: the factory of its hook, and the factory's text (compared at run",
            "#: time with the generator's).",
            "HOOKS: dict[Any, Any] = {",
            *table,
            "}",
            "",
        ]
    )


class _Speller:
    """Python source naming a type, noting the imports it needs."""

    def __init__(self, imports: dict[str, set[str]]) -> None:
        self._imports = imports

    def __call__(self, kind: Any) -> str:
        if kind is None or kind is type(None):
            return "None"
        if kind is Ellipsis:
            return "..."
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin is typing.Union or origin is types.UnionType:
            return " | ".join(self(arg) for arg in args)
        if origin is not None:
            return f"{self(origin)}[{', '.join(self(arg) for arg in args)}]"
        if isinstance(kind, type | TypeVar):
            name = kind.__name__
            module = kind.__module__
            if module == "builtins":
                return name
            if getattr(sys.modules.get(module), name, None) is not kind:
                raise TypeError(f"cannot name {kind!r} by an import")
            self._imports.setdefault(module, set()).add(name)
            return name
        raise TypeError(f"cannot spell the type {kind!r}")
