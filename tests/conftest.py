"""Shared test setup: hypothesis profiles and paths to the fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# "ci" runs more examples, derandomised, with no deadline (shared CI machines are slow and
# noisy); "dev" is the quick local default and draws new examples each run. Pick one with
# HYPOTHESIS_PROFILE=ci.
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,  # the same examples every run: CI never fails by luck; dev runs explore
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def fixtures() -> Path:
    """The repository's fixtures folder."""
    return FIXTURES
