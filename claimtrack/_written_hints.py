"""Written by ``python -m claimtrack.codec.gen --write``: do not edit.

The field types of the model classes the fast load hooks structure, as
``typing.get_type_hints`` finds them: ``claimtrack.hints`` uses each class's while its
annotations are the ones written; ``tests/test_codec_prebuilt.py`` fails when stale.
"""

from typing import Any

from claimtrack.dates import PartialDate
from claimtrack.lifecycle import ClaimStatus, CommitmentStatus, Stance
from claimtrack.model import Actor, ActorKind, Agreement, AgreementKind, Check, Claim, ClaimKind, ClaimRelation, ClaimRelationKind, Commitment, CommitmentRelation, CommitmentRelationKind, Correction, Credibility, Event, EventKind, Evidence, Measure, Progress, ProgressCorrection, Reliability, S, Source, SourceKind, StatusChange, TextQuote

#: Per model class, each field: its name, its annotation as written, its type.
FIELDS: dict[Any, Any] = {
    Source: (
        ('id', 'str', str),
        ('title', 'str', str),
        ('kind', 'SourceKind', SourceKind),
        ('publisher', 'str | None', str | None),
        ('author', 'str | None', str | None),
        ('published', 'PartialDate | None', PartialDate | None),
        ('url', 'str | None', str | None),
        ('language', 'str | None', str | None),
        ('reliability', 'Reliability | None', Reliability | None),
        ('text', 'str | None', str | None),
        ('excerpt', 'bool', bool),
        ('note', 'str | None', str | None),
    ),
    Actor: (
        ('id', 'str', str),
        ('name', 'str', str),
        ('kind', 'ActorKind', ActorKind),
        ('aliases', 'tuple[str, ...]', tuple[str, ...]),
        ('role', 'str | None', str | None),
        ('affiliation', 'str | None', str | None),
        ('note', 'str | None', str | None),
    ),
    Event: (
        ('id', 'str', str),
        ('title', 'str', str),
        ('kind', 'EventKind', EventKind),
        ('date', 'PartialDate | None', PartialDate | None),
        ('end', 'PartialDate | None', PartialDate | None),
        ('place', 'str | None', str | None),
        ('participants', 'tuple[str, ...]', tuple[str, ...]),
        ('part_of', 'str | None', str | None),
        ('evidence', 'tuple[str, ...]', tuple[str, ...]),
        ('note', 'str | None', str | None),
    ),
    Agreement: (
        ('id', 'str', str),
        ('title', 'str', str),
        ('kind', 'AgreementKind', AgreementKind),
        ('parties', 'tuple[str, ...]', tuple[str, ...]),
        ('date', 'PartialDate | None', PartialDate | None),
        ('event', 'str | None', str | None),
        ('evidence', 'tuple[str, ...]', tuple[str, ...]),
        ('note', 'str | None', str | None),
    ),
    Commitment: (
        ('id', 'str', str),
        ('text', 'str', str),
        ('category', 'str', str),
        ('agreement', 'str | None', str | None),
        ('obligors', 'tuple[str, ...]', tuple[str, ...]),
        ('beneficiaries', 'tuple[str, ...]', tuple[str, ...]),
        ('due', 'PartialDate | None', PartialDate | None),
        ('target', 'Measure | None', Measure | None),
        ('history', 'tuple[StatusChange[CommitmentStatus], ...]', tuple[StatusChange[CommitmentStatus], ...]),
        ('progress', 'tuple[Progress, ...]', tuple[Progress, ...]),
        ('corrections', 'tuple[Correction[CommitmentStatus], ...]', tuple[Correction[CommitmentStatus], ...]),
        ('progress_corrections', 'tuple[ProgressCorrection, ...]', tuple[ProgressCorrection, ...]),
        ('evidence', 'tuple[str, ...]', tuple[str, ...]),
        ('relations', 'tuple[CommitmentRelation, ...]', tuple[CommitmentRelation, ...]),
        ('note', 'str | None', str | None),
        ('untracked', 'PartialDate | None', PartialDate | None),
    ),
    Measure: (
        ('value', 'float', float),
        ('unit', 'str', str),
        ('description', 'str | None', str | None),
    ),
    StatusChange: (
        ('id', 'str | None', str | None),
        ('date', 'PartialDate', PartialDate),
        ('status', 'S', S),
        ('evidence', 'tuple[str, ...]', tuple[str, ...]),
        ('progress', 'Measure | None', Measure | None),
        ('note', 'str | None', str | None),
        ('check', 'Check | None', Check | None),
    ),
    Check: (
        ('by', 'str | None', str | None),
        ('on', 'PartialDate', PartialDate),
        ('searched', 'str', str),
        ('sought', 'str | None', str | None),
        ('note', 'str | None', str | None),
    ),
    Progress: (
        ('id', 'str | None', str | None),
        ('date', 'PartialDate', PartialDate),
        ('value', 'float', float),
        ('of', 'float | None', float | None),
        ('unit', 'str', str),
        ('evidence', 'tuple[str, ...]', tuple[str, ...]),
        ('check', 'Check | None', Check | None),
        ('note', 'str | None', str | None),
    ),
    Correction: (
        ('on', 'PartialDate', PartialDate),
        ('reason', 'str', str),
        ('superseded', 'StatusChange[S]', StatusChange[S]),
        ('replacement', 'str | None', str | None),
    ),
    ProgressCorrection: (
        ('on', 'PartialDate', PartialDate),
        ('reason', 'str', str),
        ('superseded', 'Progress', Progress),
        ('replacement', 'str | None', str | None),
    ),
    CommitmentRelation: (
        ('kind', 'CommitmentRelationKind', CommitmentRelationKind),
        ('target', 'str', str),
    ),
    Claim: (
        ('id', 'str', str),
        ('text', 'str', str),
        ('kind', 'ClaimKind', ClaimKind),
        ('claimants', 'tuple[str, ...]', tuple[str, ...]),
        ('subjects', 'tuple[str, ...]', tuple[str, ...]),
        ('history', 'tuple[StatusChange[ClaimStatus], ...]', tuple[StatusChange[ClaimStatus], ...]),
        ('corrections', 'tuple[Correction[ClaimStatus], ...]', tuple[Correction[ClaimStatus], ...]),
        ('evidence', 'tuple[str, ...]', tuple[str, ...]),
        ('relations', 'tuple[ClaimRelation, ...]', tuple[ClaimRelation, ...]),
        ('note', 'str | None', str | None),
        ('untracked', 'PartialDate | None', PartialDate | None),
    ),
    ClaimRelation: (
        ('kind', 'ClaimRelationKind', ClaimRelationKind),
        ('target', 'str', str),
    ),
    Evidence: (
        ('id', 'str', str),
        ('source', 'str', str),
        ('quote', 'TextQuote | None', TextQuote | None),
        ('stance', 'Stance', Stance),
        ('credibility', 'Credibility | None', Credibility | None),
        ('translation', 'str | None', str | None),
        ('translator', 'str | None', str | None),
        ('note', 'str | None', str | None),
    ),
    TextQuote: (
        ('exact', 'str', str),
        ('prefix', 'str | None', str | None),
        ('suffix', 'str | None', str | None),
    ),
}
