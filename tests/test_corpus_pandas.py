"""read_corpus (folders, globs, JSONL) and to_pandas tidy tables."""

from __future__ import annotations

import datetime
import json
import pathlib
import subprocess
import sys

import pytest

import dateline as dl


def test_read_folder_and_glob(root: pathlib.Path, seed_paths: list[pathlib.Path]) -> None:
    items = list(dl.read_corpus(root / "seeds"))
    assert [i["id"] for i in items] == [p.stem for p in seed_paths]
    assert items[0]["text"] == seed_paths[0].read_text(encoding="utf-8")
    assert items[0]["published"] is None
    globbed = list(dl.read_corpus(str(root / "seeds" / "00[03]_*.txt")))
    assert [i["id"] for i in globbed] == [p.stem for p in seed_paths if p.stem[:3] in {"000", "003"}]
    single = list(dl.read_corpus(seed_paths[0]))
    assert len(single) == 1


def test_read_jsonl(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "a", "text": "Talks ended on Saturday.", "published": "2023-09-25"},
        {"text": "No id here 😀."},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    items = list(dl.read_corpus(path))
    assert [i["id"] for i in items] == ["a", "corpus:2"]
    docs = dl.analyze_many(items)
    assert docs[0].dates[0].value == "2023-09-23"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        list(dl.read_corpus(bad))


def test_read_missing_and_undecodable(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileNotFoundError):
        list(dl.read_corpus(tmp_path / "nope"))
    (tmp_path / "x.txt").write_bytes(b"caf\xe9 on 3 May 2020")
    (item,) = dl.read_corpus(tmp_path)
    assert "\ufffd" in item["text"]


@pytest.fixture(scope="module")
def docs(root: pathlib.Path) -> list[dl.Document]:
    return dl.analyze_many(dl.read_corpus(root / "seeds"))


def test_tables(docs: list[dl.Document]) -> None:
    articles = dl.to_pandas(docs, "articles")
    assert len(articles) == len(docs)
    assert articles["doc_id"].tolist() == [d.id for d in docs]
    pub = articles["published"].iloc[0]
    assert pub is None or isinstance(pub, datetime.date)

    dates = dl.to_pandas(docs, "dates")
    assert len(dates) == sum(len(d.dates) for d in docs)
    ranged = dates.dropna(subset=["range_start"])
    assert len(ranged) > 0
    assert all(isinstance(v, datetime.date) for v in ranged["range_start"])
    assert (ranged["range_start"] <= ranged["range_end"]).all()

    ents = dl.to_pandas(docs, "entities")
    assert len(ents) == sum(len(d.entities) for d in docs)
    assert {"doc_id", "entity_id", "name", "label", "role", "country", "org", "mentions"} <= set(ents.columns)
    mentions = dl.to_pandas(docs, "mentions")
    assert len(mentions) == ents["mentions"].sum()
    quotes = dl.to_pandas(docs, "quotes")
    assert len(quotes) == sum(len(d.quotes) for d in docs)


def test_empty_and_errors(docs: list[dl.Document]) -> None:
    empty = dl.to_pandas([], "dates")
    assert len(empty) == 0 and "range_start" in empty.columns
    mixed = [docs[0], dl.InputTooLargeError("x")]
    assert len(dl.to_pandas(mixed, "articles")) == 1  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="table must be one of"):
        dl.to_pandas(docs, "people")


def test_import_is_lazy_and_fast() -> None:
    code = (
        "import sys, time; t = time.perf_counter(); import dateline; "
        "print(time.perf_counter() - t); print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, pandas_loaded = out.stdout.split()
    assert pandas_loaded == "False"
    assert float(seconds) < 1.0  # the < 100 ms target is measured by bench/python_bench.py
