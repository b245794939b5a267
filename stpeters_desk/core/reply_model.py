"""A trained reading of replies next to the school's word lists: does it read as hostile?

The word lists explain themselves ("Strong swearing: ...") but only catch what
someone thought to write down: on public tweets written and labelled by strangers
they catch about half of the offensive ones. This model was trained on such tweets
(OLID's training split; ``scripts/train_reply_model.py`` says what else and why)
and reads a reply as a whole: its words, pairs of neighbouring words and pieces of
words (2 to 5 letters), so "idiot", "idiots" and "idiotic" share most of what they
weigh, and insults no list names still count.

It is a logistic regression over TF-IDF features, the textbook linear text
classifier: each feature present in the reply gets a weight, the weights are added
up and turned into a score between 0 and 1. A second one of the same kind, trained
on Davidson et al.'s tweets, gives a "second opinion" that counts as one more
feature, and the tone of the words by a sentiment lexicon (VADER's) four more. The
weights ship as one data file (``resources/models/reply_model.json.gz``, about
1.4 MB) read with the standard library and numpy only: no text leaves the
computer, nothing is downloaded, and no machine learning library is needed to run it.

Pieces of words are weighed word by word (each word's pieces as one vector of
length one, the reply's words added up and divided by the square root of their
number), so a word's share depends on the word alone: it is worked out once and
kept, which keeps the app at thousands of replies a second, and the words that
pushed the score up most can be named in the reason. The file brings the shares of
the 13,649 words its tables know, worked out by this code when it was built (about
four in five of the words a new reply brings): cutting a word into pieces was a
fifth of the cost of a reply seen for the first time. They are taken only if their
digest matches the tables they came from and a sample of them matches what this code
works out (``ReplyModel.take_shares``); otherwise each is worked out when first needed.

How it runs quickly (``ReplyModel``): the two readers' tables are merged at load, by numpy
over the file's columns, into one table of words and pairs and one table of pieces for
each length of piece, and each entry already holds what the feature adds to each sum when
met once; a word's share, its own entry and its tone rating are kept per word. The sums
are the readers' own, term by term in the same order, so the scores are the same floats
to the last bit (``tests/unit/test_moderation_fast_paths.py`` holds them to the readers'
plain loops, and ``benchmarks/moderation_outputs.py`` compares whole assessments).
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import itertools
import json
import logging
import math
import operator
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from stpeters_desk.core.paths import resources_dir

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

_log = logging.getLogger(__name__)

_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


def keep_new(kept: dict[_Key, _Value], keys: Collection[_Key], limit: int,
             work: Callable[[_Key], _Value]) -> None:
    """Work out and keep the value of each of ``keys`` not kept yet: what depends on a word
    alone is worked out once per word. The words not met before are found with one set
    difference (most replies bring a few); when keeping them would pass ``limit``, the
    store starts again with these keys alone."""
    new = set(keys).difference(kept)
    if new:
        if len(kept) + len(new) > limit:
            kept.clear()
            new = set(keys)
        for key in new:
            kept[key] = work(key)


__all__ = ["MODEL_FILE", "LinearReader", "ReplyModel", "ReplyScore", "Terms", "Tone",
           "encode_table", "keep_new", "load_reply_model", "sigmoid", "word_counts",
           "word_pieces", "word_shares_block"]

MODEL_FILE = "reply_model.json.gz"

# Small words that carry no meaning on their own: they count in the score, but are never
# named as a reason ("the words that weighed most: "a", "the"" would explain nothing).
_NOT_NAMED = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been",
    "being", "am", "i", "im", "you", "youre", "he", "she", "shes", "it", "its", "we", "they",
    "me", "him", "her", "us", "them", "my", "your", "his", "our", "their", "to", "of", "in", "on",
    "at", "for", "with", "and", "or", "but", "so", "if", "as", "by", "from", "up", "out", "about",
    "all", "just", "like", "not", "no", "do", "does", "did", "dont", "have", "has", "had", "will",
    "would", "can", "could", "should", "what", "who", "why", "how", "when", "where", "there",
    "here", "then", "than", "too", "very", "one", "get", "got", "go", "going", "amp", "s", "t"
})

# feature -> (idf, weight)
_Table = dict[str, tuple[float, float]]


def word_counts(words: Sequence[str], sizes: tuple[int, int]) -> dict[str, int]:
    """Single words and runs of neighbouring words (joined by a space), with their counts.

    The same as scikit-learn's word n-grams over the words joined by spaces, which the
    training script uses, so the app and the training read a reply alike.
    """
    if sizes == (1, 2):
        terms = Counter(words)
        terms.update(map(" ".join, itertools.pairwise(words)))
        return terms
    counts: dict[str, int] = {}
    low, high = sizes
    for size in range(low, high + 1):
        for start in range(len(words) - size + 1):
            term = " ".join(words[start:start + size]) if size > 1 else words[start]
            counts[term] = counts.get(term, 0) + 1
    return counts


def word_pieces(word: str, sizes: tuple[int, int]) -> list[str]:
    """The pieces of one word, its edges marked by a space (" idiot " -> " i", "id", ...).

    As scikit-learn's ``char_wb`` analyser cuts them: a word shorter than a piece
    size gives itself once and no longer pieces.
    """
    padded = f" {word} "
    return list(map(padded.__getitem__, _cuts(len(padded), sizes)))


@functools.lru_cache(maxsize=512)
def _cuts(length: int, sizes: tuple[int, int]) -> tuple[slice, ...]:
    """Where ``word_pieces`` cuts a padded word of this length, in its order: the same for
    every word of the length, so worked out once and applied by ``map`` without a loop."""
    cuts: list[slice] = []
    low, high = sizes
    for size in range(low, high + 1):
        if length <= size:
            cuts.append(slice(0, length))
            break
        cuts += [slice(start, start + size) for start in range(length - size + 1)]
    return tuple(cuts)


def _weighed(counts: dict[str, int], table: _Table) -> tuple[float, dict[str, float]]:
    """One block's share of the score: sum of weight x (1 + log count) x idf, over the
    length of the reply's TF-IDF vector (so long replies do not score higher by length),
    and each known feature's part of it."""
    squares = 0.0
    parts: dict[str, float] = {}
    for term, count in counts.items():
        entry = table.get(term)
        if entry is None:
            continue
        idf, weight = entry
        value = (1.0 + math.log(count)) * idf if count > 1 else idf
        squares += value * value
        if weight:
            parts[term] = value * weight
    if not squares:
        return 0.0, {}
    norm = math.sqrt(squares)
    return sum(parts.values()) / norm, {term: part / norm for term, part in parts.items()}


@dataclass(frozen=True)
class ReplyScore:
    """How hostile the model reads a reply (0 to 1), and the words that weighed most."""

    probability: float
    words: tuple[str, ...]


class LinearReader:
    """One logistic regression over a reply's words: its weights and how it adds them up."""

    _CACHE_LIMIT = 200_000

    def __init__(self, intercept: float, words: _Table | _Columns, pieces: _Table | _Columns,
                 word_sizes: tuple[int, int], piece_sizes: tuple[int, int]) -> None:
        """``words`` and ``pieces``: term -> (idf, weight), or the file's columns (terms,
        idf, weights), from which the tables are made on first use (the app, which reads
        both readers through ``ReplyModel``'s merged tables, never needs them)."""
        self.intercept = intercept
        self._tables: dict[str, _Table | _Columns] = {"words": words, "pieces": pieces}
        self.word_sizes = word_sizes
        self.piece_sizes = piece_sizes
        self._shares: dict[str, float] = {}

    @property
    def words(self) -> _Table:
        """Words and pairs of words -> (idf, weight)."""
        return self._table("words")

    @property
    def pieces(self) -> _Table:
        """Pieces of words -> (idf, weight)."""
        return self._table("pieces")

    def _table(self, kind: str) -> _Table:
        table = self._tables[kind]
        if isinstance(table, _Columns):
            table = self._tables[kind] = dict(zip(
                table.terms, zip(table.idf.tolist(), table.weights.tolist(), strict=True),
                strict=True))
        return table

    def columns(self, kind: str) -> _Columns:
        """A table as columns: its terms, their idf and their weights (as float64 arrays)."""
        import numpy as np

        table = self._tables[kind]
        if isinstance(table, _Columns):
            return table
        return _Columns(list(table), np.array([idf for idf, _weight in table.values()],
                                              dtype=np.float64),
                        np.array([weight for _idf, weight in table.values()], dtype=np.float64))

    def _word_share(self, word: str) -> float:
        """One word's pieces, weighed: the same wherever the word is, so it is kept."""
        share = self._shares.get(word)
        if share is None:
            share = self.share_of(_counted(word_pieces(word, self.piece_sizes)))
            if len(self._shares) >= self._CACHE_LIMIT:
                self._shares.clear()
            self._shares[word] = share
        return share

    def share_of(self, pieces: dict[str, int]) -> float:
        """One word's pieces (with their counts in the word), as one vector of length one."""
        squares = 0.0
        total = 0.0
        table = self.pieces
        for piece, count in pieces.items():
            entry = table.get(piece)
            if entry is not None:
                idf, weight = entry
                squares += (idf * count) ** 2
                total += idf * count * weight
        return total / math.sqrt(squares) if squares else 0.0

    def terms_part(self, terms: dict[str, int]) -> float:
        """The words-and-pairs block's share of the sum, from the reply's terms and counts."""
        squares = total = 0.0
        table = self.words
        for term, count in terms.items():
            entry = table.get(term)
            if entry is not None:
                idf, weight = entry
                value = idf if count == 1 else (1.0 + math.log(count)) * idf
                squares += value * value
                total += value * weight
        return total / math.sqrt(squares) if squares else 0.0

    def decision(self, words: Sequence[str]) -> float:
        """The raw sum (log-odds) for a reply's words, as ``moderation.read_text`` gives them."""
        if not words:
            return self.intercept
        share = self._word_share
        by_piece = sum(share(word) for word in words) / math.sqrt(len(words))
        return self.intercept + self.terms_part(word_counts(words, self.word_sizes)) + by_piece

    def parts_by_word(self, words: Sequence[str], pieces: bool = True) -> dict[str, float]:
        """What each of the reply's words added to the sum: a word counts its pieces (unless
        ``pieces`` is false) and itself, a pair of words counts half for each."""
        if not words:
            return {}
        _, term_parts = _weighed(word_counts(words, self.word_sizes), self.words)
        per_word: dict[str, float] = {}
        for term, part in term_parts.items():
            members = term.split(" ")
            for member in members:
                per_word[member] = per_word.get(member, 0.0) + part / len(members)
        if pieces:
            scale = math.sqrt(len(words))
            for word in words:
                per_word[word] = per_word.get(word, 0.0) + self._word_share(word) / scale
        return per_word

    @classmethod
    def from_document(cls, data: dict[str, Any]) -> LinearReader:
        """From the file's form: see ``_table``."""
        return cls(intercept=float(data["intercept"]),
                   words=_columns(data["words"]), pieces=_columns(data["pieces"]),
                   word_sizes=_sizes(data["word_sizes"]), piece_sizes=_sizes(data["piece_sizes"]))


class Tone:
    """How warm or hostile a reply's words are by a sentiment lexicon (VADER's, by
    Hutto and Gilbert, 2014: 7,500 words rated -4 to +4 by people), as four features of
    the main model: the negative and the positive ratings added up, the lowest rating,
    and how many words are rated -2 or below (each over the square root of the number of
    words). It knows insults and kind words that the training tweets seldom used."""

    def __init__(self, valences: dict[str, float], weights: Sequence[float]) -> None:
        self.valences = valences
        negative, positive, lowest, strong = (float(w) for w in weights)
        self.weights = (negative, positive, lowest, strong)

    def parts(self, words: Sequence[str]) -> dict[str, float]:
        """Each rated word's share of the tone's part of the sum."""
        negative, positive, lowest, strong = self.weights
        scale = math.sqrt(max(len(words), 1))
        shares: dict[str, float] = {}
        low_word, low = "", 0.0
        for word in words:
            valence = self.valences.get(word)
            if valence is None:
                continue
            part = (negative if valence < 0 else positive) * valence / scale / 4
            if valence <= -2:
                part += strong / scale
            shares[word] = shares.get(word, 0.0) + part
            if valence < low:
                low_word, low = word, valence
        if low_word:
            shares[low_word] += lowest * low / 4
        return shares

    def decision(self, words: Sequence[str]) -> float:
        return self.decision_of(list(map(self.valences.get, words)), len(words))

    def decision_of(self, valences: Sequence[float | None], count: int) -> float:
        """``decision`` from the ratings of a reply's words (None for a word not rated) and
        the number of its words: the same sums in the same order."""
        negative, positive, lowest, strong = self.weights
        below = above = low = 0.0
        harsh = 0
        rated = [valence for valence in valences if valence is not None]
        if rated:
            hostile = [valence for valence in rated if valence < 0]
            below = sum(hostile)  # added one after another from 0.0, as a loop adds them
            above = sum(valence for valence in rated if valence >= 0)
            if hostile:
                low = min(0.0, *hostile)
                harsh = sum(valence <= -2 for valence in hostile)
        scale = math.sqrt(max(count, 1))
        return (negative * below / scale / 4 + positive * above / scale / 4
                + lowest * low / 4 + strong * harsh / scale)


class ReplyModel:
    """The model the app runs, and the lines the training script chose on tweets it never
    trained on.

    ``reader`` was trained on OLID; ``second_opinion`` (if any) on Davidson et al.'s
    tweets, and its sum counts ``second_opinion_weight`` times in the reader's (the
    training script learnt that weight on OLID); ``tone`` (if any) adds the sentiment
    lexicon's four features with the weights learnt beside the reader's.
    ``review_at``: from this score a reply needs a person. ``maybe_at``: from this score
    an ok reply is kept in sight for a week.
    """

    def __init__(self, reader: LinearReader, maybe_at: float, review_at: float,
                 second_opinion: LinearReader | None = None,
                 second_opinion_weight: float = 0.0, tone: Tone | None = None,
                 about: str = "") -> None:
        second = second_opinion
        self.tone = tone
        self._shares: dict[str, float] = {}
        self.reader = reader
        self.second_opinion = second_opinion
        self.second_opinion_weight = second_opinion_weight
        self.maybe_at = maybe_at
        self.review_at = review_at
        self.about = about
        # Both readers' tables as one, so a word, a pair or a piece of a word is looked up
        # once, not twice (a reader without it gets zeros, which add nothing: the sums are
        # the same floats). What a feature met once adds to each sum is worked out here.
        together = second is not None and (second.word_sizes, second.piece_sizes) == (
            reader.word_sizes, reader.piece_sizes)
        self._both_pieces: dict[str, _Both] | None = None
        self._both_terms: dict[str, _Both] | None = None
        self._plans: dict[int, _Plan] = {}
        self._records: dict[str, _Record] = {}
        self.shares_taken = 0  # how many shares of words were taken from the file
        if together and second:
            terms, entries, numbers, _shown = _merged(
                reader.columns("pieces"), second.columns("pieces"), pieces=True)
            self._piece_numbers = _Numbers(numbers)
            self._both_pieces = dict(zip(terms, entries, strict=True))
            if reader.word_sizes == (1, 2):
                terms, entries, numbers, shown = _merged(
                    reader.columns("words"), second.columns("words"), pieces=False)
                self._term_numbers = _Numbers(numbers)
                if shown:  # the words that weighed most are told by the parts
                    self._both_terms = dict(zip(terms, entries, strict=True))

    def decision(self, words: Sequence[str]) -> float:
        """The raw sum (log-odds): the reader's, the second opinion's times its weight, and
        the tone's. The pieces of each word are cut once for both readers and kept."""
        return self.decided(words)[0]

    def decided(self, words: Sequence[str]) -> tuple[float, Terms | None]:
        """``decision``, and the reply's terms as the merged table read them (when it did),
        for ``strongest_words`` to name the words from without reading them again."""
        second = self.second_opinion
        if self._both_terms is not None and second is not None and words:
            return self._quick_decision(words, second)
        if second is None or not words or self._both_pieces is None:
            total = self.reader.decision(words)
            if second is not None:
                total += self.second_opinion_weight * second.decision(words)
        else:
            if self._both_terms is not None:
                reader_part, second_part, _terms = self._terms_parts(words)
            else:
                terms = word_counts(words, self.reader.word_sizes)
                reader_part, second_part = (self.reader.terms_part(terms),
                                            second.terms_part(terms))
            shares = self._shares
            found = list(map(shares.get, words))
            if None in found:
                share = self._word_share
                found = [share(word) if value is None else value
                         for word, value in zip(words, found, strict=True)]
            total = (self.reader.intercept + reader_part
                     + self.second_opinion_weight * (second.intercept + second_part)
                     + sum(found) / math.sqrt(len(words)))  # type: ignore[arg-type]
        if self.tone is not None:
            total += self.tone.decision(words)
        return total, None

    def _quick_decision(self, words: Sequence[str], second: LinearReader
                        ) -> tuple[float, Terms]:
        """``decision`` with both readers' tables merged: what depends on a word alone (its
        pieces' share, its own entry in the merged table, its rating by the tone) is kept
        per word and found with one look-up; the sums are the same, in the same order."""
        records = self._records
        distinct = set(words)
        keep_new(records, distinct, LinearReader._CACHE_LIMIT, self._record)
        columns = zip(*map(records.__getitem__, words), strict=True)
        shares: tuple[float, ...] = next(columns)
        entries: tuple[_Both | None, ...] = next(columns)
        valences: tuple[float | None, ...] = next(columns)
        reader_part, second_part, terms = self._terms_parts(words, entries,
                                                            len(distinct) == len(words))
        total: float = (self.reader.intercept + reader_part
                        + self.second_opinion_weight * (second.intercept + second_part)
                        + sum(shares) / math.sqrt(len(words)))
        if self.tone is not None:
            total += self.tone.decision_of(valences, len(words))
        return total, terms

    def _record(self, word: str) -> _Record:
        table = self._both_terms
        assert table is not None
        return (self._word_share(word), table.get(word),
                self.tone.valences.get(word) if self.tone is not None else None)

    def _terms_parts(self, words: Sequence[str], entries_of_words: Sequence[_Both | None] = (),
                     distinct: bool | None = None) -> tuple[float, float, Terms]:
        """``reader.terms_part`` and ``second_opinion.terms_part`` of the reply's words and
        pairs, in one look-up each in the merged table: the same sums, in the same order
        (the order ``word_counts`` gives), so the same floats; and the terms with their
        entries, from which ``strongest_words`` names the words. ``distinct``: whether no
        word repeats, if known.

        Most replies repeat no word and no pair: then every term counts once, the terms are
        the words and then the pairs in the order written, and their parts were worked out
        at load, so the sums are ``sum`` over columns (``sum`` adds floats one after another
        from 0.0 on Python 3.11, as the readers' loops do).
        """
        table = self._both_terms
        assert table is not None
        pairs = list(map(" ".join, itertools.pairwise(words)))
        of_words = entries_of_words or list(map(table.get, words))
        if distinct is None:
            distinct = len(set(words)) == len(words)
        if distinct:  # then no pair repeats either
            all_terms: Sequence[str] = words
            known_pairs = list(map(table.get, pairs))
            of_pairs: list[_Both | None] | None = known_pairs
            all_entries = of_words
            entries = list(filter(None, itertools.chain(of_words, known_pairs)))
        else:  # the terms in ``word_counts``' order (where each first comes), with counts
            # a word's entry is its own wherever it is: one per word, in first-met order
            counted, counted_pairs = Counter(words), Counter(pairs)
            all_terms, of_pairs, split = [*counted, *counted_pairs], None, len(counted)
            all_entries = [
                *self._counted_entries(dict(zip(words, of_words, strict=True)), counted),
                *self._counted_entries(None, counted_pairs)]
            entries = list(filter(None, all_entries))
        squares = total = second_squares = second_total = 0.0
        if entries:
            columns = zip(*entries, strict=True)
            squares, total = sum(next(columns)), sum(next(columns))
            second_squares, second_total = sum(next(columns)), sum(next(columns))
        terms = Terms(all_terms, all_entries, pairs if distinct else None, of_pairs or [],
                      (squares, second_squares), len(words) if distinct else split)
        return (total / math.sqrt(squares) if squares else 0.0,
                second_total / math.sqrt(second_squares) if second_squares else 0.0, terms)

    def _counted_entries(self, entries: dict[str, _Both | None] | None,
                         counts: Counter[str]) -> list[_Both | None]:
        """The merged table's entries for counted terms, in the counts' order: as met once,
        or for the few met more than once, as ``_repeated`` works them out. ``entries``:
        the terms' entries if already looked up (in the same order as ``counts``)."""
        table = self._both_terms
        assert table is not None
        found = list(entries.values()) if entries is not None else list(map(table.get, counts))
        if len(found) != counts.total():
            numbers = self._term_numbers
            times = list(counts.values())
            for index in itertools.compress(range(len(found)), map((1).__lt__, times)):
                entry = found[index]
                if entry is not None:
                    found[index] = _repeated(entry, times[index], numbers)
        return found

    def _term_parts_by_word(self, words: Sequence[str]
                            ) -> tuple[dict[str, float], dict[str, float]]:
        """``reader.parts_by_word(words, pieces=False)`` and the second opinion's, from one
        look-up of each term in the merged table: the same sums and parts in the same order
        (``word_counts``' order: the words, then the pairs)."""
        terms = self._terms_parts(words)[2]
        found = [(term, entry) for term, entry
                 in zip(terms.all_terms(), terms.all_entries(), strict=True) if entry is not None]
        if not found:
            return {}, {}
        found_terms, found_entries = zip(*found, strict=True)
        columns = list(zip(*found_entries, strict=True))
        # as ``_weighed``: every known term counts in the length, those weighing nothing
        # have no part (a part is nothing exactly when the weight is: checked at load)
        parts = [(term, part) for term, part in zip(found_terms, columns[1], strict=True) if part]
        second_parts = [(term, part) for term, part
                        in zip(found_terms, columns[3], strict=True) if part]
        return _by_word(parts, sum(columns[0])), _by_word(second_parts, sum(columns[2]))

    def _word_share(self, word: str) -> float:
        """Both readers' shares for one word's pieces, added with the second opinion's
        weight: kept per word."""
        share = self._shares.get(word)
        if share is None:
            share = self._share_worked_out(word)
            if len(self._shares) >= LinearReader._CACHE_LIMIT:
                self._shares.clear()
            self._shares[word] = share
        return share

    def _share_worked_out(self, word: str) -> float:
        """``_word_share`` worked out from the tables, never from what is kept."""
        if self._both_pieces is not None:
            return self._both_shares(word)
        counted = Counter(word_pieces(word, self.reader.piece_sizes))
        share = self.reader.share_of(counted)
        if self.second_opinion is not None:
            share += self.second_opinion_weight * self.second_opinion.share_of(counted)
        return share

    def _both_shares(self, word: str) -> float:
        """``reader.share_of`` plus the weighed ``second_opinion.share_of`` of a word's pieces,
        in one look-up each in the merged table: the same sums in the same order (each
        piece where it first comes), so the same floats.

        The pieces are cut by one ``itemgetter`` made for words of the length (in
        ``word_pieces``' order: the shortest first). Most words repeat no piece (a repeated
        piece starts with a repeated piece of the shortest size): then each piece's parts
        were worked out at load and the sums are ``sum`` over columns (one after another
        from 0.0 on Python 3.11, as the readers' loops add them).
        """
        table = self._both_pieces
        assert table is not None
        padded = f" {word} "
        cut, shortest = self._plans.get(len(padded)) or self._plan(len(padded))
        pieces = cut(padded)
        if len(set(pieces[:shortest])) == shortest:
            entries = list(filter(None, map(table.get, pieces)))
        else:
            entries = []
            for piece, count in Counter(pieces).items():
                entry = table.get(piece)
                if entry is None:
                    continue
                if count == 1:
                    entries.append(entry)
                else:  # as ``share_of`` works it out
                    idf, weight, second_idf, second_weight = self._piece_numbers[entry[4]]
                    entries.append(((idf * count) ** 2, idf * count * weight,
                                    (second_idf * count) ** 2, second_idf * count * second_weight,
                                    entry[4]))
        squares = total = second_squares = second_total = 0.0
        if entries:
            columns = zip(*entries, strict=False)  # five to an entry: the first four summed
            squares, total = sum(next(columns)), sum(next(columns))
            second_squares, second_total = sum(next(columns)), sum(next(columns))
        share = total / math.sqrt(squares) if squares else 0.0
        second = second_total / math.sqrt(second_squares) if second_squares else 0.0
        return share + self.second_opinion_weight * second

    def _plan(self, length: int) -> _Plan:
        """How ``_both_shares`` cuts a padded word of this length: a function that cuts all
        its pieces at once, in ``word_pieces``' order (an ``itemgetter``), and how many of
        them are of the shortest size (they come first)."""
        cuts = _cuts(length, self.reader.piece_sizes)
        size = cuts[0].stop - cuts[0].start
        plan = (operator.itemgetter(*cuts) if len(cuts) > 1 else _one_cut(cuts[0]),
                sum(cut.stop - cut.start == size for cut in cuts))
        self._plans[length] = plan
        return plan

    def score(self, words: Sequence[str]) -> float:
        """How hostile the reply reads, 0 to 1."""
        return sigmoid(self.decision(words))

    def explain(self, words: Sequence[str], count: int = 3) -> ReplyScore:
        """The score and the words that pushed it up most."""
        return ReplyScore(self.score(words), self.strongest_words(words, count))

    def strongest_words(self, words: Sequence[str], count: int = 3,
                        terms: Terms | None = None) -> tuple[str, ...]:
        """The reply's words that pushed its score up most, strongest first; small words
        ("a", "the") count but are never named. ``terms``: as ``decided`` read these
        words, if at hand."""
        if not words:
            return ()
        second = self.second_opinion
        together = self._both_pieces is not None
        if terms is not None and terms.pairs is not None and together:
            per_word = self._parts_of_distinct_words(terms)
            second_per_word: dict[str, float] = {}
            together = False  # the pieces' shares are in
        elif terms is not None:
            per_word, second_per_word = self._parts_of_counted_terms(terms)
        elif self._both_terms is not None:
            per_word, second_per_word = self._term_parts_by_word(words)
        else:
            per_word = self.reader.parts_by_word(words, pieces=not together)
            second_per_word = (second.parts_by_word(words, pieces=not together)
                               if second is not None else {})
        for word, part in second_per_word.items():
            per_word[word] = per_word.get(word, 0.0) + self.second_opinion_weight * part
        if together:  # both readers' pieces, as kept per word by ``decision``
            scale = math.sqrt(len(words))
            for word, share in zip(words, map(self._word_share, words), strict=True):
                per_word[word] = per_word.get(word, 0.0) + share / scale
        if self.tone is not None:
            for word, part in self.tone.parts(words).items():
                per_word[word] = per_word.get(word, 0.0) + part
        strongest = sorted(((part, word) for word, part in per_word.items()
                            if part > 0.1 and word not in _NOT_NAMED
                            and (word.isalpha() or any(c.isalpha() for c in word))),
                           reverse=True)
        return tuple(word for _part, word in strongest[:count])

    def _parts_of_counted_terms(self, terms: Terms) -> tuple[dict[str, float], dict[str, float]]:
        """``_term_parts_by_word`` from the ``terms`` a decision read, both readers in one
        pass: each word's own part (from 0.0), then for each pair in turn, half its part
        to each of its two words, added in the same order, so the same floats."""
        squares, second_squares = terms.squares
        norm = math.sqrt(squares) if squares else 0.0
        second_norm = math.sqrt(second_squares) if second_squares else 0.0
        first: dict[str, float] = {}
        second: dict[str, float] = {}
        split = terms.split
        for term, entry in zip(terms.terms[:split], terms.entries[:split], strict=True):
            if entry is not None:
                if norm and entry[1]:
                    first[term] = 0.0 + entry[1] / norm / 1
                if second_norm and entry[3]:
                    second[term] = 0.0 + entry[3] / second_norm / 1
        for term, entry in zip(terms.terms[split:], terms.entries[split:], strict=True):
            if entry is not None and ((norm and entry[1]) or (second_norm and entry[3])):
                members = term.split(" ")
                for member in members:
                    if norm and entry[1]:
                        first[member] = first.get(member, 0.0) + entry[1] / norm / len(members)
                    if second_norm and entry[3]:
                        second[member] = (second.get(member, 0.0)
                                          + entry[3] / second_norm / len(members))
        return first, second

    def _parts_of_distinct_words(self, terms: Terms) -> dict[str, float]:
        """For a reply that repeats no word, what each word added to the sum without the
        tone, from the ``terms`` its decision read: what ``_term_parts_by_word`` and the
        pieces' shares give, added word by word in the same order (a word's own part, the
        pair before it, the pair after it; then the second opinion's; then its pieces'), so
        the same floats. A word's own part starts from 0.0 as ``_by_word``'s, and a part
        a word lacks counts 0.0 (adding 0.0 changes no sum that does not start as -0.0, and
        none does)."""
        words = terms.terms
        squares, second_squares = terms.squares
        first = _reader_parts_of_words(terms, squares, 1)
        other = _reader_parts_of_words(terms, second_squares, 3)
        weight = self.second_opinion_weight
        scale = math.sqrt(len(words))
        return {word: part + weight * second_part + share / scale for word, part, second_part,
                share in zip(words, first, other, map(self._word_share, words), strict=True)}

    def known_words(self) -> list[str]:
        """The single words the model's tables know (either reader's), in the tables' order:
        the words whose shares ``word_shares_block`` works out ahead."""
        if self._both_terms is not None:
            return [term for term in self._both_terms if " " not in term]
        known = dict.fromkeys(term for term in self.reader.words if " " not in term)
        if self.second_opinion is not None:
            known.update(dict.fromkeys(
                term for term in self.second_opinion.words if " " not in term))
        return list(known)

    def take_shares(self, document: dict[str, Any]) -> bool:
        """Keep the shares the file brings (``word_shares_block``) as if worked out here.

        A share is a word's alone, so the file can bring those of the words the model
        knows and a reply's common words cost one look-up on first sight. They are an
        aid to speed only, so anything doubtful means they are not taken (each share is
        then worked out when first needed) and replies are never scored by them:
        a block that cannot be read, shares whose digest does not match the pieces'
        tables they were worked out from and the words and shares themselves (a stale
        block after the tables changed, or an edit), a word listed twice, or a sample of
        them (every 512th, and the last) not equal to the bit to what this code works
        out (it would be if the way shares are added up had changed). Returns whether
        they were taken (``shares_taken`` says how many)."""
        block = document.get("word_shares")
        if not isinstance(block, dict):
            return _not_taken("the block cannot be read (not a table)")
        try:
            words, shares = _word_shares(block)
            matches = block["digest"] == _shares_digest(document, block)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            return _not_taken(f"the block cannot be read ({type(exc).__name__})")
        if not matches:
            return _not_taken("they do not belong to the tables (digest)")
        if len(words) != len(shares) or len(set(words)) != len(words):
            return _not_taken("the words and shares do not pair up")
        checked = {*range(0, len(words), 512), len(words) - 1} - {-1}
        worked_out = self._share_worked_out
        if any(worked_out(words[index]).hex() != shares[index].hex() for index in checked):
            return _not_taken("this code works them out differently")
        self._shares.update(zip(words, shares, strict=True))
        self.shares_taken = len(words)
        return True

    @classmethod
    def from_document(cls, data: dict[str, Any]) -> ReplyModel:
        thresholds = data["thresholds"]
        second = data.get("second_opinion")
        model = cls(reader=LinearReader.from_document(data),
                    second_opinion=LinearReader.from_document(second) if second else None,
                    second_opinion_weight=float(data.get("second_opinion_weight", 0.0)),
                    tone=Tone({str(k): float(v) for k, v in data["tone"]["valences"].items()},
                              data["tone"]["weights"]) if "tone" in data else None,
                    maybe_at=float(thresholds["maybe"]), review_at=float(thresholds["review"]),
                    about=str(data.get("about", "")))
        if "word_shares" in data:
            model.take_shares(data)
        return model

    @classmethod
    def from_file(cls, path: Path) -> ReplyModel:
        return cls.from_document(json.loads(gzip.decompress(path.read_bytes())))


# What a term met once adds to the first reader's sum of squares and sum, the same for the
# second reader, and the term's row in the merged table's numbers (as a float).
_Both = tuple[float, float, float, float, float]
_Record = tuple[float, "_Both | None", "float | None"]
_Plan = tuple[Callable[[str], tuple[str, ...]], int]


class Terms(NamedTuple):
    """A reply's words and pairs as ``word_counts`` counts them (each where it first comes),
    and each one's entry in the merged table of terms (None for a term it does not know;
    for a term met more than once, as ``_repeated`` works it out). For a reply that
    repeats no word: ``terms`` are its words and ``pairs`` its pairs, with their entries
    apart; otherwise ``terms`` holds them all and ``pairs`` is None. ``squares``: the sums
    of squares of the two readers (0.0 when no term is known)."""

    terms: Sequence[str]
    entries: Sequence[_Both | None]
    pairs: list[str] | None = None
    pair_entries: Sequence[_Both | None] = ()
    squares: tuple[float, float] = (0.0, 0.0)
    split: int = 0  # how many of ``terms`` are words (the pairs follow, when ``pairs`` is None)

    def all_terms(self) -> list[str]:
        return [*self.terms, *(self.pairs or ())]

    def all_entries(self) -> list[_Both | None]:
        return [*self.entries, *self.pair_entries]


def _reader_parts_of_words(terms: Terms, squares: float, column: int) -> list[float]:
    """For a reply that repeats no word, what each word added to one reader's sum (the
    merged table's ``column``: 1 the reader's, 3 the second opinion's): its own part,
    then half of the pair before it, then half of the pair after it, added in that order
    as ``_term_parts_by_word`` does; 0.0 for every word when the reader found nothing."""
    if not squares:
        return [0.0] * len(terms.terms)
    norm = math.sqrt(squares)
    own = [0.0 + entry[column] / norm / 1 if entry is not None and entry[column] else 0.0
           for entry in terms.entries]
    halves = [entry[column] / norm / 2 if entry is not None and entry[column] else 0.0
              for entry in terms.pair_entries]
    return [mine + before + after for mine, before, after
            in zip(own, [0.0, *halves], [*halves, 0.0], strict=True)]


def _one_cut(cut: slice) -> Callable[[str], tuple[str, ...]]:
    def one(text: str) -> tuple[str, ...]:
        return (text[cut],)
    return one


class _Columns(NamedTuple):
    """A reader's table as the file keeps it: the terms, their idf and weights."""

    terms: list[str]
    idf: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]


def _columns(entries: dict[str, str]) -> _Columns:
    """The table ``encode_table`` wrote, as columns (float64, each the float32 stored)."""
    import numpy as np  # here, so that importing the module stays quick

    terms = entries["terms"].split("\n")
    idf = np.frombuffer(base64.b64decode(entries["idf"]), dtype="<f4").astype(np.float64)
    weights = np.frombuffer(base64.b64decode(entries["weights"]), dtype="<f4").astype(np.float64)
    if not len(terms) == len(idf) == len(weights):
        raise ValueError("reply model: a table's terms and numbers do not match")
    return _Columns(terms, idf, weights)


def _merged(first: _Columns, second: _Columns, pieces: bool
            ) -> tuple[list[str], list[_Both], npt.NDArray[np.float64], bool]:
    """Two readers' tables as one: each term of either; for it, what the term met once adds
    to the first reader's sum of squares and sum, the same for the second reader, and its
    row; the numbers (idf, weight, second idf, second weight) by row, zeros for a reader
    that does not know the term (which add nothing); and whether a part is nothing exactly
    when its weight is.

    Worked out by numpy over whole columns, with the readers' very operations on the very
    doubles: ``share_of`` squares a piece's idf x 1 with ``**`` (``pow``, as numpy's
    ``power`` with an array of exponents calls it), ``terms_part`` multiplies a term's idf
    by itself; both multiply idf by the weight. So the same floats as the readers' loops.
    """
    import numpy as np

    place = dict(zip(first.terms, range(len(first.terms)), strict=False))
    found = np.fromiter(map(place.get, second.terms, itertools.repeat(-1)), dtype=np.int64,
                        count=len(second.terms))
    new = np.flatnonzero(found < 0)
    rows = found.copy()
    rows[new] = len(first.terms) + np.arange(len(new))
    terms = first.terms + [second.terms[index] for index in new.tolist()]
    numbers = np.zeros((len(terms), 4))
    numbers[:len(first.terms), 0] = first.idf
    numbers[:len(first.terms), 1] = first.weights
    numbers[rows, 2] = second.idf
    numbers[rows, 3] = second.weights
    entries = np.empty((len(terms), 5))
    parts_show_weights = True
    for idf, weight, column in ((0, 1, 0), (2, 3, 2)):
        values = numbers[:, idf]
        parts = values * numbers[:, weight]
        entries[:, column] = (np.power(values, np.full(len(values), 2.0)) if pieces
                              else values * values)
        entries[:, column + 1] = parts
        # a part (idf x weight) is nothing exactly when the weight is (true of TF-IDF, where
        # idf is 1 or more; checked all the same), so the part tells which terms weigh
        parts_show_weights &= bool(np.array_equal(parts != 0, numbers[:, weight] != 0))
    entries[:, 4] = np.arange(len(terms))
    # as records, so that numpy makes the tuples and their numbers row by row: each entry's
    # numbers lie side by side in memory, and a sum over a word's pieces reads them far
    # faster than numbers made column by column (and it is quicker than rows made as lists)
    records = entries.view(np.dtype([(f"part{index}", "<f8") for index in range(5)]))
    made: list[_Both] = records.reshape(-1).tolist()  # type: ignore[assignment]
    return terms, made, numbers, parts_show_weights


def _by_word(parts: list[tuple[str, float]], squares: float) -> dict[str, float]:
    """Each term's part over the length of the reply's vector, a pair's shared by its two
    words: as ``LinearReader.parts_by_word`` adds them up. The terms come as
    ``word_counts`` gives them: each word once, then the pairs."""
    if not squares:
        return {}
    norm = math.sqrt(squares)
    pairs_from = len(parts)
    for index, (term, _part) in enumerate(parts):
        if " " in term:
            pairs_from = index
            break
    # a word's own part is the first added to it: 0.0 + part / norm / 1, as the loop adds
    per_word = {term: 0.0 + part / norm / 1 for term, part in parts[:pairs_from]}
    for term, part in parts[pairs_from:]:
        members = term.split(" ")
        for member in members:
            per_word[member] = per_word.get(member, 0.0) + part / norm / len(members)
    return per_word


class _Numbers:
    """A merged table's numbers (idf, weight, second idf, second weight) by row, as Python
    floats, each row read out of numpy once, when a term first comes more than once."""

    def __init__(self, numbers: npt.NDArray[np.float64]) -> None:
        self._numbers = numbers
        self._rows: dict[float, tuple[float, float, float, float]] = {}

    def __getitem__(self, row: float) -> tuple[float, float, float, float]:
        found = self._rows.get(row)
        if found is None:
            idf, weight, second_idf, second_weight = self._numbers[int(row)].tolist()
            found = self._rows[row] = (idf, weight, second_idf, second_weight)
        return found


def _repeated(entry: _Both, count: int, numbers: _Numbers) -> _Both:
    """A merged table's entry for a term met ``count`` times (more than once): what it adds
    to each reader's sums, value = (1 + log count) x idf, as the readers work it out."""
    idf, weight, second_idf, second_weight = numbers[entry[4]]
    first = (1.0 + math.log(count)) * idf
    other = (1.0 + math.log(count)) * second_idf
    return (first * first, first * weight, other * other, other * second_weight, entry[4])


def _counted(items: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def word_shares_block(document: dict[str, Any]) -> dict[str, str]:
    """The shares of the words the document's model knows (``known_words``), worked out
    by the app's own code, as the file keeps them: the words one a line, the shares as
    little-endian 64-bit floats (base64), the very doubles, so a share read back is the
    share worked out; and a digest binding them to the tables they come from."""
    import numpy as np

    model = ReplyModel.from_document(
        {key: value for key, value in document.items() if key != "word_shares"})
    words = model.known_words()
    if any("\n" in word for word in words):
        raise ValueError("reply model: a word holds a line break")
    shares = list(map(model._share_worked_out, words))
    block = {"words": "\n".join(words),
             "shares": base64.b64encode(np.asarray(shares, dtype="<f8").tobytes()).decode("ascii")}
    block["digest"] = _shares_digest(document, block)
    return block


def _shares_digest(document: dict[str, Any], block: dict[str, str]) -> str:
    """SHA-256 of what the shares depend on (both readers' tables of pieces and sizes of
    pieces, the second opinion's weight) and of the words and shares: tables changed or
    shares edited after the block was written give another digest."""
    digest = hashlib.sha256()
    second = document.get("second_opinion") or {}
    parts = [*(str(reader.get("pieces", {}).get(key, "")) for reader in (document, second)
               for key in ("terms", "idf", "weights")),
             repr(document.get("piece_sizes")), repr(second.get("piece_sizes")),
             repr(document.get("second_opinion_weight")), block["words"], block["shares"]]
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _word_shares(block: dict[str, str]) -> tuple[list[str], list[float]]:
    """``word_shares_block``'s words and shares, read back."""
    import numpy as np

    words = block["words"].split("\n") if block["words"] else []
    shares: list[float] = np.frombuffer(base64.b64decode(block["shares"], validate=True),
                                        dtype="<f8").tolist()
    return words, shares


def _not_taken(why: str) -> bool:
    _log.warning("Reply model: the file's shares of words are not used (%s); each is "
                 "worked out when first needed, which is slower the first time", why)
    return False


def encode_table(terms: Sequence[str], idf: Sequence[float], weights: Sequence[float]
                 ) -> dict[str, str]:
    """A table as the file keeps it: the terms one a line, their idf and weights as
    little-endian 32-bit floats (base64), which reads ten times as fast as JSON numbers."""
    import numpy as np

    if any("\n" in term for term in terms) or not len(terms) == len(idf) == len(weights):
        raise ValueError("reply model: a term holds a line break, or the numbers do not match")

    def floats(values: Sequence[float]) -> str:
        return base64.b64encode(np.asarray(values, dtype="<f4").tobytes()).decode("ascii")

    return {"terms": "\n".join(terms), "idf": floats(idf), "weights": floats(weights)}


def _sizes(value: list[int]) -> tuple[int, int]:
    low, high = value
    return int(low), int(high)


def sigmoid(value: float) -> float:
    """A decision (log-odds) as a score between 0 and 1."""
    if value < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))


@functools.lru_cache(maxsize=1)
def load_reply_model(folder: Path | None = None) -> ReplyModel:
    """The shipped model, read on first use (off the UI thread) and kept."""
    return ReplyModel.from_file((folder or resources_dir() / "models") / MODEL_FILE)
