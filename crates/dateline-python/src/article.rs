//! `parse_article` and the `Article` result class (the `article` object of the JSON contract).

use dateline_article::{Article, DateValue};
use dateline_text::Span;
use pyo3::prelude::*;
use pyo3::types::PyType;
use serde::{Deserialize, Serialize};

use crate::boundary::{py_date, run, text_arg, Offsets};
use crate::error::Error;
use crate::html;
use crate::record::{loads, repr_opt, shorten, Record, Reduced};

/// `article.header`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct HeaderRec {
    pub(crate) date: Option<String>,
    pub(crate) rest: Option<String>,
    pub(crate) rest_kind: Option<String>,
}

/// `article.dateline`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DatelineRec {
    pub(crate) place: Option<String>,
    pub(crate) agency: Option<String>,
    pub(crate) date_text: Option<String>,
}

/// `article.captions[]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CaptionRec {
    pub(crate) text: String,
    pub(crate) credit: Option<String>,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// `article.published`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PublishedRec {
    pub(crate) date: Option<String>,
    pub(crate) source: String,
    pub(crate) confidence: String,
    pub(crate) warnings: Vec<String>,
}

/// `article.paragraphs[]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PartRec {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// `article.date_line`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DateLineRec {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) date: Option<String>,
}

/// `article.lines[]`: one labelled line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct LineRec {
    pub(crate) label: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// `article.boilerplate[]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct BoilerplateRec {
    pub(crate) kind: String,
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The parts of a news article: header, title, standfirst, byline, dateline, captions,
/// publication date, body paragraphs and boilerplate. Offsets are Python character indices
/// into the text that was parsed.
#[pyclass(module = "dateline._native", name = "Article", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PyArticle {
    pub(crate) header: Option<HeaderRec>,
    pub(crate) title: Option<String>,
    pub(crate) standfirst: Option<String>,
    pub(crate) byline: Vec<String>,
    pub(crate) dateline: Option<DatelineRec>,
    pub(crate) captions: Vec<CaptionRec>,
    #[serde(default)]
    pub(crate) date_line: Option<DateLineRec>,
    pub(crate) published: PublishedRec,
    pub(crate) paragraphs: Vec<PartRec>,
    pub(crate) boilerplate: Vec<BoilerplateRec>,
    #[serde(default)]
    pub(crate) lines: Vec<LineRec>,
    /// The parsed text (not part of the JSON contract; kept for rendering and pickling).
    #[serde(skip)]
    pub(crate) text: Option<String>,
}

impl Record for PyArticle {
    const NAME: &'static str = "Article";
}

fn slice(text: &str, span: Span) -> String {
    span.slice(text).unwrap_or("").to_owned()
}

fn opt_slice(text: &str, span: Option<Span>) -> Option<String> {
    span.map(|s| slice(text, s))
}

fn date_value(d: Option<DateValue>) -> Option<String> {
    d.map(|d| d.to_string())
}

impl PyArticle {
    /// Converts a Rust [`Article`] of `text` to the contract shape (character offsets).
    pub(crate) fn from_rust(a: &Article, text: &str, offsets: &Offsets) -> Result<Self, Error> {
        let part = |span: Span| -> Result<PartRec, Error> {
            let (start, end) = offsets.chars(span)?;
            Ok(PartRec {
                text: slice(text, span),
                start,
                end,
            })
        };
        Ok(PyArticle {
            header: a.header.as_ref().map(|h| HeaderRec {
                date: date_value(h.date),
                rest: opt_slice(text, h.rest),
                rest_kind: h.rest_kind.map(|k| k.as_str().to_owned()),
            }),
            title: a.title.as_ref().map(|t| slice(text, t.span)),
            standfirst: opt_slice(text, a.standfirst),
            byline: a.byline.iter().map(|s| slice(text, *s)).collect(),
            dateline: a.dateline.as_ref().map(|d| DatelineRec {
                place: opt_slice(text, d.place),
                agency: opt_slice(text, d.agency),
                date_text: opt_slice(text, d.date_text),
            }),
            captions: a
                .captions
                .iter()
                .map(|c| {
                    let (start, end) = offsets.chars(c.text)?;
                    Ok(CaptionRec {
                        text: slice(text, c.text),
                        credit: opt_slice(text, c.credit),
                        start,
                        end,
                    })
                })
                .collect::<Result<_, Error>>()?,
            date_line: match &a.date_line {
                Some(d) => {
                    let p = part(d.span)?;
                    Some(DateLineRec {
                        text: p.text,
                        start: p.start,
                        end: p.end,
                        date: date_value(d.date),
                    })
                }
                None => None,
            },
            published: PublishedRec {
                date: date_value(a.published.date),
                source: a.published.source.as_str().to_owned(),
                confidence: a.published.confidence.as_str().to_owned(),
                warnings: a.published.warnings.clone(),
            },
            paragraphs: a
                .paragraphs
                .iter()
                .map(|s| part(*s))
                .collect::<Result<_, _>>()?,
            boilerplate: a
                .boilerplate
                .iter()
                .map(|b| {
                    let p = part(b.span)?;
                    Ok(BoilerplateRec {
                        kind: b.kind.as_str().to_owned(),
                        text: p.text,
                        start: p.start,
                        end: p.end,
                    })
                })
                .collect::<Result<_, Error>>()?,
            lines: a
                .lines
                .iter()
                .map(|l| {
                    let (start, end) = offsets.chars(l.span)?;
                    Ok(LineRec {
                        label: l.label.as_str().to_owned(),
                        start,
                        end,
                    })
                })
                .collect::<Result<_, Error>>()?,
            text: Some(text.to_owned()),
        })
    }

    /// Highlight spans for HTML rendering: paragraphs are not marked; captions and
    /// boilerplate are.
    pub(crate) fn marks(&self) -> Vec<html::Mark> {
        let mut marks = Vec::new();
        for c in &self.captions {
            marks.push(html::Mark::new(
                c.start,
                c.end,
                "caption",
                "caption".to_owned(),
            ));
        }
        for b in &self.boilerplate {
            marks.push(html::Mark::new(
                b.start,
                b.end,
                "boilerplate",
                format!("boilerplate: {}", b.kind),
            ));
        }
        marks
    }

    /// The summary lines shown above the rendered text.
    pub(crate) fn summary_html(&self) -> String {
        let mut rows = Vec::new();
        if let Some(t) = &self.title {
            rows.push(("title", t.clone()));
        }
        if let Some(d) = &self.dateline {
            let parts: Vec<&str> = [&d.place, &d.agency, &d.date_text]
                .into_iter()
                .filter_map(|p| p.as_deref())
                .collect();
            rows.push(("dateline", parts.join(" · ")));
        }
        if !self.byline.is_empty() {
            rows.push(("byline", self.byline.join("; ")));
        }
        let p = &self.published;
        rows.push((
            "published",
            format!(
                "{} (source: {}, confidence: {}{})",
                p.date.as_deref().unwrap_or("unknown"),
                p.source,
                p.confidence,
                if p.warnings.is_empty() {
                    String::new()
                } else {
                    format!("; {}", p.warnings.join("; "))
                }
            ),
        ));
        html::summary_table(&rows)
    }
}

#[pymethods]
impl PyArticle {
    /// The header line: ``{"date", "rest", "rest_kind"}`` or ``None``.
    #[getter]
    fn header<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_value(py, &self.header)
    }

    /// The headline, or ``None``.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The standfirst (summary under the headline), or ``None``.
    #[getter]
    fn standfirst(&self) -> Option<&str> {
        self.standfirst.as_deref()
    }

    /// Author lines.
    #[getter]
    fn byline(&self) -> Vec<String> {
        self.byline.clone()
    }

    /// The wire dateline: ``{"place", "agency", "date_text"}`` or ``None``.
    #[getter]
    fn dateline<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_value(py, &self.dateline)
    }

    /// Photo captions: ``[{"text", "credit", "start", "end"}]``.
    #[getter]
    fn captions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_value(py, &self.captions)
    }

    /// Publication date inference: ``{"date", "source", "confidence", "warnings"}``.
    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_value(py, &self.published)
    }

    /// The inferred publication day as ``datetime.date`` (``None`` when unknown or only a month is known).
    #[getter]
    fn published_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.published
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| py_date(py, d))
            .transpose()
    }

    /// Body paragraphs: ``[{"text", "start", "end"}]``.
    #[getter]
    fn paragraphs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_value(py, &self.paragraphs)
    }

    /// Boilerplate set apart from the body: ``[{"kind", "text", "start", "end"}]``.
    #[getter]
    fn boilerplate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_value(py, &self.boilerplate)
    }

    /// The line that states the publication date: ``{"text", "start", "end", "date"}`` or
    /// ``None``.
    #[getter]
    fn date_line<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_value(py, &self.date_line)
    }

    /// Every non-blank line with the label the page-structure model gave it:
    /// ``[{"label", "start", "end"}]``; labels are ``title``, ``standfirst``, ``byline``,
    /// ``date_line``, ``caption``, ``body``, ``related`` and ``chrome``.
    #[getter]
    fn lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_value(py, &self.lines)
    }

    /// The body text: paragraphs joined by blank lines.
    #[getter]
    fn body(&self) -> String {
        self.paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The text that was parsed (``None`` for an Article rebuilt from JSON without it).
    #[getter]
    fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Article(title={}, published={}, paragraphs={}, captions={}, boilerplate={})",
            repr_opt(py, self.title.as_deref().map(|t| shorten(t, 60)).as_deref())?,
            repr_opt(py, self.published.date.as_deref())?,
            self.paragraphs.len(),
            self.captions.len(),
            self.boilerplate.len(),
        ))
    }

    fn _repr_html_(&self) -> String {
        let body = match &self.text {
            Some(text) => html::render_text(text, &self.marks()),
            None => html::escape(&self.body()),
        };
        html::page(
            &self.summary_html(),
            &html::legend(&["caption", "boilerplate"]),
            &body,
        )
    }

    /// The JSON text of this object (the ``article`` object of the DESIGN.md contract).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }

    /// A plain ``dict`` of this object (the ``article`` object of the DESIGN.md contract).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.dict(py)
    }

    /// Rebuilds an ``Article`` from ``to_json()`` output (and optionally its text).
    #[classmethod]
    #[pyo3(signature = (data, text=None))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &str,
        text: Option<String>,
    ) -> PyResult<Self> {
        let mut a = Self::parse_json(py, data)?;
        a.text = text;
        Ok(a)
    }

    /// Rebuilds an ``Article`` from ``to_dict()`` output (and optionally its text).
    #[classmethod]
    #[pyo3(signature = (data, text=None))]
    fn from_dict(
        _cls: &Bound<'_, PyType>,
        data: &Bound<'_, PyAny>,
        text: Option<String>,
    ) -> PyResult<Self> {
        let mut a = Self::parse_dict(data)?;
        a.text = text;
        Ok(a)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (String, Option<String>)> {
        let (f, (json,)) = Self::reduce(slf)?;
        Ok((f, (json, slf.get().text.clone())))
    }
}

/// A serializable value as plain Python objects.
pub(crate) fn json_value<'py, T: Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = crate::record::to_json(value)?;
    loads(py, &json)
}

/// Splits a raw news dump into its parts.
///
/// Raises ``InputTooLargeError`` over 64 MiB and ``InvalidTextError`` for binary data.
#[pyfunction]
pub(crate) fn parse_article(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyArticle> {
    let text = text_arg(text, "parse_article", "text")?;
    run(py, || {
        let article = dateline_article::parse(&text)?;
        let offsets = Offsets::new(&text);
        PyArticle::from_rust(&article, &text, &offsets)
    })
}
