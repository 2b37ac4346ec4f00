//! Property tests: spans valid on any input, no panic, deterministic.

use proptest::prelude::*;

use crate::check_spans;

/// Pieces dumps are made of, so that random input hits the interesting paths.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" date 2023-09-23 WORLD\n".to_owned()),
        Just(" date 2022-01-01 Chinese President\n".to_owned()),
        Just(" date 2023-02-30 \n".to_owned()),
        Just("China seeks cooperation with South Korea amid tensions\n".to_owned()),
        Just("Xi met Han in Hangzhou. / Photo: Reuters\n".to_owned()),
        Just("Photo: Reuters\n".to_owned()),
        Just("September 23, 2023\n".to_owned()),
        Just("SEOUL, Sept 23 (Reuters) - North Korea fired a missile on Saturday.\n".to_owned()),
        Just("By Jane Doe and John Roe, Reuters\n".to_owned()),
        Just("Reporting by Jane Doe; Editing by John Roe\n".to_owned()),
        Just("Home > National > Politics\n".to_owned()),
        Just("Advertisement\n".to_owned()),
        Just(
            "He said on Tuesday the leaders last met in December 2019, nearly three years ago.\n"
                .to_owned()
        ),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just(" Reuter\n".to_owned()),
        Just("\u{FEFF}\u{a0}\0".to_owned()),
        "[a-zA-Z ,.()\\-—]{0,40}\n",
        "\\PC{0,30}",
        any::<String>(),
    ]
}

fn dump() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_valid_and_parse_is_deterministic(text in dump()) {
        match dateline_article::parse(&text) {
            Ok(a) => {
                check_spans(&text, &a);
                let again = dateline_article::parse(&text).expect("second parse");
                prop_assert_eq!(a, again);
            }
            Err(dateline_article::ArticleError::Binary { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        if let Ok(a) = dateline_article::parse(&text) {
            check_spans(&text, &a);
        }
    }
}
