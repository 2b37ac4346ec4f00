"""extract_entities: canonical entities, mentions at character offsets, records."""

from __future__ import annotations

import pickle

import pytest

import dateline as dl

TEXT = (
    "😀 Chinese President Xi Jinping met South Korean Prime Minister Han Duck-soo in 杭州 "
    "Hangzhou. Xi told Han that China Central Television (CCTV) would air the talks."
)

ENTITY_KEYS = ["id", "name", "label", "role", "country", "org", "former", "aliases", "wikidata", "mentions"]


def test_canonical_entities_and_roles() -> None:
    ents = dl.extract_entities(TEXT)
    by_name = {e.name: e for e in ents}
    xi = by_name["Xi Jinping"]
    assert xi.label == "PERSON"
    assert xi.role == "President"
    assert xi.country == "China"
    assert [m.text for m in xi.mentions] == ["Xi Jinping", "Xi"]
    assert by_name["Han Duck-soo"].country == "South Korea"
    assert "CCTV" in by_name["China Central Television"].aliases


def test_mentions_are_character_offsets(seed_texts: dict[str, str]) -> None:
    for text in [TEXT, *seed_texts.values()]:
        ents = dl.extract_entities(text)
        assert ents
        for e in ents:
            assert e.mentions
            for m in e.mentions:
                assert text[m.start : m.end] == m.text


def test_to_dict_is_the_contract() -> None:
    (first, *_) = dl.extract_entities(TEXT)
    d = first.to_dict()
    assert list(d) == ENTITY_KEYS
    assert all(set(m) == {"text", "start", "end"} for m in d["mentions"])  # type: ignore[union-attr]
    assert dl.Entity.from_dict(d) == first


def test_records_pickle_and_compare() -> None:
    ents = dl.extract_entities(TEXT)
    assert pickle.loads(pickle.dumps(ents)) == ents
    assert dl.extract_entities(TEXT) == ents
    m = ents[0].mentions[0]
    assert eval(repr(m), {"Mention": dl.Mention}) == m  # noqa: S307 - our own repr
    assert hash(m) == hash(dl.Mention(m.text, m.start, m.end))
    assert repr(ents[0]).startswith("Entity(id=")


def test_constructor() -> None:
    e = dl.Entity("p1", "Ada", "PERSON", mentions=[dl.Mention("Ada", 0, 3)])
    assert e.aliases == [] and e.former is False and e.mentions[0].end == 3
    with pytest.raises(dl.InvalidOptionError, match="label"):
        dl.Entity("p1", "Ada", "HUMAN")


@pytest.mark.parametrize("value", [None, b"Xi Jinping", 3.5])
def test_wrong_type(value: object) -> None:
    with pytest.raises(TypeError, match="extract_entities\\(\\) argument 'text' must be str"):
        dl.extract_entities(value)  # type: ignore[arg-type]


def test_empty() -> None:
    assert dl.extract_entities("") == []


def test_roles_carry_their_organization() -> None:
    text = "Olu Hart, a former deputy head of the WHO, said the outbreak was over."
    hart = next(e for e in dl.extract_entities(text) if e.name == "Olu Hart")
    assert hart.role == "deputy head of the WHO"
    assert hart.former is True
    assert hart.org == "World Health Organization"
    assert "org='World Health Organization'" in repr(hart)
    assert pickle.loads(pickle.dumps(hart)) == hart
    assert hart.to_dict()["org"] == "World Health Organization"
    # A record written before the field existed still loads (additive field, version 1).
    old = hart.to_dict()
    del old["org"]
    assert dl.Entity.from_dict(old).org is None
    assert dl.Entity("p1", "Ada", "PERSON", org="UN").org == "UN"
