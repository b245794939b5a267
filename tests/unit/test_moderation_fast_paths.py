"""The quick ways assess() reads a reply give exactly what the plain ways give.

assess() keeps thousands of replies a second by taking short cuts: sums added by C code,
patterns skipped when a reply lacks what they need, a word's reading kept. Each short cut
is held here to the plain computation it replaces, float for float, on the school's
labelled replies and (when present) OLID's validation tweets. ``benchmarks/
moderation_outputs.py`` compares whole assessments between two checkouts.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from stpeters_desk.core import moderation
from stpeters_desk.core.moderation import default_lexicon, fold, read_text
from stpeters_desk.core.reply_model import (
    _NOT_NAMED,
    ReplyModel,
    load_reply_model,
    word_counts,
    word_pieces,
)
from tests.moderation_set import load_cases

ROOT = Path(__file__).resolve().parents[2]
OLID = ROOT.parent / "shared" / "data" / "moderation" / "olid_val_text.txt"


def _texts() -> list[str]:
    texts = [case.text for case in load_cases()]
    texts += ["Café naïve résumé ﬁne Ⓞlivia", "Ｆｕｌｌ width", "a\u0301\u0327 e\u20dd"]
    if OLID.exists():
        texts += OLID.read_text(encoding="utf-8").splitlines()[:250]
    return texts


TEXTS = _texts()


def _plain_fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(moderation._INVISIBLE))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().translate(moderation._LOOKALIKES)


def test_every_combining_mark_of_this_pythons_unicode_is_dropped() -> None:
    marks = {code for code in range(0x110000) if unicodedata.combining(chr(code))}
    assert set(moderation._combining_marks()) == marks
    for text in TEXTS:
        assert fold(text) == _plain_fold(text)


def test_links_and_email_addresses_are_looked_for_whenever_one_could_be_there() -> None:
    samples = [fold(text) for text in TEXTS] + [
        "see https://x.co/abc", "www.example", "shop.example.click/now", "mail me a.b@c-d.uk",
        "@a.b", "x@y", "my.site.io", "a:b", "www .com"]
    for text in samples:
        if moderation._LINK.search(text):
            assert moderation._LINK_MARK.search(text), text
        if moderation._EMAIL.search(text):
            assert moderation._EMAIL_MARK.search(text), text


def test_a_phrase_skipped_for_lacking_a_word_could_not_have_matched() -> None:
    lexicon = default_lexicon()
    phrases = lexicon._phrases + lexicon._allowed_phrases
    for text in TEXTS:
        words = [word for word in lexicon._prepared(read_text(text))]
        for joined in (" ".join(words), " ".join(read_text(text).words)):
            present = dict.fromkeys(joined.split(" "))
            for phrase in phrases:
                if phrase.pattern.search(joined):
                    assert phrase.could_match(present, " " + joined), (phrase.entry, text)


def test_a_word_kept_reads_as_when_first_read() -> None:
    lexicon = default_lexicon()
    for text in TEXTS:
        for word in lexicon._prepared(read_text(text)):
            found: list[moderation.Finding] = []
            reading = lexicon._match_word(word, found)
            assert lexicon._word_reading(word) == (reading, found[0] if found else None)


def _model() -> ReplyModel:
    model = load_reply_model()
    if model.second_opinion is None:
        pytest.skip("the shipped model has no second opinion")
    return model


def _model_words() -> list[list[str]]:
    lexicon = default_lexicon()
    return [lexicon.model_words(text) for text in TEXTS] + [
        ["you", "idiot", "you", "idiot"], ["banana", "nana", "aaaa"], ["a"]]


def test_a_words_pieces_weigh_as_both_readers_weigh_them() -> None:
    model = _model()
    second = model.second_opinion
    assert second is not None
    for words in _model_words():
        for word in words:
            assert model._pieces(word) == word_pieces(word, model.reader.piece_sizes)
            pieces = Counter(word_pieces(word, model.reader.piece_sizes))
            plain = (model.reader.share_of(pieces)
                     + model.second_opinion_weight * second.share_of(pieces))
            assert model._both_shares(word) == plain, word


def test_a_replys_words_and_pairs_weigh_as_both_readers_weigh_them() -> None:
    model = _model()
    second = model.second_opinion
    assert second is not None
    for words in _model_words():
        terms = word_counts(words, model.reader.word_sizes)
        assert model._terms_parts(terms) == (model.reader.terms_part(terms),
                                             second.terms_part(terms))


def _plain_strongest(model: ReplyModel, words: list[str], count: int = 3) -> tuple[str, ...]:
    """strongest_words as it was written before the short cut."""
    second = model.second_opinion
    assert second is not None
    per_word = model.reader.parts_by_word(words, pieces=False)
    for word, part in second.parts_by_word(words, pieces=False).items():
        per_word[word] = per_word.get(word, 0.0) + model.second_opinion_weight * part
    scale = math.sqrt(len(words))
    for word in words:
        per_word[word] = per_word.get(word, 0.0) + model._word_share(word) / scale
    if model.tone is not None:
        for word, part in model.tone.parts(words).items():
            per_word[word] = per_word.get(word, 0.0) + part
    strongest = sorted(((part, word) for word, part in per_word.items()
                        if part > 0.1 and word not in _NOT_NAMED
                        and any(c.isalpha() for c in word)), reverse=True)
    return tuple(word for _part, word in strongest[:count])


def test_the_words_named_are_the_ones_the_plain_sums_name() -> None:
    model = _model()
    for words in _model_words():
        if words:
            assert model.strongest_words(words) == _plain_strongest(model, words)


def test_handles_are_the_ones_the_plain_pattern_finds() -> None:
    import re

    plain = re.compile(r"(?<![\w@])@\w+")
    samples = [fold(text) for text in TEXTS] + [
        "@a", "x@a", "@@a", " @a@b", "a.@b", "é@b", "@", "@user @user: hi", "mail@x.com"]
    for text in samples:
        assert [m.span() for m in moderation._HANDLE.finditer(text)] == [
            m.span() for m in plain.finditer(text)], text
