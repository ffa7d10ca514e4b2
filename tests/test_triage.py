"""``claimtrack.triage`` and ``claimtrack triage``: sentences of a new article suggested as
evidence for known pledges and claims, quotes that verify, and the changeset to accept them."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack import Ledger, TextQuote, datasets
from claimtrack.cli import main
from claimtrack.errors import ClaimtrackError, InvalidArgument, MissingExtra
from claimtrack.quotes import anchor
from claimtrack.relevance import SuggestionKind, times
from claimtrack.relevance.profiles import SHARED_QUOTE
from claimtrack.relevance.render import changeset
from claimtrack.relevance.sentences import sentence_spans
from claimtrack.relevance.suggestions import quote_at

LATER = "src-new-hope"


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return datasets.pakistan_iran()


@pytest.fixture(scope="module")
def article() -> str:
    return (datasets.folder() / "000_e1579eae3e67c661.txt").read_text(encoding="utf-8")


def _cited_spans(ledger: Ledger, item_id: str, text: str) -> list[tuple[int, int]]:
    spans = []
    for evidence in ledger.evidence_for(item_id):
        if evidence.source == LATER and evidence.quote is not None:
            (start,) = anchor(text, evidence.quote)
            spans.append((start, start + len(evidence.quote.exact)))
    return spans


def _large_article(text: str, size: int) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    parts: list[str] = []
    while sum(map(len, parts)) + 2 * len(parts) < size:
        parts.append(f"Dispatch {len(parts) + 1}. {paragraphs[len(parts) % len(paragraphs)]}")
    return "\n\n".join(parts)


def test_suggested_sentences_are_exact_and_their_quotes_verify(
    ledger: Ledger, article: str
) -> None:
    """Every suggestion is text[start:end] of the article, and its quote anchors exactly there."""
    suggestions = claimtrack.triage(ledger, article)
    assert suggestions
    for suggestion in suggestions:
        assert article[suggestion.start : suggestion.end] == suggestion.sentence
        assert suggestion.sentence == suggestion.sentence.strip()
        assert anchor(article, suggestion.quote) == [suggestion.start]
        assert 0.0 <= suggestion.score <= 1.0


def test_a_quote_already_cited_is_found_again_first(ledger: Ledger, article: str) -> None:
    """Against the full ledger, nearly every item citing the article by a quote of its own (not
    one shared by more than SHARED_QUOTE items) gets a cited sentence first."""
    citing: dict[str, int] = {}
    for item in [*ledger.commitments, *ledger.claims]:
        for quote in {e.quote.exact for e in ledger.evidence_for(item.id) if e.quote}:
            citing[quote] = citing.get(quote, 0) + 1
    items = [
        item
        for item in [*ledger.commitments, *ledger.claims]
        if _cited_spans(ledger, item.id, article)
        and any(
            citing[e.quote.exact] <= SHARED_QUOTE
            for e in ledger.evidence_for(item.id)
            if e.source == LATER and e.quote
        )
    ]
    assert len(items) > 40
    suggestions = claimtrack.triage(ledger, article, top=1)
    first = {s.item: (s.start, s.end) for s in suggestions if s.item is not None}
    found = [
        item.id
        for item in items
        if item.id in first
        and any(
            a < first[item.id][1] and first[item.id][0] < b
            for a, b in _cited_spans(ledger, item.id, article)
        )
    ]
    assert len(found) >= 0.95 * len(items), sorted({i.id for i in items} - set(found))


def test_suggestions_are_ranked_and_limited(ledger: Ledger, article: str) -> None:
    """At most ``top`` per item, ranks 1..n, scores not increasing, all at least min_score."""
    suggestions = claimtrack.triage(ledger, article, top=2, min_score=0.3)
    by_item: dict[str, list[float]] = {}
    for s in suggestions:
        if s.item is not None:
            assert s.rank == len(by_item.setdefault(s.item, [])) + 1
            by_item[s.item].append(s.score)
    assert by_item
    for scores in by_item.values():
        assert len(scores) <= 2
        assert scores == sorted(scores, reverse=True)
        assert min(scores) >= 0.3
    assert claimtrack.triage(ledger, article, top=2, min_score=0.3) == suggestions


def test_matched_words_are_words_of_the_sentence(ledger: Ledger, article: str) -> None:
    """The matched words are printed in the sentence and name what the item is about."""
    suggestions = claimtrack.triage(ledger, article)
    for s in suggestions:
        assert s.matched
        assert all(word in s.sentence for word in s.matched)
    text = "Field commanders of both sides now talk over the new hotline."
    best = max((s for s in claimtrack.triage(ledger, text) if s.item), key=lambda s: s.score)
    assert best.item == "c-hotline"
    assert {"Field", "commanders", "hotline"} <= set(best.matched)


def test_new_pledges_and_claims_are_listed(ledger: Ledger) -> None:
    """A sentence bearing on nothing known, with pledge or claim words, is a possible new item."""
    text = (
        "Norway and Chile vowed to build a salmon hatchery by 2030. "
        "A fisheries ministry spokesman denied reports of a quota dispute. "
        "The weather was mild."
    )
    suggestions = claimtrack.triage(ledger, text)
    new = [s for s in suggestions if s.item is None]
    assert [(s.kind, s.matched) for s in new] == [
        (SuggestionKind.NEW_COMMITMENT, ("vowed",)),
        (SuggestionKind.NEW_CLAIM, ("denied",)),
    ]
    assert [s.rank for s in new] == [1, 2]
    assert all(anchor(text, s.quote) == [s.start] for s in new)


def test_empty_article_gives_no_suggestions(ledger: Ledger) -> None:
    """An empty or blank article has no sentences, so nothing is suggested."""
    assert claimtrack.triage(ledger, "") == []
    assert claimtrack.triage(ledger, " \n\n\t ") == []


def test_non_english_article(ledger: Ledger) -> None:
    """Urdu and Chinese sentences split at their own full stops; nothing English is forced on
    them, and the names printed in Latin script still match."""
    urdu = "پاکستان اور ایران نے سرحد پر تعاون پر اتفاق کیا۔ دونوں ممالک نے وعدہ کیا۔"  # noqa: RUF001
    assert [urdu[a:b] for a, b in sentence_spans(urdu)] == [
        "پاکستان اور ایران نے سرحد پر تعاون پر اتفاق کیا۔",  # noqa: RUF001
        "دونوں ممالک نے وعدہ کیا۔",  # noqa: RUF001
    ]
    chinese = "巴基斯坦和伊朗同意加强合作。双方承诺继续对话！"  # noqa: RUF001
    assert [chinese[a:b] for a, b in sentence_spans(chinese)] == [
        "巴基斯坦和伊朗同意加强合作。",
        "双方承诺继续对话！",  # noqa: RUF001
    ]
    assert claimtrack.triage(ledger, urdu) == []
    assert claimtrack.triage(ledger, chinese) == []
    mixed = "ISPR کے مطابق جنرل Bajwa نے Tehran کا دورہ کیا۔"  # noqa: RUF001
    suggestions = claimtrack.triage(ledger, mixed, min_score=0.1)
    assert suggestions
    assert all(s.sentence == mixed and {"Bajwa", "Tehran"} & set(s.matched) for s in suggestions)


def test_a_1mb_article_completes_with_sensible_output(ledger: Ledger, article: str) -> None:
    """A 1 MB article (the paragraphs again and again, numbered) gives at most ``top`` distinct
    sentences per item, each verifying; its speed is measured in benchmarks/triage.py."""
    text = _large_article(article, 1_000_000)
    assert len(text) >= 1_000_000
    suggestions = claimtrack.triage(ledger, text)
    items = [s for s in suggestions if s.item is not None]
    assert 0 < len(items) <= 3 * (len(ledger.commitments) + len(ledger.claims))
    for s in items:
        assert anchor(text, s.quote) == [s.start]
    steps = [s.sentence for s in items if s.item == "c-intel-coordinated-steps"]
    assert steps and "coordinated steps" in steps[0]
    for item in {s.item for s in items}:  # each paragraph is printed again and again
        sentences = [s.sentence for s in items if s.item == item]
        assert len(set(sentences)) == len(sentences)


def test_repeated_sentences_get_a_prefix_or_suffix() -> None:
    """A sentence printed twice is quoted with just enough context to anchor once."""
    text = "Talks resumed. They agreed.\nLater, talks stalled. They agreed."
    spans = sentence_spans(text)
    quotes = [quote_at(text, a, b) for a, b in spans]
    assert quotes[0] == TextQuote("Talks resumed.")
    assert quotes[1].exact == quotes[3].exact == "They agreed."
    assert quotes[1].prefix or quotes[1].suffix
    for (start, _), quote in zip(spans, quotes, strict=True):
        assert anchor(text, quote) == [start]


def test_as_of_leaves_out_later_items(ledger: Ledger, article: str) -> None:
    """With as_of before the 2018 items were made, none of them is suggested."""
    later = {i.id for i in [*ledger.commitments, *ledger.claims] if i.made.earliest.year >= 2018}
    assert later
    suggested = {s.item for s in claimtrack.triage(ledger, article, as_of="2017-12-31")}
    assert suggested and not suggested & later


def test_bad_arguments_are_claimtrack_errors(ledger: Ledger) -> None:
    """top below 1 and min_score outside 0..1 are refused, naming the argument."""
    with pytest.raises(InvalidArgument, match="top must be at least 1, not 0"):
        claimtrack.triage(ledger, "text", top=0)
    with pytest.raises(InvalidArgument, match="min_score must be between 0 and 1, not 2"):
        claimtrack.triage(ledger, "text", min_score=2)
    with pytest.raises(InvalidArgument, match="rival_share must be between 0 and 1, not -1"):
        claimtrack.triage(ledger, "text", rival_share=-1)


def test_hard_wrapped_lines_are_one_sentence() -> None:
    """A single line break before a lower-case letter continues the sentence; a blank line, or a
    line starting with a capital, still starts a new one."""
    text = (
        "Officials said the two sides could run joint patrols, and\n"
        "share much intelligence.\nHeadline without a stop\nThe next line.\n\nlower case paragraph"
    )
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Officials said the two sides could run joint patrols, and\nshare much intelligence.",
        "Headline without a stop",
        "The next line.",
        "lower case paragraph",
    ]


def test_copies_of_a_sentence_take_one_place(ledger: Ledger) -> None:
    """A sentence printed twice, and a near copy of it (most of its words again), fill one of
    an item's places; a different sentence on the same item still gets its own."""
    copy = "Field commanders of both sides now talk over the new hotline."
    near = "Field commanders of both sides now talk over the hotline, officials said."
    other = "A hotline between the border forces of Pakistan and Iran was set up in 2014."
    text = f"{copy} The weather was mild. {copy} {near} {other}"
    hotline = [s.sentence for s in claimtrack.triage(ledger, text) if s.item == "c-hotline"]
    assert len(hotline) == 2
    assert other in hotline
    assert len({copy, near} & set(hotline)) == 1


def test_a_sentence_another_item_explains_far_better_is_not_suggested(ledger: Ledger) -> None:
    """With a rival share, a sentence is suggested for an item only if it scores at least that
    share of its best score for any item; with 0, for every item it reaches min_score for."""
    text = "Field commanders of both sides now talk over the new hotline along the border."
    every = [s for s in claimtrack.triage(ledger, text, rival_share=0.0) if s.item]
    best = max(s.score for s in every)
    for share in (0.4, 0.8):
        kept = [s for s in claimtrack.triage(ledger, text, rival_share=share) if s.item]
        assert {s.item for s in kept} == {s.item for s in every if s.score >= share * best}
    assert len(kept) < len(every)


def test_without_rapidfuzz_the_error_says_how_to_install_it(
    ledger: Ledger,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Missing the optional extra is a ClaimtrackError naming ``claimtrack[triage]``."""
    monkeypatch.setitem(sys.modules, "rapidfuzz", None)
    with pytest.raises(MissingExtra, match=r"pip install 'claimtrack\[triage\]'"):
        claimtrack.triage(ledger, "General Bajwa visited Tehran.")
    path = tmp_path / "a.txt"
    path.write_text("General Bajwa visited Tehran.", encoding="utf-8")
    assert main(["triage", str(path)]) == 1
    err = capsys.readouterr().err
    assert "claimtrack[triage]" in err and "Traceback" not in err
    assert isinstance(MissingExtra("x", "y", "z"), ClaimtrackError)


def test_cli_table_json_and_changeset(
    article: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command prints a table or JSON and writes a changeset whose cites are commented out;
    uncommenting one gives the cite operation, quote exact."""
    path = tmp_path / "Weekly 2018-07.txt"
    path.write_text(article, encoding="utf-8")
    target = tmp_path / "suggestions.yaml"
    assert main(["triage", str(path), "--top", "1", "--changeset", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Triage: ") and "c-intel-coordinated-steps" in out
    assert main(["triage", str(path), "--top", "1", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {"item", "kind", "rank", "score", "matched", "sentence", "quote"} <= set(records[0])
    assert all(article[r["start"] : r["end"]] == r["sentence"] for r in records)
    document = target.read_text(encoding="utf-8")
    assert "changeset: 1\noperations:\n  - op: add-source\n" in document
    assert '    id: "src-weekly-2018-07"\n' in document
    assert '    text: "Weekly 2018-07.txt"' in document
    assert "\n  - op: cite" not in document
    lines = document.splitlines()
    first = lines.index("  # - op: cite")
    block = [line.replace("# ", "", 1) for line in lines[first : first + 5]]
    assert block[0] == "  - op: cite"
    fields = dict(line.strip().split(": ", 1) for line in block[1:])
    assert fields["source"] == '"src-weekly-2018-07"' and fields["stance"] == "mentions"
    assert json.loads(fields["quote"]) in article
    assert main(["triage", str(path), "--changeset", str(target)]) == 1
    assert "exists; pass --force" in capsys.readouterr().err
    assert main(["triage", str(path), "--format", "json", "--rival-share", "0"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert main(["triage", str(path), "--format", "json", "--rival-share", "0.9"]) == 0
    fewer = json.loads(capsys.readouterr().out)
    assert 0 < len([r for r in fewer if r["item"]]) < len([r for r in every if r["item"]])


def test_changeset_for_a_known_source_adds_no_source(ledger: Ledger, article: str) -> None:
    """When the ledger has the source, the changeset only cites it."""
    suggestions = claimtrack.triage(ledger, article, top=1)
    text = changeset(
        suggestions,
        source_id=LATER,
        article_name="000.txt",
        title="New hope",
        new_source=False,
        item_texts={},
    )
    assert "add-source" not in text
    assert "  # (source 'src-new-hope' is in the ledger already)" in text


def test_cli_refuses_unreadable_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing or non-UTF-8 article is one line on stderr and exit 1; --top 0 is a usage error."""
    assert main(["triage", str(tmp_path / "missing.txt")]) == 1
    assert "cannot read article" in capsys.readouterr().err
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    assert main(["triage", str(latin)]) == 1
    assert "is not UTF-8 (byte 3)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["triage", str(latin), "--top", "0"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main(["triage", str(latin), "--rival-share", "1.5"])
    assert exit_.value.code == 2


def test_nfc_and_nfd_articles_suggest_the_same_sentences(ledger: Ledger) -> None:
    """Decomposed accents change nothing: the same suggestions, and quotes that verify."""
    text = "Le général Bajwa a visité Téhéran. Field commanders of both sides use a hotline."
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    one = claimtrack.triage(ledger, text)
    assert one
    assert claimtrack.triage(ledger, nfd) == one
    assert all(anchor(nfd, s.quote) == [s.start] for s in one)


@pytest.mark.parametrize("min_score", [0.2, 0.3, 0.5])
def test_pruning_never_changes_what_is_suggested(
    ledger: Ledger, article: str, min_score: float
) -> None:
    """Sentences skipped because they cannot reach min_score are exactly those that would not:
    the item suggestions equal scoring everything and keeping what reaches min_score. (On words
    alone: a sentence's time only reorders the sentences reaching min_score on their words, see
    tests/test_relevance_times.py.)"""
    with mock.patch.object(times, "TIME_WEIGHT", 0.0):
        _pruned_and_everything(ledger, article, min_score)


def _pruned_and_everything(ledger: Ledger, article: str, min_score: float) -> None:
    pruned = {
        (s.item, s.start, s.score)
        for s in claimtrack.triage(ledger, article, min_score=min_score)
        if s.item
    }
    everything = {
        (s.item, s.start, s.score) for s in claimtrack.triage(ledger, article, min_score=0.0)
    }
    assert pruned <= everything
    # Scores are rounded to 3 places: those within rounding of min_score may go either way.
    assert {entry for entry in everything if entry[2] > min_score + 0.001} <= pruned
    assert len(pruned) > 10


def test_the_benchmark_rebuilds_the_ledger_before_an_article(ledger: Ledger, article: str) -> None:
    """benchmarks/triage.py's ledger before the 2018 article holds nothing from it, keeps every
    2017 item, and its measurement covers the five 2017 items the article is cited for."""
    from benchmarks.triage import ledger_before, measure, measure_all

    before = ledger_before(ledger, LATER)
    assert LATER not in before.sources
    assert all(e.source != LATER for e in before.evidence)
    assert len(before.commitments) + len(before.claims) == 37
    result = measure(ledger, LATER, article, 3, 0.25)
    assert [row[0] for row in result.rows] == [
        "c-continue-engagements",
        "c-more-frequent-interactions",
        "cl-a003-headline-turning-point",
        "cl-a003-trip-remembered",
        "cl-a003-trip-symbol-shift",
    ]
    assert sum(row[1] for row in result.rows) == 8
    texts = {LATER: article, "src-talking-to-tehran": "Nothing relevant."}
    total, measured = measure_all(ledger, texts, set(), 3, 0.25)
    assert measured == 2
    assert total.rows == result.rows


_PIECES = st.sampled_from(
    [
        "Pakistan",
        "Iran",
        "hotline",
        "agreed",
        "denied",
        "General Bajwa",
        "Gen.",
        "border",
        "fencing",
        "the",
        "a",
        ". ",
        "! ",
        "? ",
        "\n",
        "\n\n",
        "“",
        "”",
        "\u2019s",
        "\u3002",
        "\u06d4 ",
        "e\u0301",
        " ",
        "Lt.",
        "Talks resumed.",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40).map("".join))
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_gives_exact_sentences_whose_quotes_verify(ledger: Ledger, text: str) -> None:
    """Whatever the text, triage returns without error, and every suggestion is a sentence of
    the (NFC) text whose quote anchors exactly once, at that sentence."""
    normal = unicodedata.normalize("NFC", text)
    for suggestion in claimtrack.triage(ledger, text, min_score=0.1):
        assert normal[suggestion.start : suggestion.end] == suggestion.sentence
        assert suggestion.sentence.strip() == suggestion.sentence != ""
        assert anchor(text, suggestion.quote) == [suggestion.start]


def _uncomment_first(document: str, op: str, count: int) -> str:
    """The changeset with the first ``count`` commented operations ``op`` made live."""
    lines = document.splitlines()
    done = 0
    out: list[str] = []
    inside = False
    for line in lines:
        if line == f"  # - op: {op}" and done < count:
            inside, done = True, done + 1
            out.append(line.replace("# ", "", 1))
        elif inside and line.startswith("  #   "):
            out.append(line.replace("# ", "", 1))
        else:
            inside = False
            out.append(line)
    return "\n".join(out) + "\n"


def test_an_accepted_suggestion_applies_and_verifies(
    ledger: Ledger, article: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The analyst's loop: triage the 2018 article against the ledger before it, uncomment two
    cites and one possible new item's evidence, run ``claimtrack apply``: the ledger now cites
    the sentences, and every quote verifies against the archived texts."""
    from benchmarks.triage import ledger_before

    folder = tmp_path / "ledger"
    folder.mkdir()
    target = folder / "ledger.json"
    claimtrack.save(ledger_before(ledger, LATER), target)
    seed_text = datasets.folder() / "003_f9b9eac3ca832da6.txt"
    (folder / seed_text.name).write_bytes(seed_text.read_bytes())
    (folder / "weekly.txt").write_text(article, encoding="utf-8")
    changeset_path = tmp_path / "suggestions.yaml"
    argv = ["triage", "--ledger", str(target), str(folder / "weekly.txt")]
    assert main([*argv, "--changeset", str(changeset_path)]) == 0
    document = changeset_path.read_text(encoding="utf-8")
    accepted = _uncomment_first(_uncomment_first(document, "cite", 2), "add-evidence", 1)
    changeset_path.write_text(accepted, encoding="utf-8")
    capsys.readouterr()
    assert main(["apply", "--ledger", str(target), str(changeset_path)]) == 0, capsys.readouterr()
    after = claimtrack.load(target)
    assert "src-weekly" in after.sources
    new = [e for e in after.evidence if e.source == "src-weekly"]
    assert len(new) == 3
    cited = {e for item in [*after.commitments, *after.claims] for e in item.evidence}
    assert len(cited & {e.id for e in new}) == 2
    claimtrack.check_quotes(after, folder)
    assert main(["validate", "--ledger", str(target)]) == 0
