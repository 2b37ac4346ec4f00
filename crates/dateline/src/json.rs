//! The versioned JSON contract (`schema_version` 1) shared by the CLI and the Python package.
//!
//! [`Document::to_json_value`] and [`Document::write_json`] give exactly the shape documented
//! in DESIGN.md, with Unicode code-point offsets (`text[start:end]` in Python is the span), plus
//! a top-level `warnings` list (pipeline warnings; additive). A document that could not be
//! analysed is recorded with [`error_record`] / [`write_error_record`] so that a batch never
//! loses a document:
//!
//! ```json
//! {"schema_version":1,"id":"a","source":"a.txt","error":{"kind":"utf8","message":"..."}}
//! ```
//!
//! # Example
//! ```
//! use dateline::{analyze, Options};
//! let text = "Caf\u{e9} owner Kim said: \"Business is good this year.\"";
//! let doc = analyze(text, &Options::default().with_id("x")).unwrap();
//! let v = doc.to_json_value(text).unwrap();
//! assert_eq!(v["schema_version"], 1);
//! assert_eq!(v["id"], "x");
//! let q = &v["quotes"][0];
//! let chars: Vec<char> = text.chars().collect();
//! let (s, e) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
//! assert_eq!(chars[s..e].iter().collect::<String>(), q["text"].as_str().unwrap());
//! ```

use std::io::Write;

use dateline_article::Article;
use dateline_dates::{AnchorUse, Timex};
use dateline_entities::Entities;
use dateline_events::Event;
use dateline_text::{OffsetMap, Span};
use serde::Serialize;

use crate::{Document, Error, Quote};

/// The `schema_version` of the JSON this module writes.
pub const SCHEMA_VERSION: u32 = 1;

impl Document {
    /// The document as a JSON value (schema_version 1; see the [module docs](crate::json)).
    ///
    /// # Errors
    /// [`Error::TextMismatch`] when `text` is not the analysed text (by length);
    /// [`Error::Offsets`] when a span does not fall on character boundaries of `text`.
    ///
    /// # Example
    /// ```
    /// let text = "Seoul, Sept. 26 -- Officials met.";
    /// let doc = dateline::analyze(text, &Default::default()).unwrap();
    /// let v = doc.to_json_value(text).unwrap();
    /// assert!(v["article"]["paragraphs"].is_array());
    /// assert!(doc.to_json_value("other").is_err());
    /// ```
    pub fn to_json_value(&self, text: &str) -> Result<serde_json::Value, Error> {
        Ok(serde_json::to_value(self.record(text)?)?)
    }

    /// Writes the document as one compact JSON object (no trailing newline) to `writer`.
    ///
    /// # Errors
    /// As [`Document::to_json_value`], plus [`Error::Json`] for the writer's I/O errors.
    ///
    /// # Example
    /// ```
    /// let text = "Xi met Han in Hangzhou.";
    /// let doc = dateline::analyze(text, &Default::default()).unwrap();
    /// let mut out = Vec::new();
    /// doc.write_json(text, &mut out).unwrap();
    /// assert!(out.starts_with(b"{\"schema_version\":1,"));
    /// ```
    pub fn write_json<W: Write>(&self, text: &str, writer: W) -> Result<(), Error> {
        Ok(serde_json::to_writer(writer, &self.record(text)?)?)
    }

    /// The document as a JSON string (see [`Document::write_json`]).
    ///
    /// # Errors
    /// As [`Document::to_json_value`].
    ///
    /// # Example
    /// ```
    /// let text = "Xi met Han in Hangzhou.";
    /// let doc = dateline::analyze(text, &Default::default()).unwrap();
    /// assert!(doc.to_json_string(text).unwrap().contains("\"text\":\"Xi met Han in Hangzhou.\""));
    /// ```
    pub fn to_json_string(&self, text: &str) -> Result<String, Error> {
        Ok(serde_json::to_string(&self.record(text)?)?)
    }

    fn record<'a>(&'a self, text: &'a str) -> Result<Record<'a>, Error> {
        if text.len() != self.text_len {
            return Err(Error::TextMismatch {
                expected: self.text_len,
                got: text.len(),
            });
        }
        let cx = Cx {
            text,
            map: OffsetMap::new(text),
        };
        let ids: Vec<&str> = self
            .entities
            .entities
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        Ok(Record {
            schema_version: SCHEMA_VERSION,
            id: self.id.as_deref(),
            source: self.source.as_deref(),
            language: &self.language,
            article: article(&cx, &self.article, self)?,
            dates: self
                .dates
                .iter()
                .map(|t| date(&cx, t))
                .collect::<Result<_, _>>()?,
            entities: entities(&cx, &self.entities)?,
            quotes: self
                .quotes
                .iter()
                .map(|q| quote(&cx, q, &ids))
                .collect::<Result<_, _>>()?,
            events: self
                .events
                .iter()
                .map(|e| event(&cx, e, &ids))
                .collect::<Result<_, _>>()?,
            story: None,
            warnings: &self.warnings,
        })
    }
}

/// The error record of a document that could not be analysed.
///
/// # Example
/// ```
/// let v = dateline::json::error_record(Some("a"), Some("a.txt"), "utf8", "not valid UTF-8");
/// assert_eq!(v.to_string(),
///     r#"{"error":{"kind":"utf8","message":"not valid UTF-8"},"id":"a","schema_version":1,"source":"a.txt"}"#);
/// ```
#[must_use]
pub fn error_record(
    id: Option<&str>,
    source: Option<&str>,
    kind: &str,
    message: &str,
) -> serde_json::Value {
    serde_json::to_value(ErrorRecord {
        schema_version: SCHEMA_VERSION,
        id,
        source,
        error: ErrorBody { kind, message },
    })
    .unwrap_or(serde_json::Value::Null)
}

/// Writes the error record of a document (compact, keys in contract order, no newline).
///
/// # Errors
/// [`Error::Json`] for the writer's I/O errors.
///
/// # Example
/// ```
/// let mut out = Vec::new();
/// dateline::json::write_error_record(&mut out, Some("a"), None, "read", "gone").unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(),
///     r#"{"schema_version":1,"id":"a","source":null,"error":{"kind":"read","message":"gone"}}"#);
/// ```
pub fn write_error_record<W: Write>(
    writer: W,
    id: Option<&str>,
    source: Option<&str>,
    kind: &str,
    message: &str,
) -> Result<(), Error> {
    let record = ErrorRecord {
        schema_version: SCHEMA_VERSION,
        id,
        source,
        error: ErrorBody { kind, message },
    };
    Ok(serde_json::to_writer(writer, &record)?)
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    schema_version: u32,
    id: Option<&'a str>,
    source: Option<&'a str>,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
}

struct Cx<'a> {
    text: &'a str,
    map: OffsetMap,
}

impl<'a> Cx<'a> {
    fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.range()).unwrap_or("")
    }

    fn chars(&self, span: Span) -> Result<(usize, usize), Error> {
        Ok(self.map.char_span(span)?)
    }

    fn spanned(&self, span: Span) -> Result<Spanned<'a>, Error> {
        let (start, end) = self.chars(span)?;
        Ok(Spanned {
            text: self.slice(span),
            start,
            end,
        })
    }
}

#[derive(Serialize)]
struct Record<'a> {
    schema_version: u32,
    id: Option<&'a str>,
    source: Option<&'a str>,
    language: &'a str,
    article: ArticleRecord<'a>,
    dates: Vec<DateRecord<'a>>,
    entities: Vec<EntityRecord<'a>>,
    quotes: Vec<QuoteRecord<'a>>,
    events: Vec<EventRecord<'a>>,
    story: Option<&'a str>,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct ArticleRecord<'a> {
    header: Option<HeaderRecord<'a>>,
    title: Option<&'a str>,
    standfirst: Option<&'a str>,
    byline: Vec<&'a str>,
    dateline: Option<DatelineRecord<'a>>,
    captions: Vec<CaptionRecord<'a>>,
    date_line: Option<DateLineRecord<'a>>,
    published: PublishedRecord<'a>,
    paragraphs: Vec<Spanned<'a>>,
    boilerplate: Vec<BoilerplateRecord<'a>>,
    lines: Vec<LineRecord>,
}

#[derive(Serialize)]
struct DateLineRecord<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    date: Option<String>,
}

#[derive(Serialize)]
struct LineRecord {
    label: &'static str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct HeaderRecord<'a> {
    date: Option<String>,
    rest: Option<&'a str>,
    rest_kind: Option<&'static str>,
}

#[derive(Serialize)]
struct DatelineRecord<'a> {
    place: Option<&'a str>,
    agency: Option<&'a str>,
    date_text: Option<&'a str>,
}

#[derive(Serialize)]
struct CaptionRecord<'a> {
    text: &'a str,
    credit: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct PublishedRecord<'a> {
    date: Option<String>,
    source: &'static str,
    confidence: &'static str,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct Spanned<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct BoilerplateRecord<'a> {
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct DateRecord<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: &'static str,
    value: &'a str,
    modifier: Option<&'static str>,
    range: Option<[String; 2]>,
    anchor: &'static str,
}

#[derive(Serialize)]
struct EntityRecord<'a> {
    id: &'a str,
    name: &'a str,
    label: &'static str,
    role: Option<&'a str>,
    country: Option<&'a str>,
    org: Option<&'a str>,
    former: bool,
    aliases: &'a [String],
    wikidata: Option<&'a str>,
    mentions: Vec<Spanned<'a>>,
}

#[derive(Serialize)]
struct QuoteRecord<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    speaker: Option<&'a str>,
    cue: &'a str,
    direct: bool,
}

#[derive(Serialize)]
struct EventRecord<'a> {
    kind: &'static str,
    cameo: &'a str,
    participants: Vec<&'a str>,
    host: Option<&'a str>,
    place: Option<&'a str>,
    date: Option<EventDateRecord<'a>>,
    status: &'static str,
    trigger: Spanned<'a>,
    evidence: Vec<Offsets>,
    confidence: f64,
}

#[derive(Serialize)]
struct EventDateRecord<'a> {
    value: &'a str,
    source: &'static str,
    start: Option<usize>,
    end: Option<usize>,
}

#[derive(Serialize)]
struct Offsets {
    start: usize,
    end: usize,
}

fn article<'a>(cx: &Cx<'a>, a: &'a Article, doc: &'a Document) -> Result<ArticleRecord<'a>, Error> {
    Ok(ArticleRecord {
        header: a.header.as_ref().map(|h| HeaderRecord {
            date: h.date.map(|d| d.to_string()),
            rest: h.rest.map(|s| cx.slice(s)),
            rest_kind: h.rest_kind.map(|k| k.as_str()),
        }),
        title: a.title.as_ref().map(|t| cx.slice(t.span)),
        standfirst: a.standfirst.map(|s| cx.slice(s)),
        byline: a.byline.iter().map(|s| cx.slice(*s)).collect(),
        dateline: a.dateline.as_ref().map(|d| DatelineRecord {
            place: d.place.map(|s| cx.slice(s)),
            agency: d.agency.map(|s| cx.slice(s)),
            date_text: d.date_text.map(|s| cx.slice(s)),
        }),
        captions: a
            .captions
            .iter()
            .map(|c| {
                let (start, end) = cx.chars(c.text)?;
                Ok(CaptionRecord {
                    text: cx.slice(c.text),
                    credit: c.credit.map(|s| cx.slice(s)),
                    start,
                    end,
                })
            })
            .collect::<Result<_, Error>>()?,
        date_line: match &a.date_line {
            Some(d) => {
                let (start, end) = cx.chars(d.span)?;
                Some(DateLineRecord {
                    text: cx.slice(d.span),
                    start,
                    end,
                    date: d.date.map(|v| v.to_string()),
                })
            }
            None => None,
        },
        published: PublishedRecord {
            date: doc.published.date.map(|d| d.to_string()),
            source: doc.published.origin.as_str(),
            confidence: doc.published.confidence.as_str(),
            warnings: &doc.published.warnings,
        },
        paragraphs: a
            .paragraphs
            .iter()
            .map(|p| cx.spanned(*p))
            .collect::<Result<_, _>>()?,
        boilerplate: a
            .boilerplate
            .iter()
            .map(|b| {
                let (start, end) = cx.chars(b.span)?;
                Ok(BoilerplateRecord {
                    kind: b.kind.as_str(),
                    text: cx.slice(b.span),
                    start,
                    end,
                })
            })
            .collect::<Result<_, Error>>()?,
        lines: a
            .lines
            .iter()
            .map(|l| {
                let (start, end) = cx.chars(l.span)?;
                Ok(LineRecord {
                    label: l.label.as_str(),
                    start,
                    end,
                })
            })
            .collect::<Result<_, Error>>()?,
    })
}

fn date<'a>(cx: &Cx<'a>, t: &'a Timex) -> Result<DateRecord<'a>, Error> {
    let (start, end) = cx.chars(t.span)?;
    Ok(DateRecord {
        text: cx.slice(t.span),
        start,
        end,
        kind: t.kind.as_str(),
        value: &t.value,
        modifier: t.modifier.map(|m| m.as_str()),
        range: t.range().map(|(a, b)| [a.to_string(), b.to_string()]),
        anchor: match t.anchor {
            AnchorUse::Published => "published",
            AnchorUse::Mention => "mention",
            AnchorUse::None => "none",
        },
    })
}

fn entities<'a>(cx: &Cx<'a>, found: &'a Entities) -> Result<Vec<EntityRecord<'a>>, Error> {
    found
        .entities
        .iter()
        .map(|e| {
            let mentions = e
                .mentions
                .iter()
                .filter_map(|&m| found.mentions.get(m))
                .map(|m| cx.spanned(m.span))
                .collect::<Result<_, _>>()?;
            Ok(EntityRecord {
                id: &e.id,
                name: &e.name,
                label: e.label.as_str(),
                role: e.role.as_deref(),
                country: e.country.as_deref(),
                org: e.org.as_deref(),
                former: e.former,
                aliases: &e.aliases,
                wikidata: e.wikidata.as_deref(),
                mentions,
            })
        })
        .collect()
}

fn quote<'a>(cx: &Cx<'a>, q: &'a Quote, ids: &[&'a str]) -> Result<QuoteRecord<'a>, Error> {
    let (start, end) = cx.chars(q.span)?;
    Ok(QuoteRecord {
        text: cx.slice(q.span),
        start,
        end,
        speaker: q.speaker.and_then(|i| ids.get(i).copied()),
        cue: &q.cue,
        direct: q.direct,
    })
}

fn event<'a>(cx: &Cx<'a>, e: &'a Event, ids: &[&'a str]) -> Result<EventRecord<'a>, Error> {
    let id = |i: usize| ids.get(i).copied();
    let date = match &e.date {
        Some(d) => {
            let (start, end) = match d.span {
                Some(s) => {
                    let (a, b) = cx.chars(s)?;
                    (Some(a), Some(b))
                }
                None => (None, None),
            };
            Some(EventDateRecord {
                value: &d.value,
                source: d.source.as_str(),
                start,
                end,
            })
        }
        None => None,
    };
    Ok(EventRecord {
        kind: e.kind.as_str(),
        cameo: &e.cameo,
        participants: e.participants.iter().filter_map(|&i| id(i)).collect(),
        host: e.host.and_then(id),
        place: e.place.and_then(id),
        date,
        status: e.status.as_str(),
        trigger: cx.spanned(e.trigger)?,
        evidence: e
            .evidence
            .iter()
            .map(|s| {
                let (start, end) = cx.chars(*s)?;
                Ok(Offsets { start, end })
            })
            .collect::<Result<_, Error>>()?,
        confidence: e.confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points() {
        let text = "“Ready,” said Ms. Müller. Ünal Kaya met Olaf Scholz in Berlin on Monday.";
        let doc = crate::analyze(text, &crate::Options::default()).unwrap();
        let v = doc.to_json_value(text).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let check = |o: &serde_json::Value| {
            let s = o["start"].as_u64().unwrap() as usize;
            let e = o["end"].as_u64().unwrap() as usize;
            assert_eq!(
                chars[s..e].iter().collect::<String>(),
                o["text"].as_str().unwrap()
            );
        };
        for p in v["article"]["paragraphs"].as_array().unwrap() {
            check(p);
        }
        for d in v["dates"].as_array().unwrap() {
            check(d);
        }
        for e in v["entities"].as_array().unwrap() {
            for m in e["mentions"].as_array().unwrap() {
                check(m);
            }
        }
        for q in v["quotes"].as_array().unwrap() {
            check(q);
        }
    }

    #[test]
    fn keys_follow_the_contract() {
        let text =
            "The president met the prime minister on Saturday and they talked about the weather.";
        let doc = crate::analyze(text, &crate::Options::default()).unwrap();
        let s = doc.to_json_string(text).unwrap();
        assert!(s.starts_with(r#"{"schema_version":1,"id":null,"source":null,"language":"en","article":{"header":null,"#), "{s}");
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        for k in [
            "schema_version",
            "id",
            "source",
            "language",
            "article",
            "dates",
            "entities",
            "quotes",
        ] {
            assert!(keys.iter().any(|x| x.as_str() == k), "{k}");
        }
        let published = &v["article"]["published"];
        assert!(published["source"].is_string() && published["confidence"].is_string());
    }

    #[test]
    fn wrong_text_is_refused() {
        let doc = crate::analyze("abc", &crate::Options::default()).unwrap();
        assert!(matches!(
            doc.to_json_value("abcd"),
            Err(Error::TextMismatch {
                expected: 3,
                got: 4
            })
        ));
    }
}
