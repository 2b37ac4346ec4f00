//! Structure recognition: header, top matter (title, standfirst, captions, date line, byline),
//! body paragraphs with the wire dateline and sign-off, and the trailing block.
//!
//! One pass classifies every line on its own (caption, byline, credit, chrome, ...); a forward
//! scan then reads the top matter, a backward scan reads the trailing block, and the lines in
//! between become paragraphs. Everything is linear in the number of lines.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use dateline_dates::{find, Options, TimexKind};
use dateline_text::Span;

use crate::lexicon::{self, ChromeKind, WireMatch};
use crate::lines::{split_lines, trim, Line};
use crate::model::{
    Article, Boilerplate, BoilerplateKind, Caption, DateLine, DateValue, Header, Language,
    Precision, Published, RestKind, Title, TitleSource, WireDateline,
};

/// What a line is on its own, before context.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Class {
    Blank,
    /// A caption (possibly spanning the line before, when that line is the caption text and
    /// this one a bare credit).
    Caption(Caption),
    /// A bare credit line merged into the caption on the line before.
    MergedCredit,
    /// A bare photo credit with no caption text to attach to.
    BareCredit,
    Byline(Vec<Span>),
    Credit(Vec<Span>),
    SignOff {
        agency: Option<Span>,
    },
    Chrome,
    RelatedLink,
    Breadcrumb,
    Text,
}

/// The structural parse, before publication-date inference.
pub(crate) struct Structure {
    pub(crate) article: Article,
    /// Day or month values found in byline lines ("By X | Published 23 Sep 2023").
    pub(crate) byline_dates: Vec<DateValue>,
    /// Warnings about the header (an impossible date).
    pub(crate) warnings: Vec<String>,
    /// The agency named by a closing sign-off (" Reuter", "(AFP)").
    pub(crate) sign_off_agency: Option<Span>,
}

struct Parser<'t> {
    text: &'t str,
    lines: Vec<Line>,
    classes: Vec<Class>,
    /// Lines already given a role (header, title, ...).
    taken: Vec<bool>,
    article: Article,
    caption_texts: HashSet<&'t str>,
    byline_texts: HashSet<&'t str>,
    byline_dates: Vec<DateValue>,
    warnings: Vec<String>,
    sign_off_agency: Option<Span>,
    /// [`date_line`] and [`lexicon::wire_dateline`] results by line span: the top, trailing
    /// and body scans ask about the same few lines (each answer costs a date search or a
    /// regex with captures).
    date_lines: RefCell<HashMap<Span, Option<DateLine>>>,
    wires: RefCell<HashMap<Span, Option<WireMatch>>>,
}

/// Parses the structure of `text`.
pub(crate) fn parse(text: &str) -> Structure {
    let lines = split_lines(text);
    let classes = classify_all(text, &lines);
    let n = lines.len();
    let mut p = Parser {
        text,
        lines,
        classes,
        taken: vec![false; n],
        article: Article {
            header: None,
            title: None,
            standfirst: None,
            captions: Vec::new(),
            date_line: None,
            dateline: None,
            byline: Vec::new(),
            paragraphs: Vec::new(),
            boilerplate: Vec::new(),
            language: Language::undetermined(),
            published: Published::none(),
        },
        caption_texts: HashSet::new(),
        byline_texts: HashSet::new(),
        byline_dates: Vec::new(),
        warnings: Vec::new(),
        sign_off_agency: None,
        date_lines: RefCell::new(HashMap::new()),
        wires: RefCell::new(HashMap::new()),
    };
    p.run();
    let Parser {
        article,
        byline_dates,
        warnings,
        sign_off_agency,
        ..
    } = p;
    Structure {
        article,
        byline_dates,
        warnings,
        sign_off_agency,
    }
}

fn classify_all(text: &str, lines: &[Line]) -> Vec<Class> {
    let mut classes: Vec<Class> = lines.iter().map(|l| classify(text, l)).collect();
    // "by Baker." continuing a hard-wrapped sentence is not a byline.
    for k in 1..classes.len() {
        if matches!(classes[k], Class::Byline(_) | Class::Credit(_))
            && classes[k - 1] == Class::Text
            && lines[k]
                .text
                .slice(text)
                .is_some_and(|s| s.starts_with(char::is_lowercase))
            && lines[k - 1]
                .text
                .slice(text)
                .is_some_and(|p| !lexicon::ends_sentence(p) && p.chars().any(char::is_lowercase))
        {
            classes[k] = Class::Text;
        }
    }
    // A bare credit under a caption-like line ("Xi meets Han in Hangzhou.\nPhoto: Reuters")
    // makes that line the caption.
    for k in 1..classes.len() {
        let Class::Caption(c) = &classes[k] else {
            continue;
        };
        if !c.text.is_empty() {
            continue;
        }
        let credit = c.credit;
        let prev = lines[k - 1];
        let prev_text = prev.text.slice(text).unwrap_or("");
        let caption_like = classes[k - 1] == Class::Text
            && lexicon::word_count(prev_text) <= 60
            && (lexicon::ends_sentence(prev_text) || lexicon::word_count(prev_text) >= 8);
        if caption_like {
            classes[k - 1] = Class::Caption(Caption {
                span: prev.text.cover(lines[k].text),
                text: prev.text,
                credit,
            });
            classes[k] = Class::MergedCredit;
        } else {
            classes[k] = Class::BareCredit;
        }
    }
    classes
}

fn classify(text: &str, line: &Line) -> Class {
    let Some(s) = line.text.slice(text) else {
        return Class::Blank;
    };
    if s.is_empty() {
        return Class::Blank;
    }
    let base = line.text.start;
    let abs = |r: std::ops::Range<usize>| Span::new(base + r.start, base + r.end);
    if let Some((marker, agency)) = lexicon::sign_off(s) {
        if marker.start == 0 {
            return Class::SignOff {
                agency: agency.map(abs),
            };
        }
    }
    if let Some(m) = lexicon::caption(s) {
        return Class::Caption(Caption {
            span: line.text,
            text: abs(m.text),
            credit: Some(abs(m.credit)),
        });
    }
    if let Some(names) = lexicon::credit_line(s) {
        return Class::Credit(names.into_iter().map(abs).collect());
    }
    if let Some(names) = lexicon::byline(s) {
        return Class::Byline(names.into_iter().map(abs).collect());
    }
    match lexicon::chrome(s) {
        Some(ChromeKind::Chrome) => return Class::Chrome,
        Some(ChromeKind::RelatedLink) => return Class::RelatedLink,
        None => {}
    }
    if lexicon::breadcrumb(s) {
        return Class::Breadcrumb;
    }
    Class::Text
}

/// Whitespace-normalized, lowercased comparison key.
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

impl<'t> Parser<'t> {
    fn s(&self, span: Span) -> &'t str {
        span.slice(self.text).unwrap_or("")
    }

    fn line_text(&self, i: usize) -> &'t str {
        self.s(self.lines[i].text)
    }

    /// [`date_line`] of `span`, computed once per span.
    fn date_line(&self, span: Span) -> Option<DateLine> {
        self.date_lines
            .borrow_mut()
            .entry(span)
            .or_insert_with(|| date_line(self.text, span))
            .clone()
    }

    /// [`lexicon::wire_dateline`] of the text of `span`, computed once per span.
    fn wire(&self, span: Span) -> Option<WireMatch> {
        self.wires
            .borrow_mut()
            .entry(span)
            .or_insert_with(|| lexicon::wire_dateline(self.s(span)))
            .clone()
    }

    fn boiler(&mut self, kind: BoilerplateKind, span: Span) {
        self.article.boilerplate.push(Boilerplate { kind, span });
    }

    fn run(&mut self) {
        let n = self.lines.len();
        let mut start = 0;
        while start < n && self.lines[start].is_blank() {
            start += 1;
        }
        if start < n && self.header(start) {
            start += 1;
        }
        let body_start = self.top(start);
        let trailing_start = self.trailing(body_start);
        self.body(body_start, trailing_start);
        self.article.boilerplate.sort_by_key(|b| b.span);
    }

    // ------------------------------------------------------------ header

    fn header(&mut self, i: usize) -> bool {
        let line = self.lines[i];
        let s = self.s(line.text);
        let Some(m) = lexicon::header(s) else {
            return false;
        };
        let base = line.text.start;
        let date_text = Span::new(base + m.date.start, base + m.date.end);
        let rest = m.rest.map(|r| Span::new(base + r.start, base + r.end));
        let date = header_date(self.s(date_text));
        if date.is_none() {
            self.warnings.push(format!(
                "header date {:?} is not a valid calendar date; it was ignored",
                self.s(date_text)
            ));
        }
        self.taken[i] = true;
        let rest_kind = rest.map(|r| self.rest_kind(r, i));
        if let (Some(r), Some(kind)) = (rest, rest_kind) {
            match kind {
                RestKind::Caption => {
                    if let Some(m) = lexicon::caption(self.s(r)) {
                        let c = Caption {
                            span: r,
                            text: Span::new(r.start + m.text.start, r.start + m.text.end),
                            credit: Some(Span::new(
                                r.start + m.credit.start,
                                r.start + m.credit.end,
                            )),
                        };
                        self.add_caption(c);
                    }
                }
                RestKind::Title => {
                    // The title line below repeats it: the top scan takes that line. Otherwise
                    // the header's rest is the title.
                    let next = self.next_text(i + 1);
                    let repeated = next.is_some_and(|j| norm(self.line_text(j)) == norm(self.s(r)));
                    if !repeated {
                        self.article.title = Some(make_title(self.text, r, TitleSource::Header));
                    }
                }
                RestKind::Section | RestKind::Chrome | RestKind::Lead => {}
            }
        }
        self.article.header = Some(Header {
            span: line.text,
            date_text,
            date,
            rest,
            rest_kind,
        });
        true
    }

    /// The first line after `from` that is plain text.
    fn next_text(&self, from: usize) -> Option<usize> {
        (from..self.lines.len()).find(|&j| self.classes[j] == Class::Text)
    }

    fn rest_kind(&self, rest: Span, header_line: usize) -> RestKind {
        let r = self.s(rest);
        if lexicon::caption(r).is_some() {
            return RestKind::Caption;
        }
        if lexicon::chrome(r).is_some() || lexicon::breadcrumb(r) || is_chrome_label(r) {
            return RestKind::Chrome;
        }
        let key = norm(r);
        if let Some(j) = self.next_text(header_line + 1) {
            let next = norm(self.line_text(j));
            if next.starts_with(&key) && next.len() > key.len() {
                return RestKind::Lead;
            }
        }
        let words = lexicon::word_count(r);
        if words <= 3 && !lexicon::ends_sentence(r) {
            return RestKind::Section;
        }
        if lexicon::headline_like(r) {
            return RestKind::Title;
        }
        RestKind::Lead
    }

    // ------------------------------------------------------------ top matter

    fn add_caption(&mut self, c: Caption) {
        let key = if c.text.is_empty() { c.span } else { c.text };
        let key = self.s(key);
        if self.caption_texts.insert(key) {
            self.article.captions.push(c);
        } else {
            self.boiler(BoilerplateKind::CaptionRepeat, c.span);
        }
    }

    fn add_names(&mut self, names: &[Span]) {
        for &n in names {
            if self.byline_texts.insert(self.s(n)) {
                self.article.byline.push(n);
            }
        }
    }

    /// Handles a non-text line anywhere; returns false for text lines.
    fn side_line(&mut self, i: usize) -> bool {
        let span = self.lines[i].text;
        match self.classes[i].clone() {
            Class::Blank | Class::MergedCredit => {}
            Class::Caption(c) => self.add_caption(c),
            Class::BareCredit | Class::SignOff { agency: None } => {
                self.boiler(BoilerplateKind::Credit, span)
            }
            Class::SignOff { agency: Some(a) } => {
                self.boiler(BoilerplateKind::Credit, span);
                self.sign_off_agency = Some(a);
            }
            Class::Byline(names) => {
                self.add_names(&names);
                self.byline_timestamp(span);
            }
            Class::Credit(names) => {
                self.add_names(&names);
                self.boiler(BoilerplateKind::Credit, span);
            }
            Class::Chrome => self.boiler(BoilerplateKind::Chrome, span),
            Class::RelatedLink => self.boiler(BoilerplateKind::RelatedHeadline, span),
            Class::Breadcrumb => self.boiler(BoilerplateKind::Breadcrumb, span),
            Class::Text => return false,
        }
        self.taken[i] = true;
        true
    }

    fn byline_timestamp(&mut self, span: Span) {
        let s = self.s(span);
        if !s.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
        if let Some(d) = find(s, &Options::default())
            .iter()
            .filter(|t| t.kind == TimexKind::Date || t.kind == TimexKind::Time)
            .find_map(|t| DateValue::from_timex_value(&t.value))
        {
            self.byline_dates.push(d);
        }
    }

    /// Reads the top matter from line `start`; returns the first body line.
    fn top(&mut self, start: usize) -> usize {
        let n = self.lines.len();
        let mut i = start;
        let mut seen_text = false;
        let mut title_line: Option<usize> = None;
        while i < n {
            if self.side_line(i) {
                i += 1;
                continue;
            }
            let span = self.lines[i].text;
            let s = self.s(span);
            if let Some(dl) = self.date_line(span) {
                if self.article.date_line.is_none() {
                    self.article.date_line = Some(dl);
                } else {
                    self.boiler(BoilerplateKind::Chrome, span);
                }
                self.taken[i] = true;
                i += 1;
                continue;
            }
            // A dateline with a date or an agency starts the body; a bare "PLACE -" may be a headline.
            let wire = self.wire(span);
            if wire
                .as_ref()
                .is_some_and(|w| w.date.is_some() || w.agency.is_some())
            {
                break;
            }
            if self.article.title.is_none()
                && !seen_text
                && lexicon::headline_like(s)
                && !self.continues(i)
            {
                self.article.title = Some(make_title(self.text, span, TitleSource::Top));
                self.taken[i] = true;
                title_line = Some(i);
                seen_text = true;
                i += 1;
                continue;
            }
            let after_title = title_line.is_some_and(|t| {
                (t + 1..i).all(|k| self.classes[k] != Class::Text || self.taken[k])
            });
            if after_title
                && self.article.standfirst.is_none()
                && lexicon::prose_like(s)
                && self.next_is_meta(i + 1)
            {
                self.article.standfirst = Some(span);
                self.taken[i] = true;
                seen_text = true;
                i += 1;
                continue;
            }
            // A section label above the headline ("WORLD", "Asia Pacific").
            if self.article.title.is_none()
                && !seen_text
                && wire.is_none()
                && lexicon::word_count(s) <= 3
                && !lexicon::ends_sentence(s)
                && self.next_text(i + 1).is_some_and(|j| {
                    lexicon::headline_like(self.line_text(j))
                        && self.date_line(self.lines[j].text).is_none()
                })
            {
                self.boiler(BoilerplateKind::Chrome, span);
                self.taken[i] = true;
                i += 1;
                continue;
            }
            if wire.is_none() && self.short_line_before_dateline(i, s) {
                self.boiler(BoilerplateKind::Chrome, span);
                self.taken[i] = true;
                i += 1;
                continue;
            }
            break;
        }
        i
    }

    /// A short non-sentence line (an unreadable timestamp, a label) just before a wire
    /// dateline belongs to the top matter: the body starts at the dateline.
    fn short_line_before_dateline(&self, i: usize, s: &str) -> bool {
        if lexicon::word_count(s) > 12 || lexicon::ends_sentence(s) {
            return false;
        }
        (i + 1..self.lines.len())
            .filter(|&j| self.classes[j] == Class::Text)
            .take(2)
            .any(|j| {
                self.wire(self.lines[j].text)
                    .is_some_and(|w| w.date.is_some() || w.agency.is_some())
            })
    }

    /// True when line `i` runs on into the next line (hard-wrapped prose, not a headline).
    fn continues(&self, i: usize) -> bool {
        let Some(next) = self.lines.get(i + 1) else {
            return false;
        };
        if next.is_blank() || self.classes[i + 1] != Class::Text {
            return false;
        }
        let first = self.s(next.text).chars().next();
        first.is_some_and(char::is_lowercase) || lexicon::ends_dangling(self.line_text(i))
    }

    /// True when the next significant line from `from` is top matter (caption, byline, date line).
    fn next_is_meta(&self, from: usize) -> bool {
        for j in from..self.lines.len() {
            match &self.classes[j] {
                Class::Blank | Class::Chrome | Class::Breadcrumb | Class::RelatedLink => continue,
                Class::Caption(_) | Class::Byline(_) | Class::BareCredit => return true,
                Class::Text => return self.date_line(self.lines[j].text).is_some(),
                _ => return false,
            }
        }
        false
    }

    // ------------------------------------------------------------ trailing block

    /// Reads the trailing block back from the end; returns the first line after the body.
    fn trailing(&mut self, body_start: usize) -> usize {
        let n = self.lines.len();
        let mut candidates: Vec<usize> = Vec::new();
        let mut j = n;
        while j > body_start {
            let k = j - 1;
            match self.classes[k] {
                Class::Text => {
                    let s = self.line_text(k);
                    if candidates.len() < 40 && self.related_candidate(k, s) {
                        candidates.push(k);
                    } else {
                        break;
                    }
                }
                Class::Caption(_) | Class::Byline(_) => break,
                _ => {}
            }
            j -= 1;
        }
        candidates.reverse();
        // Keep at least one body line.
        let body_lines = (body_start..j)
            .filter(|&k| self.classes[k] == Class::Text)
            .count();
        if body_lines == 0 || candidates.is_empty() {
            return self.trailing_boundary(body_start, &[]);
        }
        let lead = (body_start..j)
            .find(|&k| self.classes[k] == Class::Text)
            .map_or("", |k| {
                let s = self.line_text(k);
                match self.wire(self.lines[k].text) {
                    Some(m) => s.get(m.whole.end..).unwrap_or(s),
                    None => s,
                }
            });
        let mut best: Option<(usize, f64)> = None;
        for &k in &candidates {
            let (share, hits) = lexicon::overlap(self.line_text(k), lead);
            let better = match best {
                Some((_, b)) => share > b,
                None => true,
            };
            if share >= 0.6 && hits >= 3 && better {
                best = Some((k, share));
            }
        }
        if candidates.len() < 2 && best.is_none() {
            return self.trailing_boundary(body_start, &[]);
        }
        for &k in &candidates {
            let span = self.lines[k].text;
            if self.article.title.is_none() && best.is_some_and(|(b, _)| b == k) {
                self.article.title = Some(make_title(self.text, span, TitleSource::Trailer));
            } else {
                self.boiler(BoilerplateKind::RelatedHeadline, span);
            }
            self.taken[k] = true;
        }
        self.trailing_boundary(body_start, &candidates)
    }

    /// The end of the body: after the last text line that is not taken.
    fn trailing_boundary(&self, body_start: usize, _taken: &[usize]) -> usize {
        let mut end = self.lines.len();
        while end > body_start {
            let k = end - 1;
            if self.classes[k] == Class::Text && !self.taken[k] {
                break;
            }
            end -= 1;
        }
        end
    }

    fn related_candidate(&self, k: usize, s: &str) -> bool {
        if !lexicon::headline_like(s) || lexicon::word_count(s) < 3 {
            return false;
        }
        let tokens: Vec<&str> = s.split_whitespace().collect();
        let numeric = tokens
            .iter()
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
            .count();
        if numeric * 4 > tokens.len() || lexicon::content_words(s).len() < 2 {
            return false;
        }
        // Not the last line of a hard-wrapped paragraph.
        if k > 0 && self.classes[k - 1] == Class::Text {
            let prev = self.line_text(k - 1);
            if !lexicon::ends_sentence(prev) && !lexicon::headline_like(prev) {
                return false;
            }
        }
        self.date_line(self.lines[k].text).is_none()
    }

    // ------------------------------------------------------------ body

    fn body(&mut self, start: usize, end: usize) {
        let n = self.lines.len();
        // Side lines inside the body and after it.
        let mut body_lines: Vec<usize> = Vec::new();
        for i in start..n {
            if self.taken[i] {
                continue;
            }
            if self.side_line(i) {
                continue;
            }
            if i >= end {
                // Text after the body that nothing claimed: a late date line or chrome.
                let span = self.lines[i].text;
                if let Some(dl) = self.date_line(span) {
                    if self.article.date_line.is_none() {
                        self.article.date_line = Some(dl);
                        continue;
                    }
                }
                self.boiler(BoilerplateKind::Chrome, span);
                continue;
            }
            body_lines.push(i);
        }
        let wrapped = self.is_wrapped(&body_lines);
        let min_indent = body_lines
            .iter()
            .map(|&i| self.lines[i].indent())
            .min()
            .unwrap_or(0);
        let mut paragraphs: Vec<(usize, usize)> = Vec::new(); // (first line, last line)
        for &i in &body_lines {
            let joins = wrapped
                && paragraphs.last().is_some_and(|&(_, last)| last + 1 == i)
                && self.lines[i].indent() <= min_indent;
            match paragraphs.last_mut() {
                Some(p) if joins => p.1 = i,
                _ => paragraphs.push((i, i)),
            }
        }
        let mut spans: Vec<Span> = paragraphs
            .iter()
            .map(|&(a, b)| self.lines[a].text.cover(self.lines[b].text))
            .collect();
        // Wire dateline at the start of the first paragraph.
        if let Some(first) = spans.first_mut() {
            let s = self.s(*first);
            let first_line_end = s.find(['\n', '\r']).unwrap_or(s.len());
            if let Some(m) = self.wire(Span::new(first.start, first.start + first_line_end)) {
                let base = first.start;
                let abs = |r: std::ops::Range<usize>| Span::new(base + r.start, base + r.end);
                let whole = trim(self.text, abs(m.whole.clone()));
                self.article.dateline = Some(WireDateline {
                    span: whole,
                    place: m.place.map(abs),
                    agency: m.agency.map(abs),
                    date_text: m.date.map(abs),
                    date: None,
                });
                *first = trim(self.text, Span::new(base + m.whole.end, first.end));
            }
        }
        // Closing sign-off at the end of the last paragraph.
        if let Some(last) = spans.last_mut() {
            let s = self.s(*last);
            if let Some((marker, agency)) = lexicon::sign_off(s) {
                let base = last.start;
                if marker.start > 0 {
                    self.boiler(
                        BoilerplateKind::Credit,
                        Span::new(base + marker.start, base + marker.end),
                    );
                    if let Some(a) = agency {
                        self.sign_off_agency = Some(Span::new(base + a.start, base + a.end));
                    }
                    *last = trim(self.text, Span::new(base, base + marker.start));
                }
            }
        }
        spans.retain(|s| !s.is_empty());
        self.article.paragraphs = spans;
    }

    /// Hard-wrapped text: many adjacent body lines run on without ending a sentence.
    fn is_wrapped(&self, body_lines: &[usize]) -> bool {
        let mut pairs = 0usize;
        let mut running = 0usize;
        for w in body_lines.windows(2) {
            if w[0] + 1 == w[1] {
                pairs += 1;
                if !lexicon::ends_sentence(self.line_text(w[0])) {
                    running += 1;
                }
            }
        }
        pairs >= 2 && running * 10 >= pairs * 3
    }
}

/// Section labels and site chrome that appear as the rest of a header line.
fn is_chrome_label(s: &str) -> bool {
    let lower = s.to_lowercase();
    [
        "skip to",
        "edition:",
        "sign in",
        "subscribe",
        "menu",
        "log in",
        "cookie",
        "javascript",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

fn make_title(text: &str, span: Span, source: TitleSource) -> Title {
    let s = span.slice(text).unwrap_or("");
    match lexicon::title_prefix(s) {
        Some(r) => {
            let prefix = trim(text, Span::new(span.start + r.start, span.start + r.end));
            let rest = trim(text, Span::new(span.start + r.end, span.end));
            Title {
                span: rest,
                prefix: Some(prefix),
                source,
            }
        }
        None => Title {
            span,
            prefix: None,
            source,
        },
    }
}

/// The header's date, normalized by dateline-dates; `None` for impossible dates ("2023-02-30").
/// A month-precision header ("2023-09") is checked as the first day of that month and
/// reported with month precision.
fn header_date(s: &str) -> Option<DateValue> {
    let month_only = s.matches('-').count() == 1;
    let expr = if month_only {
        format!("{s}-01")
    } else {
        s.to_owned()
    };
    let t = dateline_dates::parse_one(&expr, &Options::default()).ok()?;
    if t.span != Span::new(0, expr.len()) {
        return None;
    }
    let v = DateValue::from_timex_value(&t.value).filter(|v| v.precision == Precision::Day)?;
    Some(if month_only {
        DateValue {
            date: v.date,
            precision: Precision::Month,
        }
    } else {
        v
    })
}

/// Filler words a date line may carry besides its date ("Updated:", "Published", "KST").
const DATE_FILLER: &[&str] = &[
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "created",
    "on",
    "at",
    "date",
    "time",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "kst",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "bst",
    "cet",
    "cest",
    "jst",
    "ist",
    "hkt",
    "sgt",
    "aest",
    "aedt",
    "wib",
    "local",
    "hrs",
    "h",
    "first",
    "edited",
    "issued",
];

/// A line that is nothing but a date ("September 23, 2023", "Updated: 2023-09-23 14:02",
/// "AA Tuesday 09:55, 15 November 2022").
fn date_line(text: &str, span: Span) -> Option<DateLine> {
    let s = span.slice(text)?;
    if lexicon::word_count(s) > 14 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let found = find(s, &Options::default());
    let (date_t, value) = found
        .iter()
        .filter(|t| t.kind == TimexKind::Date || t.kind == TimexKind::Time)
        .find_map(|t| DateValue::from_timex_value(&t.value).map(|v| (t, v)))?;
    // What is left once the temporal expressions are removed must be filler.
    let mut rest = String::with_capacity(s.len());
    let mut pos = 0;
    for t in &found {
        if t.span.start >= pos {
            rest.push_str(s.get(pos..t.span.start).unwrap_or(""));
            rest.push(' ');
            pos = t.span.end;
        }
    }
    rest.push_str(s.get(pos..).unwrap_or(""));
    let leftovers: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if leftovers.len() > 4 {
        return None;
    }
    let ok = leftovers.iter().all(|w| {
        let lower = w.to_lowercase();
        DATE_FILLER.contains(&lower.as_str())
            || (w.chars().count() <= 4 && w.chars().all(char::is_uppercase))
            || (w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
            || is_weekday(&lower)
    });
    if !ok {
        return None;
    }
    Some(DateLine {
        span,
        date_text: Span::new(span.start + date_t.span.start, span.start + date_t.span.end),
        date: Some(value),
    })
}

fn is_weekday(w: &str) -> bool {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
    .contains(&w)
}
