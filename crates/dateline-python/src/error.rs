//! The one error type of the bindings and the one Python exception hierarchy.
//!
//! Every failure that crosses into Python goes through [`Error`] and [`Error::into_pyerr`]:
//! wrong argument *types* are `TypeError` (raised while extracting arguments), everything else
//! is an instance of `dateline.DatelineError`. The classes are declared once here, in
//! [`SPECS`], and re-exported by `python/dateline/__init__.py`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

/// Everything that can go wrong in a call from Python.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A date argument (`anchor`, `published`) that is not a real ISO calendar date.
    #[error("invalid {param} {value:?}: {reason}")]
    InvalidDate {
        /// The parameter name.
        param: &'static str,
        /// What the caller passed (truncated).
        value: String,
        /// Why it was rejected and what to pass instead.
        reason: &'static str,
    },
    /// An option with a value outside its allowed set (`date_order="XYZ"`, `threads=0`).
    #[error("invalid {param}={value}: {expected}")]
    InvalidOption {
        /// The parameter name.
        param: &'static str,
        /// The rejected value, as Python would print it.
        value: String,
        /// What is accepted.
        expected: String,
    },
    /// A `str` that cannot be encoded as UTF-8 (it holds a lone surrogate).
    #[error(
        "{param} contains a lone surrogate at index {index}, which is not valid Unicode text; \
         clean it first, e.g. text.encode('utf-8', 'replace').decode('utf-8')"
    )]
    InvalidText {
        /// The parameter name.
        param: &'static str,
        /// Character index of the first offending code point.
        index: usize,
    },
    /// The input is larger than the analysis accepts.
    #[error("input too large: {len} bytes, the limit is {limit} bytes; split the text first")]
    InputTooLarge {
        /// Input length in UTF-8 bytes.
        len: usize,
        /// The limit in UTF-8 bytes.
        limit: usize,
    },
    /// `parse_date` found nothing to parse.
    #[error(transparent)]
    Dates(#[from] dateline_dates::DateError),
    /// The article parser refused the input (too large, binary).
    #[error(transparent)]
    Article(#[from] dateline_article::ArticleError),
    /// The pipeline refused the input (too large, binary) or failed.
    #[error(transparent)]
    Pipeline(#[from] dateline::Error),
    /// A panic or a broken invariant inside dateline: a bug, never the caller's fault.
    #[error("internal error in dateline (please report it with the input that caused it): {0}")]
    Internal(String),
}

/// The Python exception classes, in declaration order of [`SPECS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exc {
    /// `DatelineError(Exception)`: the base class.
    Base,
    /// `InvalidDateError(DatelineError, ValueError)`.
    InvalidDate,
    /// `InvalidOptionError(DatelineError, ValueError)`.
    InvalidOption,
    /// `InvalidTextError(DatelineError, ValueError)`.
    InvalidText,
    /// `InputTooLargeError(DatelineError, ValueError)`.
    InputTooLarge,
    /// `DateNotFoundError(DatelineError, ValueError)`.
    DateNotFound,
    /// `InternalError(DatelineError)`.
    Internal,
}

/// One exception class: its kind, Python name, whether it also subclasses `ValueError`, docs.
struct Spec {
    kind: Exc,
    name: &'static str,
    value_error: bool,
    doc: &'static str,
}

/// The hierarchy, declared once. The base comes first; every other class derives from it.
const SPECS: [Spec; 7] = [
    Spec {
        kind: Exc::Base,
        name: "DatelineError",
        value_error: false,
        doc: "Base class of every error raised by dateline.",
    },
    Spec {
        kind: Exc::InvalidDate,
        name: "InvalidDateError",
        value_error: true,
        doc: "A date argument (anchor=, published=) is not a real ISO calendar date \
              (e.g. '2023-02-30' or 'yesterday').",
    },
    Spec {
        kind: Exc::InvalidOption,
        name: "InvalidOptionError",
        value_error: true,
        doc: "An option has a value outside its allowed set (e.g. date_order='XYZ', threads=0).",
    },
    Spec {
        kind: Exc::InvalidText,
        name: "InvalidTextError",
        value_error: true,
        doc: "The text is a str that is not valid Unicode (it contains a lone surrogate).",
    },
    Spec {
        kind: Exc::InputTooLarge,
        name: "InputTooLargeError",
        value_error: true,
        doc: "The text is larger than dateline accepts in one document.",
    },
    Spec {
        kind: Exc::DateNotFound,
        name: "DateNotFoundError",
        value_error: true,
        doc: "parse_date() found no temporal expression in its input.",
    },
    Spec {
        kind: Exc::Internal,
        name: "InternalError",
        value_error: false,
        doc: "A bug inside dateline (a Rust panic, caught before it could crash the interpreter).",
    },
];

static CLASSES: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();

fn create_classes(py: Python<'_>) -> PyResult<Vec<Py<PyType>>> {
    let type_ = py.get_type::<PyType>();
    let value_error = py.get_type::<PyValueError>();
    let exception = py.get_type::<pyo3::exceptions::PyException>();
    let mut classes: Vec<Py<PyType>> = Vec::with_capacity(SPECS.len());
    for spec in &SPECS {
        let bases = match classes.first() {
            None => PyTuple::new(py, [exception.as_any()])?,
            Some(base) if spec.value_error => {
                PyTuple::new(py, [base.bind(py).as_any(), value_error.as_any()])?
            }
            Some(base) => PyTuple::new(py, [base.bind(py).as_any()])?,
        };
        let namespace = PyDict::new(py);
        namespace.set_item("__module__", "dateline")?;
        namespace.set_item("__doc__", spec.doc)?;
        let class = type_
            .call1((spec.name, bases, namespace))?
            .cast_into::<PyType>()?;
        classes.push(class.unbind());
    }
    Ok(classes)
}

/// The Python class for `kind` (created on first use, normally at module import).
pub(crate) fn class(py: Python<'_>, kind: Exc) -> PyResult<Bound<'_, PyType>> {
    let classes = CLASSES.get_or_try_init(py, || create_classes(py))?;
    let index = SPECS.iter().position(|s| s.kind == kind).unwrap_or(0);
    classes
        .get(index)
        .map(|c| c.bind(py).clone())
        .ok_or_else(|| PyValueError::new_err("dateline exception table is incomplete"))
}

/// Adds every exception class to the module `m`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    for spec in &SPECS {
        m.add(spec.name, class(py, spec.kind)?)?;
    }
    Ok(())
}

impl Error {
    /// Which Python class this error becomes.
    pub(crate) fn exc(&self) -> Exc {
        match self {
            Error::InvalidDate { .. } => Exc::InvalidDate,
            Error::InvalidOption { .. } => Exc::InvalidOption,
            Error::InvalidText { .. } => Exc::InvalidText,
            Error::InputTooLarge { .. } => Exc::InputTooLarge,
            Error::Dates(_) => Exc::DateNotFound,
            Error::Article(dateline_article::ArticleError::TooLarge { .. }) => Exc::InputTooLarge,
            Error::Article(dateline_article::ArticleError::Binary { .. }) => Exc::InvalidText,
            Error::Article(_) => Exc::Base,
            Error::Pipeline(dateline::Error::TooLarge { .. }) => Exc::InputTooLarge,
            Error::Pipeline(dateline::Error::Binary { .. }) => Exc::InvalidText,
            Error::Pipeline(_) => Exc::Internal,
            Error::Internal(_) => Exc::Internal,
        }
    }

    /// Converts to the matching `dateline.*Error` Python exception.
    pub(crate) fn into_pyerr(self, py: Python<'_>) -> PyErr {
        match class(py, self.exc()) {
            Ok(class) => PyErr::from_type(class, self.to_string()),
            Err(err) => err,
        }
    }
}

impl From<Error> for PyErr {
    fn from(err: Error) -> PyErr {
        Python::attach(|py| err.into_pyerr(py))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_distinct_class() {
        let mut names: Vec<&str> = SPECS.iter().map(|s| s.name).collect();
        names.dedup();
        assert_eq!(names.len(), SPECS.len());
        assert_eq!(SPECS[0].kind, Exc::Base);
    }

    #[test]
    fn messages_say_what_to_do() {
        let e = Error::InvalidDate {
            param: "anchor",
            value: "2023-02-30".into(),
            reason: "not a real calendar date",
        };
        assert_eq!(
            e.to_string(),
            "invalid anchor \"2023-02-30\": not a real calendar date"
        );
        assert_eq!(e.exc(), Exc::InvalidDate);
        let e = Error::InvalidText {
            param: "text",
            index: 3,
        };
        assert!(e.to_string().contains("index 3"));
        assert!(e.to_string().contains("encode('utf-8', 'replace')"));
    }
}
