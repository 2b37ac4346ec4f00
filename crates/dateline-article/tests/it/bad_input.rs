//! Bad and odd input: never a panic, a valid Article or a typed error.

use dateline_article::{parse_with, ArticleError, ParseOptions};

use crate::parse;

#[test]
fn empty_and_whitespace() {
    for text in ["", " ", "\n\n\n", "\r\n", "\u{FEFF}", "\u{a0}\u{a0}"] {
        let a = parse(text);
        assert!(
            a.title.is_none() && a.paragraphs.is_empty() && a.header.is_none(),
            "{text:?}"
        );
        assert_eq!(a.language.code, "und");
        assert!(a.published.date.is_none());
    }
}

#[test]
fn only_a_header() {
    let text = " date 2023-09-23 WORLD";
    let a = parse(text);
    assert_eq!(a.header.unwrap().date.unwrap().to_string(), "2023-09-23");
    assert!(a.paragraphs.is_empty());
    assert_eq!(a.published.date.unwrap().to_string(), "2023-09-23");
}

#[test]
fn only_boilerplate() {
    let text = "Advertisement\nShare\nprint dictionary print\nHome > News > World\n";
    let a = parse(text);
    assert!(a.paragraphs.is_empty());
    assert_eq!(a.boilerplate.len(), 4);
}

#[test]
fn impossible_header_date() {
    let text = " date 2023-02-30 WORLD\nTitle of the story goes here\n\nBody text of the story, which says things.";
    let a = parse(text);
    let h = a.header.as_ref().unwrap();
    assert!(h.date.is_none());
    assert!(a.published.date.is_none());
    assert!(
        a.published
            .warnings
            .iter()
            .any(|w| w.contains("2023-02-30")),
        "{:?}",
        a.published.warnings
    );
    let text = " date 2023-13 WORLD\nBody text of the story, which says things.";
    assert!(parse(text).header.unwrap().date.is_none());
}

#[test]
fn nul_bytes() {
    let text = "Title of the story\0 goes here\n\n\0Body text of the story, which says things.\0\n";
    let a = parse(text);
    assert_eq!(a.paragraphs.len(), 1);
    let binary = "\0".repeat(100);
    assert!(matches!(
        dateline_article::parse(&binary),
        Err(ArticleError::Binary { .. })
    ));
}

#[test]
fn mixed_scripts_and_odd_characters() {
    let text = "习近平 meets 한덕수 in Hangzhou — «talks» ☃\n\nXi 习近平 held talks with Han 한덕수 on Saturday. Ünïcödé — “quotes” ‘here’.\n\u{200B}\u{2028}\u{85}line\u{2029}end";
    parse(text);
}

#[test]
fn too_large_is_a_typed_error() {
    let opts = ParseOptions {
        max_bytes: 10,
        ..ParseOptions::default()
    };
    let err = parse_with("0123456789ab", &opts).unwrap_err();
    assert_eq!(err, ArticleError::TooLarge { len: 12, limit: 10 });
    assert!(err.to_string().contains("max_bytes"));
}

#[test]
fn multi_megabyte_dump() {
    // One story repeated until ~4 MB (~85,000 lines), with one-per-line and blank-line
    // paragraphs, captions, chrome and datelines mixed in. Must finish and keep its invariants:
    // any pass that is quadratic in lines or paragraphs would take ~10^9-10^10 steps here and
    // not finish in test time (a debug build parses it in a few seconds). 4 MB rather than
    // 20 MB keeps the debug test fast; release-speed linearity over sizes is measured by
    // bench/analyze.sh and the CLI linearity check.
    let unit = "SEOUL, Sept 23 (Reuters) - North Korea fired a missile on Saturday, the military said.\nXi met Han in Hangzhou. / Photo: Reuters\nAdvertisement\n\nThe talks lasted two hours and covered trade and security, officials said on Friday.\n";
    let text = unit.repeat(4 * 1024 * 1024 / unit.len());
    let a = parse(&text);
    // (Nearly) every wire-dateline line opens a paragraph; which of the repeated lines around them the
    // line model calls body, caption or chrome is its call on such a page.
    let units = text.len() / unit.len();
    assert!(
        a.paragraphs.len() + 1 >= units,
        "{} paragraphs for {units} units",
        a.paragraphs.len()
    );
    assert!(!a.captions.is_empty() && a.captions.len() <= 3);
    assert_eq!(a.lines.len(), 4 * units);
    assert!(a.lines.iter().all(|l| text.get(l.span.range()).is_some()));
}

#[test]
fn one_enormous_line() {
    let text = "word ".repeat(400_000);
    let a = parse(&text);
    assert_eq!(a.paragraphs.len(), 1);
}
