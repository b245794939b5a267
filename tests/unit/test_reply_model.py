"""The trained reply model beside the word lists: how it reads, what it adds, what it ships."""

from __future__ import annotations

import base64
import gzip
import importlib.util
import math
import os
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from stpeters_desk.core.moderation import (
    HIDE,
    HIDE_AT,
    OK,
    REVIEW,
    REVIEW_AT,
    assess,
    default_lexicon,
    with_reply_model,
)
from stpeters_desk.core.moderation_reasons import english_reasons, reasons_json, stored_reasons
from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.reply_model import (
    MODEL_FILE,
    ReplyModel,
    Tone,
    _shares_digest,
    _word_shares,
    encode_table,
    load_reply_model,
    word_counts,
    word_pieces,
    word_shares_block,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "moderation"
SHIPPED = resources_dir() / "models" / MODEL_FILE


def _table(entries: dict[str, tuple[float, float]]) -> dict[str, str]:
    terms = list(entries)
    return encode_table(terms, [entries[t][0] for t in terms], [entries[t][1] for t in terms])


def _tiny_model(review_at: float = 0.6, maybe_at: float = 0.4) -> ReplyModel:
    """A hand-made model: "idiot" and its pieces weigh towards hostile, "lovely" away."""
    return ReplyModel.from_document({
        "intercept": -1.0,
        "word_sizes": [1, 2],
        "piece_sizes": [2, 3],
        "words": _table({"idiot": (2.0, 3.0), "lovely": (2.0, -2.0), "you idiot": (3.0, 1.0),
                         "you": (1.0, 0.0)}),
        "pieces": _table({" i": (1.0, 0.5), "id": (2.0, 1.0), "ot ": (1.0, 0.5),
                          "ly ": (1.0, -0.5)}),
        "thresholds": {"maybe": maybe_at, "review": review_at},
    })


# --- reading a reply as the training did ----------------------------------------------------

def test_word_pieces_are_cut_inside_each_word_with_its_edges_marked() -> None:
    assert word_pieces("idiot", (2, 3)) == [
        " i", "id", "di", "io", "ot", "t ", " id", "idi", "dio", "iot", "ot "]
    # a word shorter than a piece size gives itself once, and no longer pieces
    assert word_pieces("a", (2, 5)) == [" a", "a ", " a "]


def test_word_counts_are_words_and_neighbouring_pairs() -> None:
    assert word_counts(["you", "idiot", "you", "idiot"], (1, 2)) == {
        "you": 2, "idiot": 2, "you idiot": 2, "idiot you": 1}


def test_the_score_is_tf_idf_times_the_weights() -> None:
    model = _tiny_model()
    words = ["you", "idiot"]
    # words block: you (idf 1, w 0), idiot (2, 3), "you idiot" (3, 1); length one
    word_part = (1 * 0 + 2 * 3 + 3 * 1) / math.sqrt(1 + 4 + 9)
    # pieces, word by word: "you" has none known; "idiot" has " i", "id", "ot " once each
    idiot = (1 * 0.5 + 2 * 1.0 + 1 * 0.5) / math.sqrt(1 + 4 + 1)
    piece_part = (0.0 + idiot) / math.sqrt(2)
    assert model.decision(words) == pytest.approx(-1.0 + word_part + piece_part)
    assert model.score(words) == pytest.approx(1 / (1 + math.exp(-model.decision(words))))
    assert model.decision([]) == -1.0


def test_the_tone_adds_up_the_ratings_of_the_words() -> None:
    tone = Tone({"awful": -3.0, "sad": -2.0, "lovely": 3.0}, [-2.0, -1.0, -1.0, 0.5])
    words = ["awful", "and", "sad", "but", "lovely"]
    scale = math.sqrt(5)
    expected = (-2.0 * -5.0 / scale / 4 + -1.0 * 3.0 / scale / 4 + -1.0 * -3.0 / 4
                + 0.5 * 2 / scale)
    assert tone.decision(words) == pytest.approx(expected)
    assert sum(tone.parts(words).values()) == pytest.approx(expected)
    assert tone.decision([]) == 0.0


def test_the_words_that_weighed_most_are_named_but_small_words_never() -> None:
    model = _tiny_model()
    assert model.strongest_words(["you", "idiot"]) == ("idiot",)
    assert model.strongest_words(["lovely"]) == ()


# --- what the model adds to the lists -------------------------------------------------------

def test_the_model_raises_an_ok_reply_to_review_and_says_why() -> None:
    lexicon = default_lexicon()
    rules = lexicon.assess("you idiot")
    rules = type(rules)(OK, 0.0, [], (), [])
    result = with_reply_model(rules, ["you", "idiot"], _tiny_model(review_at=0.5))
    assert result.level == REVIEW
    assert REVIEW_AT <= result.score < HIDE_AT
    reason = result.reasons[0]
    assert (reason.rule, reason.kind, [w.found for w in reason.words]) == (
        "reads as hostile", REVIEW, ["idiot"])
    sentence = english_reasons(result.reasons)[0]
    assert sentence.startswith("Reads as hostile or insulting (model score 0.")
    assert sentence.endswith('the words that weighed most: "idiot"')
    assert stored_reasons(reasons_json(result.reasons)) == tuple(result.reasons)  # kept whole


def test_just_below_the_line_is_maybe_and_stays_ok() -> None:
    rules = assess("What time does the fair start?", model=_tiny_model())
    assert rules.level == OK and not rules.maybe
    score = _tiny_model().score(["you", "idiot"])
    model = _tiny_model(review_at=score + 0.01, maybe_at=score - 0.01)
    result = with_reply_model(rules, ["you", "idiot"], model)
    assert result.level == OK and result.maybe and result.reasons == rules.reasons


def test_the_model_never_lowers_or_rewrites_what_the_lists_decided() -> None:
    rules = default_lexicon().assess("What a load of s**t, third day off this term.")
    assert rules.level == HIDE
    result = with_reply_model(rules, ["lovely"], _tiny_model())
    assert result == rules
    hostile = assess("What a load of s**t, third day off this term.",
                     model=_tiny_model(review_at=0.0))
    assert hostile.level == HIDE and hostile.reasons == rules.reasons


# --- the shipped model ----------------------------------------------------------------------

def test_the_shipped_model_is_small_and_loads_quickly() -> None:
    assert SHIPPED.stat().st_size < 2_000_000
    ReplyModel.from_file(SHIPPED)  # numpy imported, file cached
    start = time.perf_counter()
    model = ReplyModel.from_file(SHIPPED)
    assert time.perf_counter() - start < 0.5
    assert 0.0 < model.maybe_at <= model.review_at < 1.0
    assert "OLID" in model.about


def test_the_shipped_model_holds_no_tweet_texts() -> None:
    """OLID's texts have no licence: only weights of words and pieces may ship."""
    import json

    document = json.loads(gzip.decompress(SHIPPED.read_bytes()))
    assert set(document) == {"about", "intercept", "piece_sizes", "pieces", "second_opinion",
                             "second_opinion_weight", "thresholds", "tone", "word_shares",
                             "word_sizes", "words"}
    # the words whose shares ship are words the tables hold already, nothing more
    known = {*document["words"]["terms"].split("\n"),
             *document["second_opinion"]["words"]["terms"].split("\n")}
    assert set(document["word_shares"]["words"].split("\n")) <= known
    assert all(-4.0 <= v <= 4.0 for v in document["tone"]["valences"].values())
    for reader in (document, document["second_opinion"]):
        words = reader["words"]["terms"].split("\n")
        pieces = reader["pieces"]["terms"].split("\n")
        assert max(len(term.split(" ")) for term in words) == 2
        assert max(len(piece) for piece in pieces) <= 5


def test_the_shipped_model_reads_hostility_no_list_names() -> None:
    result = assess("Nobody with a brain would send their kids there")
    assert result.level == REVIEW
    sentence = english_reasons(result.reasons)[0]
    assert "Reads as hostile or insulting" in sentence
    assert '"brain"' in sentence


@pytest.mark.parametrize("text", [
    "Thank you to all the staff, what a lovely afternoon!",
    "Well done Year 6, brilliant play",
    "What time does the fair start? Want to bring the grandparents along.",
])
def test_the_shipped_model_leaves_friendly_replies_alone(text: str) -> None:
    assert assess(text).level == OK


def _shipped_document() -> dict[str, Any]:
    import json

    document: dict[str, Any] = json.loads(gzip.decompress(SHIPPED.read_bytes()))
    return document


def test_the_shipped_shares_of_words_are_the_shares_the_app_works_out() -> None:
    """Every word the model knows ships with its share: each one is, to the bit, what the
    app's own code works out from the tables (a stale or hand-made one would score
    replies by numbers the tables do not give), and each is kept as that word's share."""
    document = _shipped_document()
    words, shares = _word_shares(document["word_shares"])
    fresh = ReplyModel.from_document(_without_shares(document))
    assert not fresh._shares  # nothing taken: every share below is worked out afresh
    assert words == fresh.known_words() and len(words) > 10_000
    worked_out = list(map(fresh._share_worked_out, words))
    assert [share.hex() for share in worked_out] == [share.hex() for share in shares]
    assert word_shares_block(document) == document["word_shares"]
    loaded = ReplyModel.from_file(SHIPPED)
    assert loaded.shares_taken == len(words)
    assert [loaded._shares[word].hex() for word in words] == [s.hex() for s in worked_out]


def test_the_shipped_shares_are_taken_at_load_and_spare_the_pieces(
        monkeypatch: pytest.MonkeyPatch) -> None:
    model = ReplyModel.from_file(SHIPPED)
    words = ["teacher", "lovely", "idiot", "school"]
    expected = ReplyModel.from_document(_without_shares(_shipped_document())).decision(words)

    def no_pieces(word: str) -> float:
        raise AssertionError(f"{word!r} cut into pieces although its share shipped")

    monkeypatch.setattr(model, "_both_shares", no_pieces)
    assert model.decision(words) == expected


def _without_shares(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "word_shares"}


def _redigested(document: dict[str, Any]) -> None:
    """As if whoever changed the block had also written its digest again."""
    block = document["word_shares"]
    block["digest"] = _shares_digest(document, block)


def _set_shares(document: dict[str, Any], words: list[str], shares: list[float]) -> None:
    document["word_shares"].update(words="\n".join(words), shares=base64.b64encode(
        struct.pack(f"<{len(shares)}d", *shares)).decode("ascii"))


def _spoil(document: dict[str, Any], how: str) -> None:
    block = document["word_shares"]
    words, shares = _word_shares(block)
    if how == "a share outside the sample changed":
        shares[words.index("idiot")] += 1e-12
        assert words.index("idiot") % 512
        _set_shares(document, words, shares)
    elif how == "a share in the sample changed, digest written again":
        shares[512] += 1e-12
        _set_shares(document, words, shares)
        _redigested(document)
    elif how == "two words swapped":
        first, second = words.index("idiot"), words.index("lovely")
        words[first], words[second] = words[second], words[first]
        _set_shares(document, words, shares)
    elif how == "a word listed twice, digest written again":
        words[5] = words[0]
        _set_shares(document, words, shares)
        _redigested(document)
    elif how == "one share fewer, digest written again":
        _set_shares(document, words, shares[:-1])
        _redigested(document)
    elif how == "a word added":
        _set_shares(document, [*words, "zzzzhostile"], [*shares, 9.0])
    elif how == "the tables changed after the shares were worked out":
        pieces = document["pieces"]
        weights = bytearray(base64.b64decode(pieces["weights"]))
        weights[0:4] = struct.pack("<f", struct.unpack("<f", weights[0:4])[0] + 3.0)
        pieces["weights"] = base64.b64encode(bytes(weights)).decode("ascii")
    elif how == "no digest":
        del block["digest"]
    elif how == "shares not base64":
        block["shares"] = "!!" + block["shares"]
    elif how == "shares cut short by a byte":
        block["shares"] = base64.b64encode(base64.b64decode(block["shares"])[:-1]).decode()
        _redigested(document)
    elif how == "the block is a list":
        document["word_shares"] = [block["words"], block["shares"]]
    else:
        raise AssertionError(how)


@pytest.mark.parametrize("how", [
    "a share outside the sample changed", "a share in the sample changed, digest written again",
    "two words swapped", "a word listed twice, digest written again",
    "one share fewer, digest written again", "a word added",
    "the tables changed after the shares were worked out", "no digest", "shares not base64",
    "shares cut short by a byte", "the block is a list"])
def test_shares_that_do_not_belong_to_the_tables_are_not_taken(
        how: str, caplog: pytest.LogCaptureFixture) -> None:
    """A file whose shares were not worked out from its own tables by this code, or that
    cannot be read, is read without them: the replies are then scored by the tables alone,
    exactly as if the file had brought no shares, and the log says why it is slower."""
    document = _shipped_document()
    _spoil(document, how)
    spoilt = ReplyModel.from_document(document)
    assert spoilt.shares_taken == 0 and not spoilt._shares
    assert "shares of words are not used" in caplog.text
    plain = ReplyModel.from_document(_without_shares(document))
    for words in (["you", "absolute", "idiot", "teacher"], ["lovely", "day", "at", "school"],
                  ["zzzzhostile"], [_word_shares(_shipped_document()["word_shares"])[0][5]]):
        assert spoilt.decision(words).hex() == plain.decision(words).hex()


def test_an_empty_block_of_shares_takes_nothing() -> None:
    document = _shipped_document()
    _set_shares(document, [], [])
    _redigested(document)
    model = ReplyModel.from_document(document)
    assert model.shares_taken == 0 and not model._shares
    assert model.decision(["idiot"]) == ReplyModel.from_file(SHIPPED).decision(["idiot"])


def test_the_model_is_read_once_and_only_when_first_needed() -> None:
    code = ("from stpeters_desk.core import moderation, reply_model\n"
            "assert reply_model.load_reply_model.cache_info().currsize == 0\n"
            "moderation.assess('Thank you!')\n"
            "assert reply_model.load_reply_model.cache_info().currsize == 1\n"
            "print('ok')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr
    assert load_reply_model() is load_reply_model()


def _tone_words() -> Path | None:
    """VADER's lexicon: from the vaderSentiment package, or where STPETERS_VADER_LEXICON says."""
    named = os.environ.get("STPETERS_VADER_LEXICON")
    if named:
        return Path(named)
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "vader_lexicon.txt"


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None or _tone_words() is None
                    or not (DATA / "olid_train_text.txt").exists(),
                    reason="needs scikit-learn, vaderSentiment and the labelled public tweets")
def test_the_training_script_rebuilds_the_shipped_model_byte_for_byte(tmp_path: Path) -> None:
    import json

    about = json.loads(gzip.decompress(SHIPPED.read_bytes()))["about"]
    c = about.split("(C=")[1].split(")")[0]
    output = tmp_path / MODEL_FILE
    subprocess.run([sys.executable, str(ROOT / "scripts" / "train_reply_model.py"),
                    "--data", str(DATA), "--c", c, "--output", str(output),
                    "--tone-words", str(_tone_words())],
                   cwd=ROOT, check=True, capture_output=True, timeout=600)
    assert output.read_bytes() == SHIPPED.read_bytes()
