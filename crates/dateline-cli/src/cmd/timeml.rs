//! `dateline timeml INPUT_DIR OUTPUT_DIR`: TimeML in, TimeML with our TIMEX3 tags out.
//!
//! For each `.tml`/`.xml` file under INPUT_DIR (recursively):
//! 1. the document creation time (DCT) is the `value` of the TIMEX3 inside `<DCT>` (or any
//!    TIMEX3 with `functionInDocument="CREATION_TIME"` outside `<TEXT>`);
//! 2. inside `<TEXT>`, existing TIMEX3/EVENT/SIGNAL tags are removed (their inner text stays);
//!    other markup is kept as is;
//! 3. dates are found on the *unescaped* text (`&amp;` read as `&`) anchored on the DCT, and
//!    our `<TIMEX3 tid type value [mod] ...>` tags are inserted at the matching positions of
//!    the *escaped* text, so the text between tags is byte-for-byte the input text;
//! 4. everything outside `<TEXT>` is copied unchanged, except link and instance elements
//!    (TLINK, SLINK, ALINK, MAKEINSTANCE), which refer to the annotations we removed. This
//!    is the shape of TempEval-3 task A input plus system TIMEX3s, which its scorer expects.
//!
//! The file is written under the same relative path below OUTPUT_DIR.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline_dates::{find, AnchorUse, Options, Timex};

use super::DateOrderArg;
use crate::error::CliError;
use crate::input::{decode, expand, Source};
use crate::Outcome;

/// Arguments of `dateline timeml`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct TimemlArgs {
    /// Directory of TimeML documents (`*.tml`, `*.xml`; walked recursively).
    pub(crate) input_dir: PathBuf,
    /// Directory to write the annotated documents to (created if needed).
    pub(crate) output_dir: PathBuf,
    /// How all-numeric dates such as 05/11/2022 are read.
    #[arg(long, value_enum, default_value_t = DateOrderArg::Mdy)]
    pub(crate) date_order: DateOrderArg,
    /// Replace invalid UTF-8 with U+FFFD instead of failing the document.
    #[arg(long)]
    pub(crate) lossy: bool,
}

/// Runs `dateline timeml`.
///
/// # Errors
/// [`CliError::Usage`] when INPUT_DIR is not a directory or is OUTPUT_DIR itself; document
/// failures are counted in the returned [`Outcome`].
pub(crate) fn run(args: &TimemlArgs) -> Result<Outcome, CliError> {
    if !args.input_dir.is_dir() {
        return Err(CliError::Usage(format!(
            "INPUT_DIR {} is not a directory; give the folder that holds the .tml files",
            args.input_dir.display()
        )));
    }
    if same_dir(&args.input_dir, &args.output_dir) {
        return Err(CliError::Usage(
            "OUTPUT_DIR must differ from INPUT_DIR (the input files would be overwritten)"
                .to_owned(),
        ));
    }
    let mut outcome = Outcome::default();
    let globs = ["*.tml".to_owned(), "*.xml".to_owned()];
    let (sources, errors) = expand(std::slice::from_ref(&args.input_dir), &globs);
    for error in errors {
        outcome.fail(&error);
    }
    let mut options = Options::default();
    options.date_order = args.date_order.into();
    // An OUTPUT_DIR inside INPUT_DIR holds earlier output, not input.
    let output_dir = fs::canonicalize(&args.output_dir).ok();
    for source in sources {
        let Source::File(path) = source else { continue };
        let inside_output = output_dir
            .as_ref()
            .is_some_and(|out| fs::canonicalize(&path).is_ok_and(|p| p.starts_with(out)));
        if inside_output {
            continue;
        }
        match convert_file(&path, args, &options) {
            Ok(()) => outcome.ok += 1,
            Err(error) => outcome.fail(&error),
        }
    }
    Ok(outcome)
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn convert_file(path: &Path, args: &TimemlArgs, options: &Options) -> Result<(), CliError> {
    let bytes = fs::read(path).map_err(|source| CliError::Read {
        path: path.into(),
        source,
    })?;
    let doc = decode(bytes, args.lossy, path)?;
    let annotated = annotate(&doc, options).map_err(|message| CliError::TimeMl {
        path: path.into(),
        message,
    })?;
    let relative = path.strip_prefix(&args.input_dir).unwrap_or(path);
    let target = args.output_dir.join(relative);
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(|source| CliError::Write {
            path: parent.into(),
            source,
        })?;
    }
    fs::write(&target, annotated).map_err(|source| CliError::Write {
        path: target,
        source,
    })
}

/// Annotates one TimeML document (see the module docs).
///
/// # Errors
/// A message when the document has no `<TEXT>` element or malformed markup inside it.
pub(crate) fn annotate(doc: &str, base: &Options) -> Result<String, String> {
    annotate_with(doc, base, find)
}

/// [`annotate`] with the expression finder given (tests use a fixed one).
fn annotate_with(
    doc: &str,
    base: &Options,
    finder: impl Fn(&str, &Options) -> Vec<Timex>,
) -> Result<String, String> {
    let (open_end, close_start) = text_element(doc)?;
    let outside = [&doc[..open_end], &doc[close_start..]];
    let dct = find_dct(doc, open_end, close_start);
    let mut options = base.clone();
    options.anchor = dct.as_ref().and_then(|d| d.date);
    let content = Content::scan(&doc[open_end..close_start])?;
    let found = finder(&content.plain, &options);

    let mut used_ids: Vec<String> = Vec::new();
    for part in outside {
        used_ids.extend(tids(part));
    }
    let dct_tid = dct.as_ref().and_then(|d| d.tid.clone());
    let mut next_id = 1usize;
    let mut out = String::with_capacity(doc.len() + found.len() * 80);
    out.push_str(&drop_links(&doc[..open_end]));
    let mut cursor = 0usize;
    for timex in &found {
        let Some((start, end)) = content.escaped_range(timex.span.start, timex.span.end) else {
            continue;
        };
        if start < cursor {
            continue;
        }
        let tid = loop {
            let candidate = format!("t{next_id}");
            next_id += 1;
            if !used_ids.contains(&candidate) {
                break candidate;
            }
        };
        out.push_str(&content.escaped[cursor..start]);
        out.push_str(&open_tag(&tid, timex, dct_tid.as_deref()));
        out.push_str(&content.escaped[start..end]);
        out.push_str("</TIMEX3>");
        cursor = end;
    }
    out.push_str(&content.escaped[cursor..]);
    out.push_str(&drop_links(&doc[close_start..]));
    Ok(out)
}

fn open_tag(tid: &str, timex: &Timex, dct_tid: Option<&str>) -> String {
    let mut tag = format!(
        "<TIMEX3 tid=\"{tid}\" type=\"{}\" value=\"{}\"",
        timex.kind.as_str(),
        escape_attr(&timex.value)
    );
    if let Some(m) = timex.modifier {
        tag.push_str(&format!(" mod=\"{}\"", m.as_str()));
    }
    match (timex.anchor, dct_tid) {
        (AnchorUse::Published, Some(dct)) => {
            tag.push_str(&format!(
                " temporalFunction=\"true\" functionInDocument=\"NONE\" anchorTimeID=\"{}\"",
                escape_attr(dct)
            ));
        }
        (AnchorUse::None, _) => {
            tag.push_str(" temporalFunction=\"false\" functionInDocument=\"NONE\"");
        }
        _ => tag.push_str(" temporalFunction=\"true\" functionInDocument=\"NONE\""),
    }
    tag.push('>');
    tag
}

fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Byte offsets of the end of `<TEXT ...>` and the start of `</TEXT>`.
fn text_element(doc: &str) -> Result<(usize, usize), String> {
    let mut from = 0;
    let open_end = loop {
        let Some(at) = doc[from..].find("<TEXT").map(|i| i + from) else {
            return Err("no <TEXT> element".to_owned());
        };
        let after = at + "<TEXT".len();
        match doc.as_bytes().get(after) {
            Some(b'>') => break after + 1,
            Some(b) if b.is_ascii_whitespace() => match doc[after..].find('>') {
                Some(gt) => break after + gt + 1,
                None => return Err("unterminated <TEXT> start tag".to_owned()),
            },
            _ => from = after,
        }
    };
    let close_start = doc[open_end..]
        .find("</TEXT>")
        .map(|i| i + open_end)
        .ok_or_else(|| "<TEXT> is never closed (no </TEXT>)".to_owned())?;
    Ok((open_end, close_start))
}

/// The document creation time found outside `<TEXT>`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Dct {
    tid: Option<String>,
    date: Option<NaiveDate>,
}

fn find_dct(doc: &str, text_open_end: usize, text_close_start: usize) -> Option<Dct> {
    // Prefer a TIMEX3 inside <DCT>; otherwise any CREATION_TIME TIMEX3 outside TEXT.
    let parts = [(0, text_open_end), (text_close_start, doc.len())];
    let mut fallback = None;
    for (from, to) in parts {
        let region = &doc[from..to];
        let dct_region = region
            .find("<DCT")
            .and_then(|s| region[s..].find("</DCT>").map(|e| &region[s..s + e]));
        if let Some(dct) = dct_region {
            if let Some(tag) = start_tags(dct, "TIMEX3").next() {
                return Some(dct_from_tag(tag));
            }
        }
        if fallback.is_none() {
            fallback = start_tags(region, "TIMEX3")
                .find(|t| attr(t, "functionInDocument").as_deref() == Some("CREATION_TIME"))
                .map(dct_from_tag);
        }
    }
    fallback
}

fn dct_from_tag(tag: &str) -> Dct {
    let date = attr(tag, "value").and_then(|v| {
        let v = v.trim();
        let head = v.get(..10).unwrap_or(v);
        NaiveDate::parse_from_str(head, "%Y-%m-%d")
            .ok()
            .or_else(|| NaiveDate::parse_from_str(head, "%Y%m%d").ok())
    });
    Dct {
        tid: attr(tag, "tid"),
        date,
    }
}

/// Start tags `<NAME ...>` (or self-closing) in `s`.
fn start_tags<'a>(s: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let needle = format!("<{name}");
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let at = s[from..].find(&needle)? + from;
        let after = at + needle.len();
        let end = s[after..].find('>')? + after + 1;
        from = after;
        match s.as_bytes().get(after) {
            Some(b) if b.is_ascii_whitespace() || *b == b'>' || *b == b'/' => {
                return Some(&s[at..end]);
            }
            _ => continue,
        }
    })
}

/// The unescaped value of attribute `name` in a start tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(i) = tag[from..].find(name).map(|i| i + from) {
        from = i + name.len();
        let before_ok = i > 0 && bytes[i - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let quote = rest.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let body = &rest[1..];
        let end = body.find(quote)?;
        return Some(unescape(&body[..end]));
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        match decode_entity(&rest[amp..]) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[amp + len..];
            }
            None => {
                out.push('&');
                rest = &rest[amp + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the entity at the start of `s` (`&amp;`, `&#38;`, `&#x26;` ...): the character
/// and the entity's byte length. Unknown entities return `None` (kept as literal text).
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let semi = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &s[1..semi];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse::<u32>().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, semi + 1))
}

/// Element names whose tags we remove from TEXT (their inner text stays).
const STRIPPED: [&str; 3] = ["TIMEX3", "EVENT", "SIGNAL"];
/// Elements outside TEXT that refer to the annotations we removed.
const LINKS: [&str; 4] = ["TLINK", "SLINK", "ALINK", "MAKEINSTANCE"];

/// The TEXT content with existing annotations removed, as escaped markup and as plain text,
/// with an offset map from plain to escaped bytes.
///
/// The map is a list of segments (a run of literal text maps byte for byte; an entity maps
/// one character to its escaped form), so its size grows with the number of entities and
/// tags, not with the text length.
#[derive(Debug)]
struct Content {
    /// The content without TIMEX3/EVENT/SIGNAL tags, still escaped (this is what we write).
    escaped: String,
    /// The unescaped character data (what dates are found in).
    plain: String,
    /// Segments in text order; plain offsets are contiguous and increasing.
    segments: Vec<Segment>,
}

/// A stretch of plain text and where it sits in the escaped text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// Plain byte offset of the segment start.
    plain: usize,
    /// Escaped byte offset of the segment start.
    escaped: usize,
    /// Plain byte length.
    plain_len: usize,
    /// Escaped byte length.
    escaped_len: usize,
    /// Literal text (byte-for-byte) rather than one entity.
    literal: bool,
}

impl Content {
    fn scan(raw: &str) -> Result<Content, String> {
        let mut c = Content {
            escaped: String::with_capacity(raw.len()),
            plain: String::with_capacity(raw.len()),
            segments: Vec::new(),
        };
        let mut i = 0;
        while i < raw.len() {
            let rest = &raw[i..];
            if rest.starts_with('<') {
                let len = markup_len(rest)
                    .ok_or_else(|| format!("unterminated markup at byte {i} of TEXT"))?;
                let markup = &rest[..len];
                if !is_stripped(markup) {
                    c.escaped.push_str(markup);
                }
                i += len;
            } else if rest.starts_with('&') {
                let len = match decode_entity(rest) {
                    Some((ch, len)) => {
                        let mut buf = [0u8; 4];
                        c.push(ch.encode_utf8(&mut buf), &rest[..len], false);
                        len
                    }
                    None => {
                        c.push("&", "&", true);
                        1
                    }
                };
                i += len;
            } else {
                let run = rest.find(['<', '&']).unwrap_or(rest.len());
                c.push(&rest[..run], &rest[..run], true);
                i += run;
            }
        }
        Ok(c)
    }

    fn push(&mut self, plain: &str, escaped: &str, literal: bool) {
        let segment = Segment {
            plain: self.plain.len(),
            escaped: self.escaped.len(),
            plain_len: plain.len(),
            escaped_len: escaped.len(),
            literal,
        };
        self.plain.push_str(plain);
        self.escaped.push_str(escaped);
        // Literal text directly after literal text (no markup between) extends the segment.
        if let Some(last) = self.segments.last_mut() {
            if literal
                && last.literal
                && last.plain + last.plain_len == segment.plain
                && last.escaped + last.escaped_len == segment.escaped
            {
                last.plain_len += segment.plain_len;
                last.escaped_len += segment.escaped_len;
                return;
            }
        }
        self.segments.push(segment);
    }

    /// The segment holding plain byte `p`.
    fn segment(&self, p: usize) -> Option<&Segment> {
        let i = self
            .segments
            .partition_point(|s| s.plain <= p)
            .checked_sub(1)?;
        self.segments.get(i).filter(|s| p < s.plain + s.plain_len)
    }

    /// Escaped offset where the character starting at plain offset `p` starts.
    fn start_of(&self, p: usize) -> Option<usize> {
        let s = self.segment(p)?;
        Some(if s.literal {
            s.escaped + (p - s.plain)
        } else {
            s.escaped
        })
    }

    /// Escaped offset just after the character ending at plain offset `p` (> 0).
    fn end_of(&self, p: usize) -> Option<usize> {
        let s = self.segment(p.checked_sub(1)?)?;
        Some(if s.literal {
            s.escaped + (p - s.plain)
        } else {
            s.escaped + s.escaped_len
        })
    }

    /// The escaped byte range of plain range `start..end`, unless it is empty, out of
    /// bounds, or would cross kept markup (a tag there would not nest).
    fn escaped_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end || !self.plain.is_char_boundary(start) || !self.plain.is_char_boundary(end)
        {
            return None;
        }
        let a = self.start_of(start)?;
        let b = self.end_of(end)?;
        if a >= b || self.escaped.get(a..b)?.contains('<') {
            return None;
        }
        Some((a, b))
    }
}

/// Length of the markup at the start of `s` (a tag, comment, CDATA section or processing
/// instruction), or `None` when it is not terminated.
fn markup_len(s: &str) -> Option<usize> {
    let (close, skip) = if s.starts_with("<!--") {
        ("-->", 4)
    } else if s.starts_with("<![CDATA[") {
        ("]]>", 9)
    } else if s.starts_with("<?") {
        ("?>", 2)
    } else {
        (">", 1)
    };
    s[skip..].find(close).map(|i| skip + i + close.len())
}

fn tag_name(markup: &str) -> &str {
    let body = markup.trim_start_matches('<').trim_start_matches('/');
    let end = body
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(body.len());
    &body[..end]
}

fn is_stripped(markup: &str) -> bool {
    STRIPPED.contains(&tag_name(markup))
}

/// `tid` attribute values of every start tag in `s`.
fn tids(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = s[from..].find('<').map(|i| i + from) {
        let Some(len) = markup_len(&s[at..]) else {
            break;
        };
        if let Some(t) = attr(&s[at..at + len], "tid") {
            out.push(t);
        }
        from = at + len;
    }
    out
}

/// Removes link/instance elements (and the line they stood on, when alone on it).
fn drop_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    while let Some(at) = s[from..].find('<').map(|i| i + from) {
        let Some(len) = markup_len(&s[at..]) else {
            break;
        };
        let markup = &s[at..at + len];
        if markup.starts_with("</") || !LINKS.contains(&tag_name(markup)) {
            out.push_str(&s[from..at + len]);
            from = at + len;
            continue;
        }
        // The element's end: self-closing, or up to its end tag.
        let mut end = at + len;
        if !markup.ends_with("/>") {
            let close = format!("</{}>", tag_name(markup));
            if let Some(i) = s[end..].find(&close) {
                end += i + close.len();
            }
        }
        let line_start = s[..at].rfind('\n').map_or(0, |i| i + 1);
        let alone_before = s[line_start.max(from)..at].trim().is_empty() && line_start >= from;
        let line_end = s[end..].find('\n').map(|i| end + i);
        let alone_after = line_end.is_some_and(|le| s[end..le].trim().is_empty());
        if alone_before && alone_after {
            out.push_str(&s[from..line_start]);
            from = line_end.map_or(end, |le| le + 1);
        } else {
            out.push_str(&s[from..at]);
            from = end;
        }
    }
    out.push_str(&s[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip_tags(s: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in s.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X</DOCID>\n\
<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2023-09-23\" functionInDocument=\"CREATION_TIME\">20230923</TIMEX3></DCT>\n\
<TEXT>\nAT&amp;T <EVENT eid=\"e1\">said</EVENT> on <TIMEX3 tid=\"t5\" type=\"DATE\" value=\"2023-09-22\">Friday</TIMEX3> \
that &quot;September 23, 2023&quot; was fine.\n</TEXT>\n\
<MAKEINSTANCE eiid=\"ei1\" eventID=\"e1\" />\n<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\" />\n\
</TimeML>\n";

    /// Finds the fixed phrases "September 23, 2023" and "Friday" (so these tests do not
    /// depend on the date engine).
    fn fixed(plain: &str, options: &Options) -> Vec<Timex> {
        let mut out = Vec::new();
        for (phrase, value) in [
            ("Friday", "2023-09-22"),
            ("September 23, 2023", "2023-09-23"),
        ] {
            if let Some(at) = plain.find(phrase) {
                out.push(Timex {
                    span: dateline_text::Span::new(at, at + phrase.len()),
                    text: phrase.to_owned(),
                    kind: dateline_dates::TimexKind::Date,
                    value: value.to_owned(),
                    modifier: None,
                    anchor: if options.anchor.is_some() && phrase == "Friday" {
                        AnchorUse::Published
                    } else {
                        AnchorUse::None
                    },
                    range: None,
                });
            }
        }
        out.sort_by_key(|t| t.span.start);
        out
    }

    #[test]
    fn text_between_tags_is_unchanged() {
        let out = annotate_with(DOC, &Options::default(), fixed).unwrap();
        assert!(out.contains("value=\"2023-09-22\" temporalFunction=\"true\" functionInDocument=\"NONE\" anchorTimeID=\"t0\">Friday</TIMEX3>"), "{out}");
        let (a, b) = text_element(DOC).unwrap();
        let (c, d) = text_element(&out).unwrap();
        let input = Content::scan(&DOC[a..b]).unwrap();
        assert_eq!(strip_tags(&out[c..d]), strip_tags(&input.escaped));
        assert!(out[c..d].contains("AT&amp;T"));
        assert!(out.contains(">September 23, 2023</TIMEX3>"), "{out}");
        assert!(!out.contains("TLINK") && !out.contains("MAKEINSTANCE"));
        assert!(out.contains("<DCT><TIMEX3 tid=\"t0\""));
        assert!(out.ends_with("</TEXT>\n</TimeML>\n"), "{out}");
    }

    #[test]
    fn dct_is_found_and_tids_avoid_it() {
        let (a, b) = text_element(DOC).unwrap();
        let dct = find_dct(DOC, a, b).unwrap();
        assert_eq!(dct.tid.as_deref(), Some("t0"));
        assert_eq!(dct.date, NaiveDate::from_ymd_opt(2023, 9, 23));
        let out = annotate_with(DOC, &Options::default(), fixed).unwrap();
        assert!(!out[a..].contains("tid=\"t0\""));
        assert!(out[a..].contains("tid=\"t1\"") && out[a..].contains("tid=\"t2\""));
    }

    #[test]
    fn entities_map_to_escaped_offsets() {
        let c = Content::scan("A&amp;B &#233;t&eacute; <b>x</b>").unwrap();
        assert_eq!(c.plain, "A&B ét&eacute; x");
        assert_eq!(c.escaped, "A&amp;B &#233;t&eacute; <b>x</b>");
        // "&B" in plain is bytes 1..3 -> "&amp;B" in escaped.
        assert_eq!(c.escaped_range(1, 3), Some((1, 7)));
        // "é" (2 bytes) -> "&#233;".
        assert_eq!(c.escaped_range(4, 6), Some((8, 14)));
        // "x" sits between kept tags; its own range does not include them.
        let x = c.plain.find('x').unwrap();
        let (s, e) = c.escaped_range(x, x + 1).unwrap();
        assert_eq!(&c.escaped[s..e], "x");
        // A range crossing kept markup is refused.
        assert_eq!(c.escaped_range(0, c.plain.len()), None);
    }

    #[test]
    fn malformed_documents_are_errors() {
        assert!(annotate("<TimeML>no text</TimeML>", &Options::default()).is_err());
        assert!(annotate("<TEXT>a <b</TEXT>", &Options::default()).is_err());
        assert!(annotate("<TEXT>never closed", &Options::default()).is_err());
        assert!(annotate("<TEXT>ok &unknown; & done</TEXT>", &Options::default()).is_ok());
    }

    #[test]
    fn attributes() {
        let tag = "<TIMEX3 tid='t0' type=\"DATE\" value=\"A&amp;B\">";
        assert_eq!(attr(tag, "tid").as_deref(), Some("t0"));
        assert_eq!(attr(tag, "value").as_deref(), Some("A&B"));
        assert_eq!(attr(tag, "mod"), None);
        assert_eq!(attr("<X atid=\"1\">", "tid"), None);
    }

    #[test]
    fn links_are_dropped_with_their_lines() {
        let s = "a\n<TLINK lid=\"l1\" />\n<SLINK lid=\"l2\"></SLINK>\nb <ALINK/> c\n</TimeML>";
        assert_eq!(drop_links(s), "a\nb  c\n</TimeML>");
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        /// Pieces of TEXT content: escaped text, entities, annotations to strip, kept markup,
        /// dates and non-ASCII characters.
        fn piece() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec![
                "September 23, 2023",
                "on Saturday",
                "last week",
                "four years",
                "2019",
                "AT&amp;T",
                "&lt;",
                "&#233;t&#xE9;",
                "&unknown;",
                "Café “x” —",
                " ",
                "\r\n",
                "\n",
                ".",
                "<EVENT eid=\"e1\">said</EVENT>",
                "<TIMEX3 tid=\"t9\" type=\"DATE\" value=\"2020\">in 2020</TIMEX3>",
                "<SIGNAL sid=\"s1\">on</SIGNAL>",
                "<s>",
                "</s>",
                "<!-- note -->",
                "Sept. 26",
                "5 p.m.",
            ])
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(128))]
            #[test]
            fn annotation_keeps_text_and_tags_balanced(pieces in prop::collection::vec(piece(), 0..40)) {
                let content: String = pieces.concat();
                let doc = format!(
                    "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2023-09-23\" \
                     functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>\n<TEXT>{content}</TEXT>\n</TimeML>\n"
                );
                let out = annotate(&doc, &Options::default()).unwrap();
                let (a, b) = text_element(&out).unwrap();
                let inner = &out[a..b];
                let expected = Content::scan(&content).unwrap();
                prop_assert_eq!(strip_tags(inner), strip_tags(&expected.escaped));
                // Our TIMEX3 tags open and close in turn (never nested), and nothing else of
                // the stripped kinds remains.
                let mut open = false;
                for (i, _) in inner.match_indices("TIMEX3") {
                    let closing = inner[..i].ends_with("</");
                    prop_assert_eq!(closing, open);
                    open = !open;
                }
                prop_assert!(!open);
                prop_assert!(!inner.contains("<EVENT") && !inner.contains("<SIGNAL"));
                // Each tag wraps exactly what the engine found (in order, unescaped).
                let found: Vec<String> =
                    find(&expected.plain, &Options::default()).into_iter().map(|t| t.text).collect();
                let mut rest = found.iter();
                for (i, _) in inner.match_indices("<TIMEX3 ") {
                    let body_start = i + inner[i..].find('>').unwrap() + 1;
                    let body_end = body_start + inner[body_start..].find("</TIMEX3>").unwrap();
                    let body = unescape(&inner[body_start..body_end]);
                    prop_assert!(rest.any(|t| *t == body), "{} not among {:?}", body, found);
                }
                prop_assert!(out.starts_with(&doc[..doc.find("<TEXT>").unwrap()]));
            }
        }
    }
}
