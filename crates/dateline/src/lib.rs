//! # dateline
//!
//! The dateline pipeline: raw news-article text in, a structured [`Document`] out — the
//! article's parts ([`dateline_article`]), its publication date, every temporal expression
//! normalized to a TIMEX3 value and anchored on that date ([`dateline_dates`]), named
//! entities with canonical identities and roles ([`dateline_entities`]), quotes with
//! their cue and speaker ([`quotes`]), and encounter events — who met whom, where and when
//! ([`dateline_events`]), which
//! [`stories`] groups across documents.
//!
//! ## Usage
//! ```
//! use dateline::{analyze, Options};
//!
//! let text = " date 2023-09-23 WORLD
//! China seeks cooperation with South Korea amid tensions
//!
//! Chinese President Xi Jinping held talks on Saturday with South Korean Prime Minister Han Duck-soo in Hangzhou, China Central Television (CCTV) reported.
//!
//! \"China attaches great importance to cooperation,\" the Chinese president said.
//! ";
//! let doc = analyze(text, &Options::default().with_id("000")).unwrap();
//! assert_eq!(doc.published.anchor().unwrap().to_string(), "2023-09-23");
//! assert_eq!(doc.dates.iter().find(|t| t.text == "Saturday").unwrap().value, "2023-09-23");
//! let xi = doc.entities.entities.iter().find(|e| e.name == "Xi Jinping").unwrap();
//! assert_eq!(xi.role.as_deref(), Some("President"));
//! let quote = doc.quotes.iter().find(|q| q.direct).unwrap();
//! assert_eq!(doc.speaker(quote).unwrap().name, "Xi Jinping");
//! let talks = &doc.events[0];
//! assert_eq!(talks.kind.as_str(), "meet");
//! assert_eq!(talks.date.as_ref().unwrap().value, "2023-09-23");
//!
//! // The JSON contract (schema_version 1, code-point offsets), as the CLI and Python emit it.
//! let json = doc.to_json_value(text).unwrap();
//! assert_eq!(json["article"]["title"], "China seeks cooperation with South Korea amid tensions");
//! ```
//!
//! Spans in the Rust types are byte ranges into the text passed to [`analyze`]:
//! `&text[span.range()]` is exactly the mention. The JSON form converts them to Unicode
//! code-point offsets with [`dateline_text::OffsetMap`].
//!
//! ## Errors
//! [`analyze`] fails only for input that is not an article: longer than
//! [`Options::max_bytes`] ([`Error::TooLarge`]) or binary ([`Error::Binary`]). Messy text never
//! fails. Nothing panics on any input.
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` on [`Document`] and its parts (byte spans),
//!   and the [`json`] module with the versioned JSON contract.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod document;
mod error;
#[cfg(feature = "serde")]
pub mod json;
mod pipeline;
pub mod quotes;
#[cfg(feature = "serde")]
pub mod stories;

pub use dateline_article as article;
pub use dateline_dates as dates;
pub use dateline_entities as entities;
pub use dateline_events as events;
pub use dateline_text as text;

pub use document::{Document, Published, PublishedOrigin};
pub use error::Error;
pub use pipeline::{analyze, Options, DEFAULT_MAX_BYTES};
pub use quotes::Quote;
