"""The composer's counter must agree with X: twitter-text v3 conformance, then our own cases.

The conformance file is twitter-text's own (tests/data/twitter-text, Apache-2.0).
Its `urls` and `urls_without_protocol` groups were written for twitter-text's
isValidUrl, which asks whether a whole string is an RFC 3986 URL. What X counts
as 23 is what its link extractor finds, so here a "valid" case must come out
as exactly one link spanning the whole text, and an "invalid" one must not.
Where isValidUrl and the extractor disagree, the case is an xfail(strict=True)
naming why, so that a change in behaviour shows up either way.
"""

from __future__ import annotations

import ast
import functools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from stpeters_desk.core import tweet_text
from stpeters_desk.core.tweet_text import (
    MAX_WEIGHTED_LENGTH,
    TweetLength,
    parse_tweet,
    weighted_length,
)

CONFORMANCE_DIR = Path(__file__).resolve().parents[1] / "data" / "twitter-text"
WEIGHTED_GROUPS = (
    "WeightedTweetsWithDiscountedEmojiCounterTest",
    "UnicodeDirectionalMarkerCounterTest",
)
URL_GROUPS = ("urls", "urls_without_protocol")

# Cases isValidUrl accepts but twitter-text's link extractor, and so X's counter, does not.
EXTRACTOR_DISAGREES = {
    "Valid url: port and userinfo": (
        "twitter-text's extractor has no userinfo (user:pass@): the text holds no link"
    ),
    "Valid url: ipv4": "twitter-text's extractor only links domains with a known TLD, not IPs",
    "Valid url: ipv6": "twitter-text's extractor only links domains with a known TLD, not IPs",
    "Valid url: sub delims and question marks": (
        "twitter-text's extractor ends a query before a trailing '+', so the link stops short"
    ),
}


@functools.cache
def conformance_tests() -> dict[str, list[dict[str, Any]]]:
    with (CONFORMANCE_DIR / "validate.yml").open(encoding="utf-8") as handle:
        tests: dict[str, list[dict[str, Any]]] = yaml.safe_load(handle)["tests"]
    return tests


def weighted_cases() -> list[Any]:
    return [
        pytest.param(case, id=f"{group}: {case['description']}")
        for group in WEIGHTED_GROUPS
        for case in conformance_tests()[group]
    ]


def url_cases() -> list[Any]:
    params = []
    for group in URL_GROUPS:
        for case in conformance_tests()[group]:
            reason = EXTRACTOR_DISAGREES.get(case["description"])
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(case, id=f"{group}: {case['description']}", marks=marks))
    return params


def links(text: str) -> list[str]:
    return [text[start:end] for start, end in parse_tweet(text).urls]


def utf16_offset(text: str, offset: int) -> int:
    """twitter-text's ranges count UTF-16 code units; ours count code points."""
    return len(text[:offset].encode("utf-16-le")) // 2


# --- twitter-text conformance ----------------------------------------------------


@pytest.mark.parametrize("case", weighted_cases())
def test_weighted_length_matches_twitter_text(case: dict[str, Any]) -> None:
    expected = case["expected"]
    result = parse_tweet(case["text"])
    assert (result.weighted_length, result.valid, result.permillage) == (
        expected["weightedLength"],
        expected["valid"],
        expected["permillage"],
    )
    assert weighted_length(case["text"]) == expected["weightedLength"]
    assert result.remaining == MAX_WEIGHTED_LENGTH - expected["weightedLength"]


@pytest.mark.parametrize("case", weighted_cases())
def test_overflow_starts_just_after_twitter_texts_valid_range(case: dict[str, Any]) -> None:
    text, expected = case["text"], case["expected"]
    overflow = parse_tweet(text).over_limit_from
    if expected["weightedLength"] <= MAX_WEIGHTED_LENGTH:
        assert overflow is None
    else:
        assert overflow is not None
        assert utf16_offset(text, overflow) == expected["validRangeEnd"] + 1


@pytest.mark.parametrize("case", url_cases())
def test_link_extraction_agrees_with_twitter_text(case: dict[str, Any]) -> None:
    text = case["text"]
    if case["expected"]:
        assert links(text) == [text]
    else:
        assert links(text) != [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://user:PASSW0RD@example.com:8080/login.php", []),
        ("http://192.168.0.1/index.html?src=asdf", []),
        ("http://[3ffe:1900:4545:3:200:f8ff:fe21:67cf]:80/index.html", []),
        (
            "http://example.com?foo=$bar.;baz?BAZ&c=d-#top/?stories+",
            ["http://example.com?foo=$bar.;baz?BAZ&c=d-#top/?stories"],
        ),
    ],
)
def test_what_the_extractor_makes_of_the_xfailed_cases(text: str, expected: list[str]) -> None:
    """The xfails above are twitter-text's extractor at work, not a random failure."""
    assert links(text) == expected


def test_counting_rules_are_config_v3() -> None:
    config = json.loads((CONFORMANCE_DIR / "config_v3.json").read_text(encoding="utf-8"))
    assert config["maxWeightedTweetLength"] == MAX_WEIGHTED_LENGTH
    assert config["scale"] == tweet_text._SCALE
    assert config["defaultWeight"] == tweet_text._DEFAULT_WEIGHT
    assert config["transformedURLLength"] == tweet_text._TRANSFORMED_URL_LENGTH
    assert config["emojiParsingEnabled"] is True
    ranges = tuple((r["start"], r["end"], r["weight"]) for r in config["ranges"])
    assert ranges == tweet_text._WEIGHTED_RANGES


# --- Links ---------------------------------------------------------------------


def test_school_news_link_counts_as_23() -> None:
    text = "Well done Class 4! See stpeters.sch.uk/news"
    result = parse_tweet(text)
    assert links(text) == ["stpeters.sch.uk/news"]
    assert result.urls == [(23, 43)]
    assert result.weighted_length == 23 + 23
    assert result.valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sports day photos: https://www.stpeters.sch.uk/gallery/sports-day.",
            ["https://www.stpeters.sch.uk/gallery/sports-day"],
            id="full stop after a link is not part of it",
        ),
        pytest.param(
            "Letters home (stpeters.sch.uk/letters).",
            ["stpeters.sch.uk/letters"],
            id="closing bracket is not part of a link",
        ),
        pytest.param(
            "Our new site: stpeters.school and stpeters.london",
            ["stpeters.school", "stpeters.london"],
            id="newer generic TLDs",
        ),
        pytest.param("Term dates at stpeters.uk", ["stpeters.uk"], id="bare country-code domain"),
        pytest.param(
            "Trip to kew.org.Then lunch", ["kew.org"], id="missing space after a sentence"
        ),
        pytest.param("Email office@stpeters.sch.uk today", [], id="e-mail address"),
        pytest.param("Thanks @stpeters.school!", [], id="after an at sign"),
        pytest.param("#stpeters.school", [], id="after a hash"),
        pytest.param("Worksheet.pdf and notes.docx attached", [], id="file names"),
        pytest.param("Pick-up at 3.30pm", [], id="times"),
        pytest.param("ftp://files.stpeters.sch.uk", [], id="other protocols"),
        pytest.param("Minutes: t.co/abc123", ["t.co/abc123"], id="t.co without protocol"),
        pytest.param("https://t.co/abc123/more", ["https://t.co/abc123"], id="t.co has no path"),
        pytest.param("https://t.co/" + "a" * 41, [], id="t.co with an implausibly long slug"),
        pytest.param(
            "Our partner school: http://例え.jp/ で", ["http://例え.jp/"], id="unicode domain"
        ),
    ],
)
def test_links_in_school_posts(text: str, expected: list[str]) -> None:
    assert links(text) == expected


def test_every_link_counts_23_however_long() -> None:
    short = "See https://stpeters.sch.uk"
    long = "See https://stpeters.sch.uk/news/2025/06/summer-fair-thank-you-to-all-our-volunteers"
    assert weighted_length(short) == weighted_length(long) == 4 + 23


# --- Scripts and emoji ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Hello St Peter's", 16, id="latin"),
        pytest.param("Joyeux Noël à tous", 18, id="accents"),
        pytest.param("Привет", 6, id="cyrillic"),
        pytest.param("故人西辞黄鹤楼", 14, id="chinese counts double"),
        pytest.param("おはよう", 8, id="japanese counts double"),
        pytest.param("안녕하세요", 10, id="korean counts double"),
        pytest.param("Year 6 – “well done”", 20, id="typographic punctuation counts single"),
    ],
)
def test_script_weights(text: str, expected: int) -> None:
    assert weighted_length(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Well done! 👏🏽", 11 + 2, id="skin tone"),
        pytest.param("👨‍👩‍👧‍👦", 2, id="ZWJ family"),
        pytest.param("🇬🇧", 2, id="flag"),
        pytest.param("🏴󠁧󠁢󠁥󠁮󠁧󠁿", 2, id="England flag tag sequence"),
        pytest.param("1⃣2️⃣", 4, id="keycaps"),
        pytest.param("© St Peter's", 12, id="bare copyright sign is a character"),
        pytest.param("©️", 2, id="emoji copyright sign is an emoji"),
        pytest.param("👨‍👩‍👧\u200d", 2 + 1, id="family then a stray joiner"),
        pytest.param("❤️\u200d", 2 + 1, id="heart then a stray joiner"),
        pytest.param("🎉 https://stpeters.sch.uk 🎉", 2 + 1 + 23 + 1 + 2, id="emoji beside a link"),
    ],
)
def test_emoji_count_two(text: str, expected: int) -> None:
    assert weighted_length(text) == expected


def test_permillage_uses_twitter_texts_floating_point() -> None:
    # 2261 / 280 * 1000 is 8074.999... in floating point; twitter-text floors that.
    assert parse_tweet("x" * 2261).permillage == 8074


# --- Validity and the overflow offset ------------------------------------------


def test_exactly_280_fits() -> None:
    result = parse_tweet("x" * 280)
    assert result == TweetLength(280, True, 1000, 0, [], None)


def test_empty_text_is_not_a_tweet() -> None:
    assert parse_tweet("") == TweetLength(0, False, 0, 280, [], None)


def test_refused_character_makes_a_short_tweet_invalid() -> None:
    result = parse_tweet("Hello\ufeff")
    assert result.weighted_length == 7
    assert not result.valid


def test_overflow_starts_at_the_281st_character() -> None:
    result = parse_tweet("x" * 285)
    assert result.over_limit_from == 280
    assert result.remaining == -5
    assert not result.valid


def test_overflow_in_cjk_starts_at_the_141st_character() -> None:
    assert parse_tweet("学" * 141).over_limit_from == 140


def test_link_straddling_the_limit_overflows_from_its_start() -> None:
    text = "x" * 270 + " https://stpeters.sch.uk/news"
    result = parse_tweet(text)
    assert result.weighted_length == 271 + 23
    assert result.over_limit_from == 271


def test_emoji_straddling_the_limit_overflows_from_its_start() -> None:
    text = "x" * 279 + "👨‍👩‍👧‍👦"
    result = parse_tweet(text)
    assert result.weighted_length == 281
    assert result.over_limit_from == 279


def test_offsets_index_the_callers_text_not_the_normalised_text() -> None:
    # "e" + combining acute is one character once normalised, two in the string.
    text = "Cafe\u0301 stpeters.sch.uk " + "x" * 258
    result = parse_tweet(text)
    assert result.weighted_length == 5 + 23 + 1 + 258
    assert [text[start:end] for start, end in result.urls] == ["stpeters.sch.uk"]
    assert result.over_limit_from == len(text) - 7
    assert text[result.over_limit_from :] == "x" * 7


def test_hangul_jamo_recompose_and_offsets_follow() -> None:
    text = "\u1100\u1161" + "x" * 279  # normalises to "가" then the x's
    result = parse_tweet(text)
    assert result.weighted_length == 2 + 279
    assert result.over_limit_from == len(text) - 1


def test_result_is_frozen() -> None:
    result = parse_tweet("Hello")
    with pytest.raises(AttributeError):  # a dataclass's FrozenInstanceError is one too
        result.weighted_length = 1  # type: ignore[misc]


def test_emoji_package_is_not_imported_at_module_level() -> None:
    """The app imports tweet_text at start-up; `emoji` must load on first use only."""
    tree = ast.parse(Path(tweet_text.__file__).read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert "emoji" not in imported
