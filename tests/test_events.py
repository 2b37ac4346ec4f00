"""Encounter events and stories: the Event class, Document.events, group_stories, pandas
tables and the notebook rendering."""

from __future__ import annotations

import copy
import datetime
import json
import pathlib
import pickle

import pytest

import dateline as dl

BALI = (
    "Chinese President Xi Jinping met South Korean President Yoon Suk-yeol in Bali on Tuesday. "
    "The two leaders held talks for about 25 minutes."
)


@pytest.fixture(scope="module")
def seeds(seed_paths: list[pathlib.Path]) -> list[dl.Document]:
    return dl.analyze_many(dl.read_corpus(seed_paths[0].parent), threads=2)


def test_events_of_a_document() -> None:
    doc = dl.analyze(BALI, published="2022-11-16")
    (e,) = doc.events
    assert isinstance(e, dl.Event)
    assert (e.kind, e.cameo, e.status) == ("meet", "044", "happened")
    assert [doc.entity(p).name for p in e.participants] == ["Xi Jinping", "Yoon Suk-yeol"]
    assert doc.entity(e.place).name == "Bali"
    assert e.date == {"value": "2022-11-15", "source": "mention", "start": 81, "end": 88}
    assert e.date_value == "2022-11-15"
    assert BALI[e.date["start"]:e.date["end"]] == "Tuesday"
    assert BALI[e.trigger.start:e.trigger.end] == e.trigger.text == "met"
    assert len(e.evidence) == 2
    for start, end in e.evidence:
        assert BALI[start:end].endswith(".")
    assert 0.0 <= e.confidence <= 1.0
    assert e.host is None and e.story is None and e.place_source is None
    assert doc.story is None


def test_event_records(seeds: list[dl.Document]) -> None:
    e = seeds[0].events[0]
    assert repr(e).startswith("Event(kind='meet', participants=['Q15031', 'person:han-duck-soo'], place='gpe:hangzhou'")
    assert e == dl.Event.from_json(e.to_json()) == dl.Event.from_dict(e.to_dict())
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(e, protocol=protocol)) == e
    assert copy.deepcopy(e) == e
    assert e != seeds[0].events[1]
    d = e.to_dict()
    assert set(d) == {"kind", "cameo", "participants", "host", "place", "date", "status", "trigger", "evidence", "confidence"}
    assert json.loads(seeds[0].to_json())["events"][0] == d
    with pytest.raises(AttributeError):
        e.kind = "call"  # type: ignore[misc]


def test_documents_round_trip_with_events(seeds: list[dl.Document]) -> None:
    for doc in seeds:
        assert dl.Document.from_json(doc.to_json(), doc.text) == doc
        assert pickle.loads(pickle.dumps(doc)) == doc
        assert "events=" in repr(doc)


def test_group_stories_fills_the_date_from_the_other_report(seeds: list[dl.Document]) -> None:
    grouped = dl.group_stories(seeds)
    assert [d.id for d in grouped] == [d.id for d in seeds]
    s000, s003, s004 = grouped
    assert s000.story == s003.story and s000.story is not None
    talks = s003.events[0]
    assert talks.story == s000.events[0].story
    assert talks.date == {
        "value": "2023-09-23",
        "source": "story",
        "start": None,
        "end": None,
        "document": "000_6cb1cf4919cbac8a",
    }
    lavrov = next(e for e in s003.events if e.place == "gpe:pyongyang")
    assert (lavrov.status, lavrov.date_value) == ("planned", "2023-10")
    assert pickle.loads(pickle.dumps(s003)) == s003
    assert dl.Document.from_json(s003.to_json(), s003.text) == s003
    # Errors of analyze_many(errors="return") pass through in place.
    mixed = dl.group_stories([seeds[0], ValueError("x"), seeds[1]])
    assert isinstance(mixed[1], ValueError)
    assert mixed[2].events[0].date_value == "2023-09-23"
    assert dl.group_stories([]) == []
    with pytest.raises(TypeError):
        dl.group_stories(5)  # type: ignore[arg-type]


def test_pandas_events_and_participants(seeds: list[dl.Document]) -> None:
    pd = pytest.importorskip("pandas")
    grouped = dl.group_stories(seeds)
    events = dl.to_pandas(grouped, "events")
    assert len(events) == sum(len(d.events) for d in grouped)
    first = events.iloc[0]
    assert first["participants"] == "Xi Jinping; Han Duck-soo"
    assert first["place"] == "Hangzhou"
    assert first["date"] == datetime.date(2023, 9, 23)
    assert first["story"] == grouped[0].story
    assert first["evidence"].startswith("Xi Jinping held talks with Han Duck-soo")
    long = dl.to_pandas(grouped, "participants")
    assert len(long) == sum(len(e.participants) for d in grouped for e in d.events)
    assert set(long.columns) >= {"doc_id", "event", "entity_id", "name", "is_host", "story"}
    visit = long[(long["kind"] == "visit") & long["is_host"]]
    assert "Russia" in set(visit["name"])
    empty = dl.to_pandas([], "events")
    assert isinstance(empty, pd.DataFrame) and "participants" in empty.columns
    articles = dl.to_pandas(grouped, "articles")
    assert list(articles["events"]) == [len(d.events) for d in grouped]


def test_notebook_lists_events_with_evidence(seeds: list[dl.Document]) -> None:
    html = seeds[0]._repr_html_()
    assert "3 events" in html
    assert '<ol class="dl-events"' in html
    assert "meet · Xi Jinping, Han Duck-soo · in Hangzhou · 2023-09-23 · happened" in html
    assert 'class="dl-event"' in html and "dl-evidence" in html
