"""The command index: every ``claimtrack`` command's name, the module that builds it, and its
one-line summary, in ``--help`` order.

``claimtrack --help`` is printed from this table alone, and a command's module is imported only
when that command runs (or its own ``--help`` is asked for), so the command line starts without
loading the library. ``tests/test_cli_startup.py`` checks the table against what each module's
``register`` adds: a command added, renamed or re-worded there fails it until it is listed here.
"""

from __future__ import annotations

__all__ = ["COMMANDS", "GROUPS"]

#: The command-group modules (``claimtrack.cli.<name>``), in ``--help`` order.
GROUPS = (
    "reports",
    "interop",
    "publish",
    "checks",
    "updates",
    "triage",
    "authoring",
    "browsing",
    "history",
)

#: ``(command, group module, summary)`` for every command, in ``--help`` order.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    (
        "report",
        "reports",
        "print the status of every commitment (or claim) as of a date",
    ),
    (
        "scorecard",
        "reports",
        "count commitments per status, with the Peace Accords Matrix score and "
        "PolitiFact tally;\n"
        "data formats, --columns and --sort give one table with every figure",
    ),
    (
        "timeline",
        "reports",
        "list events, status changes and source publications in date order",
    ),
    (
        "diff",
        "reports",
        "show what changed between two dates: new items, status moves, new evidence, overdue",
    ),
    (
        "evidence",
        "reports",
        "list every quote behind one commitment or claim, with source, date, stance and grade",
    ),
    (
        "confidence",
        "reports",
        "how sure are we: the grading and independence of the evidence behind each status",
    ),
    (
        "recurrence",
        "reports",
        "how often the same thing was pledged again (restates chains), and whether it was kept",
    ),
    (
        "export",
        "interop",
        "write the ledger in another format: csv or json (status table), html (full "
        "report), sqlite, claimreview (JSON-LD), annotations (W3C JSON-LD), "
        "csv-per-entity (a folder)",
    ),
    (
        "import",
        "interop",
        "build a ledger from a tracker's CSV/JSON/JSON Lines snapshots through a TOML "
        "mapping, or read back a claimtrack SQLite export",
    ),
    (
        "plot",
        "interop",
        "draw the timeline: one lane per commitment coloured by status, evidence and events",
    ),
    (
        "site",
        "publish",
        "write the report as a website: an index (scorecard, status tables, timeline "
        "picture)\n"
        "and one page per commitment, claim, actor and source; static, offline, printable",
    ),
    (
        "validate",
        "checks",
        "check a ledger's format, integrity, lifecycle and every quote against archived texts",
    ),
    (
        "coverage",
        "checks",
        "list, per source, the sentences no evidence quote touches (for completeness reviews)",
    ),
    (
        "record",
        "updates",
        "record a dated status change of a commitment or claim at its date, in the "
        "ledger file\n"
        "itself; a move outside the usual ones needs --reason;\n"
        "the file stays locked from read to write, so concurrent updates are never lost",
    ),
    (
        "cite",
        "updates",
        "make a commitment or claim cite more evidence (an existing id, or a new quote), in place",
    ),
    (
        "add-source",
        "updates",
        "add a source (a dated publication that quotes come from) to the ledger file, in place",
    ),
    (
        "triage",
        "triage",
        "suggest which sentences of a new article bear on which commitments and claims "
        "(needs the 'triage' extra: pip install 'claimtrack[triage]')",
    ),
    (
        "init",
        "authoring",
        "create a ledger file and its texts/ folder: empty, or a copy of a bundled "
        "example\n"
        "with its archived texts (it validates as it is)",
    ),
    (
        "add",
        "authoring",
        "add an actor, agreement, commitment, claim, relation, evidence or source to a "
        "ledger file, in place\n"
        "(ids are derived from the text when not given)",
    ),
    (
        "apply",
        "authoring",
        "apply changeset files (CSV, YAML or TOML) to a ledger file: all operations or "
        "none,\n"
        "every problem reported with file, row and column",
    ),
    (
        "show",
        "browsing",
        "print one record's card: text, parties, status and flags, the dated history "
        "with each\n"
        "entry's evidence quote and source, relations (any record: also actors, "
        "sources...)",
    ),
    (
        "list",
        "browsing",
        "list the ids of one kind of record with their text: commitments, claims, "
        "actors,\n"
        "agreements, events, sources or evidence",
    ),
    (
        "correct",
        "history",
        "correct a history entry (its status, date or evidence) or a progress figure (its\n"
        "value, total, unit, date or evidence), in the ledger file itself; the original\n"
        "stays in the file, superseded, with the correction's date and reason",
    ),
    (
        "withdraw",
        "history",
        "withdraw a history entry or progress figure recorded by mistake, in the file itself;\n"
        "it leaves the history and stays in the file with the withdrawal's date and "
        "reason",
    ),
    (
        "check",
        "history",
        "record documented absence: a search that found nothing, backing a status where "
        "there\n"
        "is nothing to quote (--status, e.g. unverifiable), or confirming the current one",
    ),
    (
        "progress",
        "history",
        "add a dated progress figure to a commitment (no status change needed), in place",
    ),
    (
        "history",
        "history",
        "list every entry of an item's history, current, unusual, corrected or withdrawn",
    ),
)
