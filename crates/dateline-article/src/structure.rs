//! Structure recognition: every line of the page gets a label from the learned line model
//! ([`crate::layout`]), then the parts are read off the labelled lines by the line rules in
//! [`crate::lexicon`]: the header and what its rest is, the title (with wire prefixes), the
//! standfirst, byline names and timestamps, the date line's value, captions with their
//! credits, body paragraphs with the wire dateline and the closing sign-off, and the
//! boilerplate kinds. Everything is linear in the number of lines.

use std::collections::HashSet;

use dateline_dates::{find, Options, TimexKind};
use dateline_text::Span;

use crate::layout::features::{Input, RuleClass};
use crate::layout::model::{Allowed, ANY};
use crate::layout::LineModel;
use crate::lexicon::{self, ChromeKind};
use crate::lines::{split_lines, trim, Line};
use crate::model::{
    Article, Boilerplate, BoilerplateKind, Caption, DateLine, DateValue, Header, LabeledLine,
    Language, LineLabel, Precision, Published, RestKind, Title, TitleSource, WireDateline,
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

impl Class {
    fn rule_class(&self) -> RuleClass {
        match self {
            Class::Blank | Class::Text => RuleClass::Text,
            Class::Caption(_) => RuleClass::Caption,
            Class::MergedCredit | Class::BareCredit | Class::Credit(_) => RuleClass::Credit,
            Class::Byline(_) => RuleClass::Byline,
            Class::SignOff { .. } => RuleClass::SignOff,
            Class::Chrome => RuleClass::Chrome,
            Class::RelatedLink => RuleClass::RelatedLink,
            Class::Breadcrumb => RuleClass::Breadcrumb,
        }
    }
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

/// A crawler header found on the first non-blank line.
struct HeaderLine {
    line: usize,
    /// The whole header line (trimmed).
    span: Span,
    date_text: Span,
    rest: Option<Span>,
}

/// A page split into lines, classified by the line rules, with the labeller's items.
pub(crate) struct Prepared {
    /// Physical lines; for the header line, `text` is the header's rest (or empty).
    units: Vec<Line>,
    classes: Vec<Class>,
    header: Option<HeaderLine>,
    /// The labeller's input per non-blank unit, in order.
    pub(crate) inputs: Vec<Input>,
    /// The unit (line index) of each item.
    pub(crate) item_lines: Vec<usize>,
    /// The labels the line rules leave open for each item (see [`rule_mask`]).
    pub(crate) masks: Vec<Allowed>,
    /// Each item's wire dateline code (0 none, 1 place only, 2 with a date, 3 with an agency).
    wires: Vec<u8>,
    /// Number of physical lines.
    pub(crate) line_count: usize,
}

impl Prepared {
    /// The item of the header rest when the next line repeats and continues it.
    fn header_repeated_by_next(&self, text: &str) -> Option<usize> {
        let h = self.header.as_ref()?;
        let n = self.item_lines.iter().position(|&k| k == h.line)?;
        let next = *self.item_lines.get(n + 1)?;
        let rest = lexicon::normalized(self.units[h.line].text.slice(text)?);
        let next = lexicon::normalized(self.units[next].text.slice(text)?);
        (!rest.is_empty() && next.len() > rest.len() && next.starts_with(&rest)).then_some(n)
    }

    /// The item of the header rest when the next line is the same text.
    fn header_equal_to_next(&self, text: &str) -> Option<usize> {
        let h = self.header.as_ref()?;
        let n = self.item_lines.iter().position(|&k| k == h.line)?;
        let next = *self.item_lines.get(n + 1)?;
        let rest = lexicon::normalized(self.units[h.line].text.slice(text)?);
        let next = lexicon::normalized(self.units[next].text.slice(text)?);
        (!rest.is_empty() && next == rest).then_some(n)
    }
}

/// Splits, classifies and featurizes `text` (shared by parsing and training).
pub(crate) fn prepare(text: &str) -> Prepared {
    let mut units = split_lines(text);
    let line_count = units.len();
    let header = units.iter().position(|l| !l.is_blank()).and_then(|i| {
        let line = units[i];
        let m = lexicon::header(line.text.slice(text)?)?;
        let base = line.text.start;
        let rest = m
            .rest
            .map(|r| trim(text, Span::new(base + r.start, base + r.end)))
            .filter(|r| !r.is_empty());
        Some(HeaderLine {
            line: i,
            span: line.text,
            date_text: Span::new(base + m.date.start, base + m.date.end),
            rest,
        })
    });
    if let Some(h) = &header {
        let unit = &mut units[h.line];
        let rest = h.rest.unwrap_or(Span::new(unit.full.end, unit.full.end));
        *unit = Line {
            full: rest,
            text: rest,
        };
    }
    let classes = classify_all(text, &units);
    let mut inputs = Vec::new();
    let mut item_lines = Vec::new();
    let mut masks = Vec::new();
    let mut wires = Vec::new();
    for (k, unit) in units.iter().enumerate() {
        if unit.is_blank() {
            continue;
        }
        let s = unit.text.slice(text).unwrap_or("");
        let wire = if s.starts_with(|c: char| c.is_uppercase() || c == '(' || c.is_numeric())
            && lexicon::may_open_with_dateline(s)
        {
            lexicon::wire_dateline(s).map_or(0, |w| {
                if w.agency.is_some() {
                    3
                } else if w.date.is_some() {
                    2
                } else {
                    1
                }
            })
        } else {
            0
        };
        // A date that ends a sentence the line above left open ("... payable on\nApril 15,
        // 1987.") is a line of a hard-wrapped paragraph, not a date line.
        let continues = k > 0
            && !units[k - 1].is_blank()
            && units[k - 1]
                .text
                .slice(text)
                .is_some_and(lexicon::ends_before_a_date);
        let date_only = date_line(text, unit.text).is_some();
        wires.push(wire);
        masks.push(if wire >= 2 && matches!(classes[k], Class::Text) {
            // "SEOUL, Sept 23 (Reuters) - ..." opens the body.
            1 << LineLabel::Body.index()
        } else if continues && date_only && matches!(classes[k], Class::Text) {
            // The rest of a sentence is no title, byline or date line.
            ANY & !(1 << LineLabel::DateLine.index()
                | 1 << LineLabel::Title.index()
                | 1 << LineLabel::Byline.index())
        } else {
            rule_mask(&classes[k], date_only)
        });
        inputs.push(Input {
            span: unit.text,
            class: classes[k].rule_class(),
            wire,
            date_only,
            header_rest: header.as_ref().is_some_and(|h| h.line == k),
            blank_before: k > 0 && units[k - 1].is_blank(),
            blank_after: units.get(k + 1).is_some_and(Line::is_blank),
            words: lexicon::word_count(s),
        });
        item_lines.push(k);
    }
    Prepared {
        units,
        classes,
        header,
        inputs,
        item_lines,
        masks,
        wires,
        line_count,
    }
}

/// The labels a line may take given what the line rules are sure of. The rules that match a
/// whole line are precise on real pages (a caption with its credit, "By" + names, site chrome
/// such as "Advertisement" or a copyright notice, a breadcrumb, a sign-off, a line that is
/// only a date), so they bound the model; text the rules know nothing about is open.
fn rule_mask(class: &Class, date_only: bool) -> Allowed {
    let bits = |labels: &[LineLabel]| labels.iter().fold(0u8, |m, l| m | 1 << l.index());
    use LineLabel::{Byline, Caption as Cap, Chrome, DateLine as Dl, Related};
    match class {
        Class::Caption(_) => bits(&[Cap]),
        Class::MergedCredit | Class::BareCredit => bits(&[Cap, Chrome]),
        Class::Byline(_) => bits(&[Byline]),
        Class::Credit(_) | Class::SignOff { .. } => bits(&[Byline, Cap, Chrome]),
        Class::Chrome => bits(&[Chrome, Related, Cap]),
        Class::RelatedLink => bits(&[Related, Chrome]),
        Class::Breadcrumb => bits(&[Chrome]),
        Class::Text if date_only => bits(&[Dl, Chrome, Byline, Cap]),
        Class::Text | Class::Blank => ANY,
    }
}

/// Parses the structure of `text` with `model`.
pub(crate) fn parse(text: &str, model: &LineModel) -> Structure {
    let prepared = prepare(text);
    let mut labels = if model.is_empty() {
        rule_labels(text, &prepared)
    } else {
        // A date line states a date: a line without a digit is something else (a bound for
        // labelling only; training keeps the line rules' masks).
        let masks: Vec<Allowed> = (0..prepared.masks.len())
            .map(|n| {
                let line = prepared.units[prepared.item_lines[n]].text.slice(text);
                if line.is_some_and(|l| !l.bytes().any(|b| b.is_ascii_digit())) {
                    prepared.masks[n] & !(1 << LineLabel::DateLine.index())
                } else {
                    prepared.masks[n]
                }
            })
            .collect();
        model.label(text, &prepared.inputs, &masks)
    };
    refine(text, &prepared, &mut labels);
    let mut b = Builder {
        text,
        prepared: &prepared,
        labels: &labels,
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
            lines: Vec::new(),
            language: Language::undetermined(),
            published: Published::none(),
        },
        caption_texts: HashSet::new(),
        byline_texts: HashSet::new(),
        byline_dates: Vec::new(),
        warnings: Vec::new(),
        sign_off_agency: None,
        title_date: None,
    };
    b.run();
    let Builder {
        article,
        byline_dates,
        warnings,
        sign_off_agency,
        ..
    } = b;
    Structure {
        article,
        byline_dates,
        warnings,
        sign_off_agency,
    }
}

/// Rules over the labelled lines, for what one line's label cannot see:
/// - a header rest that the next line repeats word for word is the header's copy of that
///   line, which keeps the label;
/// - a header rest that the next line repeats and continues ("Chinese President Xi" above
///   "Chinese President Xi said on ...") is a truncated copy of the lead, not a part;
/// - a page without a title whose first line is headline-shaped and followed by top matter or
///   the body (and a prose body line) has that line as its title (clean dumps:
///   "Headline\nBy Jane Doe\n\nFirst paragraph ...");
/// - on a whole page, a title below the story's first paragraph or far above it gives way to
///   the headline just above the paragraph ([`headline_above_story`]);
/// - a prose line right under the title with a caption, byline or date line after it is the
///   standfirst;
/// - body lines before a dated or credited wire dateline among the first body lines are its
///   standfirst (prose) or chrome;
/// - after the last prose line of the body, headline-shaped lines (no closing punctuation)
///   labelled body, standfirst or (without a caption or byline cue) caption or byline are the
///   site's list of other stories.
fn refine(text: &str, p: &Prepared, labels: &mut [LineLabel]) {
    let s = |n: usize| p.units[p.item_lines[n]].text.slice(text).unwrap_or("");
    // Word counts and prose shape from the labeller's inputs (counted once in `prepare`).
    let words = |n: usize| p.inputs[n].words;
    let prose_like = |n: usize| lexicon::prose_like(s(n), words(n));
    let headline_like = |n: usize| lexicon::headline_like_counted(s(n), words(n));
    // The rules below never give a line a label its line rules exclude (a line that is only a
    // date is never the title).
    let allows =
        |n: usize, label: LineLabel| p.masks.get(n).is_some_and(|m| m & 1 << label.index() != 0);
    if let Some(n) = p.header_repeated_by_next(text) {
        labels[n] = LineLabel::Chrome;
    }
    // A header rest that the next line repeats word for word: the line below is the part.
    if let Some(n) = p.header_equal_to_next(text) {
        if (labels[n] == LineLabel::Title
            || labels[n + 1] == LineLabel::Title
            || headline_like(n + 1) && !labels.contains(&LineLabel::Title))
            && allows(n + 1, LineLabel::Title)
        {
            labels[n + 1] = LineLabel::Title;
        }
        labels[n] = LineLabel::Chrome;
    }
    // No title: a headline-shaped first line (after the site's chrome, if any) with the top
    // matter or the body after it is the title (clean dumps: "Headline\nBy Jane Doe\n\nFirst
    // paragraph ...", or "Skip to main content\nHeadline\n\nFirst paragraph ...").
    let first_text = (0..labels.len())
        .find(|&n| {
            labels[n] != LineLabel::Chrome
                || !matches!(
                    p.classes[p.item_lines[n]],
                    Class::Chrome | Class::Breadcrumb
                )
        })
        .unwrap_or(labels.len());
    if !labels.contains(&LineLabel::Title) && first_text + 1 < labels.len() {
        let f = first_text;
        let k = p.item_lines[f];
        let first = s(f);
        let top_matter_next = matches!(
            labels[f + 1],
            LineLabel::Body | LineLabel::Byline | LineLabel::DateLine | LineLabel::Caption
        );
        let prose_body = (f + 1..labels.len())
            .any(|n| labels[n] == LineLabel::Body && lexicon::ends_sentence(s(n)) && words(n) >= 4);
        if top_matter_next
            && allows(f, LineLabel::Title)
            && prose_body
            && matches!(p.classes[k], Class::Text)
            && p.header_repeated_by_next(text).is_none()
            && headline_like(f)
            && words(f) >= 3
            && !first.trim_end().ends_with(['.', ',', ':', ';'])
            && !lexicon::ends_dangling(first)
            && lexicon::wire_dateline(first).is_none()
            && !lexicon::normalized(s(f + 1)).starts_with(&lexicon::normalized(first))
        {
            labels[f] = LineLabel::Title;
        }
    }
    headline_above_story(p, labels, &s, &words, &allows);
    bylines_at_the_story_head(p, labels, &s, &words);
    // A prose line right under the title, with captions, bylines or a date line after it, is
    // the standfirst (the line a caption-like shape alone would mislabel).
    if let Some(t) = labels.iter().position(|&l| l == LineLabel::Title) {
        let n = t + 1;
        let meta_after = labels.get(n + 1).is_some_and(|l| {
            matches!(
                l,
                LineLabel::Caption | LineLabel::Byline | LineLabel::DateLine
            )
        });
        if n < labels.len()
            && matches!(labels[n], LineLabel::Caption | LineLabel::Body)
            && matches!(p.classes[p.item_lines[n]], Class::Text)
            && meta_after
            && prose_like(n)
            && !labels.contains(&LineLabel::Standfirst)
            && allows(n, LineLabel::Standfirst)
        {
            labels[n] = LineLabel::Standfirst;
        }
    }
    // A dated or credited wire dateline ("SEOUL, Sept 23 (Reuters) -") opens the story: body
    // lines before it near the top are its standfirst, caption or chrome.
    let body: Vec<usize> = (0..labels.len())
        .filter(|&n| labels[n] == LineLabel::Body)
        .take(4)
        .collect();
    if let Some(pos) = body.iter().position(|&n| p.wires[n] >= 2) {
        for &n in &body[..pos] {
            labels[n] = if prose_like(n) && allows(n, LineLabel::Standfirst) {
                LineLabel::Standfirst
            } else {
                LineLabel::Chrome
            };
        }
    }
    let last_prose = (0..labels.len())
        .rev()
        .find(|&n| labels[n] == LineLabel::Body && prose_like(n) && words(n) >= 12);
    if let Some(last) = last_prose {
        for (n, label) in labels.iter_mut().enumerate().skip(last + 1) {
            let retitled = match *label {
                LineLabel::Body | LineLabel::Standfirst => true,
                LineLabel::Caption => matches!(p.classes[p.item_lines[n]], Class::Text),
                LineLabel::Byline => {
                    matches!(p.classes[p.item_lines[n]], Class::Text) && words(n) >= 5
                }
                _ => false,
            };
            if retitled && headline_like(n) && words(n) >= 4 && allows(n, LineLabel::Related) {
                *label = LineLabel::Related;
            }
        }
    }
}

/// Items above the story's first paragraph within which its headline is looked for.
const HEADLINE_REACH: usize = 12;

/// A title with more lines of other matter than this between it and the story's first paragraph
/// is a masthead, menu entry or teaser, not the story's headline (a crawl excerpt's title sits
/// a few lines above its lead).
const TITLE_FAR: usize = 8;

/// On a whole web page (menus and teasers, then the story), the story's headline sits just
/// above its first paragraph, over the byline and date line. A title the labeller put below the
/// first prose paragraph, or far above it, gives way to that headline: the headline-shaped text
/// line right above the byline or date line nearest the paragraph, or, with neither, the nearest
/// headline-shaped text line above the paragraph that the labeller did not call chrome. The
/// title it replaces becomes chrome (above the paragraph) or a related headline (below).
fn headline_above_story<'t>(
    p: &Prepared,
    labels: &mut [LineLabel],
    s: &impl Fn(usize) -> &'t str,
    words: &impl Fn(usize) -> usize,
    allows: &impl Fn(usize, LineLabel) -> bool,
) {
    let Some(first) = first_paragraph(labels, s, words) else {
        return;
    };
    // Without a title there is nothing to move: an excerpt that starts in the body has none.
    let Some(title) = labels.iter().position(|&l| l == LineLabel::Title) else {
        return;
    };
    // Near: few lines of other matter (menus, teasers, notices) between the title and the
    // story; a table or a date line under the title (a results story) keeps it near.
    let other_matter = (title + 1..first)
        .filter(|&n| {
            !matches!(
                labels[n],
                LineLabel::Body | LineLabel::Byline | LineLabel::DateLine
            )
        })
        .count();
    if title < first && other_matter <= TITLE_FAR {
        return;
    }
    let meta = |n: usize| matches!(labels[n], LineLabel::Byline | LineLabel::DateLine);
    let headline = |n: usize| {
        words(n) >= 3
            && !meta(n)
            && labels[n] != LineLabel::Caption
            && allows(n, LineLabel::Title)
            && matches!(p.classes[p.item_lines[n]], Class::Text)
            && lexicon::headline_like_counted(s(n), words(n))
            && !lexicon::ends_dangling(s(n))
    };
    let lo = first.saturating_sub(HEADLINE_REACH);
    let pick = match (lo..first).rev().find(|&n| meta(n)) {
        // Over the byline and date lines, past a short section label ("Africa") or the deck
        // the labeller called the standfirst.
        Some(m) => (m.saturating_sub(HEADLINE_REACH)..m)
            .rev()
            .filter(|&n| !meta(n))
            .take(2)
            .find(|&n| headline(n) || words(n) >= 3 && labels[n] != LineLabel::Standfirst)
            .filter(|&n| headline(n)),
        None => (lo..first)
            .rev()
            .find(|&n| headline(n) && words(n) >= 4 && labels[n] != LineLabel::Chrome),
    };
    let Some(pick) = pick else {
        return;
    };
    for (n, label) in labels.iter_mut().enumerate() {
        if *label == LineLabel::Title && n != pick {
            *label = if n > first {
                LineLabel::Related
            } else {
                LineLabel::Chrome
            };
        }
    }
    labels[pick] = LineLabel::Title;
}

/// Items after the story's last paragraph where its author may still sign ("Last paragraph.\n
/// Jane Doe").
const BYLINE_AFTER_STORY: usize = 3;

/// A story's bylines stand within the story: from its headline (or, without one, the lines
/// just above the first paragraph) to just after its last paragraph (an author signing off, the
/// authors of a live blog's entries). A line the labeller called a byline elsewhere on a whole
/// page (a menu of sections above the story, teasers' authors and tags far below it) is chrome,
/// unless the line rules read a byline, credit or sign-off in it ("By Jane Doe", "Reporting by
/// ...").
fn bylines_at_the_story_head<'t>(
    p: &Prepared,
    labels: &mut [LineLabel],
    s: &impl Fn(usize) -> &'t str,
    words: &impl Fn(usize) -> usize,
) {
    let Some(first) = first_paragraph(labels, s, words) else {
        return;
    };
    let title = labels.iter().position(|&l| l == LineLabel::Title);
    let head = match title {
        Some(t) if t < first => t,
        _ => first.saturating_sub(HEADLINE_REACH),
    };
    let last = (first..labels.len())
        .rev()
        .find(|&n| labels[n] == LineLabel::Body && words(n) >= 8)
        .unwrap_or(first);
    let end = last + BYLINE_AFTER_STORY;
    for (n, label) in labels.iter_mut().enumerate() {
        if *label == LineLabel::Byline
            && matches!(p.classes[p.item_lines[n]], Class::Text)
            && (!(head..=end).contains(&n)
                // In the story, a byline names a person, unless it stands right under the
                // headline ("Saltsnap") or signs off ("MA/PR"); a longer line among the
                // paragraphs is left to the list of other stories.
                || !title.is_some_and(|t| (t + 1..=t + 2).contains(&n))
                    && (n < first || n <= last && words(n) <= 3)
                    && !names_a_person(s(n)))
        {
            *label = LineLabel::Chrome;
        }
    }
}

/// Whether a line the labeller called a byline without a cue the line rules read ("By ...")
/// names a person: one of the names it gives ("Jane Doe", "Nelson D. Schwartz, Staff Writer")
/// is [`person_name`]-shaped. A menu entry ("Full screen", "More"), a section ("Biz & IT") or a
/// one-word site name is no byline. Text in a script without capitals (Chinese, Japanese,
/// Arabic ...) is not judged.
fn names_a_person(line: &str) -> bool {
    if uncased_letters(line) {
        return true;
    }
    lexicon::byline_names(line)
        .into_iter()
        .any(|r| person_name(line.get(r).unwrap_or("")))
}

/// Whether `s` has a letter of a script without capitals.
fn uncased_letters(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase())
}

/// A person's (or an agency's) name: two to five words, each capitalized or a name particle
/// ([`lexicon::PARTICLES`], "della", and "of" in an agency's name), not starting with an article ("The New York
/// Times").
fn person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && !matches!(words[0], "The" | "A" | "An")
        && words.iter().all(|w| {
            lexicon::PARTICLES.contains(w)
                || matches!(*w, "della" | "of")
                || w.chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase)
                    && w.chars().all(|c| {
                        c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | '"' | '“' | '”')
                    })
        })
}

/// The story's first paragraph: the first body line of eight words or more that is not
/// headline-shaped (a hard-wrapped line need not end a sentence; a photo file name or "Photo"
/// above the lead is passed).
fn first_paragraph<'t>(
    labels: &[LineLabel],
    s: &impl Fn(usize) -> &'t str,
    words: &impl Fn(usize) -> usize,
) -> Option<usize> {
    (0..labels.len()).find(|&n| {
        labels[n] == LineLabel::Body
            && words(n) >= 8
            && !lexicon::headline_like_counted(s(n), words(n))
    })
}

/// Labels from the line rules alone, for a model without weights: rule classes map to their
/// labels, date-only lines are date lines, the first headline-shaped line before the first
/// prose line is the title, other text is body.
fn rule_labels(text: &str, p: &Prepared) -> Vec<LineLabel> {
    let mut seen_body = false;
    let mut seen_title = false;
    p.item_lines
        .iter()
        .map(|&k| {
            let s = p.units[k].text.slice(text).unwrap_or("");
            let label = match &p.classes[k] {
                Class::Caption(_) | Class::MergedCredit | Class::BareCredit => LineLabel::Caption,
                Class::Byline(_) | Class::Credit(_) => LineLabel::Byline,
                Class::SignOff { .. } | Class::Chrome | Class::Breadcrumb | Class::Blank => {
                    LineLabel::Chrome
                }
                Class::RelatedLink => LineLabel::Related,
                Class::Text if date_line(text, p.units[k].text).is_some() => LineLabel::DateLine,
                Class::Text if !seen_body && !seen_title && lexicon::headline_like(s) => {
                    seen_title = true;
                    LineLabel::Title
                }
                Class::Text => LineLabel::Body,
            };
            seen_body |= label == LineLabel::Body;
            label
        })
        .collect()
}

struct Builder<'t, 'p> {
    text: &'t str,
    prepared: &'p Prepared,
    labels: &'p [LineLabel],
    article: Article,
    caption_texts: HashSet<&'t str>,
    byline_texts: HashSet<&'t str>,
    byline_dates: Vec<DateValue>,
    warnings: Vec<String>,
    sign_off_agency: Option<Span>,
    /// A date the site set beside the headline on the title line ("21/11/2022  Headline"):
    /// the article's date line when the page has no line of its own for it.
    title_date: Option<Span>,
}

impl<'t> Builder<'t, '_> {
    fn s(&self, span: Span) -> &'t str {
        span.slice(self.text).unwrap_or("")
    }

    fn boiler(&mut self, kind: BoilerplateKind, span: Span) {
        self.article.boilerplate.push(Boilerplate { kind, span });
    }

    fn run(&mut self) {
        let p = self.prepared;
        let labels = self.labels;
        self.header();
        let mut body: Vec<usize> = Vec::new(); // unit indices
        let mut standfirst_open = false;
        let mut related: Vec<usize> = Vec::new();
        for (n, (&k, &label)) in p.item_lines.iter().zip(labels).enumerate() {
            let span = p.units[k].text;
            self.article.lines.push(LabeledLine { label, span });
            let prev_label = n.checked_sub(1).map(|m| labels[m]);
            let is_header = p.header.as_ref().is_some_and(|h| h.line == k);
            if label != LineLabel::Standfirst {
                standfirst_open = false;
            }
            match label {
                LineLabel::Title => self.title_line(k, span),
                LineLabel::Standfirst => {
                    match self.article.standfirst {
                        None => self.article.standfirst = Some(span),
                        Some(s) if standfirst_open && prev_label == Some(LineLabel::Standfirst) => {
                            self.article.standfirst = Some(s.cover(span));
                        }
                        Some(_) => self.boiler(BoilerplateKind::Chrome, span),
                    }
                    standfirst_open = true;
                }
                LineLabel::Byline => self.byline_line(k, span),
                LineLabel::DateLine => self.date_line_line(span),
                LineLabel::Caption => self.caption_line(k, span),
                LineLabel::Body => body.push(k),
                LineLabel::Related => {
                    related.push(k);
                    self.boiler(BoilerplateKind::RelatedHeadline, span);
                }
                // The header's rest is described by the header's `rest_kind`.
                LineLabel::Chrome if is_header => {}
                LineLabel::Chrome => self.chrome_line(k, span),
            }
        }
        self.body(&body);
        if self.article.title.is_none() {
            self.title_from_related(&related);
        }
        if self.article.date_line.is_none() {
            self.article.date_line = self.title_date.and_then(|d| date_line(self.text, d));
        }
        self.article.boilerplate.sort_by_key(|b| b.span);
    }

    // ------------------------------------------------------------ header

    fn header(&mut self) {
        let Some(h) = self.prepared.header.as_ref() else {
            return;
        };
        let date = header_date(self.s(h.date_text));
        if date.is_none() {
            self.warnings.push(format!(
                "header date {:?} is not a valid calendar date; it was ignored",
                self.s(h.date_text)
            ));
        }
        let rest_kind = h.rest.map(|r| {
            let label = self
                .prepared
                .item_lines
                .iter()
                .position(|&k| k == h.line)
                .map(|n| self.labels[n]);
            let s = self.s(r);
            if self.prepared.header_repeated_by_next(self.text).is_some() {
                return RestKind::Lead;
            }
            if let Some(n) = self.prepared.header_equal_to_next(self.text) {
                if self.labels.get(n + 1) == Some(&LineLabel::Title) {
                    return RestKind::Title;
                }
            }
            match label {
                Some(LineLabel::Title) => RestKind::Title,
                Some(LineLabel::Caption) => RestKind::Caption,
                Some(LineLabel::Body | LineLabel::Standfirst) => RestKind::Lead,
                _ if is_chrome_label(s)
                    || lexicon::chrome(s).is_some()
                    || lexicon::breadcrumb(s)
                    || lexicon::word_count(s) > 3
                    || lexicon::ends_sentence(s) =>
                {
                    RestKind::Chrome
                }
                _ => RestKind::Section,
            }
        });
        self.article.header = Some(Header {
            span: h.span,
            date_text: h.date_text,
            date,
            rest: h.rest,
            rest_kind,
        });
    }

    // ------------------------------------------------------------ top matter

    fn title_line(&mut self, k: usize, span: Span) {
        if self.article.title.is_some() {
            self.boiler(BoilerplateKind::Chrome, span);
            return;
        }
        let from_header = self.prepared.header.as_ref().is_some_and(|h| h.line == k);
        let source = if from_header {
            TitleSource::Header
        } else {
            TitleSource::Top
        };
        let (title, date) = make_title(self.text, span, source);
        self.article.title = Some(title);
        self.title_date = date;
    }

    fn add_caption(&mut self, c: Caption) {
        let key = if c.text.is_empty() { c.span } else { c.text };
        let key = self.s(key);
        if self.caption_texts.insert(key) {
            self.article.captions.push(c);
        } else {
            self.boiler(BoilerplateKind::CaptionRepeat, c.span);
        }
    }

    fn caption_line(&mut self, k: usize, span: Span) {
        match self.prepared.classes[k].clone() {
            Class::Caption(c) => self.add_caption(c),
            // The credit under a caption line the rules already merged.
            Class::MergedCredit => {}
            Class::BareCredit | Class::Credit(_) => {
                self.boiler(BoilerplateKind::Credit, span);
            }
            Class::SignOff { agency } => self.sign_off(agency, span),
            _ => {
                let caption = lexicon::caption(self.s(span)).map_or(
                    Caption {
                        span,
                        text: span,
                        credit: None,
                    },
                    |m| Caption {
                        span,
                        text: Span::new(span.start + m.text.start, span.start + m.text.end),
                        credit: Some(Span::new(
                            span.start + m.credit.start,
                            span.start + m.credit.end,
                        )),
                    },
                );
                self.add_caption(caption);
            }
        }
    }

    /// A closing sign-off line (" Reuter", "(AFP)"): a credit, and the agency it names.
    fn sign_off(&mut self, agency: Option<Span>, span: Span) {
        if agency.is_some() {
            self.sign_off_agency = agency;
        }
        self.boiler(BoilerplateKind::Credit, span);
    }

    fn add_names(&mut self, names: &[Span]) {
        for &n in names {
            if self.byline_texts.insert(self.s(n)) {
                self.article.byline.push(n);
            }
        }
    }

    fn byline_line(&mut self, k: usize, span: Span) {
        match self.prepared.classes[k].clone() {
            Class::Byline(names) => self.add_names(&names),
            Class::Credit(names) => {
                self.add_names(&names);
                self.boiler(BoilerplateKind::Credit, span);
            }
            Class::SignOff { agency } => self.sign_off(agency, span),
            _ => {
                let names = lexicon::byline_names(self.s(span));
                let names: Vec<Span> = names
                    .into_iter()
                    .map(|r| Span::new(span.start + r.start, span.start + r.end))
                    .collect();
                self.add_names(&names);
            }
        }
        self.byline_timestamp(span);
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

    fn date_line_line(&mut self, span: Span) {
        let dl = date_line(self.text, span).or_else(|| loose_date_line(self.text, span));
        // A date line above the headline is the site's date of the day (a masthead); the one
        // under the headline is the article's.
        let masthead = match (&self.article.date_line, &self.article.title) {
            (Some(old), Some(title)) => old.span.end <= title.span.start,
            _ => false,
        };
        match dl {
            Some(dl) if self.article.date_line.is_none() => self.article.date_line = Some(dl),
            Some(dl) if masthead => {
                if let Some(old) = self.article.date_line.replace(dl) {
                    self.boiler(BoilerplateKind::Chrome, old.span);
                }
            }
            _ => self.boiler(BoilerplateKind::Chrome, span),
        }
    }

    fn chrome_line(&mut self, k: usize, span: Span) {
        let kind = match &self.prepared.classes[k] {
            Class::Breadcrumb => BoilerplateKind::Breadcrumb,
            Class::Credit(_) | Class::BareCredit | Class::MergedCredit => BoilerplateKind::Credit,
            &Class::SignOff { agency } => return self.sign_off(agency, span),
            Class::RelatedLink => BoilerplateKind::RelatedHeadline,
            _ => match lexicon::chrome(self.s(span)) {
                Some(ChromeKind::RelatedLink) => BoilerplateKind::RelatedHeadline,
                _ => BoilerplateKind::Chrome,
            },
        };
        self.boiler(kind, span);
    }

    /// No title line: a related headline that repeats the lead is the article's own title
    /// (sites list the current story among "more stories").
    fn title_from_related(&mut self, related: &[usize]) {
        let Some(&first) = self.article.paragraphs.first() else {
            return;
        };
        let lead = self.s(first);
        let mut best: Option<(usize, f64)> = None;
        for &k in related {
            let span = self.prepared.units[k].text;
            let s = self.s(span);
            if !lexicon::headline_like(s) {
                continue;
            }
            let (share, hits) = lexicon::overlap(s, lead);
            if share >= 0.6 && hits >= 3 && best.map_or(true, |(_, b)| share > b) {
                best = Some((k, share));
            }
        }
        if let Some((k, _)) = best {
            let span = self.prepared.units[k].text;
            self.article
                .boilerplate
                .retain(|b| !(b.span == span && b.kind == BoilerplateKind::RelatedHeadline));
            for line in &mut self.article.lines {
                if line.span == span {
                    line.label = LineLabel::Title;
                }
            }
            self.article.title = Some(make_title(self.text, span, TitleSource::Trailer).0);
        }
    }

    // ------------------------------------------------------------ body

    fn body(&mut self, body_lines: &[usize]) {
        let units = &self.prepared.units;
        let wrapped = self.is_wrapped(body_lines);
        let min_indent = body_lines
            .iter()
            .map(|&i| units[i].indent())
            .min()
            .unwrap_or(0);
        let mut paragraphs: Vec<(usize, usize)> = Vec::new(); // (first line, last line)
        for &i in body_lines {
            let joins = wrapped
                && paragraphs.last().is_some_and(|&(_, last)| last + 1 == i)
                && units[i].indent() <= min_indent;
            match paragraphs.last_mut() {
                Some(p) if joins => p.1 = i,
                _ => paragraphs.push((i, i)),
            }
        }
        let mut spans: Vec<Span> = paragraphs
            .iter()
            .map(|&(a, b)| units[a].text.cover(units[b].text))
            .collect();
        // Wire dateline at the start of the first paragraph.
        if let Some(first) = spans.first_mut() {
            let s = self.s(*first);
            let first_line_end = s.find(['\n', '\r']).unwrap_or(s.len());
            let line = s.get(..first_line_end).unwrap_or("");
            if let Some(m) = lexicon::wire_dateline(line).or_else(|| lexicon::loose_dateline(line))
            {
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
                if !lexicon::ends_sentence(self.s(self.prepared.units[w[0]].text)) {
                    running += 1;
                }
            }
        }
        pairs >= 2 && running * 10 >= pairs * 3
    }
}

/// A date line with more than a date on it ("Samuel White 20/10/2017 14:59"): the first
/// day- or month-precision date in it.
fn loose_date_line(text: &str, span: Span) -> Option<DateLine> {
    let s = span.slice(text)?;
    if lexicon::word_count(s) > 30 {
        return None;
    }
    let found = find(s, &Options::default());
    let (t, value) = found
        .iter()
        .filter(|t| t.kind == TimexKind::Date || t.kind == TimexKind::Time)
        .find_map(|t| DateValue::from_timex_value(&t.value).map(|v| (t, v)))?;
    Some(DateLine {
        span,
        date_text: Span::new(span.start + t.span.start, span.start + t.span.end),
        date: Some(value),
    })
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

/// The title read off its line, and the date the site set beside the headline, if any (see
/// [`undated_title`]).
fn make_title(text: &str, span: Span, source: TitleSource) -> (Title, Option<Span>) {
    let (span, date) = undated_title(text, span);
    let s = span.slice(text).unwrap_or("");
    let title = match lexicon::title_prefix(s) {
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
    };
    (title, date)
}

/// The title line without a date the site set before or after the headline: "21/11/2022  COP27
/// Summit Agrees Climate Deal" (a date, then a run of spaces) and "Vaccine thieves [December 30
/// 2010]" (a date in brackets or parentheses at the end). A date joined to the headline by a
/// dash or colon ("Hong Kong exchanges - Apr 7", "2004: A year in athletics") is part of it.
/// The line is returned unchanged when what is left would not be a headline. The second value
/// is the date that was trimmed.
fn undated_title(text: &str, span: Span) -> (Span, Option<Span>) {
    let Some(line) = span.slice(text) else {
        return (span, None);
    };
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return (span, None);
    }
    let dates: Vec<Span> = find(line, &Options::default())
        .into_iter()
        .filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time))
        .map(|t| t.span)
        .collect();
    let (mut start, mut end) = (0, line.len());
    let mut trimmed = None;
    let lead = line.len() - line.trim_start().len();
    if let Some(d) = dates.iter().find(|d| d.start == lead) {
        let after = &line[d.end..];
        let rest = after.trim_start_matches([' ', '\t', '\u{a0}']);
        if after.len() - rest.len() >= 2 {
            start = line.len() - rest.len();
            trimmed = Some(*d);
        }
    }
    let core = line.trim_end();
    if let Some(inner) = core.strip_suffix([']', ')']) {
        if let Some(d) = dates
            .iter()
            .rev()
            .find(|d| d.end == inner.len() && d.start > start)
        {
            if let Some(head) = line[start..d.start].strip_suffix(['[', '(']) {
                end = start + head.trim_end().len();
                trimmed = trimmed.or(Some(*d));
            }
        }
    }
    match trimmed {
        Some(d) if lexicon::headline_like(&line[start..end]) => (
            Span::new(span.start + start, span.start + end),
            Some(Span::new(span.start + d.start, span.start + d.end)),
        ),
        _ => (span, None),
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
    if !may_state_a_year(s) || lexicon::word_count_capped(s, 15) > 14 {
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

/// Whether `s` may hold a date with its year, the only kind a date line's value can have
/// ([`DateValue::from_timex_value`] needs a year, and no anchor is given): a run of four
/// digits ("2020", "20200116"), digits joined twice by '/', '.' or '-' ("16/01/20"), or an
/// apostrophe year ("Jan. 5 '98"). A cheap test that spares the date search on most short
/// lines with numbers in them (wire copy: "12.5 mln dlrs").
fn may_state_a_year(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(u8::is_ascii_digit) {
        let start = i + off;
        let mut end = start;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
        let apostrophe = b[..start].ends_with(b"'") || b[..start].ends_with("’".as_bytes());
        if end - start >= 4 || apostrophe {
            return true;
        }
        // d{1,2}[/.-]d{1,2}[/.-]d: two separators joining digit runs.
        let joined = |at: usize| {
            b.get(at).is_some_and(|c| matches!(c, b'/' | b'.' | b'-'))
                && b.get(at + 1).is_some_and(u8::is_ascii_digit)
        };
        if joined(end) {
            let mut second = end + 1;
            while second < b.len() && b[second].is_ascii_digit() {
                second += 1;
            }
            if joined(second) {
                return true;
            }
        }
        i = end;
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_without_a_year_is_spared_the_date_search() {
        for s in [
            "Jan 16, 2020",
            "16/01/20",
            "2020-01-16",
            "16.1.20",
            "Jan. 5 '98",
            "Jan. 5 ’98",
            "20200116",
        ] {
            assert!(may_state_a_year(s), "{s}");
        }
        for s in [
            "12.5 mln dlrs",
            "up 3-4 pct",
            "March 3",
            "Tuesday 10:42",
            "v 1.2",
            "9/11",
        ] {
            assert!(!may_state_a_year(s), "{s}");
        }
    }

    #[test]
    fn the_year_test_never_hides_a_date_line() {
        // Every line the date search makes a date line passes the cheap test first.
        for s in [
            "January 16, 2020",
            "Thu, 16/01/2020 - 6:04am",
            "16.01.2020",
            "Posted on 2019-12-28 10:00",
            "Updated: 5 March 2021 12:00 GMT",
        ] {
            let full = date_line(s, Span::new(0, s.len()));
            assert!(full.is_some(), "{s}");
            assert!(may_state_a_year(s), "{s}");
        }
    }

    /// A page whose first lines are a site menu, then `headline`, `meta` lines and a lead, then
    /// a teaser; the labeller's labels given per item.
    fn refined(text: &str, given: &[(usize, LineLabel)]) -> Vec<LineLabel> {
        let p = prepare(text);
        let mut labels = vec![LineLabel::Chrome; p.inputs.len()];
        for &(n, label) in given {
            labels[n] = label;
        }
        refine(text, &p, &mut labels);
        labels
    }

    const MENU: &str = "Biz and IT\nTech\nScience\nPolicy\nCars\nGaming and Culture\nStore\nForums\nSubscribe\nSign in\n";

    #[test]
    fn a_far_title_gives_way_to_the_headline_over_the_byline() {
        let text = format!(
            "{MENU}Europe\nMinisters agree on new rules for river shipping\nBy Anna Berg\nMarch 3, 2021\nShare\nTransport ministers from eleven countries agreed on Tuesday to new safety rules for cargo ships on the river, officials said.\nRail strike ends after two weeks of talks\n"
        );
        use LineLabel::*;
        // Items: 0-9 menu, 10 section, 11 headline, 12 byline, 13 date, 14 share, 15 lead, 16 teaser.
        let labels = refined(
            &text,
            &[
                (0, Title),
                (11, Standfirst),
                (12, Byline),
                (13, DateLine),
                (15, Body),
                (16, Title),
            ],
        );
        assert_eq!(labels[11], Title);
        assert_eq!(labels[0], Chrome);
        assert_eq!(labels[16], Related);
    }

    #[test]
    fn without_a_byline_the_nearest_headline_above_the_lead_is_the_title() {
        let text = format!(
            "{MENU}Ministers agree on new rules for river shipping\nShare\nTransport ministers from eleven countries agreed on Tuesday to new safety rules for cargo ships on the river, officials said.\n"
        );
        use LineLabel::*;
        let labels = refined(&text, &[(1, Title), (10, Body), (12, Body)]);
        assert_eq!(labels[10], Title);
        assert!(!labels[..10].contains(&Title));
        // Without a title, none is invented.
        let labels = refined(&text, &[(10, Body), (12, Body)]);
        assert!(!labels.contains(&Title));
    }

    #[test]
    fn a_title_a_few_lines_over_the_lead_stays() {
        let text = "Ministers agree on new rules for river shipping\nSubscribe to our newsletter for daily updates\nBy Anna Berg\nTransport ministers from eleven countries agreed on Tuesday to new safety rules for cargo ships on the river, officials said.\n";
        use LineLabel::*;
        let labels = refined(text, &[(0, Title), (1, Chrome), (2, Byline), (3, Body)]);
        assert_eq!(labels[0], Title);
        assert_eq!(labels[1], Chrome);
    }

    #[test]
    fn bylines_stand_within_the_story() {
        let text = format!(
            "{MENU}Ministers agree on new rules for river shipping\nAnna Berg\nTransport ministers from eleven countries agreed on Tuesday to new safety rules for cargo ships on the river, officials said.\nThe rules take effect next year and will be reviewed after three years of use, the ministers said.\nJonas Lind\nMore stories\nRail strike ends\nFarmers protest\nHarbour reopens\nTom Weller\n"
        );
        use LineLabel::*;
        // Items: 0-9 menu, 10 headline, 11 byline, 12-13 story, 14 sign-off, 15-18 teasers,
        // 19 a teaser's author.
        let labels = refined(
            &text,
            &[
                (3, Byline),
                (4, Byline),
                (10, Title),
                (11, Byline),
                (12, Body),
                (13, Body),
                (14, Byline),
                (19, Byline),
            ],
        );
        assert_eq!(labels[3], Chrome);
        assert_eq!(labels[4], Chrome);
        assert_eq!(labels[11], Byline);
        assert_eq!(labels[14], Byline);
        assert_eq!(labels[19], Chrome);
    }

    #[test]
    fn the_headline_stands_over_its_deck() {
        let text = format!(
            "{MENU}Ministers agree on new rules for river shipping\nCargo ships will carry new radios from next spring.\nAnna Berg - March 3, 2021\nShare\nTransport ministers from eleven countries agreed on Tuesday to new safety rules for cargo ships on the river, officials said.\n"
        );
        use LineLabel::*;
        // Items: 0-9 menu, 10 headline, 11 deck, 12 byline and date, 13 share, 14 lead.
        let labels = refined(
            &text,
            &[
                (0, Title),
                (10, Standfirst),
                (11, Standfirst),
                (12, DateLine),
                (14, Body),
            ],
        );
        assert_eq!(labels[10], Title);
        assert_eq!(labels[0], Chrome);
        // A prose line over the date line without a headline above it is no title.
        let labels = refined(&text, &[(0, Title), (11, Body), (12, DateLine), (14, Body)]);
        assert_eq!(labels[0], Title);
        assert_eq!(labels[11], Body);
    }

    #[test]
    fn a_byline_in_the_story_head_names_a_person() {
        let text = format!(
            "{MENU}Ministers agree on new rules for river shipping\nAnna Berg\nNelson D. Schwartz, Staff Writer\nSee the full map\nView the gallery\nThe New York Times\nTransport ministers from eleven countries agreed on Tuesday to new safety rules for cargo ships on the river, officials said.\nThe rules take effect next year and will be reviewed after three years of use, the ministers said.\nTom Weller\n"
        );
        use LineLabel::*;
        // Items: 0-9 menu, 10 headline, 11-12 names, 13-14 chrome, 15 a publisher, 16-17
        // story, 18 sign-off.
        let labels = refined(
            &text,
            &[
                (10, Title),
                (11, Byline),
                (12, Byline),
                (13, Byline),
                (14, Byline),
                (15, Byline),
                (16, Body),
                (17, Body),
                (18, Byline),
            ],
        );
        assert_eq!(labels[11], Byline);
        assert_eq!(labels[12], Byline);
        assert_eq!(labels[13], Chrome);
        assert_eq!(labels[14], Chrome);
        assert_eq!(labels[15], Chrome);
        assert_eq!(labels[18], Byline);
        // Right under the headline, any name stands ("Saltsnap").
        let labels = refined(&text, &[(10, Title), (12, Byline), (16, Body), (17, Body)]);
        assert_eq!(labels[12], Byline);
    }

    #[test]
    fn person_names_have_a_shape() {
        assert!(person_name("Anna Berg"));
        assert!(person_name("Michiel de Jong"));
        assert!(person_name("Mike \"Mish\" Shedlock"));
        assert!(person_name("Press Trust of India"));
        assert!(!person_name("Anna"));
        assert!(!person_name("The New York Times"));
        assert!(!person_name("Dealing with bodies"));
        assert!(!person_name("Biz & IT"));
        assert!(!person_name("More ▾"));
        assert!(names_a_person("By Anna Berg and Tom Weller"));
        assert!(names_a_person("福娘童話集"));
        assert!(!names_a_person("Recent articles"));
    }
}
