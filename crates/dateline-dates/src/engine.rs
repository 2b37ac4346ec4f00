//! The scanner: prefilter, candidate parsing, resolution.

use crate::{Options, Timex};
use dateline_text::Span;

/// Finds expressions inside `regions` of `text`.
pub(crate) fn scan(_text: &str, _regions: &[Span], _options: &Options) -> Vec<Timex> {
    Vec::new()
}
