"""Reply reasons are data (rule, kind, words found): stored as JSON, translated only when
shown, and the safeguarding order comes from one place. Rows written as English sentences
before migration 12 are converted once, and still read if they could not be."""

from __future__ import annotations

from pathlib import Path

import pytest

from stpeters_desk.core.moderation import assess
from stpeters_desk.core.moderation_reasons import (
    BuiltIn,
    ChildNamesNote,
    FoundWords,
    Reason,
    english_reasons,
    notes_json,
    reasons_json,
    shown_note,
    shown_reasons,
    stored_notes,
    stored_reasons,
    touches_safeguarding,
    urgency,
)
from stpeters_desk.core.storage.db import open_database
from stpeters_desk.core.storage.migrations import MIGRATIONS
from stpeters_desk.core.storage.moderation_store import ModerationStore

THREAT = Reason("threat", "hide", (FoundWords("waiting at the gate for"),))
SPAM = Reason("spam sign", "hint", (FoundWords("dm me"), FoundWords(built_in=BuiltIn.LINK)))
MASKED = Reason(BuiltIn.MASKED_WORD, "review", (FoundWords("f***"),))


def test_reasons_and_notes_go_to_json_and_come_back_the_same() -> None:
    reasons = (THREAT, SPAM, MASKED, Reason("swearing", "hide", (FoundWords("sh1t", "shit"),),
                                            weak=True))
    assert stored_reasons(reasons_json(reasons)) == reasons
    notes = (ChildNamesNote(("Alfie", "Zoë")),)
    assert stored_notes(notes_json(notes)) == notes
    assert stored_reasons("") == () and stored_notes("") == ()


def test_every_assessment_survives_the_round_trip() -> None:
    for text in ("What a load of s**t", "I'll be waiting at the gate for that teacher",
                 "Call me on 07700 900123", "Great day! www.example.com", "our Alfie loved it"):
        result = assess(text)
        assert list(stored_reasons(reasons_json(result.reasons))) == result.reasons
        assert list(stored_notes(notes_json(result.notes))) == result.notes


def test_reasons_are_put_into_words_only_when_shown() -> None:
    assert english_reasons([THREAT, SPAM, MASKED]) == [
        'Threat: "waiting at the gate for"',
        'Spam sign: "dm me", "a link"',
        'Hidden word (letters replaced by symbols): "f***"']
    assert english_reasons([replace_weak(SPAM)]) == [
        'Only weak signs, not enough to ask for a review: spam sign: "dm me", "a link"']
    assert shown_note(ChildNamesNote(("Oliver",)), lambda _c, text: text).startswith(
        "Names a child (Oliver).")


def replace_weak(reason: Reason) -> Reason:
    return Reason(reason.rule, reason.kind, reason.words, weak=True)


def test_safeguarding_is_decided_from_the_rule_not_from_words() -> None:
    assert touches_safeguarding([SPAM, THREAT])
    assert touches_safeguarding([Reason("Possible threat", "review")])  # as a school wrote it
    assert not touches_safeguarding([SPAM, MASKED])
    assert not touches_safeguarding([replace_weak(THREAT)])
    # Waiting replies that touch safeguarding first, then hide suggestions, then reviews.
    order = sorted([(True, "hide", [SPAM]), (False, "hide", [THREAT]), (True, "review", [THREAT]),
                    (True, "review", [SPAM]), (True, "ok", [])],
                   key=lambda row: urgency(row[0], row[1], row[2]))
    assert [(needs, level) for needs, level, _r in order] == [
        (True, "review"), (True, "hide"), (False, "hide"), (True, "review"), (True, "ok")]


def test_a_line_that_is_not_data_is_shown_as_written() -> None:
    (old,) = stored_reasons('Our own list: "bake sale" (some older wording)')
    assert shown_reasons([old]) == ['Our own list: "bake sale" (some older wording)']
    assert stored_notes("A note from long ago") == (ChildNamesNote(as_written="A note from long "
                                                                              "ago"),)


def test_migration_12_turns_stored_sentences_into_data(data_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import stpeters_desk.core.storage.db as db_module

    monkeypatch.setattr(db_module, "MIGRATIONS", tuple(m for m in MIGRATIONS if m.number < 12))
    old = open_database(data_dir)
    rows = {
        "1": ('Threat: "waiting at the gate for"\nStrong swearing: "s**t" (read as "shit"), '
              '"crap"', "hide", ""),
        "2": ('Only weak signs, not enough to ask for a review: spam sign: "a link"; '
              'hidden word (letters replaced by symbols): "f***"', "ok",
              "Names a child (Oliver, Amy). The school's own posts never name children; a "
              "parent may, but check the reply does not sit under a photo of the child."),
        "3": ('Personal details in public: "a phone number or email address"\n'
              "Something odd without quotes", "review", "Something else"),
    }
    for post_id, (reasons, level, notes) in rows.items():
        old.execute(
            "INSERT INTO moderation_mentions (account_kind, post_id, author_id, author_handle, "
            "author_name, text, created_at, conversation_id, in_reply_to_post_id, level, "
            "score, reasons, notes, status, decided_by, decided_at, decision_note, "
            "fetched_at) VALUES ('sandbox', :id, '9', 'someone', 'Someone', 'text', "
            "'2026-11-01T09:00:00+00:00', '1', '1', :level, 500, :reasons, :notes, 'new', '', "
            "NULL, '', '2026-11-01T09:00:00+00:00')",
            {"id": post_id, "level": level, "reasons": reasons, "notes": notes})
    old.close()
    monkeypatch.setattr(db_module, "MIGRATIONS", MIGRATIONS)
    db = open_database(data_dir)
    try:
        store = ModerationStore(db)
        first, second, third = (store.mention("sandbox", post_id) for post_id in "123")
        assert first is not None and second is not None and third is not None
        assert [(r.rule, r.words) for r in first.reasons] == [
            ("Threat", (FoundWords("waiting at the gate for"),)),
            ("Strong swearing", (FoundWords("s**t", "shit"), FoundWords("crap")))]
        assert first.safeguarding  # the threat still comes first for the safeguarding lead
        assert english_reasons(first.reasons) == [
            'Threat: "waiting at the gate for"',
            'Strong swearing: "s**t" (read as "shit"), "crap"']
        assert all(reason.weak for reason in second.reasons)
        assert english_reasons(second.reasons) == [
            "Only weak signs, not enough to ask for a review: spam sign: \"a link\"; hidden word "
            "(letters replaced by symbols): \"f***\""]
        assert second.notes == (ChildNamesNote(("Oliver", "Amy")),)
        assert third.reasons[0] == Reason(BuiltIn.PERSONAL_DETAILS, "",
                                          (FoundWords(built_in=BuiltIn.CONTACT_DETAILS),))
        assert english_reasons(third.reasons)[1] == "Something odd without quotes"
        assert third.notes == (ChildNamesNote(as_written="Something else"),)
    finally:
        db.close()
