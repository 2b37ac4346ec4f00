//! `find_dates`, `parse_date` and the `Timex` result class.

use chrono::NaiveDate;
use dateline_dates::{AnchorUse, DateOrder, Modifier, Options, TimexKind};
use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

use crate::boundary::{date_arg, py_date, run, text_arg, Offsets};
use crate::error::Error;
use crate::record::{json_record, repr_opt, repr_str};

/// One temporal expression: where it is, what kind it is and the calendar value it denotes.
///
/// Offsets are Python character indices: ``text[t.start:t.end] == t.text``.
#[pyclass(module = "dateline._native", name = "Timex", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct PyTimex {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TimexKind,
    pub(crate) value: String,
    pub(crate) modifier: Option<Modifier>,
    pub(crate) range: Option<(NaiveDate, NaiveDate)>,
    pub(crate) anchor: AnchorUse,
}

json_record!(PyTimex, "Timex", "a");

impl PyTimex {
    /// Converts a Rust [`dateline_dates::Timex`], mapping its byte span to characters.
    pub(crate) fn from_rust(t: dateline_dates::Timex, offsets: &Offsets) -> Result<Self, Error> {
        let (start, end) = offsets.chars(t.span)?;
        Ok(PyTimex {
            text: t.text,
            start,
            end,
            kind: t.kind,
            value: t.value,
            modifier: t.modifier,
            range: t.range,
            anchor: t.anchor,
        })
    }
}

/// The contract name of an [`AnchorUse`].
pub(crate) fn anchor_str(a: AnchorUse) -> &'static str {
    match a {
        AnchorUse::Published => "published",
        AnchorUse::Mention => "mention",
        AnchorUse::None => "none",
    }
}

/// Parses one of the contract's enum names through its serde representation.
fn enum_arg<T: serde::de::DeserializeOwned>(
    param: &'static str,
    value: &str,
    expected: &str,
) -> Result<T, Error> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).map_err(|_| {
        Error::InvalidOption {
            param,
            value: format!("{value:?}"),
            expected: format!("expected one of {expected}"),
        }
    })
}

fn range_arg(obj: &Bound<'_, PyAny>) -> PyResult<(NaiveDate, NaiveDate)> {
    let (a, b): (Bound<'_, PyAny>, Bound<'_, PyAny>) = obj.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(
            "Timex() argument 'range' must be None or a (start, end) pair of dates",
        )
    })?;
    let start = date_arg(Some(&a), "Timex", "range")?;
    let end = date_arg(Some(&b), "Timex", "range")?;
    match (start, end) {
        (Some(s), Some(e)) => Ok((s, e)),
        _ => Err(pyo3::exceptions::PyTypeError::new_err(
            "Timex() argument 'range' must hold two dates, not None",
        )),
    }
}

#[pymethods]
impl PyTimex {
    #[new]
    #[pyo3(signature = (text, start, end, kind, value, modifier=None, range=None, anchor="none"))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        text: String,
        start: usize,
        end: usize,
        kind: &str,
        value: String,
        modifier: Option<&str>,
        range: Option<&Bound<'_, PyAny>>,
        anchor: &str,
    ) -> PyResult<Self> {
        let kind = enum_arg("kind", kind, "DATE, TIME, DURATION, SET")?;
        let modifier = modifier
            .map(|m| {
                enum_arg(
                    "modifier",
                    m,
                    "APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE, START, MID, \
                     END, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER or None",
                )
            })
            .transpose()?;
        let anchor = enum_arg("anchor", anchor, "published, mention, none")?;
        let range = match range {
            Some(r) if !r.is_none() => Some(range_arg(r)?),
            _ => None,
        };
        if end < start {
            return Err(Error::InvalidOption {
                param: "end",
                value: end.to_string(),
                expected: format!("end must be >= start ({start})"),
            }
            .into());
        }
        Ok(PyTimex {
            text,
            start,
            end,
            kind,
            value,
            modifier,
            range,
            anchor,
        })
    }

    /// The expression as written.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// Start character offset in the analysed text.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// End character offset (exclusive) in the analysed text.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// TIMEX3 type: ``"DATE"``, ``"TIME"``, ``"DURATION"`` or ``"SET"``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind.as_str()
    }

    /// TIMEX3 value: ``"2023-09-23"``, ``"2023-09"``, ``"P4Y"``, ``"XXXX-09-26"``, ...
    #[getter]
    fn value(&self) -> &str {
        &self.value
    }

    /// TIMEX3 ``mod`` (``"APPROX"``, ``"START"``, ...) or ``None``.
    #[getter]
    fn modifier(&self) -> Option<&'static str> {
        self.modifier.map(Modifier::as_str)
    }

    /// The inclusive ``(first_day, last_day)`` the value denotes, as ``datetime.date``, or ``None``.
    #[getter]
    fn range<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
        self.range
            .map(|(a, b)| Ok((py_date(py, a)?, py_date(py, b)?)))
            .transpose()
    }

    /// What the value was resolved against: ``"published"``, ``"mention"`` or ``"none"``.
    #[getter]
    fn anchor(&self) -> &'static str {
        anchor_str(self.anchor)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let range = match self.range {
            Some((a, b)) => format!("('{a}', '{b}')"),
            None => "None".to_owned(),
        };
        Ok(format!(
            "Timex(text={}, start={}, end={}, kind='{}', value={}, modifier={}, range={}, anchor='{}')",
            repr_str(py, &self.text)?,
            self.start,
            self.end,
            self.kind.as_str(),
            repr_str(py, &self.value)?,
            repr_opt(py, self.modifier.map(Modifier::as_str))?,
            range,
            anchor_str(self.anchor),
        ))
    }
}

/// Reads the `date_order` option.
pub(crate) fn date_order_arg(value: &str) -> Result<DateOrder, Error> {
    match value.to_ascii_uppercase().as_str() {
        "MDY" => Ok(DateOrder::Mdy),
        "DMY" => Ok(DateOrder::Dmy),
        "YMD" => Ok(DateOrder::Ymd),
        _ => Err(Error::InvalidOption {
            param: "date_order",
            value: format!("{value:?}"),
            expected: "expected \"MDY\" (11/15/2022), \"DMY\" (15/11/2022) or \"YMD\" (2022/11/15)"
                .to_owned(),
        }),
    }
}

fn options(func: &str, anchor: Option<&Bound<'_, PyAny>>, date_order: &str) -> PyResult<Options> {
    let mut options = Options::default();
    options.anchor = date_arg(anchor, func, "anchor")?;
    options.date_order = date_order_arg(date_order)?;
    Ok(options)
}

/// Finds every temporal expression in ``text``.
///
/// ``anchor`` (a ``datetime.date`` or ISO string) is the publication date that relative
/// expressions ("on Saturday", "last month") resolve against; without it they stay
/// unresolved. ``date_order`` says how all-numeric dates such as "05/11/2022" are read.
#[pyfunction]
#[pyo3(signature = (text, *, anchor=None, date_order="MDY"))]
pub(crate) fn find_dates(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    anchor: Option<&Bound<'_, PyAny>>,
    date_order: &str,
) -> PyResult<Vec<PyTimex>> {
    let text = text_arg(text, "find_dates", "text")?;
    let options = options("find_dates", anchor, date_order)?;
    run(py, || {
        let offsets = Offsets::new(&text);
        dateline_dates::find(&text, &options)
            .into_iter()
            .map(|t| PyTimex::from_rust(t, &offsets))
            .collect()
    })
}

/// Parses one expression (a date line such as "Updated: 2023-09-23 14:02") and returns its
/// most informative temporal expression.
///
/// Raises ``DateNotFoundError`` when the text holds no temporal expression.
#[pyfunction]
#[pyo3(signature = (text, *, anchor=None, date_order="MDY"))]
pub(crate) fn parse_date(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    anchor: Option<&Bound<'_, PyAny>>,
    date_order: &str,
) -> PyResult<PyTimex> {
    let text = text_arg(text, "parse_date", "text")?;
    let options = options("parse_date", anchor, date_order)?;
    run(py, || {
        let offsets = Offsets::new(&text);
        let t = dateline_dates::parse_one(&text, &options)?;
        PyTimex::from_rust(t, &offsets)
    })
}
