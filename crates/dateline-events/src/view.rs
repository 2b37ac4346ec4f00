//! What the extractor looks at: the entities classed as parties or places, the sentences
//! of the regions, and for a sentence holding a trigger its lowercased words with the entity
//! mentions and date mentions laid over its tokens.

use dateline_dates::{Timex, TimexKind};
use dateline_entities::{Entities, Entity, Label};
use dateline_text::{Span, Token, TokenKind, Tokenized};

use crate::lexicon::{lower, venue_word};

/// What an entity can be in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A person: always a party.
    Person,
    /// A country (a GPE with no country of its own): a party, never a place.
    Country,
    /// A city, region or other GPE/LOC: a place (or a party as metonymy: "Moscow and
    /// Pyongyang" in talks).
    City,
    /// An organisation: a party.
    Org,
    /// A building or named room ("White House", "Pentagon", "Temple Trees"): a place.
    Venue,
    /// A nationality ("Syrian", "the Saudis"): a party through its country.
    Nat,
    /// Anything else (events, laws, products): neither.
    Other,
}

/// Most people the role and nationality lookups consider ("the Angolan president", "his
/// South Korean counterpart"): the first ones with a role or a country. Keeps every lookup
/// constant-time, so extraction stays linear on any text.
const MAX_PEOPLE: usize = 256;

/// A person with a role or a country, for descriptions.
pub(crate) struct Person<'a> {
    /// Index into the entities.
    pub(crate) entity: usize,
    /// The role, lowercased ("prime minister").
    pub(crate) role: Option<String>,
    /// The country, as the entity gives it.
    pub(crate) country: Option<&'a str>,
}

/// The document-wide facts the extractor needs about entities.
pub(crate) struct Cast<'a> {
    pub(crate) entities: &'a Entities,
    /// Per entity: its class.
    pub(crate) class: Vec<Class>,
    /// Per entity: the country entity it belongs to (a city's or a nationality's country),
    /// when the document names that country.
    pub(crate) country: Vec<Option<usize>>,
    /// Mention indices sorted by span.
    pub(crate) order: Vec<usize>,
    /// People with a role or a country (at most `MAX_PEOPLE`, in entity order).
    pub(crate) people: Vec<Person<'a>>,
}

impl<'a> Cast<'a> {
    pub(crate) fn new(entities: &'a Entities) -> Self {
        let class: Vec<Class> = entities.entities.iter().map(classify).collect();
        let countries: std::collections::HashMap<&str, usize> = entities
            .entities
            .iter()
            .enumerate()
            .rev()
            .filter(|(i, _)| class[*i] == Class::Country)
            .map(|(i, e)| (e.name.as_str(), i))
            .collect();
        let find_country = |name: &str| countries.get(name).copied();
        let country = entities
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| match class[i] {
                Class::City | Class::Nat | Class::Venue | Class::Person | Class::Org => {
                    e.country.as_deref().and_then(find_country)
                }
                Class::Country => Some(i),
                Class::Other => None,
            })
            .collect();
        let mut order: Vec<usize> = (0..entities.mentions.len()).collect();
        if !entities
            .mentions
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
        {
            order.sort_by_key(|&i| entities.mentions[i].span);
        }
        let people = entities
            .entities
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                class[*i] == Class::Person && (e.role.is_some() || e.country.is_some())
            })
            .take(MAX_PEOPLE)
            .map(|(i, e)| Person {
                entity: i,
                role: e.role.as_deref().map(lower),
                country: e.country.as_deref(),
            })
            .collect();
        Cast {
            entities,
            class,
            country,
            order,
            people,
        }
    }

    pub(crate) fn class(&self, entity: usize) -> Class {
        self.class.get(entity).copied().unwrap_or(Class::Other)
    }

    pub(crate) fn entity(&self, entity: usize) -> Option<&'a Entity> {
        self.entities.entities.get(entity)
    }

    /// Is `entity` a party an event can have?
    pub(crate) fn is_party(&self, entity: usize) -> bool {
        matches!(
            self.class(entity),
            Class::Person | Class::Country | Class::Org | Class::Nat
        )
    }

    /// Can `entity` be an event's place?
    pub(crate) fn is_place(&self, entity: usize) -> bool {
        matches!(self.class(entity), Class::City | Class::Venue)
    }
}

fn classify(e: &Entity) -> Class {
    match e.label {
        // A title taken for a name ("Secretary of Defense Chuck Hagel" -> "Defense").
        Label::Person if title_only(&e.name) => Class::Other,
        Label::Person => Class::Person,
        Label::Gpe => {
            // Countries have no country of their own. A place with none that the gazetteer
            // does not know as a country ("Luebeck", a county, a state) is a place.
            if e.country.as_deref() == Some(e.name.as_str())
                || e.country.is_none()
                    && (e.wikidata.is_some() || dateline_entities::is_country(&e.name))
            {
                Class::Country
            } else {
                Class::City
            }
        }
        Label::Loc => Class::City,
        Label::Fac => Class::Venue,
        Label::Org => {
            let last = e.name.rsplit(' ').next().unwrap_or("");
            if venue_word(&lower(last)) || e.name.eq_ignore_ascii_case("pentagon") {
                Class::Venue
            } else {
                Class::Org
            }
        }
        Label::Norp => Class::Nat,
        _ => Class::Other,
    }
}

/// A "person" made only of title words ("Defense", "Defense Ministers"): a title taken for
/// a name.
fn title_only(name: &str) -> bool {
    name.split([' ', '-']).all(|w| {
        let w = lower(w.trim_end_matches(['\'', 's']));
        crate::lexicon::title_word(&w)
            || crate::lexicon::title_word(&format!("{w}s"))
            || matches!(
                w.as_str(),
                "defense"
                    | "defence"
                    | "state"
                    | "interior"
                    | "commerce"
                    | "justice"
                    | "war"
                    | "finance"
                    | "trade"
                    | "health"
            )
    })
}

/// One sentence (clipped to a region): its span and token range in the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    pub(crate) span: Span,
    pub(crate) lo: usize,
    pub(crate) hi: usize,
    /// Inside the headline.
    pub(crate) title: bool,
}

/// The sentences of `doc` inside `regions` (sorted, merged), in order. A sentence that
/// crosses a region edge is cut at it.
pub(crate) fn units(doc: &Tokenized<'_>, regions: &[Span], title: Option<Span>) -> Vec<Unit> {
    let toks = doc.tokens();
    let mut out = Vec::new();
    let mut r = 0;
    for s in doc.sentences() {
        while regions.get(r).is_some_and(|reg| reg.end <= s.span.start) {
            r += 1;
        }
        let mut rr = r;
        while let Some(reg) = regions.get(rr) {
            if reg.start >= s.span.end {
                break;
            }
            let seg = toks.get(s.tokens.clone()).unwrap_or(&[]);
            let start = s.tokens.start + seg.partition_point(|t| t.span.start < reg.start);
            let end = s.tokens.start + seg.partition_point(|t| t.span.end <= reg.end);
            if start < end {
                if let (Some(a), Some(b)) = (toks.get(start), toks.get(end - 1)) {
                    let span = Span::new(a.span.start, b.span.end);
                    out.push(Unit {
                        span,
                        lo: start,
                        hi: end,
                        title: title.is_some_and(|t| t.start <= span.start && span.end <= t.end),
                    });
                }
            }
            if reg.end >= s.span.end {
                break;
            }
            rr += 1;
        }
    }
    out
}

/// An entity mention laid over tokens `a..b` (document token indices).
#[derive(Debug, Clone, Copy)]
pub(crate) struct M {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) entity: usize,
}

/// A date mention laid over tokens `a..b`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct D {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) timex: usize,
}

/// A sentence holding a trigger, ready for reading.
pub(crate) struct View<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Token],
    pub(crate) unit: Unit,
    /// Lowercased words of `lo..hi`.
    words: Vec<String>,
    pub(crate) ments: Vec<M>,
    /// Per token of `lo..hi`: the mention covering it.
    owner: Vec<Option<usize>>,
    pub(crate) dates: Vec<D>,
    /// Per token of `lo..hi`: the date mention covering it.
    date_owner: Vec<Option<usize>>,
    /// Per token of `lo..hi`: inside quotation marks opened earlier in the sentence.
    quoted: Vec<bool>,
}

impl<'a> View<'a> {
    pub(crate) fn new(
        doc: &'a Tokenized<'a>,
        cast: &Cast<'_>,
        dates: &[Timex],
        unit: Unit,
    ) -> Self {
        let text = doc.text();
        let toks = doc.tokens();
        let n = unit.hi.saturating_sub(unit.lo);
        let words: Vec<String> = (unit.lo..unit.hi)
            .map(|i| {
                toks.get(i)
                    .map_or_else(String::new, |t| lower(t.text(text)))
            })
            .collect();
        let span_tokens = |span: Span| -> Option<(usize, usize)> {
            let seg = toks.get(unit.lo..unit.hi)?;
            let a = unit.lo + seg.partition_point(|t| t.span.end <= span.start);
            let b = unit.lo + seg.partition_point(|t| t.span.start < span.end);
            (a < b).then_some((a, b))
        };
        let mut ments = Vec::new();
        let mut owner = vec![None; n];
        let ms = &cast.entities.mentions;
        let from = cast
            .order
            .partition_point(|&i| ms[i].span.end <= unit.span.start);
        for &mi in cast.order.get(from..).unwrap_or(&[]) {
            let m = &ms[mi];
            if m.span.start >= unit.span.end {
                break;
            }
            if let Some((a, b)) = span_tokens(m.span) {
                let idx = ments.len();
                ments.push(M {
                    a,
                    b,
                    entity: m.entity,
                });
                for slot in owner.iter_mut().take(b - unit.lo).skip(a - unit.lo) {
                    if slot.is_none() {
                        *slot = Some(idx);
                    }
                }
            }
        }
        let mut ds = Vec::new();
        let mut date_owner = vec![None; n];
        let from = dates.partition_point(|t| t.span.end <= unit.span.start);
        for (ti, t) in dates.iter().enumerate().skip(from) {
            if t.span.start >= unit.span.end {
                break;
            }
            if !matches!(
                t.kind,
                TimexKind::Date | TimexKind::Time | TimexKind::Duration
            ) {
                continue;
            }
            if let Some((a, b)) = span_tokens(t.span) {
                let idx = ds.len();
                ds.push(D { a, b, timex: ti });
                for slot in date_owner.iter_mut().take(b - unit.lo).skip(a - unit.lo) {
                    *slot = Some(idx);
                }
            }
        }
        let mut quoted = Vec::with_capacity(n);
        let mut open = false;
        for i in unit.lo..unit.hi {
            quoted.push(open);
            if let Some(t) = toks.get(i).filter(|t| t.is(dateline_text::Flags::QUOTE)) {
                match t.text(text) {
                    "\u{201c}" => open = true,
                    "\u{201d}" => open = false,
                    "\"" => open = !open,
                    _ => {}
                }
            }
        }
        View {
            text,
            toks,
            unit,
            words,
            ments,
            owner,
            dates: ds,
            date_owner,
            quoted,
        }
    }

    /// The lowercased word of token `i` ("" outside the sentence).
    pub(crate) fn w(&self, i: usize) -> &str {
        i.checked_sub(self.unit.lo)
            .and_then(|j| self.words.get(j))
            .map_or("", String::as_str)
    }

    /// The token's text as written.
    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    pub(crate) fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    /// The mention covering token `i`.
    pub(crate) fn mention_at(&self, i: usize) -> Option<M> {
        let j = i.checked_sub(self.unit.lo)?;
        self.owner
            .get(j)
            .copied()
            .flatten()
            .and_then(|k| self.ments.get(k).copied())
    }

    /// The date mention covering token `i`.
    pub(crate) fn date_at(&self, i: usize) -> Option<D> {
        let j = i.checked_sub(self.unit.lo)?;
        self.date_owner
            .get(j)
            .copied()
            .flatten()
            .and_then(|k| self.dates.get(k).copied())
    }

    /// Is token `i` inside quotation marks opened earlier in its sentence?
    pub(crate) fn quoted(&self, i: usize) -> bool {
        i.checked_sub(self.unit.lo)
            .and_then(|j| self.quoted.get(j))
            .copied()
            .unwrap_or(false)
    }

    /// Is token `i` punctuation?
    pub(crate) fn is_punct(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// Does token `i` start with an uppercase letter?
    pub(crate) fn capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
}
