"""YAML through PyYAML (the ``yaml`` extra), read the way a person writing a changeset means it.

Two of YAML 1.1's implicit types surprise people and are turned off: ``yes``/``no``/``on``/``off``
stay text (``language: no`` is Norwegian, not false; only ``true`` and ``false`` are booleans),
and ``2019-05-02`` stays text (claimtrack's own dates, with their precision, parse it). The node
tree is kept long enough to note the line every key's value starts on.
"""

from __future__ import annotations

import re
from typing import Any

from claimtrack.errors import MissingExtra, Problem

__all__ = ["parse"]

_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _loader() -> Any:
    try:
        import yaml
    except ImportError:
        raise MissingExtra(
            "yaml", "PyYAML", "reading YAML changesets (TOML and CSV need nothing more)"
        ) from None

    # libyaml's parser when PyYAML was built with it (about ten times faster); the resolver and
    # the constructor are the safe ones either way.
    safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(safe):  # type: ignore[valid-type, misc]
        """The safe loader without the YAML 1.1 yes/no booleans and without timestamps."""

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _TIMESTAMP)]
        for first, resolvers in safe.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return yaml, Loader


def parse(name: str, text: str) -> tuple[Any, dict[str, int], list[Problem]]:
    """The document, the line of every path in it (``$.operations[0].quote`` -> 7), problems."""
    yaml, loader_class = _loader()
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        document = None if node is None else loader.construct_document(node)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = None if mark is None else mark.line + 1
        where = name if line is None else f"{name}:{line}"
        reason = " ".join(str(error).split())
        return None, {}, [Problem(f"{where}: $", f"not valid YAML: {reason}", line)]
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if node is not None:
        _note_lines(yaml, node, "$", lines)
    return document, lines, []


def _note_lines(yaml: Any, node: Any, path: str, lines: dict[str, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                _note_lines(yaml, value, f"{path}.{key.value}", lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _note_lines(yaml, item, f"{path}[{index}]", lines)
