"""Where claimtrack writes: `-` is stdout, special files and the ledger read are refused,
existing files need --force, and a folder of CSV tables is written whole or not at all."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

import claimtrack
from claimtrack.cli import main
from claimtrack.errors import LedgerFileError, UnsafeTarget
from claimtrack.files import check_target, write_atomically, write_folder_atomically, write_output
from claimtrack.interop.sqlite import write_sqlite
from tests.ledgers import valid, write


def ledger_file(folder: Path) -> Path:
    return write(folder, valid())


def test_dash_means_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--out -` writes to standard output and creates no file named '-'."""
    path = ledger_file(tmp_path)
    os.chdir(tmp_path)
    assert main(["export", "--ledger", str(path), "--to", "json", "--out", "-"]) == 0
    assert capsys.readouterr().out.startswith("[")
    assert not (tmp_path / "-").exists()


def test_fifo_is_refused_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A FIFO at --out is refused (no hang, no regular file put in its place)."""
    path = ledger_file(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code = main(["export", "--ledger", str(path), "--to", "csv", "--out", str(fifo), "--force"])
    assert code == 1
    assert capsys.readouterr().err == (
        f"claimtrack: refusing to write {str(fifo)!r}: it is a named pipe (FIFO),"
        " not a regular file\n"
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_device_is_refused_even_behind_a_symlink(tmp_path: Path) -> None:
    """/dev/null, directly or through a symlink, is never replaced by a regular file."""
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    for target in (Path("/dev/null"), link):
        with pytest.raises(UnsafeTarget, match="is a device"):
            check_target(target, force=True)
    with pytest.raises(UnsafeTarget, match="is a device"):
        write_atomically("/dev/null", b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_ledger_read_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """export --out LEDGER is refused even with --force; the ledger keeps its bytes."""
    path = ledger_file(tmp_path)
    before = path.read_bytes()
    for extra in ([], ["--force"]):
        argv = ["export", "--ledger", str(path), "--to", "json", "--out", str(path), *extra]
        assert main(argv) == 1
        assert "is the ledger this command read" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_existing_file_needs_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An existing output file is refused without --force and replaced with it."""
    path = ledger_file(tmp_path)
    out = tmp_path / "status.csv"
    out.write_text("keep me", encoding="utf-8")
    argv = ["export", "--ledger", str(path), "--to", "csv", "--out", str(out)]
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        f"claimtrack: refusing to write {str(out)!r}: "
        "it exists; pass --force (force=True in Python) to replace it\n"
    )
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main([*argv, "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("id,")


def test_import_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    """`import DB --out DB` never replaces the database it reads."""
    database = tmp_path / "ledger.sqlite"
    write_sqlite(claimtrack.datasets.pakistan_iran(), database)
    before = database.read_bytes()
    assert main(["import", str(database), "--out", str(database), "--force"]) == 1
    assert database.read_bytes() == before


def test_write_output_accepts_text_and_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`write_output` encodes text as UTF-8 and writes None or '-' to stdout."""
    write_output(tmp_path / "a.txt", "é")
    assert (tmp_path / "a.txt").read_bytes() == "é".encode()
    write_output(None, b"to stdout\n")
    write_output("-", "and again\n")
    assert capsys.readouterr().out == "to stdout\nand again\n"


def test_folder_is_written_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure on the last file (a full disk) leaves no folder and no temporary behind."""
    files = {"a.csv": b"a", "b.csv": b"b", "c.csv": b"c"}
    real_fsync = os.fsync
    calls = []

    def fsync(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(LedgerFileError, match="No space left on device"):
        write_folder_atomically(tmp_path / "tables", files)
    assert sorted(tmp_path.iterdir()) == []
    # in an existing folder, the same failure replaces nothing
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "a.csv").write_bytes(b"old")
    calls.clear()
    with pytest.raises(LedgerFileError, match="No space left on device"):
        write_folder_atomically(folder, files, force=True)
    assert sorted(p.name for p in folder.iterdir()) == ["a.csv"]
    assert (folder / "a.csv").read_bytes() == b"old"


def test_csv_folder_into_read_only_folder_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`export --to csv-per-entity` into a read-only folder: exit 1, one line, nothing written."""
    path = ledger_file(tmp_path)
    read_only = tmp_path / "ro"
    read_only.mkdir()
    read_only.chmod(0o555)
    if os.geteuid() == 0:  # root writes anyway: make the folder refuse as it would a user
        import tempfile

        def refuse(*args: object, **kwargs: object) -> str:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(tempfile, "mkdtemp", refuse)
        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        argv = ["export", "--ledger", str(path), "--to", "csv-per-entity"]
        assert main([*argv, "--out", str(read_only / "tables")]) == 1
        assert capsys.readouterr().err == (
            f"claimtrack: cannot create {str(read_only / 'tables')!r}: Permission denied\n"
        )
        assert list(read_only.iterdir()) == []
        assert main([*argv, "--out", str(read_only)]) == 1  # existing, read-only folder
        assert capsys.readouterr().err == (
            f"claimtrack: cannot write into {str(read_only)!r}: Permission denied\n"
        )
        assert list(read_only.iterdir()) == []
    finally:
        read_only.chmod(0o755)


def test_csv_folder_refuses_existing_files_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing table file is kept unless --force; with it every table is replaced."""
    path = ledger_file(tmp_path)
    out = tmp_path / "tables"
    argv = ["export", "--ledger", str(path), "--to", "csv-per-entity", "--out", str(out)]
    assert main(argv) == 0
    names = sorted(p.name for p in out.iterdir())
    assert "commitments.csv" in names
    assert main(argv) == 1
    assert "exists; pass --force" in capsys.readouterr().err
    assert main([*argv, "--force"]) == 0
    assert sorted(p.name for p in out.iterdir()) == names
