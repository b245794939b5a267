"""How long X will say a tweet is: twitter-text v3's weighted length, in pure Python.

X does not count characters. It NFC-normalises the text, then gives each character
a weight (code points up to U+10FF, so Latin, Greek, Cyrillic, Hebrew, Arabic and
Indic scripts, and common punctuation count 1; CJK and everything else 2), counts
every link as 23 whatever its length (links are shortened to t.co) and every
emoji, however many code points it is built from, as 2. A tweet may weigh at
most 280. The composer must agree with X exactly, or a post that looked
fine is refused (or a post that would fit is blocked), so this module follows the
published twitter-text v3 rules and is tested against its conformance cases.

We do not use the `twitter-text-parser` package: it imports `pkg_resources`, which
modern setuptools no longer ships. The list of emoji sequences comes from the
`emoji` package, imported on first use only, because the app imports this module
at start-up and `emoji` takes tens of milliseconds to load. The link patterns,
with some 1,400 top-level domains, are likewise compiled on first use.

Offsets given back (`TweetLength.urls`, `TweetLength.over_limit_from`) index the
Python string the caller passed (code points), not the normalised text and not
UTF-16 code units.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import NamedTuple

__all__ = ["MAX_WEIGHTED_LENGTH", "TweetLength", "parse_tweet", "weighted_length"]

MAX_WEIGHTED_LENGTH = 280
"""The most a tweet may weigh (twitter-text v3 `maxWeightedTweetLength`)."""

# The rest of twitter-text's config v3. Weights are in hundredths of a character
# (`scale`), exactly as the config states them, so nothing is rounded on the way.
_SCALE = 100
_DEFAULT_WEIGHT = 200
_TRANSFORMED_URL_LENGTH = 23
_WEIGHTED_RANGES: tuple[tuple[int, int, int], ...] = (
    (0, 4351, 100),
    (8192, 8205, 100),
    (8208, 8223, 100),
    (8242, 8247, 100),
)
_EMOJI_WEIGHT = _DEFAULT_WEIGHT

# twitter-text refuses any tweet containing these, wherever they are.
_INVALID_CHARACTERS = ("\ufffe", "\ufeff", "\uffff")

# No emoji is made only of code points below U+203C except the bare © and ®, so
# text without such a code point need not be handed to the (slow) emoji scanner.
_FIRST_EMOJI_CODE_POINT = "\u203c"
# twitter-text's emoji pattern (from twemoji) only takes © and ® as emoji when
# they carry the emoji variation selector U+FE0F; bare, they are ordinary
# characters of weight 1, as in "© St Peter's School". `emoji` lists them bare.
_TEXT_STYLE_SYMBOLS = frozenset({"\u00a9", "\u00ae"})


class TweetLength(NamedTuple):
    """X's verdict on a tweet's length, with what the composer needs to show it.

    `urls` holds (start, end) offsets into the caller's string of every link that
    counts as 23; `over_limit_from` is the offset of the first character (or link,
    or emoji) that takes the tweet past 280, so the composer can highlight the part
    that will not fit, or None when everything fits.
    """

    weighted_length: int
    valid: bool
    permillage: int
    remaining: int
    urls: list[tuple[int, int]]
    over_limit_from: int | None


def weighted_length(text: str) -> int:
    """Return the length X gives `text` (twitter-text v3 `weightedLength`)."""
    return _measure(unicodedata.normalize("NFC", text)).weight // _SCALE


def parse_tweet(text: str) -> TweetLength:
    """Measure `text` as X will, like twitter-text v3's `parseTweet`.

    `valid` is True when the normalised text is not empty, weighs at most 280 and
    has none of the characters twitter-text refuses (U+FFFE, U+FEFF, U+FFFF).
    """
    normalised, to_original = _normalise(text)
    measured = _measure(normalised)
    length = measured.weight // _SCALE
    has_invalid = any(character in normalised for character in _INVALID_CHARACTERS)
    overflow = measured.over_limit_from
    return TweetLength(
        weighted_length=length,
        valid=0 < length <= MAX_WEIGHTED_LENGTH and not has_invalid,
        permillage=_permillage(length),
        remaining=MAX_WEIGHTED_LENGTH - length,
        urls=[(to_original[start], to_original[end]) for start, end in measured.urls],
        over_limit_from=None if overflow is None else to_original[overflow],
    )


def _permillage(length: int) -> int:
    """Thousandths of the limit used, computed in floating point like twitter-text.

    Integer arithmetic would be "more correct" but disagrees with twitter-text's
    reference parseTweet for some lengths above 2260, e.g. 2261.
    """
    return math.floor(length / MAX_WEIGHTED_LENGTH * 1000)


# --- Weighing ----------------------------------------------------------------


class _Measurement(NamedTuple):
    """The weight of normalised text and where, in it, links and overflow are."""

    weight: int
    urls: list[tuple[int, int]]
    over_limit_from: int | None


def _measure(text: str) -> _Measurement:
    """Walk normalised `text` adding weights, as twitter-text's parseTweet does.

    A link or an emoji is one unit of fixed weight; anything else is weighed one
    code point at a time. A link wins over an emoji starting at the same place.
    """
    urls = _extract_url_spans(text)
    units = {start: (end, _EMOJI_WEIGHT) for start, end in _emoji_spans(text)}
    units.update({start: (end, _TRANSFORMED_URL_LENGTH * _SCALE) for start, end in urls})
    limit = MAX_WEIGHTED_LENGTH * _SCALE
    weight = 0
    over_limit_from: int | None = None
    index = 0
    while index < len(text):
        unit = units.get(index)
        if unit is None:
            end, unit_weight = index + 1, _character_weight(text[index])
        else:
            end, unit_weight = unit
        weight += unit_weight
        if over_limit_from is None and weight > limit:
            over_limit_from = index
        index = end
    return _Measurement(weight, urls, over_limit_from)


def _character_weight(character: str) -> int:
    """The config-v3 weight of one code point, in hundredths of a character.

    twitter-text weighs UTF-16 code units, but every range with a lower weight
    lies in the Basic Multilingual Plane, so weighing code points agrees.
    """
    code_point = ord(character)
    for start, end, weight in _WEIGHTED_RANGES:
        if start <= code_point <= end:
            return weight
    return _DEFAULT_WEIGHT


def _emoji_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every emoji, taking the longest known sequence at each place.

    Longest first, as twitter-text's emoji pattern does, so that a ZWJ family,
    a skin tone, a flag or a keycap is one emoji. The `emoji` package's own
    `emoji_list` is not used: it splits a family that is followed by a stray
    zero-width joiner (left behind when the last member is deleted) into its
    members, and finds nothing at all in "❤️" followed by one.
    """
    if not text or max(text) < _FIRST_EMOJI_CODE_POINT:
        return []
    sequences, prefixes = _emoji_table()
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        end = _emoji_end(text, index, sequences, prefixes)
        if end is None:
            index += 1
        else:
            spans.append((index, end))
            index = end
    return spans


def _emoji_end(
    text: str, start: int, sequences: frozenset[str], prefixes: frozenset[str]
) -> int | None:
    """End of the longest known emoji sequence at `start`, or None if there is none."""
    longest = None
    end = start + 1
    while end <= len(text):
        candidate = text[start:end]
        if candidate in sequences:
            longest = end
        if candidate not in prefixes:
            break
        end += 1
    return longest


@functools.cache
def _emoji_table() -> tuple[frozenset[str], frozenset[str]]:
    """Every known emoji sequence, and every proper prefix of one; built once."""
    import emoji  # here, not at the top: loading it costs start-up time

    sequences = frozenset(emoji.EMOJI_DATA) - _TEXT_STYLE_SYMBOLS
    prefixes = frozenset(
        sequence[:length] for sequence in sequences for length in range(1, len(sequence))
    )
    return sequences, prefixes


# --- Mapping offsets back through NFC ----------------------------------------


def _normalise(text: str) -> tuple[str, list[int]]:
    """NFC-normalise `text`; map every offset in the result back into `text`.

    The map has one entry per normalised offset plus one for the end. Text typed
    on a keyboard is almost always NFC already, and then the map is the identity;
    decomposed text (pasted from PDFs or macOS file names) is normalised in small
    independent runs so that offsets still land in the right place.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    pieces: list[str] = []
    to_original: list[int] = []
    for start, end in _independent_runs(text):
        piece = unicodedata.normalize("NFC", text[start:end])
        pieces.append(piece)
        # An offset inside a recomposed run maps to the run's start, so a
        # highlight never splits what the reader sees as one character.
        to_original.extend([start] * len(piece))
    to_original.append(len(text))
    normalised = "".join(pieces)
    expected = unicodedata.normalize("NFC", text)
    if normalised != expected:  # pragma: no cover - a safety net, not expected
        return expected, [min(offset, len(text)) for offset in range(len(expected) + 1)]
    return normalised, to_original


def _independent_runs(text: str) -> list[tuple[int, int]]:
    """Split `text` into (start, end) runs that NFC-normalise on their own.

    Runs start at characters of combining class 0; a run is merged into the one
    before when normalising them together differs from normalising them apart
    (Hangul jamo, some Indic vowel signs).
    """
    starts = [0, *(i for i in range(1, len(text)) if unicodedata.combining(text[i]) == 0)]
    runs: list[tuple[int, int]] = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        if runs and not _normalises_apart(text, runs[-1][0], start, end):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _normalises_apart(text: str, left: int, middle: int, right: int) -> bool:
    """True if NFC of text[left:right] is NFC of its two halves, joined."""
    whole = unicodedata.normalize("NFC", text[left:right])
    first = unicodedata.normalize("NFC", text[left:middle])
    return whole == first + unicodedata.normalize("NFC", text[middle:right])


# --- Finding links -----------------------------------------------------------
#
# X counts what twitter-text's extractUrlsWithIndices finds, so these are its
# rules, not RFC 3986: a link is an optional http:// or https://, a domain that
# ends in a known top-level domain, then an optional port, path and query.
# Without a protocol only the ASCII part of a domain makes a link. Userinfo
# ("user:pass@") and IP addresses do not make links for twitter-text, so they
# are not counted as 23 here either.

_MAX_URL_LENGTH = 4096
_MAX_DOMAIN_LABEL_LENGTH = 63
_MAX_TCO_SLUG_LENGTH = 40
_DEFAULT_PROTOCOL = "https://"

# Character classes, as regular-expression source. twitter-text's punctuation
# list leaves out the double quote and the backtick, so those count as domain
# characters there, and so they do here.
_PUNCTUATION = r"!#$%&'()*+,\-./:;<=>?@\[\\\]^_{|}~"
_SPACES = r"\x09-\x0d\x20\x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_INVALID = r"\ufffe\ufeff\uffff"
_DIRECTIONAL_MARKERS = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CYRILLIC = r"\u0400-\u04ff"
_LATIN_ACCENTS = (
    r"\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    r"\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)

# A link may not follow a letter, digit, @, $ or # (so e-mail addresses,
# @mentions, $cashtags and #hashtags hold no links), nor a refused character.
# The character before is part of the match, as in twitter-text, so that one
# link cannot begin inside the end of another.
_BEFORE = rf"(?:(?P<before>[^a-z0-9@＠$#＃{_INVALID}])|^)"
# Domains may be in any script: only punctuation, spaces and the like are out.
_DOMAIN_CHAR = rf"[^{_PUNCTUATION}{_SPACES}{_INVALID}{_DIRECTIONAL_MARKERS}]"
# Labels and the number of labels are bounded (63 characters, 127 labels, as DNS
# allows): unbounded, a long run such as "a.a.a.a..." pasted into the composer
# makes the pattern backtrack quadratically and freezes the window for seconds.
_SUBDOMAIN = rf"(?:(?:{_DOMAIN_CHAR}(?:[_\-]|{_DOMAIN_CHAR}){{0,61}})?{_DOMAIN_CHAR}\.)"
_DOMAIN_NAME = rf"(?:(?:{_DOMAIN_CHAR}(?:-|{_DOMAIN_CHAR}){{0,61}})?{_DOMAIN_CHAR}\.)"
# A top-level domain must not run on into more letters, digits, @, + or -.
_TLD_END = r"(?=[^0-9a-z@+\-]|$)"
_PUNYCODE_TLD = r"(?:xn--[\-0-9a-z]+)"
_PATH_CHAR = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
_BALANCED_PARENS = rf"(?:\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*))\))"
# A path may not end in punctuation such as . , ! ? or : (the end of a sentence).
_PATH_END = rf"(?:[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|{_BALANCED_PARENS})"
_PATH_SEGMENT = (
    rf"(?:(?:{_PATH_CHAR}*(?:{_BALANCED_PARENS}{_PATH_CHAR}*)*{_PATH_END})"
    rf"|(?:@{_PATH_CHAR}+/))"
)
_QUERY_CHAR = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
_QUERY_END = r"[a-z0-9\-_&=#/]"
_QUERY = rf"(?:\?{_QUERY_CHAR}*{_QUERY_END})"
# Label separators that punycode encoders treat like the ASCII full stop.
_FULL_STOPS = str.maketrans("\u3002\uff0e\uff61", "...")


class _UrlPatterns(NamedTuple):
    """The compiled link patterns: about 1,400 top-level domains, so built once."""

    url: re.Pattern[str]
    ascii_domain: re.Pattern[str]
    tco_url: re.Pattern[str]


@functools.cache
def _url_patterns() -> _UrlPatterns:
    """Compile the link patterns on first use rather than at import."""
    any_tld = _tld_pattern(_TOP_LEVEL_DOMAINS)
    domain = rf"(?:{_SUBDOMAIN}{{0,126}}{_DOMAIN_NAME}(?:{any_tld}|{_PUNYCODE_TLD}))"
    url = (
        rf"{_BEFORE}(?P<url>(?P<protocol>https?://)?(?P<domain>{domain})"
        rf"(?::[0-9]+)?(?P<path>/{_PATH_SEGMENT}*)?{_QUERY}?)"
    )
    ascii_domain = rf"(?:[\-a-z0-9{_LATIN_ACCENTS}]+\.)+(?:{any_tld}|{_PUNYCODE_TLD})"
    return _UrlPatterns(
        url=re.compile(url, re.IGNORECASE),
        ascii_domain=re.compile(ascii_domain, re.IGNORECASE),
        tco_url=re.compile(rf"https?://t\.co/([a-z0-9]+){_QUERY}?", re.IGNORECASE),
    )


def _tld_pattern(words: str) -> str:
    """Match any of the whitespace-separated top-level domains in `words`.

    They are grouped by first character: in one flat alternation of 1,400 words
    the regex engine tries every word in turn (with IGNORECASE it cannot skip
    on the first letter), while grouped, most are ruled out at once. Longer
    words go first, so that of 嘉里 and 嘉里大酒店 the longer wins, as in twitter-text.
    """
    endings: dict[str, list[str]] = {}
    for word in sorted(words.split(), key=len, reverse=True):
        endings.setdefault(word[0], []).append(re.escape(word[1:]))
    groups = [f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in endings.items()]
    return f"(?:(?:{'|'.join(groups)}){_TLD_END})"


def _extract_url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every link in normalised `text` that X counts as 23."""
    if "." not in text:  # every link has a dot in its domain
        return []
    patterns = _url_patterns()
    spans: list[tuple[int, int]] = []
    for match in patterns.url.finditer(text):
        if not _is_valid_url(match, patterns):
            continue
        if match["protocol"]:
            spans.extend(_protocol_url_spans(match, patterns))
        else:
            spans.extend(_protocol_less_url_spans(match, patterns))
    return spans


def _protocol_url_spans(match: re.Match[str], patterns: _UrlPatterns) -> list[tuple[int, int]]:
    """The span of a link written with http(s)://.

    A t.co link ends after its slug and query (t.co links have no other path),
    and one with an implausibly long slug is not a link at all.
    """
    start, end = match.span("url")
    tco = patterns.tco_url.match(match["url"])
    if tco is None:
        return [(start, end)]
    if len(tco[1]) > _MAX_TCO_SLUG_LENGTH:
        return []
    return [(start, start + tco.end())]


def _protocol_less_url_spans(match: re.Match[str], patterns: _UrlPatterns) -> list[tuple[int, int]]:
    """The spans of links written without a protocol, such as stpeters.sch.uk/news.

    Only ASCII domains count (a non-ASCII one needs http(s)://), so the matched
    domain is searched for ASCII domains, and the path, if any, goes with the
    last. None straight after - _ . or / (as in "ftp://" or a file path).
    """
    if match["before"] and match["before"] in "-_./":
        return []
    start, end = match.span("url")
    spans = [
        (start + found.start(), start + found.end())
        for found in patterns.ascii_domain.finditer(match["domain"])
    ]
    if spans and match["path"] is not None:
        spans[-1] = (spans[-1][0], end)
    return spans


def _is_valid_url(match: re.Match[str], patterns: _UrlPatterns) -> bool:
    """twitter-text's checks that the matched domain can exist in the DNS.

    Every label must be 1 to 63 characters once punycode-encoded; a domain
    written as punycode must be ASCII; and the link, with a protocol, must fit
    in 4096 characters.
    """
    domain = match["domain"]
    if domain.startswith("xn--") and patterns.ascii_domain.search(domain) is None:
        return False
    for label in domain.split("."):
        encoded = _punycode_label(label)
        if encoded is None or not 1 <= len(encoded) <= _MAX_DOMAIN_LABEL_LENGTH:
            return False
    protocol = match["protocol"] or _DEFAULT_PROTOCOL
    return len(protocol) + len(match["url"]) <= _MAX_URL_LENGTH


def _punycode_label(label: str) -> str | None:
    """One domain label in its DNS (ASCII) form, or None if it has none.

    Like the punycode encoders twitter-text uses, an ideographic full stop
    inside the label separates labels there too.
    """
    parts = label.translate(_FULL_STOPS).split(".")
    try:
        return ".".join(part if part.isascii() else "xn--" + _punycode(part) for part in parts)
    except UnicodeError:  # e.g. a lone surrogate
        return None


def _punycode(part: str) -> str:
    """Punycode (RFC 3492) encoding of one non-ASCII label, without the xn-- prefix."""
    return part.encode("punycode").decode("ascii")


# --- Top-level domains ---------------------------------------------------------
#
# Every top-level domain in the IANA root zone (list version 2026051600): all
# country codes, including the internationalised ones such as پاکستان, and all
# generic ones such as .school and .london, the internationalised ones in their
# Unicode form (their xn-- form is matched by _PUNYCODE_TLD).

_TOP_LEVEL_DOMAINS = """
aaa aarp abb abbott abbvie abc able abogado abudhabi ac academy accenture accountant
accountants aco actor ad ads adult ae aeg aero aetna af afl africa ag agakhan agency ai aig
airbus airforce airtel akdn al alibaba alipay allfinanz allstate ally alsace alstom am
amazon americanexpress americanfamily amex amfam amica amsterdam analytics android anquan
anz ao aol apartments app apple aq aquarelle ar arab aramco archi army arpa art arte as asda
asia associates at athleta attorney au auction audi audible audio auspost author auto autos
aw aws ax axa az azure ba baby baidu banamex band bank bar barcelona barclaycard barclays
barefoot bargains baseball basketball bauhaus bayern bb bbc bbt bbva bcg bcn bd be beats
beauty beer berlin best bestbuy bet bf bg bh bharti bi bible bid bike bing bingo bio biz bj
black blackfriday blockbuster blog bloomberg blue bm bms bmw bn bnpparibas bo boats
boehringer bofa bom bond boo book booking bosch bostik boston bot boutique box br bradesco
bridgestone broadway broker brother brussels bs bt build builders business buy buzz bv bw by
bz bzh ca cab cafe cal call calvinklein cam camera camp canon capetown capital capitalone
car caravan cards care career careers cars casa case cash casino cat catering catholic cba
cbn cbre cc cd center ceo cern cf cfa cfd cg ch chanel channel charity chase chat cheap
chintai christmas chrome church ci cipriani circle cisco citadel citi citic city ck cl
claims cleaning click clinic clinique clothing cloud club clubmed cm cn co coach codes
coffee college cologne com commbank community company compare computer comsec condos
construction consulting contact contractors cooking cool coop corsica country coupon coupons
courses cpa cr credit creditcard creditunion cricket crown crs cruise cruises cu cuisinella
cv cw cx cy cymru cyou cz dad dance data date dating datsun day dclk dds de deal dealer
deals degree delivery dell deloitte delta democrat dental dentist desi design dev dhl
diamonds diet digital direct directory discount discover dish diy dj dk dm dnp do docs
doctor dog domains dot download drive dtv dubai dupont durban dvag dvr dz earth eat ec eco
edeka edu education ee eg email emerck energy engineer engineering enterprises epson
equipment er ericsson erni es esq estate et eu eurovision eus events exchange expert exposed
express extraspace fage fail fairwinds faith family fan fans farm farmers fashion fast fedex
feedback ferrari ferrero fi fidelity fido film final finance financial fire firestone
firmdale fish fishing fit fitness fj fk flickr flights flir florist flowers fly fm fo foo
food football ford forex forsale forum foundation fox fr free fresenius frl frogans frontier
ftr fujitsu fun fund furniture futbol fyi ga gal gallery gallo gallup game games gap garden
gay gb gbiz gd gdn ge gea gent genting george gf gg ggee gh gi gift gifts gives giving gl
glass gle global globo gm gmail gmbh gmo gmx gn godaddy gold goldpoint golf goodyear goog
google gop got gov gp gq gr grainger graphics gratis green gripe grocery group gs gt gu
gucci guge guide guitars guru gw gy hair hamburg hangout haus hbo hdfc hdfcbank health
healthcare help helsinki here hermes hiphop hisamitsu hitachi hiv hk hkt hm hn hockey
holdings holiday homedepot homegoods homes homesense honda horse hospital host hosting hot
hotels hotmail house how hr hsbc ht hu hughes hyatt hyundai ibm icbc ice icu id ie ieee ifm
ikano il im imamat imdb immo immobilien in inc industries infiniti info ing ink institute
insurance insure int international intuit investments io ipiranga iq ir irish is ismaili ist
istanbul it itau itv jaguar java jcb je jeep jetzt jewelry jio jll jm jmp jnj jo jobs joburg
jot joy jp jpmorgan jprs juegos juniper kaufen kddi ke kerryhotels kerryproperties kfh kg kh
ki kia kids kim kindle kitchen kiwi km kn koeln komatsu kosher kp kpmg kpn kr krd kred
kuokgroup kw ky kyoto kz la lacaixa lamborghini lamer land landrover lanxess lasalle lat
latino latrobe law lawyer lb lc lds lease leclerc lefrak legal lego lexus lgbt li lidl life
lifeinsurance lifestyle lighting like lilly limited limo lincoln link live living lk llc llp
loan loans locker locus lol london lotte lotto love lpl lplfinancial lr ls lt ltd ltda lu
lundbeck luxe luxury lv ly ma madrid maif maison makeup man management mango map market
marketing markets marriott marshalls mattel mba mc mckinsey md me med media meet melbourne
meme memorial men menu merck merckmsd mg mh miami microsoft mil mini mint mit mitsubishi mk
ml mlb mls mm mma mn mo mobi mobile moda moe moi mom monash money monster mormon mortgage
moscow moto motorcycles mov movie mp mq mr ms msd mt mtn mtr mu museum music mv mw mx my mz
na nab nagoya name navy nba nc ne nec net netbank netflix network neustar new news next
nextdirect nexus nf nfl ng ngo nhk ni nico nike nikon ninja nissan nissay nl no nokia norton
now nowruz nowtv np nr nra nrw ntt nu nyc nz obi observer office okinawa olayan olayangroup
ollo om omega one ong onl online ooo open oracle orange org organic origins osaka otsuka ott
ovh pa page panasonic paris pars partners parts party pay pccw pe pet pf pfizer pg ph
pharmacy phd philips phone photo photography photos physio pics pictet pictures pid pin ping
pink pioneer pizza pk pl place play playstation plumbing plus pm pn pnc pohl poker politie
porn post pr praxi press prime pro prod productions prof progressive promo properties
property protection pru prudential ps pt pub pw pwc py qa qpon quebec quest racing radio re
read realestate realtor realty recipes red redumbrella rehab reise reisen reit reliance ren
rent rentals repair report republican rest restaurant review reviews rexroth rich richardli
ricoh ril rio rip ro rocks rodeo rogers room rs rsvp ru rugby ruhr run rw rwe ryukyu sa
saarland safe safety sakura sale salon samsclub samsung sandvik sandvikcoromant sanofi sap
sarl sas save saxo sb sbi sbs sc scb schaeffler schmidt scholarships school schule schwarz
science scot sd se search seat secure security seek select sener services seven sew sex sexy
sfr sg sh shangrila sharp shell shia shiksha shoes shop shopping shouji show si silk sina
singles site sj sk ski skin sky skype sl sling sm smart smile sn sncf so soccer social
softbank software sohu solar solutions song sony soy spa space sport spot sr srl ss st stada
staples star statebank statefarm stc stcgroup stockholm storage store stream studio study
style su sucks supplies supply support surf surgery suzuki sv swatch swiss sx sy sydney
systems sz tab taipei talk taobao target tatamotors tatar tattoo tax taxi tc tci td tdk team
tech technology tel temasek tennis teva tf tg th thd theater theatre tiaa tickets tienda
tips tires tirol tj tjmaxx tjx tk tkmaxx tl tm tmall tn to today tokyo tools top toray
toshiba total tours town toyota toys tr trade trading training travel travelers
travelersinsurance trust trv tt tube tui tunes tushu tv tvs tw tz ua ubank ubs ug uk unicom
university uno uol ups us uy uz va vacations vana vanguard vc ve vegas ventures verisign
versicherung vet vg vi viajes video vig viking villas vin vip virgin visa vision viva vivo
vlaanderen vn vodka volvo vote voting voto voyage vu wales walmart walter wang wanggou watch
watches weather weatherchannel webcam weber website wed wedding weibo weir wf whoswho wien
wiki williamhill win windows wine winners wme woodside work works world wow ws wtc wtf xbox
xerox xihuan xin xxx xyz yachts yahoo yamaxun yandex ye yodobashi yoga yokohama you youtube
yt yun za zappos zara zero zip zm zone zuerich zw vermögensberater vermögensberatung ελ ευ
бг бел дети ею католик ком мкд мон москва онлайн орг рус рф сайт срб укр қаз հայ ישראל קום
ابوظبي ارامكو الاردن البحرين الجزائر السعودية العليان المغرب امارات ایران بارت بازار بيتك
بھارت تونس سودان سورية شبكة عراق عرب عمان فلسطين قطر كاثوليك كوم مصر مليسيا موريتانيا موقع
همراه پاکستان ڀارت कॉम नेट भारत भारतम् भारोत संगठन বাংলা ভারত ভাৰত ਭਾਰਤ ભારત ଭାରତ இந்தியா
இலங்கை சிங்கப்பூர் భారత్ ಭಾರತ ഭാരതം ලංකා คอม ไทย ລາວ გე みんな アマゾン クラウド グーグル
コム ストア セール ファッション ポイント 世界 中信 中国 中國 中文网 亚马逊 企业 佛山 信息
健康 八卦 公司 公益 台湾 台灣 商城 商店 商标 嘉里 嘉里大酒店 在线 大拿 天主教 娱乐 家電 广东
微博 慈善 我爱你 手机 招聘 政务 政府 新加坡 新闻 时尚 書籍 机构 淡马锡 游戏 澳門 点看 移动
组织机构 网址 网店 网站 网络 联通 谷歌 购物 通販 集团 電訊盈科 飞利浦 食品 餐厅 香格里拉
香港 닷넷 닷컴 삼성 한국
"""
