//! The parts of a parsed article. Every part carries byte [`Span`]s into the original text.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use dateline_text::Span;

/// How precise a [`DateValue`] is.
///
/// # Example
/// ```
/// use dateline_article::Precision;
/// assert_eq!(Precision::Month.as_str(), "month");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Precision {
    /// A calendar day: "2023-09-23".
    Day,
    /// A calendar month: "2023-09".
    Month,
}

impl Precision {
    /// "day" or "month".
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_article::Precision::Day.as_str(), "day");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
        }
    }
}

/// A date with its precision. For [`Precision::Month`], `date` is the first day of the month.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use dateline_article::{DateValue, Precision};
/// let d = DateValue { date: NaiveDate::from_ymd_opt(2023, 9, 1).unwrap(), precision: Precision::Month };
/// assert_eq!(d.to_string(), "2023-09");
/// assert_eq!(d.range().1, NaiveDate::from_ymd_opt(2023, 9, 30).unwrap());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DateValue {
    /// The day (first day of the month for month precision).
    pub date: NaiveDate,
    /// Day or month.
    pub precision: Precision,
}

impl DateValue {
    /// A day-precision value.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let d = dateline_article::DateValue::day(NaiveDate::from_ymd_opt(2023, 9, 23).unwrap());
    /// assert_eq!(d.to_string(), "2023-09-23");
    /// ```
    #[must_use]
    pub const fn day(date: NaiveDate) -> Self {
        DateValue {
            date,
            precision: Precision::Day,
        }
    }

    /// The inclusive range of days the value covers.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// let d = dateline_article::DateValue::day(NaiveDate::from_ymd_opt(2023, 9, 23).unwrap());
    /// assert_eq!(d.range().0, d.range().1);
    /// ```
    #[must_use]
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        match self.precision {
            Precision::Day => (self.date, self.date),
            Precision::Month => {
                let first = self.date.with_day(1).unwrap_or(self.date);
                let next = if first.month() == 12 {
                    NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
                };
                let last = next.and_then(|d| d.pred_opt()).unwrap_or(first);
                (first, last)
            }
        }
    }

    /// Reads the calendar part of a TIMEX3 value produced by `dateline-dates`:
    /// "2023-09-23", "2023-09-23T14:02" (day) or "2023-09" (month). Other values
    /// ("2023", "2023-W38", "XXXX-09-26", "P3Y") give `None`.
    ///
    /// # Example
    /// ```
    /// use dateline_article::{DateValue, Precision};
    /// assert_eq!(DateValue::from_timex_value("2023-09-23T14:02").unwrap().precision, Precision::Day);
    /// assert_eq!(DateValue::from_timex_value("2023-09").unwrap().precision, Precision::Month);
    /// assert!(DateValue::from_timex_value("XXXX-09-26").is_none());
    /// ```
    #[must_use]
    pub fn from_timex_value(value: &str) -> Option<DateValue> {
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = value.get(r)?;
            if s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        if value.as_bytes().get(4) != Some(&b'-') {
            return None;
        }
        let month = num(5..7)?;
        match value.as_bytes().get(7) {
            None => Some(DateValue {
                date: NaiveDate::from_ymd_opt(year, month, 1)?,
                precision: Precision::Month,
            }),
            Some(b'-') => {
                let day = num(8..10)?;
                match value.as_bytes().get(10) {
                    None | Some(b'T') => {
                        Some(DateValue::day(NaiveDate::from_ymd_opt(year, month, day)?))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// True when the two values can denote the same day (a month contains a day).
    ///
    /// # Example
    /// ```
    /// use dateline_article::DateValue;
    /// let m = DateValue::from_timex_value("2023-09").unwrap();
    /// let d = DateValue::from_timex_value("2023-09-23").unwrap();
    /// assert!(m.agrees_with(&d));
    /// ```
    #[must_use]
    pub fn agrees_with(&self, other: &DateValue) -> bool {
        let (a0, a1) = self.range();
        let (b0, b1) = other.range();
        a0 <= b1 && b0 <= a1
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.date.format("%Y-%m-%d")),
            Precision::Month => write!(f, "{}", self.date.format("%Y-%m")),
        }
    }
}

/// What the rest of a crawler header line turned out to be.
///
/// # Example
/// ```
/// assert_eq!(dateline_article::RestKind::Lead.as_str(), "lead");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum RestKind {
    /// A section label: "WORLD", "Politics".
    Section,
    /// Site chrome: "Skip to Content", "Edition:".
    Chrome,
    /// The headline.
    Title,
    /// A photo caption.
    Caption,
    /// The opening words of the body (the first paragraph starts with them).
    Lead,
}

impl RestKind {
    /// "section", "chrome", "title", "caption" or "lead".
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_article::RestKind::Section.as_str(), "section");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RestKind::Section => "section",
            RestKind::Chrome => "chrome",
            RestKind::Title => "title",
            RestKind::Caption => "caption",
            RestKind::Lead => "lead",
        }
    }
}

/// The crawler header line `" date YYYY-MM-DD rest"` (or `YYYY-MM`).
///
/// # Example
/// ```
/// let text = " date 2023-09-23 WORLD\nChina seeks cooperation\n\nBody text follows here.";
/// let a = dateline_article::parse(text).unwrap();
/// let h = a.header.unwrap();
/// assert_eq!(&text[h.date_text.range()], "2023-09-23");
/// assert_eq!(h.rest_kind, Some(dateline_article::RestKind::Section));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Header {
    /// The whole header line (trimmed).
    pub span: Span,
    /// The date as written ("2023-09-23").
    pub date_text: Span,
    /// The date, `None` when it is not a real calendar date ("2023-02-30"; a warning says so).
    pub date: Option<DateValue>,
    /// Whatever follows the date on the line, `None` when nothing does.
    pub rest: Option<Span>,
    /// What `rest` is; `None` when there is no rest.
    pub rest_kind: Option<RestKind>,
}

/// Where a title was found.
///
/// # Example
/// ```
/// assert_eq!(dateline_article::TitleSource::Trailer.as_str(), "trailer");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum TitleSource {
    /// A headline line at the top of the dump.
    Top,
    /// The rest of the crawler header line.
    Header,
    /// Recovered from the trailing block because it closely matches the lead.
    Trailer,
}

impl TitleSource {
    /// "top", "header" or "trailer".
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_article::TitleSource::Top.as_str(), "top");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            TitleSource::Top => "top",
            TitleSource::Header => "header",
            TitleSource::Trailer => "trailer",
        }
    }
}

/// The headline.
///
/// # Example
/// ```
/// let text = "(2nd LD) Yoon, Xi hold talks in Bali\n\nPresident Yoon Suk Yeol met Xi Jinping on Tuesday.";
/// let t = dateline_article::parse(text).unwrap().title.unwrap();
/// assert_eq!(&text[t.span.range()], "Yoon, Xi hold talks in Bali");
/// assert_eq!(&text[t.prefix.unwrap().range()], "(2nd LD)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Title {
    /// The headline text, without a wire prefix.
    pub span: Span,
    /// A wire prefix such as "(2nd LD)", "(LEAD)" or "UPDATE 2-".
    pub prefix: Option<Span>,
    /// Where the title was found.
    pub source: TitleSource,
}

/// A photo caption and its credit.
///
/// # Example
/// ```
/// let text = "Title of the story here\nXi met Han in Hangzhou. / Photo: Reuters\n\nBody of the story, which says things.";
/// let c = &dateline_article::parse(text).unwrap().captions[0];
/// assert_eq!(&text[c.text.range()], "Xi met Han in Hangzhou.");
/// assert_eq!(&text[c.credit.unwrap().range()], "Reuters");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Caption {
    /// The whole caption line, credit included.
    pub span: Span,
    /// The caption text without the credit.
    pub text: Span,
    /// The credit ("Reuters", "Yonhap", "AP Photo/Jane Doe").
    pub credit: Option<Span>,
}

/// A date line near the top ("September 23, 2023", "Updated: 2023-09-23 14:02").
///
/// # Example
/// ```
/// let text = "Title of the story here\nSeptember 23, 2023\n\nBody of the story, which says things.";
/// let d = dateline_article::parse(text).unwrap().date_line.unwrap();
/// assert_eq!(d.date.unwrap().to_string(), "2023-09-23");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DateLine {
    /// The whole line.
    pub span: Span,
    /// The date expression within it.
    pub date_text: Span,
    /// The normalized date (day or month precision), when it has one.
    pub date: Option<DateValue>,
}

/// A wire dateline opening the body: "BALI, Indonesia, Nov. 15 (Yonhap) --".
///
/// # Example
/// ```
/// let text = "SEOUL, Sept 23 (Reuters) - North Korea fired a missile on Saturday.";
/// let d = dateline_article::parse(text).unwrap().dateline.unwrap();
/// assert_eq!(&text[d.place.unwrap().range()], "SEOUL");
/// assert_eq!(&text[d.agency.unwrap().range()], "Reuters");
/// assert_eq!(&text[d.date_text.unwrap().range()], "Sept 23");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct WireDateline {
    /// The dateline up to and including its dash.
    pub span: Span,
    /// "BALI, Indonesia", "SEOUL".
    pub place: Option<Span>,
    /// The agency: from the dateline's parentheses, or, when it has none, from the story's
    /// closing sign-off (" Reuter", "(AFP)").
    pub agency: Option<Span>,
    /// The date as written ("Nov. 15").
    pub date_text: Option<Span>,
    /// The date, resolved against the publication date (datelines rarely carry a year).
    pub date: Option<DateValue>,
}

/// Kinds of text set apart from the body.
///
/// # Example
/// ```
/// assert_eq!(dateline_article::BoilerplateKind::RelatedHeadline.as_str(), "related_headline");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum BoilerplateKind {
    /// A headline of another story (trailing link lists, "Read more: ...").
    RelatedHeadline,
    /// Share/print/subscribe chrome, "Advertisement", cookie notices, copyright, end marks.
    Chrome,
    /// "Home > National > Politics".
    Breadcrumb,
    /// Trailing credits and sign-offs: "Reporting by ...; Editing by ...", " Reuter".
    Credit,
    /// A caption repeated verbatim.
    CaptionRepeat,
}

impl BoilerplateKind {
    /// The snake_case name used in JSON.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_article::BoilerplateKind::CaptionRepeat.as_str(), "caption_repeat");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            BoilerplateKind::RelatedHeadline => "related_headline",
            BoilerplateKind::Chrome => "chrome",
            BoilerplateKind::Breadcrumb => "breadcrumb",
            BoilerplateKind::Credit => "credit",
            BoilerplateKind::CaptionRepeat => "caption_repeat",
        }
    }
}

/// A piece of boilerplate.
///
/// # Example
/// ```
/// let text = "Title of a story here\n\nBody of the story, which says things.\nAdvertisement\nMore body text that follows.";
/// let b = &dateline_article::parse(text).unwrap().boilerplate[0];
/// assert_eq!(&text[b.span.range()], "Advertisement");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Boilerplate {
    /// What it is.
    pub kind: BoilerplateKind,
    /// Where it is.
    pub span: Span,
}

/// What a line of the page is, as the line labeller decides it.
///
/// Every non-blank line gets one label (the text after a crawler's ` date YYYY-MM-DD ` header
/// is a line of its own); [`Article::lines`] lists them, so a reader can see why a line went
/// where it went.
///
/// # Example
/// ```
/// use dateline_article::LineLabel;
/// assert_eq!(LineLabel::DateLine.as_str(), "date_line");
/// assert_eq!("related".parse::<LineLabel>(), Ok(LineLabel::Related));
/// assert!(LineLabel::Body.is_content() && !LineLabel::Chrome.is_content());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LineLabel {
    /// The headline.
    Title,
    /// The summary under the headline (dek, standfirst, subtitle).
    Standfirst,
    /// The author line ("By Jane Doe", a bare name, "Staff reporter").
    Byline,
    /// A line that states when the article was published or updated.
    DateLine,
    /// A photo or video caption, or a credit line under one.
    Caption,
    /// A line of the article's body text.
    Body,
    /// A headline or teaser of another article ("More stories", "Read also").
    Related,
    /// Site chrome: menus, share buttons, notices, comment forms, footers, cookie text.
    Chrome,
}

impl LineLabel {
    /// All labels, in the order of the model's classes.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_article::LineLabel::ALL.len(), 8);
    /// ```
    pub const ALL: [LineLabel; 8] = [
        LineLabel::Title,
        LineLabel::Standfirst,
        LineLabel::Byline,
        LineLabel::DateLine,
        LineLabel::Caption,
        LineLabel::Body,
        LineLabel::Related,
        LineLabel::Chrome,
    ];

    /// "title", "standfirst", "byline", "date_line", "caption", "body", "related" or "chrome".
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_article::LineLabel::Body.as_str(), "body");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            LineLabel::Title => "title",
            LineLabel::Standfirst => "standfirst",
            LineLabel::Byline => "byline",
            LineLabel::DateLine => "date_line",
            LineLabel::Caption => "caption",
            LineLabel::Body => "body",
            LineLabel::Related => "related",
            LineLabel::Chrome => "chrome",
        }
    }

    /// The label's class index (its position in [`LineLabel::ALL`]).
    ///
    /// # Example
    /// ```
    /// use dateline_article::LineLabel;
    /// assert_eq!(LineLabel::ALL[LineLabel::Body.index()], LineLabel::Body);
    /// ```
    #[must_use]
    pub const fn index(self) -> usize {
        self as usize
    }

    /// True for the labels whose text belongs to the article (title, standfirst, caption,
    /// body); false for bylines, date lines, related headlines and chrome.
    ///
    /// # Example
    /// ```
    /// assert!(dateline_article::LineLabel::Caption.is_content());
    /// ```
    #[must_use]
    pub const fn is_content(self) -> bool {
        matches!(
            self,
            LineLabel::Title | LineLabel::Standfirst | LineLabel::Caption | LineLabel::Body
        )
    }
}

impl fmt::Display for LineLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for LineLabel {
    type Err = crate::ArticleError;

    /// Reads a label name as [`LineLabel::as_str`] writes it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LineLabel::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| crate::ArticleError::UnknownLabel(s.to_owned()))
    }
}

/// One labelled line of the page: its label and the span of its text (trimmed of
/// surrounding whitespace; for the header line, the text after the header's date).
///
/// # Example
/// ```
/// use dateline_article::{parse, LineLabel};
/// let text = "Markets rally as rates fall\n\nShares rose on Monday after the central bank cut rates.";
/// let article = parse(text).unwrap();
/// let first = article.lines[0];
/// assert_eq!(first.label, LineLabel::Title);
/// assert_eq!(&text[first.span.range()], "Markets rally as rates fall");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LabeledLine {
    /// What the line is.
    pub label: LineLabel,
    /// The line's text.
    pub span: Span,
}

/// The detected language of the body.
///
/// Clear English (a fifth or more of the words among the most common English words) is
/// recognized by a word-list check that also works on short text; a table of figures with
/// ASCII abbreviations is "und"; anything else goes to the whatlang detector on a bounded
/// sample of whole sentences.
///
/// # Example
/// ```
/// let a = dateline_article::parse("The talks were held on Saturday in the eastern city of Hangzhou, officials said.").unwrap();
/// assert_eq!(a.language.code, "en");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Language {
    /// ISO 639-1 code ("en"), the ISO 639-3 code when there is no two-letter one, or "und"
    /// when there is too little text to tell.
    pub code: String,
    /// Confidence, 0.0 to 1.0: whatlang's, or for the English word check the share of common
    /// English words scaled so that typical prose (25% or more) scores 1.0.
    pub confidence: f64,
    /// True when the result can be trusted: ten or more words for the English check; for
    /// whatlang, its own verdict, never on figure-heavy text (tables of results).
    pub reliable: bool,
}

impl Language {
    /// The undetermined language ("und").
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_article::Language::undetermined().code, "und");
    /// ```
    #[must_use]
    pub fn undetermined() -> Self {
        Language {
            code: "und".to_owned(),
            confidence: 0.0,
            reliable: false,
        }
    }

    /// True when the language is English.
    ///
    /// # Example
    /// ```
    /// assert!(!dateline_article::Language::undetermined().is_english());
    /// ```
    #[must_use]
    pub fn is_english(&self) -> bool {
        self.code == "en"
    }
}

/// Where the publication date came from.
///
/// # Example
/// ```
/// assert_eq!(dateline_article::PublishedSource::DateLine.as_str(), "date_line");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PublishedSource {
    /// The crawler header line.
    Header,
    /// A date line near the top.
    DateLine,
    /// The wire dateline (its year from another source or the caller's reference date).
    Dateline,
    /// A timestamp in the byline area.
    Byline,
    /// A publication stamp on a line the structure did not take as the date line
    /// ("Published 09/01/2009, 12:31 PM", "Xinhua, January 22, 2015", a headline ending in
    /// "[December 30 2010]", a dateline "ADDIS ABABA (HAN) January 27, 2016 –").
    Stamp,
    /// An explicit date in a caption or the lead that falls on the weekday the lead names
    /// ("Oil prices climbed Friday" under a photo dated "Dec. 7, 2018").
    Body,
    /// Nothing: no date was found.
    None,
}

impl PublishedSource {
    /// The snake_case name used in JSON.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_article::PublishedSource::Header.as_str(), "header");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            PublishedSource::Header => "header",
            PublishedSource::DateLine => "date_line",
            PublishedSource::Dateline => "dateline",
            PublishedSource::Byline => "byline",
            PublishedSource::Stamp => "stamp",
            PublishedSource::Body => "body",
            PublishedSource::None => "none",
        }
    }
}

/// How far to trust the publication date.
///
/// # Example
/// ```
/// use dateline_article::Confidence;
/// assert!(Confidence::High > Confidence::Low);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Confidence {
    /// Doubtful: an uncorroborated placeholder, contradicted, or no date at all.
    Low,
    /// One source, nothing against it.
    Medium,
    /// Two independent sources agree.
    High,
}

impl Confidence {
    /// "high", "medium" or "low".
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_article::Confidence::Medium.as_str(), "medium");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }

    pub(crate) fn lower(self) -> Confidence {
        match self {
            Confidence::High => Confidence::Medium,
            _ => Confidence::Low,
        }
    }
}

/// The inferred publication date (see the [`published`](crate::published) module).
///
/// # Example
/// ```
/// let text = " date 2023-09-23 WORLD\nTitle of the story\nSeptember 23, 2023\n\nXi met Han on Saturday, officials said.";
/// let p = dateline_article::parse(text).unwrap().published;
/// assert_eq!(p.date.unwrap().to_string(), "2023-09-23");
/// assert_eq!(p.confidence, dateline_article::Confidence::High);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Published {
    /// The date (day or month precision), `None` when nothing gives one.
    pub date: Option<DateValue>,
    /// Where `date` came from.
    pub source: PublishedSource,
    /// Other sources that agree with it.
    pub corroborated_by: Vec<PublishedSource>,
    /// How far to trust it.
    pub confidence: Confidence,
    /// The window the body's own evidence allows ("last met in December 2019 ... after nearly
    /// three years"), when it gives one.
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// Contradictions and doubts, for people.
    pub warnings: Vec<String>,
}

impl Published {
    pub(crate) fn none() -> Self {
        Published {
            date: None,
            source: PublishedSource::None,
            corroborated_by: Vec::new(),
            confidence: Confidence::Low,
            window: None,
            warnings: Vec::new(),
        }
    }
}

/// A parsed article: every part as byte spans into the text given to [`parse`](crate::parse).
///
/// # Example
/// ```
/// let text = "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n\nThe firm said on Friday it owns 8% of Google.";
/// let a = dateline_article::parse(text).unwrap();
/// assert_eq!(a.text_of(a.title.as_ref().unwrap().span, text), "Ad sales boost Time Warner profit");
/// assert_eq!(a.paragraphs.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Article {
    /// The crawler header line.
    pub header: Option<Header>,
    /// The headline; `None` when the dump has none (never invented).
    pub title: Option<Title>,
    /// A one- or two-sentence summary under the headline.
    pub standfirst: Option<Span>,
    /// Photo captions (each distinct caption once; repeats are boilerplate).
    pub captions: Vec<Caption>,
    /// A date line near the top.
    pub date_line: Option<DateLine>,
    /// The wire dateline opening the body.
    pub dateline: Option<WireDateline>,
    /// Author names from bylines and trailing "Reporting by"/"Writing by" credits.
    pub byline: Vec<Span>,
    /// Body paragraphs, in order; the first starts after a wire dateline's dash.
    pub paragraphs: Vec<Span>,
    /// Everything set apart from the body, in text order.
    pub boilerplate: Vec<Boilerplate>,
    /// Every non-blank line with its label, in text order (see [`LineLabel`]).
    #[cfg_attr(feature = "serde", serde(default))]
    pub lines: Vec<LabeledLine>,
    /// The body's language.
    pub language: Language,
    /// The inferred publication date.
    pub published: Published,
}

impl Article {
    /// The text under `span`, or "" when the span does not slice `text` (a span from another
    /// document). Never panics.
    ///
    /// # Example
    /// ```
    /// let text = "A headline for the test\n\nBody text here, it is.";
    /// let a = dateline_article::parse(text).unwrap();
    /// assert_eq!(a.text_of(a.paragraphs[0], text), "Body text here, it is.");
    /// ```
    #[must_use]
    pub fn text_of<'t>(&self, span: Span, text: &'t str) -> &'t str {
        span.slice(text).unwrap_or("")
    }

    /// Every span the article holds, for checks and highlighting.
    ///
    /// # Example
    /// ```
    /// let text = "A headline for the test\n\nBody text here, it is.";
    /// let a = dateline_article::parse(text).unwrap();
    /// assert!(a.spans().iter().all(|s| s.slice(text).is_some()));
    /// ```
    #[must_use]
    pub fn spans(&self) -> Vec<Span> {
        let mut out = Vec::new();
        if let Some(h) = &self.header {
            out.push(h.span);
            out.push(h.date_text);
            out.extend(h.rest);
        }
        if let Some(t) = &self.title {
            out.push(t.span);
            out.extend(t.prefix);
        }
        out.extend(self.standfirst);
        for c in &self.captions {
            out.push(c.span);
            out.push(c.text);
            out.extend(c.credit);
        }
        if let Some(d) = &self.date_line {
            out.push(d.span);
            out.push(d.date_text);
        }
        if let Some(d) = &self.dateline {
            out.push(d.span);
            out.extend(d.place);
            out.extend(d.agency);
            out.extend(d.date_text);
        }
        out.extend(self.byline.iter().copied());
        out.extend(self.paragraphs.iter().copied());
        out.extend(self.boilerplate.iter().map(|b| b.span));
        out
    }
}

/// At most `n` characters of `s` from its start (`head`) or its end.
fn clip(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let count = one_line.chars().count();
    if count <= 2 * n + 5 {
        return one_line;
    }
    let head: String = one_line.chars().take(n).collect();
    let tail: String = one_line.chars().skip(count - n).collect();
    format!("{head} ... {tail}")
}

impl Article {
    /// A readable multi-line summary of the article (for people, golden tests and the CLI's
    /// text output). Long parts are shortened in the middle.
    ///
    /// # Example
    /// ```
    /// let text = "Ad sales boost Time Warner profit\n\nQuarterly profits at TimeWarner jumped 76%.";
    /// let a = dateline_article::parse(text).unwrap();
    /// assert!(a.summary(text).contains("title: \"Ad sales boost Time Warner profit\" (top)"));
    /// ```
    #[must_use]
    pub fn summary(&self, text: &str) -> String {
        use std::fmt::Write as _;
        let q = |s: Span| format!("{:?}", clip(s.slice(text).unwrap_or(""), 40));
        let mut out = String::new();
        let mut line = |s: String| {
            out.push_str(&s);
            out.push('\n');
        };
        match &self.header {
            Some(h) => line(format!(
                "header: date={} rest={} ({})",
                h.date
                    .map_or_else(|| format!("invalid {}", q(h.date_text)), |d| d.to_string()),
                h.rest.map_or_else(|| "none".to_owned(), q),
                h.rest_kind.map_or("none", RestKind::as_str)
            )),
            None => line("header: none".to_owned()),
        }
        match &self.title {
            Some(t) => line(format!(
                "title: {}{} ({})",
                q(t.span),
                t.prefix
                    .map_or_else(String::new, |p| format!(" prefix={}", q(p))),
                t.source.as_str()
            )),
            None => line("title: none".to_owned()),
        }
        line(format!(
            "standfirst: {}",
            self.standfirst.map_or_else(|| "none".to_owned(), q)
        ));
        for c in &self.captions {
            line(format!(
                "caption: {} credit={}",
                q(c.text),
                c.credit.map_or_else(|| "none".to_owned(), q)
            ));
        }
        if let Some(d) = &self.date_line {
            line(format!(
                "date_line: {} -> {}",
                q(d.span),
                d.date.map_or_else(|| "none".to_owned(), |v| v.to_string())
            ));
        }
        if let Some(d) = &self.dateline {
            line(format!(
                "dateline: place={} agency={} date_text={} -> {}",
                d.place.map_or_else(|| "none".to_owned(), q),
                d.agency.map_or_else(|| "none".to_owned(), q),
                d.date_text.map_or_else(|| "none".to_owned(), q),
                d.date.map_or_else(|| "none".to_owned(), |v| v.to_string())
            ));
        }
        if !self.byline.is_empty() {
            let names: Vec<String> = self.byline.iter().map(|s| q(*s)).collect();
            line(format!("byline: {}", names.join(", ")));
        }
        line(format!(
            "language: {} ({})",
            self.language.code,
            if self.language.reliable {
                "reliable"
            } else {
                "unreliable"
            }
        ));
        let p = &self.published;
        let mut pubs = format!(
            "published: {} source={} confidence={}",
            p.date.map_or_else(|| "none".to_owned(), |d| d.to_string()),
            p.source.as_str(),
            p.confidence.as_str()
        );
        if !p.corroborated_by.is_empty() {
            let by: Vec<&str> = p.corroborated_by.iter().map(|s| s.as_str()).collect();
            let _ = write!(pubs, " corroborated_by={}", by.join("+"));
        }
        if let Some((a, b)) = p.window {
            let _ = write!(pubs, " window={a}..{b}");
        }
        line(pubs);
        for w in &p.warnings {
            line(format!("  warning: {w}"));
        }
        line(format!("paragraphs: {}", self.paragraphs.len()));
        for (i, s) in self.paragraphs.iter().enumerate() {
            line(format!("  [{}] {}", i + 1, q(*s)));
        }
        line(format!("boilerplate: {}", self.boilerplate.len()));
        for b in &self.boilerplate {
            line(format!("  {}: {}", b.kind.as_str(), q(b.span)));
        }
        out
    }
}
