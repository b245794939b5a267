"""Messages made in core and the X gateway reach staff in the language chosen in Settings.

A fake translator stands in for Qt's: it marks every text it is asked for, and gives a
few messages a "translation" that moves their placeholders, as a Welsh sentence may.
Words the database or the audit log keep stay English whatever the language.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import stpeters_desk
from stpeters_desk.core.follower_risk import FollowerContext, score_follower, shown_risk_reason
from stpeters_desk.core.images import DamagedPhoto, PhotoError, open_photo
from stpeters_desk.core.invariants import check_account
from stpeters_desk.core.moderation import assess
from stpeters_desk.core.moderation_reasons import (
    FoundWords,
    Reason,
    english_reasons,
    shown_note,
    shown_reasons,
)
from stpeters_desk.core.names import NameGuard
from stpeters_desk.core.pins import validate_new_pin
from stpeters_desk.core.preflight import PhotoCheckInput, run_preflight
from stpeters_desk.core.roster import RosterFileError, parse_roster
from stpeters_desk.core.storage.db import Database
from stpeters_desk.i18n import install_translator, translate
from stpeters_desk.x.errors import Offline, RateLimited, RejectedByX
from stpeters_desk.x.models import Account, UserProfile
from stpeters_desk.x.sandbox import SandboxGateway

# Translations that put the placeholders in another order than the English does.
REORDERED = {
    ("Roster", "Line {line}: {message}"): "{message} (llinell {line})",
    ("Preflight", "The post is {over} characters too long for X ({length} of {limit})."):
        "CY {length}/{limit}: {over} yn ormod.",
    ("XError", "X asks us to slow down until {time}."): "CY tan {time}.",
}


def fake_welsh(context: str, text: str) -> str:
    return REORDERED.get((context, text), f"CY[{text}]")


@pytest.fixture
def welsh() -> Iterator[None]:
    install_translator(fake_welsh)
    try:
        yield
    finally:
        install_translator(None)


def test_english_is_the_text_itself_until_a_translator_is_installed() -> None:
    assert translate("Preflight", "Links") == "Links"


def test_every_message_in_core_and_the_gateway_is_a_literal_lupdate_can_find() -> None:
    package = Path(stpeters_desk.__file__).parent
    not_literal = []
    for source in sorted([*package.glob("core/**/*.py"), *package.glob("x/**/*.py")]):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "translate":
                literal = len(node.args) == 2 and all(
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    for arg in node.args)
                if not literal:
                    not_literal.append(f"{source.relative_to(package)}:{node.lineno}")
    assert not_literal == []


def test_a_preflight_check_is_translated_with_its_numbers_filled_in(welsh: None) -> None:
    report = run_preflight("x" * 300, [PhotoCheckInput("", True, False)], NameGuard.empty())

    length = report.check("length")
    assert length.title == "CY[Length]"
    assert length.message == "CY 300/280: 20 yn ormod."
    safety = report.check("photo_safety")
    assert safety.title == "CY[Faces and consent]"
    assert safety.details == ("CY[CY[Photo 1]: CY[photo consent not confirmed]]",)


def test_a_preflight_message_names_its_words_inside_the_translated_sentence(
        welsh: None) -> None:
    report = run_preflight("See https://example.org and https://example.com", [],
                           NameGuard.empty())

    links = report.check("links").message
    assert links.startswith("CY[The post has 2 links.")
    assert "about 13 times" in links and "{" not in links


def test_a_photo_that_is_not_there_is_named_in_the_translated_message(
        welsh: None, tmp_path: Path) -> None:
    with pytest.raises(PhotoError) as refused:
        open_photo(tmp_path / "sports-day.jpg")

    assert str(refused.value) == ("CY[sports-day.jpg: the file is not there any more. Check "
                                  "the folder and choose it again.]")


def test_a_file_that_is_not_a_photo_gets_the_translated_refusal(welsh: None,
                                                                tmp_path: Path) -> None:
    notes = tmp_path / "notes.jpg"
    notes.write_text("not a picture", encoding="utf-8")

    with pytest.raises(DamagedPhoto) as refused:
        open_photo(notes)

    assert str(refused.value).startswith("CY[notes.jpg is not a photo the app can read")


def test_a_roster_error_keeps_its_line_number_where_the_translation_puts_it(
        welsh: None) -> None:
    export = b'Forename,Surname,Year\nAda,Lovelace,4\n"Grace,Hopper,5\n'

    with pytest.raises(RosterFileError) as refused:
        parse_roster(export)

    assert refused.value.line == 3
    assert str(refused.value) == ("CY[a quotation mark opened here is never closed, so the "
                                  "rest of the file runs into one value.] (llinell 3)")


def test_a_roster_problem_in_the_preview_is_translated(welsh: None) -> None:
    preview = parse_roster(b"Forename,Surname,Year\nAda,,4\n,,5\n").preview

    assert [(p.line, p.message) for p in preview.problems] == [
        (3, "CY[no name on this line: skipped.]")]


def test_x_errors_say_what_happened_and_what_next_in_the_chosen_language(
        welsh: None) -> None:
    assert Offline().user_text() == (
        "CY[CY[This computer cannot reach X just now.] CY[Check the internet connection and "
        "try again. Tweets in the outbox are sent by themselves when the connection is "
        "back.]]")
    reset = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
    local = reset.astimezone().strftime("%H:%M")
    assert RateLimited(reset).message == f"CY tan {local}."
    assert RejectedByX("duplicate").message == (
        "CY[X says this exact tweet has already been posted.]")


def test_english_comes_back_when_the_translator_is_removed() -> None:
    install_translator(fake_welsh)
    install_translator(None)

    assert Offline().message == "This computer cannot reach X just now."
    assert validate_new_pin("12") == "A PIN needs at least 6 digits."


def test_follower_reasons_are_stored_in_english_and_shown_translated(welsh: None) -> None:
    now = datetime(2024, 5, 1, tzinfo=UTC)
    bot = UserProfile("7", "winner_12345678", "Prizes", created_at=now - timedelta(days=4),
                      following_count=2000, followers_count=1)

    reasons = score_follower(bot, FollowerContext(now=now)).reasons

    assert "Account is 4 days old (+25)" in reasons
    assert shown_risk_reason("Account is 4 days old (+25)") == "CY[Account is 4 days old] (+25)"
    assert shown_risk_reason("Handle @winner_12345678 looks made up by a machine (+10)") == \
        "CY[Handle @winner_12345678 looks made up by a machine] (+10)"
    assert shown_risk_reason("Something an older version wrote (+5)") == \
        "Something an older version wrote (+5)"


def test_reply_reasons_are_data_shown_translated_and_recorded_in_english(welsh: None) -> None:
    link = assess("great, see www.example.com")
    parent = assess("our Alfie loved it")

    assert english_reasons(link.reasons) == ["Only weak signs, not enough to ask for a "
                                             'review: spam sign: "a link"']
    assert shown_reasons(link.reasons) == ["CY[Only weak signs, not enough to ask for a "
                                           'review: CY[spam sign]: "CY[a link]"]']
    assert shown_note(parent.notes[0]).startswith("CY[Names a child (Alfie).")
    assert shown_reasons([Reason("mild swearing", "review", (FoundWords("crap"),))]) == [
        'CY[mild swearing]: "crap"']


class ReadOnlyToken(SandboxGateway):
    def account(self) -> Account:
        return replace(super().account(), access_level="read")


def test_an_account_problem_is_shown_translated_and_logged_in_english(welsh: None,
                                                                       db: Database) -> None:
    problem = check_account(ReadOnlyToken(db))[0]

    assert problem.message.startswith("CY[The sign-in token for @")
    assert "CY[In the X developer portal" in problem.message
    assert problem.audit_detail.startswith("The sign-in token for @")
    assert "CY" not in problem.audit_detail


def test_shipped_word_list_sections_are_shown_translated_and_a_schools_own_as_written(
        welsh: None) -> None:
    from stpeters_desk.core.follower_risk import shown_risk_reason

    stored = [Reason("spam", "hint", (FoundWords("get 10k followers"),)),
              Reason("strong swearing", "hide", (FoundWords("s**t"),)),
              Reason("Our own list", "review", (FoundWords("bake sale"),))]
    assert "; ".join(shown_reasons(stored)) == (
        'CY[spam]: "get 10k followers"; CY[strong swearing]: "s**t"; Our own list: "bake sale"')
    profile = "Selling followers or likes in name or bio: buy followers"
    assert shown_risk_reason(profile) == "CY[{section} in name or bio: {words}]".format(
        section="CY[selling followers or likes]", words="buy followers")


def test_days_and_months_are_named_in_the_chosen_language(welsh: None) -> None:
    from datetime import date

    from stpeters_desk.core.dates import shown_day, spoken_date

    assert shown_day(date(2026, 11, 24)) == "CY[Tue] 24 CY[Nov] 2026"
    assert spoken_date(date(2019, 5, 7)) == "7 CY[May (month)] 2019"


def test_english_dates_read_naturally() -> None:
    from datetime import date

    from stpeters_desk.core.dates import shown_day, spoken_date

    assert shown_day(date(2026, 11, 24), year=False) == "Tue 24 Nov"
    assert spoken_date(date(2019, 5, 7)) == "7 May 2019"
