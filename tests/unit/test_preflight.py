"""The pre-flight report: every check, its status and a plain message, before any post."""

from __future__ import annotations

import pytest

from stpeters_desk.core.names import FormKind, HashedForm, NameGuard, NameHasher
from stpeters_desk.core.preflight import (
    LINK_COST_FACTOR,
    PhotoCheckInput,
    PreflightSettings,
    ReplySetting,
    run_preflight,
)
from stpeters_desk.core.settings_registry import OWN_POSTCODES, REPLY_SETTING, TRUSTED_ACCOUNTS
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.settings import SettingsStore

CHECKS = ["names", "hidden_text", "photo_names", "photo_safety", "photo_text", "alt_text",
          "length", "links", "mentions", "location", "replies"]
SAFE_PHOTO = PhotoCheckInput("Children in Year 3 holding Viking shields", faces_reviewed=True,
                             consent_confirmed=True, text_checked=True)


@pytest.fixture(scope="module")
def guard() -> NameGuard:
    return NameGuard.from_names(["Olivia Smith", "Grace Holloway", "Hope Pritchard"])


def test_a_safe_post_passes_every_check(guard: NameGuard) -> None:
    report = run_preflight("Great use of our school computers to edit our writing by Class 4.",
                           [SAFE_PHOTO], guard)
    assert [c.key for c in report.checks] == CHECKS
    assert all(c.status == "pass" and c.message and c.title for c in report.checks)
    assert report.can_post and report.status == "pass"
    assert report.reply_settings is ReplySetting.MENTIONED_USERS


def test_a_childs_name_blocks_and_is_highlighted(guard: NameGuard) -> None:
    text = "Well done Olivia and Grace!"
    report = run_preflight(text, [], guard)
    names = report.check("names")
    assert names.status == "block" and not report.can_post
    assert [text[a:b] for a, b in names.spans] == ["Olivia", "Grace"]
    assert '"Olivia" and "Grace"' in names.message and "never shown" in names.message
    assert report.blocking == (names,)
    assert [f.word for f in report.name_findings] == ["Olivia", "Grace"]


def test_a_word_name_only_warns(guard: NameGuard) -> None:
    report = run_preflight("We hope you have a lovely half term.", [], guard)
    assert report.check("names").status == "warn" and report.can_post
    assert '"hope"' in report.check("names").message


def test_names_in_photo_descriptions_block(guard: NameGuard) -> None:
    photos = [SAFE_PHOTO, PhotoCheckInput("Olivia holding her certificate", True, True,
                                          label="assembly.jpg")]
    report = run_preflight("Certificates in assembly today!", photos, guard)
    check = report.check("photo_names")
    assert check.status == "block" and not report.can_post
    assert check.details == ('assembly.jpg: "Olivia"',)
    assert report.photo_name_findings[0] == () and report.photo_name_findings[1][0].word == \
        "Olivia"


def test_unreviewed_faces_or_missing_consent_block(guard: NameGuard) -> None:
    photos = [PhotoCheckInput("A relay race", faces_reviewed=False, consent_confirmed=True),
              PhotoCheckInput("The finish line", faces_reviewed=True, consent_confirmed=False),
              SAFE_PHOTO]
    check = run_preflight("Sports day!", photos, guard).check("photo_safety")
    assert check.status == "block"
    assert check.details == ("Photo 1: faces not reviewed",
                             "Photo 2: photo consent not confirmed")


def test_a_photo_whose_written_text_was_not_checked_blocks(guard: NameGuard) -> None:
    unread = PhotoCheckInput("Name badges on the table", True, True, label="badges.jpg")
    report = run_preflight("Our new name badges!", [SAFE_PHOTO, unread], guard)
    check = report.check("photo_text")
    assert check.status == "block" and not report.can_post
    assert check.details == ("badges.jpg",) and "Prepare the photo again" in check.message
    passed = run_preflight("Vikings!", [SAFE_PHOTO], guard).check("photo_text")
    assert passed.status == "pass"
    assert run_preflight("No photos", [], guard).check("photo_text").status == "pass"


def test_missing_alt_text_warns_and_too_long_alt_text_blocks(guard: NameGuard) -> None:
    missing = run_preflight("Sports day!", [PhotoCheckInput("  ", True, True,
                                                            text_checked=True)], guard)
    assert missing.check("alt_text").status == "warn" and missing.can_post
    assert missing.check("alt_text").details == ("Photo 1",)
    long = run_preflight("Sports day!", [PhotoCheckInput("a" * 1001, True, True)], guard)
    assert long.check("alt_text").status == "block"


def test_links_warn_about_their_cost(guard: NameGuard) -> None:
    text = "Our newsletter is out: https://www.stpeters.example.sch.uk/news and stpeters.org"
    check = run_preflight(text, [], guard).check("links")
    assert check.status == "warn" and f"{LINK_COST_FACTOR} times" in check.message
    assert [text[a:b] for a, b in check.spans] == ["https://www.stpeters.example.sch.uk/news",
                                                    "stpeters.org"]
    assert "2 links" in check.message


def test_mentions_need_a_second_look_except_the_schools_own(guard: NameGuard) -> None:
    text = "Thanks @BristolMuseum! Follow @StPetersPilning. Email office@stpeters.org"
    report = run_preflight(text, [], guard)
    mentions = report.check("mentions")
    assert mentions.status == "warn" and "@BristolMuseum" in mentions.message
    assert [text[a:b] for a, b in mentions.spans] == ["@BristolMuseum"]
    assert "private conversations" in mentions.message
    assert report.check("replies").status == "warn"  # the mentioned museum could reply
    trusted = PreflightSettings(trusted_accounts=frozenset({"bristolmuseum"}))
    assert run_preflight(text, [], guard, trusted).check("mentions").status == "pass"
    own = run_preflight("Follow @stpeterspilning for news", [], guard)
    assert own.check("mentions").status == "pass" and own.check("replies").status == "pass"


@pytest.mark.parametrize("text", [
    "We're at the beach until 3pm!",
    "Year 6 are currently at the castle",
    "Meet us at the church gate for pick-up at 4",
    "Our trip: BS35 4JG",
    "Collection from 12 Station Road at 5",
    "The meeting point is ///filled.count.soap",
])
def test_places_and_postcodes_warn(guard: NameGuard, text: str) -> None:
    check = run_preflight(text, [], guard).check("location")
    assert check.status == "warn" and check.spans


def test_the_schools_own_postcode_can_be_allowed(guard: NameGuard) -> None:
    text = "Open morning at school (BS35 4JG) on Saturday"
    assert run_preflight(text, [], guard).check("location").status == "warn"
    settings = PreflightSettings(own_postcodes=frozenset({"BS354JG"}))
    assert run_preflight(text, [], guard, settings).check("location").status == "pass"


def test_ordinary_words_are_not_places(guard: NameGuard) -> None:
    text = "Year 2 are learning about the Great Fire of London in KS1."
    assert run_preflight(text, [], guard).check("location").status == "pass"


def test_over_length_and_empty_posts_block(guard: NameGuard) -> None:
    text = "a" * 279 + "🎉"
    check = run_preflight(text, [], guard).check("length")
    assert check.status == "block" and "1 character too long" in check.message
    assert check.spans == ((279, 280),)
    assert run_preflight("   ", [], guard).check("length").status == "block"
    assert run_preflight("", [SAFE_PHOTO], guard).check("length").status == "pass"
    assert "280 of 280" in run_preflight("b" * 280, [], guard).check("length").message


def test_who_can_reply(guard: NameGuard) -> None:
    def replies(setting: ReplySetting, following: int = 0) -> str:
        settings = PreflightSettings(reply_settings=setting, following_count=following)
        report = run_preflight("Sports day!", [], guard, settings)
        assert report.reply_settings is setting
        return report.check("replies").status

    assert replies(ReplySetting.MENTIONED_USERS) == "pass"
    assert replies(ReplySetting.FOLLOWING) == "pass"
    assert replies(ReplySetting.FOLLOWING, following=3) == "warn"
    assert replies(ReplySetting.EVERYONE) == "warn"


def test_settings_come_from_the_settings_table(db: Database) -> None:
    store = SettingsStore(db)
    assert PreflightSettings.from_store(store) == PreflightSettings()
    store.set(REPLY_SETTING.key, "everyone")
    store.set(TRUSTED_ACCOUNTS.key, "@BristolMuseum, SGlosCouncil")
    store.set(OWN_POSTCODES.key, "bs35 4jg")
    settings = PreflightSettings.from_store(store, following_count=0)
    assert settings.reply_settings is ReplySetting.EVERYONE
    assert settings.trusted_accounts == frozenset({"bristolmuseum", "sgloscouncil"})
    assert settings.own_postcodes == frozenset({"BS354JG"})
    store.set(REPLY_SETTING.key, "nonsense")
    assert PreflightSettings.from_store(store).reply_settings is ReplySetting.MENTIONED_USERS


def test_without_a_roster_the_name_checks_warn() -> None:
    report = run_preflight("Well done Olivia!", [SAFE_PHOTO], NameGuard.empty())
    assert report.check("names").status == "warn"
    assert "No pupil list" in report.check("names").message
    assert report.check("photo_names").status == "warn"
    assert report.can_post  # the person posting is told to check by eye instead


def test_warnings_and_blocks_are_listed(guard: NameGuard) -> None:
    report = run_preflight("Well done Olivia! https://example.org", [], guard)
    assert [c.key for c in report.blocking] == ["names"]
    assert [c.key for c in report.warnings] == ["links"]
    assert report.status == "block"


def test_direction_controls_in_the_post_or_a_description_block(guard: NameGuard) -> None:
    reversed_name = "Star of the week: \u202eaivilO\u202c"
    report = run_preflight(reversed_name, [], guard)
    assert report.check("hidden_text").status == "block"
    assert report.check("hidden_text").spans == ((18, 19), (25, 26))
    assert report.check("names").status == "block"  # and the name it hid is still found
    photo = PhotoCheckInput("Sports day \u2067winners\u2069", faces_reviewed=True,
                            consent_confirmed=True, label="Photo A")
    check = run_preflight("Sports day", [photo], guard).check("hidden_text")
    assert check.status == "block" and "Photo A" in check.message
    assert run_preflight("Sports day 🏃\u200d♀️", [SAFE_PHOTO], guard).check(
        "hidden_text").status == "pass"  # a joiner inside an emoji is fine


def test_a_roster_from_older_rules_blocks_until_imported_again() -> None:
    hasher = NameHasher(b"k" * 32)
    old = NameGuard(hasher, [HashedForm(hasher.digest("olivia"), FormKind.FORENAME, False)])
    report = run_preflight("A lovely day", [SAFE_PHOTO], old)
    assert report.check("names").status == "block"
    assert "Import the pupil list again" in report.check("names").message
    assert report.check("photo_names").status == "block"
