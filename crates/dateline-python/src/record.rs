//! Shared plumbing of the result classes: JSON in and out, `to_dict`, pickling, `repr`.
//!
//! Every result class is a frozen pyclass over plain Rust data that serializes to exactly
//! the DESIGN.md JSON contract. `to_json` is `serde_json`; `to_dict` parses that JSON with
//! Python's C `json` module (so dict and JSON can never disagree); pickling reduces to
//! `Class.from_json(json)`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::Error;

/// Serializes a record to its JSON contract text.
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::Internal(format!("cannot serialize: {e}")))
}

/// Parses a record from JSON (for `from_json`, `from_dict` and unpickling).
pub(crate) fn from_json<T: DeserializeOwned>(class: &'static str, data: &str) -> Result<T, Error> {
    serde_json::from_str(data).map_err(|e| Error::InvalidOption {
        param: "data",
        value: format!("<{} chars of JSON>", data.chars().count()),
        expected: format!("the JSON of a dateline {class} (as produced by to_json()): {e}"),
    })
}

static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static JSON_DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `json.loads(text)`.
pub(crate) fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    JSON_LOADS.import(py, "json", "loads")?.call1((text,))
}

/// `json.dumps(obj)`.
pub(crate) fn dumps(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    JSON_DUMPS
        .import(obj.py(), "json", "dumps")?
        .call1((obj,))?
        .extract()
}

/// Python's `repr()` of a string (exact quoting and escapes).
pub(crate) fn repr_str(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_cow()?.into_owned())
}

/// Python's `repr()` of an optional string (`None` or the quoted string).
pub(crate) fn repr_opt(py: Python<'_>, s: Option<&str>) -> PyResult<String> {
    s.map_or_else(|| Ok("None".to_owned()), |s| repr_str(py, s))
}

/// Shortens `s` to at most `max` characters, marking the cut with an ellipsis.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// What `__reduce__` returns: the callable and its arguments.
pub(crate) type Reduced<'py, A> = PyResult<(Bound<'py, PyAny>, A)>;

/// The JSON-backed behaviour shared by every result class. Each class's `#[pymethods]`
/// delegates its `to_json`, `to_dict`, `from_json`, `from_dict` and `__reduce__` here.
pub(crate) trait Record: Serialize + DeserializeOwned + Send + Sync + Sized {
    /// The Python class name, for error messages.
    const NAME: &'static str;

    /// `to_json()`.
    fn json(&self, py: Python<'_>) -> PyResult<String> {
        crate::boundary::run(py, || to_json(self))
    }

    /// `to_dict()`.
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = self.json(py)?;
        loads(py, &json)
    }

    /// `Class.from_json(data)`.
    fn parse_json(py: Python<'_>, data: &str) -> PyResult<Self> {
        crate::boundary::run(py, || from_json::<Self>(Self::NAME, data))
    }

    /// `Class.from_dict(data)`.
    fn parse_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let json = dumps(data)?;
        Self::parse_json(data.py(), &json)
    }

    /// `__reduce__`: `(Class.from_json, (json,))`.
    fn reduce<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (String,)>
    where
        Self: pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True>,
    {
        let py = slf.py();
        let json = slf.get().json(py)?;
        let from_json = slf.as_any().get_type().getattr("from_json")?;
        Ok((from_json, (json,)))
    }
}

/// Makes a serializable `#[pyclass]` a [`Record`] and gives it the Python methods every simple
/// result class shares: `to_json`, `to_dict`, the class methods `from_json` and `from_dict`, and
/// `__reduce__` (pickling through the JSON). The class keeps its own `#[pymethods]` block for the
/// rest (this is a second block, hence PyO3's `multiple-pymethods` feature).
///
/// `json_record!(PyMention, "Mention", "a")`: the Rust type, the Python class name (for error
/// messages and docstrings) and the article to put before that name in docstrings.
macro_rules! json_record {
    ($class:ty, $name:literal, $article:literal) => {
        impl $crate::record::Record for $class {
            const NAME: &'static str = $name;
        }

        #[pyo3::pymethods]
        impl $class {
            /// The JSON text of this object (the DESIGN.md output contract).
            fn to_json(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<String> {
                $crate::record::Record::json(self, py)
            }

            /// A plain ``dict`` of this object (the DESIGN.md output contract).
            fn to_dict<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::record::Record::dict(self, py)
            }

            #[doc = concat!("Rebuilds ", $article, " ``", $name, "`` from ``to_json()`` output.")]
            #[classmethod]
            fn from_json(
                _cls: &pyo3::Bound<'_, pyo3::types::PyType>,
                py: pyo3::Python<'_>,
                data: &str,
            ) -> pyo3::PyResult<Self> {
                <Self as $crate::record::Record>::parse_json(py, data)
            }

            #[doc = concat!("Rebuilds ", $article, " ``", $name, "`` from ``to_dict()`` output.")]
            #[classmethod]
            fn from_dict(
                _cls: &pyo3::Bound<'_, pyo3::types::PyType>,
                data: &pyo3::Bound<'_, pyo3::PyAny>,
            ) -> pyo3::PyResult<Self> {
                <Self as $crate::record::Record>::parse_dict(data)
            }

            fn __reduce__<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> $crate::record::Reduced<'py, (String,)> {
                <Self as $crate::record::Record>::reduce(slf)
            }
        }
    };
}
pub(crate) use json_record;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_counts_characters() {
        assert_eq!(shorten("héllo", 10), "héllo");
        assert_eq!(shorten("😀😀😀😀", 3), "😀😀…");
    }

    #[test]
    fn bad_json_is_a_clear_error() {
        let r: Result<Vec<u32>, Error> = from_json("Timex", "{");
        let msg = r.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("the JSON of a dateline Timex"), "{msg}");
    }
}
