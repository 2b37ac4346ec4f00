//! `extract_entities` and the `Entity` / `Mention` result classes.

use dateline_entities::{Entities, Label};
use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

use crate::boundary::{run, text_arg, Offsets};
use crate::error::Error;
use crate::record::{json_record, repr_opt, repr_str};

/// One mention of an entity in the text: ``text[m.start:m.end] == m.text``.
#[pyclass(module = "dateline._native", name = "Mention", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct PyMention {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

json_record!(PyMention, "Mention", "a");

#[pymethods]
impl PyMention {
    #[new]
    fn new(text: String, start: usize, end: usize) -> Self {
        PyMention { text, start, end }
    }

    /// The mention as written.
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

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Mention(text={}, start={}, end={})",
            repr_str(py, &self.text)?,
            self.start,
            self.end
        ))
    }
}

/// A document-level entity: canonical name, OntoNotes label, aliases, role and every mention.
#[pyclass(module = "dateline._native", name = "Entity", frozen, eq)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PyEntity {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) label: Label,
    pub(crate) role: Option<String>,
    pub(crate) country: Option<String>,
    /// Added after schema_version 1 first shipped: records without it still load.
    #[serde(default)]
    pub(crate) org: Option<String>,
    pub(crate) former: bool,
    pub(crate) aliases: Vec<String>,
    pub(crate) wikidata: Option<String>,
    pub(crate) mentions: Vec<PyMention>,
}

json_record!(PyEntity, "Entity", "an");

impl PyEntity {
    /// Converts the entities of one text to the contract shape (character offsets).
    pub(crate) fn from_rust(found: Entities, offsets: &Offsets) -> Result<Vec<Self>, Error> {
        let mut mentions = Vec::with_capacity(found.mentions.len());
        for m in found.mentions {
            let (start, end) = offsets.chars(m.span)?;
            mentions.push(PyMention {
                text: m.text,
                start,
                end,
            });
        }
        found
            .entities
            .into_iter()
            .map(|e| {
                let own = e
                    .mentions
                    .iter()
                    .map(|&i| {
                        mentions.get(i).cloned().ok_or_else(|| {
                            Error::Internal(format!(
                                "entity {} names mention {i}, which does not exist",
                                e.id
                            ))
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(PyEntity {
                    id: e.id,
                    name: e.name,
                    label: e.label,
                    role: e.role,
                    country: e.country,
                    org: e.org,
                    former: e.former,
                    aliases: e.aliases,
                    wikidata: e.wikidata,
                    mentions: own,
                })
            })
            .collect()
    }
}

#[pymethods]
impl PyEntity {
    #[new]
    #[pyo3(signature = (id, name, label, role=None, country=None, former=false, aliases=Vec::new(), wikidata=None, mentions=Vec::new(), org=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        id: String,
        name: String,
        label: &str,
        role: Option<String>,
        country: Option<String>,
        former: bool,
        aliases: Vec<String>,
        wikidata: Option<String>,
        mentions: Vec<Bound<'_, PyMention>>,
        org: Option<String>,
    ) -> PyResult<Self> {
        let label = serde_json::from_value(serde_json::Value::String(label.to_owned())).map_err(|_| {
            Error::InvalidOption {
                param: "label",
                value: format!("{label:?}"),
                expected: "expected one of PERSON, ORG, GPE, LOC, NORP, EVENT, FAC, PRODUCT, LAW, WORK_OF_ART"
                    .to_owned(),
            }
        })?;
        let mentions = mentions.iter().map(|m| m.get().clone()).collect();
        Ok(PyEntity {
            id,
            name,
            label,
            role,
            country,
            org,
            former,
            aliases,
            wikidata,
            mentions,
        })
    }

    /// Stable id within the document (the Wikidata id where known).
    #[getter]
    fn id(&self) -> &str {
        &self.id
    }

    /// Canonical name.
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// OntoNotes label: ``"PERSON"``, ``"ORG"``, ``"GPE"``, ``"LOC"``, ``"NORP"``, ...
    #[getter]
    fn label(&self) -> &'static str {
        self.label.as_str()
    }

    /// A person's role or title ("Prime Minister"), or ``None``.
    #[getter]
    fn role(&self) -> Option<&str> {
        self.role.as_deref()
    }

    /// The country a person or body belongs to, or ``None``.
    #[getter]
    fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }

    /// The organization a person's role belongs to ("World Health Organization" for "a
    /// deputy head of the WHO"), or ``None``.
    #[getter]
    fn org(&self) -> Option<&str> {
        self.org.as_deref()
    }

    /// Whether the role is a former one ("former President").
    #[getter]
    fn former(&self) -> bool {
        self.former
    }

    /// Other names used for the entity in the text.
    #[getter]
    fn aliases(&self) -> Vec<String> {
        self.aliases.clone()
    }

    /// Wikidata id ("Q15031"), or ``None``.
    #[getter]
    fn wikidata(&self) -> Option<&str> {
        self.wikidata.as_deref()
    }

    /// Every mention, in text order.
    #[getter]
    fn mentions(&self) -> Vec<PyMention> {
        self.mentions.clone()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Entity(id={}, name={}, label='{}', role={}, country={}, org={}, former={}, aliases={}, wikidata={}, mentions=<{} mentions>)",
            repr_str(py, &self.id)?,
            repr_str(py, &self.name)?,
            self.label.as_str(),
            repr_opt(py, self.role.as_deref())?,
                        repr_opt(py, self.country.as_deref())?,
            repr_opt(py, self.org.as_deref())?,
            if self.former { "True" } else { "False" },
            self.aliases
                .iter()
                .map(|a| repr_str(py, a))
                .collect::<PyResult<Vec<_>>>()
                .map(|v| format!("[{}]", v.join(", ")))?,
            repr_opt(py, self.wikidata.as_deref())?,
            self.mentions.len(),
        ))
    }
}

/// Finds the named entities of ``text``, grouped into document-level entities.
#[pyfunction]
pub(crate) fn extract_entities(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyEntity>> {
    let text = text_arg(text, "extract_entities", "text")?;
    run(py, || {
        let found = dateline_entities::extract(&text, &dateline_entities::Options::default());
        PyEntity::from_rust(found, &Offsets::new(&text))
    })
}
