"""Status vocabularies: built-in trackers' words to and from claimtrack statuses; registration."""

from __future__ import annotations

import pytest

from claimtrack import PAM_LEVELS, POLITIFACT_LABELS, ClaimStatus, CommitmentStatus
from claimtrack.interop import (
    UnknownVocabulary,
    UnmappedStatus,
    Vocabulary,
    VocabularyClash,
    register_vocabulary,
    unregister_vocabulary,
    vocabularies,
    vocabulary,
)
from claimtrack.interop.vocabularies import FIVE_STATUS, PAM, POLITIFACT, ROUHANI_METER

C = CommitmentStatus


@pytest.mark.parametrize(
    ("name", "word", "status"),
    [
        ("politifact", "Not Yet Rated", C.ANNOUNCED),
        ("politifact", "In the Works", C.IN_PROGRESS),
        ("politifact", "Stalled", C.STALLED),
        ("politifact", "Compromise", C.PARTIALLY_IMPLEMENTED),
        ("politifact", "Promise Kept", C.IMPLEMENTED),
        ("politifact", "Promise Broken", C.BROKEN),
        ("rouhani-meter", "Achieved", C.IMPLEMENTED),
        ("rouhani-meter", "In Progress", C.IN_PROGRESS),
        ("rouhani-meter", "Not Achieved", C.BROKEN),
        ("rouhani-meter", "Not in Progress", C.STALLED),
        ("pam", "0", C.ANNOUNCED),
        ("pam", "1", C.IN_PROGRESS),
        ("pam", "2", C.PARTIALLY_IMPLEMENTED),
        ("pam", "3", C.IMPLEMENTED),
        ("pam", "intermediate", C.PARTIALLY_IMPLEMENTED),
        ("five-status", "Not started", C.ANNOUNCED),
        ("five-status", "In progress", C.IN_PROGRESS),
        ("five-status", "Achieved", C.IMPLEMENTED),
        ("five-status", "Compromised", C.PARTIALLY_IMPLEMENTED),
        ("five-status", "Broken", C.BROKEN),
        ("claimtrack", "partially implemented", C.PARTIALLY_IMPLEMENTED),
    ],
)
def test_built_in_words_read_as_statuses(name: str, word: str, status: CommitmentStatus) -> None:
    """Each tracker's own words read as the claimtrack status they stand for."""
    assert vocabulary(name).status(word) == status


def test_words_match_ignoring_case_and_spacing() -> None:
    """'promise  KEPT ' is PolitiFact's 'Promise Kept'."""
    assert POLITIFACT.status("  promise  KEPT ") == C.IMPLEMENTED


def test_labels_follow_the_lifecycle_tables() -> None:
    """PolitiFact labels are POLITIFACT_LABELS; PAM labels are PAM_LEVELS (superseded: none)."""
    for status in CommitmentStatus:
        assert POLITIFACT.label(status) == POLITIFACT_LABELS[status]
        level = PAM_LEVELS[status]
        assert PAM.label(status) == (None if level is None else str(level))


@pytest.mark.parametrize("chosen", [POLITIFACT, ROUHANI_METER, PAM, FIVE_STATUS])
def test_every_label_reads_back(chosen: Vocabulary[CommitmentStatus]) -> None:
    """A label always reads back into a status with the same label (labels are lossy, not wrong)."""
    for status in CommitmentStatus:
        label = chosen.label(status)
        if label is not None:
            assert chosen.label(chosen.status(label)) == label


def test_five_status_labels_are_honest_where_the_scheme_has_no_word() -> None:
    """The five-word scheme labels reversed as Broken and has no word for superseded."""
    assert FIVE_STATUS.label(C.REVERSED) == "Broken"
    assert FIVE_STATUS.label(C.STALLED) == "In progress"
    assert FIVE_STATUS.label(C.SUPERSEDED) is None
    assert FIVE_STATUS.label(C.UNVERIFIABLE) is None


def test_unknown_word_lists_the_known_ones_or_suggests_one() -> None:
    """An unmapped word is refused with the vocabulary's words, or a close one."""
    with pytest.raises(UnmappedStatus) as far:
        FIVE_STATUS.status("Done")
    assert str(far.value) == (
        "'Done' is not a status word in vocabulary 'five-status'; expected one of"
        " 'Not started', 'In progress', 'Achieved', 'Compromised', 'Broken'"
    )
    with pytest.raises(UnmappedStatus, match="did you mean 'Achieved'"):
        FIVE_STATUS.status("Acheived")
    assert isinstance(far.value, LookupError)


def test_register_a_vocabulary_and_use_it_by_name() -> None:
    """A user's vocabulary is found by name until unregistered; built-ins cannot be replaced."""
    mine = Vocabulary(
        "test-mine",
        CommitmentStatus,
        {"Done": C.IMPLEMENTED, "Doing": C.IN_PROGRESS, "Todo": C.ANNOUNCED},
        {C.IMPLEMENTED: "Done", C.IN_PROGRESS: "Doing", C.ANNOUNCED: "Todo"},
    )
    register_vocabulary(mine)
    try:
        assert "test-mine" in vocabularies()
        assert vocabulary("test-mine").status("done") == C.IMPLEMENTED
        with pytest.raises(VocabularyClash, match="already registered"):
            register_vocabulary(mine)
        register_vocabulary(mine.extended({"Finished": C.IMPLEMENTED}), replace=True)
        assert vocabulary("test-mine").status("Finished") == C.IMPLEMENTED
    finally:
        unregister_vocabulary("test-mine")
    with pytest.raises(UnknownVocabulary, match="no status vocabulary named 'test-mine'"):
        vocabulary("test-mine")
    with pytest.raises(VocabularyClash, match="built-in"):
        register_vocabulary(FIVE_STATUS, replace=True)


def test_a_vocabulary_that_contradicts_itself_is_refused() -> None:
    """One word for two statuses, a label that is not a word, a status of the wrong kind."""
    with pytest.raises(VocabularyClash, match="maps to both 'implemented' and 'broken'"):
        Vocabulary("x", CommitmentStatus, {"Done": C.IMPLEMENTED, "done ": C.BROKEN}, {})
    with pytest.raises(VocabularyClash, match="label 'Kept' of 'implemented' is not one of its"):
        Vocabulary("x", CommitmentStatus, {"Done": C.IMPLEMENTED}, {C.IMPLEMENTED: "Kept"})
    with pytest.raises(VocabularyClash, match="not a CommitmentStatus"):
        Vocabulary("x", CommitmentStatus, {"True": ClaimStatus.CORROBORATED}, {})  # type: ignore[dict-item]


def test_unknown_vocabulary_suggests_a_close_name() -> None:
    """A misspelt vocabulary name gets a 'did you mean'."""
    with pytest.raises(UnknownVocabulary, match="did you mean 'politifact'"):
        vocabulary("politifakt")
