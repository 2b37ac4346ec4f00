//! # dateline-python
//!
//! The PyO3 bindings of dateline: the native module `dateline._native` that the Python
//! package `dateline` (in `python/dateline/`) wraps. Analysts use the Python package; this
//! crate is an ordinary library crate so that it lints and tests with the workspace.
//!
//! ## How the boundary works
//! - Every call goes through one helper, `boundary::run`, which releases the GIL
//!   (`py.detach`), catches panics (`std::panic::catch_unwind`) and maps the one [`Error`]
//!   type to the one exception hierarchy (`dateline.DatelineError` and its subclasses,
//!   which also subclass `ValueError` where that is natural).
//! - Text arguments must be `str`; anything else is a `TypeError` that says what to pass.
//! - Result objects are frozen pyclasses over plain Rust data that serializes to exactly the
//!   JSON contract of DESIGN.md (`to_json`, `to_dict`, pickling through `from_json`).
//! - Offsets are Python character indices (`text[t.start:t.end] == t.text`), converted from
//!   the Rust byte spans with [`dateline_text::OffsetMap`].
//! - Fork safety: thread pools are per process and a fork hook waits for running calls.
//!
//! ## Building
//! ```text
//! pip install maturin
//! maturin develop --release      # from the repository root: builds into the active venv
//! python -c "import dateline; print(dateline.find_dates('on 3 May 2020'))"
//! ```
//!
//! ## Example (Rust side, no Python needed)
//! ```
//! // The Rust API of this crate is only the error type; Python is the interface.
//! let err = dateline_python::Error::Internal("example".into());
//! assert!(err.to_string().contains("internal error"));
//! ```
//!
//! ## Features
//! None. `pyo3/extension-module` is not enabled on purpose: maturin sets
//! `PYO3_BUILD_EXTENSION_MODULE` itself, and `cargo test` still links libpython.
#![deny(missing_docs)]

mod article;
mod boundary;
mod dates;
mod document;
mod entities;
mod error;
mod events;
mod fork;
mod html;
mod record;

pub use error::Error;

use pyo3::prelude::*;

/// The native core of the `dateline` Python package. Import `dateline`, not this module.
#[pymodule(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    error::register(m)?;
    m.add_class::<dates::PyTimex>()?;
    m.add_function(wrap_pyfunction!(dates::find_dates, m)?)?;
    m.add_function(wrap_pyfunction!(dates::parse_date, m)?)?;
    m.add_class::<article::PyArticle>()?;
    m.add_function(wrap_pyfunction!(article::parse_article, m)?)?;
    m.add_class::<entities::PyEntity>()?;
    m.add_class::<entities::PyMention>()?;
    m.add_function(wrap_pyfunction!(entities::extract_entities, m)?)?;
    m.add_class::<document::PyDocument>()?;
    m.add_class::<document::PyQuote>()?;
    m.add_function(wrap_pyfunction!(document::analyze, m)?)?;
    m.add_function(wrap_pyfunction!(document::analyze_many, m)?)?;
    m.add_class::<events::PyEvent>()?;
    m.add_function(wrap_pyfunction!(events::group_stories, m)?)?;
    m.add_function(wrap_pyfunction!(events::_story_summaries, m)?)?;
    m.add_function(wrap_pyfunction!(events::_group_summaries, m)?)?;
    m.add_function(wrap_pyfunction!(events::_apply_stories, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    fork::register(m)?;
    Ok(())
}
