//! Language identification of the body (whatlang), reported as ISO 639-1 codes.

use crate::model::Language;

/// Bytes of text handed to the detector (enough for a confident guess, bounded cost).
const SAMPLE: usize = 8 * 1024;

/// Detects the language of `sample` (already a bounded excerpt of the body).
pub(crate) fn detect(pieces: &[&str]) -> Language {
    let mut sample = String::with_capacity(SAMPLE);
    for piece in pieces {
        if sample.len() >= SAMPLE {
            break;
        }
        let room = SAMPLE - sample.len();
        let mut cut = piece.len().min(room);
        while !piece.is_char_boundary(cut) {
            cut -= 1;
        }
        sample.push_str(&piece[..cut]);
        sample.push('\n');
    }
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return Language::undetermined();
    }
    match whatlang::detect(&sample) {
        Some(info) => Language {
            code: iso639_1(info.lang().code()).to_owned(),
            confidence: (info.confidence() * 1000.0).round() / 1000.0,
            reliable: info.is_reliable(),
        },
        None => Language::undetermined(),
    }
}

/// ISO 639-3 (whatlang) to ISO 639-1; codes without a two-letter form are returned as is.
fn iso639_1(code3: &'static str) -> &'static str {
    match code3 {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "cym" => "cy",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_korean() {
        let en =
            detect(&["The two leaders met in the eastern Chinese city of Hangzhou on Saturday."]);
        assert_eq!(en.code, "en");
        let ko = detect(&[
            "윤석열 대통령은 15일 인도네시아 발리에서 시진핑 중국 국가주석과 정상회담을 했다.",
        ]);
        assert_eq!(ko.code, "ko");
        assert_eq!(detect(&["", "12"]).code, "und");
    }

    #[test]
    fn sample_is_cut_on_char_boundaries() {
        let long = "한국어 문장입니다. ".repeat(2000);
        assert_eq!(detect(&[&long]).code, "ko");
    }
}
