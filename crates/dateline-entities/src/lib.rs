//! # dateline-entities
//!
//! Named entities in English news text: every mention typed with an
//! [OntoNotes](https://catalog.ldc.upenn.edu/LDC2013T19) [`Label`], grouped into canonical
//! [`Entity`]s per document with a canonical name, aliases, a stable id (the Wikidata id
//! where a built-in gazetteer knows it), and for people their role as the article states
//! it, their country, the organization the role belongs to ([`Entity::org`]) and whether
//! the role is a former one.
//!
//! - **Gazetteers built in** (parsed once, shared by all threads): 251 countries with
//!   alternate names, demonyms and capitals (countryinfo, MIT), ~33,900 cities ranked by
//!   population (GeoNames, CC BY 4.0), 617 international organizations with abbreviations
//!   (supraverden, CC BY-SA 4.0), and a curated list of news agencies, government bodies,
//!   events, regions and current and recent heads of state/government and foreign ministers
//!   with romanization variants. See `data/ATTRIBUTION.md`.
//! - **Rules for names no list knows**: titles and honorifics ("Prime Minister X", "Mr X"),
//!   head words (Ministry, University, Party, Inc., Sea, Airport, Games, Treaty ...),
//!   verbs of saying, appositions, given names and East Asian family names.
//! - **A statistical tagger** ([`tagger`], averaged perceptron trained on CoNLL-2003)
//!   proposes PER/ORG/LOC/MISC mentions that the rules type into OntoNotes labels; where
//!   it is confident it decides span and coarse type over ambiguous country, city and
//!   demonym matches (a national team, a club named after its city).
//! - **Roles from the sentence structure** around every person mention: title chains
//!   ("Deputy Foreign Minister Ana Reyes", "U.S. ambassador to the European Union Mark
//!   Hale"), appositions ("Olu Hart, a former deputy head of the WHO, said"), relative
//!   clauses ("who heads the WHO"), "Russia's foreign minister, Sergey Lavrov", descriptions
//!   ("sprinter Ji Yun"); per entity the most specific role the article states; role heads
//!   from a word list derived from WordNet 3.0.
//! - **Document-level evidence** for single capitalized words: "tyre maker Vantoli" or
//!   "Vantoli's cables division" make every guessed person "Vantoli" an organization,
//!   "in Quenbai" a guessed person "Quenbai" a place; interjections are no names.
//! - **Canonical grouping**: spelling variants share a key ("Kim Jong Un" = "Kim Jong-un",
//!   "G-20" = "G20", "U.S." = "United States", "ROK" = South Korea), short forms link to the
//!   full name ("Xi" -> Xi Jinping; East Asian names put the family name first), acronyms
//!   defined in the text link ("China Central Television (CCTV)"). One surface form with
//!   two types stays two entities ("Leeds" the club, ORG, and "Leeds" the city, GPE).
//!
//! Spans are byte ranges into the text you pass: `&text[m.span.range()] == m.text`. Spans
//! never start with "the" nor end with a possessive "'s"; titles stay outside PERSON spans.
//!
//! ## Example
//! ```
//! use dateline_entities::{extract, Label, Options};
//!
//! let text = "Chinese President Xi Jinping met South Korean Prime Minister Han Duck-soo in \
//!             Hangzhou. Xi told Han that China Central Television (CCTV) would air the talks.";
//! let found = extract(text, &Options::default());
//!
//! let xi = found.entity_named("Xi Jinping").unwrap();
//! assert_eq!(xi.label, Label::Person);
//! assert_eq!(xi.role.as_deref(), Some("President"));
//! assert_eq!(xi.country.as_deref(), Some("China"));
//! assert_eq!(xi.mentions.len(), 2); // "Xi Jinping" and "Xi"
//!
//! let han = found.entity_named("Han Duck-soo").unwrap();
//! assert_eq!(han.country.as_deref(), Some("South Korea"));
//!
//! let cctv = found.entity_named("China Central Television").unwrap();
//! assert!(cctv.aliases.iter().any(|a| a == "CCTV"));
//!
//! let said = "Lee Min, spokesperson for the Defense Ministry, declined to comment.";
//! let lee = extract(said, &Options::default()).entity_named("Lee Min").cloned().unwrap();
//! assert_eq!(lee.role.as_deref(), Some("Spokesperson for the Defense Ministry"));
//! assert!(lee.org.is_some_and(|o| o.contains("Defense Ministry")));
//! for m in &found.mentions {
//!     assert_eq!(&text[m.span.range()], m.text);
//! }
//! ```
//!
//! ## Features
//! - `serde` (default): `Serialize`/`Deserialize` for the public types; [`Label`]
//!   serializes as its OntoNotes name.
//!
//! ## Errors
//! [`extract`] cannot fail. [`extract_in`] returns [`EntityError`] for a region outside the
//! text or not on character boundaries.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod canon;
mod error;
mod evidence;
mod extract;
mod gazetteer;
mod label;
mod lexicon;
mod parties;
mod roles;
pub mod tagger;

use dateline_text::{Span, Tokenized};

/// The README's example, run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use error::EntityError;
pub use gazetteer::{gazetteer_stats, GazetteerStats};
pub use label::Label;

/// Extraction settings.
///
/// # Example
/// ```
/// let opts = dateline_entities::Options::default().with_tagger(false);
/// assert!(!opts.tagger);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Options {
    /// Run the statistical tagger and merge its mentions (default true). Without it
    /// only gazetteers and rules find names: faster, lower recall on unknown names.
    pub tagger: bool,
    /// Read a nationality and a party noun as one side, an ORG ("the Syrian government",
    /// "the Syrian opposition"; default true). CoNLL-2003 and OntoNotes annotate only the
    /// nationality word there: turn it off to score against them.
    #[cfg_attr(feature = "serde", serde(default = "yes"))]
    pub parties: bool,
}

#[cfg(feature = "serde")]
fn yes() -> bool {
    true
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tagger: true,
            parties: true,
        }
    }
}

impl Options {
    /// Turns the statistical tagger on or off.
    ///
    /// # Example
    /// ```
    /// assert!(dateline_entities::Options::default().with_tagger(true).tagger);
    /// ```
    #[must_use]
    pub fn with_tagger(mut self, on: bool) -> Self {
        self.tagger = on;
        self
    }

    /// Turns reading sides ("the Syrian government") as ORG parties on or off.
    ///
    /// # Example
    /// ```
    /// use dateline_entities::{extract, Label, Options};
    ///
    /// let text = "The Syrian government and the Syrian opposition met in Geneva.";
    /// let found = extract(text, &Options::default());
    /// assert_eq!(found.entity_named("Syrian government").unwrap().label, Label::Org);
    /// let plain = extract(text, &Options::default().with_parties(false));
    /// assert!(plain.entity_named("Syrian government").is_none());
    /// ```
    #[must_use]
    pub fn with_parties(mut self, on: bool) -> Self {
        self.parties = on;
        self
    }
}

/// One mention of an entity in the text.
///
/// # Example
/// ```
/// let text = "Yonhap reported it.";
/// let m = &dateline_entities::extract(text, &Default::default()).mentions[0];
/// assert_eq!((m.text.as_str(), m.span.start, m.span.end), ("Yonhap", 0, 6));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Mention {
    /// Byte span in the original text.
    pub span: Span,
    /// `&text[span.range()]`.
    pub text: String,
    /// The entity type.
    pub label: Label,
    /// Index into [`Entities::entities`].
    pub entity: usize,
}

/// A canonical entity: all mentions of one thing in a document.
///
/// # Example
/// ```
/// let text = "Kim Jong Un met Kim Jong-un's sister.";
/// let e = &dateline_entities::extract(text, &Default::default()).entities[0];
/// assert_eq!(e.name, "Kim Jong Un");
/// assert_eq!(e.mentions.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entity {
    /// Stable id: the Wikidata id where a gazetteer knows it, otherwise
    /// `label:slug-of-canonical-name` (e.g. `person:han-duck-soo`), the same in every document.
    pub id: String,
    /// Canonical name (the gazetteer's name, or the longest mention).
    pub name: String,
    /// The entity type.
    pub label: Label,
    /// Role or title as the text states it: the title chain or description with its
    /// complement ("Deputy Foreign Minister", "Ambassador to the European Union", "senior
    /// equity strategist", "top diplomat"); the most specific one the document gives. A
    /// country or organization before it goes to `country` and `org`, "former" to `former`.
    pub role: Option<String>,
    /// Affiliated country (a person's, an organization's, a city's), by common name.
    pub country: Option<String>,
    /// The organization a person's role belongs to ("World Health Organization" for "Olu
    /// Hart, a former deputy head of the WHO"): the canonical name of that organization's
    /// entity in the document. `None` for other entities and where the text names none.
    #[cfg_attr(feature = "serde", serde(default))]
    pub org: Option<String>,
    /// The role is a former one ("former South Korean President Moon Jae-in").
    pub former: bool,
    /// Other surface forms seen in the document; for a government named by its nationality
    /// ("Sudanese government") also its country's name ("Sudan").
    pub aliases: Vec<String>,
    /// Wikidata id, where a built-in gazetteer carries one.
    pub wikidata: Option<String>,
    /// Indices into [`Entities::mentions`], in text order.
    pub mentions: Vec<usize>,
}

/// The result of extraction: mentions in text order and the entities they belong to.
///
/// # Example
/// ```
/// let found = dateline_entities::extract("Seoul and Beijing agreed.", &Default::default());
/// assert_eq!(found.entities.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entities {
    /// All mentions, in text order, never overlapping.
    pub mentions: Vec<Mention>,
    /// Canonical entities, in order of first mention.
    pub entities: Vec<Entity>,
}

impl Entities {
    /// The entity with this canonical name, if any.
    ///
    /// # Example
    /// ```
    /// let found = dateline_entities::extract("The ROK said so.", &Default::default());
    /// assert!(found.entity_named("South Korea").is_some());
    /// ```
    #[must_use]
    pub fn entity_named(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.name == name)
    }

    /// The mentions of entity `index`.
    ///
    /// # Example
    /// ```
    /// let found = dateline_entities::extract("Xi Jinping arrived. Xi spoke.", &Default::default());
    /// let texts: Vec<&str> = found.mentions_of(0).map(|m| m.text.as_str()).collect();
    /// assert_eq!(texts, ["Xi Jinping", "Xi"]);
    /// ```
    pub fn mentions_of(&self, index: usize) -> impl Iterator<Item = &Mention> {
        self.entities
            .get(index)
            .into_iter()
            .flat_map(|e| e.mentions.iter().filter_map(|&m| self.mentions.get(m)))
    }
}

/// Finds the entities in `text`.
///
/// # Example
/// ```
/// use dateline_entities::{extract, Label, Options};
/// let found = extract("Russian Foreign Minister Sergey Lavrov visited Pyongyang.", &Options::default());
/// let lavrov = found.entity_named("Sergey Lavrov").unwrap();
/// assert_eq!(lavrov.role.as_deref(), Some("Foreign Minister"));
/// assert_eq!(lavrov.country.as_deref(), Some("Russia"));
/// assert_eq!(found.entity_named("Pyongyang").unwrap().label, Label::Gpe);
/// ```
#[must_use]
pub fn extract(text: &str, options: &Options) -> Entities {
    let doc = Tokenized::new(text);
    run(&doc, &[Span::new(0, text.len())], options)
}

/// Is `name` a country the built-in gazetteer knows, by any of its names ("Germany",
/// "the UK", "South Korea")? Cities, regions and unknown names are not.
///
/// # Example
/// ```
/// assert!(dateline_entities::is_country("South Korea"));
/// assert!(dateline_entities::is_country("UK"));
/// assert!(!dateline_entities::is_country("Hangzhou"));
/// assert!(!dateline_entities::is_country("Luebeck"));
/// ```
#[must_use]
pub fn is_country(name: &str) -> bool {
    gazetteer::is_country(name)
}

/// Finds the entities inside the byte `regions` of `text` only (an article's title and
/// paragraphs, say). Entities are grouped across all regions; spans index the whole `text`.
/// Regions may be given in any order and may overlap.
///
/// # Errors
/// [`EntityError::RegionOutOfBounds`] or [`EntityError::RegionNotCharBoundary`] for a
/// region that is not a valid byte range of `text`.
///
/// # Example
/// ```
/// use dateline_entities::{extract_in, Options};
/// use dateline_text::Span;
/// let text = "Xi Jinping spoke.\nRelated: Putin visits Paris";
/// let found = extract_in(text, &[Span::new(0, 17)], &Options::default()).unwrap();
/// assert_eq!(found.entities.len(), 1);
/// ```
pub fn extract_in(
    text: &str,
    regions: &[Span],
    options: &Options,
) -> Result<Entities, EntityError> {
    let doc = Tokenized::new(text);
    extract_tokenized(&doc, Some(regions), options)
}

/// Like [`extract_in`] (or [`extract`] when `regions` is `None`) on text the caller has
/// already tokenized, so a pipeline tokenizes once.
///
/// # Errors
/// As [`extract_in`].
///
/// # Example
/// ```
/// let doc = dateline_text::Tokenized::new("Yonhap quoted the Ministry of Unification.");
/// let found = dateline_entities::extract_tokenized(&doc, None, &Default::default()).unwrap();
/// let names: Vec<&str> = found.entities.iter().map(|e| e.name.as_str()).collect();
/// assert_eq!(names, ["Yonhap", "Ministry of Unification"]);
/// ```
pub fn extract_tokenized(
    doc: &Tokenized<'_>,
    regions: Option<&[Span]>,
    options: &Options,
) -> Result<Entities, EntityError> {
    let text = doc.text();
    let Some(regions) = regions else {
        return Ok(run(doc, &[Span::new(0, text.len())], options));
    };
    for r in regions {
        if r.end > text.len() || r.start > r.end {
            return Err(EntityError::RegionOutOfBounds {
                start: r.start,
                end: r.end,
                len: text.len(),
            });
        }
        if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            return Err(EntityError::RegionNotCharBoundary {
                start: r.start,
                end: r.end,
            });
        }
    }
    // Sort and merge overlapping regions.
    let mut rs: Vec<Span> = regions.iter().copied().filter(|r| !r.is_empty()).collect();
    rs.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(rs.len());
    for r in rs {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    Ok(run(doc, &merged, options))
}

fn run(doc: &Tokenized<'_>, regions: &[Span], options: &Options) -> Entities {
    let text = doc.text();
    let ws = extract::words(doc, regions);
    let mut cands = extract::find(text, &ws);
    if options.tagger {
        // Regions are sorted and merged: one sweep keeps this linear in tokens + regions.
        let mut tokens = Vec::with_capacity(doc.tokens().len());
        let mut r = 0;
        for t in doc.tokens() {
            while regions.get(r).is_some_and(|reg| reg.end <= t.span.start) {
                r += 1;
            }
            if regions
                .get(r)
                .is_some_and(|reg| reg.start <= t.span.start && t.span.end <= reg.end)
            {
                tokens.push(*t);
            }
        }
        let tagged = parties::cut_headline_words(text, tagger::tag(text, &tokens));
        cands = canon::merge_tagger(text, &ws, cands, &tagged);
    }
    parties::defined_acronyms(text, &ws, &mut cands);
    evidence::retype_orgs(text, &ws, &mut cands);
    evidence::retype_words(text, &ws, &mut cands);
    let maybe_people = roles::retype_people(text, &ws, &mut cands);
    roles::assign(text, &ws, &mut cands, &maybe_people);
    if options.parties {
        parties::parties(text, &ws, &mut cands);
    }
    canon::build(text, &ws, cands)
}
