"""Every file claimtrack writes goes through here: atomic writes, the ledger lock, safe targets.

Atomic writes. ``write_atomically`` puts the bytes in a temporary file in the target's folder
(``.NAME.<8 random>.tmp``), flushes and fsyncs it, then renames it over the target, so a reader or
a crash sees the old content or the new, never a mix; a symlink at the target is replaced, never
followed, and an existing file keeps its permissions. ``write_folder_atomically`` does the same for
a set of files (a CSV table per entity): every file is written before any is put in place, so a
full disk leaves no half-written folder behind.

Special files are never replaced: a FIFO, a device, a socket or a folder at the target is refused
(``UnsafeTarget``), since replacing ``/dev/null`` or a named pipe with a regular file is never
what the user meant.

Output targets. ``write_output`` is what every command that writes a file calls: ``-`` means
standard output; an existing file is refused unless ``force`` is given (the CLI's ``--force``);
the ledger the command read is never overwritten, whatever ``force`` says.

The ledger lock. Updating a ledger in place holds an exclusive lock for the whole
read-validate-write cycle, taken on a sidecar file (``.NAME.lock`` next to the ledger) because
saving replaces the ledger's inode. The lock is ``filelock.FileLock``: ``flock`` on Unix,
``LockFileEx`` on Windows, both released by the operating system when their holder dies, and a
marker-file fallback on file systems without ``flock``. The sidecar stays in place (deleting it
while another process waits on it would break the exclusion). RELIABILITY.md says which disks
this is safe on.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

from claimtrack import interrupts
from claimtrack.errors import LedgerFileError, UnsafeTarget

# pathlib is imported where a path is built: reading a file, what most commands do, needs none
# (pathlib, with urllib.parse and ipaddress, is a few milliseconds of every command's start).
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "STDOUT",
    "check_target",
    "lock_path",
    "locked",
    "read_regular_file",
    "stale_temporaries",
    "write_atomically",
    "write_folder_atomically",
    "write_output",
]

#: The output target that means standard output.
STDOUT = "-"

PathLike = str | os.PathLike[str]

#: How often a waiting update retries the lock (filelock's default, 50 ms, made a queue of
#: updates several times slower).
_POLL_SECONDS = 0.005

#: How long one attempt to take the lock waits before checking for a lost Ctrl-C.
_WAIT_SLICE = 0.1

#: Why an existing file is refused: the CLI's flag and the library's keyword replace it.
_EXISTS = "exists; pass --force (force=True in Python) to replace it"


# -- atomic writes ---------------------------------------------------------------------------


def write_atomically(target: PathLike, data: bytes) -> None:
    """Replace ``target`` with ``data`` so that a crash leaves the old or the new content.

    Raises ``UnsafeTarget`` for a special file (FIFO, device, socket, folder) at ``target`` and
    ``LedgerFileError`` when the folder cannot be written.
    """
    from pathlib import Path

    path = Path(target)
    mode = _existing_mode(path)
    temporary = _temporary_file(path, data)
    try:
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise LedgerFileError(f"cannot write {os.fspath(path)!r}: {error.strerror}") from None
        raise
    _fsync_folder(path.parent)


def write_folder_atomically(
    folder: PathLike, files: Mapping[str, bytes], *, force: bool = False
) -> list[Path]:
    """Write ``files`` (name -> bytes) into ``folder``: all of them, or none on failure.

    A missing folder is built under a temporary name and renamed into place. In an existing
    folder every file is first written to a temporary file and only then renamed over its
    target, so a failure (a full disk, a read-only folder) changes nothing. Existing files are
    refused unless ``force``. Returns the paths written, in the order given.
    """
    from pathlib import Path

    target = Path(folder)
    for name in files:
        if Path(name).name != name or name in {"", ".", ".."}:
            raise ValueError(f"{name!r} is not a plain file name")
    if not _exists(target):
        return _new_folder(target, files)
    if not target.is_dir():
        raise UnsafeTarget(os.fspath(target), "is not a folder")
    paths = [target / name for name in files]
    for path in paths:
        _refuse_special(path)
        if not force and _exists(path):
            raise UnsafeTarget(os.fspath(path), _EXISTS)
    written: list[tuple[Path, Path]] = []
    try:
        for path, data in zip(paths, files.values(), strict=True):
            mode = _existing_mode(path)
            temporary = _temporary_file(path, data)
            written.append((temporary, path))
            os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
        for temporary, path in written:
            os.replace(temporary, path)
    except BaseException as error:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError) and not isinstance(error, LedgerFileError):
            raise LedgerFileError(
                f"cannot write into {os.fspath(target)!r}: {error.strerror}"
            ) from None
        raise
    _fsync_folder(target)
    return paths


def _new_folder(target: Path, files: Mapping[str, bytes]) -> list[Path]:
    import shutil
    import tempfile  # here and below: only writing needs them, and reading is most commands
    from pathlib import Path

    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as error:
        raise LedgerFileError(f"cannot create {os.fspath(target)!r}: {error.strerror}") from None
    try:
        for name, data in files.items():
            write_atomically(building / name, data)
        os.chmod(building, 0o777 & ~_umask())
        os.rename(building, target)
    except BaseException as error:
        shutil.rmtree(building, ignore_errors=True)
        if isinstance(error, OSError) and not isinstance(error, LedgerFileError):
            raise LedgerFileError(
                f"cannot create {os.fspath(target)!r}: {error.strerror}"
            ) from None
        raise
    _fsync_folder(parent)
    return [target / name for name in files]


def _temporary_file(target: Path, data: bytes) -> Path:
    """Write ``data`` to a fsynced temporary file next to ``target``; returns its path."""
    import tempfile
    from pathlib import Path

    folder = target.parent
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise LedgerFileError(
            f"cannot write into {os.fspath(folder)!r}: {error.strerror}"
        ) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise LedgerFileError(f"cannot write {os.fspath(target)!r}: {error.strerror}") from None
        raise
    return temporary


def _existing_mode(path: Path) -> int | None:
    """The permissions to keep: those of a regular file at ``path``; refuses special files."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise LedgerFileError(f"cannot write {os.fspath(path)!r}: {error.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        return None  # the link itself is replaced
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeTarget(os.fspath(path), f"is {_kind(info.st_mode)}, not a regular file")
    return info.st_mode & 0o7777


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _exists(path: Path) -> bool:
    """Whether anything (even a dangling symlink) is at ``path``."""
    try:
        path.lstat()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise LedgerFileError(f"cannot use {os.fspath(path)!r}: {error.strerror}") from None
    return True


# -- reading -----------------------------------------------------------------------------------


def read_regular_file(path: PathLike, noun: str = "file") -> bytes:
    """The bytes of the regular file at ``path``; never blocks on a FIFO or reads a device.

    The file is opened without blocking and checked before any read, so a named pipe, a device,
    a folder, a symlink loop or a name holding a NUL byte is a ``LedgerFileError`` naming it
    (its ``strerror`` says why, without the name).
    """
    name = os.fspath(path)
    try:
        descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except ValueError:  # an embedded NUL byte
        raise _unreadable(noun, name, "the name holds a NUL byte") from None
    except OSError as error:
        raise _unreadable(noun, name, error.strerror) from None
    with os.fdopen(descriptor, "rb") as stream:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise _unreadable(noun, name, f"it is {_kind(mode)}, not a regular file")
        try:
            return stream.read()
        except OSError as error:
            raise _unreadable(noun, name, error.strerror) from None


def _unreadable(noun: str, name: str, reason: str | None) -> LedgerFileError:
    error = LedgerFileError(f"cannot read {noun} {name!r}: {reason}")
    error.strerror = reason
    return error


# -- output targets ----------------------------------------------------------------------------


def check_target(out: PathLike, *, force: bool = False, read: Iterable[PathLike] = ()) -> Path:
    """Refuse an unsafe output file; returns it as a ``Path`` to give ``write_atomically``.

    Refused: a special file at ``out`` or behind a symlink there, any file in ``read`` (the
    ledger the command read), and any existing file unless ``force``.
    """
    from pathlib import Path

    path = Path(out)
    _refuse_special(path)
    for source in read:
        if _same_file(path, Path(source)):
            raise UnsafeTarget(os.fspath(path), "is the ledger this command read; write elsewhere")
    if not force and _exists(path):
        raise UnsafeTarget(os.fspath(path), _EXISTS)
    return path


def write_output(
    out: PathLike | None,
    data: bytes | str,
    *,
    force: bool = False,
    read: Iterable[PathLike] = (),
) -> None:
    """Write a command's output: to standard output for ``None`` or ``-``, else to a file.

    A file is checked by ``check_target`` and written by ``write_atomically``.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if out is None or os.fspath(out) == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    write_atomically(check_target(out, force=force, read=read), payload)


def _refuse_special(path: Path) -> None:
    """Refuse a FIFO, device, socket or folder at ``path`` or at the end of a symlink there."""
    for follow in (False, True):
        try:
            info = path.stat(follow_symlinks=follow)
        except FileNotFoundError:
            return
        except OSError as error:  # a symlink loop, a name too long
            raise UnsafeTarget(os.fspath(path), f"cannot be used ({error.strerror})") from None
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
            raise UnsafeTarget(os.fspath(path), f"is {_kind(info.st_mode)}, not a regular file")


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.abspath(one) == os.path.abspath(other)


# -- the ledger lock ---------------------------------------------------------------------------


def lock_path(ledger: PathLike) -> Path:
    """The sidecar lock file of a ledger: ``.NAME.lock`` in the same folder."""
    from pathlib import Path

    path = Path(ledger)
    return path.parent / f".{path.name}.lock"


def stale_temporaries(ledger: PathLike) -> list[Path]:
    """The temporary files ``write_atomically`` creates for this ledger, sorted.

    They are named ``.NAME.<8 random>.tmp``; outside the lock these may belong to a live writer,
    under it only to a dead one.
    """
    from pathlib import Path

    path = Path(ledger)
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return sorted(path.parent / name for name in names if pattern.fullmatch(name))


@contextmanager
def locked(ledger: PathLike, *, timeout: float | None = None) -> Iterator[None]:
    """Hold the ledger's exclusive lock for the block; wait at most ``timeout`` seconds for it.

    The ledger must exist (no lock file is left next to a missing one). On entry, the stale
    temporary files of killed writers are removed. Raises ``LedgerFileError`` if the ledger is
    missing or the lock cannot be taken in time or at all.
    """
    from pathlib import Path

    path = Path(ledger)
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except OSError as error:
        raise LedgerFileError(f"cannot read ledger {os.fspath(path)!r}: {error.strerror}") from None
    if not regular:
        raise UnsafeTarget(os.fspath(path), "is not a regular file")
    import filelock  # here, not at the top: reading a ledger never locks it

    lock = filelock.FileLock(lock_path(path))
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        # Waited for in slices, so that a Ctrl-C that Python lost (``claimtrack.interrupts``)
        # still ends the wait.
        left = _WAIT_SLICE if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            lock.acquire(timeout=min(left, _WAIT_SLICE), poll_interval=_POLL_SECONDS)
            break
        except filelock.Timeout:
            if interrupts.seen():
                raise KeyboardInterrupt from None
            if deadline is not None and time.monotonic() >= deadline:
                raise LedgerFileError(
                    f"ledger {os.fspath(path)!r} is locked by another update;"
                    f" gave up after {timeout:g} s"
                ) from None
        except OSError as error:
            raise LedgerFileError(
                f"cannot lock {os.fspath(lock_path(path))!r}: {error.strerror}"
            ) from None
    try:
        for temporary in stale_temporaries(path):
            temporary.unlink(missing_ok=True)
        yield
    finally:
        lock.release()
