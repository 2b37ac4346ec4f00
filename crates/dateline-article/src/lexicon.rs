//! Static patterns and word lists: header lines, captions and credits, bylines, chrome,
//! breadcrumbs, sign-offs, wire datelines, title prefixes and the shape tests for headlines.
//!
//! Every function here looks at one line (already trimmed) and returns byte ranges relative
//! to that line; the caller shifts them into the document. Patterns are compiled once.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;

fn re(pattern: &str) -> Regex {
    // Static patterns only; every one is compiled by the `patterns_compile` test.
    Regex::new(pattern).expect("static pattern compiles (checked by the patterns_compile test)")
}

/// `date YYYY-MM-DD rest` / `date YYYY-MM rest`.
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:date)\s*:?[ \t\u{a0}]+(\d{4}-\d{1,2}(?:-\d{1,2})?)(?:$|[ \t\u{a0}]+(.*?)[ \t\u{a0}]*$)",
    )
});

/// What the header regex found, relative to the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeaderMatch {
    pub(crate) date: Range<usize>,
    pub(crate) rest: Option<Range<usize>>,
}

pub(crate) fn header(line: &str) -> Option<HeaderMatch> {
    let caps = HEADER.captures(line)?;
    let date = caps.get(1)?.range();
    let rest = caps.get(2).map(|m| m.range()).filter(|r| !r.is_empty());
    Some(HeaderMatch { date, rest })
}

// ---------------------------------------------------------------- captions and credits

/// Agencies and photo desks that credit photos in parentheses: "(Yonhap)".
const PHOTO_AGENCIES: &str = r"Yonhap|Yonhap News|Xinhua|Kyodo|EPA|EPA-EFE|Newsis|News1|KCNA|KCNA via KNS|Getty Images|AFP via Getty Images|Shutterstock|Pool|Pool Photo|Anadolu|Anadolu Agency|Bloomberg|Korea Times|The Korea Herald|Korea Herald|JoongAng Ilbo|Joint Press Corps|Presidential Office|Cheong Wa Dae|Ministry of [\p{L} ]{3,30}|[\p{L}\-. ]{1,25}/[\p{L}\-. ]{1,40}";

/// Whether the parenthesized `credit` at a line's end ("(Yonhap)") could match
/// [`PHOTO_AGENCIES`]: one of its literal names, "Ministry of ...", or a name with a slash.
fn agency_credit_possible(credit: &str) -> bool {
    credit.starts_with("Ministry of ")
        || credit.contains('/')
        || PHOTO_AGENCIES
            .split('|')
            .any(|alt| alt == credit && !alt.contains(['[', '\\']))
}

/// What a line must hold for a caption pattern to have a chance: checked with plain byte
/// searches before the regex runs (most lines fail every gate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    /// The line's last `/` or `|` lies in the searched part and a marker word ([`MARKERS`], any
    /// ASCII case) follows it after optional whitespace: every match of the "... / Photo: X"
    /// pattern holds that separator and marker (its credit cannot contain `/` or `|`).
    SlashMarker,
    /// A marker word ([`MARKERS`], any ASCII case; "photograph" too) in the searched part,
    /// followed by an optional `s`, optional whitespace and "by" (any case), `:` or `©`: every
    /// match of the "Photo: X" / "Photo by X" patterns holds one.
    MarkerCue,
    /// The match opens at the line's last `(` (nothing between it and the closing `)` at the
    /// end may be a parenthesis) and one of these words (any ASCII case) follows it.
    ParenWith(&'static [&'static str]),
    /// The match opens at the line's last `(` and the text in the parentheses may be a
    /// [`PHOTO_AGENCIES`] name ([`agency_credit_possible`]).
    ParenAgency,
    /// The match opens at the line's last `[` (likewise).
    Bracket,
    /// The match opens at the line's last `[` and one of these words (any ASCII case) follows.
    BracketWith(&'static [&'static str]),
    /// One of [`AGENCY_MARKERS`] (case-sensitive, as in the pattern) in the searched part.
    Agency,
}

/// Words one of which (in any ASCII case) every [`Gate::SlashMarker`] and [`Gate::MarkerCue`]
/// pattern match contains. None holds an `s` or a `k`, so the patterns' Unicode case folding
/// (which also folds 'ſ' and the Kelvin sign) finds nothing that an ASCII test misses.
const MARKERS: [&str; 4] = ["photo", "picture", "image", "credit"];

/// Strings one of which every [`Gate::Agency`] pattern match contains.
const AGENCY_MARKERS: [&str; 4] = ["Getty Images", "Shutterstock", "Reuters/", "AP Photo/"];

/// The caption patterns, each compiled on first use (a pattern whose gate never passes is
/// never compiled; the Unicode classes make some of them slow to build).
static CAPTION_PATTERNS: [(LazyLock<Regex>, Gate); 9] = [
    // "... / Photo: Reuters", "| Image by X"
    (
        LazyLock::new(|| {
            re(
                r"\s*[/|]\s*(?i:photo|photograph|picture|image|credit)s?\s*(?i:by)?\s*[:©]?\s*(?P<credit>[^/|]{1,60}?)\s*$",
            )
        }),
        Gate::SlashMarker,
    ),
    // "Photo : YONHAP News", "Photo by John Smith", "Image: Getty Images" (line start or after a sentence)
    (
        LazyLock::new(|| {
            re(
                r"(?:^|[.!?”\x22’]\s+|\s[-–—]\s+)(?i:photo|photograph|picture|image|credit)s?\s*(?:(?i:by)\s+|\s*[:©]\s*)(?P<credit>[\p{L}\p{N}][^:]{0,59}?)\s*$",
            )
        }),
        Gate::MarkerCue,
    ),
    // "Officials at the meeting Photo : YONHAP News" (capitalized marker after a plain space)
    (
        LazyLock::new(|| {
            re(
                r"\s(?:Photo|PHOTO|Photograph|Picture|Image|Credit|Photos)\s*[:©]\s*(?P<credit>[\p{L}\p{N}][^:]{0,59}?)\s*$",
            )
        }),
        Gate::MarkerCue,
    ),
    // "(AP Photo/Name)", "(Yonhap file photo)", "(Pool photo)"
    (
        LazyLock::new(|| {
            re(r"\((?P<credit>[^()]{0,40}\b(?i:photo|photos|pool)\b[^()]{0,60})\)\s*$")
        }),
        Gate::ParenWith(&["photo", "pool"]),
    ),
    // "(credit: Chopper 11)", "(Image credit: NASA)", "(Courtesy of the family)"
    (
        LazyLock::new(|| {
            re(
                r"\((?P<credit>(?i:(?:photo|image|picture|video)\s+)?(?:credit\s*:|courtesy\b)[^()]{1,60})\)\s*$",
            )
        }),
        Gate::ParenWith(&["credit", "courtesy"]),
    ),
    // "(Yonhap)", "(EPA-EFE/Name)"
    (
        LazyLock::new(|| re(&format!(r"\((?P<credit>(?:{PHOTO_AGENCIES}))\)\s*$"))),
        Gate::ParenAgency,
    ),
    // "[JOINT PRESS CORPS]", "[YONHAP]"
    (
        LazyLock::new(|| re(r"\[(?P<credit>\p{Lu}[\p{Lu}\p{N} .,'&/\-]{1,40})\]\s*$")),
        Gate::Bracket,
    ),
    // "[Photo by Yonhap]", "[Yonhap News]"
    (
        LazyLock::new(|| {
            re(
                r"\[(?P<credit>[^\[\]]{0,40}(?i:photo|yonhap|news|press|getty|pool)[^\[\]]{0,40})\]\s*$",
            )
        }),
        Gate::BracketWith(&["photo", "yonhap", "news", "press", "getty", "pool"]),
    ),
    // "... in Seoul. Getty Images", "AFP via Getty Images"
    (
        LazyLock::new(|| {
            re(
                r"(?:^|[.!?”\x22’]\s+|\s[-–—|/]\s*)(?P<credit>(?:[\p{L}. ]{1,30}/)?(?:AFP via |Reuters via )?Getty Images(?: for [\p{L} ]{1,30})?|Shutterstock|Reuters/[\p{L} .]{2,30}|AP Photo/[\p{L} .]{2,30})\s*$",
            )
        }),
        Gate::Agency,
    ),
];

/// A caption credit match, relative to the line: `text` is the caption text before the
/// credit marker (may be empty for a bare credit line), `credit` the credit itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CaptionMatch {
    pub(crate) text: Range<usize>,
    pub(crate) credit: Range<usize>,
}

/// Words of which one must occur (case-insensitively) in the last 120 bytes of a caption line.
const CAPTION_HINTS: [&str; 7] = [
    "photo",
    "image",
    "picture",
    "credit",
    "getty",
    "shutterstock",
    "reuters/",
];

/// [`CAPTION_HINTS`] in any ASCII case, searched in one pass.
static CAPTION_HINTS_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .build(CAPTION_HINTS)
        .expect("static word list builds (checked by the patterns_compile test)")
});

/// Bytes from the end of a line that the caption patterns need to see: every pattern ends at
/// the end of the line and its bounded parts span at most ~520 bytes (each char counted as 4
/// bytes) plus at most six whitespace runs, so with no whitespace run longer than
/// [`CAPTION_MAX_WS_RUN`] in the tail, no match can start before the tail.
const CAPTION_TAIL: usize = 640;

/// The longest whitespace run (bytes) allowed in the tail for the tail-only search.
const CAPTION_MAX_WS_RUN: usize = 16;

/// Where the caption patterns may start matching in `line`: the start of its last
/// [`CAPTION_TAIL`] bytes, or 0 when the line is short or the tail holds a long whitespace run
/// (then the bound above does not hold and the whole line is searched). Searching from here
/// with `captures_at` gives the same leftmost match as searching the whole line, because no
/// match can start earlier, and `captures_at` keeps `^` and `\b` context.
fn caption_search_start(line: &str) -> usize {
    if line.len() <= CAPTION_TAIL {
        return 0;
    }
    let mut start = line.len() - CAPTION_TAIL;
    while !line.is_char_boundary(start) {
        start -= 1;
    }
    let mut run = 0;
    for c in line[start..].chars() {
        if c.is_whitespace() {
            run += c.len_utf8();
            if run > CAPTION_MAX_WS_RUN {
                return 0;
            }
        } else {
            run = 0;
        }
    }
    start
}

/// Whether the line's last 120 bytes (lowercased) contain one of [`CAPTION_HINTS`], without
/// allocating when that tail is ASCII.
fn caption_hinted(line: &str) -> bool {
    let mut start = line.len().saturating_sub(120);
    while !line.is_char_boundary(start) {
        start -= 1;
    }
    let tail = &line.as_bytes()[start..];
    if tail.is_ascii() {
        CAPTION_HINTS_AC.is_match(tail)
    } else {
        let tail = tail_lower(line, 120);
        CAPTION_HINTS.iter().any(|w| tail.contains(w))
    }
}

pub(crate) fn caption(line: &str) -> Option<CaptionMatch> {
    // Cheap pre-filter: a credit sits at the end of the line.
    let hinted = line.ends_with([')', ']']) || caption_hinted(line);
    if !hinted || word_count_capped(line, 91) > 90 {
        return None;
    }
    caption_from(line, caption_search_start(line))
}

/// The caption match, searching the patterns from byte `from` of `line` (see
/// [`caption_search_start`]).
fn caption_from(line: &str, from: usize) -> Option<CaptionMatch> {
    caption_gated(line, from, true)
}

/// [`caption_from`], with the [`Gate`] checks on or (for tests) off; both give the same.
fn caption_gated(line: &str, from: usize, gates: bool) -> Option<CaptionMatch> {
    let region = line.as_bytes().get(from..).unwrap_or_default();
    let slash_marker = slash_marker(line, from);
    let marker_cue = marker_cue(line.get(from..).unwrap_or(""));
    let agency = AGENCY_MARKERS
        .iter()
        .any(|m| memchr::memmem::find(region, m.as_bytes()).is_some());
    let paren = line.rfind('(').filter(|&p| p >= from);
    let bracket = line.rfind('[').filter(|&p| p >= from);
    // The words test is exact only on ASCII: (?i) also folds 'ſ' to 's' and 'K' to 'k'.
    let with = |open: Option<usize>, words: &[&str]| {
        open.filter(|&p| {
            let after = &line.as_bytes()[p..];
            !after.is_ascii() || words.iter().any(|w| contains_ignore_ascii_case(after, w))
        })
    };
    for (pattern, gate) in &CAPTION_PATTERNS {
        // Where a match may start; `None` when the gate shows there is none.
        let start = match *gate {
            _ if !gates => Some(from),
            Gate::SlashMarker => slash_marker.then_some(from),
            Gate::MarkerCue => marker_cue.then_some(from),
            Gate::Agency => agency.then_some(from),
            Gate::ParenWith(words) => with(paren, words),
            Gate::ParenAgency => paren.filter(|&p| {
                line[p + 1..]
                    .trim_end()
                    .strip_suffix(')')
                    .is_some_and(agency_credit_possible)
            }),
            Gate::Bracket => bracket,
            Gate::BracketWith(words) => with(bracket, words),
        };
        let Some(caps) = start.and_then(|start| pattern.captures_at(line, start)) else {
            continue;
        };
        let (Some(whole), Some(credit)) = (caps.get(0), caps.name("credit")) else {
            continue;
        };
        let credit_text = credit.as_str().trim();
        if credit_text.is_empty() || word_count(credit_text) > 8 {
            continue;
        }
        let credit_start =
            credit.start() + (credit.as_str().len() - credit.as_str().trim_start().len());
        let credit = credit_start..credit_start + credit_text.len();
        // Caption text: before the marker, without a dangling separator.
        let before = line.get(..whole.start()).unwrap_or("");
        let kept = before.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '/' | '|' | '-' | '–' | '—')
        });
        let start = kept.len() - kept.trim_start().len();
        let mut end = kept.len();
        // Keep sentence-final punctuation that the marker pattern consumed ("... Bali. Getty Images").
        let first = whole.as_str().chars().next();
        if matches!(first, Some('.' | '!' | '?' | '”' | '"' | '’')) {
            end = end.max(whole.start() + first.map_or(0, char::len_utf8));
        }
        let text = start..end.max(start);
        // A bare credit ("Photo: Reuters") is fine; a "caption" of one word is not a caption.
        let text_words = word_count(line.get(text.clone()).unwrap_or(""));
        if text_words == 1 {
            continue;
        }
        return Some(CaptionMatch { text, credit });
    }
    None
}

/// [`Gate::SlashMarker`]: the last `/` or `|` of `line` is at or after `from` and a marker word
/// follows it after whitespace (or a character outside ASCII does, to stay exact).
fn slash_marker(line: &str, from: usize) -> bool {
    let bytes = line.as_bytes();
    let Some(p) = memchr::memrchr2(b'/', b'|', bytes).filter(|&p| p >= from) else {
        return false;
    };
    let after = line.get(p + 1..).unwrap_or("").trim_start();
    let head = after.as_bytes();
    !head.get(..10).unwrap_or(head).is_ascii()
        || MARKERS
            .iter()
            .any(|m| starts_with_ignore_ascii_case(head, m))
}

/// [`Gate::MarkerCue`]: a marker word in `region` followed by an optional "graph", an optional
/// `s`, whitespace and then "by", `:` or `©`.
fn marker_cue(text: &str) -> bool {
    let region = text.as_bytes();
    // Each whitespace run is trimmed for at most the marker just before it: linear.
    let cue_at = |j: usize| {
        let mut k = j;
        if region.get(k) == Some(&b's') {
            k += 1;
        }
        let rest = text.get(k..).unwrap_or("").trim_start();
        let r = rest.as_bytes();
        starts_with_ignore_ascii_case(r, "by") || r.first() == Some(&b':') || rest.starts_with('©')
    };
    MARKERS.iter().any(|m| {
        let m = m.as_bytes();
        memchr::memchr2_iter(m[0], m[0].to_ascii_uppercase(), region).any(|i| {
            let j = i + m.len();
            region.get(i..j).is_some_and(|w| w.eq_ignore_ascii_case(m))
                && (cue_at(j)
                    || (m == b"photo"
                        && region
                            .get(j..j + 5)
                            .is_some_and(|g| g.eq_ignore_ascii_case(b"graph"))
                        && cue_at(j + 5)))
        })
    })
}

/// True when `hay` starts with `word` (lowercase ASCII) in any ASCII case.
fn starts_with_ignore_ascii_case(hay: &[u8], word: &str) -> bool {
    hay.get(..word.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(word.as_bytes()))
}

/// The last `n` bytes (or a little more, to a char boundary) of `s`, lowercased.
fn tail_lower(s: &str, n: usize) -> String {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    s[start..].to_lowercase()
}

/// The first word (letters and digits), without leading `*`, `(`, `[` or spaces.
fn first_word(s: &str) -> &str {
    s.trim_start_matches(['*', '(', '[', ' '])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// True when `word`, lowercased, is one of `choices` (lowercase ASCII); allocates only for a
/// word outside ASCII.
fn word_in(word: &str, choices: &[&str]) -> bool {
    if word.is_ascii() {
        choices.iter().any(|c| word.eq_ignore_ascii_case(c))
    } else {
        let lower = word.to_lowercase();
        choices.contains(&lower.as_str())
    }
}

/// True when `hay` contains `needle` (lowercase ASCII) in any ASCII case; other bytes must
/// match exactly.
pub(crate) fn contains_ignore_ascii_case(hay: &[u8], needle: &str) -> bool {
    let needle = needle.as_bytes();
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).any(|i| {
        hay.get(i + 1..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    })
}

// ---------------------------------------------------------------- bylines and credits

static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:by|written by|words by|story by)\s*:?\s+(?P<names>\S.*)$"));

static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[*(\[]?\s*(?i:(?:additional\s+)?reporting|writing|written|editing|edited|compiled|reported|research|graphics|translated|translation|produced|contributing)\s+(?i:by)\b",
    )
});

static CREDIT_PART: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:(?P<role>(?:additional\s+)?reporting|writing|written|editing|edited|compiled|reported|research|graphics|translated|translation|produced|contributing)\s+by)\s+(?P<names>[^;]+)",
    )
});

/// Words that name an agency or a role rather than a person in a byline.
const NOT_A_NAME: &[&str] = &[
    "reuters",
    "reuter",
    "ap",
    "associated press",
    "the associated press",
    "afp",
    "agence france-presse",
    "yonhap",
    "yonhap news",
    "yonhap news agency",
    "xinhua",
    "bloomberg",
    "cnn",
    "bbc",
    "bbc news",
    "staff",
    "staff writer",
    "staff reporter",
    "staff writers",
    "correspondent",
    "reporter",
    "editor",
    "agencies",
    "the korea herald",
    "the korea times",
    "korea joongang daily",
    "dpa",
    "upi",
    "efe",
    "kyodo",
    "kyodo news",
    "ians",
    "pti",
    "ani",
    "news agencies",
    "wire services",
    "newsroom",
];

/// Name particles that may be lowercase inside a name.
pub(crate) const PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "der", "den", "bin", "al", "el", "le", "la", "del", "du", "di",
    "dos", "das", "y", "ibn", "ter",
];

/// The person names in a byline ("By Jane Doe and John Roe, Reuters"), relative to the line.
/// `None` when the line is not a byline.
pub(crate) fn byline(line: &str) -> Option<Vec<Range<usize>>> {
    if !word_in(first_word(line), &["by", "written", "words", "story"]) || word_count(line) > 16 {
        return None;
    }
    let caps = BYLINE.captures(line)?;
    let names = caps.name("names")?;
    // Drop "| Published ..." or " - Sept 23" tails: names end at the first '|'.
    let end = names
        .as_str()
        .find(['|', '\u{2022}'])
        .unwrap_or(names.as_str().len());
    let found = split_names(line, names.start(), names.start() + end);
    // "By contrast, West Germany ..." is a sentence: the byline must open with a name.
    let opens_with_name = found.first().is_some_and(|r| r.start <= names.start() + 1);
    (opens_with_name).then_some(found)
}

/// A trailing credit line ("Reporting by X; Editing by Y"): the names of the reporters and
/// writers (editors are not authors), relative to the line. `None` when not a credit line.
pub(crate) fn credit_line(line: &str) -> Option<Vec<Range<usize>>> {
    let role_word = word_in(
        first_word(line),
        &[
            "additional",
            "reporting",
            "writing",
            "written",
            "editing",
            "edited",
            "compiled",
            "reported",
            "research",
            "graphics",
            "translated",
            "translation",
            "produced",
            "contributing",
        ],
    );
    if !role_word || word_count(line) > 40 || !CREDIT_LINE.is_match(line) {
        return None;
    }
    let mut out = Vec::new();
    for caps in CREDIT_PART.captures_iter(line) {
        let (Some(role), Some(names)) = (caps.name("role"), caps.name("names")) else {
            continue;
        };
        let role = role.as_str().to_ascii_lowercase();
        if role.contains("reporting")
            || role.starts_with("writ")
            || role == "reported"
            || role == "contributing"
        {
            let end = names.end();
            let end = names.start()
                + line
                    .get(names.start()..end)
                    .map_or(0, |s| s.trim_end_matches([')', ']', '.', ' ']).len());
            out.extend(split_names(line, names.start(), end));
        }
    }
    Some(out)
}

/// Splits `line[start..end]` on ",", ";", " and ", " & " and keeps the pieces that look like
/// person names (ranges relative to `line`).
fn split_names(line: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    let Some(region) = line.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut piece_start = 0;
    let bytes = region.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let sep_len = if matches!(bytes[i], b',' | b';' | b'&') {
            1
        } else if bytes[i..].starts_with(b" and ") {
            5
        } else {
            0
        };
        if sep_len > 0 {
            pieces.push((piece_start, i));
            i += sep_len;
            piece_start = i;
        } else {
            i += 1;
        }
    }
    pieces.push((piece_start, bytes.len()));
    for (a, b) in pieces {
        let Some(piece) = region.get(a..b) else {
            continue;
        };
        let lead = piece.len() - piece.trim_start().len();
        let mut name = piece.trim();
        // "Jane Doe in Seoul" -> "Jane Doe"
        if let Some(pos) = name.find(" in ") {
            name = &name[..pos];
        }
        if is_person_name(name) {
            let s = start + a + lead;
            out.push(s..s + name.len());
        }
    }
    out
}

fn is_person_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    if name.is_empty()
        || NOT_A_NAME.contains(&lower.as_str())
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    if [
        "reporter",
        "writer",
        "correspondent",
        "editor",
        "staff",
        "bureau",
        "desk",
        "agency",
        "news",
    ]
    .iter()
    .any(|w| lower.split_whitespace().any(|x| x == *w))
    {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let mut capitalized = 0;
    for w in &words {
        let first = w.chars().next();
        let particle_prefix = {
            let mut cs = w.chars();
            matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some('\'' | '’'), Some(c)) if a.is_lowercase() && c.is_uppercase())
        };
        if first.is_some_and(char::is_uppercase) || particle_prefix {
            capitalized += 1;
        } else if !PARTICLES.contains(&w.to_lowercase().as_str()) {
            return false;
        }
    }
    capitalized >= 1 && (words.len() >= 2 || name.chars().count() >= 3)
}

/// Prefixes a labelled byline line may open with before its names.
const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "posted by",
    "reported by",
    "story by",
    "words by",
    "words:",
    "author:",
    "authors:",
    "by:",
    "by",
    "from",
];

/// The names on a line the line model labelled a byline but [`byline`] does not read ("Jane
/// Doe", "Jane Doe 20/10/2017 15:53", "Xinhua", "Posted by Staff | 2 hours ago"): the person
/// names in it or, when there are none, the whole credit (an agency, a desk) up to a
/// timestamp or separator, at most six words. Ranges are relative to the line.
pub(crate) fn byline_names(line: &str) -> Vec<Range<usize>> {
    let lower_ascii = line.to_ascii_lowercase();
    let mut start = 0;
    for p in BYLINE_PREFIXES {
        let after = line.get(p.len()..).and_then(|r| r.chars().next());
        if lower_ascii.starts_with(p) && after.map_or(true, |c| c.is_whitespace() || c == ':') {
            start = p.len();
            break;
        }
    }
    let region = &line[start..];
    let lead = region.len() - region.trim_start().len();
    let start = start + lead;
    let region = &line[start..];
    // Names end at a timestamp, a separator or a parenthesis.
    let end = region
        .char_indices()
        .find(|&(i, c)| {
            c.is_ascii_digit()
                || matches!(c, '|' | '•' | '·' | '(' | '/' | '\u{2014}' | '\u{2013}')
                || region[i..].starts_with(" - ")
        })
        .map_or(region.len(), |(i, _)| i);
    let names = split_names(line, start, start + end);
    if !names.is_empty() {
        return names;
    }
    let whole = line[start..start + end]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';' | '-'));
    let words = word_count(whole);
    if (1..=6).contains(&words) && whole.chars().next().is_some_and(char::is_alphabetic) {
        std::iter::once(start..start + whole.len()).collect()
    } else {
        Vec::new()
    }
}

// ---------------------------------------------------------------- chrome and breadcrumbs

/// Whole lines that are site chrome (compared lowercased, trailing ':' removed).
const CHROME_LINES: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "jump to content",
    "jump to navigation",
    "log in or sign up",
    "sign in or sign up",
    "log in or register",
    "sign in or register",
    "edition",
    "menu",
    "main menu",
    "sign in",
    "log in",
    "login",
    "register",
    "subscribe",
    "subscribe now",
    "subscribe today",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "print",
    "print this article",
    "email",
    "e-mail",
    "tweet",
    "comments",
    "comment",
    "close",
    "search",
    "font size",
    "text size",
    "listen",
    "listen to this article",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "recommended",
    "recommended stories",
    "most read",
    "most popular",
    "most viewed",
    "back to top",
    "top stories",
    "trending",
    "trending now",
    "newsletter",
    "sign up",
    "sign up for our newsletter",
    "all rights reserved",
    "loading",
    "loading...",
    "continue reading",
    "read more",
    "more stories",
    "you may also like",
    "you might also like",
    "more from this section",
    "latest news",
    "(end)",
    "end",
    "go to top",
    "top",
    "zoom in",
    "zoom out",
    "save",
    "bookmark",
    "copy link",
    "link copied",
    "follow us",
    "next article",
    "previous article",
    "next",
    "previous",
    "watch",
    "video",
    "play video",
    "photos",
    "gallery",
    "you are here",
    "follow",
    "follow topic",
    "follow topics",
    "related topics",
    "topics",
    "tags",
    "more on this story",
    "most shared",
    "editor's picks",
    "don't miss",
    "read next",
    "what to read next",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "advertisement - scroll to continue",
];

/// Words that make up share/print/social chrome lines ("print dictionary print").
const CHROME_WORDS: &[&str] = &[
    "share",
    "shares",
    "print",
    "email",
    "e-mail",
    "mail",
    "dictionary",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "kakaotalk",
    "kakao",
    "youtube",
    "instagram",
    "tiktok",
    "flipboard",
    "threads",
    "bluesky",
    "line",
    "copy",
    "link",
    "url",
    "comment",
    "comments",
    "save",
    "subscribe",
    "sign",
    "in",
    "up",
    "log",
    "login",
    "menu",
    "search",
    "close",
    "font",
    "size",
    "text",
    "listen",
    "bookmark",
    "follow",
    "us",
    "on",
    "a+",
    "a-",
    "a",
    "+",
    "-",
    "|",
    "/",
    "·",
    "•",
    "more",
    "top",
    "scrap",
    "list",
    "home",
    "and",
    "or",
];

/// Chrome words of which a chrome line needs one (see [`chrome`]).
const DISTINCTIVE_CHROME: &[&str] = &[
    "share",
    "print",
    "email",
    "e-mail",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "kakaotalk",
    "youtube",
    "instagram",
    "tiktok",
    "flipboard",
    "subscribe",
    "bookmark",
    "comments",
    "comment",
    "dictionary",
    "scrap",
    "login",
    "menu",
];

/// "cookie", "copyright", "rights reserved" and [`DISTINCTIVE_CHROME`], in any ASCII case: an
/// ASCII line without one of them is no cookie notice, copyright line (unless it opens with
/// "(c)") or share/print chrome.
static CHROME_HINTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut words = vec!["cookie", "copyright", "rights reserved"];
    words.extend_from_slice(DISTINCTIVE_CHROME);
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .build(words)
        .expect("static word list builds (checked by the patterns_compile test)")
});

static READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:read more|read also|also read|see also|related|related article|related story|more|recommended|watch|listen|click here|read|also see|more on this|more on this story)\s*[:>»|\-–—]+\s*(?P<rest>.*)$",
    )
});

static COOKIE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bcookies?\b.*\b(?:use|uses|using|accept|consent|policy|privacy|settings|continue|agree)\b|\b(?:use|uses|accept|consent)\b.*\bcookies?\b",
    )
});

static COPYRIGHT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:©|\((?i:c)\)|(?i:copyright)\b)|(?i:all rights reserved)"));

/// Chrome classification of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChromeKind {
    /// Site chrome: share/print, "Advertisement", cookie notices, copyright.
    Chrome,
    /// A "Read more: <headline>" link.
    RelatedLink,
}

pub(crate) fn chrome(line: &str) -> Option<ChromeKind> {
    // Lowercasing a copy is needed only for lines outside ASCII; an ASCII line is compared
    // case-insensitively in place (every word list here is lowercase).
    let ascii = line.is_ascii();
    let lower: Option<String> = (!ascii).then(|| line.to_lowercase());
    let has = |needle: &str| match &lower {
        Some(l) => l.contains(needle),
        None => contains_ignore_ascii_case(line.as_bytes(), needle),
    };
    let chrome_line = match &lower {
        Some(l) => CHROME_LINES.contains(&l.trim_end_matches([':', '.', ' ', '›', '»', '>'])),
        None => {
            let key = line.trim_end_matches([':', '.', ' ', '>']);
            CHROME_LINES.iter().any(|c| c.eq_ignore_ascii_case(key))
        }
    };
    if chrome_line {
        return Some(ChromeKind::Chrome);
    }
    let read_more_word = word_in(
        first_word(line),
        &[
            "read",
            "also",
            "see",
            "related",
            "more",
            "recommended",
            "watch",
            "listen",
            "click",
        ],
    );
    if let Some(caps) = read_more_word.then(|| READ_MORE.captures(line)).flatten() {
        let rest = caps.name("rest").map_or("", |m| m.as_str());
        return Some(if word_count(rest) >= 2 {
            ChromeKind::RelatedLink
        } else {
            ChromeKind::Chrome
        });
    }
    // The tests below need "cookie", "copyright", "rights reserved" or a distinctive chrome
    // word in the line (checked in one pass on an ASCII line), or an opening '©' or '('.
    // Every test below asks at most whether there are 60 words or fewer: a longer line (a
    // paragraph) needs no hint search.
    let words = word_count_capped(line, 61);
    if words > 60 {
        return None;
    }
    let hinted = !ascii || CHROME_HINTS.is_match(line);
    if !hinted && !line.starts_with('(') {
        return None;
    }
    if words <= 60 && hinted && has("cookie") && COOKIE.is_match(line) {
        return Some(ChromeKind::Chrome);
    }
    if words <= 30
        && (line.starts_with(['©', '(']) || hinted && (has("copyright") || has("rights reserved")))
        && COPYRIGHT.is_match(line)
    {
        return Some(ChromeKind::Chrome);
    }
    if hinted && (1..=10).contains(&words) {
        let src = lower.as_deref().unwrap_or(line);
        let is = |w: &str, c: &str| {
            if ascii {
                c.eq_ignore_ascii_case(w)
            } else {
                c == w
            }
        };
        // Needs at least one distinctive chrome word (not only "in", "on", "and" ...), and
        // every word a chrome word.
        let distinctive = src
            .split_whitespace()
            .any(|w| DISTINCTIVE_CHROME.iter().any(|c| is(w, c)));
        if distinctive
            && src
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .all(|w| CHROME_WORDS.iter().any(|c| is(w, c)))
        {
            return Some(ChromeKind::Chrome);
        }
    }
    None
}

static BREADCRUMB_SEP: LazyLock<Regex> =
    LazyLock::new(|| re(r"\s+(?:>|»|›|>>|/|\||::|→)\s+|\s*(?:»|›|→)\s*"));

/// "Home > National > Politics", "News | World | Asia".
pub(crate) fn breadcrumb(line: &str) -> bool {
    let bytes = line.as_bytes();
    let separator = if line.is_ascii() {
        memchr::memchr3(b'>', b'/', b'|', bytes).is_some() || memchr::memchr(b':', bytes).is_some()
    } else {
        line.contains(['>', '»', '›', '/', '|', ':', '→'])
    };
    if !separator || word_count_capped(line, 15) > 14 || !line.chars().any(char::is_alphabetic) {
        return false;
    }
    let seps: Vec<&str> = BREADCRUMB_SEP
        .find_iter(line)
        .map(|m| m.as_str().trim())
        .collect();
    if seps.is_empty() {
        return false;
    }
    let strong = seps
        .iter()
        .all(|s| matches!(*s, ">" | "»" | "›" | ">>" | "→"));
    let segments: Vec<&str> = BREADCRUMB_SEP.split(line).map(str::trim).collect();
    if segments.iter().any(|s| s.is_empty()) {
        return false;
    }
    let ok_segments = segments.iter().all(|s| {
        let first = s.chars().next();
        word_count(s) <= 4
            && s.chars().count() <= 32
            && first.is_some_and(|c| c.is_uppercase() || c.is_numeric())
    });
    let starts_home = segments.first().is_some_and(|s| {
        matches!(
            s.to_lowercase().as_str(),
            "home" | "news" | "homepage" | "main" | "start"
        )
    });
    ok_segments
        && ((strong && (segments.len() >= 3 || starts_home)) || segments.len() >= 3 && starts_home)
}

// ---------------------------------------------------------------- sign-offs

static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[.!?”\x22’)\]]\s+|\s{2,})(?P<marker>(?P<agency>(?i:reuters?))\.{0,3}|\((?P<pagency>AFP|AP|Reuters|UPI|dpa|DPA|Xinhua|Kyodo|IANS|PTI|EFE|Bernama|Anadolu)\)|\(END\)|\(end\)|-{2,}\s*(?:END|end))\s*$",
    )
});

/// A closing sign-off at the end of a line: " Reuter", "(AFP)", "(END)". Returns the marker
/// range and, when it names an agency, the agency range (both relative to the line).
pub(crate) fn sign_off(line: &str) -> Option<(Range<usize>, Option<Range<usize>>)> {
    // No character outside ASCII lowercases to one of these letters, so an ASCII
    // case-insensitive test of the last bytes is the lowercased test.
    let tail = line.trim_end().trim_end_matches('.').as_bytes();
    let ends = |w: &str| {
        tail.len() >= w.len() && tail[tail.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    };
    if !(ends("reuter") || ends("reuters") || ends(")") || ends("end")) {
        return None;
    }
    let caps = SIGN_OFF.captures(line)?;
    let marker = caps.name("marker")?.range();
    let agency = caps
        .name("agency")
        .or_else(|| caps.name("pagency"))
        .map(|m| m.range());
    Some((marker, agency))
}

// ---------------------------------------------------------------- wire datelines

const MONTH_DAY: &str = r"(?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?i:[a-z]{0,6})\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?i:[a-z]{0,6})\.?(?:\s+\d{4})?)";

static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?P<place>\p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*(?:[ ]\p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*){{0,4}}(?:[ ]?,[ ]*\p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*(?:[ ]\p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*){{0,3}}){{0,2}}?)(?P<sep>[ ]?,[ ]*|[ ]+))??(?P<date>{MONTH_DAY})?[ ]*(?:\((?P<agency>[^()\n]{{1,40}})\))?[ ]*(?P<dash>--|—|–|―|-|:)(?P<gap>[ \t\u{{a0}}]*)"
    ))
});

/// Words in capitals that open a paragraph without being a place.
const NOT_PLACES: &[&str] = &[
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "LIVE",
    "VIDEO",
    "PHOTOS",
    "OPINION",
    "ANALYSIS",
    "EDITORIAL",
    "NOTE",
    "CORRECTION",
    "URGENT",
    "FLASH",
    "ALERT",
    "EDITOR'S NOTE",
    "COMMENTARY",
    "Q",
    "A",
    "FILE",
    "PHOTO",
    "I",
    "WARNING",
    "PROFILE",
    "REVIEW",
    "INTERVIEW",
    "FACTBOX",
    "EXPLAINER",
    "TEXT",
];

/// A cheap test that `line` may open with a wire dateline: a dash, colon or bullet within
/// its first 90 bytes, after at most ten words. Lines that fail it cannot match
/// [`wire_dateline`] or [`loose_dateline`] (both need the separator after a short head), so
/// callers skip the regexes for most body lines.
pub(crate) fn may_open_with_dateline(line: &str) -> bool {
    let bytes = line.as_bytes();
    let window = &bytes[..bytes.len().min(90)];
    let sep = window.iter().position(|&b| {
        // ASCII '-' and ':', or the lead byte of '–', '—', '―' (E2 80 93..95) and '•' (E2 80 A2).
        b == b'-' || b == b':' || b == 0xE2
    });
    match sep {
        Some(p) => word_count_capped(&line[..p.min(line.len())], 11) <= 10,
        None => false,
    }
}

/// A wire dateline at the start of a paragraph, relative to the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WireMatch {
    /// From the start of the line to just after the dash and the spaces after it.
    pub(crate) whole: Range<usize>,
    pub(crate) place: Option<Range<usize>>,
    pub(crate) agency: Option<Range<usize>>,
    pub(crate) date: Option<Range<usize>>,
}

impl WireMatch {
    /// The match from its regex groups: the place without a trailing comma, the agency
    /// without the spaces inside its parentheses.
    fn new(
        whole: regex::Match<'_>,
        place: Option<regex::Match<'_>>,
        agency: Option<regex::Match<'_>>,
        date: Option<regex::Match<'_>>,
    ) -> WireMatch {
        let place = place.map(|m| {
            let s = m.as_str().trim_end_matches([',', ' ']);
            m.start()..m.start() + s.len()
        });
        let agency = agency.map(|m| {
            let s = m.as_str();
            let lead = s.len() - s.trim_start().len();
            m.start() + lead..m.start() + lead + s.trim().len()
        });
        WireMatch {
            whole: whole.range(),
            place,
            agency,
            date: date.map(|m| m.range()),
        }
    }
}

pub(crate) fn wire_dateline(line: &str) -> Option<WireMatch> {
    let caps = WIRE.captures(line)?;
    let whole = caps.get(0)?;
    let dash = caps.name("dash")?.as_str();
    let place = caps.name("place").filter(|m| !m.as_str().trim().is_empty());
    let date = caps.name("date");
    let agency = caps.name("agency");
    if place.is_none() && date.is_none() {
        return None;
    }
    // Text must follow after a space ("SEOUL, Sept 23 (Reuters) - North"), or straight after
    // the dash when a date or agency makes the dateline certain ("March 2 -The").
    let rest = line.get(whole.end()..).unwrap_or("");
    let gap = caps.name("gap").map_or(0, |m| m.len());
    if gap == 0 && !rest.is_empty() {
        let certain = date.is_some() || agency.is_some();
        if !certain || !rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '<'))
        {
            return None;
        }
    }
    // A place and a date are separated by a comma ("SALVADOR, Feb 26") unless the place ends
    // with an abbreviation ("RICHMOND, Va. Feb 26"); "TO END JULY 1 - MINISTER" is a headline.
    if let (Some(p), Some(_), Some(sep)) = (place, date, caps.name("sep")) {
        if !sep.as_str().contains(',') && !p.as_str().ends_with('.') {
            return None;
        }
    }
    // The text must continue after the dash (or the dateline stands alone on its line).
    if dash == ":" && (agency.is_none() || place.is_none()) {
        return None; // "Seoul: ..." alone is too weak; "SEOUL (Yonhap):" is fine.
    }
    if let Some(agency) = agency {
        let a = agency.as_str().trim();
        if word_count(a) > 5 || !a.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
    }
    if let Some(p) = place {
        let first_segment = p.as_str().split(',').next().unwrap_or("").trim();
        let letters: Vec<char> = first_segment
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        if NOT_PLACES.contains(&first_segment) {
            return None;
        }
        // Mixed-case places ("Seoul, Nov. 15 (Yonhap)") need an agency or a date as evidence.
        if !all_caps && agency.is_none() && date.is_none() {
            return None;
        }
        if !all_caps && agency.is_none() && dash == "-" && date.is_none() {
            return None;
        }
    }
    // Place only with a plain hyphen ("ECONOMIC SPOTLIGHT - BANKAMERICA") is a headline
    // pattern unless running text follows.
    if agency.is_none() && date.is_none() && dash == "-" {
        let after = line.get(whole.end()..).unwrap_or("");
        if !after.chars().any(char::is_lowercase) {
            return None;
        }
    }
    Some(WireMatch::new(whole, place, agency, date))
}

/// Datelines the strict [`wire_dateline`] pattern leaves out, read only at the start of the
/// first body paragraph: a mixed-case or capitals place with a long dash, a colon or a
/// bullet and no agency ("Mogadishu — The", "New Delhi: In", "New Delhi, May 18: In",
/// "BEIJING—A", "RIO DE JANEIRO • World"), an agency before its date ("ADDIS ABABA (HAN)
/// January 27, 2016 –") and an agency alone ("(RTTNews) - ABM").
static LOOSE_WIRE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<place>\p{{Lu}}[\p{{L}}\p{{M}}.'’\-/]*(?:[ ]\p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*){{0,3}}(?:,[ ]\p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*(?:[ ]\p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*){{0,2}})?)(?:,[ ]*(?P<date>{MONTH_DAY}))?[ ]*(?:\((?P<agency>[^()\n]{{1,40}})\))?[ ]*(?P<date2>{MONTH_DAY}(?:,?[ ]\d{{4}})?)?[ ]*(?P<dash>--|—|–|―|:|•)[ \t\u{{a0}}]*"
    ))
});

static AGENCY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\((?P<agency>\p{Lu}[^()\n]{1,30})\)[ ]*(?P<dash>--|—|–|―|-|:)[ \t\u{a0}]+")
});

/// Words that open a paragraph with a colon or dash without being a place.
const NOT_PLACE_WORDS: &[&str] = &[
    "note",
    "update",
    "updated",
    "editor",
    "editors",
    "photo",
    "photos",
    "source",
    "sources",
    "watch",
    "read",
    "related",
    "warning",
    "disclaimer",
    "background",
    "meanwhile",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "live",
    "video",
    "listen",
    "summary",
    "highlights",
    "context",
    "why",
    "what",
    "how",
    "who",
    "when",
    "where",
    "q",
    "a",
    "question",
    "answer",
    "correction",
    "clarification",
    "advertisement",
    "sponsored",
    "subscribe",
    "share",
    "tags",
    "topics",
    "also",
    "see",
    "more",
    "comments",
    "comment",
    "reply",
    "by",
    "the",
    "this",
    "in",
    "on",
    "at",
    "for",
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(crate) fn loose_dateline(line: &str) -> Option<WireMatch> {
    if let Some(caps) = AGENCY_ONLY.captures(line) {
        let whole = caps.get(0)?;
        let agency = caps.name("agency")?;
        let rest = line.get(whole.end()..).unwrap_or("");
        let a = agency.as_str().trim();
        if word_count(a) <= 4
            && rest.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“')
        {
            return Some(WireMatch {
                whole: whole.range(),
                place: None,
                agency: Some(agency.range()),
                date: None,
            });
        }
        return None;
    }
    let caps = LOOSE_WIRE.captures(line)?;
    let whole = caps.get(0)?;
    let place = caps.name("place")?;
    let date = caps.name("date").or_else(|| caps.name("date2"));
    let agency = caps.name("agency");
    let dash = caps.name("dash")?.as_str();
    let rest = line.get(whole.end()..).unwrap_or("");
    if !rest.starts_with(|c: char| {
        c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'')
    }) {
        return None;
    }
    if word_count(rest) < 4 {
        return None;
    }
    let first_segment = place.as_str().split(',').next().unwrap_or("").trim();
    let first_word = first_segment
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_lowercase();
    if NOT_PLACES.contains(&first_segment) || NOT_PLACE_WORDS.contains(&first_word.as_str()) {
        return None;
    }
    if word_count(place.as_str()) > 6
        || first_segment.ends_with("'s")
        || first_segment.ends_with("’s")
    {
        return None;
    }
    // A hyphen is too weak without a date or agency (headlines, names).
    if dash == ":" && agency.is_none() && date.is_none() && word_count(first_segment) > 3 {
        return None;
    }
    if let Some(a) = agency {
        let a = a.as_str().trim();
        if word_count(a) > 5 || !a.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
    }
    Some(WireMatch::new(whole, Some(place), agency, date))
}

// ---------------------------------------------------------------- titles

static TITLE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:\((?i:[^()]{0,30}\b(?:LD|LEAD|URGENT|focus|interview|feature|analysis|update|updated|correction|corrected|recast|refile|factbox|profile|newsmaker|review|exclusive|explainer|editorial|column|opinion|photo|graphics?|news)\b[^()]{0,30})\)\s*(?:[-–—:]\s+)?)+|(?:UPDATE(?:\s+\d+)?|EXCLUSIVE|WRAPUP(?:\s+\d+)?|FACTBOX|ANALYSIS|INSIGHT|RPT|REFILE|CORRECTED|BREAKINGVIEWS|COLUMN|GRAPHIC|EXPLAINER|FOCUS)\s*-\s*)",
    )
});

/// A wire prefix at the start of a headline ("(2nd LD) ", "(LEAD) ", "UPDATE 2-"), relative
/// to the line and including the spaces after it. `None` when there is none or nothing follows.
pub(crate) fn title_prefix(line: &str) -> Option<Range<usize>> {
    let m = TITLE_PREFIX.find(line)?;
    (m.end() < line.len() && line[m.end()..].chars().any(char::is_alphanumeric)).then(|| m.range())
}

/// Words after which a headline does not end.
const DANGLING: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "or", "for", "with", "from", "that", "by", "its", "their",
    "his", "her",
];

pub(crate) fn ends_in_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Ends like a finished sentence (for wrapped-text and trailing-block decisions).
pub(crate) fn ends_sentence(s: &str) -> bool {
    ends_in_terminal(s) || s.ends_with(['"', '”', '’', ')'])
}

fn has_lowercase(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

/// Headline shape: 2-30 words, capitalized start, no sentence-final period (unless the line is
/// in capitals or ends with an abbreviation such as "U.S." or an ellipsis), not several sentences.
pub(crate) fn headline_like(line: &str) -> bool {
    headline_like_counted(line, word_count(line))
}

/// [`headline_like`] for a line whose [`word_count`] is known.
pub(crate) fn headline_like_counted(line: &str, words: usize) -> bool {
    if !(2..=30).contains(&words) {
        return false;
    }
    let trimmed =
        line.trim_end_matches(|c: char| matches!(c, '"' | '\'' | '”' | '’') || c.is_whitespace());
    if trimmed.ends_with([',', ';', ':', '-', '–', '—', '/']) {
        return false;
    }
    let upper_line = !has_lowercase(line);
    if trimmed.ends_with('.') && !trimmed.ends_with("...") && !upper_line {
        let last = trimmed.rsplit(' ').next().unwrap_or("");
        let inner_dot = last.trim_end_matches('.').contains('.');
        if !inner_dot {
            return false;
        }
    }
    // First word: capitalized, a digit, a quote, or camel case ("iPhone").
    let first_word = line.split_whitespace().next().unwrap_or("");
    let first_alpha = first_word.chars().find(|c| c.is_alphanumeric());
    match first_alpha {
        Some(c) if c.is_lowercase() && !first_word.chars().any(char::is_uppercase) => return false,
        None => return false,
        _ => {}
    }
    // Several sentences are prose, not a headline.
    if !upper_line
        && line.match_indices(". ").any(|(i, _)| {
            let before = line[..i].rsplit(' ').next().unwrap_or("");
            let after = line[i + 2..].chars().next();
            before.chars().count() > 3
                && !before.contains('.')
                && after.is_some_and(char::is_uppercase)
        })
    {
        return false;
    }
    true
}

/// True when `line` ends with a word a headline cannot end with ("... the week in").
pub(crate) fn ends_dangling(line: &str) -> bool {
    line.rsplit(char::is_whitespace).next().is_some_and(|w| {
        w.len() <= 5
            && (DANGLING.iter().any(|d| d.eq_ignore_ascii_case(w)) || w == "in" || w == "of")
    })
}

/// Ends with a word after which a sentence goes on with a date ("payable on", "until",
/// "dated"): the date on the next line belongs to this line's sentence.
pub(crate) fn ends_before_a_date(line: &str) -> bool {
    line.trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| {
            [
                "on", "in", "at", "by", "of", "until", "till", "since", "before", "after", "from",
                "to", "through", "between", "dated", "and", "or", "the",
            ]
            .iter()
            .any(|d| d.eq_ignore_ascii_case(w))
        })
}

/// Prose sentence shape (standfirst candidates): ends like a sentence and has 6-90 words
/// (`words`: the line's [`word_count`]).
pub(crate) fn prose_like(line: &str, words: usize) -> bool {
    (6..=90).contains(&words) && ends_in_terminal(line)
}

// ---------------------------------------------------------------- helpers

/// Whitespace-separated word count (stops counting at 200 to stay cheap on long lines).
pub(crate) fn word_count(s: &str) -> usize {
    word_count_capped(s, 200)
}

/// Whitespace-separated word count, counting at most `cap` words; byte by byte on ASCII.
pub(crate) fn word_count_capped(s: &str, cap: usize) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().take(cap).count();
    }
    let mut n = 0;
    let mut prev_space = true;
    // Branch-free word starts, checked against the cap once per chunk.
    for chunk in s.as_bytes().chunks(64) {
        for &b in chunk {
            // ASCII `char::is_whitespace`: tab, LF, VT, FF, CR, space.
            let space = matches!(b, b' ' | b'\t'..=b'\r');
            n += usize::from(prev_space && !space);
            prev_space = space;
        }
        if n > cap {
            return cap;
        }
    }
    n.min(cap)
}

const STOPWORDS: &[&str] = &[
    "the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "has", "have",
    "had", "its", "his", "her", "their", "our", "not", "but", "will", "would", "says", "said",
    "say", "into", "over", "after", "amid", "about", "than", "them", "they", "who", "what", "when",
    "where", "which", "while", "been", "being", "also", "more", "most", "new",
];

/// Lowercased words joined by single spaces, punctuation dropped (for "this line repeats that
/// one" tests).
pub(crate) fn normalized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Lowercased content words (>= 3 characters, no stop words) for headline/lead similarity.
pub(crate) fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let pa: Vec<char> = a.chars().collect();
    let pb: Vec<char> = b.chars().collect();
    let n = pa.len().min(pb.len());
    let common = pa.iter().zip(&pb).take_while(|(x, y)| x == y).count();
    // "china"/"chinese", "stability"/"stable" share a stem of 4+ characters covering most of the shorter word.
    n >= 4 && common >= 4 && common * 10 >= n * 7
}

/// Share of `title`'s content words that occur (same stem) in `lead`, and the match count.
pub(crate) fn overlap(title: &str, lead: &str) -> (f64, usize) {
    let t = content_words(title);
    if t.is_empty() {
        return (0.0, 0);
    }
    let l = content_words(lead);
    let hits = t
        .iter()
        .filter(|w| l.iter().any(|x| same_stem(w, x)))
        .count();
    #[allow(clippy::cast_precision_loss)]
    let share = hits as f64 / t.len() as f64;
    (share, hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_names_steps_over_multibyte_characters() {
        // Fuzz finding: the " and " test sliced the line at every byte and panicked inside
        // a two-byte character.
        let line = "Jöhn Smith and Ann Lee, Zoë Ҹusa";
        let names: Vec<&str> = split_names(line, 0, line.len())
            .into_iter()
            .map(|r| &line[r])
            .collect();
        assert!(names.contains(&"Ann Lee"), "{names:?}");
    }

    #[test]
    fn patterns_compile() {
        LazyLock::force(&HEADER);
        LazyLock::force(&CAPTION_HINTS_AC);
        LazyLock::force(&CHROME_HINTS);
        for (pattern, _) in &CAPTION_PATTERNS {
            LazyLock::force(pattern);
        }
        LazyLock::force(&BYLINE);
        LazyLock::force(&CREDIT_LINE);
        LazyLock::force(&CREDIT_PART);
        LazyLock::force(&READ_MORE);
        LazyLock::force(&COOKIE);
        LazyLock::force(&COPYRIGHT);
        LazyLock::force(&BREADCRUMB_SEP);
        LazyLock::force(&SIGN_OFF);
        LazyLock::force(&WIRE);
        LazyLock::force(&TITLE_PREFIX);
    }

    fn sub(line: &str, r: &Range<usize>) -> String {
        line[r.clone()].to_owned()
    }

    #[test]
    fn headers() {
        let m = header("date 2023-09-23 WORLD").unwrap();
        assert_eq!(m.date, 5..15);
        assert_eq!(m.rest, Some(16..21));
        assert_eq!(header("date 2023-09").unwrap().rest, None);
        assert!(header("dated 2023-09-23").is_none());
        assert!(header("update 2023").is_none());
    }

    #[test]
    fn captions() {
        let cases = [
            (
                "Xi met Han in Hangzhou. / Photo: Reuters",
                "Xi met Han in Hangzhou.",
                "Reuters",
            ),
            (
                "Yoon speaks in Seoul on Tuesday. (Yonhap)",
                "Yoon speaks in Seoul on Tuesday.",
                "Yonhap",
            ),
            (
                "Yoon and Xi shake hands. [JOINT PRESS CORPS]",
                "Yoon and Xi shake hands.",
                "JOINT PRESS CORPS",
            ),
            (
                "Officials at the meeting Photo : YONHAP News",
                "Officials at the meeting",
                "YONHAP News",
            ),
            (
                "Protesters march in Paris. (AP Photo/Jane Doe)",
                "Protesters march in Paris.",
                "AP Photo/Jane Doe",
            ),
            (
                "Xi Jinping at the summit in Bali. Getty Images",
                "Xi Jinping at the summit in Bali.",
                "Getty Images",
            ),
            ("Photo: Reuters", "", "Reuters"),
        ];
        for (line, text, credit) in cases {
            let m = caption(line).unwrap_or_else(|| panic!("no caption in {line:?}"));
            assert_eq!(sub(line, &m.text), text, "{line}");
            assert_eq!(sub(line, &m.credit), credit, "{line}");
        }
        assert!(caption("Xi said the talks went well.").is_none());
        assert!(caption("The firm said (in a filing) that it grew.").is_none());
    }

    /// Captions and non-captions whose matches depend on where the search starts.
    const CAPTION_ENDINGS: &[&str] = &[
        "Officials at the meeting Photo : YONHAP News",
        "The leaders in Bali. Getty Images",
        "Crowds outside (AP Photo/Ahn Young-joon)",
        "A ceremony (Yonhap)",
        "Ministers meet [JOINT PRESS CORPS]",
        "The summit / Photo: Reuters",
        "The market  -  photo by   Jane   Doe",
        "Crowds [Photo by Yonhap]",
        "said (in a filing) that it grew.",
        "of the picture (EPA-EFE/KIM HEE-CHUL)",
        "Photo credit:",
        "Reuters/Kim Hong-Ji",
    ];

    #[test]
    fn caption_tail_search_matches_full_search() {
        for ending in CAPTION_ENDINGS {
            for prefix in [
                String::new(),
                "word ".repeat(130),
                "Photo: x. ".repeat(70),
                format!("{}{}", "é ".repeat(300), " ".repeat(40)),
                format!("{}/ photo by ", "a ".repeat(320)),
            ] {
                let line = format!("{prefix}{ending}");
                assert_eq!(
                    caption_from(&line, caption_search_start(&line)),
                    caption_from(&line, 0),
                    "{line}"
                );
            }
        }
        // A long whitespace run in the tail falls back to the whole line.
        let line = format!("{}{}Photo: Reuters", "a ".repeat(400), " ".repeat(17));
        assert_eq!(caption_search_start(&line), 0);
        assert!(caption_search_start(&"a ".repeat(400)) > 0);
    }

    #[test]
    fn caption_gates_change_nothing() {
        let mut lines: Vec<String> = CAPTION_ENDINGS.iter().map(|e| (*e).to_owned()).collect();
        lines.extend(
            [
                "Protesters march in Paris. (AP Photo/Jane Doe)",
                "Xi Jinping at the summit in Bali. Getty Images",
                "Yoon and Xi shake hands. [JOINT PRESS CORPS]",
                "The (first) meeting (Yonhap)",
                "The [first] meeting [Photo by Yonhap]",
                "A (B) c (Pool photo) ",
                "Seen here (left) in 2019. Photo: Kim (Seoul)",
                "Meeting in Seoul. PHOTO : Yonhap",
                "Crowds. Shutterstock",
                "x (y [z) w]",
                "Staff (Ministry of Foreign Affairs)",
                "A talk in Seoul | Image by Lee",
                "Seoul scene — AFP via Getty Images",
                "A ceremony (Yonhap News)",
                "A ceremony (Korea Herald) ",
                "A ceremony (Ministry of Unification)",
                "A ceremony (Ministry)",
                "A ceremony (EPA-EFE/YONHAP)",
                "A ceremony (the LDP)",
                "Officials (pool PHOTO)",
                "Officials (Pool)",
                "Officials [Yonhap News]",
                "Officials [PRESS]",
                "Officials [pre\u{17f}\u{17f} office]",
                "Officials (\u{17f}tate) [K]",
                "Credit card rates rose / credit",
                "Rates / Credits: Bank of Korea",
                "The march | photographs by Kim",
                "The march | Photos : Kim / Lee",
                "The march / \u{a0} IMAGE\u{a0}by Kim",
                "The march. Photograph: Kim",
                "The march - photographs \u{a9} Kim",
                "The march. PHOTOS\tBY Kim",
                "The march. photo\u{17f}: Kim",
                "The march. Images: Kim",
                "The march. picture credit: Kim",
                "Credit: Kim Photo",
                "Photo: Kim",
                "photographed by Kim",
                "the credit crunch / a picture of health",
                "/ Photo",
            ]
            .map(str::to_owned),
        );
        for line in &lines {
            for from in 0..=line.len() {
                if line.is_char_boundary(from) {
                    assert_eq!(
                        caption_gated(line, from, true),
                        caption_gated(line, from, false),
                        "{line:?} from {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_case_insensitive_search() {
        assert!(contains_ignore_ascii_case(b"A PHOTO by", "photo"));
        assert!(contains_ignore_ascii_case(b"phot photo", "photo"));
        assert!(!contains_ignore_ascii_case(b"phot", "photo"));
        assert!(contains_ignore_ascii_case(b"x", ""));
        assert!(!contains_ignore_ascii_case("caf\u{e9}".as_bytes(), "cafe"));
    }

    #[test]
    fn page_furniture_lines_are_chrome() {
        for line in [
            "You are here",
            "Follow topics:",
            "tami sin youtube twitter facebook",
            "Tags",
        ] {
            if line.starts_with("tami") {
                // Unknown words keep a line of network names out of the chrome rule.
                assert_eq!(chrome(line), None, "{line}");
            } else {
                assert_eq!(chrome(line), Some(ChromeKind::Chrome), "{line}");
            }
        }
        assert_eq!(chrome("YouTube Instagram TikTok"), Some(ChromeKind::Chrome));
        assert_eq!(chrome("YouTube sues music labels"), None);
    }

    #[test]
    fn a_parenthesised_credit_ends_a_caption() {
        let line = "Damage to a hangar after the crash. (credit: Chopper 11)";
        let m = caption(line).expect("a caption");
        assert_eq!(&line[m.credit.clone()], "credit: Chopper 11");
        assert!(caption("Smoke over the hills (Photo courtesy of the county)").is_some());
        assert!(caption("Fees rose this year (credit card fees most of all)").is_none());
    }

    #[test]
    fn chrome_lines_are_lowercase() {
        assert!(CHROME_LINES.iter().all(|l| l.to_lowercase() == *l));
        assert!(CHROME_WORDS.iter().all(|l| l.to_lowercase() == *l));
        assert!(DISTINCTIVE_CHROME.iter().all(|l| l.to_lowercase() == *l));
    }

    #[test]
    fn capped_word_counts_agree_with_split_whitespace() {
        for s in [
            "",
            " ",
            "a",
            " a b\tc\nd\u{b}e\u{c}f\rg ",
            "a\u{a0}b \u{2003} c",
            "x\u{1c}y",
            "one two three four",
        ] {
            for cap in 0..6 {
                assert_eq!(
                    word_count_capped(s, cap),
                    s.split_whitespace().take(cap).count(),
                    "{s:?} {cap}"
                );
            }
        }
    }

    #[test]
    fn caption_hint_matches_lowercased_tail() {
        for line in [
            "x PHOTO: Y",
            "Getty",
            "SHUTTERSTOC\u{212A}",
            "\u{130}MAGE by x",
            "Reuters/Kim",
            "plain words",
            "caf\u{e9} picture",
            "a pHoToGrApH",
            "xx sHuTtErStOcK yy",
            "GETTY/x",
            "Reuters /",
            "reuterS/",
            "cred it",
        ] {
            let tail = tail_lower(line, 120);
            let expected = CAPTION_HINTS.iter().any(|w| tail.contains(w));
            assert_eq!(caption_hinted(line), expected, "{line}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        #[test]
        fn caption_tail_search_is_exact(
            prefix in "[a-zA-Z .,/|:()\\[\\]é\u{a0}\t-]{0,900}",
            ending in proptest::sample::select(CAPTION_ENDINGS),
        ) {
            let line = format!("{prefix}{ending}");
            proptest::prop_assert_eq!(
                caption_from(&line, caption_search_start(&line)),
                caption_from(&line, 0)
            );
            proptest::prop_assert_eq!(
                caption_gated(&line, 0, true),
                caption_gated(&line, 0, false)
            );
        }
    }

    #[test]
    fn bylines() {
        let line = "By Jane Doe and John Roe, Reuters";
        let names: Vec<String> = byline(line).unwrap().iter().map(|r| sub(line, r)).collect();
        assert_eq!(names, ["Jane Doe", "John Roe"]);
        let line = "BY TED D'AFFLISIO, Reuters";
        assert_eq!(sub(line, &byline(line).unwrap()[0]), "TED D'AFFLISIO");
        assert!(byline("By the way, prices rose sharply in the third quarter").is_none());
        assert!(byline("By contrast, West Germany, with the EC's most successful").is_none());
        let line = "By TED d'AFFLISIO, Reuters";
        assert_eq!(sub(line, &byline(line).unwrap()[0]), "TED d'AFFLISIO");
        let line = "Reporting by Jane Doe; Editing by John Roe";
        let names: Vec<String> = credit_line(line)
            .unwrap()
            .iter()
            .map(|r| sub(line, r))
            .collect();
        assert_eq!(names, ["Jane Doe"]);
        let line = "*Writing by Lee Haye-ah";
        assert_eq!(sub(line, &credit_line(line).unwrap()[0]), "Lee Haye-ah");
    }

    #[test]
    fn chrome_lines() {
        assert_eq!(chrome("Advertisement"), Some(ChromeKind::Chrome));
        assert_eq!(chrome("print dictionary print"), Some(ChromeKind::Chrome));
        assert_eq!(
            chrome("Share on Facebook Twitter"),
            Some(ChromeKind::Chrome)
        );
        assert_eq!(
            chrome("Read more: Seoul and Tokyo agree on talks"),
            Some(ChromeKind::RelatedLink)
        );
        assert_eq!(
            chrome("We use cookies to improve your experience. By continuing you accept."),
            Some(ChromeKind::Chrome)
        );
        assert_eq!(chrome("Skip to Content"), Some(ChromeKind::Chrome));
        assert_eq!(chrome("Xi said the print run was large."), None);
        assert_eq!(chrome("(c) 2023 Yonhap"), Some(ChromeKind::Chrome));
        assert_eq!(chrome("(C) Yonhap"), Some(ChromeKind::Chrome));
        assert_eq!(chrome("All Rights Reserved."), Some(ChromeKind::Chrome));
        assert_eq!(chrome("COPYRIGHT 2023 REUTERS"), Some(ChromeKind::Chrome));
        assert_eq!(chrome("\u{a9} 2023 Yonhap"), Some(ChromeKind::Chrome));
        assert_eq!(chrome("SHARE  PRINT, E-MAIL"), Some(ChromeKind::Chrome));
        assert_eq!(
            chrome("Our COOKIE policy: accept"),
            Some(ChromeKind::Chrome)
        );
        assert_eq!(chrome("(Shares rose 5 pct)"), None);
        assert_eq!(chrome("Profit rose 5 pct"), None);
        assert!(breadcrumb("Home > National > Politics"));
        assert!(breadcrumb("News | World | Asia"));
        assert!(!breadcrumb(
            "Shares rose 5% > expectations, analysts said on Monday in Seoul"
        ));
        assert!(!breadcrumb("Xi Jinping / Photo: Reuters"));
    }

    #[test]
    fn sign_offs() {
        let (m, a) = sign_off("the company said.\n Reuter").unwrap();
        assert_eq!(m.len(), 6);
        assert!(a.is_some());
        assert!(sign_off("Prices rose. (AFP)").is_some());
        assert!(sign_off("He works at Reuters").is_none());
    }

    #[test]
    fn wire_datelines() {
        let cases = [
            (
                "BALI, Indonesia, Nov. 15 (Yonhap) -- South Korea",
                Some("BALI, Indonesia"),
                Some("Yonhap"),
                Some("Nov. 15"),
            ),
            (
                "SEOUL, Sept 23 (Reuters) - North Korea",
                Some("SEOUL"),
                Some("Reuters"),
                Some("Sept 23"),
            ),
            (
                "WASHINGTON (AP) — The",
                Some("WASHINGTON"),
                Some("AP"),
                None,
            ),
            ("Feb 26 - Shares rose", None, None, Some("Feb 26")),
            (
                "PORTLAND, Ore., Feb 26 - Red Lion",
                Some("PORTLAND, Ore."),
                None,
                Some("Feb 26"),
            ),
            ("WASHINGTON — President", Some("WASHINGTON"), None, None),
        ];
        for (line, place, agency, date) in cases {
            let m = wire_dateline(line).unwrap_or_else(|| panic!("no dateline in {line:?}"));
            assert_eq!(m.place.map(|r| sub(line, &r)).as_deref(), place, "{line}");
            assert_eq!(m.agency.map(|r| sub(line, &r)).as_deref(), agency, "{line}");
            assert_eq!(m.date.map(|r| sub(line, &r)).as_deref(), date, "{line}");
        }
        assert!(wire_dateline("China is willing to work - with Korea").is_none());
        assert!(wire_dateline("BREAKING - Markets fall").is_none());
        assert!(wire_dateline("Xi said: we will").is_none());
    }

    #[test]
    fn headlines() {
        assert!(headline_like(
            "China seeks cooperation with South Korea amid tensions"
        ));
        assert!(headline_like(
            "TAIWAN TO SEEK HIGHER TEXTILE EXPORTS TO U.S."
        ));
        assert!(headline_like("China to work with U.S."));
        assert!(headline_like("iTunes now selling Band Aid song"));
        assert!(!headline_like("Xi met Han on Saturday."));
        assert!(!headline_like("WORLD"));
        assert!(!headline_like("the talks went on"));
        assert_eq!(title_prefix("(2nd LD) Yoon, Xi hold talks"), Some(0..9));
        assert_eq!(title_prefix("(LEAD) Yoon, Xi hold talks"), Some(0..7));
        assert_eq!(title_prefix("UPDATE 2-Oil rises"), Some(0..9));
        assert_eq!(title_prefix("(LEAD)"), None);
        assert_eq!(title_prefix("Oil (crude) rises"), None);
    }

    #[test]
    fn similarity() {
        let (share, hits) = overlap(
            "China ready to work with South Korea for regional peace, stability",
            "Chinese President Xi Jinping said on Tuesday that his country is ready to collaborate with South Korea to promote regional peace and stability.",
        );
        assert!(share >= 0.6 && hits >= 5, "{share} {hits}");
        let (share, _) = overlap(
            "Argentina, China agree to currency swap at G20 summit",
            "Chinese President Xi Jinping said on Tuesday that his country is ready.",
        );
        assert!(share < 0.4);
    }
}

#[cfg(test)]
mod wire_edge_tests {
    use super::*;

    #[test]
    fn dateline_edges() {
        let m = wire_dateline("NEW YORK, March 2 -The New York Mercantile Exchange").unwrap();
        assert_eq!(&"NEW YORK, March 2 -The"[m.place.unwrap()], "NEW YORK");
        let line = "ATLANTA , March 3 - National Data Corp said";
        assert_eq!(
            &line[wire_dateline(line).unwrap().place.unwrap()],
            "ATLANTA"
        );
        let line = "RICHMOND, Va. Feb 26 - Shares rose";
        assert_eq!(
            &line[wire_dateline(line).unwrap().place.unwrap()],
            "RICHMOND, Va."
        );
        assert!(wire_dateline("ROTTERDAM PORT SUBSIDY TO END JULY 1 - MINISTER").is_none());
        assert!(wire_dateline("SEOUL-based firms rose").is_none());
        assert!(sign_off("possible.\n REUTER...").is_some());
    }
}

#[cfg(test)]
mod loose_tests {
    use super::*;

    fn parts(line: &str) -> Option<(Option<String>, Option<String>, Option<String>)> {
        let m = loose_dateline(line)?;
        let get = |r: Option<Range<usize>>| r.map(|r| line[r].to_owned());
        Some((get(m.place), get(m.agency), get(m.date)))
    }

    #[test]
    fn loose_datelines() {
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            parts("Harbin — The city council met on Monday to approve it."),
            Some((s("Harbin"), None, None))
        );
        assert_eq!(
            parts("Port Louis: In a major reshuffle the cabinet was changed."),
            Some((s("Port Louis"), None, None))
        );
        assert_eq!(
            parts("Port Louis, May 18: In a major reshuffle the cabinet was changed."),
            Some((s("Port Louis"), None, s("May 18")))
        );
        assert_eq!(
            parts("OSLO—A rocket carried three satellites into orbit on Sunday."),
            Some((s("OSLO"), None, None))
        );
        assert_eq!(
            parts("LIMA • Records fell for a second night in the pool on Sunday."),
            Some((s("LIMA"), None, None))
        );
        assert_eq!(
            parts("KAMPALA (XYZ) June 3, 2016 – Ministers gathered in the capital on Friday."),
            Some((s("KAMPALA"), s("XYZ"), s("June 3, 2016")))
        );
        assert_eq!(
            parts("(Newswire) - Acme Corp reported a quarterly profit on Tuesday."),
            Some((None, s("Newswire"), None))
        );
        // Labels and short texts are not datelines.
        assert!(loose_dateline("Note: The figures were revised on Monday.").is_none());
        assert!(loose_dateline("Update: Officials said the road was open again.").is_none());
        assert!(loose_dateline("Harbin — Yes.").is_none());
        assert!(loose_dateline("The mayor — who spoke on Monday — said it was open.").is_none());
        assert!(loose_dateline("Background: The talks began in March last year.").is_none());
    }

    #[test]
    fn byline_names_fallback() {
        let names = |line: &str| -> Vec<String> {
            byline_names(line)
                .into_iter()
                .map(|r| line[r].to_owned())
                .collect()
        };
        assert_eq!(names("Jane Doe"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe 20/10/2017 15:53"), ["Jane Doe"]);
        assert_eq!(names("Posted by Jane Doe | 2 hours ago"), ["Jane Doe"]);
        assert_eq!(names("Xinhua"), ["Xinhua"]);
        assert_eq!(
            names("Cox Media Group National Content Desk"),
            ["Cox Media Group National Content Desk"]
        );
        assert!(names("12:40").is_empty());
        assert!(names("").is_empty());
        assert!(names("by").is_empty());
    }

    #[test]
    fn normalized_text() {
        assert_eq!(normalized("  Xi, Han: MEET! "), "xi han meet");
        assert_eq!(normalized(""), "");
    }
}
