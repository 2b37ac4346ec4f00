"""Tidy pandas DataFrames of analysed documents (pandas is imported lazily)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional

if TYPE_CHECKING:  # pragma: no cover
    from dateline._native import Document

__all__ = ["TABLES", "to_pandas"]

TABLES = ("articles", "dates", "entities", "mentions", "quotes", "events", "participants")


def _date(value: Optional[str]) -> Optional[datetime.date]:
    if value is None or len(value) != 10:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _articles(doc: "Document") -> List[Dict[str, Any]]:
    a = doc.article
    pub = a.published
    dl: Mapping[str, Any] = a.dateline or {}
    return [
        {
            "doc_id": doc.id,
            "source": doc.source,
            "language": doc.language,
            "title": a.title,
            "standfirst": a.standfirst,
            "byline": "; ".join(a.byline) or None,
            "dateline_place": dl.get("place"),
            "dateline_agency": dl.get("agency"),
            "published": _date(pub["date"]),
            "published_value": pub["date"],
            "published_source": pub["source"],
            "published_confidence": pub["confidence"],
            "published_warnings": len(pub["warnings"]),
            "paragraphs": len(a.paragraphs),
            "dates": len(doc.dates),
            "entities": len(doc.entities),
            "quotes": len(doc.quotes),
            "events": len(doc.events),
            "story": doc.story,
        }
    ]


def _dates(doc: "Document") -> List[Dict[str, Any]]:
    rows = []
    for t in doc.dates:
        first, last = t.range if t.range is not None else (None, None)
        rows.append(
            {
                "doc_id": doc.id,
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "kind": t.kind,
                "value": t.value,
                "modifier": t.modifier,
                "anchor": t.anchor,
                "range_start": first,
                "range_end": last,
            }
        )
    return rows


def _entities(doc: "Document") -> List[Dict[str, Any]]:
    return [
        {
            "doc_id": doc.id,
            "entity_id": e.id,
            "name": e.name,
            "label": e.label,
            "role": e.role,
            "country": e.country,
            "org": e.org,
            "former": e.former,
            "wikidata": e.wikidata,
            "aliases": e.aliases,
            "mentions": len(e.mentions),
            "first_start": e.mentions[0].start if e.mentions else None,
        }
        for e in doc.entities
    ]


def _mentions(doc: "Document") -> List[Dict[str, Any]]:
    return [
        {
            "doc_id": doc.id,
            "entity_id": e.id,
            "name": e.name,
            "label": e.label,
            "text": m.text,
            "start": m.start,
            "end": m.end,
        }
        for e in doc.entities
        for m in e.mentions
    ]


def _quotes(doc: "Document") -> List[Dict[str, Any]]:
    names = {e.id: e.name for e in doc.entities}
    return [
        {
            "doc_id": doc.id,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "speaker_id": q.speaker,
            "speaker": names.get(q.speaker) if q.speaker is not None else None,
            "cue": q.cue,
            "direct": q.direct,
        }
        for q in doc.quotes
    ]


def _events(doc: "Document") -> List[Dict[str, Any]]:
    ents = {e.id: e for e in doc.entities}
    name = lambda i: ents[i].name if i in ents else i  # noqa: E731
    text = doc.text
    rows = []
    for n, ev in enumerate(doc.events):
        d: Mapping[str, Any] = ev.date or {}
        ps: Mapping[str, Any] = ev.place_source or {}
        first = ev.evidence[0] if ev.evidence else None
        rows.append(
            {
                "doc_id": doc.id,
                "event": n,
                "story": ev.story,
                "kind": ev.kind,
                "cameo": ev.cameo,
                "participants": "; ".join(name(p) for p in ev.participants),
                "participant_ids": "; ".join(ev.participants),
                "n_participants": len(ev.participants),
                "host": name(ev.host) if ev.host else None,
                "host_id": ev.host,
                "place": ps.get("name") or (name(ev.place) if ev.place else None),
                "place_id": ev.place,
                "date": _date(d.get("value")),
                "date_value": d.get("value"),
                "date_source": d.get("source"),
                "date_document": d.get("document"),
                "status": ev.status,
                "trigger": ev.trigger.text,
                "trigger_start": ev.trigger.start,
                "trigger_end": ev.trigger.end,
                "evidence": text[first[0]:first[1]] if text is not None and first else None,
                "evidence_spans": len(ev.evidence),
                "confidence": ev.confidence,
            }
        )
    return rows


def _participants(doc: "Document") -> List[Dict[str, Any]]:
    ents = {e.id: e for e in doc.entities}
    rows = []
    for n, ev in enumerate(doc.events):
        for p in ev.participants:
            e = ents.get(p)
            rows.append(
                {
                    "doc_id": doc.id,
                    "event": n,
                    "story": ev.story,
                    "kind": ev.kind,
                    "entity_id": p,
                    "name": e.name if e else p,
                    "label": e.label if e else None,
                    "role": e.role if e else None,
                    "country": e.country if e else None,
                    "is_host": p == ev.host,
                    "date_value": ev.date_value,
                    "status": ev.status,
                }
            )
    return rows


_BUILDERS = {
    "articles": _articles,
    "dates": _dates,
    "entities": _entities,
    "mentions": _mentions,
    "quotes": _quotes,
    "events": _events,
    "participants": _participants,
}


def to_pandas(docs: Iterable["Document"], table: str = "entities") -> Any:
    """One tidy DataFrame for a whole corpus.

    ``table`` is ``"articles"`` (one row per document), ``"dates"`` (one row per temporal
    expression; ``range_start``/``range_end`` are ``datetime.date``), ``"entities"`` (one row
    per entity), ``"mentions"`` (one row per entity mention), ``"quotes"``, ``"events"`` (one
    row per encounter event: kind, participant names joined with ``"; "``, host, place, date
    as ``datetime.date`` when known to the day, status, trigger, first evidence sentence,
    story) or ``"participants"`` (the long form: one row per event and participant). Every row
    carries ``doc_id``. Items of ``docs`` that are not Documents (the exceptions of
    ``analyze_many(..., errors="return")``) are skipped. Needs pandas
    (``pip install dateline[pandas]``).
    """
    from dateline._native import Document

    try:
        build = _BUILDERS[table]
    except KeyError:
        raise ValueError(f"to_pandas(): table must be one of {', '.join(TABLES)}, not {table!r}") from None
    try:
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_pandas() needs pandas: pip install 'dateline[pandas]'") from exc
    if isinstance(docs, Document):
        docs = [docs]
    rows: List[Dict[str, Any]] = []
    for doc in docs:
        if isinstance(doc, Document):
            rows.extend(build(doc))
    if not rows:
        return pd.DataFrame(columns=_EMPTY_COLUMNS[table])
    return pd.DataFrame.from_records(rows)


_EMPTY_COLUMNS = {
    "articles": [
        "doc_id", "source", "language", "title", "standfirst", "byline", "dateline_place",
        "dateline_agency", "published", "published_value", "published_source",
        "published_confidence", "published_warnings", "paragraphs", "dates", "entities", "quotes",
        "events", "story",
    ],
    "dates": ["doc_id", "text", "start", "end", "kind", "value", "modifier", "anchor", "range_start", "range_end"],
    "entities": [
        "doc_id", "entity_id", "name", "label", "role", "country", "org", "former", "wikidata",
        "aliases", "mentions", "first_start",
    ],
    "mentions": ["doc_id", "entity_id", "name", "label", "text", "start", "end"],
    "quotes": ["doc_id", "text", "start", "end", "speaker_id", "speaker", "cue", "direct"],
    "events": [
        "doc_id", "event", "story", "kind", "cameo", "participants", "participant_ids", "n_participants",
        "host", "host_id", "place", "place_id", "date", "date_value", "date_source", "date_document", "status",
        "trigger", "trigger_start", "trigger_end", "evidence", "evidence_spans", "confidence",
    ],
    "participants": [
        "doc_id", "event", "story", "kind", "entity_id", "name", "label", "role", "country", "is_host",
        "date_value", "status",
    ],
}
