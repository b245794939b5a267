"""The quick ways assess() reads a reply give exactly what the plain ways give.

assess() keeps thousands of replies a second by taking short cuts: patterns skipped when a
reply lacks what they need, accents dropped by one table, a word's reading kept. Each short
cut is held here to the plain computation it replaces, on the school's labelled replies and
(when present) OLID's validation tweets. ``benchmarks/
moderation_outputs.py`` compares whole assessments between two checkouts.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from stpeters_desk.core import moderation
from stpeters_desk.core.moderation import default_lexicon, fold, read_text
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


def test_handles_are_the_ones_the_plain_pattern_finds() -> None:
    import re

    plain = re.compile(r"(?<![\w@])@\w+")
    samples = [fold(text) for text in TEXTS] + [
        "@a", "x@a", "@@a", " @a@b", "a.@b", "é@b", "@", "@user @user: hi", "mail@x.com"]
    for text in samples:
        assert [m.span() for m in moderation._HANDLE.finditer(text)] == [
            m.span() for m in plain.finditer(text)], text
