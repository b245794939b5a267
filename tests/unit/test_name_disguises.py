"""Pupils' names in disguise: each way of writing a name that once got past the guard.

The generated texts (tests/name_guard_disguises.py) use a roster and sentences
the rules were not written from; the small cases below pin each class down.
"""

from __future__ import annotations

import pytest

from stpeters_desk.core.names import FormKind, HashedForm, NameGuard, NameHasher
from stpeters_desk.core.text_folding import direction_controls, fold_text
from tests.name_guard_disguises import disguise_roster, recall_by_disguise


@pytest.fixture(scope="module")
def guard() -> NameGuard:
    return NameGuard.from_names(["Olivia Smith", "Ruby-Mae Jones", "Muhammad Khan",
                                 "Aoife Byrne", "Hannah Price", "Grace Holloway",
                                 "Isla Carter", "Oliver Bennett"])


def blocks(guard: NameGuard, text: str) -> list[str]:
    return [f.word for f in guard.check(text) if f.level == "block"]


@pytest.mark.parametrize("hidden", ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u200e",
                                    "\u200f", "\u2063", "\ufe0f", "\ufe00", "\u034f",
                                    "\ufeff", "\u180e", "\U000e0041"])
def test_invisible_characters_inside_a_name_are_seen_through(guard: NameGuard,
                                                             hidden: str) -> None:
    text = f"Well done Oli{hidden}via!"
    findings = guard.check(text)
    assert [(f.word, f.level) for f in findings] == [("Olivia", "block")]
    assert text[findings[0].start:findings[0].end] == f"Oli{hidden}via"


@pytest.mark.parametrize("written", ["Оlivia",  # Cyrillic capital O
                                     "Οlivia",  # Greek capital omicron
                                     "Olivіa",  # Cyrillic small i
                                     "ᴏʟɪᴠɪᴀ",  # small capitals
                                     "𝐎𝐥𝐢𝐯𝐢𝐚",  # mathematical bold
                                     "Ｏｌｉｖｉａ",  # full width
                                     "OⅼIvia",  # small roman numeral fifty for l
                                     "OIivia",  # capital I for small l
                                     "Olivia\u0336"])  # a combining stroke
def test_look_alike_letters_are_read_as_the_letters_they_imitate(guard: NameGuard,
                                                                 written: str) -> None:
    assert blocks(guard, f"Congratulations {written} on your award") != []


def test_a_name_typed_backwards_inside_a_direction_override_is_found(guard: NameGuard) -> None:
    text = "Star of the week: \u202eaivilO\u202c!"
    findings = guard.check(text)
    assert [(f.word, f.level) for f in findings] == [("Olivia", "block")]
    assert direction_controls(text) == [18, 25]
    assert fold_text(text).text == "Star of the week: Olivia!"


@pytest.mark.parametrize("spelled", ["O l i v i a", "O.l.i.v.i.a", "O-l-i-v-i-a",
                                     "O. L. I. V. I. A.", "o_l_i_v_i_a", "O·l·i·v·i·a"])
def test_names_spelled_out_letter_by_letter_block(guard: NameGuard, spelled: str) -> None:
    assert blocks(guard, f"Well done {spelled} for the poem") == [spelled.rstrip(".")]


def test_plurals_of_names_block_but_plural_words_do_not(guard: NameGuard) -> None:
    assert blocks(guard, "Both Olivias won a prize") == ["Olivias"]
    assert blocks(guard, "The two Hannahs sang together") == ["Hannahs"]
    assert guard.check("The roses and the graces") == []


def test_double_names_run_together_block(guard: NameGuard) -> None:
    for written in ("RubyMae", "Rubymae", "rubymae", "RUBYMAE", "Ruby Mae"):
        assert blocks(guard, f"Lovely work by {written} today"), written


def test_names_split_in_two_block(guard: NameGuard) -> None:
    assert blocks(guard, "Well done Oli via") == ["Oli via"]
    assert blocks(guard, "Well done Ol-ivia") == ["Ol-ivia"]


@pytest.mark.parametrize("written", ["0livia", "Ol1via", "01ivia", "0L1V1A"])
def test_digits_written_for_letters_block(guard: NameGuard, written: str) -> None:
    assert blocks(guard, f"Go {written}!") == [written]


def test_ordinals_and_units_are_not_read_as_digits_for_letters(guard: NameGuard) -> None:
    assert guard.check("Year 6 ran 100m on the 12th; 3kg of apples; Y6 and KS2") == []


@pytest.mark.parametrize(("roster", "written"), [
    ("Muhammad", "Mohammed"), ("Muhammad", "Muhammed"), ("Muhammad", "Mohamed"),
    ("Hannah", "Hanna"), ("Aoife", "Eefa"), ("Isla", "Islah"),
])
def test_spelling_variants_of_a_name_block(guard: NameGuard, roster: str, written: str) -> None:
    assert blocks(guard, f"Huge well done to {written} this week") == [written], roster


def test_ordinary_words_that_sound_like_names_do_not_block() -> None:
    guard = NameGuard.from_names(["Rahman Ali", "Theodore Nash", "Freddie Cole", "Sam Marsh"])
    text = "Roman shields in the Theatre on Friday; the March walk"
    assert [f for f in guard.check(text) if f.level == "block"] == []
    assert [f for f in guard.check_read_text("MARCH 2026") if f.level == "block"] == []


@pytest.mark.parametrize("tag", ["#welldoneolivia", "#WELLDONEOLIVIA", "@oliviasmith2",
                                 "#proudofoliviaandteam", "#goolivia"])
def test_names_in_lower_case_tags_block_like_capitalised_ones(guard: NameGuard,
                                                              tag: str) -> None:
    assert blocks(guard, f"What a day {tag}"), tag


def test_the_school_inside_a_run_together_handle_is_not_a_pupil() -> None:
    guard = NameGuard.from_names(["Peter Marsh"])
    assert [f for f in guard.check("@stpeterspilning thanks!") if f.level == "block"] == []


def test_words_with_capitals_inside_are_read_as_hashtags_are(guard: NameGuard) -> None:
    assert blocks(guard, "WellDoneOlivia") == ["Olivia"]
    assert blocks(guard, "Congratulations to the McAllisters") == []


def test_text_read_from_a_photo_allows_one_misread_letter(guard: NameGuard) -> None:
    for misread in ("Olivla", "Olvia", "Oliviia", "0livia", "OLIVIA", "Aoif", "Isia"):
        levels = {f.level for f in guard.check_read_text(f"{misread}")}
        expected = set() if misread == "Isia" else {"block"}  # "Isla": too short to allow
        assert levels == expected, misread
    assert guard.check_read_text("Welcome to Year 5: reading corner") == []
    assert guard.check("Olivla") == []  # typed text gets no such tolerance


def test_every_class_of_disguise_is_caught_on_the_generated_set() -> None:
    tally = recall_by_disguise(NameGuard.from_names(disguise_roster()))
    for disguise, (caught, total, missed) in tally.items():
        floor = {"variant (seen)": 0.95, "variant (held out)": 0.75}.get(disguise, 1.0)
        assert caught / total >= floor, (disguise, missed)


def test_a_roster_imported_under_older_rules_asks_to_be_imported_again() -> None:
    fresh = NameGuard.from_names(["Olivia Smith"])
    assert not fresh.needs_reimport
    hasher = NameHasher(b"k" * 32)
    old = NameGuard(hasher, [HashedForm(hasher.digest("olivia"), FormKind.FORENAME, False)])
    assert old.needs_reimport and not old.is_empty
    assert not NameGuard.empty().needs_reimport


# --- Found by trying the guard as an attacker would (tests/... attack run, issue 15) ---------


def test_a_staff_title_does_not_shield_a_pupils_full_name(guard: NameGuard) -> None:
    assert blocks(guard, "Thank you Miss Olivia Smith for the card") == ["Olivia Smith"]
    assert blocks(guard, "Well done Mrs Smith Olivia") == ["Smith Olivia"]
    assert blocks(guard, "Thank you Mrs Smith for the trip") == []


def test_more_adult_titles_and_businesses_named_after_someone_only_warn(
        guard: NameGuard) -> None:
    for text in ("Thank you to Father Carter for leading the service.", "Coach Carter ran PE.",
                 "PC Carter talked about road safety.", "Hannah's Bakery delivered bread.",
                 "Thank you to Carter Motors for the minibus", "Smith's Crisps sent a donation"):
        assert blocks(guard, text) == [], text


@pytest.mark.parametrize("written", ["Oli\nvia", "Ol\r\nivia", "P🎉riya"[:0] + "Oli🎉via",
                                     "O🌟l🌟i🌟v🌟i🌟a", "🅞🅛🅘🅥🅘🅐", "⒪⒧⒤⒱⒤⒜", "🇴🇱🇮🇻🇮🇦",
                                     "Olivi@", "$mith", "Ol!via", "O|ivia", "Y6Olivia",
                                     "Olivias'", "Oliviaʼs", "O l i v i a's"])
def test_more_ways_of_writing_a_name_block(guard: NameGuard, written: str) -> None:
    assert blocks(guard, f"Well done {written} this week"), repr(written)


def test_digits_inside_tags_and_handles_block(guard: NameGuard) -> None:
    assert blocks(guard, "What a day @0l1v1a_sm1th") and blocks(guard, "So proud #m0hammed")


def test_an_apostrophe_typed_as_a_space_still_joins_the_name() -> None:
    guard = NameGuard.from_names(["Niamh O'Connor", "D'Andre Lewis"])
    assert blocks(guard, "Good luck O Connor") == ["O Connor"]
    assert blocks(guard, "Go D Andre!") == ["D Andre"]
    assert NameGuard.from_names(["Adam Jones"]).check("We built a dam in the stream") == []


def test_ocr_two_letters_for_one_are_read_back(guard: NameGuard) -> None:
    assert {f.level for f in guard.check_read_text("Muharnmad")} == {"block"}
    assert guard.check_read_text("Harnmer and nails") == []


def test_a_word_name_written_on_its_own_in_a_photo_is_a_label_and_blocks() -> None:
    guard = NameGuard.from_names(["Poppy Marsh", "Leo Hart"])
    for label in ("POPPY", "Poppy M.", "Leo", "leo hart"):
        assert {f.level for f in guard.check_read_text(label)} == {"block"}, label
    assert {f.level for f in guard.check_read_text("Poppy seeds grow in the garden")} == {"warn"}
    assert {f.level for f in guard.check("Poppy")} == {"warn"}  # typed text keeps its rule
