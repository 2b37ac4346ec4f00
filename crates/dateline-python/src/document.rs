//! `analyze`, `analyze_many` and the `Document` / `Quote` result classes.
//!
//! A `Document` is built from the pipeline's own JSON contract
//! (`dateline::Document::to_json_string`), so Python's `to_dict()` and the CLI's JSONL can
//! never disagree.

use chrono::NaiveDate;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::{json_value, PyArticle};
use crate::boundary::{catch, date_arg, py_date, run, text_arg, type_error_for_text, type_name};
use crate::dates::{anchor_str, date_order_arg, PyTimex};
use crate::entities::PyEntity;
use crate::error::Error;
use crate::events::PyEvent;
use crate::fork;
use crate::html;
use crate::record::{json_record, repr_opt, repr_str, shorten, Record, Reduced};

/// A quote: direct (in quotation marks) or reported speech, with its cue and speaker.
#[pyclass(module = "dateline._native", name = "Quote", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct PyQuote {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) speaker: Option<String>,
    pub(crate) cue: String,
    pub(crate) direct: bool,
}

json_record!(PyQuote, "Quote", "a");

#[pymethods]
impl PyQuote {
    #[new]
    #[pyo3(signature = (text, start, end, speaker=None, cue=String::new(), direct=true))]
    fn new(
        text: String,
        start: usize,
        end: usize,
        speaker: Option<String>,
        cue: String,
        direct: bool,
    ) -> Self {
        PyQuote {
            text,
            start,
            end,
            speaker,
            cue,
            direct,
        }
    }

    /// The quoted or reported content.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// Start character offset.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// End character offset (exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// The speaker's entity id (see ``Document.entity``), or ``None``.
    #[getter]
    fn speaker(&self) -> Option<&str> {
        self.speaker.as_deref()
    }

    /// The cue ("said", "according to"), or ``""``.
    #[getter]
    fn cue(&self) -> &str {
        &self.cue
    }

    /// ``True`` for words in quotation marks, ``False`` for reported speech.
    #[getter]
    fn direct(&self) -> bool {
        self.direct
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Quote(text={}, start={}, end={}, speaker={}, cue={}, direct={})",
            repr_str(py, &self.text)?,
            self.start,
            self.end,
            repr_opt(py, self.speaker.as_deref())?,
            repr_str(py, &self.cue)?,
            if self.direct { "True" } else { "False" },
        ))
    }
}

/// The analysis of one article: its parts, dates, entities and quotes (schema version 1).
#[pyclass(module = "dateline._native", name = "Document", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyDocument {
    pub(crate) schema_version: u32,
    pub(crate) id: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) language: String,
    pub(crate) article: PyArticle,
    pub(crate) dates: Vec<PyTimex>,
    pub(crate) entities: Vec<PyEntity>,
    pub(crate) quotes: Vec<PyQuote>,
    #[serde(default)]
    pub(crate) events: Vec<PyEvent>,
    #[serde(default)]
    pub(crate) story: Option<String>,
    #[serde(default)]
    pub(crate) warnings: Vec<String>,
    /// The analysed text (not part of the JSON contract; kept for rendering and pickling).
    #[serde(skip)]
    pub(crate) text: Option<String>,
}

impl Record for PyDocument {
    const NAME: &'static str = "Document";
}

impl PyDocument {
    pub(crate) fn with_text(mut self, text: Option<String>) -> Self {
        self.article.text.clone_from(&text);
        self.text = text;
        self
    }

    fn marks(&self) -> Vec<html::Mark> {
        let mut marks = Vec::new();
        for t in &self.dates {
            let range = t.range.map_or(String::new(), |(a, b)| {
                if a == b {
                    format!(" = {a}")
                } else {
                    format!(" = {a} .. {b}")
                }
            });
            marks.push(html::Mark::new(
                t.start,
                t.end,
                "DATE",
                format!(
                    "{} {}{range} (anchor: {})",
                    t.kind.as_str(),
                    t.value,
                    anchor_str(t.anchor)
                ),
            ));
        }
        for e in &self.entities {
            let mut hover = format!("{} {}", e.label.as_str(), e.name);
            if let Some(role) = &e.role {
                hover.push_str(&format!(
                    " · {}{role}",
                    if e.former { "former " } else { "" }
                ));
            }
            if let Some(country) = &e.country {
                hover.push_str(&format!(" · {country}"));
            }
            if let Some(q) = &e.wikidata {
                hover.push_str(&format!(" · {q}"));
            }
            for m in &e.mentions {
                marks.push(html::Mark::new(
                    m.start,
                    m.end,
                    e.label.as_str(),
                    hover.clone(),
                ));
            }
        }
        marks
    }

    /// The events as an HTML list: kind, parties, place, date and status, then each evidence
    /// sentence with the trigger and the entities in it highlighted.
    fn events_html(&self) -> String {
        if self.events.is_empty() {
            return String::new();
        }
        let name = |id: &str| {
            self.entities
                .iter()
                .find(|e| e.id == id)
                .map_or_else(|| id.to_owned(), |e| e.name.clone())
        };
        let chars: Option<Vec<char>> = self.text.as_ref().map(|t| t.chars().collect());
        let mut items = Vec::with_capacity(self.events.len());
        for ev in &self.events {
            let (participants, place) = ev.parties();
            let mut head = format!(
                "{} · {}",
                ev.kind_str(),
                participants
                    .iter()
                    .map(|p| name(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if let Some(p) = place {
                head.push_str(&format!(" · in {}", name(p)));
            }
            if let Some(d) = ev.date_str() {
                head.push_str(&format!(" · {d}"));
            }
            head.push_str(&format!(" · {}", ev.status_str()));
            let mut evidence = Vec::new();
            if let Some(chars) = &chars {
                let (t0, t1) = ev.trigger_span();
                for (a, b) in ev.evidence_spans() {
                    let Some(snippet) = chars.get(a..b) else {
                        continue;
                    };
                    let snippet: String = snippet.iter().collect();
                    let mut marks = Vec::new();
                    if a <= t0 && t1 <= b {
                        marks.push(html::Mark::new(
                            t0 - a,
                            t1 - a,
                            "event",
                            format!("trigger of {}", ev.kind_str()),
                        ));
                    }
                    for e in &self.entities {
                        if !participants.contains(&e.id) && place != Some(e.id.as_str()) {
                            continue;
                        }
                        for m in &e.mentions {
                            if a <= m.start && m.end <= b {
                                marks.push(html::Mark::new(
                                    m.start - a,
                                    m.end - a,
                                    e.label.as_str(),
                                    format!("{} {}", e.label.as_str(), e.name),
                                ));
                            }
                        }
                    }
                    evidence.push(html::render_text(&snippet, &marks));
                }
            }
            items.push((head, evidence));
        }
        html::events_list(&items)
    }
}

#[pymethods]
impl PyDocument {
    /// JSON schema version of this record (1).
    #[getter]
    fn schema_version(&self) -> u32 {
        self.schema_version
    }

    /// The document id given to ``analyze`` (or by ``read_corpus``), or ``None``.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// Where the text came from (a path), or ``None``.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// ISO 639-1 language code of the body ("en"), or "und".
    #[getter]
    fn language(&self) -> &str {
        &self.language
    }

    /// The article's parts.
    #[getter]
    fn article(&self) -> PyArticle {
        self.article.clone()
    }

    /// Every temporal expression, resolved against the publication date.
    #[getter]
    fn dates(&self) -> Vec<PyTimex> {
        self.dates.clone()
    }

    /// The document's entities, each with its mentions.
    #[getter]
    fn entities(&self) -> Vec<PyEntity> {
        self.entities.clone()
    }

    /// Direct and reported quotes.
    #[getter]
    fn quotes(&self) -> Vec<PyQuote> {
        self.quotes.clone()
    }

    /// Encounter events (who met whom, where and when), one per encounter.
    #[getter]
    fn events(&self) -> Vec<PyEvent> {
        self.events.clone()
    }

    /// The story id of the document's main encounter (set by ``group_stories``), or ``None``.
    #[getter]
    fn story(&self) -> Option<&str> {
        self.story.as_deref()
    }

    /// Pipeline warnings (e.g. "language is ... not English").
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.warnings.clone()
    }

    /// The publication date decision: ``{"date", "source", "confidence", "warnings"}``.
    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_value(py, &self.article.published)
    }

    /// The publication day as ``datetime.date`` (``None`` when unknown or only a month).
    #[getter]
    fn published_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.article
            .published
            .date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| py_date(py, d))
            .transpose()
    }

    /// The headline, or ``None``.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.article.title.as_deref()
    }

    /// The analysed text (``None`` for a Document rebuilt from JSON without it).
    #[getter]
    fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The entity with id ``id`` (e.g. a quote's ``speaker``), or ``None``.
    fn entity(&self, id: &str) -> Option<PyEntity> {
        self.entities.iter().find(|e| e.id == id).cloned()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Document(id={}, title={}, published={}, language={}, dates={}, entities={}, quotes={}, events={})",
            repr_opt(py, self.id.as_deref())?,
            repr_opt(py, self.article.title.as_deref().map(|t| shorten(t, 50)).as_deref())?,
            repr_opt(py, self.article.published.date.as_deref())?,
            repr_str(py, &self.language)?,
            self.dates.len(),
            self.entities.len(),
            self.quotes.len(),
            self.events.len(),
        ))
    }

    fn _repr_html_(&self) -> String {
        let mut classes: Vec<&str> = vec!["DATE"];
        for e in &self.entities {
            if !classes.contains(&e.label.as_str()) {
                classes.push(e.label.as_str());
            }
        }
        let body = match &self.text {
            Some(text) => html::render_text(text, &self.marks()),
            None => html::escape(
                &self
                    .article
                    .paragraphs
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            ),
        };
        let mut summary = self.article.summary_html();
        summary.push_str(&html::summary_table(&[(
            "found",
            format!(
                "{} dates, {} entities, {} quotes, {} events",
                self.dates.len(),
                self.entities.len(),
                self.quotes.len(),
                self.events.len()
            ),
        )]));
        summary.push_str(&self.events_html());
        html::page(&summary, &html::legend(&classes), &body)
    }

    /// The JSON text of this document (the DESIGN.md output contract, as the CLI writes it).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.json(py)
    }

    /// A plain ``dict`` of this document (the DESIGN.md output contract).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.dict(py)
    }

    /// Rebuilds a ``Document`` from ``to_json()`` output or a CLI JSONL line (and optionally its text).
    #[classmethod]
    #[pyo3(signature = (data, text=None))]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &str,
        text: Option<String>,
    ) -> PyResult<Self> {
        Ok(Self::parse_json(py, data)?.with_text(text))
    }

    /// Rebuilds a ``Document`` from ``to_dict()`` output (and optionally its text).
    #[classmethod]
    #[pyo3(signature = (data, text=None))]
    fn from_dict(
        _cls: &Bound<'_, PyType>,
        data: &Bound<'_, PyAny>,
        text: Option<String>,
    ) -> PyResult<Self> {
        Ok(Self::parse_dict(data)?.with_text(text))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (String, Option<String>)> {
        let (f, (json,)) = Self::reduce(slf)?;
        Ok((f, (json, slf.get().text.clone())))
    }
}

/// One unit of work of `analyze`/`analyze_many`.
struct Job {
    text: String,
    options: dateline::Options,
}

/// Runs the pipeline on one job and converts the result to the contract classes.
fn analyze_job(job: &Job) -> Result<PyDocument, Error> {
    let doc = dateline::analyze(&job.text, &job.options)?;
    let json = doc.to_json_string(&job.text)?;
    let parsed: PyDocument = serde_json::from_str(&json)
        .map_err(|e| Error::Internal(format!("pipeline JSON does not match the contract: {e}")))?;
    Ok(parsed.with_text(Some(job.text.clone())))
}

fn base_options(
    published: Option<NaiveDate>,
    date_order: &str,
    tagger: bool,
) -> Result<dateline::Options, Error> {
    let mut options = dateline::Options::default()
        .with_date_order(date_order_arg(date_order)?)
        .with_tagger(tagger);
    if let Some(p) = published {
        options = options.with_published(p);
    }
    Ok(options)
}

/// Analyses one article: parts, publication date, dates, entities and quotes.
///
/// ``published`` (a ``datetime.date`` or ISO string) overrides the publication date the
/// text suggests; ``id`` and ``source`` are copied into the result. ``tagger=False`` finds
/// entities with gazetteers and rules only: less CPU, but names in no list and without a
/// title or role cue are missed.
#[pyfunction]
#[pyo3(signature = (text, *, published=None, id=None, source=None, date_order="MDY", tagger=true))]
pub(crate) fn analyze(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<String>,
    source: Option<String>,
    date_order: &str,
    tagger: bool,
) -> PyResult<PyDocument> {
    let text = text_arg(text, "analyze", "text")?.into_owned();
    let published = date_arg(published, "analyze", "published")?;
    let mut options = base_options(published, date_order, tagger)?;
    options.id = id;
    options.source = source;
    let job = Job { text, options };
    run(py, || analyze_job(&job))
}

/// Reads one item of `analyze_many`'s input: a str, an `(id, text)` pair, or a mapping with
/// `text` and optional `id`, `source`, `published`.
fn job_arg(item: &Bound<'_, PyAny>, index: usize, base: &dateline::Options) -> PyResult<Job> {
    let mut options = base.clone();
    let text_obj: Bound<'_, PyAny>;
    if item.is_instance_of::<PyString>() {
        text_obj = item.clone();
    } else if let Ok(t) = item.cast::<PyTuple>() {
        if t.len() != 2 {
            return Err(PyTypeError::new_err(format!(
                "analyze_many() item {index}: a tuple must be (id, text), got {} elements",
                t.len()
            )));
        }
        let id = t.get_item(0)?;
        options.id = if id.is_none() {
            None
        } else {
            Some(id.str()?.to_cow()?.into_owned())
        };
        text_obj = t.get_item(1)?;
    } else if let Ok(d) = item.cast::<PyDict>() {
        text_obj = d.get_item("text")?.ok_or_else(|| {
            PyTypeError::new_err(format!(
                "analyze_many() item {index}: a dict needs a 'text' key"
            ))
        })?;
        if let Some(id) = d.get_item("id")?.filter(|v| !v.is_none()) {
            options.id = Some(id.str()?.to_cow()?.into_owned());
        }
        if let Some(source) = d.get_item("source")?.filter(|v| !v.is_none()) {
            options.source = Some(source.str()?.to_cow()?.into_owned());
        }
        if let Some(p) = date_arg(
            d.get_item("published")?.as_ref(),
            "analyze_many",
            "published",
        )? {
            options.published = Some(p);
        }
    } else {
        return Err(PyTypeError::new_err(format!(
            "analyze_many() item {index} must be a str, an (id, text) tuple or a dict with 'text' (got {})",
            type_name(item)
        )));
    }
    if !text_obj.is_instance_of::<PyString>() {
        return Err(type_error_for_text(&text_obj, "analyze_many", "text"));
    }
    let text = text_arg(&text_obj, "analyze_many", "text")?.into_owned();
    Ok(Job { text, options })
}

/// Attaches `index` and `id` attributes and a prefix naming the document to an error.
fn name_error(py: Python<'_>, err: PyErr, index: usize, id: Option<&str>) -> PyErr {
    let value = err.value(py);
    let who = match id {
        Some(id) => format!(
            "document {index} (id {})",
            repr_str(py, id).unwrap_or_else(|_| format!("{id:?}"))
        ),
        None => format!("document {index}"),
    };
    let message = value.str().map(|s| s.to_string()).unwrap_or_default();
    let renamed = value
        .get_type()
        .call1((format!("{who}: {message}"),))
        .unwrap_or_else(|_| value.clone().into_any());
    let _ = renamed.setattr("index", index);
    let _ = renamed.setattr("id", id);
    PyErr::from_value(renamed)
}

/// Analyses many articles in parallel, releasing the GIL; results keep the input order.
///
/// ``texts`` is any iterable (a list, a generator, ``read_corpus(...)``) of str, ``(id,
/// text)`` pairs, or dicts with ``text`` and optional ``id``, ``source``, ``published``.
/// ``threads`` defaults to the number of CPUs. With ``errors="raise"`` the first failing
/// document raises (naming it); with ``errors="return"`` its slot holds the exception.
/// ``tagger=False`` is as in :func:`analyze`.
#[pyfunction]
#[pyo3(signature = (texts, *, threads=None, published=None, errors="raise", date_order="MDY", tagger=true))]
pub(crate) fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<i64>,
    published: Option<&Bound<'py, PyAny>>,
    errors: &str,
    date_order: &str,
    tagger: bool,
) -> PyResult<Bound<'py, PyList>> {
    let return_errors = match errors {
        "raise" => false,
        "return" => true,
        other => {
            return Err(Error::InvalidOption {
                param: "errors",
                value: format!("{other:?}"),
                expected: "expected \"raise\" or \"return\"".to_owned(),
            }
            .into_pyerr(py))
        }
    };
    let threads = match threads {
        None => fork::default_threads(),
        Some(n) if n >= 1 => usize::try_from(n).unwrap_or(usize::MAX).min(1024),
        Some(n) => {
            return Err(Error::InvalidOption {
                param: "threads",
                value: n.to_string(),
                expected: "expected a positive number of threads, or None for one per CPU"
                    .to_owned(),
            }
            .into_pyerr(py))
        }
    };
    let published = date_arg(published, "analyze_many", "published")?;
    let base = base_options(published, date_order, tagger).map_err(|e| e.into_pyerr(py))?;
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "analyze_many() expects an iterable of texts, not a single str; use analyze(text)",
        ));
    }
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "analyze_many() argument 'texts' must be an iterable of str (got {})",
            type_name(texts)
        ))
    })?;
    let mut slots: Vec<Result<Job, PyErr>> = Vec::new();
    for (index, item) in iter.enumerate() {
        let item = item?;
        let job = job_arg(&item, index, &base);
        if let (Err(_), false) = (&job, return_errors) {
            return job.map(|_| PyList::empty(py));
        }
        slots.push(job);
    }
    let jobs: Vec<(usize, &Job)> = slots
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.as_ref().ok().map(|j| (i, j)))
        .collect();
    let results: Vec<Result<PyDocument, Error>> = run(py, || {
        let pool = fork::pool(threads)?;
        Ok(pool.install(|| {
            jobs.par_iter()
                .map(|&(_, job)| catch(|| analyze_job(job)))
                .collect()
        }))
    })?;
    let mut out: Vec<Option<Bound<'py, PyAny>>> = Vec::with_capacity(slots.len());
    out.resize_with(slots.len(), || None);
    for (&(i, job), result) in jobs.iter().zip(results) {
        match result {
            Ok(doc) => out[i] = Some(Bound::new(py, doc)?.into_any()),
            Err(err) => {
                let err = name_error(py, err.into_pyerr(py), i, job.options.id.as_deref());
                if !return_errors {
                    return Err(err);
                }
                out[i] = Some(err.value(py).clone().into_any());
            }
        }
    }
    for (i, slot) in slots.iter().enumerate() {
        if let Err(err) = slot {
            out[i] = Some(err.value(py).clone().into_any());
        }
    }
    PyList::new(py, out.into_iter().flatten())
}
