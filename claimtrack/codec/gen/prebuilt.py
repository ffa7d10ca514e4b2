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

import inspect
import os
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from claimtrack.codec.gen.structure import Compiling, Hook

__all__ = ["MODULE", "Prebuilt", "Recording", "current_text", "factory_text", "render"]

#: The written module's file, beside this one.
MODULE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_prebuilt_structure.py")

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
        """From the written module, unless ``fields`` and ``hooks`` stand in for its tables."""
        if fields is None or hooks is None:
            try:
                from claimtrack.codec.gen import _prebuilt_structure as written
            except Exception:  # written for a model since changed (a class gone, no longer
                fields, hooks = {}, {}  # generic...): nothing written is used
            else:
                fields, hooks = written.FIELDS, written.HOOKS
        self._fields, self._hooks = fields, hooks

    def field_types(self, origin: type) -> dict[str, Any]:
        fields = self._fields.get(origin)
        if fields is not None and _annotations(origin) == [
            (name, annotation) for name, annotation, _ in fields
        ]:
            return {name: kind for name, _, kind in fields}
        return super().field_types(origin)

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


def _annotations(origin: type) -> list[tuple[str, Any]]:
    """Each field's name and annotation as written in its class (a string, under ``from
    __future__ import annotations``), whatever ``attrs.resolve_types`` did to the fields since."""
    written: dict[str, Any] = {}
    for klass in reversed(origin.__mro__):
        written.update(inspect.get_annotations(klass))
    return [(a.name, written.get(a.name)) for a in attrs.fields(origin)]


class Recording(Compiling):
    """Made at run time, as :class:`Compiling`, remembering each class's field types and each
    hook's code (what :func:`render` writes)."""

    def __init__(self) -> None:
        self.fields: dict[type, list[tuple[str, Any, Any]]] = {}
        self.hooks: dict[Any, tuple[list[str], dict[str, Any]]] = {}

    def field_types(self, origin: type) -> dict[str, Any]:
        found = super().field_types(origin)
        self.fields[origin] = [
            (name, annotation, found[name]) for name, annotation in _annotations(origin)
        ]
        return found

    def function(
        self, record_type: Any, lines: list[str], namespace: dict[str, Any], *, what: str
    ) -> Hook:
        self.hooks[record_type] = (lines, dict.fromkeys(namespace))
        return super().function(record_type, lines, namespace, what=what)


def current_text() -> str:
    """What ``_prebuilt_structure.py`` holds when up to date: the hooks of the fast converter
    (``converter.build`` as for ``converter.FAST``) for every collection's records."""
    from claimtrack import _registry as registry
    from claimtrack.codec import converter

    def build(source: Compiling) -> Any:
        ids = converter.shared_ids({})
        return converter.build(detailed=False, tally=[0], ids=ids, source=source)

    return render(build, [collection.record_type for collection in registry.COLLECTIONS])


def render(build: Callable[[Compiling], Any], record_types: list[Any]) -> str:
    """The text of ``_prebuilt_structure.py``: the hooks the converter ``build(source)`` makes
    for ``record_types`` (and the classes inside them)."""
    recording = Recording()
    converter = build(recording)
    for record_type in record_types:
        converter.get_structure_hook(record_type)
    imports: dict[str, set[str]] = {}
    spell = _Speller(imports)
    field_lines = []
    for origin, fields in recording.fields.items():
        if not all(isinstance(annotation, str) for _, annotation, _ in fields):
            continue  # only a written annotation can be compared at run time
        field_lines.append(f"    {spell(origin)}: (")
        field_lines.extend(
            f"        ({name!r}, {annotation!r}, {spell(kind)}),"
            for name, annotation, kind in fields
        )
        field_lines.append("    ),")
    factories, table = [], []
    for record_type, (lines, namespace) in recording.hooks.items():
        key = spell(record_type)
        name = "_" + "".join(c if c.isalnum() else "_" for c in key).strip("_")
        text = factory_text(name, lines, namespace)
        factories.append(text)
        table.append(f"    {key}: ({name}, {text!r}),")
    heading = [
        f'"""Written by ``{COMMAND}``: do not edit.',
        "",
        "The fast structure hooks of ``claimtrack.codec.gen.structure``, generated ahead of",
        "time so that a load needs neither type hints nor ``compile``: ``gen.prebuilt`` uses",
        "each while it matches; ``tests/test_codec_prebuilt.py`` fails when it is stale.",
        '"""',
        "",
        "from typing import Any",
        "",
        *(
            f"from {module} import {', '.join(sorted(names))}"
            for module, names in sorted(imports.items())
        ),
        "",
        "#: Per model class, each field: its name, its annotation as written, the type it names.",
        "FIELDS: dict[Any, Any] = {",
        *field_lines,
        "}",
        "",
    ]
    return "\n".join(
        [
            *heading,
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
