"""Dask: a real 2-process LocalCluster gives exactly the single-process results."""

from __future__ import annotations

import pathlib
import random

import pytest

import dateline as dl

distributed = pytest.importorskip("distributed")
dld = pytest.importorskip("dateline.dask")

PEOPLE = [
    "Chinese President Xi Jinping",
    "South Korean Prime Minister Han Duck-soo",
    "U.S. Secretary of State Antony Blinken",
    "former President Moon Jae-in",
    "Japanese Prime Minister Fumio Kishida",
]
PLACES = ["Seoul", "Beijing", "Hangzhou", "Tokyo", "Bali, Indonesia", "Washington"]
WHEN = ["on Saturday", "last month", "on Sept. 26", "in November 2022", "two years ago", "next week"]
ORGS = ["the United Nations", "China Central Television (CCTV)", "Yonhap News Agency", "the G20"]


def _article(rng: random.Random, i: int) -> str:
    header = f" date 2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} WORLD\n"
    title = f"Talks in {rng.choice(PLACES)} focus on trade and security ({i})\n\n"
    body = []
    for _ in range(rng.randint(2, 5)):
        body.append(
            f"{rng.choice(PEOPLE)} met {rng.choice(PEOPLE)} in {rng.choice(PLACES)} {rng.choice(WHEN)}, "
            f"{rng.choice(ORGS)} reported. "
            f'"We will keep working together," {rng.choice(["he", "she"])} said {rng.choice(WHEN)}.'
        )
    return header + title + "\n\n".join(body) + "\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[pathlib.Path]) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("corpus")
    for p in seed_paths:
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    rng = random.Random(6)
    sub = folder / "generated"
    sub.mkdir()
    for i in range(300):
        (sub / f"gen_{i:04d}.txt").write_text(_article(rng, i), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_local_cluster_equals_single_process(corpus: pathlib.Path) -> None:
    expected = dl.analyze_many(dl.read_corpus(corpus))
    assert len(expected) == 303
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        bag = dld.analyze_bag(corpus, files_per_partition=40)
        assert bag.npartitions > 2
        docs = client.compute(bag).result()
        assert docs == expected
        frame = client.compute(dld.to_dataframe(bag, "dates")).result()
        assert len(frame) == sum(len(d.dates) for d in expected)
        assert sorted(frame["doc_id"].unique()) == sorted({d.id for d in expected if d.dates})
        # Stories: summaries on the workers, grouping on the client, applied on the workers.
        grouped = client.compute(dld.group_stories(bag)).result()
        assert grouped == dl.group_stories(expected)
        assert any(d.story for d in grouped)


def test_analyze_bag_without_cluster(corpus: pathlib.Path) -> None:
    bag = dld.analyze_bag([corpus / "generated" / "gen_0000.txt", str(corpus / "generated" / "gen_000[1-4].txt")])
    docs = bag.compute(scheduler="sync")
    assert [d.id for d in docs] == [f"gen_{i:04d}" for i in range(5)]
    with pytest.raises(ValueError, match="table must be one of"):
        dld.to_dataframe(bag, "nope")
    grouped = dld.group_stories(bag, scheduler="sync").compute(scheduler="sync")
    assert grouped == dl.group_stories(docs)
    events = dld.to_dataframe(bag, "events").compute(scheduler="sync")
    assert len(events) == sum(len(d.events) for d in docs)
