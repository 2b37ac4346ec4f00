#!/usr/bin/env python3
"""Derive the list of nouns that name a person by role, office, trade or part in an event
(the heads of roles and descriptions: "minister", "spokesperson", "swimmer", "plaintiff")
from WordNet 3.0.

Usage: python3 person_nouns.py WORDNET_DICT_DIR > ../data/person_nouns.txt

WORDNET_DICT_DIR holds WordNet's `index.noun` and `data.noun` (Debian's `wordnet-base`
installs them in /usr/share/wordnet). A word is kept when

- it is a single lowercase word of letters and hyphens, 3 letters or more;
- its most frequent noun sense (the first synset `index.noun` lists) lies in the lexicographer
  file noun.person and spells the word in lowercase there (not a proper name);
- that sense descends (by hypernym links) from one of the role categories in `ROOTS` (worker,
  professional, leader, official, expert, contestant, communicator, representative, victim,
  witness ...), and from none of the disparaging categories in `NOT_UNDER`;
- it is not in `DROP` (insults and slurs that descend from a role category, and words whose
  first person sense is rare in news: "calculator", "router").

Words WordNet lacks but news uses as roles are in `EXTRA`. The output is one word a line,
sorted: a word list derived from WordNet 3.0 (Copyright 2006 by Princeton University; the WordNet
licence is kept in `../data/person_nouns.LICENSE`).
"""
import collections
import os
import re
import sys

ROOTS = set(
    """
    worker professional leader expert contestant communicator advocate adviser representative
    head ruler aristocrat combatant serviceman litigant traveler survivor victim owner creator
    entertainer performer scientist scholar student businessman capitalist investor negotiator
    intermediary politician campaigner delegate appointee officeholder employee assistant
    prisoner captive refugee migrant defendant accused wrongdoer militant reformer disputant
    opponent supporter protester dissenter member volunteer organizer holder beneficiary
    lawgiver official candidate applicant nominee finalist medalist athlete player specialist
    academic adjudicator enthusiast partner associate colleague spokesperson journalist writer
    authority administrator executive director manager boss chief principal agent spy emissary
    diplomat envoy civilian citizen resident settler immigrant emigrant expatriate passenger
    pilot driver sailor soldier officer guard defender rescuer helper witness observer monitor
    inspector investigator detective analyst planner designer producer host presenter
    commentator critic
    """.split()
)

NOT_UNDER = set(
    """
    unwelcome_person simpleton fool misfit anomaly prostitute adulterer sensualist lover
    unskilled_person large_person sick_person lunatic
    """.split()
)

DROP = set(
    """
    commie pinko nympho nymphomaniac gringo pothead gangsta homeboy homegirl yob bugger dick
    screw scab fink narc nark snitch snitcher stoolie stoolpigeon supergrass shyster shylock
    quack sodomite sodomist paederast pederast raper sadist masochist sadomasochist ecdysiast
    pimp pandar pander panderer procurer procuress moll gob hood punk bully liar bigot
    homophobe hypocrite thug ruffian hoodlum hooligan roughneck slyboots tightwad skinflint
    niggard scrooge miser moneygrubber cheapskate sponger goldbrick bum stumblebum palooka
    prole toughie tough heavy lovely familiar dry extra calculator scanner transmitter router
    conveyor conveyer server adapter setter tackle flak fodder booster hire temporary seasonal
    private probable equal superior ordinary national provincial territorial metropolitan
    voluntary quarry prey pursued chased swagger turnkey twaddler geek techie dupe sharper
    phoney phony deviate delinquent torpedo toaster shrink super pro rep ref ump
    """.split()
)

EXTRA = set(
    """
    midfielder firefighter spokesperson defender centre-back fullback full-back quarterback
    striker winger goalkeeper playmaker sprinter swimmer cyclist gymnast marathoner suspect
    founder co-founder cofounder co-chair vice-chair chairperson gunman assailant
    """.split()
)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    lexfile: dict[str, int] = {}
    first_lemma: dict[str, str] = {}
    hypernyms: dict[str, list[str]] = collections.defaultdict(list)
    lower_in: dict[str, set[str]] = collections.defaultdict(set)
    with open(os.path.join(root, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split()
            off, lex, n = parts[0], int(parts[1]), int(parts[3], 16)
            lexfile[off] = lex
            lemmas = [re.sub(r"\(.*\)$", "", parts[4 + 2 * i]) for i in range(n)]
            first_lemma[off] = lemmas[0].lower()
            for lemma in lemmas:
                if lemma.islower():
                    lower_in[lemma].add(off)
            # Pointers follow the word list: count, then (symbol, offset, pos, source/target).
            p = 4 + 2 * n
            for k in range(int(parts[p])):
                if parts[p + 1 + 4 * k] in ("@", "@i"):
                    hypernyms[off].append(parts[p + 2 + 4 * k])

    def ancestors(off: str) -> set[str]:
        seen: set[str] = set()
        stack = [off]
        while stack:
            for h in hypernyms[stack.pop()]:
                if h not in seen:
                    seen.add(h)
                    stack.append(h)
        return {first_lemma[h] for h in seen} | {first_lemma[off]}

    words = set()
    with open(os.path.join(root, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma, n = parts[0], int(parts[2])
            first = parts[-n]
            if not re.fullmatch(r"[a-z][a-z\-]+[a-z]", lemma) or lemma in DROP:
                continue
            if lexfile.get(first) != 18 or first not in lower_in[lemma]:
                continue
            up = ancestors(first)
            if up & ROOTS and not up & NOT_UNDER:
                words.add(lemma)
    words |= EXTRA
    sys.stdout.write("".join(w + "\n" for w in sorted(words)))


if __name__ == "__main__":
    main()
