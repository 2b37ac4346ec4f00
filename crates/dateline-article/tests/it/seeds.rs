//! Golden tests on the three seed dumps (expectations from issue 3).

use dateline_article::{
    BoilerplateKind, Confidence, Precision, PublishedSource, RestKind, TitleSource,
};

use crate::{at, parse};

fn seed(name: &str) -> String {
    let path = format!("{}/../../seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn seed_000() {
    let text = seed("000_6cb1cf4919cbac8a.txt");
    let a = parse(&text);
    let h = a.header.as_ref().unwrap();
    assert_eq!(h.date.unwrap().to_string(), "2023-09-23");
    assert_eq!(at(&text, h.rest.unwrap()), "WORLD");
    assert_eq!(h.rest_kind, Some(RestKind::Section));
    let t = a.title.as_ref().unwrap();
    assert_eq!(
        at(&text, t.span),
        "China seeks cooperation with South Korea amid tensions"
    );
    assert_eq!(t.source, TitleSource::Top);
    assert!(at(&text, a.standfirst.unwrap()).starts_with("President Xi Jinping expresses"));
    assert_eq!(a.captions.len(), 1);
    assert!(at(&text, a.captions[0].text).ends_with("of the Asian Games."));
    assert_eq!(at(&text, a.captions[0].credit.unwrap()), "Reuters");
    let dl = a.date_line.as_ref().unwrap();
    assert_eq!(at(&text, dl.span), "September 23, 2023");
    assert_eq!(a.published.date.unwrap().to_string(), "2023-09-23");
    assert_eq!(a.published.confidence, Confidence::High);
    assert!(
        a.published
            .corroborated_by
            .contains(&PublishedSource::Header)
            || a.published.source == PublishedSource::Header
    );
    assert!(
        a.published.warnings.is_empty(),
        "{:?}",
        a.published.warnings
    );
    assert_eq!(a.paragraphs.len(), 7);
    assert!(at(&text, a.paragraphs[0]).starts_with("China is willing to work"));
    assert!(at(&text, a.paragraphs[6]).ends_with("the foreign ministry said on Thursday."));
    assert!(a.boilerplate.is_empty());
    assert_eq!(a.language.code, "en");
    insta::assert_snapshot!("seed_000", a.summary(&text));
}

#[test]
fn seed_003() {
    let text = seed("003_fa70326514a1b195.txt");
    let a = parse(&text);
    assert!(a.header.is_none());
    assert!(a.title.is_none());
    assert!(a.published.date.is_none());
    assert_eq!(a.published.source, PublishedSource::None);
    assert_eq!(a.paragraphs.len(), 6);
    assert!(at(&text, a.paragraphs[5]).ends_with("Korean Central News Agency."));
    assert!(a.boilerplate.is_empty());
    insta::assert_snapshot!("seed_003", a.summary(&text));
}

#[test]
fn seed_004() {
    let text = seed("004_5150d573eb016490.txt");
    let a = parse(&text);
    let h = a.header.as_ref().unwrap();
    assert_eq!(h.date.unwrap().to_string(), "2022-01-01");
    assert_eq!(h.date.unwrap().precision, Precision::Day);
    assert_eq!(h.rest_kind, Some(RestKind::Lead));
    let t = a.title.as_ref().unwrap();
    assert_eq!(
        at(&text, t.span),
        "China ready to work with South Korea for regional peace, stability"
    );
    assert_eq!(t.source, TitleSource::Trailer);
    let related: Vec<&str> = a
        .boilerplate
        .iter()
        .filter(|b| b.kind == BoilerplateKind::RelatedHeadline)
        .map(|b| at(&text, b.span))
        .collect();
    assert_eq!(related.len(), 5);
    assert_eq!(
        related[4],
        "Argentina, China agree to currency swap at G20 summit"
    );
    assert_eq!(a.paragraphs.len(), 13);
    assert!(at(&text, a.paragraphs[0]).starts_with("Chinese President Xi Jinping said on Tuesday"));
    assert!(at(&text, a.paragraphs[12]).ends_with("he said."));
    let p = &a.published;
    assert_eq!(p.date.unwrap().to_string(), "2022-01-01");
    assert_eq!(p.confidence, Confidence::Low);
    assert!(
        p.warnings.iter().any(|w| w.contains("placeholder")),
        "{:?}",
        p.warnings
    );
    assert!(
        p.warnings.iter().any(|w| w.contains("Tuesday")),
        "{:?}",
        p.warnings
    );
    assert!(
        p.warnings.iter().any(|w| w.contains("nearly three years")),
        "{:?}",
        p.warnings
    );
    let (lo, hi) = p.window.unwrap();
    assert!(lo.to_string().as_str() <= "2022-11-15" && "2022-11-15" <= hi.to_string().as_str());
    insta::assert_snapshot!("seed_004", a.summary(&text));
}

#[cfg(feature = "serde")]
#[test]
fn seeds_serialize() {
    for name in [
        "000_6cb1cf4919cbac8a.txt",
        "003_fa70326514a1b195.txt",
        "004_5150d573eb016490.txt",
    ] {
        let text = seed(name);
        let a = parse(&text);
        let json = serde_json::to_string(&a).unwrap();
        let back: dateline_article::Article = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
    }
}
