"""The child-name guard: what it catches, what it lets through, and that it never holds names."""

from __future__ import annotations

import itertools
import pickle
from pathlib import Path

import pytest

from stpeters_desk.core.names import (
    FormKind,
    GuardWords,
    NameFinding,
    NameGuard,
    NameHasher,
    PupilName,
    hash_pupil_forms,
    load_guard_words,
    normalise_name,
    pupil_name_forms,
)
from stpeters_desk.core.paths import resources_dir
from tests.name_guard_set import load_set, score

ROSTER = ["Olivia Smith", "Oliver Bennett", "Isabella Hughes", "James Carter", "Zoë Whitfield",
          "Grace Holloway", "Hope Pritchard", "Summer Ashworth", "Florence Ellery",
          "Niamh O'Connor", "Amelia Hart-Davies", "Peter Marsh", "Will Okonjo"]


@pytest.fixture(scope="module")
def guard() -> NameGuard:
    return NameGuard.from_names(ROSTER)


def found(guard: NameGuard, text: str) -> list[tuple[str, str]]:
    return [(f.word, f.level) for f in guard.check(text)]


# --- The labelled set ---------------------------------------------------------------


def test_the_labelled_set_meets_the_targets() -> None:
    roster, items = load_set()
    assert len(items) >= 150
    assert sum(item.name_free for item in items) >= 100
    result = score(NameGuard.from_names(roster), items)
    assert result.recall == 1.0, result.misses
    assert result.block_recall == 1.0, result.wrong_level
    assert result.false_block_rate <= 0.05, result.wrong_level + result.extra


def test_the_labelled_set_covers_the_hard_cases() -> None:
    _, items = load_set()
    groups = {item.group for item in items}
    assert {"names", "tags", "word-lower", "word-start", "word-phrase", "staff", "famous",
            "plain", "alt"} <= groups
    assert sum(item.kind == "alt" for item in items) >= 10


# --- What it catches ------------------------------------------------------------------


def test_first_names_surnames_and_full_names_block(guard: NameGuard) -> None:
    assert found(guard, "Well done Olivia!") == [("Olivia", "block")]
    assert found(guard, "Carter won the race") == [("Carter", "block")]
    assert found(guard, "Great work, Olivia Smith") == [("Olivia Smith", "block")]
    assert guard.check("Great work, Olivia Smith")[0].reason == \
        "matches a pupil's full name on the roster"
    assert guard.check("Well done Olivia!")[0].reason == \
        "matches a pupil's first name on the roster"


def test_any_case_blocks(guard: NameGuard) -> None:
    assert found(guard, "well done olivia") == [("olivia", "block")]
    assert found(guard, "WELL DONE OLIVIA") == [("OLIVIA", "block")]
    assert found(guard, "oLiViA") == [("oLiViA", "block")]


def test_possessives_keep_the_name_as_the_span(guard: NameGuard) -> None:
    assert found(guard, "Olivia's poem") == [("Olivia", "block")]
    assert found(guard, "Olivia’s poem") == [("Olivia", "block")]
    assert found(guard, "James' model") == [("James", "block")]
    assert found(guard, "Niamh O'Connor's poem") == [("Niamh O'Connor", "block")]


def test_accents_are_folded_both_ways(guard: NameGuard) -> None:
    assert found(guard, "Zoe read aloud") == [("Zoe", "block")]
    assert found(guard, "Zoë read aloud") == [("Zoë", "block")]
    decomposed = "Zoe\u0308 read aloud"  # e + combining diaeresis, as some keyboards type it
    assert found(guard, decomposed) == [("Zoe\u0308", "block")]


def test_hashtags_and_handles_are_split_on_capitals_digits_and_underscores(
        guard: NameGuard) -> None:
    assert found(guard, "#WellDoneOliviaB") == [("Olivia", "block")]
    assert found(guard, "thanks @OliviaSmith2") == [("OliviaSmith", "block")]
    assert found(guard, "#olivia_smith rocks") == [("olivia_smith", "block")]
    assert found(guard, "#welldoneolivia") == [("olivia", "block")]


def test_hyphenated_surnames(guard: NameGuard) -> None:
    findings = guard.check("Amelia Hart-Davies ran")
    assert [f.level for f in findings] == ["block", "block"]
    assert findings[0].start == 0 and findings[-1].end == len("Amelia Hart-Davies")


def test_nicknames_both_ways() -> None:
    guard = NameGuard.from_names(["Oliver Bennett", "Bella Hughes"])
    assert found(guard, "Ollie scored") == [("Ollie", "block")]
    assert found(guard, "Isabella scored") == [("Isabella", "block")]
    assert guard.check("Ollie scored")[0].reason.startswith("is a usual short form")
    reverse = NameGuard.from_names(["Ollie Bennett"])
    assert found(reverse, "Oliver scored") == [("Oliver", "block")]


def test_the_editable_alias_list_adds_nicknames(tmp_path: Path) -> None:
    folder = tmp_path / "wordlists"
    folder.mkdir()
    for name in ("common_word_names.txt", "school_calendar_words.txt", "famous_names.txt",
                 "english_words.txt.gz", "capitalised_words.txt"):
        (folder / name).write_bytes((resources_dir() / "wordlists" / name).read_bytes())
    (folder / "name_aliases.txt").write_text("# the school's own\nKacper, Kacpi\n",
                                             encoding="utf-8")
    words = load_guard_words(folder)
    assert found(NameGuard.from_names(["Kacper Nowak"], words), "Kacpi won") == \
        [("Kacpi", "block")]
    assert found(NameGuard.from_names(["Kacper Nowak"]), "Kacpi won") == []


def test_offsets_index_the_python_string_even_after_emoji(guard: NameGuard) -> None:
    text = "🎉👏🏽 Well done Olivia 🌟"
    finding = guard.check(text)[0]
    assert text[finding.start:finding.end] == "Olivia" == finding.word


def test_findings_are_ordered_and_do_not_overlap(guard: NameGuard) -> None:
    findings = guard.check("Grace, Olivia and James won. #WellDoneZoe")
    assert [f.word for f in findings] == ["Grace", "Olivia", "James", "Zoe"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


def test_alt_text_uses_the_same_check(guard: NameGuard) -> None:
    assert found(guard, "Olivia holding her certificate") == [("Olivia", "block")]
    assert found(guard, "A child planting a rose") == []


def test_names_not_on_the_roster_are_not_reported(guard: NameGuard) -> None:
    assert guard.check("Freddie's dad visited us") == []


# --- Tiers ------------------------------------------------------------------------------


def test_word_names_in_lower_case_only_warn(guard: NameGuard) -> None:
    assert found(guard, "We hope you enjoyed it") == [("hope", "warn")]
    assert "also the word" in guard.check("We hope you enjoyed it")[0].reason


def test_word_names_at_the_start_of_a_sentence_warn(guard: NameGuard) -> None:
    assert found(guard, "Hope you all have a lovely break") == [("Hope", "warn")]
    assert found(guard, "Great day. Summer is here!") == [("Summer", "warn")]


def test_word_names_that_clearly_name_a_child_block(guard: NameGuard) -> None:
    assert found(guard, "Hope scored twice") == [("Hope", "block")]
    assert found(guard, "Well done Summer!") == [("Summer", "block")]
    assert found(guard, "Grace and Olivia built a den") == [("Grace", "block"),
                                                            ("Olivia", "block")]
    assert found(guard, "Summer's sunflower grew tall") == [("Summer", "block")]
    assert found(guard, "#WellDoneGraceH") == [("Grace", "block")]
    assert found(guard, "It was lovely to see Hope sing") == [("Hope", "block")]


def test_word_names_naming_things_warn(guard: NameGuard) -> None:
    assert found(guard, "Tickets for the Summer Fair") == [("Summer", "warn")]
    assert found(guard, "Well done to Grace Class!") == [("Grace", "warn")]
    assert found(guard, "Our motto: Faith, Hope and Love") == [("Hope", "warn")]


def test_months_used_as_dates_are_not_names() -> None:
    guard = NameGuard.from_names(["May Lindqvist", "June Adebayo"])
    assert guard.check("Sports day is on 12th May") == []
    assert guard.check("Swimming starts in June") == []
    assert found(guard, "Well done May!") == [("May", "block")]


def test_staff_with_titles_are_allowed(guard: NameGuard) -> None:
    for text in ("Mrs Grace Smith's class", "Thank you Mr Carter", "Dr Marsh visited",
                 "Mr. Bennett and Mrs. Hughes", "Please see Mrs J. Whitfield",
                 "mrs smith's group", "Mx Hope Summers ran it", "Miss Holloway"):
        assert guard.check(text) == [], text
    assert found(guard, "Thanks to Mrs Carter and Olivia") == [("Olivia", "block")]
    assert found(guard, "We will miss Grace") == [("will", "warn"), ("Grace", "block")]


def test_famous_people_and_places_do_not_block(guard: NameGuard) -> None:
    for text in ("Year 6 learnt about Florence Nightingale", "Isaac Newton and gravity",
                 "Paddington Bear stories", "St Peter's is an eco school",
                 "Our trip to Bristol Zoo", "Queen Elizabeth's portrait",
                 "Oliver Twist asked for more"):
        assert all(f.level != "block" for f in guard.check(text)), text
    assert found(guard, "Our pen pals live in Florence, Italy") == [("Florence", "warn")]
    assert found(guard, "Florence Nightingale was brave. Florence nursed soldiers.") == \
        [("Florence", "warn")]


def test_a_pupil_with_a_famous_full_name_still_warns() -> None:
    guard = NameGuard.from_names(["Florence Nightingale"])
    findings = guard.check("We learnt about Florence Nightingale")
    assert [(f.word, f.level) for f in findings] == [("Florence Nightingale", "warn")]
    assert "same name as Florence Nightingale" in findings[0].reason


def test_an_empty_guard_finds_nothing_and_says_it_is_empty() -> None:
    empty = NameGuard.empty()
    assert empty.is_empty and empty.check("Well done Olivia") == []
    assert not NameGuard.from_names(["Olivia Smith"]).is_empty


# --- Forms and hashing --------------------------------------------------------------------


def test_normalising_folds_accents_case_and_apostrophes() -> None:
    assert normalise_name("Zoë") == normalise_name("ZOE") == "zoe"
    assert normalise_name("O'Brien") == "obrien"
    assert normalise_name("Siân") == "sian"
    assert normalise_name("Straße") == "strasse"


def test_pupil_forms_cover_every_kind() -> None:
    words = load_guard_words()
    forms = pupil_name_forms(PupilName("Mary-Jane", "Van der Berg", preferred="Molly",
                                       legal_forename="Mary Jane"), words)
    assert ("mary", FormKind.FORENAME) in forms and ("jane", FormKind.FORENAME) in forms
    assert ("mary jane", FormKind.FORENAME) in forms
    assert ("molly", FormKind.PREFERRED) in forms
    assert ("berg", FormKind.SURNAME) in forms and ("van der berg", FormKind.SURNAME) in forms
    assert ("van", FormKind.SURNAME) not in forms  # particles alone are not names
    assert ("jane van", FormKind.FULL) in forms and ("berg molly", FormKind.FULL) in forms
    assert any(kind is FormKind.NICKNAME for _, kind in forms)


def test_hashed_forms_mark_common_words_and_hold_no_names() -> None:
    hasher = NameHasher(b"k" * 32)
    hashed = hash_pupil_forms([PupilName("Hope", "Pritchard")], hasher, load_guard_words())
    by_digest = {f.digest: f for f in hashed}
    assert by_digest[hasher.digest("hope")].common_word
    assert not by_digest[hasher.digest("pritchard")].common_word
    assert not by_digest[hasher.digest("hope pritchard")].common_word
    assert all(b"hope" not in f.digest and b"pritchard" not in f.digest for f in hashed)


def test_keyed_hashes_differ_by_key_and_refuse_short_keys() -> None:
    assert NameHasher(b"a" * 32).digest("olivia") != NameHasher(b"b" * 32).digest("olivia")
    assert NameHasher(b"a" * 32).key_check() != NameHasher(b"b" * 32).key_check()
    with pytest.raises(ValueError, match="16 bytes"):
        NameHasher(b"short")


def test_the_guard_keeps_no_plain_names_in_memory() -> None:
    guard = NameGuard.from_names(["Kestrella Quonset"])
    state = pickle.dumps({k: v for k, v in vars(guard).items() if k != "_words"})
    assert b"kestrella" not in state.lower() and b"quonset" not in state.lower()
    assert found(guard, "Kestrella won") == [("Kestrella", "block")]


def test_a_guard_over_stored_hashes_matches_one_built_from_names() -> None:
    key = b"s" * 32
    forms = hash_pupil_forms([PupilName("Olivia", "Smith")], NameHasher(key), load_guard_words())
    stored = NameGuard.from_hashed(key, forms)
    assert stored.check("Well done Olivia Smith") == [
        NameFinding(10, 22, "block", "Olivia Smith", "matches a pupil's full name on the roster")]
    assert NameGuard.from_hashed(b"x" * 32, forms).check("Well done Olivia Smith") == []


def test_word_lists_ship_with_the_app() -> None:
    words = load_guard_words()
    assert isinstance(words, GuardWords)
    assert {"hope", "summer", "will", "grace", "rose", "poppy", "holly", "faith", "joy", "ruby",
            "jack", "mark", "bob", "art", "sky", "river"} <= words.common_words
    assert ("florence", "nightingale") in words.famous_phrases
    assert "bristol" in words.places
