"""Why the moderation check suggested what it did, kept as data: the rule, its kind, the words.

A reply's reasons used to be stored as English sentences and read back with regular
expressions, both to translate them and to decide which replies touch safeguarding. They
are now stored as JSON (``reasons_json`` / ``stored_reasons``) and turned into words only
when shown: ``shown_reasons`` in the language chosen in Settings, ``english_reasons`` for
incident packs. Rows written before this change were converted once by migration 12; a line
that is not JSON is still read, and shown as it was written.

Which rules touch safeguarding, and so which replies the designated safeguarding lead must
see first, is decided here once (``SAFEGUARDING_RULES``, ``touches_safeguarding``,
``urgency``): the inbox's order, the Moderation tab's mark and its sort all ask these.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from stpeters_desk.i18n import Translator, english, translate


class BuiltIn(StrEnum):
    """Rules and findings the app adds itself (not from a word list): stored as these keys."""

    MASKED_WORD = "masked word"  # rule: letters replaced by symbols, no listed word fits
    PERSONAL_DETAILS = "personal details"  # rule: contact details in a public reply
    LINK = "link"  # finding: a link (under the spam lists' "spam sign" rule)
    CONTACT_DETAILS = "contact details"  # finding: a phone number or an email address
    READS_HOSTILE = "reads as hostile"  # rule: the trained model's (core.reply_model)
    UNSUITABLE_IMAGE = "image may be unsuitable"  # rule: a picture flagged (core.reply_images)
    IMAGE_NOT_CHECKED = "picture not checked on this computer"  # rule: not checked: review


@dataclass(frozen=True)
class FoundWords:
    """Words as the reply wrote them and the listed word they read as (s**t -> shit); or,
    for what the app finds itself (a link), which built-in finding it is."""

    found: str = ""
    reads_as: str = ""
    built_in: BuiltIn | None = None


@dataclass(frozen=True)
class Reason:
    """One rule that matched: its name as the word list writes it (or a built-in rule), its
    kind (hide, review or hint), and the words that matched it.

    ``weak``: the reply was judged fine and this is only a weak sign, shown so that its
    score is explained.
    """

    rule: str
    kind: str
    words: tuple[FoundWords, ...] = ()
    weak: bool = False
    score: float | None = None  # the trained model's score, for its own reason


@dataclass(frozen=True)
class ChildNamesNote:
    """A reply names a child (a parent may): the head teacher should know. ``as_written``
    holds a note from before notes were data, shown as it was written."""

    names: tuple[str, ...] = ()
    as_written: str = ""


# -- safeguarding: defined once ------------------------------------------------------------

# Shipped rules whose replies may be about a child's or an adult's safety: the school's
# designated safeguarding lead must see these first, not among spam (see core/incident.py).
SAFEGUARDING_RULES = frozenset({"threat", "possible threat", "safeguarding or personal concern",
                                "accusation of abuse"})
LEVEL_URGENCY = {"hide": 0, "review": 1, "ok": 2}  # hide suggestions before reviews


def touches_safeguarding(reasons: Iterable[Reason]) -> bool:
    """True when one of the reasons is a safeguarding rule (a weak sign never is)."""
    return any(not reason.weak and reason.rule.casefold() in SAFEGUARDING_RULES
               for reason in reasons)


def urgency(needs_someone: bool, level: str, reasons: Iterable[Reason]) -> tuple[int, int]:
    """How soon a reply needs a person, most urgent first: replies waiting for someone that
    touch safeguarding, then hide suggestions, then reviews, then the rest."""
    safeguarding = needs_someone and touches_safeguarding(reasons)
    return (0 if safeguarding else 1, LEVEL_URGENCY.get(level, len(LEVEL_URGENCY)))


# -- stored as JSON ---------------------------------------------------------------------------


def reasons_json(reasons: Sequence[Reason]) -> str:
    """The reasons as the database keeps them."""
    return json.dumps([_reason_data(reason) for reason in reasons], ensure_ascii=False)


def _reason_data(reason: Reason) -> dict[str, object]:
    data: dict[str, object] = {"rule": reason.rule, "kind": reason.kind,
                               "words": [_words_data(words) for words in reason.words]}
    if reason.weak:
        data["weak"] = True
    if reason.score is not None:
        data["score"] = reason.score
    return data


def _words_data(words: FoundWords) -> dict[str, str]:
    if words.built_in is not None:
        return {"built_in": words.built_in.value}
    data = {"found": words.found}
    if words.reads_as:
        data["reads_as"] = words.reads_as
    return data


def stored_reasons(text: str) -> tuple[Reason, ...]:
    """The reasons from the database; a line that is not JSON is kept as written."""
    if not text:
        return ()
    try:
        rows = json.loads(text)
    except ValueError:
        return tuple(Reason(line, "") for line in text.split("\n") if line)
    if not isinstance(rows, list):
        return (Reason(text, ""),)
    return tuple(_reason(row) for row in rows if isinstance(row, dict))


def _reason(row: dict[str, object]) -> Reason:
    words = row.get("words")
    score = row.get("score")
    return Reason(str(row.get("rule", "")), str(row.get("kind", "")),
                  tuple(_words(item) for item in words if isinstance(item, dict))
                  if isinstance(words, list) else (),
                  bool(row.get("weak", False)),
                  float(score) if isinstance(score, int | float) else None)


def _words(item: dict[str, object]) -> FoundWords:
    built_in = item.get("built_in")
    if isinstance(built_in, str) and built_in in BuiltIn._value2member_map_:
        return FoundWords(built_in=BuiltIn(built_in))
    return FoundWords(str(item.get("found", "")), str(item.get("reads_as", "")))


def notes_json(notes: Sequence[ChildNamesNote]) -> str:
    return json.dumps([{"names_a_child": list(note.names)} if not note.as_written
                       else {"as_written": note.as_written} for note in notes],
                      ensure_ascii=False)


def stored_notes(text: str) -> tuple[ChildNamesNote, ...]:
    if not text:
        return ()
    try:
        rows = json.loads(text)
    except ValueError:
        return tuple(ChildNamesNote(as_written=line) for line in text.split("\n") if line)
    if not isinstance(rows, list):
        return (ChildNamesNote(as_written=text),)
    notes = []
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("names_a_child"), list):
            notes.append(ChildNamesNote(tuple(str(name) for name in row["names_a_child"])))
        elif isinstance(row, dict):
            notes.append(ChildNamesNote(as_written=str(row.get("as_written", ""))))
    return tuple(notes)


# -- shown in words -----------------------------------------------------------------------------


def _built_in_words(translate: Translator) -> dict[BuiltIn, str]:
    """The app's own rule names and findings, in the language of ``translate``."""
    return {
        BuiltIn.MASKED_WORD: translate("Moderation", "hidden word (letters replaced by symbols)"),
        BuiltIn.PERSONAL_DETAILS: translate("Moderation", "personal details in public"),
        BuiltIn.LINK: translate("Moderation", "a link"),
        BuiltIn.CONTACT_DETAILS: translate("Moderation", "a phone number or email address"),
        BuiltIn.READS_HOSTILE: translate("Moderation", "reads as hostile or insulting"),
        BuiltIn.UNSUITABLE_IMAGE: translate("Moderation", "image may be unsuitable"),
        BuiltIn.IMAGE_NOT_CHECKED: translate("Moderation",
                                              "picture not checked on this computer"),
    }


def _shipped_section_names(translate: Translator) -> tuple[str, ...]:
    """The sections of the word lists shipped in resources/wordlists (lower case, as written
    there). A school may add its own sections; those are shown as the school wrote them.
    """
    return (
        translate("WordLists", "accusation of abuse"),
        translate("WordLists", "adult content"),
        translate("WordLists", "advertising"),
        translate("WordLists", "asks for private messages"),
        translate("WordLists", "complaint or criticism"),
        translate("WordLists", "crypto and get-rich-quick"),
        translate("WordLists", "discriminatory slur"),
        translate("WordLists", "gambling"),
        translate("WordLists", "insult aimed at people"),
        translate("WordLists", "mild swearing"),
        translate("WordLists", "name-calling"),
        translate("WordLists", "possible threat"),
        translate("WordLists", "questioning a decision"),
        translate("WordLists", "remark that may undermine the school"),
        translate("WordLists", "remark undermining the school or its staff"),
        translate("WordLists", "safeguarding or personal concern"),
        translate("WordLists", "sarcasm cue"),
        translate("WordLists", "sarcasm"),
        translate("WordLists", "school and village life"),
        translate("WordLists", "selling followers or likes"),
        translate("WordLists", "sexual content"),
        translate("WordLists", "sexual or adult content"),
        translate("WordLists", "spam sign"),
        translate("WordLists", "spam word"),
        translate("WordLists", "spam"),
        translate("WordLists", "strong swearing"),
        translate("WordLists", "threat"),
    )


def shown_section_name(name: str, translate: Translator = translate) -> str:
    """A word list section's name (which starts reasons) in the language of ``translate``;
    a school's own section as the school wrote it."""
    names = dict(zip(_shipped_section_names(english), _shipped_section_names(translate),
                     strict=True))
    shown = names.get(name.casefold())
    if shown is None:
        return name
    return _capitalised(shown) if name[:1].isupper() else shown


def _capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


BUILT_IN_RULES = (BuiltIn.MASKED_WORD, BuiltIn.PERSONAL_DETAILS, BuiltIn.READS_HOSTILE,
                  BuiltIn.UNSUITABLE_IMAGE, BuiltIn.IMAGE_NOT_CHECKED)


def _rule_name(reason: Reason, translate: Translator) -> str:
    if reason.rule in BUILT_IN_RULES:
        return _built_in_words(translate)[BuiltIn(reason.rule)]
    return shown_section_name(reason.rule, translate)


def _found(words: FoundWords, translate: Translator) -> str:
    if words.built_in is not None:
        return f'"{_built_in_words(translate)[words.built_in]}"'
    if words.reads_as and words.reads_as != words.found:
        return translate("Moderation", "\"{found}\" (read as \"{reads_as}\")").format(
            found=words.found, reads_as=words.reads_as)
    return f'"{words.found}"'


def _sentence(reason: Reason, translate: Translator) -> str:
    """"Rule name: "words", "more words"" in the language of ``translate``."""
    if not reason.kind and not reason.words:  # read from an old row that was not data
        return reason.rule
    if reason.rule == BuiltIn.READS_HOSTILE:
        return _model_sentence(reason, translate)
    if reason.rule == BuiltIn.UNSUITABLE_IMAGE:
        return translate("Moderation", "Image may be unsuitable (detector score {score}); it "
                         "stays blurred until someone chooses to see it").format(
            score=f"{reason.score or 0:.2f}")
    if reason.rule == BuiltIn.IMAGE_NOT_CHECKED:
        return translate("Moderation", "Picture not checked on this computer: look at it "
                         "before deciding")
    words = ", ".join(dict.fromkeys(_found(found, translate) for found in reason.words))
    name = _rule_name(reason, translate)
    return f"{name}: {words}" if words else name


def _model_sentence(reason: Reason, translate: Translator) -> str:
    """The trained model's reason: how sure it is, and the words that weighed most."""
    sentence = translate("Moderation", "Reads as hostile or insulting (model score {score})"
                         ).format(score=f"{reason.score or 0:.2f}")
    if not reason.words:
        return sentence
    words = ", ".join(f'"{found.found}"' for found in reason.words)
    return sentence + translate("Moderation", "; the words that weighed most: {words}").format(
        words=words)


def shown_reasons(reasons: Sequence[Reason], translate: Translator = translate) -> list[str]:
    """One sentence per rule, in the language of ``translate``; weak signs together in one."""
    strong = [_capitalised(_sentence(reason, translate)) for reason in reasons
              if not reason.weak]
    weak = [_sentence(reason, translate) for reason in reasons if reason.weak]  # as written
    if weak:
        strong.append(translate(
            "Moderation", "Only weak signs, not enough to ask for a review: {signs}").format(
            signs="; ".join(weak)))
    return strong


def english_reasons(reasons: Sequence[Reason]) -> list[str]:
    """As ``shown_reasons``, in English: for incident packs and other records that stay put."""
    return shown_reasons(reasons, english)


def shown_note(note: ChildNamesNote, translate: Translator = translate) -> str:
    """A note about a reply (a parent naming their child) in the language of ``translate``."""
    if note.as_written:
        return note.as_written
    return translate(
        "Moderation", "Names a child ({names}). The school's own posts never name children; a "
                      "parent may, but check the reply does not sit under a photo of the child."
    ).format(names=", ".join(note.names))
