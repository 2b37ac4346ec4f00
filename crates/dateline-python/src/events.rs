//! The `Event` result class and story grouping across documents (`group_stories` and the
//! three steps it is made of, for Dask: `_story_summaries`, `_group_summaries`,
//! `_apply_stories`).

use dateline::stories::{group, summarize, EventSummary, GroupOptions, Stories};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use serde::{Deserialize, Serialize};

use crate::article::json_value;
use crate::boundary::{run, type_name};
use crate::document::PyDocument;
use crate::entities::PyMention;
use crate::error::Error;
use crate::record::{json_record, repr_opt, repr_str};

/// The date of an event: ``{"value", "source", "start", "end"}`` (and ``"document"`` when
/// another report supplied it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct EventDate {
    value: String,
    source: String,
    start: Option<usize>,
    end: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    document: Option<String>,
}

/// Where a place filled by story grouping came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PlaceSource {
    source: String,
    document: String,
    name: String,
}

/// A character span of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Evidence {
    start: usize,
    end: usize,
}

/// An encounter event: who met whom, where and when (CAMEO consult family).
#[pyclass(module = "dateline._native", name = "Event", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PyEvent {
    kind: String,
    cameo: String,
    participants: Vec<String>,
    host: Option<String>,
    place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    place_source: Option<PlaceSource>,
    date: Option<EventDate>,
    status: String,
    trigger: PyMention,
    evidence: Vec<Evidence>,
    confidence: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    story: Option<String>,
}

json_record!(PyEvent, "Event", "an");

#[pymethods]
impl PyEvent {
    /// ``meet``, ``visit``, ``call``, ``summit``, ``negotiate`` or ``mediate``.
    #[getter]
    fn kind(&self) -> &str {
        &self.kind
    }

    /// The CAMEO code ("040" ... "046").
    #[getter]
    fn cameo(&self) -> &str {
        &self.cameo
    }

    /// Entity ids of the parties (see ``Document.entity``), the subject first.
    #[getter]
    fn participants(&self) -> Vec<String> {
        self.participants.clone()
    }

    /// Entity id of a visit's host, or ``None``.
    #[getter]
    fn host(&self) -> Option<&str> {
        self.host.as_deref()
    }

    /// Entity id of the place (a city, region or venue), or ``None``.
    #[getter]
    fn place(&self) -> Option<&str> {
        self.place.as_deref()
    }

    /// ``{"source": "story", "document", "name"}`` when story grouping filled the place.
    #[getter]
    fn place_source<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.place_source
            .as_ref()
            .map(|p| json_value(py, p))
            .transpose()
    }

    /// ``{"value", "source", "start", "end"}`` (``"document"`` too for ``source="story"``), or ``None``.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.date.as_ref().map(|d| json_value(py, d)).transpose()
    }

    /// The date's TIMEX3 value ("2023-09-23", "2023-09"), or ``None``.
    #[getter]
    fn date_value(&self) -> Option<&str> {
        self.date.as_ref().map(|d| d.value.as_str())
    }

    /// ``happened``, ``ongoing``, ``planned`` or ``cancelled``.
    #[getter]
    fn status(&self) -> &str {
        &self.status
    }

    /// The trigger word ("met", "talks", "visit") as a ``Mention``.
    #[getter]
    fn trigger(&self) -> PyMention {
        self.trigger.clone()
    }

    /// ``(start, end)`` character spans of the sentences that tell the event.
    #[getter]
    fn evidence(&self) -> Vec<(usize, usize)> {
        self.evidence.iter().map(|e| (e.start, e.end)).collect()
    }

    /// Extraction confidence in ``[0, 1]``.
    #[getter]
    fn confidence(&self) -> f64 {
        self.confidence
    }

    /// The story id set by ``group_stories``, or ``None``.
    #[getter]
    fn story(&self) -> Option<&str> {
        self.story.as_deref()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let participants: Vec<String> = self
            .participants
            .iter()
            .map(|p| repr_str(py, p))
            .collect::<PyResult<_>>()?;
        Ok(format!(
            "Event(kind={}, participants=[{}], place={}, date={}, status={}, trigger={})",
            repr_str(py, &self.kind)?,
            participants.join(", "),
            repr_opt(py, self.place.as_deref())?,
            repr_opt(py, self.date.as_ref().map(|d| d.value.as_str()))?,
            repr_str(py, &self.status)?,
            repr_str(py, &self.trigger.text)?,
        ))
    }
}

impl PyEvent {
    /// Evidence spans (character offsets).
    pub(crate) fn evidence_spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.evidence.iter().map(|e| (e.start, e.end))
    }

    /// The trigger's character span.
    pub(crate) fn trigger_span(&self) -> (usize, usize) {
        (self.trigger.start, self.trigger.end)
    }

    /// Kind, for rendering.
    pub(crate) fn kind_str(&self) -> &str {
        &self.kind
    }

    /// Status, for rendering.
    pub(crate) fn status_str(&self) -> &str {
        &self.status
    }

    /// Date value, for rendering.
    pub(crate) fn date_str(&self) -> Option<&str> {
        self.date.as_ref().map(|d| d.value.as_str())
    }

    /// Participant ids, place id.
    pub(crate) fn parties(&self) -> (&[String], Option<&str>) {
        (&self.participants, self.place.as_deref())
    }
}

/// The Documents of an iterable (anything else is kept as it is, by index).
fn documents<'py>(items: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let iter = items.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "expected an iterable of dateline.Document (got {})",
            type_name(items)
        ))
    })?;
    iter.collect()
}

fn record_of(doc: &PyDocument) -> Result<serde_json::Value, Error> {
    serde_json::to_value(doc)
        .map_err(|e| Error::Internal(format!("cannot serialize a Document: {e}")))
}

fn document_of(record: serde_json::Value, text: Option<String>) -> Result<PyDocument, Error> {
    let doc: PyDocument = serde_json::from_value(record)
        .map_err(|e| Error::Internal(format!("story record does not match the contract: {e}")))?;
    Ok(doc.with_text(text))
}

fn window(window_days: i64) -> GroupOptions {
    GroupOptions::default().with_window_days(window_days)
}

/// Groups the encounter events of many documents into stories.
///
/// Returns the documents (in order; items that are not Documents, such as the exceptions of
/// ``analyze_many(..., errors="return")``, unchanged) with ``Document.story`` and
/// ``Event.story`` set, and an event's missing ``date`` or ``place`` filled from the other
/// reports of its story (``date["source"] == "story"``, ``date["document"]`` the report it
/// came from). Reports are grouped on their participants' entity ids, kind, place and dates
/// at most ``window_days`` apart.
#[pyfunction]
#[pyo3(signature = (docs, *, window_days=3))]
pub(crate) fn group_stories<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    window_days: i64,
) -> PyResult<Bound<'py, PyList>> {
    let items = documents(docs)?;
    let mut records: Vec<Option<(serde_json::Value, Option<String>)>> =
        Vec::with_capacity(items.len());
    for item in &items {
        match item.cast::<PyDocument>() {
            Ok(d) => {
                let d = d.get();
                records.push(Some((
                    record_of(d).map_err(|e| e.into_pyerr(py))?,
                    d.text.clone(),
                )));
            }
            Err(_) => records.push(None),
        }
    }
    let out: Vec<Option<PyDocument>> = run(py, || {
        let summaries: Vec<EventSummary> = records
            .iter()
            .flatten()
            .flat_map(|(r, _)| summarize(r))
            .collect();
        let stories = group(&summaries, &window(window_days));
        records
            .into_iter()
            .map(|slot| {
                slot.map(|(mut record, text)| {
                    stories.apply(&mut record);
                    document_of(record, text)
                })
                .transpose()
            })
            .collect()
    })?;
    let mut result: Vec<Bound<'py, PyAny>> = Vec::with_capacity(items.len());
    for (item, doc) in items.iter().zip(out) {
        match doc {
            Some(d) => result.push(Bound::new(py, d)?.into_any()),
            None => result.push(item.clone()),
        }
    }
    PyList::new(py, result)
}

/// The event summaries of one Document as JSON (step 1 of grouping on Dask).
#[pyfunction]
pub(crate) fn _story_summaries(py: Python<'_>, doc: PyRef<'_, PyDocument>) -> PyResult<String> {
    let record = record_of(&doc).map_err(|e| e.into_pyerr(py))?;
    run(py, || {
        serde_json::to_string(&summarize(&record)).map_err(|e| Error::Internal(e.to_string()))
    })
}

/// Groups event summaries (JSON lists from ``_story_summaries``) into stories, as JSON
/// (step 2 of grouping on Dask).
#[pyfunction]
#[pyo3(signature = (summaries, *, window_days=3))]
pub(crate) fn _group_summaries(
    py: Python<'_>,
    summaries: Vec<String>,
    window_days: i64,
) -> PyResult<String> {
    run(py, || {
        let mut all: Vec<EventSummary> = Vec::new();
        for s in &summaries {
            let part: Vec<EventSummary> =
                serde_json::from_str(s).map_err(|e| Error::InvalidOption {
                    param: "summaries",
                    value: format!("<{} chars>", s.chars().count()),
                    expected: format!("JSON from _story_summaries(): {e}"),
                })?;
            all.extend(part);
        }
        serde_json::to_string(&group(&all, &window(window_days)))
            .map_err(|e| Error::Internal(e.to_string()))
    })
}

/// Applies grouped stories (JSON from ``_group_summaries``) to one Document (step 3 of
/// grouping on Dask).
#[pyfunction]
pub(crate) fn _apply_stories(
    py: Python<'_>,
    doc: PyRef<'_, PyDocument>,
    stories: &str,
) -> PyResult<PyDocument> {
    let record = record_of(&doc).map_err(|e| e.into_pyerr(py))?;
    let text = doc.text.clone();
    run(py, || {
        let stories: Stories = serde_json::from_str(stories).map_err(|e| Error::InvalidOption {
            param: "stories",
            value: format!("<{} chars>", stories.chars().count()),
            expected: format!("JSON from _group_summaries(): {e}"),
        })?;
        let mut record = record;
        stories.apply(&mut record);
        document_of(record, text)
    })
}
