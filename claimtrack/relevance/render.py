"""Triage suggestions as a table, as JSON, and as a changeset to accept them from.

The changeset follows the changeset file format (``claimtrack apply``): an ``add-source`` for the
article (unless the ledger has it already), then every suggested ``cite`` commented out, best
first per item, each under a comment with the score and the words that matched; the possible new
pledges and claims follow as commented ``add-evidence`` operations. The analyst uncomments what
they accept (deleting ``# `` from each line of an operation), sets its stance and runs
``claimtrack apply``. Strings are written as double-quoted YAML scalars (JSON string syntax, with
the Unicode line separators escaped too), so any sentence survives the round trip.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

from claimtrack.lifecycle import Stance
from claimtrack.relevance.suggestions import Suggestion
from claimtrack.report.table import Table

__all__ = ["changeset", "suggestion_records", "suggestion_table", "to_json"]

_HEADERS = ("item", "kind", "rank", "score", "matched", "sentence")
_SHOWN = 100
_WORDS = 8
_YAML_UNSAFE = re.compile("[\u0085\u2028\u2029]")


def suggestion_table(suggestions: Sequence[Suggestion], *, full: bool = False) -> Table:
    """One row per suggestion; sentences cut to 100 characters and matched words to 8 unless
    ``full``."""
    rows = tuple(
        (
            s.item or "(new)",
            s.kind.value,
            str(s.rank),
            f"{s.score:.3f}",
            _words(s.matched, full),
            s.sentence if full or len(s.sentence) <= _SHOWN else s.sentence[: _SHOWN - 1] + "…",
        )
        for s in suggestions
    )
    return Table(_HEADERS, rows, title=f"Triage: {len(suggestions)} suggestions")


def _words(words: tuple[str, ...], full: bool) -> str:
    shown = words if full or len(words) <= _WORDS else (*words[: _WORDS - 1], "…")
    return ", ".join(shown)


def suggestion_records(suggestions: Sequence[Suggestion]) -> list[dict[str, object]]:
    """The suggestions as plain dictionaries, every field included."""
    return [
        {
            "item": s.item,
            "kind": s.kind.value,
            "rank": s.rank,
            "score": s.score,
            "matched": list(s.matched),
            "sentence": s.sentence,
            "start": s.start,
            "end": s.end,
            "quote": {"exact": s.quote.exact, "prefix": s.quote.prefix, "suffix": s.quote.suffix},
        }
        for s in suggestions
    ]


def to_json(suggestions: Sequence[Suggestion]) -> str:
    """The suggestions as a JSON array (see ``suggestion_records``)."""
    return json.dumps(suggestion_records(suggestions), ensure_ascii=False, indent=2) + "\n"


def _string(text: str) -> str:
    """A double-quoted YAML scalar holding ``text`` exactly."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def _comment(text: str) -> str:
    """``text`` on one comment line: line breaks shown as spaces."""
    return " ".join(text.split())


def changeset(
    suggestions: Sequence[Suggestion],
    *,
    source_id: str,
    article_name: str,
    title: str,
    new_source: bool,
    item_texts: Mapping[str, str],
    ledger_name: str = "LEDGER",
    changeset_name: str = "THIS-FILE",
) -> str:
    """A changeset (YAML) adding the article's source and, commented out, each suggested cite."""
    lines = [
        f"# claimtrack triage of {_comment(article_name)}: suggested citations, commented out.",
        "# To accept one, delete '# ' at the start of each line of its operation and set its",
        f"# stance ({', '.join(stance.value for stance in Stance)}); then run:",
        f"#   claimtrack apply --ledger {_comment(ledger_name)} {_comment(changeset_name)}",
        "changeset: 1",
        "operations:",
    ]
    if new_source:
        lines += [
            "  - op: add-source",
            f"    id: {_string(source_id)}",
            f"    title: {_string(title)}  # the article's first line: check it",
            "    kind: news  # news, magazine, opinion, official_statement, transcript, ...",
            f"    text: {_string(article_name)}  # copy the article into the ledger's text folder",
            "    # published: 2024-05-02  # EDTF: 2024-05, 2024?, or {date: ..., inferred: why}",
            "    # publisher: ...",
            "    # url: ...",
        ]
    else:
        lines.append(f"  # (source {source_id!r} is in the ledger already)")
    current = None
    for suggestion in suggestions:
        if suggestion.item is None:
            continue
        if suggestion.item != current:
            current = suggestion.item
            text = _comment(item_texts.get(current, ""))
            lines += ["", f"  # == {current} ({suggestion.kind.value}): {text}"]
        lines.append(
            f"  # {suggestion.rank}. score {suggestion.score:.3f};"
            f" matched: {', '.join(suggestion.matched)}"
        )
        lines += _commented(_quoting("cite", suggestion, source_id, [("item", current)]))
    new = [s for s in suggestions if s.item is None]
    if new:
        lines += [
            "",
            "  # == possible new pledges and claims: cite the evidence, then add the item",
        ]
    for suggestion in new:
        words = ", ".join(suggestion.matched)
        lines.append(f"  # {suggestion.kind.value} ({words})")
        evidence_id = f"ev-{source_id.removeprefix('src-')}-{suggestion.start}"
        lines += _commented(_quoting("add-evidence", suggestion, source_id, [("id", evidence_id)]))
    return "\n".join(lines) + "\n"


def _quoting(
    op: str, suggestion: Suggestion, source_id: str, head: list[tuple[str, str]]
) -> list[str]:
    fields = [*head, ("source", source_id), ("quote", suggestion.quote.exact)]
    if suggestion.quote.prefix is not None:
        fields.append(("prefix", suggestion.quote.prefix))
    if suggestion.quote.suffix is not None:
        fields.append(("suffix", suggestion.quote.suffix))
    lines = [f"  - op: {op}"]
    lines += [f"    {name}: {_string(value)}" for name, value in fields]
    lines.append("    stance: mentions")
    return lines


def _commented(lines: list[str]) -> list[str]:
    """Operation lines commented out so that deleting '# ' restores them."""
    return [f"  # {line[2:]}" for line in lines]
