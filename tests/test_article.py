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
    "published",
    "paragraphs",
    "boilerplate",
]


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
