//! Integration tests of dateline-article: golden seeds, synthetic dumps, bad input, properties.

mod bad_input;
mod props;
mod published;
mod seeds;
mod synthetic;

use dateline_article::{Article, Span};

/// The text under a span (panics in tests when the span does not slice the text).
pub(crate) fn at(text: &str, span: Span) -> &str {
    span.slice(text)
        .unwrap_or_else(|| panic!("span {span} does not slice the text"))
}

/// Checks the invariants every article must hold on its text.
pub(crate) fn check_spans(text: &str, a: &Article) {
    for s in a.spans() {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "span {s} outside the text"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s} off a char boundary"
        );
    }
    for p in &a.paragraphs {
        assert!(!p.is_empty(), "empty paragraph");
        let t = at(text, *p);
        assert_eq!(t, t.trim(), "paragraph {p} not trimmed");
    }
    // Paragraphs are in order; body and boilerplate never overlap.
    assert!(
        a.paragraphs.windows(2).all(|w| w[0].end <= w[1].start),
        "paragraphs out of order"
    );
    for b in &a.boilerplate {
        let i = a.paragraphs.partition_point(|p| p.end <= b.span.start);
        if let Some(p) = a.paragraphs.get(i) {
            assert!(
                !b.span.overlaps(*p),
                "boilerplate {} overlaps paragraph {p}",
                b.span
            );
        }
    }
}

pub(crate) fn parse(text: &str) -> Article {
    let a = dateline_article::parse(text).expect("parses");
    check_spans(text, &a);
    a
}
