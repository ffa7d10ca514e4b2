"""All generated code: straight-line hooks per model class, compiled where tracebacks can see them.

Like attrs' ``_linecache_and_compile`` and cattrs' ``gen``, every generated function's source is
registered in :mod:`linecache` under a unique file name (``<claimtrack generated ...>``), so a
traceback through it shows the generated lines. Each hook stands in for a plain cattrs hook and is
tested against it (``tests/test_codec_gen.py``).
"""

from __future__ import annotations

import itertools
import linecache
from collections.abc import Callable
from typing import Any

__all__ = ["compile_function"]

_serial = itertools.count(1)


def compile_function(
    name: str, lines: list[str], namespace: dict[str, Any], *, what: str
) -> Callable[..., Any]:
    """Compile ``lines`` (defining function ``name``) in ``namespace``; returns the function.

    ``what`` says what the code is for (e.g. ``"structure Source"``); the source is kept in
    :mod:`linecache` under ``<claimtrack generated WHAT #N>``.
    """
    source = "\n".join(lines) + "\n"
    filename = f"<claimtrack generated {what} #{next(_serial)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    code = compile(source, filename, "exec")
    exec(code, namespace)  # noqa: S102 - code built by this package from the classes' own fields
    function: Callable[..., Any] = namespace[name]
    return function
