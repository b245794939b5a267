"""The offline moderation check: the labelled set, the hard cases, the word lists."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stpeters_desk.core.moderation import (
    HIDE,
    HIDE_AT,
    OK,
    REVIEW,
    REVIEW_AT,
    Lexicon,
    WordListError,
    assess,
    default_word_lists,
    load_lexicon,
    parse_word_list,
    read_text,
)
from stpeters_desk.core.moderation_reasons import (
    ChildNamesNote,
    FoundWords,
    Reason,
    english_reasons,
    touches_safeguarding,
)
from stpeters_desk.x.sandbox_seed import SCHOOL_HANDLE, build_seed
from tests.moderation_set import Case, load_cases

ROOT = Path(__file__).resolve().parents[2]


CASES = load_cases()


def _cases(*kinds: str) -> list[Case]:
    return [case for case in CASES if case.case in kinds]


def _f1(cases: list[Case], truth: set[str], predicted: set[str]) -> tuple[float, float, float]:
    pairs = [(case.label in truth, assess(case.text).level in predicted) for case in cases]
    true_pos = sum(t and p for t, p in pairs)
    precision = true_pos / max(1, sum(p for _t, p in pairs))
    recall = true_pos / max(1, sum(t for t, _p in pairs))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --- the labelled set itself ---------------------------------------------------------------


def test_labelled_set_is_large_balanced_and_covers_the_hard_cases() -> None:
    assert len(CASES) >= 200
    labels = Counter(case.label for case in CASES)
    assert set(labels) == {OK, REVIEW, HIDE}
    assert min(labels.values()) >= 0.3 * len(CASES)
    kinds = {case.case for case in CASES}
    assert kinds >= {"allowlist", "masked", "leetspeak", "spaced", "sarcasm", "criticism",
                     "child_named", "question", "spam", "threat", "undermining", "insult"}
    assert len({case.text for case in CASES}) == len(CASES)
    assert Counter(case.split for case in CASES)["holdout"] >= 60


# --- overall figures -----------------------------------------------------------------------


def test_offensive_and_needs_a_person_figures_on_all_rows() -> None:
    precision, recall, f1 = _f1(CASES, {HIDE}, {HIDE})
    assert f1 >= 0.85, (precision, recall, f1)
    precision, recall, f1 = _f1(CASES, {REVIEW, HIDE}, {REVIEW, HIDE})
    assert recall >= 0.85, (precision, recall, f1)
    assert precision >= 0.85, (precision, recall, f1)


def test_holdout_rows_beat_the_issue_baseline() -> None:
    """F1 0.66 on offensive and recall 0.75 at the review level, on rows never tuned on."""
    holdout = [case for case in CASES if case.split == "holdout"]
    _precision, _recall, f1 = _f1(holdout, {HIDE}, {HIDE})
    assert f1 > 0.66
    _precision, recall, _f1_score = _f1(holdout, {REVIEW, HIDE}, {REVIEW, HIDE})
    assert recall >= 0.75


# --- per-case expectations that must always hold -------------------------------------------


@pytest.mark.parametrize("case", _cases("allowlist"), ids=lambda c: f"#{c.case_id}")
def test_innocent_words_that_contain_swear_words_are_ok(case: Case) -> None:
    assert assess(case.text).level == OK, assess(case.text).reasons


@pytest.mark.parametrize("case", _cases("criticism", "complaint", "concern"),
                         ids=lambda c: f"#{c.case_id}")
def test_criticism_and_concerns_are_never_hidden(case: Case) -> None:
    assert assess(case.text).level != HIDE, assess(case.text).reasons


@pytest.mark.parametrize("case", _cases("kind", "neutral", "question", "child_named", "slang"),
                         ids=lambda c: f"#{c.case_id}")
def test_kind_neutral_and_questions_are_never_hidden(case: Case) -> None:
    assert assess(case.text).level != HIDE, assess(case.text).reasons


@pytest.mark.parametrize("case", _cases("threat"), ids=lambda c: f"#{c.case_id}")
def test_threats_are_hidden_or_reviewed(case: Case) -> None:
    assert assess(case.text).level in (REVIEW, HIDE)


@pytest.mark.parametrize("case", _cases("swearing", "masked", "leetspeak", "spaced", "spam"),
                         ids=lambda c: f"#{c.case_id}")
def test_swearing_in_any_disguise_and_spam_are_flagged(case: Case) -> None:
    assert assess(case.text).level in (REVIEW, HIDE)


# --- how words are read --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "reading"), [
    ("What a load of s**t", "shit"),
    ("F***ing hypocrites", "fucking"),
    ("F#%k this", "fuck"),
    ("sh1t teachers", "shit"),
    ("$hit results", "shit"),
    ("a total tw@t", "twat"),
    ("Fuuuuuck this", "fuck"),
    ("f u c k this school", "fuck"),
    ("F.U.C.K the rules", "fuck"),
    ("s-h-i-t service", "shit"),
    ("fuсk", "fuck"),  # the с is Cyrillic
    ("fück", "fuck"),
    ("ｆｕｃｋ", "fuck"),
    ("#shitschool", "shitschool"),
    ("f\u200buck", "fuck"),
])
def test_disguised_swearing_is_read_back(text: str, reading: str) -> None:
    result = assess(text)
    assert result.level == HIDE
    assert any(f.reads_as == reading for f in result.findings), result.findings


def test_reading_leaves_numbers_times_and_year_groups_alone() -> None:
    words = read_text("Y6 leave at 4pm, 10k run, tickets £2.50, Class 3").words
    assert {"y6", "4pm", "10k", "2.50"} <= set(words)


def test_handles_and_links_are_set_aside() -> None:
    reading = read_text(f"@{SCHOOL_HANDLE} see https://example.com/x and bit.ly/abc")
    assert reading.words == ("see", "and")
    assert reading.links == 2


def test_a_footnote_star_is_not_a_masked_word() -> None:
    assert assess("Tickets* are on sale now (*while stocks last)").level == OK


# --- levels, scores and reasons ------------------------------------------------------------


def test_reasons_name_the_words_and_the_rule() -> None:
    result = assess("What a load of s**t, third day off this term.")
    assert result.level == HIDE
    assert english_reasons(result.reasons) == ['Strong swearing: "s**t" (read as "shit")']
    assert result.reasons == [Reason("strong swearing", "hide", (FoundWords("s**t", "shit"),))]


def test_threat_reason_quotes_the_phrase() -> None:
    result = assess("I'll be waiting at the gate for that teacher on Monday.")
    assert result.level == HIDE
    assert any(reason.startswith("Threat:") and "waiting at the gate for" in reason
               for reason in english_reasons(result.reasons))
    assert touches_safeguarding(result.reasons)


def test_scores_fall_inside_their_level() -> None:
    for case in CASES:
        result = assess(case.text)
        assert 0.0 <= result.score <= 1.0
        if result.level == HIDE:
            assert result.score >= HIDE_AT
        elif result.level == REVIEW:
            assert REVIEW_AT <= result.score < HIDE_AT
        else:
            assert result.score < REVIEW_AT


def test_many_complaints_still_only_ask_for_review() -> None:
    text = ("Disappointed, frustrated and fed up. Unacceptable, shocking, appalling and "
            "ridiculous communication. Not good enough.")
    result = assess(text)
    assert result.level == REVIEW
    assert len(result.findings) >= 6


def test_spam_signs_add_up_to_hide_but_one_alone_only_asks() -> None:
    assert assess("DM me for a chat about tutoring").level == REVIEW
    assert assess("Guaranteed returns, DM me, link in bio").level == HIDE


def test_a_weak_sign_alone_stays_ok_and_says_so() -> None:
    result = assess("Another fantastic day, well done again!")
    assert result.level == OK
    assert result.score > 0
    assert result.reasons and all(reason.weak for reason in result.reasons)
    assert english_reasons(result.reasons)[0].startswith("Only weak signs")


def test_kind_reply_has_no_reasons() -> None:
    result = assess("Thank you to all the staff, what a lovely afternoon!")
    assert result.level == OK and result.score == 0.0 and result.reasons == []


def test_personal_details_ask_for_a_person() -> None:
    result = assess("Can someone call me about the trip? 07700 900123")
    assert result.level == REVIEW
    assert any("Personal details" in reason for reason in english_reasons(result.reasons))


def test_a_parent_naming_their_child_is_ok_with_a_note() -> None:
    result = assess("So proud of our Oliver, second in the sack race!")
    assert result.level == OK
    assert result.notes == [ChildNamesNote(("Oliver",))]
    assert assess("Well done to our Year 6 team").notes == []


# --- the sandbox's own replies, written separately from the labelled set -------------------

SEED_EXPECTATIONS = {
    "Dick Whittington panto was brilliant": OK,
    "Scunthorpe United fans": OK,
    "with their assessments this week": OK,
    "Our Amelia came home": OK,
    "What time does the fair start?": OK,
    "Disappointed the trip was cancelled": REVIEW,
    "Bloody car park chaos again": REVIEW,
    "What a load of s**t": HIDE,
    "F***ing hypocrites": HIDE,
    "waiting at the gate for that teacher": HIDE,
    "Mr Harris clearly has no idea": HIDE,
    "This school is a joke": HIDE,
    "running this school into the ground": HIDE,
    "Get 10k followers cheap": HIDE,
    "Turn £250 into £25,000": HIDE,
    "lonely tonight": HIDE,
}


def test_the_sandbox_replies_get_the_expected_suggestions() -> None:
    mentions = build_seed(datetime(2026, 11, 24, 12, tzinfo=UTC)).mentions
    for snippet, level in SEED_EXPECTATIONS.items():
        matching = [m for m in mentions if snippet in m.text]
        assert matching, snippet
        for mention in matching:
            assert assess(mention.text).level == level, (snippet, assess(mention.text))


# --- the school's own lists ----------------------------------------------------------------


def test_the_school_can_allow_a_word_and_add_a_remark(tmp_path: Path) -> None:
    extra = tmp_path / "school-additions.txt"
    extra.write_text("[our allowed words: allow]\nbloody mary\n\n"
                     "[remark undermining the school or its staff: hide]\nmr grumpy\n",
                     encoding="utf-8")
    school = load_lexicon(extra=[extra])
    assert assess("Bloody Mary was on at the theatre").level == REVIEW
    assert school.assess("Bloody Mary was on at the theatre").level == OK
    assert school.assess("Ask Mr Grumpy in the office").level == HIDE
    assert assess("Ask Mr Grumpy in the office").level == OK


def test_lexicons_are_cached_until_a_file_changes(tmp_path: Path) -> None:
    extra = tmp_path / "additions.txt"
    extra.write_text("[spam: hide]\nmagic beans\n", encoding="utf-8")
    first = load_lexicon(extra=[extra])
    assert load_lexicon(extra=[extra]) is first
    extra.write_text("[spam: hide]\nmagic beans\nmiracle cure\n", encoding="utf-8")
    stat = extra.stat()
    os.utime(extra, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = load_lexicon(extra=[extra])
    assert second is not first
    assert second.assess("Buy our miracle cure").level == HIDE


def test_a_custom_list_replaces_the_shipped_ones(tmp_path: Path) -> None:
    only = tmp_path / "only.txt"
    only.write_text("[staff: group]\nmr *\n\n[threat: hide]\n{staff} ... watch out\n",
                    encoding="utf-8")
    lexicon = load_lexicon([only])
    assert lexicon.assess("Mr Harris had better watch out").level == HIDE
    assert lexicon.assess("What a load of shit").level == OK


def test_word_list_mistakes_name_the_file_and_line() -> None:
    with pytest.raises(WordListError, match=r"my.txt, line 2"):
        parse_word_list("# notes\n[no kind here]\nword\n", "my.txt", ("hide",))
    with pytest.raises(WordListError, match=r"line 1: 'stray'"):
        parse_word_list("stray\n[x: hide]\n", "my.txt", ("hide",))
    with pytest.raises(WordListError, match="'shout' is not one of"):
        parse_word_list("[x: shout]\nword\n", "my.txt", ("hide", "review"))
    with pytest.raises(WordListError, match=r"\{nobody\} is used"):
        Lexicon.from_text("[x: hide]\n{nobody} is here\n")
    with pytest.raises(WordListError, match="would match every reply"):
        Lexicon.from_text("[x: hide]\n* ... *\n")
    with pytest.raises(WordListError, match="contains itself"):
        Lexicon.from_text("[loop: group]\nsome {loop}\n\n[x: hide]\n{loop} here\n")


def test_shipped_lists_exist_and_compile() -> None:
    for path in default_word_lists():
        assert path.is_file(), path
    assert load_lexicon().assess("fuck").level == HIDE


def test_importing_is_cheap_and_compiles_nothing() -> None:
    """Start-up stays fast: the word lists are read on the first assessment, not at import."""
    code = ("import sys\n"
            "from stpeters_desk.core import moderation\n"
            "assert moderation.default_lexicon.cache_info().currsize == 0\n"
            "assert moderation._compiled.cache_info().currsize == 0\n"
            "print(moderation.assess('Thank you!').level)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.strip() == OK, result.stderr


@pytest.mark.parametrize("text", [
    "Four minutes! I'll make two next time",
    "I’ll be there at three.",  # a curly apostrophe, as phones type it
    "He'll love it, thank you",
    "She'll be at sports day",
    "We'll fit everyone in the hall",
])
def test_a_contraction_is_not_read_as_the_word_it_spells_without_its_apostrophe(
        text: str) -> None:
    """I'll is not "ill", he'll is not "hell", we'll fit is not "well fit"."""
    result = assess(text)
    assert result.level == OK, result.reasons
    assert "will" in read_text(text).words


def test_the_same_words_written_plainly_are_still_found() -> None:
    assert assess("I'll find you").level == HIDE  # the threat, with the apostrophe
    assert assess("ill find you").level == HIDE  # and typed without it
    assert assess("Go to hell").level == HIDE
    assert assess("Miss is well fit").level == HIDE
    assert read_text("I feel ill today").words == ("i", "feel", "ill", "today")


def test_reading_a_text_skips_patterns_that_cannot_match_but_finds_the_same() -> None:
    """Links, emails and phone numbers are looked for only when their characters are
    there; a phone number inside a handle still counts, as it always did."""
    assert read_text("Call 07700 900123 or see www.example.com").links == 1
    assert read_text("Call 07700 900123 or see www.example.com").personal_details == 1
    assert read_text("mail me: ab@examplemail.education").personal_details == 1
    assert read_text("thanks @user07700900123").personal_details == 1
    assert read_text("http://x").links == 1
    assert read_text("Lovely day, well done all").links == 0
