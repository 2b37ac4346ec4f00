//! Line splitting with exact byte spans (LF, CRLF and lone CR all end a line).

use dateline_text::Span;

/// One physical line of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// The line content without its line terminator.
    pub(crate) full: Span,
    /// The content with leading/trailing whitespace, NUL, BOM and zero-width characters removed.
    pub(crate) text: Span,
}

impl Line {
    /// True when the line holds nothing but whitespace-like characters.
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Bytes of leading whitespace (indentation).
    pub(crate) fn indent(&self) -> usize {
        self.text.start - self.full.start
    }
}

/// Characters that trimming removes: Unicode whitespace (incl. NBSP), NUL and other
/// control characters, the byte-order mark and zero-width characters.
pub(crate) fn is_trim_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// `span` with trim characters removed at both ends (see [`is_trim_char`]).
/// Returns an empty span at `span.start` when `span` does not slice `text`.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let Some(s) = span.slice(text) else {
        return Span::new(span.start, span.start);
    };
    let after_start = s.trim_start_matches(is_trim_char);
    let lead = s.len() - after_start.len();
    let core = after_start.trim_end_matches(is_trim_char);
    Span::new(span.start + lead, span.start + lead + core.len())
}

/// Splits `text` into lines. Terminators are `\n`, `\r\n` and a lone `\r`; they are ASCII so
/// every span lies on character boundaries.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                push(text, &mut lines, start, i);
                i += 1;
                start = i;
            }
            b'\r' => {
                push(text, &mut lines, start, i);
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        push(text, &mut lines, start, bytes.len());
    }
    lines
}

fn push(text: &str, lines: &mut Vec<Line>, start: usize, end: usize) {
    let full = Span::new(start, end);
    lines.push(Line {
        full,
        text: trim(text, full),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_all_terminators() {
        let text = "a\r\nb\rc\n\nd";
        let lines = split_lines(text);
        let got: Vec<&str> = lines.iter().map(|l| &text[l.text.range()]).collect();
        assert_eq!(got, ["a", "b", "c", "", "d"]);
        assert!(lines[3].is_blank());
    }

    #[test]
    fn trims_bom_nbsp_and_nul() {
        let text = "\u{FEFF}\u{a0} Seoul\0 \u{200B}";
        let lines = split_lines(text);
        assert_eq!(&text[lines[0].text.range()], "Seoul");
        assert_eq!(lines[0].indent(), "\u{FEFF}\u{a0} ".len());
    }

    #[test]
    fn trailing_newline_makes_no_extra_line() {
        assert_eq!(split_lines("a\n").len(), 1);
        assert!(split_lines("").is_empty());
    }
}
