//! Public data types: [`Options`], [`Timex`] and its attribute enums.

use chrono::NaiveDate;
use dateline_text::Span;

/// How to read an all-numeric date such as "05/11/2022".
///
/// # Example
/// ```
/// use dateline_dates::{find, DateOrder, Options};
/// let mut opts = Options::default();
/// opts.date_order = DateOrder::Dmy;
/// assert_eq!(find("Filed 05/11/2022.", &opts)[0].value, "2022-11-05");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum DateOrder {
    /// Month first, US style: "11/15/2022" (the default).
    #[default]
    Mdy,
    /// Day first, British/European style: "15/11/2022".
    Dmy,
    /// Year first: "2022/11/15".
    Ymd,
}

/// Options for [`find`](crate::find), [`find_in`](crate::find_in) and [`parse_one`](crate::parse_one).
///
/// Construct with [`Options::default`] (or [`Options::with_anchor`]) and set fields; the
/// struct is `#[non_exhaustive]` so fields may be added without breaking callers.
///
/// # Example
/// ```
/// use dateline_dates::Options;
/// let opts = Options::with_anchor(chrono::NaiveDate::from_ymd_opt(2023, 9, 23).unwrap());
/// assert!(opts.anchor.is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Options {
    /// The document creation time (DCT) that relative expressions resolve against.
    /// `None`: relative expressions are found and typed but left unresolved (values with
    /// `X`, `PAST_REF`, ...). The machine clock is never used.
    pub anchor: Option<NaiveDate>,
    /// How all-numeric dates ("05/11/2022") are read when both readings are valid; a date
    /// that is valid in one order only ("15/11/2022") is read that way.
    pub date_order: DateOrder,
    /// Join the two ends of a span into one expression whose [`Timex::range`] covers both:
    /// "from 1898 to 1902", "between March and May", "January-June 2017", "from the 3rd to
    /// the 5th" (off by default: TimeML marks the ends apart). A span that is a calendar
    /// quarter or half takes its value ("the April-June quarter" is `2023-Q2`); otherwise the
    /// value is the first end's.
    pub join_ranges: bool,
}

impl Options {
    /// Default options with an anchor date.
    ///
    /// # Example
    /// ```
    /// use dateline_dates::{find, Options};
    /// let opts = Options::with_anchor(chrono::NaiveDate::from_ymd_opt(2023, 9, 23).unwrap());
    /// assert_eq!(find("He left yesterday.", &opts)[0].value, "2023-09-22");
    /// ```
    #[must_use]
    pub fn with_anchor(anchor: NaiveDate) -> Self {
        Options {
            anchor: Some(anchor),
            ..Options::default()
        }
    }
}

/// The TIMEX3 `type` of an expression.
///
/// # Example
/// ```
/// assert_eq!(dateline_dates::TimexKind::Duration.as_str(), "DURATION");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "UPPERCASE"))]
pub enum TimexKind {
    /// A calendar date or period: "September 23, 2023", "2023-09", "last week".
    Date,
    /// A time of day: "5 p.m.", "09:55".
    Time,
    /// An amount of time: "four years", "25 minutes".
    Duration,
    /// A recurrence: "every year", "weekly".
    Set,
}

impl TimexKind {
    /// The TIMEX3 name ("DATE", "TIME", "DURATION", "SET").
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_dates::TimexKind::Date.as_str(), "DATE");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

impl std::fmt::Display for TimexKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The TIMEX3 `mod` attribute.
///
/// # Example
/// ```
/// assert_eq!(dateline_dates::Modifier::LessThan.as_str(), "LESS_THAN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "SCREAMING_SNAKE_CASE"))]
pub enum Modifier {
    /// "about", "around", "some".
    Approx,
    /// "less than", "nearly", "almost".
    LessThan,
    /// "more than", "over".
    MoreThan,
    /// "no more than", "at most".
    EqualOrLess,
    /// "at least", "no less than".
    EqualOrMore,
    /// "early 2023", "the beginning of".
    Start,
    /// "mid-2023".
    Mid,
    /// "late 2023", "the end of".
    End,
    /// "before 2020".
    Before,
    /// "after 2020".
    After,
    /// "on or before".
    OnOrBefore,
    /// "on or after".
    OnOrAfter,
}

impl Modifier {
    /// The TIMEX3 name ("APPROX", "LESS_THAN", ...).
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_dates::Modifier::Mid.as_str(), "MID");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Modifier::Approx => "APPROX",
            Modifier::LessThan => "LESS_THAN",
            Modifier::MoreThan => "MORE_THAN",
            Modifier::EqualOrLess => "EQUAL_OR_LESS",
            Modifier::EqualOrMore => "EQUAL_OR_MORE",
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::Before => "BEFORE",
            Modifier::After => "AFTER",
            Modifier::OnOrBefore => "ON_OR_BEFORE",
            Modifier::OnOrAfter => "ON_OR_AFTER",
        }
    }
}

impl std::fmt::Display for Modifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a [`Timex`] value was resolved against.
///
/// # Example
/// ```
/// use dateline_dates::{find, AnchorUse, Options};
/// let t = &find("on September 23, 2023", &Options::default())[0];
/// assert_eq!(t.anchor, AnchorUse::None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum AnchorUse {
    /// Resolved against [`Options::anchor`] (the publication date / DCT).
    Published,
    /// Resolved against another date mentioned earlier in the text ("the previous day").
    Mention,
    /// Absolute, or left unresolved.
    None,
}

/// One temporal expression found in a text.
///
/// # Example
/// ```
/// use dateline_dates::{find, Options, TimexKind};
/// let text = "The summit ended on September 23, 2023.";
/// let t = &find(text, &Options::default())[0];
/// assert_eq!(&text[t.span.range()], "September 23, 2023");
/// assert_eq!(t.kind, TimexKind::Date);
/// assert_eq!(t.value, "2023-09-23");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Timex {
    /// Byte span in the caller's original text.
    pub span: Span,
    /// The expression as written (`&text[span.range()]`).
    pub text: String,
    /// TIMEX3 type.
    pub kind: TimexKind,
    /// TIMEX3 value: "2023-09-23", "2023-09", "2023-W38", "2023-Q3", "P4Y", "PRESENT_REF",
    /// "XXXX-09-26", "T17:00", ...
    pub value: String,
    /// TIMEX3 `mod`.
    pub modifier: Option<Modifier>,
    /// What the value was resolved against.
    pub anchor: AnchorUse,
    /// Concrete inclusive date range, when the value denotes calendar days.
    #[cfg_attr(feature = "serde", serde(default))]
    pub range: Option<(NaiveDate, NaiveDate)>,
}

impl Timex {
    /// The concrete inclusive `[start, end]` date range the value denotes, when it has one
    /// ("2022-11" -> 2022-11-01..=2022-11-30; "P4Y" and "XXXX-09-26" -> `None`).
    ///
    /// # Example
    /// ```
    /// use dateline_dates::{find, Options};
    /// use chrono::NaiveDate;
    /// let t = &find("in November 2022", &Options::default())[0];
    /// assert_eq!(t.range(), Some((NaiveDate::from_ymd_opt(2022, 11, 1).unwrap(),
    ///                             NaiveDate::from_ymd_opt(2022, 11, 30).unwrap())));
    /// ```
    #[must_use]
    pub fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.range
    }
}
