//! `_repr_html_` rendering: the text with highlighted spans, hover text and a legend.

/// One highlighted span of the rendered text (character offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
    title: String,
}

impl Mark {
    /// A mark of `class` (a legend entry) with hover text `title`.
    pub(crate) fn new(start: usize, end: usize, class: &'static str, title: String) -> Self {
        Mark {
            start,
            end,
            class,
            title,
        }
    }
}

/// Background colour of each class.
fn colour(class: &str) -> &'static str {
    match class {
        "DATE" | "date" => "#ffe08a",
        "PERSON" => "#aee1f9",
        "ORG" => "#c7f0c2",
        "GPE" => "#f9c6d0",
        "LOC" => "#f6d5b5",
        "NORP" => "#dcd0ff",
        "EVENT" => "#ffcce0",
        "FAC" => "#d9d9d9",
        "PRODUCT" => "#e0f0ff",
        "LAW" => "#f0e68c",
        "WORK_OF_ART" => "#e6ccb3",
        "quote" => "#f2f2f2",
        "event" => "#ffb3a7",
        "caption" => "#eef5ff",
        "boilerplate" => "#eeeeee",
        _ => "#e8e8e8",
    }
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders `text` with `marks` highlighted. Marks that overlap an earlier (or, at the same
/// start, longer) mark are dropped; marks outside the text are ignored.
pub(crate) fn render_text(text: &str, marks: &[Mark]) -> String {
    let len = text.chars().count();
    let mut sorted: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start < m.end && m.end <= len)
        .collect();
    sorted.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<&Mark> = Vec::with_capacity(sorted.len());
    for m in sorted {
        if kept.last().map_or(true, |k| k.end <= m.start) {
            kept.push(m);
        }
    }
    let mut out = String::with_capacity(text.len() + kept.len() * 80);
    let mut next = kept.iter().peekable();
    let mut open: Option<usize> = None;
    for (i, c) in text.chars().enumerate() {
        if open == Some(i) {
            out.push_str("</mark>");
            open = None;
        }
        if let Some(m) = next.next_if(|m| m.start == i) {
            out.push_str(&format!(
                "<mark class=\"dl-{}\" style=\"background:{};padding:0 2px;border-radius:3px\" title=\"{}\">",
                m.class,
                colour(m.class),
                escape(&m.title)
            ));
            open = Some(m.end);
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    if open.is_some() {
        out.push_str("</mark>");
    }
    out
}

/// A legend of the given classes.
pub(crate) fn legend(classes: &[&str]) -> String {
    let items: Vec<String> = classes
        .iter()
        .map(|c| {
            format!(
                "<span style=\"background:{};padding:0 4px;margin-right:6px;border-radius:3px\">{}</span>",
                colour(c),
                escape(c)
            )
        })
        .collect();
    format!(
        "<div class=\"dl-legend\" style=\"margin:4px 0\">{}</div>",
        items.join("")
    )
}

/// A two-column table of summary rows.
pub(crate) fn summary_table(rows: &[(&str, String)]) -> String {
    let body: String = rows
        .iter()
        .map(|(k, v)| {
            format!(
                "<tr><th style=\"text-align:left;padding-right:8px\">{}</th><td style=\"text-align:left\">{}</td></tr>",
                escape(k),
                escape(v)
            )
        })
        .collect();
    format!("<table class=\"dl-summary\">{body}</table>")
}

/// The events: one item per event, a heading line and its evidence sentences (already
/// rendered HTML).
pub(crate) fn events_list(items: &[(String, Vec<String>)]) -> String {
    let body: String = items
        .iter()
        .map(|(head, evidence)| {
            let ev: String = evidence
                .iter()
                .map(|e| {
                    format!(
                        "<div class=\"dl-evidence\" style=\"margin-left:1em;color:#333\">{e}</div>"
                    )
                })
                .collect();
            format!("<li><b>{}</b>{ev}</li>", escape(head))
        })
        .collect();
    format!("<ol class=\"dl-events\" style=\"margin:4px 0;padding-left:1.5em\">{body}</ol>")
}

/// The whole rendering: summary, legend and the text.
pub(crate) fn page(summary: &str, legend: &str, body: &str) -> String {
    format!(
        "<div class=\"dateline\">{summary}{legend}<div class=\"dl-text\" style=\"white-space:pre-wrap;\
         font-family:sans-serif;line-height:1.6;max-height:40em;overflow:auto;border:1px solid #ddd;\
         padding:6px\">{body}</div></div>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_use_character_offsets_and_escape() {
        let text = "😀 <b>Xi</b> & Han";
        let start = 5; // "Xi" after "😀 <b>" (five characters)
        let html = render_text(
            text,
            &[Mark::new(
                start,
                start + 2,
                "PERSON",
                "Xi \"Jinping\"".into(),
            )],
        );
        assert!(
            html.contains("&lt;b&gt;<mark class=\"dl-PERSON\""),
            "{html}"
        );
        assert!(html.contains(">Xi</mark>&lt;/b&gt; &amp; Han"), "{html}");
        assert!(html.contains("title=\"Xi &quot;Jinping&quot;\""));
    }

    #[test]
    fn events_are_listed_with_escaped_headings() {
        let html = events_list(&[("meet · A & B".into(), vec!["<mark>x</mark>".into()])]);
        assert!(html.starts_with("<ol class=\"dl-events\""));
        assert!(html.contains("<b>meet · A &amp; B</b>"));
        assert!(html.contains("<div class=\"dl-evidence\""));
    }

    #[test]
    fn overlaps_and_out_of_range_marks_are_dropped() {
        let text = "abcdef";
        let marks = [
            Mark::new(0, 4, "date", "a".into()),
            Mark::new(2, 5, "ORG", "b".into()),
            Mark::new(5, 99, "ORG", "c".into()),
            Mark::new(4, 6, "GPE", "d".into()),
        ];
        let html = render_text(text, &marks);
        assert_eq!(html.matches("<mark").count(), 2);
        assert_eq!(html.matches("</mark>").count(), 2);
        assert!(html.ends_with("ef</mark>"));
    }
}
