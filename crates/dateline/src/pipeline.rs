//! [`analyze`]: the whole pipeline over one text.

use std::sync::Arc;

use chrono::NaiveDate;
use dateline_article::{
    parse_with, Article, Confidence, DateValue, LineLabel, LineModel, ParseOptions, RestKind,
};
use dateline_dates::{find_in, DateOrder};
use dateline_entities::{extract_tokenized, Entities};
use dateline_text::{Span, Tokenized};

use crate::document::{Document, Published, PublishedOrigin};
use crate::{quotes, Error};

/// Default [`Options::max_bytes`]: 16 MiB (news articles are a few KiB; larger inputs are
/// almost always concatenated corpora or binary files).
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// Options of [`analyze`].
///
/// # Example
/// ```
/// use dateline::Options;
/// let d = chrono::NaiveDate::from_ymd_opt(2022, 11, 15).unwrap();
/// let opts = Options::default().with_published(d).with_id("004").with_source("seeds/004.txt");
/// assert_eq!(opts.published, Some(d));
/// assert_eq!(opts.id.as_deref(), Some("004"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The publication date, when known from outside the text. It wins over the article's
    /// own inference and anchors relative dates ("on Saturday").
    pub published: Option<NaiveDate>,
    /// Document id, copied to [`Document::id`].
    pub id: Option<String>,
    /// Document source (path, URL), copied to [`Document::source`].
    pub source: Option<String>,
    /// Inputs longer than this many bytes are refused with [`Error::TooLarge`].
    pub max_bytes: usize,
    /// How all-numeric dates such as 05/11/2022 are read.
    pub date_order: DateOrder,
    /// Use the statistical entity tagger besides gazetteers and rules (on by default).
    pub tagger: bool,
    /// The page-structure line model; `None` uses the built-in one
    /// ([`LineModel::builtin`]).
    pub line_model: Option<Arc<LineModel>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            published: None,
            id: None,
            source: None,
            max_bytes: DEFAULT_MAX_BYTES,
            date_order: DateOrder::default(),
            tagger: true,
            line_model: None,
        }
    }
}

impl Options {
    /// Sets [`Options::published`].
    ///
    /// # Example
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2023, 9, 23).unwrap();
    /// assert_eq!(dateline::Options::default().with_published(d).published, Some(d));
    /// ```
    #[must_use]
    pub fn with_published(mut self, date: NaiveDate) -> Self {
        self.published = Some(date);
        self
    }

    /// Sets [`Options::id`].
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline::Options::default().with_id("a").id.as_deref(), Some("a"));
    /// ```
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets [`Options::source`].
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline::Options::default().with_source("a.txt").source.as_deref(), Some("a.txt"));
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Sets [`Options::max_bytes`].
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline::Options::default().with_max_bytes(1024).max_bytes, 1024);
    /// ```
    #[must_use]
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Sets [`Options::date_order`].
    ///
    /// # Example
    /// ```
    /// use dateline::dates::DateOrder;
    /// assert_eq!(dateline::Options::default().with_date_order(DateOrder::Dmy).date_order, DateOrder::Dmy);
    /// ```
    #[must_use]
    pub fn with_date_order(mut self, order: DateOrder) -> Self {
        self.date_order = order;
        self
    }

    /// Sets [`Options::tagger`].
    ///
    /// # Example
    /// ```
    /// assert!(!dateline::Options::default().with_tagger(false).tagger);
    /// ```
    #[must_use]
    pub fn with_tagger(mut self, on: bool) -> Self {
        self.tagger = on;
        self
    }

    /// Sets [`Options::line_model`] (weights read with [`LineModel::from_bytes`]).
    ///
    /// # Example
    /// ```
    /// use dateline_article::LineModel;
    /// let model = LineModel::from_bytes(&LineModel::builtin().to_bytes()).unwrap();
    /// let opts = dateline::Options::default().with_line_model(model);
    /// assert!(opts.line_model.is_some());
    /// ```
    #[must_use]
    pub fn with_line_model(mut self, model: LineModel) -> Self {
        self.line_model = Some(Arc::new(model));
        self
    }
}

/// Analyses one news text: article structure, publication date, dates, entities, quotes,
/// encounter events.
///
/// Entities are taken from the title, standfirst, caption texts and body paragraphs only
/// (never from headers, datelines, boilerplate or related headlines); dates from those and
/// from the date line, the wire dateline's date and a crawler header's lead, title or caption
/// (never from boilerplate, related headlines or the crawler's own header date), with
/// ranges such as "October 11-12" or "from 1898 to 1902" as one expression. Relative dates
/// are anchored on [`Options::published`] or, failing that, the article's inferred
/// publication date when it is known to the day. The text is tokenized once and
/// the tokens are shared by the entity extractor and the quote attributor. A text whose
/// language is reliably detected as not English keeps its structure and language but gets
/// no dates, entities or quotes, and a warning.
///
/// # Errors
/// [`Error::TooLarge`] over [`Options::max_bytes`]; [`Error::Binary`] for binary data.
///
/// # Example
/// ```
/// use dateline::{analyze, Options};
/// let text = " date 2023-09-23 WORLD\nChina seeks cooperation with South Korea\n\n\
///             Xi held talks on Saturday with Han in Hangzhou, CCTV reported.\n";
/// let doc = analyze(text, &Options::default()).unwrap();
/// assert_eq!(doc.published.anchor().unwrap().to_string(), "2023-09-23");
/// let saturday = doc.dates.iter().find(|t| t.text == "Saturday").unwrap();
/// assert_eq!(saturday.value, "2023-09-23");
/// assert!(doc.entities.entities.iter().any(|e| e.name == "Hangzhou"));
/// ```
pub fn analyze(text: &str, options: &Options) -> Result<Document, Error> {
    if text.len() > options.max_bytes {
        return Err(Error::TooLarge {
            len: text.len(),
            limit: options.max_bytes,
        });
    }
    let parse_options = ParseOptions {
        max_bytes: options.max_bytes,
        line_model: options.line_model.clone(),
        ..ParseOptions::default()
    };
    let article = parse_with(text, &parse_options)?;
    let published = effective_published(&article, options.published);
    let mut document = Document {
        id: options.id.clone(),
        source: options.source.clone(),
        text_len: text.len(),
        language: article.language.code.clone(),
        published,
        dates: Vec::new(),
        entities: Entities::default(),
        quotes: Vec::new(),
        events: Vec::new(),
        warnings: Vec::new(),
        article,
    };
    if document.skipped_language() {
        document.warnings.push(format!(
            "language is {:?}, not English: article structure only, no dates, entities or quotes extracted",
            document.language
        ));
        return Ok(document);
    }
    let regions = content_regions(&document.article);
    let mut date_options = dateline_dates::Options::default();
    date_options.anchor = document.published.anchor();
    date_options.date_order = options.date_order;
    date_options.join_ranges = true;
    document.dates = find_in(
        text,
        &date_regions(&document.article, &regions),
        &date_options,
    );
    let tokens = Tokenized::new(text);
    let entity_options = dateline_entities::Options::default().with_tagger(options.tagger);
    document.entities = extract_tokenized(&tokens, Some(&regions), &entity_options)?;
    document.quotes = quotes::attribute(&tokens, &document.article.paragraphs, &document.entities);
    let speakers: Vec<(Span, usize)> = document
        .quotes
        .iter()
        .filter_map(|q| q.speaker.map(|s| (q.span, s)))
        .collect();
    let event_input = dateline_events::Input::new(&tokens, &document.entities, &document.dates)
        .with_speakers(&speakers)
        .with_regions(&regions)
        // A doubtful publication date (low confidence: a placeholder, contradicted by the
        // text) dates no event: better no date than a wrong one (stories can fill it).
        .with_published(
            document
                .published
                .anchor()
                .filter(|_| document.published.confidence != Confidence::Low),
        )
        .with_dateline_place(document.article.dateline.as_ref().and_then(|d| d.place))
        .with_title(document.article.title.as_ref().map(|t| t.span));
    document.events = dateline_events::extract(&event_input)?;
    Ok(document)
}

/// The spans dates and entities are taken from: title, standfirst, caption texts, paragraphs.
fn content_regions(article: &Article) -> Vec<Span> {
    let mut regions: Vec<Span> =
        Vec::with_capacity(article.paragraphs.len() + article.captions.len() + 2);
    regions.extend(article.title.as_ref().map(|t| t.span));
    regions.extend(article.standfirst);
    regions.extend(article.captions.iter().map(|c| c.text));
    regions.extend(article.paragraphs.iter().copied());
    regions.retain(|r| !r.is_empty());
    regions.sort_unstable();
    regions
}

/// The spans dates are taken from: the content regions plus the other parts of the page that
/// are not chrome and carry dates a reader sees (every line labelled title, standfirst, byline,
/// date line, caption or body; the date line, the wire dateline's date, a crawler header's rest
/// when it is the lead, the title or a caption). Boilerplate, related headlines, sections and
/// the crawler's own header date stay out.
fn date_regions(article: &Article, content: &[Span]) -> Vec<Span> {
    let mut regions: Vec<Span> = content.to_vec();
    regions.extend(
        article
            .lines
            .iter()
            .filter(|l| !matches!(l.label, LineLabel::Chrome | LineLabel::Related))
            .map(|l| l.span),
    );
    regions.extend(article.date_line.as_ref().map(|d| d.span));
    regions.extend(article.dateline.as_ref().and_then(|d| d.date_text));
    if let Some(h) = &article.header {
        if matches!(
            h.rest_kind,
            Some(RestKind::Lead | RestKind::Title | RestKind::Caption)
        ) {
            regions.extend(h.rest);
        }
    }
    regions.retain(|r| !r.is_empty());
    regions.sort_unstable();
    regions
}

/// The caller's date wins; otherwise the article's inference.
fn effective_published(article: &Article, caller: Option<NaiveDate>) -> Published {
    let inferred = &article.published;
    match caller {
        Some(date) => {
            let mut warnings = Vec::new();
            if let Some(d) = inferred.date {
                if !d.agrees_with(&DateValue::day(date)) {
                    warnings.push(format!(
                        "the publication date {date} was given by the caller; the text suggests {d} ({})",
                        inferred.source.as_str()
                    ));
                }
            }
            Published {
                date: Some(DateValue::day(date)),
                origin: PublishedOrigin::Caller,
                confidence: Confidence::High,
                warnings,
            }
        }
        None => Published {
            date: inferred.date,
            origin: PublishedOrigin::Inferred(inferred.source),
            confidence: inferred.confidence,
            warnings: inferred.warnings.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caller_date_wins_and_conflict_is_noted() {
        let text =
            " date 2022-01-01 WORLD\nTitle of the story here\n\nXi met Yoon on Tuesday in Bali.\n";
        let d = NaiveDate::from_ymd_opt(2022, 11, 15).unwrap();
        let doc = analyze(text, &Options::default().with_published(d)).unwrap();
        assert_eq!(doc.published.anchor(), Some(d));
        assert_eq!(doc.published.origin, PublishedOrigin::Caller);
        assert!(doc
            .published
            .warnings
            .iter()
            .any(|w| w.contains("2022-01-01")));
        let tuesday = doc
            .dates
            .iter()
            .find(|t| t.text.contains("Tuesday"))
            .unwrap();
        assert_eq!(tuesday.value, "2022-11-15");
    }

    #[test]
    fn dates_of_the_date_line_and_the_header_lead_are_found() {
        let text = " date 2024-08-05 The budget passed a key stage on Monday when the house approved the spending bill by a voice vote.\n\
                    Budget clears the lower house\n\
                    September 23, 2023\n\n\
                    The house approved the bill after a long debate, officials said.\n";
        let doc = analyze(text, &Options::default()).unwrap();
        let texts: Vec<&str> = doc.dates.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&"Monday"), "{texts:?}");
        assert!(texts.contains(&"September 23, 2023"), "{texts:?}");
        for t in &doc.dates {
            assert_eq!(&text[t.span.range()], t.text);
        }
        // The crawler's own header date is not a date of the text.
        assert!(doc.dates.iter().all(|t| t.span.start > 16));
    }

    #[test]
    fn spans_are_one_expression_with_their_range() {
        let text = "Navy veteran honoured\n\nHe served from 1898 to 1902 and retired in the April-June quarter of 1903.\n";
        let doc = analyze(text, &Options::default()).unwrap();
        let t = &doc.dates[0];
        assert_eq!(t.text, "from 1898 to 1902");
        assert_eq!(
            t.range.map(|(a, b)| (a.to_string(), b.to_string())),
            Some(("1898-01-01".to_owned(), "1902-12-31".to_owned()))
        );
    }

    #[test]
    fn too_large_is_typed() {
        let err = analyze("abcdef", &Options::default().with_max_bytes(3)).unwrap_err();
        assert!(matches!(err, Error::TooLarge { len: 6, limit: 3 }));
    }

    #[test]
    fn binary_is_typed() {
        let text = "\0".repeat(100);
        assert!(matches!(
            analyze(&text, &Options::default()),
            Err(Error::Binary { .. })
        ));
    }

    #[test]
    fn empty_text_is_an_empty_document() {
        let doc = analyze("", &Options::default()).unwrap();
        assert!(doc.article.paragraphs.is_empty());
        assert!(doc.dates.is_empty() && doc.quotes.is_empty());
    }

    #[test]
    fn boilerplate_is_not_searched() {
        let regions = content_regions(&Article {
            header: None,
            title: None,
            standfirst: Some(Span::new(5, 9)),
            captions: vec![],
            date_line: None,
            dateline: None,
            byline: vec![Span::new(0, 4)],
            paragraphs: vec![Span::new(20, 30), Span::new(10, 15)],
            boilerplate: vec![],
            lines: vec![],
            language: dateline_article::Language::undetermined(),
            published: parse_with("", &ParseOptions::default()).unwrap().published,
        });
        assert_eq!(
            regions,
            vec![Span::new(5, 9), Span::new(10, 15), Span::new(20, 30)]
        );
    }
}
