"""analyze / analyze_many: the Document contract, parallel batches, errors, bad input."""

from __future__ import annotations

import datetime
import json
import pickle
import threading

import pytest

import dateline as dl

DOC_KEYS = [
    "schema_version",
    "id",
    "source",
    "language",
    "article",
    "dates",
    "entities",
    "quotes",
    "events",
    "story",
    "warnings",
]

TEXT = (
    "😀 Chinese President Xi Jinping held talks on Saturday with South Korean Prime Minister "
    "Han Duck-soo in 杭州 Hangzhou.\n\n"
    '"China attaches great importance to cooperation," the Chinese president said.\n'
)


def _check_offsets(doc: dl.Document) -> None:
    text = doc.text
    assert text is not None
    for t in doc.dates:
        assert text[t.start : t.end] == t.text
    for e in doc.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text
    for p in doc.article.paragraphs:
        assert text[p["start"] : p["end"]] == p["text"]


def test_analyze_document() -> None:
    doc = dl.analyze(TEXT, published="2023-09-25", id="x1", source="mem")
    assert (doc.id, doc.source, doc.schema_version) == ("x1", "mem", 1)
    assert doc.language == "en"
    assert doc.published_date == datetime.date(2023, 9, 25)
    saturday = next(t for t in doc.dates if t.text == "Saturday")
    assert saturday.value == "2023-09-23" and saturday.anchor == "published"
    xi = next(e for e in doc.entities if e.name == "Xi Jinping")
    assert xi.role == "President"
    direct = [q for q in doc.quotes if q.direct]
    assert direct and direct[0].speaker is not None
    speaker = doc.entity(direct[0].speaker)
    assert speaker is not None and speaker.name == "Xi Jinping"
    _check_offsets(doc)


def test_to_dict_is_the_contract() -> None:
    doc = dl.analyze(TEXT, id="x1")
    d = doc.to_dict()
    assert list(d) == DOC_KEYS
    assert d == json.loads(doc.to_json())
    assert dl.Document.from_dict(d, text=TEXT) == doc
    assert dl.Document.from_json(doc.to_json(), TEXT) == doc


def test_seeds(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        doc = dl.analyze(text, id=name)
        assert doc.dates and doc.entities, name
        _check_offsets(doc)
        assert pickle.loads(pickle.dumps(doc)) == doc
        html = doc._repr_html_()
        assert "dl-legend" in html and "<mark" in html and 'title="' in html


def test_repr_html_marks_dates_and_entities() -> None:
    html = dl.analyze(TEXT, published="2023-09-25")._repr_html_()
    assert 'class="dl-DATE"' in html and "DATE 2023-09-23" in html
    assert 'class="dl-PERSON"' in html and "PERSON Xi Jinping · President · China" in html


def test_analyze_many_keeps_order_and_equals_analyze(seed_texts: dict[str, str]) -> None:
    texts = list(seed_texts.values()) * 4
    many = dl.analyze_many(texts, threads=2)
    assert many == [dl.analyze(t) for t in texts]
    assert dl.analyze_many(texts, threads=1) == many


def test_tagger_off_changes_only_entities(seed_texts: dict[str, str]) -> None:
    texts = list(seed_texts.values())
    with_tagger = dl.analyze_many(texts, threads=2)
    without = dl.analyze_many(texts, threads=2, tagger=False)
    assert [d.to_dict() for d in without] == [dl.analyze(t, tagger=False).to_dict() for t in texts]
    assert [d.to_dict() for d in dl.iter_analyze(texts, batch_size=2, tagger=False)] == [
        d.to_dict() for d in without
    ]
    for w, n in zip(with_tagger, without):
        assert w.to_dict()["dates"] == n.to_dict()["dates"]
        assert w.to_dict()["article"] == n.to_dict()["article"]
        _check_offsets(n)
    assert any(w.to_dict()["entities"] != n.to_dict()["entities"] for w, n in zip(with_tagger, without))


def test_analyze_many_inputs() -> None:
    def gen():
        yield "On Monday, Kim met Yoon."
        yield ("b", "Nothing here.")
        yield {"text": "Talks ended on Saturday.", "id": "c", "published": "2023-09-25", "source": "s"}

    docs = dl.analyze_many(gen())
    assert [d.id for d in docs] == [None, "b", "c"]
    assert docs[2].source == "s"
    assert docs[2].dates[0].value == "2023-09-23"
    assert dl.analyze_many([]) == []
    assert dl.analyze_many(iter(())) == []
    shared = dl.analyze_many(["Talks ended on Saturday."], published=datetime.date(2023, 9, 25))
    assert shared[0].dates[0].value == "2023-09-23"


def test_analyze_many_errors() -> None:
    big = "a" * (16 * 1024 * 1024 + 1)
    with pytest.raises(dl.InputTooLargeError, match="document 1 \\(id 'big'\\)"):
        dl.analyze_many(["fine", ("big", big)])
    out = dl.analyze_many(["fine", ("big", big), None, "also fine"], errors="return")
    assert isinstance(out[0], dl.Document) and isinstance(out[3], dl.Document)
    assert isinstance(out[1], dl.InputTooLargeError)
    assert out[1].index == 1 and out[1].id == "big"  # type: ignore[union-attr]
    assert isinstance(out[2], TypeError)
    with pytest.raises(TypeError, match="item 1 must be a str"):
        dl.analyze_many(["fine", None])


@pytest.mark.parametrize("threads", [0, -1])
def test_bad_threads(threads: int) -> None:
    with pytest.raises(dl.InvalidOptionError, match="threads"):
        dl.analyze_many(["x"], threads=threads)
    with pytest.raises(ValueError):
        dl.analyze_many(["x"], threads=threads)


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="not a single str"):
        dl.analyze_many("just one text")
    with pytest.raises(TypeError, match="iterable"):
        dl.analyze_many(42)  # type: ignore[arg-type]
    with pytest.raises(dl.InvalidOptionError, match="errors"):
        dl.analyze_many(["x"], errors="ignore")  # type: ignore[call-overload]
    for bad in ("2023-02-30", "yesterday"):
        with pytest.raises(dl.InvalidDateError):
            dl.analyze("x", published=bad)
        with pytest.raises(dl.InvalidDateError):
            dl.analyze_many(["x"], published=bad)
    with pytest.raises(dl.InvalidTextError):
        dl.analyze("abc\udcff")
    for bad_text in (None, b"bytes", 7):
        with pytest.raises(TypeError, match="analyze\\(\\) argument 'text' must be str"):
            dl.analyze(bad_text)  # type: ignore[arg-type]


def test_gil_is_released_during_batches(seed_texts: dict[str, str]) -> None:
    texts = list(seed_texts.values()) * 10
    ticks = 0
    done = threading.Event()

    def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            done.wait(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        dl.analyze_many(texts, threads=1)
    finally:
        done.set()
        thread.join()
    assert ticks > 5


def test_iter_analyze_streams_in_batches(seed_texts: dict[str, str]) -> None:
    texts = list(seed_texts.values()) * 3
    consumed = 0

    def gen():
        nonlocal consumed
        for t in texts:
            consumed += 1
            yield t

    stream = dl.iter_analyze(gen(), batch_size=2, threads=2)
    first = next(stream)
    assert consumed == 2  # only the first batch was read
    assert [first, *stream] == dl.analyze_many(texts)
    with pytest.raises(dl.InvalidOptionError):
        list(dl.iter_analyze(texts, batch_size=0))
    with pytest.raises(TypeError):
        list(dl.iter_analyze("one text"))
