"""The fast path's hook table: the structure hooks claimtrack registers, found as cattrs finds
them, without importing cattrs (a valid load never needs it; only explaining a failure does).

Every hook the fast converter dispatches to is claimtrack's own (``converter.build``); cattrs'
part in it was only the table. :class:`Hooks` keeps cattrs' order: a hook registered for a
class serves that class and its subclasses (the nearest registered base first, as
``functools.singledispatch`` does), then the factories, the one registered last asked first.
A type no hook serves raises ``LookupError``, which the fast path takes as a failure (the
detailed converter then reads the document and explains).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Hook", "Hooks"]

#: A structure hook: ``hook(value, type)`` -> the structured value.
Hook = Callable[[Any, Any], Any]


class Hooks:
    """Structure hooks by class and by predicate; each type's hook is looked up (or made by
    its factory) once. Unstructure registrations are accepted and ignored: only the detailed
    converter unstructures."""

    def __init__(self) -> None:
        self._by_class: dict[type, Hook] = {}
        self._factories: list[tuple[Callable[[Any], bool], Callable[[Any], Hook]]] = []
        self._found: dict[Any, Hook] = {}

    def register_structure_hook(self, kind: type, hook: Hook) -> None:
        """Structure ``kind`` (and its subclasses, unless nearer ones are registered) with
        ``hook``."""
        self._by_class[kind] = hook
        self._found.clear()

    def register_structure_hook_factory(
        self, predicate: Callable[[Any], bool], factory: Callable[[Any], Hook]
    ) -> None:
        """Make the hook of each type ``predicate`` accepts with ``factory`` (asked before the
        factories registered earlier)."""
        self._factories.insert(0, (predicate, factory))
        self._found.clear()

    def register_unstructure_hook(self, kind: type, hook: Callable[[Any], Any]) -> None:
        """Ignored: this table only structures."""

    def register_unstructure_hook_factory(
        self, predicate: Callable[[Any], bool], factory: Callable[[Any], Any]
    ) -> None:
        """Ignored: this table only structures."""

    def get_structure_hook(self, kind: Any) -> Hook:
        """The hook that structures ``kind``; ``LookupError`` if none does."""
        hook = self._found.get(kind)
        if hook is None:
            hook = self._found[kind] = self._find(kind)
        return hook

    def structure(self, value: Any, kind: Any) -> Any:
        """``value`` structured as ``kind``."""
        return self.get_structure_hook(kind)(value, kind)

    def _find(self, kind: Any) -> Hook:
        if isinstance(kind, type):
            for base in kind.__mro__:
                hook = self._by_class.get(base)
                if hook is not None:
                    return hook
        for predicate, factory in self._factories:
            if predicate(kind):
                return factory(kind)
        raise LookupError(f"no structure hook for {kind!r}")
