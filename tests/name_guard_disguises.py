"""Pupils' names in disguise: the ways a name gets past a guard that reads only plain words.

Shared by tests/unit/test_name_disguises.py (which holds the guard to its
targets) and benchmarks/name_guard.py (which prints recall per disguise).

Every name is invented. The roster here is not the labelled set's, and the
texts are generated with a fixed seed from sentence templates, names and the
characters each disguise uses, so no text was written with the guard's rules in
view. Spelling variants come in two lists: ``VARIANTS_SEEN``, the groups looked
at while the sound and spelling rules and the alias list were written, and
``VARIANTS_HELD_OUT``, written down before any rule was tried on them, so their
figure is the honest one.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from confusable_homoglyphs.confusables import confusables_data

from stpeters_desk.core.names import NameGuard

ROSTER = [
    "Olivia Thornbury", "Jasper Kettering", "Matilda Okafor", "Freddie Lowther",
    "Priya Ramsbottom", "Tobias Wrenfield", "Harriet Ozturk", "Elliot Brackley",
    "Beatrix Fenwright", "Kasper Nyland", "Imogen Tallis", "Reuben Ashcombe",
    "Arabella Quennell", "Lucian Marchbank", "Eliza Penhallow", "Ibrahim Castellane",
    "Clemmie Dorrington", "Barnaby Holcroft", "Anouk Vellacott", "Zainab Hartigan",
    "Ruby-Mae Stirling", "Ava-Rose Kendrick", "Lily-Grace Munroe", "Mary-Jane Colquhoun",
]
DOUBLE_NAMES = ["Ruby-Mae", "Ava-Rose", "Lily-Grace", "Mary-Jane"]

# Spelling variants: (the roster's spelling, spellings a teacher might type).
VARIANTS_SEEN = [
    ("Muhammad", ["Mohammed", "Muhammed", "Mohammad", "Mohamed"]),
    ("Isabel", ["Isobel", "Izabel", "Isabell"]), ("Caitlin", ["Kaitlyn", "Katelyn"]),
    ("Jayden", ["Jaden", "Jaiden"]), ("Aidan", ["Aiden", "Ayden"]), ("Stephen", ["Steven"]),
    ("Matthew", ["Mathew"]), ("Phillip", ["Philip"]), ("Layla", ["Laila", "Leila"]),
    ("Sophie", ["Sofie"]), ("Aisha", ["Ayesha"]), ("Aoife", ["Eefa"]), ("Niamh", ["Neve"]),
    ("Siobhan", ["Shivon"]), ("Kayleigh", ["Kaylee", "Kayley"]), ("Connor", ["Conor"]),
    ("Callum", ["Calum"]), ("Harley", ["Harlee"]), ("Amelia", ["Amilia"]), ("Freya", ["Freyja"]),
    ("Scarlett", ["Scarlet"]), ("Maisie", ["Maisy"]), ("Hannah", ["Hanna"]),
    ("Zara", ["Zarah"]), ("Nathaniel", ["Nathanael"]), ("Alisha", ["Alesha"]),
    ("Jacob", ["Jakob"]), ("Zachary", ["Zackary"]), ("Lacey", ["Lacie"]), ("Ellie", ["Elly"]),
    ("Rhys", ["Reece"]), ("Oskar", ["Oscar"]), ("Evie", ["Evey"]), ("Lucas", ["Lukas"]),
    ("Cerys", ["Ceris"]), ("Dylan", ["Dillon"]), ("Rhian", ["Rian"]), ("Sienna", ["Siena"]),
]
VARIANTS_HELD_OUT = [
    ("Aaliyah", ["Aliyah", "Aaliya"]), ("Abigail", ["Abigale"]), ("Adeline", ["Adaline"]),
    ("Alfie", ["Alfy"]), ("Annabelle", ["Anabel"]), ("Archie", ["Archey"]),
    ("Arthur", ["Arther"]), ("Caleb", ["Kaleb"]), ("Charlotte", ["Sharlotte"]),
    ("Christopher", ["Kristopher"]), ("Daisy", ["Daisie"]), ("Eleanor", ["Elinor", "Eleanore"]),
    ("Elijah", ["Elija"]), ("Emilia", ["Emillia"]), ("Erin", ["Eryn"]), ("Esme", ["Esmee"]),
    ("Finley", ["Finlay", "Findlay"]), ("Frederick", ["Frederic", "Fredrick"]),
    ("Gracie", ["Gracey"]), ("Hallie", ["Hally"]), ("Harvey", ["Harvie"]),
    ("Hayden", ["Haydn", "Haiden"]), ("Isaac", ["Isaak"]), ("Jasmine", ["Jazmin", "Jasmin"]),
    ("Jenson", ["Jensen"]), ("Kai", ["Kye"]), ("Katie", ["Katy", "Katey"]),
    ("Lillie", ["Lilly", "Lily"]), ("Logan", ["Logen"]), ("Lola", ["Lolah"]), ("Luca", ["Luka"]),
    ("Madison", ["Madisyn"]), ("Mila", ["Milla"]), ("Millie", ["Milly", "Millee"]),
    ("Ollie", ["Olly"]), ("Poppy", ["Poppie"]), ("Reuben", ["Ruben"]),
    ("Riley", ["Rylee", "Reilly"]), ("Robyn", ["Robin"]), ("Rosie", ["Rosy"]),
    ("Sebastian", ["Sebastien"]), ("Sofia", ["Sophia"]), ("Teddy", ["Teddie"]),
    ("Tobias", ["Tobyas"]), ("Toby", ["Tobey"]), ("Violet", ["Violette"]), ("Willow", ["Willo"]),
    ("Zachariah", ["Zacharia"]), ("Zoe", ["Zoey"]),
]

TEMPLATES = [
    "Well done {} for a brilliant week!",
    "Huge congratulations to {} on the reading award 📚",
    "{} scored the winning goal at the tournament today",
    "So proud of {} and the whole team",
    "Star of the week goes to {}!",
    "A lovely poem by {} in Year 4 this morning",
    "Thank you {} for helping at the cake sale",
    "{} holding the football trophy",
]

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u200e", "\u200f", "\u2063",
             "\ufe0f", "\ufe00", "\u034f", "\u180e", "\ufeff", "\u2062"]
SPELLING_GAPS = [" ", ".", "-", ". ", "_", "·", " - ", "*"]
DIGITS = {"o": "0", "i": "1", "l": "1", "e": "3", "a": "4", "s": "5", "t": "7"}
TAG_SHAPES = ["#welldone{}", "#{}{}", "@{}{}2", "#go{}go", "#proudof{}", "#{}rocks",
              "#starofweek{}"]


@dataclass(frozen=True)
class DisguisedText:
    text: str
    disguise: str
    name: str


def _first_names() -> list[str]:
    return [name.split()[0] for name in ROSTER if "-" not in name.split()[0]]


def _look_alikes() -> dict[str, list[str]]:
    """For each ASCII letter, the letters of other scripts (and styles) made to look like it.

    Taken from the confusables data as its own table lists them (each entry's
    homoglyphs), not from the guard's folding, so the test does not grade the
    guard with its own answer key.
    """
    table: dict[str, list[str]] = {}
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        glyphs = [h["c"] for h in confusables_data.get(letter, [])
                  if len(h["c"]) == 1 and h["c"].isalpha() and not h["c"].isascii()]
        if glyphs:
            table[letter] = glyphs
    return table


def _invisible(rng: random.Random, name: str) -> str:
    cut = rng.randrange(1, len(name))
    extra = "".join(rng.sample(INVISIBLE, rng.choice((1, 1, 2))))
    return name[:cut] + extra + name[cut:]


def _look_alike(rng: random.Random, name: str) -> str:
    table = _look_alikes()
    positions = [i for i, c in enumerate(name) if c in table]
    chosen = rng.sample(positions, min(len(positions), rng.choice((1, 2, 3))))
    letters = list(name)
    for i in chosen:
        letters[i] = rng.choice(table[letters[i]])
    return "".join(letters)


def _reversed(_rng: random.Random, name: str) -> str:
    return "\u202e" + name[::-1] + "\u202c"


def _spelled(rng: random.Random, name: str) -> str:
    letters = name.upper() if rng.random() < 0.3 else name
    return rng.choice(SPELLING_GAPS).join(letters)


def _digits(rng: random.Random, name: str) -> str:
    positions = [i for i, c in enumerate(name.lower()) if c in DIGITS]
    chosen = rng.sample(positions, min(len(positions), rng.choice((1, 2))))
    return "".join(DIGITS[c.lower()] if i in chosen else c for i, c in enumerate(name))


def _plural(_rng: random.Random, name: str) -> str:
    return name + ("es" if name.endswith(("s", "x", "z", "sh", "ch")) else "s")


Disguise = Callable[[random.Random, str], str]
_WORD_DISGUISES: dict[str, Disguise] = {
    "invisible": _invisible,
    "look-alike": _look_alike,
    "reversed": _reversed,
    "spelled out": _spelled,
    "digits": _digits,
}


def disguised_texts(seed: int = 15) -> Iterator[DisguisedText]:
    """Every disguise applied to every pupil's first name (and surname), in varied sentences."""
    rng = random.Random(seed)
    firsts = _first_names()
    surnames = [name.split()[-1] for name in ROSTER]
    for label, disguise in _WORD_DISGUISES.items():
        for name in firsts + surnames:
            yield DisguisedText(rng.choice(TEMPLATES).format(disguise(rng, name)), label, name)
    for name in firsts:
        yield DisguisedText(rng.choice(["Both {} won a prize!", "The two {} were on the podium",
                                        "Three {} in one class this year"]).format(
                                            _plural(rng, name)), "plural", name)
    for name in DOUBLE_NAMES:
        for written in (name.replace("-", ""), name.replace("-", "").lower(),
                        name.replace("-", "").upper(), name.replace("-", " ")):
            yield DisguisedText(rng.choice(TEMPLATES).format(written), "double name joined", name)
    for name, surname in zip(firsts, surnames, strict=False):
        shape = rng.choice(TAG_SHAPES)
        tag = shape.format(name.lower(), surname.lower()) if shape.count("{}") == 2 \
            else shape.format(name.lower())
        yield DisguisedText(f"What a day! {tag}", "lower-case tag", name)
    for roster_name, variants in VARIANTS_SEEN:
        for variant in variants:
            yield DisguisedText(rng.choice(TEMPLATES).format(variant), "variant (seen)",
                                roster_name)
    for roster_name, variants in VARIANTS_HELD_OUT:
        for variant in variants:
            yield DisguisedText(rng.choice(TEMPLATES).format(variant), "variant (held out)",
                                roster_name)


def disguise_roster() -> list[str]:
    """The roster the disguised texts are checked against (variant names get a surname)."""
    names = list(ROSTER)
    for index, (first, _) in enumerate(VARIANTS_SEEN + VARIANTS_HELD_OUT):
        names.append(f"{first} Testperson{chr(97 + index % 26)}{chr(97 + index // 26)}")
    return names


def blocked(guard: NameGuard, item: DisguisedText) -> bool:
    return any(f.level == "block" for f in guard.check(item.text))


def recall_by_disguise(guard: NameGuard) -> dict[str, tuple[int, int, list[str]]]:
    """For each disguise: texts blocked, texts in all, and the texts that got through."""
    tally: dict[str, tuple[int, int, list[str]]] = {}
    for item in disguised_texts():
        caught, total, missed = tally.get(item.disguise, (0, 0, []))
        if blocked(guard, item):
            caught += 1
        else:
            missed = [*missed, item.text]
        tally[item.disguise] = (caught, total + 1, missed)
    return tally
