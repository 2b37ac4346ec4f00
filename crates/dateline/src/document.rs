//! The result of [`analyze`](crate::analyze): a [`Document`].

use chrono::NaiveDate;
use dateline_article::{Article, Confidence, DateValue, Precision, PublishedSource};
use dateline_dates::Timex;
use dateline_entities::{Entities, Entity};
use dateline_events::Event;

use crate::quotes::Quote;

/// Bodies shorter than this are analysed as English whatever the language detector says
/// (detection on a few words is unreliable even when the detector claims otherwise).
const MIN_LANGUAGE_BYTES: usize = 80;

/// Where the publication date used as the anchor of relative dates came from.
///
/// # Example
/// ```
/// use dateline::PublishedOrigin;
/// use dateline::article::PublishedSource;
/// assert_eq!(PublishedOrigin::Caller.as_str(), "option");
/// assert_eq!(PublishedOrigin::Inferred(PublishedSource::Header).as_str(), "header");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PublishedOrigin {
    /// Given by the caller ([`Options::published`](crate::Options::published)); it wins over
    /// the article's own evidence.
    Caller,
    /// Inferred from the article (header, date line, wire dateline, byline, a stamp line, a
    /// dated caption or lead), or `None`.
    Inferred(PublishedSource),
}

impl PublishedOrigin {
    /// The JSON name: `option` for a caller-supplied date, otherwise the article source
    /// (`header`, `date_line`, `dateline`, `byline`, `stamp`, `body`, `none`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            PublishedOrigin::Caller => "option",
            PublishedOrigin::Inferred(s) => s.as_str(),
        }
    }
}

/// The publication date the pipeline used, with its origin, confidence and warnings.
///
/// # Example
/// ```
/// use dateline::{analyze, Options};
/// let d = chrono::NaiveDate::from_ymd_opt(2023, 9, 23).unwrap();
/// let doc = analyze("Xi met Han on Saturday.", &Options::default().with_published(d)).unwrap();
/// assert_eq!(doc.published.anchor(), Some(d));
/// assert_eq!(doc.published.origin.as_str(), "option");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Published {
    /// The date (day or month precision), if any.
    pub date: Option<DateValue>,
    /// Where it came from.
    pub origin: PublishedOrigin,
    /// How far it can be trusted.
    pub confidence: Confidence,
    /// What looked doubtful (conflicting evidence, implausible header dates ...).
    pub warnings: Vec<String>,
}

impl Published {
    /// The anchor for relative dates: the date when it is known to the day.
    ///
    /// # Example
    /// ```
    /// use dateline::{Published, PublishedOrigin};
    /// use dateline::article::{Confidence, DateValue, Precision, PublishedSource};
    /// let d = chrono::NaiveDate::from_ymd_opt(2023, 9, 1).unwrap();
    /// let month = Published {
    ///     date: Some(DateValue { date: d, precision: Precision::Month }),
    ///     origin: PublishedOrigin::Inferred(PublishedSource::Byline),
    ///     confidence: Confidence::Medium,
    ///     warnings: vec![],
    /// };
    /// assert_eq!(month.anchor(), None);
    /// ```
    #[must_use]
    pub fn anchor(&self) -> Option<NaiveDate> {
        self.date
            .filter(|d| d.precision == Precision::Day)
            .map(|d| d.date)
    }
}

/// A fully analysed news document. Spans are byte ranges into the text given to
/// [`analyze`](crate::analyze); the JSON form ([`Document::to_json_value`]) converts them to
/// Unicode code-point offsets.
///
/// # Example
/// ```
/// use dateline::{analyze, Options};
/// let text = "Chinese President Xi Jinping met Han Duck-soo on Saturday. \
///             \"We welcome the summit at an opportune time,\" Xi said.";
/// let d = chrono::NaiveDate::from_ymd_opt(2023, 9, 23).unwrap();
/// let doc = analyze(text, &Options::default().with_published(d)).unwrap();
/// assert_eq!(doc.language, "en");
/// assert_eq!(doc.dates[0].value, "2023-09-23");
/// let q = &doc.quotes[0];
/// assert_eq!(&text[q.span.range()], "We welcome the summit at an opportune time");
/// assert_eq!(doc.speaker(q).map(|e| e.name.as_str()), Some("Xi Jinping"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Document {
    /// Caller-supplied id ([`Options::id`](crate::Options::id)).
    pub id: Option<String>,
    /// Caller-supplied source (a path or URL; [`Options::source`](crate::Options::source)).
    pub source: Option<String>,
    /// Length in bytes of the analysed text (guards the JSON conversion against a wrong text).
    pub text_len: usize,
    /// ISO 639-1 code of the body's language ("und" when undetermined).
    pub language: String,
    /// The article structure, with the article's own publication-date inference.
    pub article: Article,
    /// The publication date used as anchor (the caller's if given, else the inferred one).
    pub published: Published,
    /// Temporal expressions in the title, standfirst, captions and body, in text order.
    pub dates: Vec<Timex>,
    /// Entity mentions and canonical entities of the same parts.
    pub entities: Entities,
    /// Direct and reported quotes of the body, in text order.
    pub quotes: Vec<Quote>,
    /// Encounter events (who met whom, where, when), one per encounter, in order of first
    /// report. Participants, host and place index [`Document::entities`].
    #[cfg_attr(feature = "serde", serde(default))]
    pub events: Vec<Event>,
    /// Pipeline warnings (for example: not English, so no entities or dates were extracted).
    pub warnings: Vec<String>,
}

impl Document {
    /// The entity a quote is attributed to.
    ///
    /// # Example
    /// ```
    /// let text = "\"We are ready to talk,\" Yoon Suk-yeol said.";
    /// let doc = dateline::analyze(text, &dateline::Options::default()).unwrap();
    /// assert_eq!(doc.speaker(&doc.quotes[0]).unwrap().name, "Yoon Suk-yeol");
    /// ```
    #[must_use]
    pub fn speaker(&self, quote: &Quote) -> Option<&Entity> {
        quote.speaker.and_then(|i| self.entities.entities.get(i))
    }

    /// The participants of an event, as entities.
    ///
    /// # Example
    /// ```
    /// let text = "Chinese President Xi Jinping met South Korean President Yoon Suk-yeol in Bali.";
    /// let doc = dateline::analyze(text, &dateline::Options::default()).unwrap();
    /// let names: Vec<&str> = doc.participants(&doc.events[0]).map(|e| e.name.as_str()).collect();
    /// assert_eq!(names, ["Xi Jinping", "Yoon Suk-yeol"]);
    /// ```
    pub fn participants<'a>(&'a self, event: &'a Event) -> impl Iterator<Item = &'a Entity> + 'a {
        event
            .participants
            .iter()
            .filter_map(|&i| self.entities.entities.get(i))
    }

    /// Whether the article parts (title, paragraphs) were found but nothing was extracted
    /// from them because the text is not English (reliably detected on a body of at least
    /// 80 bytes).
    ///
    /// # Example
    /// ```
    /// let text = "Der Bundestag hat am Dienstag in Berlin über den Haushalt für das kommende Jahr \
    ///             beraten. Die Abgeordneten stritten lange über die Schulden und die Steuern.";
    /// let doc = dateline::analyze(text, &dateline::Options::default()).unwrap();
    /// assert_eq!(doc.language, "de");
    /// assert!(doc.skipped_language());
    /// assert!(doc.entities.entities.is_empty());
    /// ```
    #[must_use]
    pub fn skipped_language(&self) -> bool {
        let body: usize = self.article.paragraphs.iter().map(|p| p.len()).sum();
        self.article.language.reliable
            && !self.article.language.is_english()
            && self.article.language.code != "und"
            && body >= MIN_LANGUAGE_BYTES
    }
}
