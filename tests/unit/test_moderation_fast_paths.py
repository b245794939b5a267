"""The quick ways assess() reads a reply give exactly what the plain ways give.

assess() keeps thousands of replies a second by taking short cuts: patterns skipped when a
reply lacks what they need, accents dropped by one table, a word's reading kept. Each short
cut is held here to the plain computation it replaces, on the school's labelled replies and
(when present) OLID's validation tweets. ``benchmarks/
moderation_outputs.py`` compares whole assessments between two checkouts.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from stpeters_desk.core import moderation, reply_model
from stpeters_desk.core.moderation import default_lexicon, fold, read_text
from stpeters_desk.core.reply_model import ReplyModel, load_reply_model, word_counts, word_pieces
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
            assert lexicon._infos([word])[0][:2] == (reading, found[0] if found else None)


def test_handles_are_the_ones_the_plain_pattern_finds() -> None:
    import re

    plain = re.compile(r"(?<![\w@])@\w+")
    samples = [fold(text) for text in TEXTS] + [
        "@a", "x@a", "@@a", " @a@b", "a.@b", "é@b", "@", "@user @user: hi", "mail@x.com"]
    for text in samples:
        assert [m.span() for m in moderation._HANDLE.finditer(text)] == [
            m.span() for m in plain.finditer(text)], text


def test_folding_by_patterns_gives_what_translate_gives() -> None:
    samples = ["", "\u200b", "\u200b\u0301", "a\U0001d167b\u0301", "Ａ’é\U0001F3FB", "`quoted`",
               "ѕһіt саt", "x\U0001F3FBy\u00ad", "\U0001e000\U0001e8d0", "naïve — ok ‘yes’ ´"]
    for text in samples + TEXTS:
        assert fold(text) == _plain_fold(text), repr(text)


# --- the reply model's quick ways, held to the readers' plain computations ----------------

def _plain_decision(model: ReplyModel, words: list[str]) -> float:
    """The sum as the readers work it out one by one (``terms_part``, ``share_of``, and the
    tone's loop over the words)."""
    reader, second = model.reader, model.second_opinion
    assert second is not None and model.tone is not None
    terms = word_counts(words, reader.word_sizes)
    shares = []
    for word in words:
        pieces = Counter(word_pieces(word, reader.piece_sizes))
        shares.append(reader.share_of(pieces)
                      + model.second_opinion_weight * second.share_of(pieces))
    total = (reader.intercept + reader.terms_part(terms)
             + model.second_opinion_weight * (second.intercept + second.terms_part(terms))
             + sum(shares) / math.sqrt(len(words)))
    negative, positive, lowest, strong = model.tone.weights
    below = above = low = 0.0
    harsh = 0
    for word in words:
        valence = model.tone.valences.get(word)
        if valence is None:
            continue
        if valence < 0:
            below += valence
            harsh += valence <= -2
            low = min(low, valence)
        else:
            above += valence
    scale = math.sqrt(max(len(words), 1))
    return total + (negative * below / scale / 4 + positive * above / scale / 4
                    + lowest * low / 4 + strong * harsh / scale)


def _plain_strongest(model: ReplyModel, words: list[str]) -> tuple[str, ...]:
    second = model.second_opinion
    assert second is not None and model.tone is not None
    per_word = model.reader.parts_by_word(words, pieces=False)
    for word, part in second.parts_by_word(words, pieces=False).items():
        per_word[word] = per_word.get(word, 0.0) + model.second_opinion_weight * part
    scale = math.sqrt(len(words))
    for word in words:
        pieces = Counter(word_pieces(word, model.reader.piece_sizes))
        share = (model.reader.share_of(pieces)
                 + model.second_opinion_weight * second.share_of(pieces))
        per_word[word] = per_word.get(word, 0.0) + share / scale
    for word, part in model.tone.parts(words).items():
        per_word[word] = per_word.get(word, 0.0) + part
    strongest = sorted(((part, word) for word, part in per_word.items()
                        if part > 0.1 and word not in reply_model._NOT_NAMED
                        and any(c.isalpha() for c in word)), reverse=True)
    return tuple(word for _part, word in strongest[:3])


def _model_words() -> list[list[str]]:
    lexicon = default_lexicon()
    found = [lexicon.model_words(text) for text in TEXTS]
    # repeated words, pairs and pieces (which take the slower ways), and a word alone
    found += [["you", "idiot", "you", "idiot"], ["banana", "bananas"], ["a"], ["x" * 40],
              ["lol", "lol", "lol"], ["the", "head", "the", "head", "the"]]
    return [words for words in found if words]


def test_the_quick_sums_are_the_readers_plain_sums_to_the_last_bit() -> None:
    model = load_reply_model()
    for words in _model_words():
        assert model.decision(words) == _plain_decision(model, words), words
        assert model.decision(words) == _plain_decision(model, words), words  # kept per word


def test_the_words_named_are_the_ones_the_plain_sums_name() -> None:
    model = load_reply_model()
    for words in _model_words():
        plain = _plain_strongest(model, words)
        assert model.strongest_words(words) == plain, words
        # named from the terms the decision read, as assess() names them
        decision, terms = model.decided(words)
        assert decision == model.decision(words)
        assert model.strongest_words(words, terms=terms) == plain, words


def test_a_word_cut_all_at_once_gives_the_pieces_cut_one_by_one() -> None:
    for word in ["a", "ab", "abc", "idiot", "bananas", "x" * 30, "é", "😀"]:
        for sizes in ((2, 5), (2, 3), (1, 2), (3, 3)):
            padded = f" {word} "
            plain: list[str] = []
            for size in range(sizes[0], sizes[1] + 1):
                if len(padded) <= size:
                    plain.append(padded)
                    break
                plain += [padded[i:i + size] for i in range(len(padded) - size + 1)]
            assert word_pieces(word, sizes) == plain


def test_the_model_raises_an_assessment_as_dataclasses_replace_would() -> None:
    from dataclasses import replace

    model = load_reply_model()
    lexicon = default_lexicon()
    for text in TEXTS[:400]:
        rules = lexicon.assess(text)
        if rules.level != moderation.OK:
            continue
        words = lexicon.model_words(text)
        result = moderation.with_reply_model(rules, words, model)
        score = model.score(words)
        if score >= model.review_at:
            assert result == replace(rules, level=moderation.REVIEW, score=result.score,
                                     reasons=result.reasons)
        elif score >= model.maybe_at:
            assert result == replace(rules, maybe=True)
        else:
            assert result is rules


def test_tokens_kept_read_as_when_first_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tokens' words are kept; when the store is full it starts again, mid-reply too."""
    moderation._CLEANED.clear()
    first = [moderation.read_text.__wrapped__(text) for text in TEXTS]  # type: ignore[attr-defined]
    monkeypatch.setattr(moderation, "_CLEANED_LIMIT", 7)
    moderation._CLEANED.clear()
    again = [moderation.read_text.__wrapped__(text) for text in TEXTS]  # type: ignore[attr-defined]
    assert again == first
    assert len(moderation._CLEANED) <= max(7, max(len(set(moderation._TOKEN.findall(
        fold(text)))) for text in TEXTS))
    moderation._CLEANED.clear()


def test_the_word_stores_when_full_start_again_and_read_alike(
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = [default_lexicon().assess(text) for text in TEXTS]
    monkeypatch.setattr(moderation, "_KEPT_WORDS", 5)
    fresh = moderation.Lexicon.from_files(moderation.default_word_lists())
    assert [fresh.assess(text) for text in TEXTS] == first
    assert len(fresh._word_readings) <= max(5, max(len(set(text.split())) for text in TEXTS) * 2)


def test_needs_checked_once_a_reply_pass_the_phrases_each_check_passes() -> None:
    lexicon = default_lexicon()
    phrases = lexicon._phrases + lexicon._allowed_phrases
    shared = len({id(need) for phrase in phrases for need in phrase.needs})
    assert shared < sum(len(phrase.needs) for phrase in phrases)  # equal needs made one
    for text in TEXTS:
        words = lexicon._prepared(read_text(text))
        present = dict.fromkeys(words)
        spaced = " " + " ".join(words)
        plain = [phrase for phrase in phrases if phrase.could_match(present, spaced)]
        # the needs each word meets, kept per word, give the same phrases
        assert lexicon._needs.possible(phrases, present) == plain, text


def test_the_needs_a_word_meets_are_the_ones_it_meets_alone() -> None:
    lexicon = default_lexicon()
    needs = {id(need): need for phrase in lexicon._phrases + lexicon._allowed_phrases
             for need in phrase.needs}.values()
    words = {word for text in TEXTS for word in lexicon._prepared(read_text(text))}
    words |= {beginning[1:] + "s" for need in needs for beginning in need.beginnings}
    words |= {beginning[1:-1] for need in needs for beginning in need.beginnings}
    for word in words:
        present = dict.fromkeys([word])
        assert lexicon._needs.of_word(word) == {
            need for need in needs if need.met(present.keys(), " " + word)}, word


def test_a_word_the_allow_list_skips_by_its_first_letter_is_not_in_it() -> None:
    index = default_lexicon()._allowed_words
    assert index._initials is not None
    words = {word for text in TEXTS for word in read_text(text).words}
    words |= {entry[0] * 3 + entry for entry in index.exact}  # stretched first letters
    words |= {prefix + "ing" for prefix in index.prefixes}
    for word in words:
        plain = index.direct(word)
        if plain is None and moderation._RUN3.search(word):
            plain = (index.direct(moderation._RUN3.sub(r"\1", word))
                     or index.direct(moderation._RUN3.sub(r"\1\1", word)))
        assert (index._look_up(word) is None) == (plain is None), word


def test_the_words_kept_by_the_model_when_full_start_again_and_sum_alike(
        monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_reply_model()
    replies = _model_words()
    first = [model.decision(words) for words in replies]
    monkeypatch.setattr(reply_model.LinearReader, "_CACHE_LIMIT", 5)
    model._records.clear()
    assert [model.decision(words) for words in replies] == first
    model._records.clear()


def test_a_token_that_is_letters_once_apostrophes_and_edges_go_is_read_as_those_letters(
) -> None:
    """``_clean`` returns such a word at once: the steps it skips would leave it alone."""
    raws = {raw for text in TEXTS for raw in moderation._TOKEN.findall(fold(text))}
    raws |= {"don't", "well.", "yes!!", "-no-", "i'll.", "naïve.", "|ok|", "sh1t.", "l'été",
             "#maga", "##tag.", "#don't", "#*x*", "#1st"}
    for raw in raws:
        word = raw.replace("'", "").strip(".-_!|")
        if not word.lstrip("#").isalpha() or raw.isalpha():
            continue
        if not word.isalpha():  # a hashtag: read without its "#"
            word = word.lstrip("#")
        contraction = moderation._CONTRACTIONS.get(raw.strip(".-_!|"))
        assert moderation._clean(raw) == (list(contraction) if contraction else [word]), raw
        assert moderation._NUMBER.fullmatch(word) is None
        assert [piece for piece in moderation._SEPARATORS.split(word) if piece] == [word]
        assert moderation._unleet(word) == word
        assert not (len(word) >= 3 and set(word) <= moderation._MASK)


def test_the_tokens_of_an_ascii_text_are_the_ones_the_pattern_finds() -> None:
    import random

    chance = random.Random(16)
    samples = [fold(text) for text in TEXTS]
    samples += ["".join(chance.choice([chr(code) for code in range(128)])
                        for _ in range(chance.randrange(60))) for _ in range(3000)]
    for text in samples:
        if text.isascii():
            assert text.translate(moderation._NOT_IN_TOKENS).split() == \
                moderation._TOKEN.findall(text), repr(text)


def test_words_the_allow_list_does_not_know_are_left_as_it_would_leave_them() -> None:
    lexicon = default_lexicon()
    texts = [*TEXTS, "Dick Whittington was lovely", "blue tits in the garden", "you idiot"]
    for text in texts:
        reading = read_text(text)
        words, infos = lexicon._prepared_read(reading)
        joined = lexicon._join_spaced_letters(list(reading.words))
        assert words == lexicon._remove_allowed(joined), text
        if infos is not None:
            assert infos == [lexicon._read_word(word) for word in words]
            assert lexicon._findings_in(words, infos) == lexicon._findings_in(words)


def test_phone_numbers_and_child_names_are_looked_for_whenever_one_could_be_there() -> None:
    samples = [*TEXTS, "ring 07700 900123", "+44 7700 900123", "+447700900123", "Our Tom",
               "my son  Alfie", "Hello our\nJoe", "My little one Amy!", "your Class"]
    for text in samples:
        folded = fold(text)
        if moderation._PHONE.search(folded):
            assert "0" in folded or "+44" in folded, text
        if moderation._CHILD_NAME.search(text):
            assert moderation._CHILD_NAME_HINT.search(text), text
    assert moderation._child_name_notes("Well done our Tom and my son Alfie") == [
        moderation.ChildNamesNote(("Tom", "Alfie"))]
