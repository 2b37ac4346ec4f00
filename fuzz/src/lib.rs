//! Invariant checks shared by the fuzz targets (and usable from tests).
//!
//! Every `check_*` function panics with a message naming the broken invariant, so libFuzzer
//! records the input as a crash. They check more than "no panic": spans on character
//! boundaries inside the text, `text[span]` equal to the reported text, TIMEX3 values well
//! formed for their type, date ranges with start <= end, ordering and index consistency, and
//! (in the targets) that a second run gives identical output.

#![forbid(unsafe_code)]

pub mod record;
pub mod targets;
pub mod timex;

use dateline_dates::Timex;
use dateline_text::Span;

/// Panics unless `span` is a non-inverted byte range of `text` on character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {}..{} out of bounds (len {})",
        span.start,
        span.end,
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {}..{} not on char boundaries",
        span.start,
        span.end
    );
}

/// Panics unless `inner` lies inside `outer`.
pub fn check_within(inner: Span, outer: Span, what: &str) {
    assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what}: {}..{} not inside {}..{}",
        inner.start,
        inner.end,
        outer.start,
        outer.end
    );
}

/// Panics unless `span` is valid and `text[span] == reported`.
pub fn check_mention(text: &str, span: Span, reported: &str, what: &str) {
    check_span(text, span, what);
    assert_eq!(
        &text[span.range()],
        reported,
        "{what}: text[{}..{}] differs from the reported text",
        span.start,
        span.end
    );
}

/// Checks a list of temporal expressions found in `text`: spans and texts, non-empty,
/// TIMEX3 values, ranges, text order without overlap.
pub fn check_timexes(text: &str, found: &[Timex]) {
    let mut prev_end = 0;
    for t in found {
        check_timex(text, t);
        assert!(
            t.span.start >= prev_end,
            "timex {:?} at {}..{} overlaps or precedes the previous one (ends {prev_end})",
            t.text,
            t.span.start,
            t.span.end
        );
        prev_end = t.span.end;
    }
}

/// Checks one temporal expression found in `text`.
pub fn check_timex(text: &str, t: &Timex) {
    check_mention(text, t.span, &t.text, "timex");
    assert!(!t.span.is_empty(), "timex: empty span at {}", t.span.start);
    if let Err(e) = timex::check(t.kind.as_str(), &t.value) {
        panic!("timex {:?}: {e}", t.text);
    }
    if let Some((a, b)) = t.range {
        assert!(a <= b, "timex {:?} ({}): range {a} > {b}", t.text, t.value);
    }
}

/// Checks every span of a parsed article and the consistency of its parts.
pub fn check_article(text: &str, a: &dateline_article::Article) {
    for s in a.spans() {
        check_span(text, s, "article span");
    }
    if let Some(h) = &a.header {
        check_within(h.date_text, h.span, "header date_text");
        if let Some(r) = h.rest {
            check_within(r, h.span, "header rest");
        }
        if let Some(d) = &h.date {
            check_date_value(d, "header date");
        }
    }
    if let Some(t) = &a.title {
        assert!(!t.span.is_empty(), "empty title span");
    }
    for c in &a.captions {
        check_within(c.text, c.span, "caption text");
        if let Some(cr) = c.credit {
            check_within(cr, c.span, "caption credit");
        }
    }
    if let Some(d) = &a.date_line {
        check_within(d.date_text, d.span, "date line date_text");
        if let Some(v) = &d.date {
            check_date_value(v, "date line date");
        }
    }
    if let Some(d) = &a.dateline {
        if let Some(p) = d.place {
            check_within(p, d.span, "dateline place");
        }
        if let Some(v) = &d.date {
            check_date_value(v, "dateline date");
        }
    }
    let mut prev_end = 0;
    for p in &a.paragraphs {
        assert!(!p.is_empty(), "empty paragraph at {}", p.start);
        assert!(
            p.start >= prev_end,
            "paragraph {}..{} overlaps or precedes the previous one (ends {prev_end})",
            p.start,
            p.end
        );
        prev_end = p.end;
    }
    // Labelled lines: in text order, not overlapping, non-empty, trimmed; every paragraph on
    // body lines and the title on a title line.
    let mut prev_end = 0;
    for l in &a.lines {
        check_span(text, l.span, "labelled line");
        assert!(!l.span.is_empty(), "empty labelled line at {}", l.span.start);
        assert!(l.span.start >= prev_end, "labelled lines out of order at {}", l.span.start);
        let s = &text[l.span.range()];
        assert_eq!(s, s.trim(), "labelled line {:?} is not trimmed", s);
        prev_end = l.span.end;
    }
    let on = |span: Span, label: dateline_article::LineLabel| {
        a.lines
            .iter()
            .any(|l| l.label == label && l.span.start <= span.start && span.start < l.span.end)
    };
    for p in &a.paragraphs {
        assert!(
            on(*p, dateline_article::LineLabel::Body),
            "paragraph at {} does not start on a body line",
            p.start
        );
    }
    if let Some(t) = &a.title {
        assert!(
            on(t.span, dateline_article::LineLabel::Title),
            "title at {} is not on a title line",
            t.span.start
        );
    }
    if let Some(d) = &a.published.date {
        check_date_value(d, "published date");
    }
    if let Some((x, y)) = a.published.window {
        assert!(x <= y, "published window {x} > {y}");
    }
    let conf = a.language.confidence;
    assert!(
        conf.is_finite() && (0.0..=1.0).contains(&conf),
        "language confidence {conf}"
    );
}

fn check_date_value(d: &dateline_article::DateValue, what: &str) {
    let (x, y) = d.range();
    assert!(x <= y, "{what}: range {x} > {y}");
    assert!(
        x <= d.date && d.date <= y,
        "{what}: {} outside its own range {x}..{y}",
        d.date
    );
}

/// Checks entity extraction output: mention spans and texts, text order without overlap,
/// entity and mention indices pointing at each other.
pub fn check_entities(text: &str, found: &dateline_entities::Entities) {
    let mut prev_end = 0;
    for (i, m) in found.mentions.iter().enumerate() {
        check_mention(text, m.span, &m.text, "entity mention");
        assert!(!m.span.is_empty(), "empty mention at {}", m.span.start);
        assert!(
            m.span.start >= prev_end,
            "mention {:?} at {}..{} overlaps or precedes the previous one (ends {prev_end})",
            m.text,
            m.span.start,
            m.span.end
        );
        prev_end = m.span.end;
        let e = found
            .entities
            .get(m.entity)
            .unwrap_or_else(|| panic!("mention {i} points at missing entity {}", m.entity));
        assert!(
            e.mentions.contains(&i),
            "mention {i} ({:?}) not listed by its entity {:?}",
            m.text,
            e.name
        );
        assert_eq!(
            m.label, e.label,
            "mention {i} label differs from its entity's"
        );
    }
    for (j, e) in found.entities.iter().enumerate() {
        assert!(
            !e.mentions.is_empty(),
            "entity {j} ({:?}) without mentions",
            e.name
        );
        assert!(!e.id.is_empty(), "entity {j} ({:?}) without id", e.name);
        assert!(!e.name.trim().is_empty(), "entity {j} has a blank name");
        for w in e.mentions.windows(2) {
            assert!(
                w[0] < w[1],
                "entity {j} mentions not in text order: {:?}",
                e.mentions
            );
        }
        for &m in &e.mentions {
            let mention = found
                .mentions
                .get(m)
                .unwrap_or_else(|| panic!("entity {j} lists missing mention {m}"));
            assert_eq!(
                mention.entity, j,
                "entity {j} lists mention {m} of entity {}",
                mention.entity
            );
        }
    }
}

/// Checks a whole document: article, dates, entities, quotes, and the JSON record (code
/// point offsets that slice the text to the reported strings).
pub fn check_document(text: &str, doc: &dateline::Document) {
    assert_eq!(doc.text_len, text.len(), "document text_len");
    check_article(text, &doc.article);
    check_timexes(text, &doc.dates);
    check_entities(text, &doc.entities);
    for q in &doc.quotes {
        check_mention(text, q.span, &q.text, "quote");
        if let Some(c) = q.cue_span {
            check_span(text, c, "quote cue");
        }
        if let Some(s) = q.speaker {
            assert!(
                s < doc.entities.entities.len(),
                "quote speaker {s} out of range"
            );
        }
    }
    if let Some((x, y)) = doc.published.date.map(|d| d.range()) {
        assert!(x <= y, "document published range {x} > {y}");
    }
    check_events(text, &doc.entities, &doc.events);
    let json = doc
        .to_json_value(text)
        .unwrap_or_else(|e| panic!("to_json_value failed on the analysed text: {e}"));
    check_json_record(text, &json);
}

/// Checks the events of a text: participants, host and place index existing entities (and
/// participants are distinct and not empty), trigger, evidence and date spans lie on character
/// boundaries inside the text, some evidence span contains the trigger, evidence is sorted
/// and disjoint, the date value is a TIMEX3 DATE value and the confidence lies in 0..=1.
pub fn check_events(text: &str, entities: &dateline_entities::Entities, events: &[dateline_events::Event]) {
    let n = entities.entities.len();
    for e in events {
        assert!(!e.participants.is_empty(), "event without participants: {e:?}");
        for &p in &e.participants {
            assert!(p < n, "event participant {p} out of range ({n} entities)");
        }
        let mut ps = e.participants.clone();
        ps.sort_unstable();
        ps.dedup();
        assert_eq!(ps.len(), e.participants.len(), "repeated participant in {e:?}");
        for x in [e.host, e.place].into_iter().flatten() {
            assert!(x < n, "event host/place {x} out of range ({n} entities)");
        }
        check_span(text, e.trigger, "event trigger");
        assert!(!e.trigger.is_empty(), "empty event trigger");
        assert!(!e.evidence.is_empty(), "event without evidence");
        for ev in &e.evidence {
            check_span(text, *ev, "event evidence");
        }
        assert!(
            e.evidence.windows(2).all(|w| w[0].end <= w[1].start),
            "event evidence not sorted and disjoint: {:?}",
            e.evidence
        );
        assert!(
            e.evidence.iter().any(|ev| ev.start <= e.trigger.start && e.trigger.end <= ev.end),
            "no evidence span contains the trigger {:?}: {:?}",
            e.trigger,
            e.evidence
        );
        if let Some(d) = &e.date {
            if let Some(s) = d.span {
                check_span(text, s, "event date mention");
            }
            if let Err(err) = timex::check("DATE", &d.value) {
                panic!("event date {:?}: {err}", d.value);
            }
        }
        assert!((0.0..=1.0).contains(&e.confidence), "confidence {}", e.confidence);
        assert!(e.cameo.starts_with("04") && e.cameo.len() == 3, "cameo {}", e.cameo);
    }
}

/// Checks the JSON record of a document (see [`record::check_record`]); panics on failure.
pub fn check_json_record(text: &str, v: &serde_json::Value) {
    if let Err(e) = record::check_record(text, v) {
        panic!("JSON record: {e}");
    }
}
