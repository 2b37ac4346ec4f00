"""parse_article: the article's parts, character offsets, errors, rendering."""

from __future__ import annotations

import datetime
import json
import pickle

import pytest

import dateline as dl

ARTICLE_KEYS = [
    "header",
    "title",
    "standfirst",
    "byline",
    "dateline",
    "captions",
    "date_line",
    "published",
    "paragraphs",
    "boilerplate",
    "lines",
]

LINE_LABELS = {"title", "standfirst", "byline", "date_line", "caption", "body", "related", "chrome"}


def _check_offsets(text: str, article: dl.Article) -> None:
    parts = [*article.paragraphs, *article.captions, *article.boilerplate]
    for part in parts:
        assert text[part["start"] : part["end"]] == part["text"]


def test_seed_articles(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        article = dl.parse_article(text)
        assert article.paragraphs, name
        assert article.text == text
        _check_offsets(text, article)
        d = article.to_dict()
        assert list(d) == ARTICLE_KEYS
        assert set(d["published"]) == {"date", "source", "confidence", "warnings"}
        assert d["published"]["confidence"] in {"high", "medium", "low"}


def test_lines_label_every_non_blank_line(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        article = dl.parse_article(text)
        lines = article.lines
        assert [line["label"] for line in lines if line["label"] not in LINE_LABELS] == [], name
        non_blank = [line for line in text.splitlines() if line.strip()]
        assert len(lines) == len(non_blank), name
        starts = [line["start"] for line in lines]
        assert starts == sorted(starts), name
        for line in lines:
            piece = text[line["start"] : line["end"]]
            assert piece and piece == piece.strip(), (name, line)
        # Every paragraph lies on body lines; the title is the title line.
        body = [(line["start"], line["end"]) for line in lines if line["label"] == "body"]
        for para in article.paragraphs:
            assert any(s <= para["start"] < e for s, e in body), (name, para)
        if article.title is not None:
            assert any(
                line["label"] == "title" and article.title in text[line["start"] : line["end"]] for line in lines
            ), name


def test_lines_on_a_page_with_chrome() -> None:
    text = (
        "Skip to main content\nMenu\nStorm closes schools across the coast\n\n"
        "Heavy rain and strong winds closed schools along the coast on Monday, officials said, "
        "and more storms are expected later this week across the region.\n\n"
        "Share this article\nAdvertisement\n"
    )
    article = dl.parse_article(text)
    labels = {text[line["start"] : line["end"]]: line["label"] for line in article.lines}
    assert labels["Storm closes schools across the coast"] == "title"
    assert labels["Skip to main content"] == "chrome"
    assert labels["Advertisement"] == "chrome"
    assert article.title == "Storm closes schools across the coast"
    assert [p["text"][:10] for p in article.paragraphs] == ["Heavy rain"]


def test_date_line() -> None:
    text = "Storm closes schools\nUpdated: March 3, 2021 10:42 GMT\n\nHeavy rain closed schools on Monday, officials said.\n"
    article = dl.parse_article(text)
    assert article.date_line is not None
    assert article.date_line["date"] == "2021-03-03"
    assert text[article.date_line["start"] : article.date_line["end"]] == article.date_line["text"]


def test_header_title_and_published() -> None:
    text = (
        " date 2023-09-23 WORLD\n"
        "China seeks cooperation with South Korea amid tensions\n"
        "September 23, 2023\n\n"
        "HANGZHOU, Sept 23 (Reuters) - Xi held talks on Saturday with Han, CCTV reported.\n"
    )
    a = dl.parse_article(text)
    assert a.title == "China seeks cooperation with South Korea amid tensions"
    assert a.header == {"date": "2023-09-23", "rest": "WORLD", "rest_kind": "section"}
    assert a.published["date"] == "2023-09-23"
    assert a.published_date == datetime.date(2023, 9, 23)
    assert a.dateline is not None and a.dateline["place"] == "HANGZHOU"
    assert a.body.startswith("Xi held talks on Saturday")


def test_offsets_with_emoji_and_cjk() -> None:
    text = "😀 Title with 中文 words\n\n🇰🇷 SEOUL (Yonhap) -- First paragraph 😀 here.\n\nSecond 段落 paragraph.\n"
    a = dl.parse_article(text)
    assert a.paragraphs
    _check_offsets(text, a)


def test_round_trips(seed_texts: dict[str, str]) -> None:
    text = next(iter(seed_texts.values()))
    a = dl.parse_article(text)
    assert pickle.loads(pickle.dumps(a)) == a
    assert dl.Article.from_json(a.to_json(), text) == a
    assert dl.Article.from_dict(json.loads(a.to_json()), text=text) == a
    assert dl.Article.from_json(a.to_json()).text is None
    assert repr(a).startswith("Article(title=")


def test_repr_html(seed_texts: dict[str, str]) -> None:
    text = "Headline <b>&</b>\n\nBody text with <script>alert(1)</script>.\n"
    html = dl.parse_article(text)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "published" in html


@pytest.mark.parametrize("value", [None, b"text", 1])
def test_wrong_type(value: object) -> None:
    with pytest.raises(TypeError, match="parse_article\\(\\) argument 'text' must be str"):
        dl.parse_article(value)  # type: ignore[arg-type]


def test_binary_input_is_invalid_text() -> None:
    with pytest.raises(dl.InvalidTextError, match="binary"):
        dl.parse_article("\x00" * 200 + "abc")


def test_too_large() -> None:
    with pytest.raises(dl.InputTooLargeError, match="limit"):
        dl.parse_article("a" * (64 * 1024 * 1024 + 1))


def test_empty_text_is_a_valid_article() -> None:
    a = dl.parse_article("")
    assert a.paragraphs == [] and a.title is None
