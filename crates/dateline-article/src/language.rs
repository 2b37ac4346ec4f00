//! Language identification of the body, reported as ISO 639-1 codes.
//!
//! Two steps, cheapest first:
//! 1. An English check: the share of very common English words among the words of the first
//!    [`CHECK`] bytes. [`ENGLISH`] holds function words and the most frequent words of news
//!    prose that are not also common words of other Latin-script languages; [`AMBIGUOUS`]
//!    holds frequent English function words that are ("a", "in", "is", "to", ...) and count
//!    half. English prose scores 0.2-0.5, other languages under 0.1 (Dutch, the closest, about
//!    0.09). A clear English score settles the matter without the statistical detector, and
//!    unlike it works on short text ("The talks were held on Saturday." is English).
//! 2. Otherwise whatlang (trigram models) on a bounded sample of whole sentences
//!    ([`SAMPLE`] bytes). Figure-heavy text (digits over a fifth of the letters and digits:
//!    tables of results) has too little language to tell: "und" when its letters are all
//!    ASCII, otherwise whatlang's verdict, never marked reliable.

use crate::model::Language;

/// Bytes of text handed to whatlang (enough for a confident guess, bounded cost).
const SAMPLE: usize = 4 * 1024;

/// Bytes of text whose words the English check reads.
const CHECK: usize = 4 * 1024;

/// Very common English words that are not also common words of other languages written in
/// the Latin script, sorted (binary search). Lowercase ASCII.
const ENGLISH: &[&str] = &[
    "about",
    "added",
    "after",
    "against",
    "and",
    "are",
    "available",
    "bank",
    "because",
    "been",
    "before",
    "between",
    "billion",
    "but",
    "company",
    "could",
    "country",
    "during",
    "eight",
    "expected",
    "fell",
    "first",
    "five",
    "four",
    "from",
    "government",
    "group",
    "had",
    "has",
    "have",
    "he",
    "higher",
    "his",
    "into",
    "it",
    "its",
    "last",
    "loss",
    "lower",
    "made",
    "many",
    "market",
    "million",
    "minister",
    "month",
    "most",
    "much",
    "net",
    "new",
    "next",
    "nine",
    "not",
    "of",
    "official",
    "officials",
    "oil",
    "only",
    "other",
    "our",
    "out",
    "people",
    "percent",
    "plan",
    "president",
    "price",
    "prices",
    "profit",
    "quarter",
    "rate",
    "rates",
    "rise",
    "rose",
    "said",
    "sales",
    "says",
    "seven",
    "share",
    "shares",
    "she",
    "should",
    "since",
    "six",
    "some",
    "still",
    "such",
    "ten",
    "than",
    "that",
    "the",
    "their",
    "them",
    "there",
    "these",
    "they",
    "this",
    "those",
    "three",
    "today",
    "told",
    "trade",
    "two",
    "up",
    "very",
    "we",
    "week",
    "well",
    "were",
    "what",
    "when",
    "which",
    "while",
    "who",
    "with",
    "world",
    "would",
    "year",
    "years",
    "yesterday",
    "you",
];

/// Frequent English function words that are also frequent words of other languages written
/// in the Latin script ("a" in Romance languages, "in" in German and Italian, "is" in Dutch,
/// "to" in Polish, "for" in Danish); each counts half. Sorted, lowercase ASCII.
const AMBIGUOUS: &[&str] = &[
    "a", "also", "an", "as", "at", "be", "by", "do", "for", "her", "in", "is", "no", "on", "or",
    "over", "so", "to", "was", "will",
];

/// The longest word in [`ENGLISH`] and [`AMBIGUOUS`] (bytes; at most 16, see [`pack`]).
const LONGEST: usize = 10;

/// A word of at most 16 bytes packed big-endian into a `u128`, zero-padded: packed values
/// compare like the words' bytes, so the sorted lists stay sorted once packed.
const fn pack(word: &[u8]) -> u128 {
    let mut v = 0u128;
    let mut i = 0;
    while i < 16 {
        v <<= 8;
        if i < word.len() {
            v |= word[i] as u128;
        }
        i += 1;
    }
    v
}

/// [`pack`] over a list.
const fn pack_all<const N: usize>(words: &[&str]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut i = 0;
    while i < N {
        out[i] = pack(words[i].as_bytes());
        i += 1;
    }
    out
}

/// [`ENGLISH`], packed.
const ENGLISH_PACKED: [u128; ENGLISH.len()] = pack_all(ENGLISH);

/// [`AMBIGUOUS`], packed.
const AMBIGUOUS_PACKED: [u128; AMBIGUOUS.len()] = pack_all(AMBIGUOUS);

/// Slots of [`WORD_TABLE`] (a power of two, about four times the listed words).
const TABLE_SLOTS: usize = 512;

/// The slot where the search for packed word `w` starts (Fibonacci hashing of both halves).
const fn slot(w: u128) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let h = ((w >> 64) as u64) ^ (w as u64);
    #[allow(clippy::cast_possible_truncation)]
    let s = (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_SLOTS.trailing_zeros())) as usize;
    s
}

/// [`ENGLISH_PACKED`] (class 1) and [`AMBIGUOUS_PACKED`] (class 2, unless also English) in an
/// open-addressing table (linear probing; an empty slot holds 0, which no word packs to):
/// one or two probes per word instead of a binary search.
const WORD_TABLE: ([u128; TABLE_SLOTS], [u8; TABLE_SLOTS]) = {
    let mut keys = [0u128; TABLE_SLOTS];
    let mut class = [0u8; TABLE_SLOTS];
    let lists: [&[u128]; 2] = [&ENGLISH_PACKED, &AMBIGUOUS_PACKED];
    let mut l = 0;
    while l < 2 {
        let list = lists[l];
        let mut i = 0;
        while i < list.len() {
            let w = list[i];
            let mut s = slot(w);
            while keys[s] != 0 && keys[s] != w {
                s = (s + 1) % TABLE_SLOTS;
            }
            if keys[s] == 0 {
                keys[s] = w;
                #[allow(clippy::cast_possible_truncation)]
                let c = l as u8 + 1;
                class[s] = c;
            }
            i += 1;
        }
        l += 1;
    }
    (keys, class)
};

/// The class of packed word `w` in [`WORD_TABLE`]: 1 English, 2 ambiguous, 0 neither.
fn word_class(w: u128) -> u8 {
    let (keys, class) = &WORD_TABLE;
    let mut s = slot(w);
    // The table is at most a third full, so an empty slot ends every search.
    for _ in 0..TABLE_SLOTS {
        match keys[s] {
            0 => return 0,
            k if k == w => return class[s],
            _ => s = (s + 1) % TABLE_SLOTS,
        }
    }
    0
}

/// Word counts of the English check.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    /// Words (runs of letters, with internal apostrophes).
    words: usize,
    /// Words found in [`ENGLISH`].
    hits: usize,
    /// Words found in [`AMBIGUOUS`].
    weak_hits: usize,
    /// Letters, and letters outside ASCII.
    letters: usize,
    non_ascii_letters: usize,
    /// ASCII digits.
    digits: usize,
}

impl Counts {
    /// Reads the words of `pieces` up to about [`CHECK`] bytes (the word crossing the limit is
    /// read whole).
    fn of(pieces: &[&str]) -> Counts {
        let mut counts = Counts::default();
        let mut seen = 0usize;
        for piece in pieces {
            if seen >= CHECK {
                break;
            }
            seen += counts.read(piece, CHECK - seen) + 1;
        }
        counts
    }

    /// Reads `text` until `budget` bytes are consumed and a word ends; returns the bytes read.
    fn read(&mut self, text: &str, budget: usize) -> usize {
        // The current word's first 16 bytes, lowercased (packed by `u128::from_be_bytes`
        // into the form of [`pack`] when the word ends).
        let mut word = [0u8; 16];
        let mut len = 0usize; // bytes of the current word (may exceed LONGEST)
        let mut ascii_word = true;
        let mut in_word = false;
        let mut prev_apostrophe = false;
        let bytes = text.as_bytes();
        let mut next = 0usize;
        while next < bytes.len() {
            let i = next;
            if bytes[i].is_ascii_alphabetic() {
                // A run of ASCII letters, as the character steps below would read it.
                let mut j = i;
                while let Some(&b) = bytes.get(j).filter(|b| b.is_ascii_alphabetic()) {
                    if let Some(slot) = word.get_mut(len) {
                        *slot = b.to_ascii_lowercase();
                    }
                    len += 1;
                    j += 1;
                }
                let run = j - i;
                self.letters += run;
                in_word = true;
                prev_apostrophe = false;
                next = i + run;
                continue;
            }
            // ASCII without a UTF-8 decode; `char_indices` order otherwise.
            let c = match bytes[i] {
                b @ 0..=0x7f => char::from(b),
                _ => match text.get(i..).and_then(|rest| rest.chars().next()) {
                    Some(c) => c,
                    None => break,
                },
            };
            next = i + c.len_utf8();
            if c.is_alphabetic() {
                self.letters += 1;
                if !c.is_ascii() {
                    self.non_ascii_letters += 1;
                    ascii_word = false;
                } else if let Some(slot) = word.get_mut(len) {
                    *slot = c.to_ascii_lowercase() as u8;
                }
                len += c.len_utf8();
                in_word = true;
                prev_apostrophe = false;
                continue;
            }
            if in_word && !prev_apostrophe && matches!(c, '\'' | '’') {
                // "don't", "it's": the apostrophe stays inside the word.
                prev_apostrophe = true;
                len += c.len_utf8();
                ascii_word = false;
                continue;
            }
            if in_word {
                self.end_word(u128::from_be_bytes(word), len, ascii_word);
            }
            if i >= budget {
                return i;
            }
            if c.is_ascii_digit() {
                self.digits += 1;
            }
            in_word = false;
            prev_apostrophe = false;
            ascii_word = true;
            len = 0;
            word = [0; 16];
        }
        if in_word {
            self.end_word(u128::from_be_bytes(word), len, ascii_word);
        }
        text.len()
    }

    /// Counts a word (`word` packed as by [`pack`], `len` bytes, `ascii` when all ASCII
    /// letters).
    fn end_word(&mut self, word: u128, len: usize, ascii: bool) {
        self.words += 1;
        if ascii && len <= LONGEST {
            match word_class(word) {
                1 => self.hits += 1,
                2 => self.weak_hits += 1,
                _ => {}
            }
        }
    }

    /// Listed words, [`AMBIGUOUS`] ones counting half.
    fn score(&self) -> f64 {
        self.hits as f64 + self.weak_hits as f64 / 2.0
    }

    /// The share of listed words among all words (see [`Counts::score`]).
    fn ratio(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.score() / self.words as f64
        }
    }

    /// True when the words are clearly English: at least three words, one from [`ENGLISH`]
    /// and a score of at least two, a share of at least 20% (30% under ten words), and at
    /// most a tenth of the letters outside ASCII.
    fn clearly_english(&self) -> bool {
        let needed = if self.words >= 10 { 0.2 } else { 0.3 };
        self.words >= 3
            && self.hits >= 1
            && self.score() >= 2.0
            && self.ratio() >= needed
            && self.non_ascii_letters * 10 <= self.letters
    }

    /// True when digits make more than a fifth of the letters and digits.
    fn figure_heavy(&self) -> bool {
        self.digits * 4 > self.letters
    }
}

/// Detects the language of the body `pieces` (paragraphs, or title and standfirst).
pub(crate) fn detect(pieces: &[&str]) -> Language {
    let counts = Counts::of(pieces);
    if counts.letters < 3 {
        return Language::undetermined();
    }
    if counts.clearly_english() {
        return Language {
            code: "en".to_owned(),
            // 25% of listed words (typical prose) or more scores 1.0.
            confidence: ((counts.ratio() / 0.25).min(1.0) * 1000.0).round() / 1000.0,
            reliable: counts.words >= 10,
        };
    }
    if counts.figure_heavy() && counts.non_ascii_letters == 0 {
        // A table of figures with ASCII abbreviations ("Shr 30 cts vs 36 cts"): too little
        // language to tell, and whatlang's verdict on it would be noise.
        return Language::undetermined();
    }
    let sample = sample(pieces);
    match whatlang::detect(&sample) {
        Some(info) => Language {
            code: iso639_1(info.lang().code()).to_owned(),
            confidence: (info.confidence() * 1000.0).round() / 1000.0,
            reliable: info.is_reliable() && !counts.figure_heavy(),
        },
        None => Language::undetermined(),
    }
}

/// Up to [`SAMPLE`] bytes of `pieces`, one per line, the last piece cut after a sentence end
/// (or, failing that, at a space) so that the detector sees whole sentences.
fn sample(pieces: &[&str]) -> String {
    let mut sample = String::with_capacity(SAMPLE.min(pieces.iter().map(|p| p.len() + 1).sum()));
    for piece in pieces {
        let room = SAMPLE.saturating_sub(sample.len());
        if room == 0 {
            break;
        }
        if piece.len() <= room {
            sample.push_str(piece);
            sample.push('\n');
            continue;
        }
        sample.push_str(cut(piece, room));
        break;
    }
    sample
}

/// The longest prefix of `s` of at most `max` bytes that ends a sentence (". ", "! ", "? ",
/// "。"), else ends before a space, else ends on a char boundary.
fn cut(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let head = &s[..end];
    let sentence = head
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
                && s[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .map_or(true, |n| n.is_whitespace() || !c.is_ascii())
        })
        .map(|(i, c)| i + c.len_utf8());
    if let Some(e) = sentence {
        return &s[..e];
    }
    match head.rfind(char::is_whitespace) {
        Some(e) if e > 0 => &s[..e],
        _ => head,
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
    fn the_word_table_agrees_with_the_sorted_lists() {
        assert!(ENGLISH_PACKED.len() + AMBIGUOUS_PACKED.len() <= TABLE_SLOTS / 3);
        let expected = |w: u128| {
            if ENGLISH_PACKED.binary_search(&w).is_ok() {
                1
            } else if AMBIGUOUS_PACKED.binary_search(&w).is_ok() {
                2
            } else {
                0
            }
        };
        for w in ENGLISH.iter().chain(AMBIGUOUS) {
            let p = pack(w.as_bytes());
            assert_eq!(word_class(p), expected(p), "{w}");
            assert_ne!(word_class(p), 0, "{w}");
        }
        for w in [
            "",
            "x",
            "thee",
            "tho",
            "zzzzzzzzzz",
            "wills",
            "alsoo",
            "sai",
            "ab",
        ] {
            let p = pack(w.as_bytes());
            assert_eq!(word_class(p), expected(p), "{w}");
        }
    }

    /// News-style snippets written for these tests (not corpus text), with whatlang's code.
    const NOT_ENGLISH: &[(&str, &str)] = &[
        ("de", "Der Bundestag hat am Donnerstag nach langer Debatte ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. Die Opposition kritisierte, dass die Regierung die Kosten für die Verbraucher nicht ausreichend berücksichtigt habe. Was die Länder dazu sagen, ist noch offen, aber in Berlin rechnet man mit einer Einigung bis zum Sommer."),
        ("fr", "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse. Selon le ministre, les aides seront versées avant la fin du mois, mais les syndicats estiment que ces montants restent insuffisants. On attend une nouvelle réunion à Paris la semaine prochaine."),
        ("es", "El presidente del Gobierno se reunió el lunes con los líderes de la oposición para hablar de la reforma de las pensiones. Según fuentes del ministerio, el acuerdo podría firmarse antes del verano, aunque los sindicatos piden más tiempo para estudiar la propuesta."),
        ("it", "Il consiglio comunale di Milano ha approvato ieri sera il nuovo piano per il traffico, che prevede più piste ciclabili e meno parcheggi in centro. Secondo il sindaco, le prime modifiche entreranno in vigore a partire dal mese prossimo, ma i commercianti hanno già annunciato una protesta."),
        ("pt", "O governo brasileiro anunciou nesta quarta-feira um pacote de investimentos em infraestrutura para as regiões do Norte e do Nordeste. De acordo com o ministro, as obras devem começar no segundo semestre e vão gerar milhares de empregos, mas economistas questionam a origem dos recursos."),
        ("nl", "Het kabinet heeft dinsdag besloten om de belasting op arbeid volgend jaar te verlagen. Volgens de minister van Financiën is er genoeg ruimte in de begroting, maar de oppositie vindt dat het geld beter naar de zorg kan gaan. Of het plan een meerderheid krijgt in de Eerste Kamer is nog niet duidelijk."),
        ("sv", "Regeringen presenterade på måndagen ett förslag om att sänka skatten för pensionärer under nästa år. Enligt finansministern finns det utrymme i budgeten, men oppositionen menar att pengarna borde gå till skolan och vården i stället."),
        ("da", "Regeringen har i dag fremlagt et forslag om at hæve pensionsalderen, og det har fået fagforeningerne til at reagere kraftigt. Ifølge ministeren er der brug for flere hænder på arbejdsmarkedet, men oppositionen mener, at forslaget rammer de mest nedslidte for hårdt."),
        ("id", "Pemerintah Indonesia akan membangun jalan tol baru di Pulau Sumatra untuk mempercepat distribusi barang antarprovinsi. Menurut menteri pekerjaan umum, proyek ini ditargetkan selesai dalam tiga tahun dan akan menyerap ribuan tenaga kerja dari daerah sekitar."),
        ("pl", "Rząd przyjął we wtorek projekt ustawy o podwyżce płacy minimalnej od przyszłego roku. Według ministra pracy to ważny krok dla milionów pracowników, ale przedsiębiorcy ostrzegają, że wyższe koszty mogą doprowadzić do zwolnień w małych firmach."),
        ("tr", "Hükümet, enflasyonla mücadele kapsamında yeni bir ekonomik paket açıkladı. Bakanın açıklamasına göre, paket kapsamında vergi indirimleri ve düşük gelirli ailelere doğrudan destek verilecek, ancak muhalefet partileri önlemlerin yetersiz kaldığını savunuyor."),
        ("ro", "Guvernul a aprobat miercuri un nou program de sprijin pentru fermierii afectați de secetă. Potrivit ministrului agriculturii, banii vor fi virați până la sfârșitul lunii, însă asociațiile de producători spun că sumele sunt prea mici."),
        ("tl", "Inanunsyo ng pamahalaan noong Lunes ang bagong programa para sa mga magsasaka na naapektuhan ng bagyo. Ayon sa kalihim, magbibigay sila ng tulong pinansyal at mga binhi bago magsimula ang susunod na panahon ng pagtatanim."),
        ("ru", "Правительство объявило в понедельник о новых мерах поддержки малого бизнеса. По словам министра, кредиты будут выдаваться под низкий процент, а налоговые проверки приостановят до конца года."),
        ("ko", "정부는 월요일 소상공인을 위한 새로운 지원 대책을 발표했다. 장관은 저금리 대출을 확대하고 연말까지 세무 조사를 유예하겠다고 밝혔다."),
    ];

    #[test]
    fn word_lists_are_sorted_lowercase_disjoint_and_bounded() {
        for list in [ENGLISH, AMBIGUOUS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
            assert!(list
                .iter()
                .all(|w| w.len() <= LONGEST && w.bytes().all(|b| b.is_ascii_lowercase())));
        }
        assert!(!ENGLISH.iter().any(|w| AMBIGUOUS.contains(w)));
        for packed in [&ENGLISH_PACKED[..], &AMBIGUOUS_PACKED[..]] {
            assert!(packed.windows(2).all(|w| w[0] < w[1]));
        }
        assert_eq!(
            pack(b"the"),
            u128::from_be_bytes(*b"the\0\0\0\0\0\0\0\0\0\0\0\0\0")
        );
        let mut counts = Counts::default();
        counts.read("The THE tHe thee th government governments", usize::MAX);
        assert_eq!((counts.words, counts.hits), (7, 4));
    }

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
    fn other_languages_are_not_english_and_reliable() {
        for (code, text) in NOT_ENGLISH {
            let counts = Counts::of(&[text]);
            assert!(!counts.clearly_english(), "{code}: {counts:?}");
            assert!(counts.ratio() < 0.1, "{code}: {counts:?}");
            let lang = detect(&[text]);
            assert_eq!(lang.code, *code, "{text}");
            assert!(lang.reliable, "{code}: {lang:?}");
        }
    }

    #[test]
    fn a_quoted_english_sentence_does_not_make_a_text_english() {
        let text = "El ministro dijo en Londres que \"we will work with the government\", pero los sindicatos rechazaron la propuesta y convocaron una huelga general para el próximo mes en todo el país.";
        assert!(!Counts::of(&[text]).clearly_english());
        assert_eq!(detect(&[text]).code, "es");
    }

    #[test]
    fn short_english_is_english() {
        for text in [
            "The talks were held on Saturday.",
            "Ad sales boost Time Warner profit",
            "He said it would not happen.",
            "Shares fell 3% after the results.",
            "Oil prices rose on Monday",
            "Vitronics Corp said it plans to build a plant in Plymouth, England, to serve European customers.",
        ] {
            let lang = detect(&[text]);
            assert_eq!(lang.code, "en", "{text}");
            assert_eq!(lang.reliable, Counts::of(&[text]).words >= 10, "{text}");
        }
        let long = detect(&["The two leaders met on Saturday and said they would work together on trade and security."]);
        assert!(long.reliable && long.confidence > 0.9, "{long:?}");
    }

    #[test]
    fn english_pieces_are_read_up_to_the_budget() {
        let para = "The company said its profit rose in the first quarter. ";
        let pieces = vec![para; 500];
        let counts = Counts::of(&pieces);
        assert!(counts.clearly_english());
        // About CHECK bytes of words, not all 500 pieces.
        assert!(counts.words < 2 * CHECK / 5, "{counts:?}");
        let one = para.repeat(500);
        assert!(Counts::of(&[&one]).words < 2 * CHECK / 5);
    }

    #[test]
    fn figures_are_never_a_reliable_foreign_language() {
        let table = "Shr 30 cts vs 36 cts\n Rev 1,914,388 vs 1,906,095\n Avg shrs 6,342,353 vs 5,342,353\n Shr 47 cts vs 53 cts\n Rev 2,961,718 vs 2,817,439";
        assert!(Counts::of(&[table]).figure_heavy());
        assert_eq!(detect(&[table]), Language::undetermined());
        let cyrillic = "Выручка 1,914,388 против 1,906,095; прибыль 2,961,718 против 2,817,439";
        assert!(Counts::of(&[cyrillic]).figure_heavy());
        let lang = detect(&[cyrillic]);
        assert!(lang.code == "ru" && !lang.reliable, "{lang:?}");
        assert!(!Counts::of(&[NOT_ENGLISH[0].1]).figure_heavy());
    }

    #[test]
    fn sample_is_whole_sentences_within_the_bound() {
        let text = "Erste Satz hier. Zweiter Satz dort! Dritter Satz";
        assert_eq!(cut(text, 40), "Erste Satz hier. Zweiter Satz dort!");
        assert_eq!(cut(text, 12), "Erste Satz");
        assert_eq!(cut("Einwortohnepause", 5), "Einwo");
        assert_eq!(cut("日本語の文。次の文", 20), "日本語の文。");
        assert_eq!(cut("한국어", 4), "한");
        let long = "Un deux trois. ".repeat(1000);
        let s = sample(&[&long, "suite"]);
        assert!(s.len() <= SAMPLE && s.ends_with('.'), "{}", s.len());
    }

    #[test]
    fn sample_is_cut_on_char_boundaries() {
        let long = "한국어 문장입니다. ".repeat(2000);
        assert_eq!(detect(&[&long]).code, "ko");
    }
}
