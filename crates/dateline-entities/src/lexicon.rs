//! Small hand-written word lists: titles, honorifics, name heads, East Asian family names.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::Label;

/// Titles and roles (lowercase, as token sequences) -> the role to report.
/// "counterpart" is resolved later to the role of the person it is the counterpart of.
const TITLES: &[(&str, &str)] = &[
    ("president", "President"),
    ("vice president", "Vice President"),
    ("vice-president", "Vice President"),
    ("president-elect", "President-elect"),
    ("prime minister", "Prime Minister"),
    ("deputy prime minister", "Deputy Prime Minister"),
    ("premier", "Premier"),
    ("vice premier", "Vice Premier"),
    ("foreign minister", "Foreign Minister"),
    ("foreign secretary", "Foreign Secretary"),
    ("defense minister", "Defense Minister"),
    ("defence minister", "Defence Minister"),
    ("defense secretary", "Defense Secretary"),
    ("finance minister", "Finance Minister"),
    ("trade minister", "Trade Minister"),
    ("interior minister", "Interior Minister"),
    ("unification minister", "Unification Minister"),
    ("justice minister", "Justice Minister"),
    ("health minister", "Health Minister"),
    ("economy minister", "Economy Minister"),
    ("minister", "Minister"),
    ("vice minister", "Vice Minister"),
    ("deputy minister", "Deputy Minister"),
    ("external affairs minister", "External Affairs Minister"),
    ("secretary of state", "Secretary of State"),
    ("secretary-general", "Secretary-General"),
    ("secretary general", "Secretary-General"),
    ("general secretary", "General Secretary"),
    ("chancellor", "Chancellor"),
    ("leader", "Leader"),
    ("supreme leader", "Supreme Leader"),
    ("opposition leader", "Opposition Leader"),
    ("king", "King"),
    ("queen", "Queen"),
    ("prince", "Prince"),
    ("crown prince", "Crown Prince"),
    ("princess", "Princess"),
    ("emperor", "Emperor"),
    ("pope", "Pope"),
    ("ambassador", "Ambassador"),
    ("envoy", "Envoy"),
    ("special envoy", "Special Envoy"),
    ("governor", "Governor"),
    ("mayor", "Mayor"),
    ("senator", "Senator"),
    ("sen.", "Senator"),
    ("rep.", "Representative"),
    ("representative", "Representative"),
    ("congressman", "Congressman"),
    ("congresswoman", "Congresswoman"),
    ("lawmaker", "Lawmaker"),
    ("legislator", "Legislator"),
    ("spokesman", "Spokesman"),
    ("spokeswoman", "Spokeswoman"),
    ("spokesperson", "Spokesperson"),
    ("chairman", "Chairman"),
    ("chairwoman", "Chairwoman"),
    ("chief executive", "Chief Executive"),
    ("ceo", "CEO"),
    ("founder", "Founder"),
    ("director", "Director"),
    ("director-general", "Director-General"),
    ("commander", "Commander"),
    ("general", "General"),
    ("gen.", "General"),
    ("admiral", "Admiral"),
    ("colonel", "Colonel"),
    ("col.", "Colonel"),
    ("lt.", "Lieutenant"),
    ("judge", "Judge"),
    ("justice", "Justice"),
    ("chief justice", "Chief Justice"),
    ("attorney general", "Attorney General"),
    ("prosecutor", "Prosecutor"),
    ("coach", "Coach"),
    ("manager", "Manager"),
    ("professor", "Professor"),
    ("prof.", "Professor"),
    ("counterpart", "counterpart"),
    ("ayatollah", "Ayatollah"),
    ("sheikh", "Sheikh"),
    ("archbishop", "Archbishop"),
    ("bishop", "Bishop"),
    ("cardinal", "Cardinal"),
    ("lord", "Lord"),
    ("sir", "Sir"),
    ("dame", "Dame"),
    ("mr", ""),
    ("mr.", ""),
    ("mrs", ""),
    ("mrs.", ""),
    ("ms", ""),
    ("ms.", ""),
    ("dr", ""),
    ("dr.", ""),
    ("miss", ""),
];

/// Title table: lowercase token sequence joined by single spaces -> role ("" for honorifics).
pub(crate) static TITLE_MAP: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| TITLES.iter().copied().collect());

/// First words of multi-word titles (to stop early).
pub(crate) static TITLE_PREFIXES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut s = HashSet::new();
    for (t, _) in TITLES {
        let words: Vec<&str> = t.split(' ').collect();
        for n in 1..words.len() {
            s.insert(words[..n].join(" "));
        }
    }
    s
});

/// Heads that type a multi-word name when they end it: "Seoul National University" (ORG).
const SUFFIX_HEADS: &[(&str, Label)] = &[
    ("inc", Label::Org), ("corp", Label::Org), ("corporation", Label::Org), ("ltd", Label::Org),
    ("co", Label::Org), ("company", Label::Org), ("group", Label::Org), ("holdings", Label::Org),
    ("ministry", Label::Org), ("agency", Label::Org), ("university", Label::Org), ("college", Label::Org),
    ("party", Label::Org), ("bank", Label::Org), ("council", Label::Org), ("committee", Label::Org),
    ("commission", Label::Org), ("association", Label::Org), ("institute", Label::Org),
    ("department", Label::Org), ("office", Label::Org), ("bureau", Label::Org), ("court", Label::Org),
    ("army", Label::Org), ("navy", Label::Org), ("forces", Label::Org), ("force", Label::Org),
    ("police", Label::Org), ("airlines", Label::Org), ("airways", Label::Org), ("television", Label::Org),
    ("tv", Label::Org), ("news", Label::Org), ("times", Label::Org), ("post", Label::Org),
    ("herald", Label::Org), ("journal", Label::Org), ("daily", Label::Org), ("club", Label::Org),
    ("foundation", Label::Org), ("union", Label::Org), ("federation", Label::Org),
    ("organization", Label::Org), ("organisation", Label::Org), ("assembly", Label::Org),
    ("parliament", Label::Org), ("congress", Label::Org), ("senate", Label::Org),
    ("service", Label::Org), ("services", Label::Org), ("authority", Label::Org), ("fund", Label::Org),
    ("exchange", Label::Org), ("network", Label::Org), ("media", Label::Org), ("technologies", Label::Org),
    ("technology", Label::Org), ("motors", Label::Org), ("electronics", Label::Org), ("systems", Label::Org),
    ("industries", Label::Org), ("energy", Label::Org), ("school", Label::Org), ("academy", Label::Org),
    ("guard", Label::Org), ("fc", Label::Org), ("united", Label::Org), ("league", Label::Org),
    ("alliance", Label::Org), ("coalition", Label::Org), ("movement", Label::Org), ("front", Label::Org),
    ("cabinet", Label::Org), ("administration", Label::Org), ("secretariat", Label::Org),
    ("centre", Label::Org), ("center", Label::Org), ("hospital", Label::Org), ("church", Label::Org),
    ("sea", Label::Loc), ("ocean", Label::Loc), ("river", Label::Loc), ("lake", Label::Loc),
    ("mountain", Label::Loc), ("mountains", Label::Loc), ("peninsula", Label::Loc), ("island", Label::Loc),
    ("islands", Label::Loc), ("strait", Label::Loc), ("gulf", Label::Loc), ("bay", Label::Loc),
    ("valley", Label::Loc), ("desert", Label::Loc), ("coast", Label::Loc), ("basin", Label::Loc),
    ("province", Label::Gpe), ("county", Label::Gpe), ("city", Label::Gpe), ("state", Label::Gpe),
    ("prefecture", Label::Gpe), ("district", Label::Gpe), ("region", Label::Gpe), ("oblast", Label::Gpe),
    ("airport", Label::Fac), ("bridge", Label::Fac), ("stadium", Label::Fac), ("palace", Label::Fac),
    ("square", Label::Fac), ("tower", Label::Fac), ("street", Label::Fac), ("road", Label::Fac),
    ("avenue", Label::Fac), ("station", Label::Fac), ("building", Label::Fac), ("hall", Label::Fac),
    ("temple", Label::Fac), ("cathedral", Label::Fac), ("hotel", Label::Fac), ("dam", Label::Fac),
    ("port", Label::Fac), ("base", Label::Fac), ("plant", Label::Fac), ("arena", Label::Fac),
    ("games", Label::Event), ("olympics", Label::Event), ("cup", Label::Event), ("championship", Label::Event),
    ("championships", Label::Event), ("war", Label::Event), ("festival", Label::Event),
    ("expo", Label::Event), ("open", Label::Event), ("election", Label::Event), ("elections", Label::Event),
    ("forum", Label::Event), ("conference", Label::Event), ("dialogue", Label::Event), ("revolution", Label::Event),
    ("act", Label::Law), ("treaty", Label::Law), ("accord", Label::Law), ("accords", Label::Law),
    ("agreement", Label::Law), ("convention", Label::Law), ("constitution", Label::Law), ("protocol", Label::Law),
    ("charter", Label::Law), ("declaration", Label::Law), ("bill", Label::Law), ("resolution", Label::Law),
];

/// Heads that type a name when they start it and "of" follows: "University of Seoul".
const PREFIX_HEADS: &[(&str, Label)] = &[
    ("university", Label::Org), ("ministry", Label::Org), ("bank", Label::Org), ("department", Label::Org),
    ("office", Label::Org), ("institute", Label::Org), ("council", Label::Org), ("embassy", Label::Org),
    ("bureau", Label::Org), ("party", Label::Org), ("church", Label::Org), ("house", Label::Org),
    ("board", Label::Org), ("court", Label::Org), ("federation", Label::Org), ("association", Label::Org),
    ("union", Label::Org), ("league", Label::Org), ("academy", Label::Org), ("school", Label::Org),
    ("college", Label::Org), ("museum", Label::Org), ("organization", Label::Org),
    ("organisation", Label::Org), ("commission", Label::Org), ("committee", Label::Org),
    ("republic", Label::Gpe), ("kingdom", Label::Gpe), ("state", Label::Gpe), ("city", Label::Gpe),
    ("province", Label::Gpe), ("emirate", Label::Gpe), ("gulf", Label::Loc), ("bay", Label::Loc),
    ("sea", Label::Loc), ("isle", Label::Loc), ("cape", Label::Loc), ("strait", Label::Loc),
    ("straits", Label::Loc), ("lake", Label::Loc), ("mount", Label::Loc), ("battle", Label::Event),
    ("treaty", Label::Law), ("statue", Label::Fac), ("port", Label::Gpe),
];

pub(crate) static SUFFIX: LazyLock<HashMap<&'static str, Label>> =
    LazyLock::new(|| SUFFIX_HEADS.iter().copied().collect());
pub(crate) static PREFIX: LazyLock<HashMap<&'static str, Label>> =
    LazyLock::new(|| PREFIX_HEADS.iter().copied().collect());

/// Common Chinese and Korean family names, which come first in English news ("Xi Jinping",
/// "Han Duck-soo"): a short form of such a name is its first word.
const EAST_ASIAN_SURNAMES: &[&str] = &[
    "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
    "zhu", "hu", "guo", "lin", "luo", "gao", "zheng", "liang", "xie", "tang", "xi", "deng", "feng",
    "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "du", "ye", "cheng",
    "wei", "su", "lu", "ding", "ren", "shen", "yao", "qin", "fu", "zhong", "tan", "wen", "bo", "hua",
    "mao", "qian", "kong", "lai", "tsai", "chiang", "chou", "hsu", "kim", "lee", "park", "choi",
    "jung", "chung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin", "kwon",
    "hwang", "ahn", "song", "jeon", "hong", "moon", "ko", "bae", "baek", "heo", "nam", "ryu", "choe",
    "ri", "rhee", "roh", "chun", "ban", "yoo", "noh", "byun", "jo", "son", "gil", "kil", "hyun", "yu",
    "wong", "chan", "leung", "cheung", "ho", "lau", "yip", "tse", "ng",
];

pub(crate) static EA_SURNAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| EAST_ASIAN_SURNAMES.iter().copied().collect());

/// Frequent given names in English-language news: a name starting with one is a person.
const GIVEN: &[&str] = &[
    "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
    "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
    "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan",
    "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon",
    "benjamin", "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry",
    "tyler", "aaron", "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "noah",
    "ethan", "jeremy", "walter", "christian", "keith", "roger", "terry", "austin", "sean", "gerald",
    "carl", "harold", "dylan", "arthur", "lawrence", "jordan", "jesse", "bryan", "billy", "bruce",
    "gabriel", "joe", "logan", "alan", "juan", "albert", "willie", "elijah", "wayne", "randy", "vincent",
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
    "lisa", "nancy", "betty", "sandra", "margaret", "ashley", "kimberly", "emily", "donna", "michelle",
    "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
    "dorothy", "amy", "kathleen", "angela", "shirley", "emma", "brenda", "pamela", "nicole", "anna",
    "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet", "maria", "olivia",
    "heather", "helen", "catherine", "diane", "julie", "victoria", "joyce", "lauren", "kelly", "christina",
    "ruth", "joan", "virginia", "judith", "evelyn", "hannah", "andrea", "megan", "cheryl", "jacqueline",
    "vladimir", "sergei", "sergey", "dmitry", "dmitri", "alexei", "alexey", "mikhail", "ivan", "nikolai",
    "andrei", "igor", "yuri", "oleg", "viktor", "boris", "olga", "natalia", "tatiana", "irina", "elena",
    "mohammed", "mohammad", "muhammad", "ahmed", "ahmad", "ali", "hassan", "hussein", "omar", "abdul",
    "abdullah", "mahmoud", "ibrahim", "khalid", "yusuf", "fatima", "hans", "klaus", "jurgen", "wolfgang",
    "angela", "francois", "jean", "pierre", "jacques", "nicolas", "marie", "carlos", "luis", "miguel",
    "jorge", "pedro", "antonio", "manuel", "francisco", "javier", "luiz", "giuseppe", "giovanni", "marco",
    "matteo", "luca", "shinzo", "fumio", "yoshihide", "taro", "hiroshi", "takeshi", "kenji", "yuki",
    "narendra", "rahul", "amit", "raj", "sanjay", "tony", "tom", "tim", "bill", "bob", "jim", "mike",
    "steve", "dave", "chris", "nick", "ben", "sam", "dan", "matt", "rob", "greg", "kate", "liz", "sue",
    "jane", "anne", "ann", "alice", "grace", "sophie", "sophia", "charlotte", "lucy", "jessica", "ian",
    "gordon", "neil", "simon", "martin", "graham", "colin", "alistair", "nigel", "jeremy", "keir",
    "rishi", "boris", "theresa", "tony", "volodymyr", "emmanuel", "olaf", "xavier", "hugo", "leo",
];

pub(crate) static GIVEN_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| GIVEN.iter().copied().collect());

/// Words that are never part of a name even when capitalized: months, weekdays, pronouns.
const NEVER: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
    "oct.", "nov.", "dec.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "i", "i'm", "i'd", "i've", "i'll", "photo", "ap photo", "file", "update", "updated", "breaking",
    "related", "read", "more", "advertisement", "copyright",
];

pub(crate) static NEVER_NAME: LazyLock<HashSet<&'static str>> = LazyLock::new(|| NEVER.iter().copied().collect());

/// Verbs of saying that follow a person's name.
const SAYING: &[&str] = &[
    "said", "says", "told", "added", "noted", "stated", "asked", "warned", "urged", "argued", "wrote",
    "tweeted", "explained", "insisted", "claimed", "announced", "replied", "stressed", "emphasized",
    "emphasised", "remarked", "recalled", "acknowledged", "admitted", "suggested", "believes",
];

pub(crate) static SAYING_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| SAYING.iter().copied().collect());

/// Prepositions after which a lone unknown capitalized word is a place.
const LOCATIVE: &[&str] = &["in", "at", "from", "near", "outside", "across", "around", "via", "to", "into", "toward", "towards"];

pub(crate) static LOCATIVES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| LOCATIVE.iter().copied().collect());

/// Lowercase words that may join capitalized words inside one name.
pub(crate) fn is_connector(lower: &str) -> bool {
    matches!(lower, "of" | "for" | "de" | "del" | "da" | "du" | "van" | "von" | "der" | "bin" | "al" | "la" | "le" | "on" | "and" | "&")
}
