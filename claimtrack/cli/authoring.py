"""Authoring a ledger without JSON: init, add, apply.

``claimtrack add KIND`` takes one option per field of the matching changeset operation (the
options are generated from the operation's attrs class), and runs it through the same path as
``claimtrack apply``: structured by the same converter, applied under the ledger's lock, refused
with the option to fix. So a ledger built with ``add`` and one built from a changeset are the
same ledger.
"""

from __future__ import annotations

import argparse
import enum
import sys
import typing
from pathlib import Path
from typing import Any

import attrs

from claimtrack import _registry as registry
from claimtrack.changeset import Located, Spot, apply_changesets, apply_located
from claimtrack.changeset.operations import (
    AddActor,
    AddAgreement,
    AddClaim,
    AddCommitment,
    AddEvidence,
    AddSource,
    Relate,
)
from claimtrack.changeset.reading import _cell, _hints, _inner
from claimtrack.changeset.structure import structure_one
from claimtrack.cli.helpformat import RawDescriptionHelpFormatter
from claimtrack.cli.options import EXIT_INVALID, EXIT_OK, Commands, ledger_option, seconds
from claimtrack.errors import ChangesetProblems

__all__ = ["register"]

#: ``claimtrack add KIND`` -> the operation it runs.
ADDABLE: dict[str, type[Any]] = {
    registry.ACTORS.noun: AddActor,
    registry.AGREEMENTS.noun: AddAgreement,
    registry.COMMITMENTS.noun: AddCommitment,
    registry.CLAIMS.noun: AddClaim,
    "relation": Relate,
    registry.EVIDENCE.noun: AddEvidence,
    registry.SOURCES.noun: AddSource,
}

#: An example command line for each operation ``add`` runs.
_EXAMPLES: dict[type[Any], str] = {
    AddActor: "claimtrack add actor --ledger my.json --name 'Republic of Freedonia' --kind state",
    AddAgreement: "claimtrack add agreement --ledger my.json --title 'Border accord'"
    " --kind agreement --parties freedonia sylvania --date 2031-03-02",
    AddCommitment: "claimtrack add commitment --ledger my.json --text 'Open a hotline'"
    " --category hotline --made 2031-03-02 --evidence ev-src-a-0123456789",
    AddClaim: "claimtrack add claim --ledger my.json --text 'Militants cross the border'"
    " --kind allegation --claimants freedonia --made 2031-03",
    Relate: "claimtrack add relation --ledger my.json --item cl-a --kind disputes --target cl-b",
    AddEvidence: "claimtrack add evidence --ledger my.json --source src-a"
    " --quote 'agreed to open a hotline' --stance supports",
    AddSource: "claimtrack add source --ledger my.json --title 'Accord signed' --kind news"
    " --published 2031-03-03 --text accord.txt",
}


#: What an option means, where its name alone does not say.
_HELP = {
    "id": "a new, unique id (default: derived from the text, so the same text gives the same id)",
    "evidence": "ids of evidence already in the ledger",
    "source": "the source's id",
    "quote": "the words exactly as printed in the source's archived text",
    "prefix": "text right before the quote, to pin it when it occurs more than once",
    "suffix": "text right after the quote, to pin it",
    "text": "what was pledged or claimed, in your words (for a source: its archived text file,"
    " relative to the ledger's folder)",
    "text_content": "the archived text itself, written to the text file",
    "item": "a commitment or claim id",
    "target": "the id it relates to",
}

_DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD, optionally ~ (approximate), ? (uncertain), %% (both)"


def _help(field: str, required: bool, more: str = "") -> str:
    label = "required" if required else "optional"
    meaning = _HELP.get(field)
    return "; ".join(part for part in (label, meaning, more) if part)


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _add_field_options(sub: argparse.ArgumentParser, kind: type[Any]) -> None:
    """One option per field of the operation: lists take several values, dates an
    ``--X-inferred`` reason, nested records (a target) one option per member."""
    hints = _hints(kind)
    for field in attrs.fields(kind):
        hint = _inner(hints[field.name])
        required = field.default is attrs.NOTHING
        name = _option(field.name)
        if typing.get_origin(hint) is tuple:
            more = "one or more" + (", separated by spaces" if field.name != "aliases" else "")
            sub.add_argument(
                name,
                dest=field.name,
                nargs="+",
                action="extend",
                metavar="ID" if field.name != "aliases" else "NAME",
                help=_help(field.name, required, more),
            )
        elif attrs.has(hint) and hint.__name__ != "PartialDate":
            for member in attrs.fields(hint):
                sub.add_argument(
                    _option(f"{field.name}_{member.name}"),
                    dest=f"{field.name}.{member.name}",
                    metavar=member.name.upper(),
                    help=f"the {field.name}'s {member.name} (e.g. 830 km: value 830, unit km)",
                )
        elif hint is bool:
            sub.add_argument(
                name, dest=field.name, action="store_const", const="true", help="set it"
            )
        elif getattr(hint, "__name__", "") == "PartialDate":
            sub.add_argument(
                name, dest=field.name, metavar="DATE", help=_help(field.name, required, _DATE_HELP)
            )
            sub.add_argument(
                _option(f"{field.name}_inferred"),
                dest=f"{field.name}.inferred",
                metavar="REASON",
                help=f"--{field.name} is not printed in the source: say how it was worked out",
            )
        else:
            choices = ""
            if isinstance(hint, type) and issubclass(hint, enum.Enum):
                choices = "one of " + ", ".join(str(member.value) for member in hint)
            sub.add_argument(
                name,
                dest=field.name,
                metavar=field.name.upper(),
                help=_help(field.name, required, choices),
            )


def _given(args: argparse.Namespace, kind: type[Any]) -> dict[str, Any]:
    """The operation's fields as given on the command line, typed as a CSV cell would be."""
    hints = _hints(kind)
    data: dict[str, Any] = {"op": kind.OP}
    for field in attrs.fields(kind):
        hint = hints[field.name]
        value = getattr(args, field.name, None)
        if value is not None:
            data[field.name] = list(value) if isinstance(value, list) else _cell(hint, value)
        nested = {
            key.split(".", 1)[1]: item
            for key, item in vars(args).items()
            if key.startswith(f"{field.name}.") and item is not None
        }
        if not nested:
            continue
        if "inferred" in nested and field.name in data:
            data[field.name] = {"date": data[field.name], "inferred": nested["inferred"]}
        elif "inferred" in nested:
            data[field.name] = nested  # the converter says the date itself is missing
        else:
            inner = _inner(hint)
            member_hints = _hints(inner)
            data[field.name] = {k: _cell(member_hints[k], v) for k, v in nested.items()}
    return data


def _summary(kind: type[Any]) -> str:
    """The first line of an operation's docstring, without reST markup."""
    return (kind.__doc__ or "").splitlines()[0].replace("``", "'")


def _print_problems(error: ChangesetProblems) -> int:
    print(f"claimtrack: {error.headline}", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_INVALID


def _add(args: argparse.Namespace) -> int:
    kind = ADDABLE[args.record_kind]
    spot = Spot.options(f"claimtrack add {args.record_kind}")
    try:
        operation = structure_one(_given(args, kind), spot)
        applied = apply_located(
            args.ledger, [Located(operation, spot)], texts=args.texts, timeout=args.wait
        )
    except ChangesetProblems as error:
        return _print_problems(error)
    for line in applied.lines:
        print(line)
    return EXIT_OK


def _apply(args: argparse.Namespace) -> int:
    try:
        applied = apply_changesets(
            args.ledger, args.files, texts=args.texts, dry_run=args.dry_run, timeout=args.wait
        )
    except ChangesetProblems as error:
        return _print_problems(error)
    for line in applied.lines:
        print(line)
    if args.dry_run:
        sys.stdout.write(applied.diff)
        for text in applied.texts:
            print(f"would write archived text {text}")
        print(f"dry run: {args.ledger} not changed ({len(applied.lines)} operations)")
        return EXIT_OK
    for text in applied.texts:
        print(f"wrote archived text {text}")
    print(f"applied {len(applied.lines)} operations to {args.ledger}")
    return EXIT_OK


def _write_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--texts",
        type=Path,
        metavar="DIR",
        help="the folder archived-text paths are relative to (default: the ledger's folder)",
    )
    sub.add_argument(
        "--wait",
        type=seconds,
        default=60.0,
        metavar="SECONDS",
        help="how long to wait for another update of the same ledger to finish (default: 60)",
    )


def register(commands: Commands) -> None:
    """Add init, add and apply."""
    from claimtrack.cli.starting import register_init

    register_init(commands)
    add = commands.add(
        "add",
        lambda args: args.run_kind(args),
        "add an actor, agreement, commitment, claim, relation, evidence or source to a ledger"
        " file, in place\n(ids are derived from the text when not given)",
        _EXAMPLES[AddActor],
        as_of=False,
        table=False,
        ledger="none",
    )
    kinds = add.add_subparsers(dest="record_kind", required=True, metavar="KIND")
    for name, kind in ADDABLE.items():
        sub = kinds.add_parser(
            name,
            help=_summary(kind),
            description=_summary(kind),
            epilog=f"Example:\n  {_EXAMPLES[kind]}",
            formatter_class=RawDescriptionHelpFormatter,
        )
        ledger_option(sub, "write")
        _add_field_options(sub, kind)
        _write_options(sub)
        sub.set_defaults(run_kind=_add)

    apply = commands.add(
        "apply",
        _apply,
        "apply changeset files (CSV, YAML or TOML) to a ledger file: all operations or none,\n"
        "every problem reported with file, row and column",
        "claimtrack apply --ledger my.json updates.csv more.yaml --dry-run",
        as_of=False,
        table=False,
        ledger="write",
    )
    apply.add_argument("files", nargs="+", type=Path, metavar="FILE", help="changeset files")
    apply.add_argument(
        "--dry-run", action="store_true", help="print the diff it would make; write nothing"
    )
    _write_options(apply)
