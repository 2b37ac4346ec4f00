//! Crossing the boundary: the one helper every call goes through ([`run`]), argument
//! extraction with helpful `TypeError`s, and byte -> character offset conversion.

use std::borrow::Cow;
use std::panic::{self, AssertUnwindSafe};

use chrono::NaiveDate;
use dateline_text::{OffsetMap, Span};
use pyo3::exceptions::{PyTypeError, PyUnicodeEncodeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};

use crate::error::Error;
use crate::fork;

/// Runs `work` with the GIL released, catching panics, and maps its error to the
/// `dateline.DatelineError` hierarchy. Every public function of the module calls this.
pub(crate) fn run<T, F>(py: Python<'_>, work: F) -> PyResult<T>
where
    F: FnOnce() -> Result<T, Error> + Send,
    T: Send,
{
    let outcome = py.detach(|| {
        let _busy = fork::Busy::enter();
        panic::catch_unwind(AssertUnwindSafe(work))
    });
    match outcome {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(err.into_pyerr(py)),
        Err(payload) => Err(Error::Internal(panic_message(payload.as_ref())).into_pyerr(py)),
    }
}

/// Runs `work` catching panics (for code already running without the GIL, e.g. one item
/// of a parallel batch).
pub(crate) fn catch<T, F>(work: F) -> Result<T, Error>
where
    F: FnOnce() -> Result<T, Error>,
{
    panic::catch_unwind(AssertUnwindSafe(work))
        .unwrap_or_else(|payload| Err(Error::Internal(panic_message(payload.as_ref()))))
}

/// The message of a caught panic.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".to_owned()
    }
}

/// The Python name of `obj`'s type, for error messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}

/// Extracts a text argument: a `str`, or a `TypeError` that says what to do instead.
/// A `str` with a lone surrogate becomes `InvalidTextError` naming the position.
pub(crate) fn text_arg<'a>(
    obj: &'a Bound<'_, PyAny>,
    func: &str,
    param: &'static str,
) -> PyResult<Cow<'a, str>> {
    let Ok(s) = obj.cast::<PyString>() else {
        return Err(type_error_for_text(obj, func, param));
    };
    match s.to_cow() {
        Ok(text) => Ok(text),
        Err(err) if err.is_instance_of::<PyUnicodeEncodeError>(obj.py()) => {
            let index = err
                .value(obj.py())
                .getattr("start")
                .and_then(|v| v.extract::<usize>())
                .unwrap_or(0);
            Err(Error::InvalidText { param, index }.into_pyerr(obj.py()))
        }
        Err(err) => Err(err),
    }
}

/// The `TypeError` for a non-`str` text argument.
pub(crate) fn type_error_for_text(obj: &Bound<'_, PyAny>, func: &str, param: &str) -> PyErr {
    let got = type_name(obj);
    let hint = if obj.is_none() {
        " (got None: skip missing documents or pass \"\")".to_owned()
    } else if got == "bytes" || got == "bytearray" {
        format!(" (got {got}: decode it first, e.g. data.decode('utf-8'))")
    } else {
        format!(" (got {got})")
    };
    PyTypeError::new_err(format!("{func}() argument '{param}' must be str{hint}"))
}

static DATE_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `datetime.date(y, m, d)`.
pub(crate) fn py_date<'py>(py: Python<'py>, date: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
    use chrono::Datelike;
    DATE_TYPE
        .import(py, "datetime", "date")?
        .call1((date.year(), date.month(), date.day()))
}

/// Extracts an optional date argument: `None`, a `datetime.date`/`datetime.datetime`
/// (its calendar date), or an ISO `"YYYY-MM-DD"` string.
pub(crate) fn date_arg(
    obj: Option<&Bound<'_, PyAny>>,
    func: &str,
    param: &'static str,
) -> PyResult<Option<NaiveDate>> {
    let Some(obj) = obj else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    let py = obj.py();
    let date_type = DATE_TYPE.import(py, "datetime", "date")?;
    let datetime_type = DATETIME_TYPE.import(py, "datetime", "datetime")?;
    if obj.is_instance(date_type)? {
        let date = if obj.is_instance(datetime_type)? {
            obj.call_method0("date")?
        } else {
            obj.clone()
        };
        let y: i32 = date.getattr("year")?.extract()?;
        let m: u32 = date.getattr("month")?.extract()?;
        let d: u32 = date.getattr("day")?.extract()?;
        return NaiveDate::from_ymd_opt(y, m, d).map(Some).ok_or_else(|| {
            Error::InvalidDate {
                param,
                value: format!("{y:04}-{m:02}-{d:02}"),
                reason: "outside the supported range",
            }
            .into_pyerr(py)
        });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return parse_iso_date(&s, param)
            .map(Some)
            .map_err(|e| e.into_pyerr(py));
    }
    Err(PyTypeError::new_err(format!(
        "{func}() argument '{param}' must be a datetime.date, an ISO date string \
         such as '2023-09-23', or None (got {})",
        type_name(obj)
    )))
}

/// Parses a strict ISO calendar date `YYYY-MM-DD`.
pub(crate) fn parse_iso_date(s: &str, param: &'static str) -> Result<NaiveDate, Error> {
    let trimmed = s.trim();
    let value: String = trimmed.chars().take(40).collect();
    let bytes = trimmed.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return Err(Error::InvalidDate {
            param,
            value,
            reason: "expected an ISO date such as '2023-09-23' or a datetime.date \
                     (relative words like 'yesterday' need a concrete date)",
        });
    }
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").map_err(|_| Error::InvalidDate {
        param,
        value,
        reason: "not a real calendar date",
    })
}

/// Maps byte spans of one text to Python character offsets.
pub(crate) struct Offsets {
    map: OffsetMap,
}

impl Offsets {
    /// Builds the map for `text` (one linear pass).
    pub(crate) fn new(text: &str) -> Self {
        Offsets {
            map: OffsetMap::new(text),
        }
    }

    /// `(start, end)` character offsets of a byte span.
    ///
    /// # Errors
    /// [`Error::Internal`] if the span is not on character boundaries of the text (a bug
    /// upstream: spans always index the original text).
    pub(crate) fn chars(&self, span: Span) -> Result<(usize, usize), Error> {
        self.map
            .char_span(span)
            .map_err(|e| Error::Internal(format!("bad span {span}: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(
            parse_iso_date("2023-09-23", "anchor").ok(),
            NaiveDate::from_ymd_opt(2023, 9, 23)
        );
        assert!(matches!(
            parse_iso_date("2023-02-30", "anchor"),
            Err(Error::InvalidDate {
                reason: "not a real calendar date",
                ..
            })
        ));
        assert!(parse_iso_date("yesterday", "anchor").is_err());
        assert!(parse_iso_date("2023-9-23", "anchor").is_err());
        assert!(parse_iso_date("", "anchor").is_err());
        assert!(parse_iso_date("2023-09-23é", "anchor").is_err());
    }

    #[test]
    fn offsets_are_characters() {
        let text = "😀 on 3 May 2020";
        let o = Offsets::new(text);
        let start = text.find("3 May").unwrap_or(0);
        assert_eq!(o.chars(Span::new(start, text.len())).ok(), Some((5, 15)));
        assert!(o.chars(Span::new(1, 2)).is_err());
    }

    #[test]
    fn panics_become_internal_errors() {
        let r: Result<(), Error> = catch(|| panic!("boom"));
        assert!(matches!(r, Err(Error::Internal(m)) if m == "boom"));
    }
}
