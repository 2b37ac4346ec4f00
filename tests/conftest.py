"""Shared fixtures of the Python test suite (run with ``scripts/test`` or ``pytest`` at the root)."""

from __future__ import annotations

import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_paths() -> list[pathlib.Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert paths, f"no seed articles found in {SEEDS}"
    return paths


@pytest.fixture(scope="session")
def seed_texts(seed_paths: list[pathlib.Path]) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in seed_paths}
