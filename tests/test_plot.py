"""The timeline picture: PNG and SVG, deterministic, and a clear message without matplotlib."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack import Ledger
from claimtrack.cli import main
from claimtrack.plot import INSTALL_HINT, PlotProblem, PlotUnavailable, draw_timeline, timeline_svg
from tests.ledgers import demo_ledger

matplotlib = pytest.importorskip("matplotlib")


def test_png_has_the_expected_size_and_is_not_blank(tmp_path: Path) -> None:
    """A PNG of the demo ledger: 1650 px wide, and a good share of its pixels are drawn on."""
    from matplotlib import image

    path = draw_timeline(demo_ledger(), tmp_path / "timeline.png")
    pixels = image.imread(path)
    height, width = pixels.shape[:2]
    assert width == 1650 and 400 <= height <= 800
    background = (pixels[:, :, :3] > 0.98).all(axis=2)
    drawn = 1 - background.mean()
    assert drawn > 0.08, f"only {drawn:.1%} of the pixels are drawn on"
    assert path.stat().st_size > 10_000


def test_status_colours_appear_in_the_picture(tmp_path: Path) -> None:
    """The stalled bridge lane shows the stalled colour; the announced lanes show grey."""
    from matplotlib import colors, image

    from claimtrack import CommitmentStatus
    from claimtrack.plot import STATUS_COLOURS

    pixels = image.imread(draw_timeline(demo_ledger(), tmp_path / "timeline.png"))[:, :, :3]
    rgb = {tuple((pixel * 255).round().astype(int)) for row in pixels[::3, ::3] for pixel in row}
    for status in (CommitmentStatus.ANNOUNCED, CommitmentStatus.STALLED):
        wanted = tuple(round(c * 255) for c in colors.to_rgb(STATUS_COLOURS[status]))
        assert wanted in rgb, status
    assert (
        tuple(round(c * 255) for c in colors.to_rgb(STATUS_COLOURS[CommitmentStatus.BROKEN]))
        not in rgb
    )


def test_svg_is_deterministic_and_labels_the_lanes(tmp_path: Path) -> None:
    """Two SVG renderings are byte-identical and name each commitment's lane and the events."""
    first = draw_timeline(demo_ledger(), tmp_path / "a.svg").read_bytes()
    second = draw_timeline(demo_ledger(), tmp_path / "b.svg").read_bytes()
    assert first == second
    text = first.decode("utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    for label in (
        "Open the river bridge by June.",
        "Build the bridge's access ramp.",
        "events",
        "Site visit",
        "stalled",
        "date range (partial date)",
    ):
        assert label in text, label
    assert "c-bridge" not in text  # lanes say what was pledged, not its id
    assert timeline_svg(demo_ledger()).count("<svg") == 1


def test_an_empty_ledger_still_draws(tmp_path: Path) -> None:
    """No commitments: a picture saying so, not an error."""
    assert "no commitments" in draw_timeline(Ledger(), tmp_path / "empty.svg").read_text("utf-8")


def test_only_pdf_png_and_svg(tmp_path: Path) -> None:
    """Another file type is refused before anything is drawn."""
    with pytest.raises(PlotProblem, match=r"must end in \.pdf, \.png or \.svg"):
        draw_timeline(demo_ledger(), tmp_path / "timeline.jpg")
    assert not (tmp_path / "timeline.jpg").exists()


def test_pdf_is_drawn_and_deterministic(tmp_path: Path) -> None:
    """A .pdf is a PDF (it was refused), the same bytes every time."""
    first = draw_timeline(demo_ledger(), tmp_path / "a.pdf").read_bytes()
    second = draw_timeline(demo_ledger(), tmp_path / "b.pdf").read_bytes()
    assert first.startswith(b"%PDF-") and first == second


def test_nothing_after_as_of_is_drawn() -> None:
    """As of 2020-04-30 the May stall is not drawn; before the pledge, no lane at all."""
    april = timeline_svg(demo_ledger(), as_of="2020-04-30")
    assert "stalled" not in april and "Open the river bridge by June." in april
    later = timeline_svg(demo_ledger(), as_of="2020-12-31")
    assert "stalled" in later
    before = timeline_svg(demo_ledger(), as_of="2020-02-28")
    assert "no commitments" in before and "Open the river" not in before


def test_axis_is_fitted_to_the_data() -> None:
    """The axis ends near the last date drawn, never at a far as-of day (or today)."""
    from matplotlib import dates

    from claimtrack.plot import timeline_figure

    figure = timeline_figure(demo_ledger(), as_of="2030-12-31")
    _, right = figure.axes[0].get_xlim()
    assert dates.num2date(right).year == 2020


def test_without_matplotlib_the_error_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With matplotlib unimportable, drawing raises PlotUnavailable naming the extra."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(PlotUnavailable) as error:
        draw_timeline(demo_ledger(), tmp_path / "timeline.png")
    assert str(error.value) == (
        "drawing a timeline needs matplotlib; install it with: pip install 'claimtrack[plot]'"
    )
    assert INSTALL_HINT in str(error.value) and isinstance(error.value, ImportError)


def test_cli_plot_without_matplotlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`claimtrack plot` without matplotlib exits 1 with the install command."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert main(["plot", "--out", str(tmp_path / "t.png")]) == 1
    assert capsys.readouterr().err == (
        "claimtrack: drawing a timeline needs matplotlib; install it with:"
        " pip install 'claimtrack[plot]'\n"
    )


def test_cli_plot_draws_the_bundled_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`claimtrack plot --out FILE.svg` writes the picture and says where."""
    out = tmp_path / "timeline.svg"
    assert main(["plot", "--out", str(out), "--as-of", "2018-12-31"]) == 0
    assert capsys.readouterr().out == f"wrote {out}\n"
    assert "Establish hotline communication" in out.read_text(encoding="utf-8")


def test_importing_claimtrack_does_not_import_matplotlib() -> None:
    """`import claimtrack` (and the plot module itself) never pays for matplotlib."""
    code = "import sys, claimtrack, claimtrack.plot; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_plot_example_draws_the_readme_picture(tmp_path: Path) -> None:
    """examples/plot_timeline.py draws the bundled ledger to the file it is given."""
    from tests.conftest import ROOT

    target = tmp_path / "timeline.png"
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "plot_timeline.py"), str(target)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.stdout == f"wrote {target}: 11 commitments\n"
    assert target.stat().st_size > 20_000
    assert (ROOT / "docs" / "timeline.png").is_file()  # the committed README picture


def test_the_latest_progress_figure_is_written_on_its_lane() -> None:
    """A commitment's latest figure by the as-of day appears in the picture, with its date."""
    from claimtrack import PartialDate, Progress, datasets

    ledger = datasets.pakistan_iran()
    figure = Progress(
        date=PartialDate.parse("2018-06"),
        value=581,
        of=830,
        unit="km",
        evidence=("ev-t-steps-agreed",),
    )
    svg = timeline_svg(ledger.add_progress("c-fencing-iran", figure), as_of="2018-12-31")
    assert "70% (2018-06)" in svg
    assert "70% (2018-06)" not in timeline_svg(ledger, as_of="2018-12-31")


def test_event_labels_never_overlap_and_every_event_is_counted() -> None:
    """In the monitor's crowded 2017-2018, labels take free rows or join a neighbour's "+N";
    measured on the drawn figure, no two label boxes overlap."""
    import re

    from claimtrack import datasets
    from claimtrack.plot import timeline_figure

    ledger = datasets.pakistan_iran_monitor()
    figure = timeline_figure(ledger)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    figure.draw(renderer)
    labels = [
        text for text in figure.axes[0].texts if (text.get_gid() or "").startswith("event-label")
    ]
    boxes = [text.get_window_extent(renderer) for text in labels]
    assert len(boxes) >= 3
    for first, box in enumerate(boxes):
        for other in boxes[first + 1 :]:
            assert not box.overlaps(other), [t.get_text() for t in labels]
    counted = sum(1 + int(m[1]) if (m := re.search(r"\(\+(\d+)\)$", t.get_text())) else 1
                  for t in labels)  # fmt: skip
    drawn = [e for e in ledger.events if e.date is not None]
    assert counted == len(drawn)


def test_a_character_the_font_lacks_is_drawn_without_a_warning(tmp_path: Path) -> None:
    """A control character or a rare script in a pledge is drawn (as a box), silently."""
    import warnings

    import attrs

    ledger = demo_ledger()
    first, *rest = ledger.commitments
    odd = attrs.evolve(first, text="Open the bridge \x91 \U00015d43")
    ledger = Ledger(
        sources=ledger.sources,
        actors=ledger.actors,
        events=ledger.events,
        agreements=ledger.agreements,
        commitments=[odd, *rest],
        claims=ledger.claims,
        evidence=ledger.evidence,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        draw_timeline(ledger, tmp_path / "odd.png")
    assert (tmp_path / "odd.png").stat().st_size > 10_000
