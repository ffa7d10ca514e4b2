"""The shape ARCHITECTURE.md promises: imports go down the layers, every error class lives in
``claimtrack/errors.py``, and test modules never import each other."""

from __future__ import annotations

import ast
from pathlib import Path

from claimtrack import errors
from tests.conftest import ROOT

PACKAGE = ROOT / "claimtrack"

#: The layers of ARCHITECTURE.md, top first, by top-level module or package of claimtrack.
LAYERS = (
    ("cli", "__main__"),
    ("report", "interop", "plot", "relevance", "datasets"),
    ("amend", "changeset", "schema", "quotes", "coverage", "tracking", "synthetic"),
    ("codec", "files"),
    ("ledger", "ledger_history"),
    ("rules", "lifecycle_rules", "history_rules", "query", "knowledge", "history", "revisions"),
    ("fieldtypes", "jsontext", "hints", "_written_hints"),
    ("_registry",),
    ("model",),
    (
        "lifecycle",
        "dates",
        "errors",
        "ids",
        "interrupts",
        "collector",
        "_deprecation",
        "_locate",
        "_version",
    ),
)
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}

#: Imports that go up, on purpose: (module, imported) -> why.
UPWARD = {
    ("errors.py", "interop"): "lazily, to word a message: the status words of a vocabulary;"
    " and to find Location and ImportProblem, defined with the importers",
    ("errors.py", "report"): "lazily, to word a message: table formats, columns, site's extra",
    ("errors.py", "plot"): "lazily, to word a message: the plot extra's install hint",
}


def _runtime_imports(tree: ast.AST) -> list[str]:
    """The claimtrack top-level modules imported at run time (``TYPE_CHECKING`` blocks aside),
    at module level or inside functions."""
    typing_only = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for child in ast.walk(node)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("claimtrack"):
            parts = (node.module or "").split(".")
            found.extend([a.name for a in node.names] if len(parts) == 1 else [parts[1]])
        elif isinstance(node, ast.Import):
            found.extend(a.name.split(".")[1] for a in node.names if "." in a.name)
    return found


def _modules() -> list[tuple[str, Path]]:
    return [(p.relative_to(PACKAGE).as_posix(), p) for p in sorted(PACKAGE.rglob("*.py"))]


def test_every_module_has_a_layer_and_imports_go_down() -> None:
    """Each module imports only its own layer or lower ones, except the listed upward imports;
    a new top-level module must be placed in a layer (and in ARCHITECTURE.md)."""
    upward = set()
    for name, path in _modules():
        if name == "__init__.py":
            continue  # the public API re-exports from every layer, lazily
        top = name.split("/")[0].removesuffix(".py")
        assert top in LEVEL, f"{top}: place it in a layer (tests/test_layout.py, ARCHITECTURE.md)"
        for imported in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if imported in LEVEL and LEVEL[imported] < LEVEL[top]:
                upward.add((name, imported))
    assert upward == set(UPWARD)


def test_every_error_class_is_in_errors() -> None:
    """No module but ``errors.py`` defines a ClaimtrackError (signals that never leave their
    module, like the changeset draft's ``Unsure``, live beside their code)."""
    family = {"ClaimtrackError", *errors.__all__}
    outside = []
    for name, path in _modules():
        if name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                bases = {ast.unparse(base).rsplit(".", 1)[-1] for base in node.bases}
                if bases & family:
                    outside.append(f"{name}: {node.name}")
    assert outside == [], outside


def test_the_layout_check_sees_an_upward_import() -> None:
    """The import scan finds module-level and function-level imports, not typing-only ones."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "from claimtrack.cli import main\n"
        "if TYPE_CHECKING:\n    from claimtrack.report import Table\n"
        "def f():\n    import claimtrack.plot\n    from claimtrack import amend\n"
    )
    assert _runtime_imports(ast.parse(source)) == ["cli", "plot", "amend"]


def test_test_modules_never_import_each_other() -> None:
    """Shared test material lives in ``tests/ledgers.py``, ``strategies.py``, ``corpus.py`` and
    ``conftest.py``; no ``test_*`` module imports another."""
    crossing = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tests.test_"):
                crossing.append(f"{path.name} imports {node.module}")
    assert crossing == []
