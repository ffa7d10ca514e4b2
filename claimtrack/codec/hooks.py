"""The fast path's hook table: the hooks claimtrack registers, found as cattrs finds them,
without importing cattrs (a valid load and a save never need it; only explaining a failure does).

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


class _Table:
    """Hooks by class and by predicate; each type's hook is looked up (or made by its factory)
    once."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._by_class: dict[type, Any] = {}
        self._factories: list[tuple[Callable[[Any], bool], Callable[[Any], Any]]] = []
        self._found: dict[Any, Any] = {}

    def register(self, kind: type, hook: Any) -> None:
        self._by_class[kind] = hook
        self._found.clear()

    def register_factory(
        self, predicate: Callable[[Any], bool], factory: Callable[[Any], Any]
    ) -> None:
        self._factories.insert(0, (predicate, factory))
        self._found.clear()

    def get(self, kind: Any) -> Any:
        hook = self._found.get(kind)
        if hook is None:
            hook = self._found[kind] = self._find(kind)
        return hook

    def _find(self, kind: Any) -> Any:
        if isinstance(kind, type):
            for base in kind.__mro__:
                hook = self._by_class.get(base)
                if hook is not None:
                    return hook
        for predicate, factory in self._factories:
            if predicate(kind):
                return factory(kind)
        raise LookupError(f"no {self._what} hook for {kind!r}")


class Hooks:
    """Structure and unstructure hooks, registered and looked up as on a cattrs converter."""

    def __init__(self) -> None:
        self._structure = _Table("structure")
        self._unstructure = _Table("unstructure")

    def register_structure_hook(self, kind: type, hook: Hook) -> None:
        """Structure ``kind`` (and its subclasses, unless nearer ones are registered) with
        ``hook``."""
        self._structure.register(kind, hook)

    def register_structure_hook_factory(
        self, predicate: Callable[[Any], bool], factory: Callable[[Any], Hook]
    ) -> None:
        """Make the structure hook of each type ``predicate`` accepts with ``factory`` (asked
        before the factories registered earlier)."""
        self._structure.register_factory(predicate, factory)

    def register_unstructure_hook(self, kind: type, hook: Callable[[Any], Any]) -> None:
        """Unstructure ``kind`` (and its subclasses) with ``hook``."""
        self._unstructure.register(kind, hook)

    def register_unstructure_hook_factory(
        self, predicate: Callable[[Any], bool], factory: Callable[[Any], Callable[[Any], Any]]
    ) -> None:
        """Make the unstructure hook of each type ``predicate`` accepts with ``factory``."""
        self._unstructure.register_factory(predicate, factory)

    def get_structure_hook(self, kind: Any) -> Hook:
        """The hook that structures ``kind``; ``LookupError`` if none does."""
        hook: Hook = self._structure.get(kind)
        return hook

    def get_unstructure_hook(self, kind: Any) -> Callable[[Any], Any]:
        """The hook that unstructures ``kind``; ``LookupError`` if none does."""
        hook: Callable[[Any], Any] = self._unstructure.get(kind)
        return hook

    def structure(self, value: Any, kind: Any) -> Any:
        """``value`` structured as ``kind``."""
        return self.get_structure_hook(kind)(value, kind)

    def unstructure(self, value: Any) -> Any:
        """``value`` unstructured by its class's hook."""
        return self.get_unstructure_hook(type(value))(value)
