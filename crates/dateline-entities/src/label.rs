//! [`Label`]: the OntoNotes entity types.

use std::fmt;

/// An entity type, named as in OntoNotes 5.
///
/// Serializes as the OntoNotes name (`"PERSON"`, `"ORG"`, ...).
///
/// # Example
/// ```
/// use dateline_entities::Label;
/// assert_eq!(Label::Gpe.as_str(), "GPE");
/// assert_eq!("WORK_OF_ART".parse::<Label>().ok(), Some(Label::WorkOfArt));
/// assert_eq!(Label::Norp.conll(), "MISC");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Label {
    /// People, including fictional.
    #[cfg_attr(feature = "serde", serde(rename = "PERSON"))]
    Person,
    /// Companies, agencies, institutions, outlets, parties, government bodies.
    #[cfg_attr(feature = "serde", serde(rename = "ORG"))]
    Org,
    /// Countries, cities, states: places with a government.
    #[cfg_attr(feature = "serde", serde(rename = "GPE"))]
    Gpe,
    /// Other locations: regions, seas, mountain ranges, peninsulas.
    #[cfg_attr(feature = "serde", serde(rename = "LOC"))]
    Loc,
    /// Nationalities, religious and political groups ("Chinese", "South Korean").
    #[cfg_attr(feature = "serde", serde(rename = "NORP"))]
    Norp,
    /// Named events: games, wars, summits, festivals.
    #[cfg_attr(feature = "serde", serde(rename = "EVENT"))]
    Event,
    /// Buildings, airports, bridges, streets.
    #[cfg_attr(feature = "serde", serde(rename = "FAC"))]
    Fac,
    /// Objects, vehicles, foods, software (not services).
    #[cfg_attr(feature = "serde", serde(rename = "PRODUCT"))]
    Product,
    /// Named documents made into laws, treaties, agreements.
    #[cfg_attr(feature = "serde", serde(rename = "LAW"))]
    Law,
    /// Titles of books, songs, films.
    #[cfg_attr(feature = "serde", serde(rename = "WORK_OF_ART"))]
    WorkOfArt,
}

impl Label {
    /// Every label, in declaration order.
    pub const ALL: [Label; 10] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Norp,
        Label::Event,
        Label::Fac,
        Label::Product,
        Label::Law,
        Label::WorkOfArt,
    ];

    /// The OntoNotes name.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_entities::Label::Person.as_str(), "PERSON");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Event => "EVENT",
            Label::Fac => "FAC",
            Label::Product => "PRODUCT",
            Label::Law => "LAW",
            Label::WorkOfArt => "WORK_OF_ART",
        }
    }

    /// The CoNLL-2003 type this label maps to: PERSON -> PER, ORG -> ORG,
    /// GPE/LOC/FAC -> LOC, everything else -> MISC.
    ///
    /// # Example
    /// ```
    /// assert_eq!(dateline_entities::Label::Fac.conll(), "LOC");
    /// ```
    #[must_use]
    pub const fn conll(self) -> &'static str {
        match self {
            Label::Person => "PER",
            Label::Org => "ORG",
            Label::Gpe | Label::Loc | Label::Fac => "LOC",
            _ => "MISC",
        }
    }

    /// Lowercase name used as the id prefix ("person", "org", "work_of_art").
    pub(crate) const fn id_prefix(self) -> &'static str {
        match self {
            Label::Person => "person",
            Label::Org => "org",
            Label::Gpe => "gpe",
            Label::Loc => "loc",
            Label::Norp => "norp",
            Label::Event => "event",
            Label::Fac => "fac",
            Label::Product => "product",
            Label::Law => "law",
            Label::WorkOfArt => "work_of_art",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Label {
    type Err = crate::EntityError;

    /// Parses an OntoNotes name (case-insensitive).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| crate::EntityError::UnknownLabel(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for l in Label::ALL {
            assert_eq!(l.as_str().parse::<Label>().ok(), Some(l));
        }
        assert!("PER".parse::<Label>().is_err());
    }
}
