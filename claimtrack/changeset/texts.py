"""The archived texts a changeset reads and brings: checked, held in memory, written last.

Quotes added by a changeset are anchored against the text of their source, which may itself be
new in the same changeset (``text_content``, or a file in the changeset's ``texts`` folder). New
texts are held here until every operation has applied; an existing archived text is never
replaced by a different one.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from claimtrack.errors import OperationRefused
from claimtrack.ledger import Ledger
from claimtrack.model import Evidence, Source
from claimtrack.quotes import verify_quotes

__all__ = ["ArchivedTexts"]


class ArchivedTexts:
    """The ledger's text folder, the texts waiting to be written, and a changeset's own folder.

    ``bringing`` gives a view for one changeset file; every view shares the pending texts.
    """

    def __init__(self, folder: Path, *, pending: dict[str, str] | None = None) -> None:
        self.folder = folder
        self.pending: dict[str, str] = {} if pending is None else pending
        self._brought: Path | None = None

    def bringing(self, folder: Path | None) -> ArchivedTexts:
        """This store, for an operation from a changeset whose texts are in ``folder``."""
        view = ArchivedTexts(self.folder, pending=self.pending)
        view._brought = folder
        return view

    def default_folder(self) -> str:
        """Where a new text goes when its source names none: ``texts/`` if the ledger's folder
        has one (as ``claimtrack init`` makes it), else the folder itself."""
        return "texts/" if (self.folder / "texts").is_dir() else ""

    def provide(self, name: str, content: str | None) -> None:
        """Make the archived text ``name`` available: ``content``, the changeset's own copy, or
        the file already in the text folder. Refuses a text that would replace another."""
        field = ".text_content" if content is not None else ".text"
        _check_name(name)
        if content is None and self._brought is not None:
            content = _read(self._brought / name)
        existing = self.pending.get(name)
        if existing is None:
            existing = _read(self.folder / name)
        if content is None:
            if existing is None:
                where = f"{str(self.folder)!r}"
                if self._brought is not None:
                    where += f" nor in the changeset's texts folder {str(self._brought)!r}"
                raise OperationRefused(".text", f"archived text {name!r} not found in {where}")
            return
        if existing is not None and existing != content:
            raise OperationRefused(
                field, f"archived text {name!r} already exists with other content; not replaced"
            )
        if existing is None:
            self.pending[name] = content

    def text_of(self, source: Source) -> str | None:
        """The archived text of a source, pending or on disk, or None if it has none."""
        if source.text is None:
            return None
        found = self.pending.get(source.text)
        return found if found is not None else _read(self.folder / source.text)

    def check_anchored(self, source: Source, evidence: Evidence) -> None:
        """Refuse a quote that is not found exactly once in its source's archived text."""
        text = self.text_of(source)
        if text is None or evidence.quote is None:
            return
        alone = Ledger(sources=(source,), evidence=(evidence,))
        for problem in verify_quotes(alone, {source.id: text}):
            raise OperationRefused(".quote", problem.message)


def _check_name(name: str) -> None:
    relative = PurePosixPath(name)
    if not name or relative.is_absolute() or ".." in relative.parts or "\\" in name:
        raise OperationRefused(".text", f"{name!r} must be a relative path inside the text folder")


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
