"""dateline from several Python threads at once (issue 8): ``analyze_many`` and ``find_dates``
called concurrently give exactly the results of a sequential run, and ``threads=1`` equals
``threads=2``."""

from __future__ import annotations

import pathlib
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import dateline as dl

HERE = pathlib.Path(__file__).resolve().parent
GENERATE = HERE / "hostile" / "generate.py"

needs_analyze = pytest.mark.skipif(
    not hasattr(dl, "analyze_many"), reason="dateline.analyze_many not in this build of the package"
)


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory, seed_texts: dict[str, str]) -> list[str]:
    out = tmp_path_factory.mktemp("hostile-conc")
    subprocess.run(
        [sys.executable, str(GENERATE), str(out), "--scale", "0.0005"], check=True, capture_output=True
    )
    hostile = [
        p.read_bytes().decode("utf-8", errors="replace")
        for p in sorted(out.glob("*.txt"))
        if p.stem != "binary"
    ]
    return list(seed_texts.values()) * 3 + hostile


def test_find_dates_from_threads_matches_sequential(texts: list[str]) -> None:
    expected = [dl.find_dates(t, anchor="2023-09-23") for t in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        for _ in range(3):
            got = list(pool.map(lambda t: dl.find_dates(t, anchor="2023-09-23"), texts))
            assert got == expected


@needs_analyze
def test_analyze_many_from_several_threads_at_once(texts: list[str]) -> None:
    expected = [d.to_json() for d in dl.analyze_many(texts, threads=1)]

    def job(threads: int) -> list[str]:
        return [d.to_json() for d in dl.analyze_many(texts, threads=threads)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(job, 1 + i % 2) for i in range(8)]
        for f in futures:
            assert f.result() == expected


@needs_analyze
def test_analyze_many_threads_1_equals_threads_2_and_sequential(texts: list[str]) -> None:
    one = [d.to_json() for d in dl.analyze_many(texts, threads=1)]
    two = [d.to_json() for d in dl.analyze_many(texts, threads=2)]
    seq = [dl.analyze(t).to_json() for t in texts]
    assert one == two == seq
