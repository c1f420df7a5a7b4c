"""Every pattern cleanarticle matches text against, compiled once, grouped and named.

All patterns use the ``regex`` module (Unicode properties, full case folding) and are
multilingual: English, German, French, Spanish, Italian, Portuguese, Dutch and Polish
at least.  Passes never compile patterns of their own; they import them from here.

Patterns that run on page text are either anchored to short lines or linear, and
``search``/``match``/``fullmatch`` below add the ``regex`` module's timeout, so a hostile page
cannot make a pattern backtrack for long.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import accumulate, chain, repeat
from operator import getitem
from typing import Any

import regex

from . import pattern_cache

# Simple case folding (version 0): full folding (ß = ss) compiles the large alternations ~3x slower,
# and no phrase here needs it.
_I = regex.IGNORECASE
_DEFAULT_TIMEOUT = 0.5

# The monotonic time at which the current document's time budget runs out (None: no budget).
# ``pipeline.clean`` sets it; ``search``/``match``/``fullmatch`` never run a pattern past it.
_DEADLINE: ContextVar[float | None] = ContextVar("cleanarticle_deadline", default=None)
_now = time.monotonic


@contextmanager
def deadline(at: float | None) -> Iterator[None]:
    """Within this block, no pattern started by ``search``/``fullmatch`` runs past ``at`` (``time.monotonic``)."""
    token = _DEADLINE.set(at)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def _time_left(timeout: float) -> float:
    """``timeout``, cut to what is left of the current document's time budget (never below 0)."""
    at = _DEADLINE.get()
    if at is not None:
        left = at - _now()
        if left < timeout:
            return left if left > 0.0 else 0.0
    return timeout


# (``search``, ``match`` and ``fullmatch`` each call the pattern themselves: a page makes a hundred
# or more of these calls, and a shared helper around the call cost each two more Python calls.)
#
# A text of at most UNTIMED_CHARS characters is matched without the ``regex`` module's time limit, while
# the page has time left: the limit reads the process's CPU clock before and after the match, two system
# calls that cost ~2 µs a call on this virtual machine (a match of a short line takes ~1 µs; callgrind
# does not count the time), and ~90% of the calls are on such lines.  No pattern here runs long on so
# short a text (the super-linear ones need runs of hundreds of characters: README, Robustness).
UNTIMED_CHARS = 100


def search_or_raise(pattern: regex.Pattern[str], text: str, timeout: float = _DEFAULT_TIMEOUT) -> regex.Match[str] | None:
    """``search`` that raises ``TimeoutError`` when out of time: for callers that remember answers."""
    if len(text) <= UNTIMED_CHARS and ((at := _DEADLINE.get()) is None or _now() < at):
        return pattern.search(text)
    return pattern.search(text, timeout=_time_left(timeout))


def search(pattern: regex.Pattern[str], text: str, timeout: float = _DEFAULT_TIMEOUT) -> regex.Match[str] | None:
    """``pattern.search`` with a time limit (on a text longer than UNTIMED_CHARS); a pattern that runs out counts as no match."""
    if len(text) <= UNTIMED_CHARS and ((at := _DEADLINE.get()) is None or _now() < at):
        return pattern.search(text)
    try:
        return pattern.search(text, timeout=_time_left(timeout))
    except TimeoutError:
        return None


def match(pattern: regex.Pattern[str], text: str, timeout: float = _DEFAULT_TIMEOUT) -> regex.Match[str] | None:
    """``pattern.match`` (anchored at the start) with a time limit; use it for patterns that begin with ``^``."""
    if len(text) <= UNTIMED_CHARS and ((at := _DEADLINE.get()) is None or _now() < at):
        return pattern.match(text)
    try:
        return pattern.match(text, timeout=_time_left(timeout))
    except TimeoutError:
        return None


def fullmatch(pattern: regex.Pattern[str], text: str, timeout: float = _DEFAULT_TIMEOUT) -> regex.Match[str] | None:
    """``pattern.fullmatch`` with a time limit (on a text longer than UNTIMED_CHARS); a pattern that runs out counts as no match."""
    if len(text) <= UNTIMED_CHARS and ((at := _DEADLINE.get()) is None or _now() < at):
        return pattern.fullmatch(text)
    try:
        return pattern.fullmatch(text, timeout=_time_left(timeout))
    except TimeoutError:
        return None


def lowers_as_matched(text: str) -> bool:
    """True when each letter of ``text.lower()`` is the letter a pattern ignoring case matches in ``text``, at the
    same place: so for all but "İ" (lower-cased "i̇", two characters, where the pattern matches an "i") and
    "ſ" (lower-cased itself, where the pattern matches an "s").  The exact gates that test a lower-cased line
    for the words a pattern needs leave a line holding either to the whole pattern.
    """
    return "İ" not in text and "ſ" not in text


def contains_any(text: str, keywords: tuple[str, ...]) -> bool:
    """True when lower-cased ``text`` contains one of ``keywords`` (lower case): the cheap gate before a pattern.

    (``Document.blocks_containing`` answers the same question for every block of a page at once.)
    """
    low = text.lower()
    return any(map(low.__contains__, keywords))


class LazyPattern:
    """A pattern compiled on its first use, with the methods of a compiled ``regex`` pattern.

    The ``regex`` module compiles in Python, ~2 µs a pattern character: milliseconds
    for a large case-insensitive alternation (the prompt phrases, the month names).
    Every pattern of cleanarticle is a LazyPattern, so ``import cleanarticle`` compiles
    none, and a page pays only for the patterns its text reaches (a text dump never
    compiles the HTML class hints).  The first method call compiles the pattern (or
    rebuilds it from the compiled form an earlier run kept: ``pattern_cache``) and
    stores the compiled pattern's methods in the slots, so later calls cost what a
    compiled pattern's do.

    ``lists`` are the pattern's named lists (``\\L<name>``: one of the strings, longest first).
    A list of words compiles somewhat faster than the same words written as an alternation,
    which the ``regex`` module parses character by character (a little: it still builds an
    object per character of every word, the bulk of the cost).
    """

    __slots__ = ("pattern", "flags", "lists", "search", "match", "fullmatch", "finditer", "findall", "split", "sub")

    def __init__(self, pattern: str, flags: int = 0, **lists: list[str]):
        self.pattern, self.flags, self.lists = pattern, flags, lists

    def __getattr__(self, name: str) -> Any:  # only reached while the method slots are empty
        if name not in LazyPattern.__slots__[3:]:
            raise AttributeError(name)
        compiled = pattern_cache.compile_pattern(self.pattern, self.flags, self.lists)
        for method in LazyPattern.__slots__[3:]:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


# Patterns called without a timeout on page text of any length are linear in the text's length
# (any pattern runs untimed on a text of at most UNTIMED_CHARS: see ``search``):
#   WORD, CJK, WHITESPACE, HAS_LETTER, HAS_UPPER, NOT_IN_NAMES (findall/sub/search over one character class run);
#   ENDS_SENTENCE, ENDS_ELLIPSIS (the start and the continuation characters are disjoint,
#   so every character is scanned from at most one start); LIST_MARKER (anchored at 0);
#   TITLE_SEPARATOR, NAME_LIST_SPLIT (a whitespace run is entered only at its first
#   character, ``(?<!\s)``, so it is scanned once, not once per start position);
#   PROMPT_LINE uses possessive quantifiers, so its tail is not retried split by split.
# ``benchmarks/robustness.py`` measures every pattern on hostile texts of 10**5 characters and
# of ~UNTIMED_CHARS (the README's Robustness section has the figures).


# ---------------------------------------------------------------- words and function words
WORD = LazyPattern(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*")
CJK = LazyPattern(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def norm_words(text: str) -> str:
    """``text`` reduced to its case-folded words (``WORD``), joined by single spaces: for comparing titles.

    Most texts compared (titles, their parts, headline-like lines) are ASCII without an apostrophe
    once case-folded; there WORD's words are the runs of letters and digits, which ``translate``
    and ``split`` find in C (~1 µs), where ``findall`` of WORD reads each character's Unicode
    properties (~7 µs for a 50-character title).  The same words (tested).
    """
    folded = text.casefold()
    if folded.isascii() and "'" not in folded:
        return " ".join(folded.translate(_ASCII_NOT_ALNUM).split())
    return " ".join(WORD.findall(folded))


# Every ASCII character but a letter or a digit, as a space (``norm_words``).
_ASCII_NOT_ALNUM = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
WHITESPACE = LazyPattern(r"\s+")

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""a an the and or but of to in on at by for with from as is are was were be been being
        it its this that these those he she they we you i his her their our your not no so if than then there
        which who whom what when where why how all any some more most such has have had do does did will would
        can could should may might must also into about after before over under between while because""".split()),
    "de": frozenset("""der die das den dem des ein eine einer eines einem einen und oder aber nicht ist sind war
        waren sein wird werden wurde wurden hat haben hatte auch als auf aus bei mit nach von vor zu zum zur im
        in an am um für über unter durch dass daß wie wenn sich es er sie wir ihr ich noch nur schon so""".split()),
    "fr": frozenset("""le la les un une des du de d l et ou mais ne pas est sont était été être a ont avait
        avec pour par sur dans en au aux ce cette ces qui que quoi dont où il elle ils elles nous vous on se sa
        son ses leur leurs plus comme aussi tout""".split()),
    "es": frozenset("""el la los las un una unos unas y o pero no es son era fue ser está están ha han había
        con para por sobre en de del al que quien cual donde cuando como se su sus lo le les más muy también
        este esta estos estas ese esa""".split()),
    "it": frozenset("""il lo la i gli le un uno una e o ma non è sono era erano essere ha hanno aveva con per
        su in di del della dei delle al alla che chi cui dove quando come si suo sua suoi sue più anche questo
        questa quello quella nel nella""".split()),
    "pt": frozenset("""o a os as um uma uns umas e ou mas não é são era foi ser está estão tem têm com para por
        sobre em de do da dos das ao à que quem qual onde quando como se seu sua seus suas mais muito também
        este esta isso no na nos nas""".split()),
    "nl": frozenset("""de het een en of maar niet is zijn was waren wordt worden werd heeft hebben had met voor
        door op in aan van bij uit naar over onder dat die dit deze wie wat waar wanneer hoe zich ook als er
        nog al""".split()),
    "pl": frozenset("""i oraz lub albo ale nie jest są był była było były być ma mają miał z ze do na w we o
        od po przez dla przy za że który która które którzy jak gdy gdzie się jego jej ich też także to ten
        ta te tym""".split()),
}
_ALL_STOPWORDS = frozenset().union(*STOPWORDS.values())


# The high bytes of the UTF-16 code units that begin the characters CJK matches (Hangul Jamo
# 0x11xx, 0x2E80-0x9FFF, 0xA9xx, Hangul 0xAC00-0xD7FF, the surrogates of planes 1-4, 0xF9-0xFAxx,
# half-width 0xFFxx): a character whose first code unit has another high byte is not CJK (tested
# on every code point). The rest is the bytes to delete.
_CJK_HIGH_BYTES = bytes([0x11, *range(0x2E, 0xA0), 0xA9, *range(0xAC, 0xD9), 0xF9, 0xFA, 0xFF])
_NOT_CJK_HIGH_BYTES = bytes(range(256)).translate(None, _CJK_HIGH_BYTES)  # (all others: one C call at import)


def may_have_cjk(text: str) -> bool:
    """False when ``text`` surely has no CJK characters (no code unit in the CJK ranges: cheap tests in C).

    Asked line by line (``word_stats_of``): ``isascii`` costs nothing; another line is encoded
    to UTF-16 (big-endian, so the high bytes are every other one) and its high bytes are kept if
    CJK ones, ~10 instructions a character, where an encoding to windows-1252 cost ~70, the CJK
    pattern's script lookups ~380 and a search for a character in the CJK blocks ~115. Curly
    quotes, Greek, Cyrillic and Arabic are all ruled out here. (surrogatepass: a lone surrogate
    is not CJK, and must not raise.)
    """
    if text.isascii():
        return False
    units = text.encode("utf-16-be", "surrogatepass")
    highs = units[::2]
    found = highs.translate(None, _NOT_CJK_HIGH_BYTES)
    # (Only high surrogates found, those of planes 1-4, is a page with emoji and no CJK, most often: asked
    # of their units, not left to the CJK pattern line by line, ~0.9M instructions a page with emoji.)
    return bool(found) and (found.count(_PLANES_1_TO_4) < len(found) or _has_cjk_surrogate(units, highs))


_PLANES_1_TO_4 = 0xD8  # the high byte of the high surrogates D800-D8FF


def _has_cjk_surrogate(units: bytes, highs: bytes) -> bool:
    """True when a high surrogate among ``units`` (a text in UTF-16-BE; ``highs``, its high bytes) begins a
    character of a block with CJK characters, or one of planes 2-4; False for all others (emoji)."""
    lows = units[1::2]
    at = highs.find(_PLANES_1_TO_4)
    while at >= 0:
        low = lows[at]
        # (U+16FE0-16FFF, U+1AFF0-1B16F, planes 2-4; and behind D83C, of U+1F000-1F3FF, only U+1F200 is CJK.)
        if low in _CJK_SURROGATE_LOWS or low == 0x3C and units[2 * at + 2:2 * at + 4] == b"\xde\x00":
            return True
        at = highs.find(_PLANES_1_TO_4, at + 1)
    return False


# The low bytes of the high surrogates D8xx of the blocks of planes 1-4 with CJK characters (U+1F200 aside).
_CJK_SURROGATE_LOWS = frozenset([0x1B, 0x2B, 0x2C, *range(0x40, 0x100)])


def word_stats(text: str) -> tuple[int, int]:
    """Return (words, function words) of ``text``; CJK text counts two characters a word."""
    # Splitting on white space is several times faster than a word pattern; a function
    # word with punctuation attached ("it.") is rare enough not to matter.
    toks = text.lower().split()
    words = len(toks)
    stops = sum(map(_ALL_STOPWORDS.__contains__, toks))
    if may_have_cjk(text) and CJK.search(text):
        cjk = len(CJK.findall(text))
        words += cjk // 2
        stops += cjk // 10  # CJK has function characters; count a typical share as such
    return words, stops


def word_stats_of(texts: list[str], lows: list[str] | None = None, split: list[list[str]] | None = None,
                  others: str | None = None) -> tuple[list[int], list[int]]:
    """``word_stats`` of each of ``texts``, as a list of words and one of function words.

    The same counts as ``word_stats`` text by text (tested), for a text dump's lines: the
    lower-casing, splitting and counting of each line run in C, called by ``map``.
    (Lines are lower-cased one by one: an ASCII line takes ``lower``'s fast path, which a
    page joined into one string would lose for all its lines when one is not ASCII.)
    """
    # (lows: the texts lower-cased; split: their words, each of lows split; others: the texts not ASCII joined,
    # or any string holding the same characters but white space, when the caller has it)
    toks = split if split is not None else list(map(str.split, lows if lows is not None else map(str.lower, texts)))
    words = list(map(len, toks))
    # (Each line's sum made by map in C, not by a comprehension: ~45K instructions a page of WCXB dev text.)
    stops = list(map(sum, map(map, repeat(_ALL_STOPWORDS.__contains__), toks)))
    # The lines that are not ASCII are gated joined first: on most pages that one call rules them
    # all out (~20 µs a page of calls line by line on WCXB dev); a CJK character in a line is in the join.
    if others is None:
        others = "\n".join([t for t in texts if not t.isascii()])
    if not may_have_cjk(others):  # (False for "", as for any ASCII)
        return words, stops
    for i, text in enumerate(texts):
        if not text.isascii() and may_have_cjk(text) and CJK.search(text):  # (most lines: no call)
            n = len(CJK.findall(text))
            words[i] += n // 2
            stops[i] += n // 10  # as in word_stats
    return words, stops


# Each function word's languages, in STOPWORDS order (built list by list: a test of every word
# against every list cost ~5,000 set lookups at import).
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = _LANGS_OF.get(_w, ()) + (_lang,)
# Each tuple of languages a function word has (1 on), and each function word's (guess_language counts these:
# a small int hashes as itself and is one object, where a tuple is hashed item by item and compared).
_LANG_SETS: list[tuple[str, ...]] = [(), *dict.fromkeys(_LANGS_OF.values())]
_LANG_SET_OF = dict(zip(_LANGS_OF, map({_langs: i for i, _langs in enumerate(_LANG_SETS)}.__getitem__, _LANGS_OF.values())))


def guess_language(texts: list[str], lowered: bool = False, stops: list[int] | None = None) -> str | None:
    """The language whose function words occur most in ``texts`` (None when too few).

    ``lowered``: the texts are lower-cased already (a text dump's lines, ``Document.lowered``), the
    same words as lower-casing them joined: a space ends lower-casing's look at the neighbours.
    ``stops``: each text's function words (its block's ``stopwords``), at least its words in any one
    language's list: the texts holding the first ``_FIRST_SHARE`` of them are counted first, and when
    the leading language leads every other by more than the function words left, no text left can
    change the answer (~40% of the words of a body's first paragraphs not split nor looked up).
    """
    found: Counter[int] = Counter()  # each function word's languages (_LANG_SETS) -> their words' occurrences
    lows = texts if lowered else list(map(str.lower, texts))  # (text by text: an ASCII one lowers fastest)
    if stops:
        total = sum(stops)
        end = bisect_left(list(accumulate(stops)), total * _FIRST_SHARE) + 1
        _count_languages(found, lows[:end])
        hits = _language_hits(found)
        first, second, *_ = sorted(hits.values(), reverse=True) + [0, 0]
        if first - second > total - sum(stops[:end]) and first >= 5:
            return max(hits, key=hits.__getitem__)  # (no tie: the leader's count beats any other's)
        lows = lows[end:]
    _count_languages(found, lows)
    hits = _language_hits(found)
    if not hits:
        return None
    # (The first language of the highest count, in the order first seen, as Counter.most_common(1) takes it.)
    lang = max(hits, key=hits.__getitem__)
    return lang if hits[lang] >= 5 else None


# The share of the function words of ``guess_language``'s texts counted before it asks whether the rest can
# change its answer (on a page in one language, usually not by then).
_FIRST_SHARE = 0.6


def _count_languages(found: Counter[int], lows: list[str]) -> None:
    """Add to ``found`` the languages of each function word of ``lows`` (lower-cased texts), counted in C."""
    # (A word's set of languages is counted, not the word: fewer keys, and the same languages in the same
    # order first seen: a set is first seen with the first of its words seen.  0 is no function word's.)
    found.update(filter(None, map(_LANG_SET_OF.get, chain.from_iterable(map(str.split, lows)))))


def _language_hits(found: Counter[int]) -> dict[str, int]:
    """Each language's function words in ``found``, the languages in the order first seen."""
    hits: dict[str, int] = {}
    for langs, n in found.items():
        for lang in _LANG_SETS[langs]:
            hits[lang] = hits.get(lang, 0) + n
    return hits


# ---------------------------------------------------------------- sentence shape
ENDS_SENTENCE = LazyPattern(r"[.!?…。！？:;][\"'”’»)\]]*\s*$")
_CLOSERS = "\"'”’»)] \t"
_SENTENCE_ENDS = ".!?…。！？:;"
_ELLIPSES = ("...", "…", "[…]", "[...]", "(…)", "(...)")
_BRACKETED_ELLIPSES = ("[…]", "[...]")


def sentence_end(text: str) -> tuple[bool, bool]:
    """(ends like a sentence, ends with an ellipsis) -- plain string tests, no regex."""
    t = text.rstrip(_CLOSERS)
    if not t:
        return False, False
    # A bracketed ellipsis ("[…]") is found in ``t`` too (its "]" is a closer), unless other white
    # space than spaces and tabs follows it: only then is the text stripped again.
    ellipsis = t.endswith(_ELLIPSES) or text[-1:].isspace() and text.rstrip().endswith(_BRACKETED_ELLIPSES)
    return t[-1] in _SENTENCE_ENDS, ellipsis

_SENTENCE_END_SET = frozenset(_SENTENCE_ENDS)
_LAST_CHAR = slice(-1, None)


def sentence_ends_of(texts: list[str]) -> tuple[list[bool], list[bool]]:
    """``sentence_end`` of each of ``texts`` (none ending in white space but spaces and tabs), as two lists.

    The same answers (tested), column-wise in C for a page's block texts: a Python call a
    text cost ~2,500 instructions (callgrind).  The second test of a bracketed ellipsis in
    ``sentence_end`` is for other trailing white space: spaces and tabs are stripped as closers
    before the first, which then finds the ellipsis ("[…] " -> "[…").  Block texts have their
    white space collapsed and stripped; one cut at ``max_block_chars`` may end in a space.
    """
    cut = list(map(str.rstrip, texts, repeat(_CLOSERS)))
    # (operator.getitem, not str.__getitem__, a slot wrapper that builds an argument tuple a call; and only the
    # ellipses a cut text can end with: ~180K instructions a page of WCXB dev text.)
    ends = list(map(_SENTENCE_END_SET.__contains__, map(getitem, cut, repeat(_LAST_CHAR))))
    return ends, list(map(str.endswith, cut, repeat(_CUT_ELLIPSES)))


# The ellipses a text stripped of its closers can end with (the others end with a closer, ")" or "]"): "[…]" and
# "(...)" are found as "…" and "..." once stripped.
_CUT_ELLIPSES = tuple(e for e in _ELLIPSES if e[-1] not in _CLOSERS)
assert _CUT_ELLIPSES == ("...", "…")


ENDS_ELLIPSIS = LazyPattern(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\]|\(…\)|\(\.\.\.\))[\"'”’»)\]]*\s*$")
LIST_MARKER = LazyPattern(r"^\s*(?:[-–•*·▪►✓]|\d{1,3}[.)])\s+")
# A stripped line LIST_MARKER matches starts with one of these or a digit (a cheap gate).
LIST_MARKER_STARTS = frozenset("-–•*·▪►✓")
HAS_LETTER = LazyPattern(r"\p{L}")
# Words of an invitation to subscribe, lower case (substrings: "subscribe", "subscribers", "Abonnieren").
SIGNUP_KEYWORDS = ("subscri", "newsletter", "sign up", "signup", "sign me up", "inbox", "abonn", "anmelden",
                   "inscri", "suscrib", "iscriviti", "iscrizione", "assine", "assinar", "aanmelden", "inschrijven",
                   "zapisz się", "subskryb", "prenumer")
# The lead-in of a linked line pointing away from the article: "Read more: ...", "Related: ...", "Find out ...".
LINK_LEAD_IN = LazyPattern(
    r"^[\s\W]*(?:read|related|see|more|also|don['’]t miss|watch|listen|click|get|find out|learn|check out|explore|"
    r"sign up|subscribe|download|shop|buy|book|order|try|lesen sie|mehr|auch|lire|voir|à lire|leer|lee|ver|leggi|vedi|leia|veja|lees|"
    r"bekijk|czytaj|zobacz)\b",
    _I,
)
# A number of one to three digits standing alone ("10 DIY projects", "Top 25:"), not part of a
# year, a price, a time or a version
SMALL_NUMBER = LazyPattern(r"(?<![\d.,:/$€£-])\b(\d{1,3})\b(?![.,:/]\d|\d|%)")
HAS_UPPER = LazyPattern(r"\p{Lu}")

# ---------------------------------------------------------------- site prompts (chrome)
# A whole short line that is one of these is site furniture, never article text.
_PROMPT_PHRASES = [
    # en
    r"connect with us", r"hi,? what are you looking for\??", r"what are you looking for\??",
    r"search( for)?( this site| the site)?", r"type (here )?to search", r"menu", r"main menu", r"close( menu)?",
    r"open menu", r"toggle (navigation|menu)", r"skip to (the )?(main )?(content|navigation)", r"jump to content",
    r"share( this( article| story| post| page)?)?( on \p{L}+)?", r"share via( e-?mail)?", r"tweet",
    r"follow us( on \p{L}+)?", r"like us on facebook", r"subscribe( now| today)?( to our newsletter)?",
    r"sign (up|in)( (now|here|for \p{L}+( \p{L}+)?))?", r"log ?in", r"log ?out", r"register", r"create( an)? account",
    r"advertisement", r"advertising", r"sponsored( content)?", r"ad", r"ads by \p{L}+",
    r"read more", r"read (the )?full (story|article)", r"continue reading", r"click here( to [\p{L} ]+)?",
    r"load(ing)? more", r"show more", r"see more", r"view (all|more)( comments)?", r"back to top",
    r"print( this( article| page)?)?", r"e-?mail( this( article)?)?", r"copy link", r"link copied",
    r"(leave|post|add|write) a comment", r"comments?", r"\d+ comments?", r"no comments( yet)?",
    r"related( (articles|stories|posts|content|news))?", r"you (may|might) also like", r"recommended( for you)?",
    r"more (stories|articles|news)( from [\p{L} ]+)?", r"most (read|popular|viewed)", r"trending( now)?",
    r"tags?:?", r"related tags:?", r"topics?:?", r"you are (at|here):?", r"home", r"previous( (article|post))?",
    r"next( (article|post))?", r"accept( all)?( cookies)?", r"manage (cookies|preferences)", r"got it",
    r"newsletter", r"sign up for our newsletter", r"get the app", r"download (the|our) app", r"listen to (this )?article",
    r"(photo|image) gallery", r"watch( now| video)?", r"play video", r"all rights reserved\.?",
    r"terms( of (use|service))?", r"privacy( policy)?", r"cookie policy", r"contact us", r"about us", r"sitemap",
    r"rss", r"faq", r"careers?", r"advertise( with us)?", r"live tv", r"breaking( news)?", r"loading\.*",
    # the heading of a table of contents (its entries are links, already chrome)
    r"table of contents( ?\[?(show|hide)\]?)*", r"(expand|show|hide) table of contents", r"contents",
    r"on this page", r"jump to( section)?",
    # de
    r"teilen", r"jetzt teilen", r"artikel teilen", r"folgen sie uns( auf \p{L}+)?", r"abonnieren", r"jetzt abonnieren",
    r"anmelden", r"abmelden", r"registrieren", r"werbung", r"anzeige", r"weiterlesen", r"mehr lesen", r"mehr dazu",
    r"zum inhalt springen", r"zur navigation springen", r"suche", r"suchen", r"kommentare?", r"newsletter abonnieren",
    r"das könnte sie auch interessieren", r"mehr zum thema", r"drucken", r"nach oben", r"impressum", r"datenschutz",
    r"alle rechte vorbehalten\.?", r"inhaltsverzeichnis",
    # fr
    r"partager( sur \p{L}+)?", r"suivez-nous( sur \p{L}+)?", r"s'abonner", r"abonnez-vous", r"se connecter",
    r"connexion", r"s'inscrire", r"inscrivez-vous", r"publicité", r"lire la suite", r"lire aussi", r"à lire aussi",
    r"aller au contenu( principal)?", r"rechercher", r"recherche", r"commentaires?", r"vous aimerez aussi",
    r"sur le même sujet", r"imprimer", r"retour en haut", r"mentions légales", r"tous droits réservés\.?",
    r"sommaire", r"table des matières",
    # es
    r"compartir( en \p{L}+)?", r"síguenos( en \p{L}+)?", r"suscríbete", r"iniciar sesión", r"registrarse",
    r"publicidad", r"leer más", r"seguir leyendo", r"saltar al contenido( principal)?", r"buscar", r"comentarios?",
    r"te puede interesar", r"lee también", r"noticias relacionadas", r"imprimir", r"volver arriba",
    r"todos los derechos reservados\.?", r"índice( de contenidos?)?", r"tabla de contenidos?",
    # it
    r"condividi( su \p{L}+)?", r"seguici( su \p{L}+)?", r"iscriviti", r"accedi", r"registrati", r"pubblicità",
    r"leggi anche", r"leggi di più", r"continua a leggere", r"vai al contenuto( principale)?", r"cerca", r"commenti",
    r"potrebbe interessarti", r"articoli correlati", r"stampa", r"torna su", r"tutti i diritti riservati\.?",
    r"indice( dei contenuti)?", r"sommario",
    # pt
    r"compartilhar", r"partilhar", r"compartilhe", r"siga-nos( no \p{L}+)?", r"assine", r"inscreva-se", r"entrar",
    r"publicidade", r"leia mais", r"leia também", r"saiba mais", r"pular para o conteúdo", r"ir para o conteúdo",
    r"pesquisar", r"comentários", r"notícias relacionadas", r"todos os direitos reservados\.?",
    r"índice",
    # nl
    r"delen", r"deel dit( artikel)?", r"volg ons( op \p{L}+)?", r"abonneer( je| nu)?", r"inloggen", r"uitloggen",
    r"registreren", r"advertentie", r"lees meer", r"lees ook", r"verder lezen", r"naar de inhoud", r"ga naar de inhoud",
    r"zoeken", r"reacties", r"gerelateerde artikelen", r"alle rechten voorbehouden\.?",
    r"inhoudsopgave",
    # pl
    r"udostępnij", r"podziel się", r"obserwuj nas", r"subskrybuj", r"zaloguj( się)?", r"wyloguj( się)?",
    r"zarejestruj( się)?", r"reklama", r"czytaj więcej", r"czytaj też", r"czytaj także", r"zobacz też",
    r"przejdź do treści", r"szukaj", r"komentarze", r"powiązane artykuły", r"wszelkie prawa zastrzeżone\.?",
    r"spis treści",
]


def _prompt_line(alternatives: str) -> str:
    # \W where [\s\W] was: the same characters (white space is never a word character, as tested), ~0.1 ms
    # less to compile in each of the gate's ~20 patterns
    return (r"^\W*+(?:" + alternatives.replace("'", "['’]")
            + r")(?:\s*+(?:[»›>→|:·•\-–—]++|\(\d+\)|\d++))?+\W*+$")


# The heading of a reader-comments section: the article never continues past one.
# A comments heading contains one of these (lower case); a cheap gate before COMMENTS_HEADING.
COMMENTS_KEYWORDS = ("comment", "repl", "respons", "discussion", "conversation", "thought", "komment",
                     "comentar", "reacti", "komentarz")
COMMENTS_HEADING = LazyPattern(
    # "167 comments", "Comments (12)", "Top Rated Comments" -- a lone "Comments" is a share-bar link, not a heading
    r"^[\s\W]*(?:\d+\s+(?:comments?|replies|responses)"
    r"|(?:top(?:\s+rated)?|reader|readers'?|user|latest|show|view(?:\s+all)?(?:\s+\d+)?)\s+(?:comments|replies|responses)"
    r"|(?:comments?|replies|responses)\s*\(\d+\))[\s\W]*$"
    r"|^[\s\W]*(?:(?:leave|post|add|write)\s+a\s+(?:comment|reply|response)|join the (?:discussion|conversation)"
    r"|comments are closed|you must (?:be )?log(?:ged)? in to post a comment"
    r"|\d+ (?:thoughts?|responses?|comments?|replies) (?:on|to)\b"
    r"|\d+\s+kommentare?|kommentare?\s*\(\d+\)|kommentar schreiben|\d+\s+commentaires?|laisser un commentaire|"
    r"\d+\s+comentarios?|deja (?:un|tu) comentario|\d+\s+commenti|lascia un commento|"
    r"\d+\s+comentários|deixe (?:um|seu) comentário|\d+\s+reacties|laat een reactie achter|"
    r"\d+\s+komentarz(?:e|y)?|dodaj komentarz)",
    _I,
)



# How a phrase begins, for filing it under its first word: a group of alternatives, letters.
_LEADING_GROUP = LazyPattern(r"\((?:\?:)?(?P<alts>[^()]*)\)")
_LEADING_LETTERS = LazyPattern(r"[\p{L}']+")

# First words a gate remembers the patterns of (a bound on memory in long batch runs).
_GATE_MEMORY = 20_000


class _FirstWordGate:
    """A cheap test run before a phrase pattern: which phrases can start with this line's first word?

    Built from the phrase list itself: a phrase whose first word is plain letters
    is filed under that word; one whose first word carries pattern syntax ("comments?",
    "e-?mail", "load(ing)?") under the letters before it, as a prefix; one that
    starts with a group under each alternative; one that starts otherwise (a digit,
    "©") is tried on every line that does not start with a letter and holds one of
    ``open_keywords`` (lower case; every such phrase holds one of them, as tested).

    ``patterns_for(first_word(line), line)`` is then the pattern of just the phrases
    whose word starts with the same letter (none when no phrase can match): a whole
    alternation of a few hundred phrases costs microseconds a line, one of a dozen
    much less.
    """

    def __init__(self, phrases: list[str], wrap: Callable[[str], str], flags: int, open_keywords: tuple[str, ...]):
        by_word: dict[str, set[int]] = {}
        by_prefix: dict[str, set[int]] = {}
        for k, ph in enumerate(phrases):
            group = _LEADING_GROUP.match(ph)
            for alt in group["alts"].split("|") if group else [ph]:
                m = _LEADING_LETTERS.match(alt)
                if not m:
                    by_prefix.setdefault("", set()).add(k)
                elif alt[m.end(): m.end() + 1] in ("", " ", ",", ":") and alt[m.end(): m.end() + 2] != " ?":
                    by_word.setdefault(m.group(0).casefold(), set()).add(k)
                else:
                    cut = m.group(0)[:-1] if alt[m.end(): m.end() + 1] == "?" else m.group(0)
                    by_prefix.setdefault(cut.casefold(), set()).add(k)
        self.words = frozenset(by_word)
        self.prefixes = tuple(sorted(p for p in by_prefix if p))
        self.open = "" in by_prefix
        self.open_keywords = open_keywords
        self._phrases, self._wrap, self._flags = phrases, wrap, flags
        self._by_word, self._by_prefix = by_word, by_prefix
        self.full = LazyPattern(wrap("|".join(phrases)), flags)
        self._patterns: dict[str, LazyPattern] = {}
        self._open = (self._pattern_of(by_prefix[""]),) if self.open else ()

    def __call__(self, text: str) -> bool:
        return self.admits(first_word(text))

    def admits(self, first: str | None) -> bool:
        """The gate's test on ``first_word(text)`` (a pass testing several gates finds the word once)."""
        if first is None:
            return True
        return first in self.words or first.startswith(self.prefixes)

    def patterns_for(self, first: str | None, text: str = "") -> tuple[LazyPattern, ...]:
        """The patterns of the phrases that can match ``text``, whose ``first_word`` is ``first``: none, one or two.

        Phrases are grouped by the first letter of their word or prefix, one pattern a
        letter, compiled on first use: a few dozen small compilations in all, each line
        tried against a handful of phrases rather than all of them.  A line that starts
        with a symbol or a digit ("► Share", "3 comments", "© 2024") is also tried
        against the phrases that start otherwise than with a letter, which have a pattern
        of their own (not merged into each letter's: every phrase is compiled once).
        ``text`` matches the whole phrase list when it matches one of these patterns
        (they share the wrapper, whose parts around the phrase are possessive).
        """
        if first is None:
            first = _word_past_symbols(text)
            with_open = self.open
        else:
            # Punctuation before the first word ("(c) 2024") may itself begin a phrase.
            with_open = self.open and not text[:1].isalpha()
        # (most lines led by a digit or a symbol hold none of the open keywords)
        return self._found(first, with_open and contains_any(text, self.open_keywords))

    def symbol_led(self, word: str | None, low: str) -> tuple[LazyPattern, ...]:
        """``patterns_for`` of a line not led by a letter, lower-cased ``low``, from the ``word`` it finds
        first (``first_word`` of the line, or else ``_word_past_symbols``)."""
        return self._found(word, self.open and any(map(low.__contains__, self.open_keywords)))

    def _found(self, word: str | None, with_open: bool) -> tuple[LazyPattern, ...]:
        """The bucket of ``word``'s letter when the gate admits it, and the open phrases' pattern if ``with_open``."""
        found = (self._bucket(word[0]),) if word is not None and self.admits(word) else ()
        return found + self._open if with_open else found

    def _bucket(self, letter: str) -> LazyPattern:
        pattern = self._patterns.get(letter)
        if pattern is None:
            pattern = self._patterns[letter] = self._pattern_of(
                {k for word, ks in (*self._by_word.items(), *self._by_prefix.items()) if word[:1] == letter for k in ks})
        return pattern

    def _pattern_of(self, chosen: set[int]) -> LazyPattern:
        return LazyPattern(self._wrap("|".join(self._phrases[k] for k in sorted(chosen))), self._flags)


def first_word(text: str) -> str | None:
    """The casefolded first word of ``text`` without surrounding punctuation; None when it does not start with a letter."""
    if text[:1].isalpha():  # most lines start with a letter
        t = text
    else:
        t = text.lstrip(_LEAD_STRIP)
        if not t[:1].isalpha():
            return None
    # Most lines start with a word of letters and a space: take it without splitting off the rest.
    space = t.find(" ")
    first = t[:space] if space > 0 else t
    if not first.isalpha():  # (letters only hold no white space: otherwise split as str.split does)
        first = t.split(None, 1)[0]
        if not first.isalpha():  # (stripping and the apostrophe only change a word with other characters)
            first = first.rstrip(_LEAD_STRIP).replace("’", "'")
    return first.casefold()


_LEADING_NONWORD = LazyPattern(r"\W*+")  # what PROMPT_LINE skips before a phrase


def _word_past_symbols(text: str) -> str | None:
    """``first_word`` of a line past its leading symbols and digits, for a line ``first_word`` finds none in."""
    rest = text[_LEADING_NONWORD.match(text).end():]  # type: ignore[union-attr]
    return first_word(rest) if rest[:1].isalpha() else None


_LEAD_STRIP = " \t\"'“”‘’«»‹›()[]{}<>|•·*-–—:;,.!?#>→»›"
could_be_prompt = _FirstWordGate(_PROMPT_PHRASES, _prompt_line, _I, open_keywords=("comment",))
PROMPT_LINE = could_be_prompt.full


# Longer site notices recognised by how they begin (cookie and consent banners, paywalls).
_NOTICE_STARTS = [
    r"(?:this|our) (?:web)?site uses cookies", r"we use cookies", r"by (?:using|continuing to use) (?:our|this) (?:site|website)",
    r"you have \d+ free articles?", r"to continue reading,? (?:please )?(?:subscribe|log in|sign in)",
    r"already a subscriber", r"subscribe to (?:continue|read)", r"sign up (?:for|to) (?:our|the) \p{L}*\s?newsletter",
    r"©", r"\(c\) \d{4}", r"copyright \d{4}", r"copyright ©",
    r"diese (?:web)?seite verwendet cookies", r"wir verwenden cookies",
    r"ce site utilise des cookies", r"nous utilisons des cookies",
    r"este (?:sitio )?(?:web|site) utiliza cookies", r"utilizamos cookies",
    r"questo sito (?:web )?utilizza (?:i )?cookie", r"utilizziamo (?:i )?cookie",
    r"este site (?:utiliza|usa) cookies", r"usamos cookies",
    r"deze (?:web)?site gebruikt cookies", r"wij gebruiken cookies",
    r"ta strona (?:używa|korzysta z) (?:plików )?cookie", r"używamy (?:plików )?cookie",
]
could_be_notice = _FirstWordGate(_NOTICE_STARTS, lambda alternatives: r"^\W*(?:" + alternatives + ")", _I,
                                 open_keywords=("©", "(c)"))
PROMPT_START = could_be_notice.full

# The first words and prefixes either gate admits (``_FirstWordGate.admits`` of both at once).
_GATE_WORDS = could_be_prompt.words | could_be_notice.words
_GATE_PREFIXES = tuple(sorted({*could_be_prompt.prefixes, *could_be_notice.prefixes}))
# The same prefixes by their first letter: a word is tested against its letter's few (none to four), where a
# ``startswith`` of all 45 cost ~2,000 instructions a new first word (most lines' first words are new).
_GATE_PREFIXES_BY_LETTER = {letter: tuple(p for p in _GATE_PREFIXES if p[0] == letter)
                             for letter in {p[0] for p in _GATE_PREFIXES}}

# What ``phrases_for`` found for a line led by a letter, by the line up to its first space and by its
# first word (nothing else decides it), and the answer for a line no phrase of either gate can start.
PHRASES_BY_LEAD: dict[str, tuple[str | None, tuple[LazyPattern, ...], tuple[LazyPattern, ...]]] = {}
_PHRASES_BY_FIRST: dict[str | None, tuple[str | None, tuple[LazyPattern, ...], tuple[LazyPattern, ...]]] = {}
NO_PHRASES: tuple[str | None, tuple[LazyPattern, ...], tuple[LazyPattern, ...]] = (None, (), ())


def phrases_for(text: str) -> tuple[str | None, tuple[LazyPattern, ...], tuple[LazyPattern, ...]]:
    """(``first_word(text)``, the patterns of the prompts, those of the notices that can match ``text``).

    Remembered for a line led by a letter in ``PHRASES_BY_LEAD`` (as ``NO_PHRASES`` when there are
    none), so that ``mark_prompts`` decides most lines with a split and a dictionary lookup: calling
    ``first_word`` and asking both gates cost ~7,000 instructions a line (callgrind), the lookup ~1,500.
    """
    if not text[:1].isalpha():  # (the patterns then depend on the rest of the line: see ``patterns_for``)
        if text[:1] in _ASCII_DIGITS:
            # Led by a digit ("1. High-protein meals", "61% of people"), a line has no first word, nor one past
            # its symbols (the digit is a word character): both None, without asking (~1.7 µs).
            first = word = None
        else:
            first = first_word(text)
            # What both gates' ``patterns_for`` find first, found once: the word after the leading
            # symbols (past digits too, when ``first_word`` finds none), the line lower-cased.
            word = first if first is not None else _word_past_symbols(text)
        low = text.lower()
        prompts, notices = could_be_prompt.symbol_led(word, low), could_be_notice.symbol_led(word, low)
        # (Nothing found is NO_PHRASES, which mark_prompts skips without trying the empty lists.)
        return (first, prompts, notices) if prompts or notices else NO_PHRASES
    lead = text.partition(" ")[0]
    # A first word of letters only is the line's start as it is, casefolded (as ``first_word`` finds it).
    first = lead.casefold() if lead.isalpha() else first_word(text)
    found = _PHRASES_BY_FIRST.get(first)
    if found is None:
        if len(_PHRASES_BY_FIRST) >= _GATE_MEMORY:
            _PHRASES_BY_FIRST.clear()
        # (A line led by a letter has patterns only from a gate that admits its first word: a word
        # neither admits, most new ones, is decided by one set lookup and one startswith.)
        if first not in _GATE_WORDS and not first.startswith(  # type: ignore[union-attr]
                _GATE_PREFIXES_BY_LETTER.get(first[:1], ())):  # type: ignore[index]
            found = NO_PHRASES
        else:
            found = (first, could_be_prompt.patterns_for(first, text), could_be_notice.patterns_for(first, text))
            if not (found[1] or found[2]):
                found = NO_PHRASES
        _PHRASES_BY_FIRST[first] = found
    if len(PHRASES_BY_LEAD) >= _GATE_MEMORY:
        PHRASES_BY_LEAD.clear()
    PHRASES_BY_LEAD[lead] = found
    return found


_ASCII_DIGITS = frozenset("0123456789")

# ``any_matches``' answers for the lines ``mark_prompts`` asks about, by line: menu lines and buttons ("Home",
# "Share", "Sign in") repeat within a page and across pages (a third of the lines asked), and a line asked
# again is then a lookup, not a match of its patterns (~9,000 instructions).  The line decides the patterns
# asked (``phrases_for``), so it decides the answer: one dict for the prompts' ``fullmatch``, one for the
# notices' ``match``.
PROMPT_ANSWERS: dict[str, bool] = {}
NOTICE_ANSWERS: dict[str, bool] = {}


def remembered_matches(method: Callable[..., Any], found: tuple[LazyPattern, ...], text: str, timeout: float,
                       answers: dict[str, bool]) -> bool:
    """``any_matches(method, found, text, timeout)``, remembered in ``answers`` by ``text`` when no time limit
    can have cut it short (at most UNTIMED_CHARS characters, the page's time left after it): ``found`` must
    be what ``phrases_for`` gives ``text``, and ``method`` the same for every answer in ``answers``."""
    answer = answers.get(text)
    if answer is None:
        answer = any_matches(method, found, text, timeout)
        if len(text) <= UNTIMED_CHARS and ((at := _DEADLINE.get()) is None or _now() < at):
            if len(answers) >= _GATE_MEMORY:
                answers.clear()
            answers[text] = answer
    return answer


def any_matches(method: Callable[..., Any], found: tuple[LazyPattern, ...], text: str, timeout: float) -> bool:
    """True when ``method`` (``fullmatch`` or ``match``) finds one of the patterns ``found`` in ``text``."""
    for pattern in found:
        if method(pattern, text, timeout):
            return True
    return False


# ---------------------------------------------------------------- reading time (chrome)
# "5 min read", "Reading time: 7 minutes", "2–4 minutes", alone or closing a byline or a date
# ("Jane Doe | 5 min read", "Nov 7, 2025 • 11 min read"): the site's estimate, not the article.
# A line holds one of these keywords (lower case) before READING_TIME is tried.  Every alternative
# below names its minutes with "min" (min, minutes, minuten, minuti, minutos, minut, minuty), which the
# pattern matches ignoring case; "İ" is the one other letter it matches for "i", lower-cased "i̇"
# (two characters).  One keyword is one scan of the page's short blocks, not eight ("read", "lese",
# ... hold no match without "min"), and "min" alone admits fewer lines.
READING_TIME_KEYWORDS = ("min", "mi\u0307n")
_MINUTES = r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*-?\s*"
_MIN_UNIT = r"(?:min(?:ute)?s?|minuten|minuti|minutos|minut(?:y|ów)?)\.?"
_READING_TIME = "|".join([
    r"(?:" + _MINUTES + r")?min(?:ute)?s?\.?\s+read(?:ing)?(?:\s+time)?",                  # en: 5 min read
    r"(?:estimated\s+)?read(?:ing)?\s+time\s*:?\s*" + _MINUTES + _MIN_UNIT,                # Reading time: 7 minutes
    _MINUTES + r"min(?:\.|uten)?\s+(?:lesezeit|leestijd)",                                  # de, nl: 5 Min. Lesezeit
    r"(?:lesezeit|leestijd|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura|czas czytania)"
    r"\s*:?\s*" + _MINUTES + _MIN_UNIT,
    _MINUTES + r"min(?:utes?|utos|uti)?\.?\s+(?:de\s+lecture|de\s+lectura|de\s+leitura|di\s+lettura|czytania)",
    r"\d{1,3}\s*[-–]\s*\d{1,3}\s+minutes",                                                 # 2–4 minutes (the whole line)
])
# The whole line is a reading time, or ends in one after a separator (or run together with a year, "1d ago").
READING_TIME = LazyPattern(
    r"^[\s\W]*+(?:[^|•·●—–/]{0,80}?(?:[|•·●—–/]|\s-\s|(?<=(?:19|20)\d\d|\p{Ll})(?=\d))\s*)?(?:" + _READING_TIME + r")[\s\W]*$", _I)


# Every alternative of _READING_TIME holds one of these words (lower case) besides "min": "read", a language's
# word for reading, or the "minutes" of a range ("2–4 minutes").  (A new alternative adds its word here.)
READING_TIME_WORDS = ("read", "lesezeit", "leestijd", "lectur", "leitura", "lettura", "czytania", "minutes")


def may_be_reading_time(text: str) -> bool:
    """False when ``text`` surely does not match READING_TIME: an ASCII line without a word of READING_TIME_WORDS.

    (ASCII letters match case-insensitively only each other; a line of other letters is left to the pattern.)
    The lines holding "min" are mostly not reading times ("minister", "admin"), and the pattern took ~70K
    instructions to fail on one.
    """
    return not text.isascii() or contains_any(text, READING_TIME_WORDS)


# ---------------------------------------------------------------- credits
# Empty or near-empty credit lines: "License: Author:", "Photo: Reuters", "Image courtesy of ...".
_CREDIT_LABELS = (
    r"licen[cs]e|author|photo(?:graph)?s?|image|picture|pic|credits?|source|illustration|video|"
    r"foto(?:s|grafie)?|bild(?:quelle)?|quelle|lizenz|crédits?(?: photo)?|source|crédito|fuente|fonte|bron|"
    r"źródło|zdjęcie|fot\."
)
CREDIT_LINE = LazyPattern(r"^[\s(\[]*(?:" + _CREDIT_LABELS + r")\s*:", _I)
# What each ASCII label of CREDIT_LINE starts with (lower case; the others are not ASCII): ``may_be_credit_line``.
# (A new ASCII label adds its start here.)
CREDIT_LINE_STARTS = ("licen", "author", "photo", "image", "pic", "credit", "source", "illustration", "video", "fot",
                      "bild", "quelle", "lizenz", "fuente", "fonte", "bron")
_CREDIT_LINE_HEAD = max(map(len, CREDIT_LINE_STARTS))
_CREDIT_LINE_LEAD = "([\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "  # (every ASCII character CREDIT_LINE's lead or str.strip takes)


def may_be_credit_line(text: str) -> bool:
    """False when ``text`` surely does not match CREDIT_LINE: an ASCII start past its lead that starts no label.

    ASCII letters match case-insensitively only each other, so an ASCII line must start (after brackets and
    white space) with one of the ASCII labels: two calls in C, where the pattern took ~6K instructions to fail.
    """
    head = text.lstrip(_CREDIT_LINE_LEAD)[:_CREDIT_LINE_HEAD]
    return not head.isascii() or head.lower().startswith(CREDIT_LINE_STARTS)
# Cheap substring test before CREDIT_PHRASE: a line without any of these cannot match it.
CREDIT_KEYWORDS = ("courtesy", "credit", "photo", "image", "picture", "illustration", "getty", "shutterstock",
                   "creative commons", "cc-by", "cc by", "foto", "bildquelle", "crédit", "fot. ")
# CREDIT_PHRASE's alternatives, grouped by the words each group needs in the lower-cased line
# (``has_credit_phrase`` searches only the groups whose words the line holds: the whole
# alternation costs ~65K instructions a line, the most part of it in groups a line cannot match).
# A new alternative goes in the group whose words it holds, or adds its words to has_credit_phrase's tests.
# A subject ("image", "photo", "picture", "illustration") with "credit" or "courtesy":
_CREDIT_PHRASE_CREDITED = LazyPattern(
    r"(?:image|photo|picture|illustration)s? (?:courtesy|credit)(?: of)?\b|\(photo credit\b", _I)
# A subject with " by":
_CREDIT_PHRASE_BY = LazyPattern(r"\b(?:photo|photograph|image|picture) by\b", _I)
# Words of their own (each holds one of _CREDIT_PHRASE_ALONE):
_CREDIT_PHRASE_WORDS = LazyPattern(
    r"\bgetty images\b|\bshutterstock\b|\bcreative commons\b|\bcc[ -]by(?:-sa)?\b"
    r"|\bfoto: |\bbildquelle\b|\bcrédit photo\b|\bfoto di\b|\bfoto de\b|\bfoto van\b|\bfot\. ", _I)
# a caption's credit in brackets, "(Image: Agency)": a subject ("pic" in "picture"), "(" and ": ":
_CREDIT_PHRASE_BRACKETED = LazyPattern(r"\((?:image|photo|picture|pic|foto)s?: [^()]{1,60}\)", _I)
# At the line's start (one of _CREDIT_PHRASE_STARTS): a news agency's caption, "In this 2006 file photo,
# ..."; a gallery's counter, "Image 3 of 5":
_CREDIT_PHRASE_AT_START = LazyPattern(
    r"^in this\b.{0,50}?(?:\bfile |\d{4},? )(?:photo|image|picture|photograph)\b"
    r"|^in this (?:photo|image|picture|photograph) (?:taken|made|released|provided|shot|dated|obtained)\b"
    r"|^(?:image|photo|picture|foto) \d+ (?:of|/|von|de|di|van|z) \d+\s*$", _I)
_CREDIT_PHRASE_PARTS = (_CREDIT_PHRASE_CREDITED, _CREDIT_PHRASE_BY, _CREDIT_PHRASE_WORDS, _CREDIT_PHRASE_BRACKETED,
                        _CREDIT_PHRASE_AT_START)
# Every alternative in one pattern: for a line holding "İ" or "ſ" (see has_credit_phrase), and the tests.
CREDIT_PHRASE = LazyPattern("|".join(part.pattern for part in _CREDIT_PHRASE_PARTS), _I)
_CREDIT_PHRASE_STARTS = ("in this", "image", "photo", "picture", "foto")
_CREDIT_PHRASE_ALONE = ("getty images", "shutterstock", "creative commons", "cc by", "cc-by", "foto", "bildquelle",
                        "crédit", "fot. ")
_CREDIT_PHRASE_SUBJECTS = ("image", "photo", "pic", "illustration")


def has_credit_phrase(text: str, timeout: float = _DEFAULT_TIMEOUT) -> bool:
    """True when CREDIT_PHRASE matches somewhere in ``text`` (``search``), searching only the groups of its
    alternatives whose words the lower-cased line holds.

    Substring tests in C first: three in four lines holding a credit keyword ("photo", "credit") are
    prose that mentions one, and search no group.  A letter the pattern matches ignoring case is the
    same letter in the lower-cased line, but for "İ" (an "i") and "ſ" (an "s"): with either, the whole
    pattern decides.
    """
    if not lowers_as_matched(text):
        return search(CREDIT_PHRASE, text, timeout) is not None
    low = text.lower()
    subject = any(map(low.__contains__, _CREDIT_PHRASE_SUBJECTS))
    return bool(subject and ("credit" in low or "courtesy" in low) and search(_CREDIT_PHRASE_CREDITED, text, timeout)
                or subject and " by" in low and search(_CREDIT_PHRASE_BY, text, timeout)
                or any(map(low.__contains__, _CREDIT_PHRASE_ALONE)) and search(_CREDIT_PHRASE_WORDS, text, timeout)
                or ("(" in low and ": " in low and (subject or "foto" in low)
                    and search(_CREDIT_PHRASE_BRACKETED, text, timeout))
                or low.startswith(_CREDIT_PHRASE_STARTS) and search(_CREDIT_PHRASE_AT_START, text, timeout))


# ---------------------------------------------------------------- names, bylines, authors
# Capitalised words that end a name rather than continue it: the labels and job titles that
# follow a name in a byline ("Jane Doe Updated May 2", "Jane Doe Executive Editor").
_NOT_NAME_LIST = """published updated posted last modified reviewed edited fact read min share follow view more about
    comment comments executive senior director founder co-founder ceo cto manager editor writer reporter expert
    specialist head chief president analyst consultant correspondent columnist veröffentlicht aktualisiert
    publié publicado actualizado pubblicato aggiornato atualizado gepubliceerd bijgewerkt opublikowano
    zaktualizowano in on at from for with""".split()
# (Tried only in lookarounds, where the order of the words does not matter.)  Patterns using it pass
# ``not_name=_NOT_NAME_LIST``.
_NOT_NAME_WORDS = r"(?i:\L<not_name>)(?![\p{L}\-])"
# A personal name: two to four capitalised words, with the usual particles ("van der"), none of them
# one of the words above.  ``NAME`` calls the subpattern that ``_NAME_DEFINITIONS`` defines, and every
# pattern using it starts with those definitions (``_with_names``): a pattern naming several people
# then holds the name's text once, not once per name and twice per word, and compiles several times
# faster (the regex module compiles ~2 µs a character; BYLINE took 5 ms as copies).
_NAME_BODY = (
    r"(?!(?&_not_name))\p{Lu}[\p{L}'’\-.]*(?:\s+(?:(?:van|von|de|der|den|da|di|du|la|le|del|dos|das|ten|ter|"
    r"bin|al)\s+){0,2}(?!(?&_not_name))\p{Lu}[\p{L}'’\-.]*){1,3}"
)
_NAME_DEFINITIONS = r"(?(DEFINE)(?P<_not_name>" + _NOT_NAME_WORDS + r")(?P<_name>" + _NAME_BODY + r"))"
NAME = r"(?&_name)"


def _with_names(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern that uses ``NAME``, with the name's definitions in front (they match nothing themselves)."""
    return LazyPattern(_NAME_DEFINITIONS + pattern, flags, not_name=_NOT_NAME_LIST)


# ", and" as well as "," or "and" between names: "Ann Lee, Bo Park, and Cy Diaz".
_JOIN = (r"(?:(?<!\s)\s*|(?<=\s))(?:,\s*(?:and|und|et|y|e|en|i|oraz)\b|,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|"
         r"\ben\b|\bi\b|\boraz\b)\s*")
# Text of adjacent elements run together: "Jane DoePublished", "Jane DoeFounder at …".
RUN_TOGETHER_LABEL = LazyPattern(r"(?=\p{Lu})(?<=\p{Ll})(?=" + _NOT_NAME_WORDS + r")", not_name=_NOT_NAME_LIST)
NAME_LIST_SPLIT = LazyPattern(_JOIN)

# The names a byline gives after its label ("Jane Doe", "Ann Lee, Bo Park and Cy Diaz").
BYLINE_NAMES = _with_names(r"(?P<names>" + NAME + r"(?:" + _JOIN + NAME + r")*)")


class _LabelThenNames:
    """A byline's label ("By", "Written by", "von") and then its names, matched in two steps: the label's
    pattern, then ``BYLINE_NAMES`` from where it ends.

    The names' definitions then compile once for BYLINE and BYLINE_INSIDE, not once each (~1,000
    pattern characters, ~25 M instructions in a fresh process), and the matches are those of one
    pattern holding both: a name starts with a capital letter, so it can only start after all the
    white space and the colon following the label, which is where the label's pattern ends (its
    words are no prefixes of each other followed by white space or a colon).  ``match`` and ``search``
    return the names' match (group ``names``), or None; like a pattern's, they take ``timeout``.
    """

    __slots__ = ("label", "starts")

    def __init__(self, label: LazyPattern, starts: tuple[str, ...] | None = None):
        self.label = label
        # (``starts``: what a matching label starts with, lower case, for ``match``'s cheap gate)
        self.starts = starts

    def match(self, text: str, timeout: float | None = None) -> regex.Match[str] | None:
        if self.starts is not None:
            # An ASCII line not led by a label's start cannot match (ASCII letters match case-insensitively
            # only each other): two calls in C where the label's pattern took ~13K instructions to fail.
            head = text.lstrip()[:_BYLINE_HEAD]
            if head.isascii() and not head.lower().startswith(self.starts):
                return None
        m = self.label.match(text, timeout=timeout)
        return None if m is None else BYLINE_NAMES.match(text, m.end(), timeout=timeout)

    def search(self, text: str, timeout: float | None = None) -> regex.Match[str] | None:
        """The names after the first label that has any (the leftmost match of the one pattern)."""
        pos = 0
        while (m := self.label.search(text, pos, timeout=timeout)) is not None:
            names = BYLINE_NAMES.match(text, m.end(), timeout=timeout)
            if names is not None:
                return names
            pos = m.start() + 1
        return None


BYLINE = _LabelThenNames(LazyPattern(
    r"^\s*(?i:by|written by|words by|story by|posted by|von|par|por|di|door|przez|autor(?:in)?|auteure?|autore|author|"
    r"text|texte|texto|testo|tekst|reporting by|redakcja)\s*(?::\s*|\s+)"
), starts=(  # (what each label starts with: a new label adds its start here)
    "by", "written by", "words by", "story by", "posted by", "von", "par", "por", "di", "door", "przez", "aut",
    "text", "testo", "tekst", "reporting by", "redakcja"))
_BYLINE_HEAD = 12  # the longest of BYLINE's starts ("reporting by")

# "… by Jane Doe" inside a byline that starts with something else: "Published 7 May 2023 by Jane Doe",
# "Posted by Jane Doe on …", "ByJane Doe" (text of adjacent elements run together).
BYLINE_INSIDE = _LabelThenNames(LazyPattern(
    r"(?:^|(?<=[\s|•·●,:;(]))(?<!(?i:reviewed|edited|updated|checked|photos?|photographs?|images?|pictures?|"
    r"illustrations?|illustrated|video|graphics?|produced|designed|translated|modified)\s+)"
    r"(?i:by|von|par|por|door|przez)\s*:?\s*"
))
# Every pattern that finds "by" inside a line needs one of these (lower case): a cheap gate.
BY_WORDS = ("by", "von", "par", "por", "door", "przez")


def may_have_by(text: str) -> bool:
    return contains_any(text, BY_WORDS)


# A one-word name (a user name, a first name) after "By" that starts the line or a part of it:
# "by ibby", "Posted by BeauHD on …", "by Amanda · Dec 20, 2025".
BYLINE_ONE_WORD = LazyPattern(
    r"(?:^\s*|(?<=[|•·●]\s*)|(?<=(?i:posted|written)\s+))(?i:by|von|par|por|door|przez)(?:\s*:\s*|\s+)"
    r"(?P<names>\p{L}[\p{L}\p{N}_.\-]{1,40})(?=\s*(?:$|[|•·●,]|\s(?:on|at|in|am|le|el|il|op|w)\b))"
)
# A byline's label alone on its line ("Written by", "Author:"), the name in the next element.
BYLINE_LABELS = frozenset({
    "by", "written by", "words by", "story by", "posted by", "author", "authors", "autor", "autorin", "auteur",
    "auteure", "autore", "door", "von", "par", "por", "przez", "geschrieben von", "écrit par", "escrito por",
    "scritto da", "geschreven door", "napisane przez",
})


def is_byline_label(text: str) -> bool:
    """The line is only a byline's label: "Written by", "Author:"."""
    return len(text) <= 24 and " ".join(text.rstrip(" :").split()).lower() in BYLINE_LABELS


# The address of a writer's page: "/author/jane-doe", "/authors/jane", "?author=12", "/people/jane-doe".
AUTHOR_HREF = LazyPattern(
    r"[/?&](?:author|authors|autor|autoren|auteur|auteurs|autore|autori|contributors?|writers?|people|"
    r"journalists?|redakteur|redaktion/autor|profiles?|staff|team|by)(?:/|=|-[^/]*$|$)",
    regex.I,
)
# Separators between the parts of a byline ("Jane Doe | May 7, 2023 | 5 min read").
BYLINE_PART_SPLIT = LazyPattern(r"\s*(?:[|•·●/]|\s[-–—]\s)\s*")

# Characters of user names and addresses, never of a person's name as shown ("andrew.keaveney").
NOT_IN_NAMES = LazyPattern(r"[\d_@./\\]")

# A line that is only a person's name, perhaps with credentials: "Dylan Bailey, MS, RD".
NAME_LINE = _with_names(r"^" + NAME + r"(?:,?\s+(?:\p{Lu}[\p{L}.\-]{0,6}|Ph\.D\.|Jr\.|Sr\.))*(?:,\s*\p{Lu}[\p{L}.\-]{1,8}){0,4}$")

_ROLE = (
    r"(?i:(?:staff|senior|guest|contributing|deputy|news|sports?|features?|comment|opinion|culture|arts|"
    r"section|managing|associate|assistant|chief|political|science|music|film|books|travel|dialogue|"
    r"freier?|freie|leitende[rn]?)\s+)*"
    r"(?i:writer|editor|reporter|correspondent|columnist|contributor|journalist|critic|"
    r"redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journaliste|rédact(?:eur|rice)|correspondante?|"
    r"chroniqueu(?:r|se)|periodista|redactora?|corresponsal|columnista|giornalista|redatt(?:ore|rice)|"
    r"corrispondente|editorialista|jornalista|repórter|correspondente|colunista|redacteur|verslaggever|"
    r"columnist|dziennikar(?:z|ka)|redaktor(?:ka)?|korespondent(?:ka)?|felietonist(?:a|ka))"
)
# Every role word above contains one of these stems (lower case): a cheap gate before ROLE_NAME.
ROLE_STEMS = ("writer", "editor", "reporter", "correspond", "columnist", "contributor", "journalist", "critic",
              "redakt", "korrespond", "korespond", "autor", "rédact", "chroniqu", "periodist", "redactor",
              "corresponsal", "giornalist", "redatt", "corrispond", "editorialist", "jornalist", "repórter",
              "colunist", "redacteur", "verslaggever", "dziennikar", "felietonist")


def may_name_role(text: str) -> bool:
    return contains_any(text, ROLE_STEMS)


# "Dialogue staff writer Patrick Schnecker discusses ...": a role, a name, then a lower-case verb.
ROLE_NAME = _with_names(r"(?:^|[\s(,])" + _ROLE + r"\s+(?P<name>" + NAME + r")(?=[\s,]+\p{Ll})")


def search_role_name(text: str, timeout: float = _DEFAULT_TIMEOUT) -> regex.Match[str] | None:
    """``search`` for ROLE_NAME when ``may_name_role``, not made when no role word in ``text`` is followed by white
    space and a capital.

    ROLE_NAME's role word (holding one of ROLE_STEMS, letters to its end) is followed by ``\\s+`` and a
    name's capital (``\\p{Lu}``): each stem found in the lower-cased text is followed to its word's end in
    Python, which costs less than the search (~400K instructions on a long line that names a writer's
    role, most of them spent trying the role words at each space).  (``str.isspace`` admits every
    character ``\\s`` does; a capital is an ASCII one or any other character (``\\p{Lu}`` of the regex module
    holds letters newer than Python's tables); for "İ" and "ſ", whose lower case is not what the
    pattern matches and may be longer, the pattern decides.)
    """
    if not may_name_role(text):  # (in C: most lines end here)
        return None
    if lowers_as_matched(text):
        low = text.lower()
        n = len(text)
        for stem in ROLE_STEMS:
            at = low.find(stem)
            while at >= 0:
                end = at + len(stem)
                while end < n and text[end].isalpha():
                    end += 1
                if end < n and text[end].isspace():
                    while end < n and text[end].isspace():
                        end += 1
                    if end < n and (text[end].isupper() or not text[end].isascii()):
                        return search(ROLE_NAME, text, timeout)
                at = low.find(stem, at + 1)
        return None
    return search(ROLE_NAME, text, timeout)


# ---------------------------------------------------------------- dates
MONTHS: dict[str, int] = {}
for _n, _names in enumerate([
    "january jan januar janv janvier enero ene gennaio genn janeiro januari januar jänner stycznia styczeń sty",
    "february feb februar févr fevrier février febrero febbraio fevereiro fev februari lutego luty lut",
    "march mar märz maerz mars marzo março maart marca marzec",
    "april apr avril abril aprile abr kwietnia kwiecień kwi",
    "may mai mayo maggio maio mei maja maj",
    "june jun juni juin junio giugno junho czerwca czerwiec cze",
    "july jul juli juillet juil julio luglio julho lipca lipiec lip",
    "august aug août aout agosto ago augustus sierpnia sierpień sie",
    "september sep sept septembre septiembre settembre set setembro wrzesień września wrz",
    "october oct oktober octobre octubre ottobre ott outubro out okt października październik paź",
    "november nov novembre noviembre novembro listopada listopad lis",
    "december dec dezember décembre decembre diciembre dic dicembre dezembro dez grudnia grudzień gru",
], start=1):
    for _w in _names.split():
        MONTHS.setdefault(_w, _n)


def month_number(name: str) -> int | None:
    """The month a name or abbreviation in ``MONTHS`` stands for ("Sept." -> 9), any case."""
    return MONTHS.get(name.lower().rstrip("."))


# Every month name, longest first (as the named list ``months`` of ``_MONTH_LIST`` tries them;
# none holds a character ``regex.escape`` would escape, as tested).
_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
_MONTH = r"(?P<month>\L<months>)\.?"
_MONTH_LIST = LazyPattern(r"\L<months>", _I, months=_MONTH_NAMES)
_ASCII_MONTHS = frozenset(name for name in MONTHS if name.isascii())
_LONGEST_MONTH = max(map(len, MONTHS))


def is_month_name(word: str) -> bool:
    r"""``word`` is one of ``MONTHS`` in any case, exactly as the named list ``\L<months>`` matches case-insensitively.

    An ASCII word is looked up lower-cased (no non-ASCII month letter folds to an ASCII one, as tested);
    only other words ("März", "ſept") need the compiled list.
    """
    if word.isascii():
        return word.lower() in _ASCII_MONTHS
    return _MONTH_LIST.fullmatch(word) is not None


class _MonthDate:
    r"""A date pattern with a month name (``_MONTH``), found exactly where the pattern itself would find it.

    Compiling the ~130 month names costs ~3 ms (~25M instructions) in every pattern that holds them;
    this one compiles the pattern with a plain word, ``\p{L}{1,12}`` (the longest name's length), in their place
    and checks the word
    with ``is_month_name``, so the names are compiled once at most (none for English text).
    It is exact because the word that ``_MONTH`` may match always ends where a letter run ends (a
    ``.``, ``,``, white space or ``-`` must follow it), and it either starts where the run starts
    (``at_run_start``: a separator comes before it) or may start inside the run: then the leftmost
    start whose rest of the run is a month name is the pattern's match.  Every match of the pattern is
    a match of the plain-word pattern, so the plain one's leftmost match is never later.  The only
    other reading at the same start (``de`` as the month of "5 de ...") is never a month name.
    """

    __slots__ = ("pattern", "word_pattern", "at_run_start", "tail")

    def __init__(self, pattern: str, at_run_start: bool, tail: str):
        self.pattern, self.at_run_start = pattern, at_run_start
        # At most as many letters as the longest name: a start inside a long letter run then fails after a
        # few letters, not at the run's end (so a page-long run is scanned in linear, not quadratic, time).
        self.word_pattern = LazyPattern(pattern.replace(r"\L<months>", rf"\p{{L}}{{1,{_LONGEST_MONTH}}}"), _I)
        # A part of every match (``tail``: from the day to the year, or the year after a word), from fewer
        # starts (a digit, a year): a text without it has no date, found in 1-4 µs on a 30-character line,
        # where the plain word's search tries each letter (~10-20 µs), and most lines asked have no date.
        self.tail = LazyPattern(tail, _I)

    def search(self, text: str, pos: int = 0, timeout: float | None = None) -> regex.Match[str] | None:
        if self.tail.search(text, pos, timeout=timeout) is None:
            return None
        plain = self.word_pattern
        while (m := plain.search(text, pos, timeout=timeout)) is not None:
            start, end = m.span("month")
            if self.at_run_start:
                if is_month_name(text[start:end]):
                    return m
                pos = m.start() + 1  # no match starts here: the pattern's could start one further
            else:
                # Leftmost first, as the pattern tries starts; a name is at most _LONGEST_MONTH letters long,
                # so only the run's last few starts can match (a long run costs no more than a short one).
                for i in range(max(start, end - _LONGEST_MONTH), end):
                    if is_month_name(text[i:end]):
                        return m if i == start else plain.match(text, i, timeout=timeout)
                pos = end  # every start inside this letter run failed
        return None

    def finditer(self, text: str, pos: int = 0, timeout: float | None = None) -> Iterator[regex.Match[str]]:
        while (m := self.search(text, pos, timeout)) is not None:
            yield m
            pos = m.end()  # never empty: a date has a year

    def sub(self, repl: str, text: str) -> str:
        """Every match replaced by ``repl`` (a plain string: no group references)."""
        parts, last = [], 0
        for m in self.finditer(text):
            parts += (text[last:m.start()], repl)
            last = m.end()
        return "".join(parts) + text[last:] if parts else text


DATE_ISO = LazyPattern(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<mnum>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)")
DATE_DMY_NAME = _MonthDate(r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?(?:\s+(?:de\s+)?|-)" + _MONTH
                           + r"(?:,?\s+(?:de\s+)?|-)(?P<year>(?:19|20)\d\d)(?!\d)", at_run_start=True,
                           tail=r"\d(?:st|nd|rd|th|er|º|\.)?(?:\s+(?:de\s+)?|-)\p{L}{1,%d}\.?(?:,?\s+(?:de\s+)?|-)(?:19|20)\d\d(?!\d)"
                           % _LONGEST_MONTH)
DATE_MDY_NAME = _MonthDate(_MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)",
                           at_run_start=False, tail=r"\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?!\d)")
DATE_DMY_NUM = LazyPattern(r"(?<!\d)(?P<day>[0-3]?\d)[./](?P<mnum>[0-3]?\d)[./](?P<year>(?:19|20)\d\d)(?!\d)")
# Each date form, in the order they are tried, with the strings one of which each of its matches holds (none:
# every text may hold one).  The numeric forms' separators are tested in C first: a line with a month name
# seldom has them, and the ``regex`` module tries their lookbehind at every position of a line (~5-10 µs); the
# forms with a month name gate themselves (``_MonthDate.tail``).
_DATE_FORMS: tuple[tuple[LazyPattern | _MonthDate, tuple[str, ...]], ...] = (
    (DATE_ISO, ("-", "/", ".")), (DATE_DMY_NAME, ()), (DATE_MDY_NAME, ()), (DATE_DMY_NUM, (".19", ".20", "/19", "/20")))
DATE_PATTERNS = tuple(form for form, _ in _DATE_FORMS)


def date_patterns_for(text: str) -> list[LazyPattern | _MonthDate]:
    """The DATE_PATTERNS, in order, that may match ``text``: all but the numeric forms whose separators it lacks."""
    return [form for form, needs in _DATE_FORMS if not needs or any(map(text.__contains__, needs))]


def may_have_year(text: str) -> bool:
    """False when ``text`` cannot hold a date: every DATE_PATTERNS form has a 19xx or 20xx year (a cheap gate)."""
    return "19" in text or "20" in text


def has_date(text: str, timeout: float = _DEFAULT_TIMEOUT) -> bool:
    """True when ``text`` contains a calendar date in one of the DATE_PATTERNS forms."""
    if not may_have_year(text):
        return False
    return any(search(p, text, timeout) for p in date_patterns_for(text))
URL_DATE = LazyPattern(r"/(?P<year>(?:19|20)\d\d)[/-](?P<mnum>[01]?\d)[/-](?P<day>[0-3]?\d)(?:/|-|$)")
DATELINE = LazyPattern(
    r"^\s*(?i:published|updated|posted|last updated|modified|date|veröffentlicht|aktualisiert|publié|mis à jour|"
    r"publicado|actualizado|pubblicato|aggiornato|atualizado|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano)\b"
)

# A month and year without a day ("Last updated: June 2022"), read as the month's first day
# on a dateline when the page shows no whole date.
DATE_MONTH_YEAR = _MonthDate(r"(?<!\d[\s./-]*)" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)(?!\d)", at_run_start=False,
                             tail=r"(?<=[\p{L}.],?\s+)(?:19|20)\d\d(?!\d)")

# "This article was originally published on 26 Sep 2019": the text names the first publication's
# date, which the byline (showing the last revision's) does not.  ORIGINAL_STEMS gates the pattern.
ORIGINAL_STEMS = ("originally published", "first published", "ursprünglich", "erstmals", "initialement",
                  "à l'origine", "pour la première fois", "originalmente", "por primera vez", "originariamente",
                  "per la prima volta", "oorspronkelijk", "pierwotnie")
ORIGINALLY_PUBLISHED = LazyPattern(
    r"(?i:originally published|first published|(?:ursprünglich|erstmals) (?:veröffentlicht|erschienen|am(?= \d))|"
    r"(?:publié|paru) (?:initialement|à l'origine|pour la première fois)|initialement (?:publié|paru)|"
    r"publicado (?:originalmente|por primera vez)|originalmente publicado|"
    r"(?:pubblicato|apparso) (?:originariamente|per la prima volta)|originariamente pubblicato|"
    r"oorspronkelijk (?:gepubliceerd|verschenen)|pierwotnie opublikowan\w*)(?P<rest>.{0,40})"
)

# A dateline that gives an update's date, not the publication's: "Updated", "Last modified", "Reviewed".
# So does the latest activity of a thread: "last post by ... Jan 18", "letzte Antwort".
UPDATE_LABEL = LazyPattern(
    r"(?i:updat|modif|revised|edited|reviewed|aktualisiert|überarbeitet|mis à jour|modifié|actualizado|"
    r"modificado|aggiornat|modificat|atualizado|bijgewerkt|gewijzigd|zaktualizowan|zmodyfikowan|"
    r"last (?:post|reply|replied|comment|activity)|latest (?:post|reply|activity)|letzte[rn]? (?:beitrag|antwort)|"
    r"derni(?:er|ère) (?:message|réponse|activité)|últim[oa] (?:mensaje|respuesta|actividad|resposta)|"
    r"ultim[oa] (?:messaggio|risposta|attività)|laatste (?:bericht|reactie|activiteit)|"
    r"ostatni[ae]? (?:post|wpis|odpowiedź|aktywność))"
)

# The class/id hints (as a block's reason quotes them) of boxes that list other articles:
# their dates are those articles', never this one's.
OTHER_ARTICLES_HINT = LazyPattern(
    r"^(?:related|recommend|recirc|more-?(?:stories|articles|news)|popular|"
    r"trending|most-?(?:read|popular|viewed)|teaser|outbrain|taboola)",
    regex.I,
)

# A member's or a group's date beside a post ("Joined: Jul 24, 2017", "Member since 2019"),
# never the article's.
ACCOUNT_DATE_LABEL = LazyPattern(
    r"(?i:\b(?:joined|member since|registered|founded|mitglied seit|registriert|dabei seit|inscrit|membre depuis|"
    r"registrad[oa]|miembro desde|iscritt[oa]|membro da|lid sinds|geregistreerd|dołączył|zarejestrowan))"
)

# How a <time> element's itemprop/class marks it: the publication's date, or an update's.
TIME_PUBLISHED_MARK = LazyPattern(r"publish|pubdate|created")
TIME_UPDATED_MARK = LazyPattern(r"updated|modified")

# A page that declares itself an article: og:type "article", or a schema.org type that is one
# (Article, NewsArticle, TechArticle, BlogPosting, LiveBlogPosting, Report ...), matched per type.
DECLARED_ARTICLE_TYPE = LazyPattern(r"(?:\w*article|\w*blogposting|report)", regex.I)

# ---------------------------------------------------------------- titles
# "Headline - Site Name", "Headline | Site", "Site :: Headline".
TITLE_SEPARATOR = LazyPattern(r"(?<!\s)\s+[|–—·•:»/-]{1,2}\s+")
_TITLE_SEPARATOR_CHARS = tuple("|–—·•:»/-")  # (one of which every TITLE_SEPARATOR match holds)


def split_title(text: str) -> list[str]:
    """``TITLE_SEPARATOR.split(text)``: "Headline | Site" -> ["Headline", "Site"]; a text without a separator's
    character is its own one part, found by substring tests in C (~500 instructions, where the split took ~4K)."""
    if not any(map(text.__contains__, _TITLE_SEPARATOR_CHARS)):
        return [text]
    return TITLE_SEPARATOR.split(text)

# ---------------------------------------------------------------- HTML class/id hints
# An element holding the writer's name: a word for the writer ("author", "writer", "creator",
# "contributor", "byline"), perhaps after "article-"/"post-" and before "-name"/"-info".
AUTHOR_HINT = LazyPattern(
    r"(?:^|[\s_-])(?:article-?|entry-?|post-?)?(?:authors?|writer|creator|contributor|by-?line|posted-?by)"
    r"(?:-?(?:name|info))?(?:$|[\s_-])",
    regex.I,
)
# AUTHOR_HINT matches only (lower-cased) class/id text holding one of these: a cheap gate.  (No
# "s": the pattern's case folding matches "ſ" for it; "posted-by" is found by its "ted-by".)
AUTHOR_HINT_KEYWORDS = ("author", "writer", "creator", "contributor", "byline", "by-line", "tedby", "ted-by")
NOT_AUTHOR_HINT = LazyPattern(r"(?:^|[\s_-])(?:bio|avatar|image|img|photo|pic|description|desc|social|follow)"
                                r"(?:$|[\s_-])", regex.I)
# An element holding the summary under the headline (the standfirst).
STANDFIRST_HINT = LazyPattern(
    r"(?:^|[\s_-])(?:standfirst|dek|deck|subtitle|sub-?headline|subhead|summary|lede|lead|intro|excerpt|"
    r"description|strapline|teaser-?text|article-?summary|chapo|chapeau|sottotitolo|entradilla|bajada)(?:$|[\s_-])",
    regex.I,
)
BOILERPLATE_HINT = LazyPattern(
    # "content-with-sidebar", "has-comments": a layout modifier names the neighbours, not the element
    r"(?:^|[\s_-])(?<!(?:with|has|no|without)[-_])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|masthead|sidebar|side-?bar|widget|related|"
    r"recommend(?:ed|ations)?|recirc|more-?(?:stories|articles|news)|popular|trending|most-?(?:read|popular|viewed)|"
    r"share|sharing|sharebar|social|comments?|disqus|respond|newsletter|subscribe|subscription|signup|promo|"
    r"advert(?:isement)?|ads?|ad-?slot|adunit|sponsor(?:ed)?|cookies?|consent|gdpr|modal|popup|overlay|toolbar|"
    r"pagination|pager|tags?|tag-?list|author-?bio|bio|caption|credits?|skip|print|rating|login|paywall|"
    r"teaser|outbrain|taboola|banner|jump-?link|read-?more|newsletter-?signup|visually-?hidden|sr-only)"
    r"(?:$|[\s_-])",
    _I,
)
CONTENT_HINT = LazyPattern(
    r"(?:^|\s)(?:content|main|body|text|story|post|entry|article|prose)(?:$|\s)"
    r"|(?:^|[\s_-])(?:article|story|post|entry|news|blog|page|main)[-_]{0,2}(?:body|content|text|entry|main)"
    r"(?:$|[\s_-])|(?:^|[\s_-])(?:articlebody|rich-?text|blog-?post|story-?content)(?:$|[\s_-])",
    _I,
)

# The words that can begin a BOILERPLATE_HINT / CONTENT_HINT match, each whole between separators
# (" ", "_", "-"): the first word of each phrase, and each phrase written without its optional
# hyphen or separators ("sidebar", "articlebody").  An ASCII class name holding none of them between
# separators has no match, and is not searched (most names have none).  Keep in step with the
# patterns: tests/test_patterns.py checks every phrase they match against these.
BOILERPLATE_HINT_LEADS = frozenset("""
    nav navbar navigation menu breadcrumb breadcrumbs footer masthead sidebar side widget related recommend
    recommended recommendations recirc more morestories morearticles morenews popular trending most mostread
    mostpopular mostviewed share sharing sharebar social comment comments disqus respond newsletter subscribe
    subscription signup promo advert advertisement ad ads adslot adunit sponsor sponsored cookie cookies consent
    gdpr modal popup overlay toolbar pagination pager tag tags taglist author authorbio bio caption credit credits
    skip print rating login paywall teaser outbrain taboola banner jump jumplink read readmore newslettersignup
    visually visuallyhidden sr""".split())
CONTENT_HINT_LEADS = frozenset("""
    content main body text story post entry article prose news blog page rich richtext blogpost storycontent
    articlebody""".split()) | {first + second for first in ("article", "story", "post", "entry", "news", "blog", "page", "main")
                               for second in ("body", "content", "text", "entry", "main")}

# The heading of an "About ..." box at the foot of an article: the writer's bio ("About the Author",
# "Über die Autorin", or "About" and the writer's name, which the pass checks).  ABOUT_WRITER names
# the writer; ABOUT_HEADING's group is what follows "About".
ABOUT_WRITER = LazyPattern(
    r"^[\s\W]*(?:about the (?:authors?|writers?|contributors?)|über (?:den|die) autor(?:in|en|innen)?"
    r"|à propos (?:de l['’]|des )auteure?s?|sobre (?:el|la|los|o|a|os) autor(?:a|es|as)?|l['’]autore"
    r"|informazioni sull['’]autore|over de auteurs?|o autor(?:ze|ce|ach))[\s:.]*$",
    _I,
)
ABOUT_HEADING = LazyPattern(
    r"^[\s\W]*(?i:about|über|à propos de|acerca de|sobre|informazioni su|over|o)\s+(\p{Lu}[^.!?:]*?)[\s:]*$",
)

# ---------------------------------------------------------------- the article's last lines
# What a site appends at the foot of an article, inside its text: invitations to subscribe, to
# follow the writer or the site, to support or contact it, and agency credit lines.  Searched
# (``search``) only in the last short blocks of a body, never in the middle of an article.
# Every phrase holds one of these (lower case): a cheap gate.
# A writer's bio at the foot of an article: a paragraph that opens with the writer's name (a
# bracketed handle may follow) and then "is", "has", a comma ... -- "Jane Doe is a freelance
# writer", "Jane (@jdoe) has covered ...", "Jane Doe, an award-winning reporter, ...".  The pass
# checks that the name is the writer's; ``name`` is the capitalised words before the verb.
BIO_START = LazyPattern(
    r"^(?P<name>\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3})(?:\s*\([^()]{1,40}\))?"
    r"(?:\s*,|\s+(?:is|was|has|had|holds|joined|founded|co-founded|started|writes|covers|leads|lives|studied|worked"
    r"|began|specializes|specialises|serves|brings|loves|enjoys|helps"
    r"|ist|war|hat|schreibt|lebt|est|a|écrit|vit|es|fue|ha|escribe|vive|è|scrive|vive|é|foi|tem|escreve|vive"
    r"|heeft|schrijft|woont|jest|był|była|pisze)\b)"
)
# A bio is about a person: it says "he" or "she", or names a role; a company's own boilerplate
# ("Acme has a 30 year history ... Our website ...") speaks as "we".
BIO_PERSON = LazyPattern(
    r"\b(?:he|she|his|her|him|er|sie|ihr|ihre|sein|seine|il|elle|él|ella|lui|lei|ele|ela|hij|zij|haar|ona|jego|jej"
    r"|(?:co-?)?founder|ceo|cto|owner|writer|copywriter|editor|reporter|correspondent|columnist|contributor"
    r"|journalist|author|analyst|photographer|researcher|expert|director"
    r"|autor(?:in)?|redakteur(?:in)?|journalistin|gründer(?:in)?|auteur|rédact\w*|fondat\w*|periodista|fundador\w*"
    r"|giornalista|redattore|jornalista|oprichter|założyciel\w*|dziennikar\w*)\b", _I)
BIO_WE = LazyPattern(r"\b(?:we|our|us|wir|unser\w*|nous|notre|nos|nosotros|nuestr[oa]s?|noi|nostr[oaei]|nós|noss[oa]s?"
                     r"|wij|ons|onze|my|nasz\w*)\b", _I)
# A short line naming the writer's role, over the bio: "Contributing Writer", "Founder and CEO".
BIO_ROLE_KEYWORDS = ROLE_STEMS + ("author", "founder", "ceo", "cto", "expert", "copywriter", "director",
                                  "gründer", "fondat", "fundador", "oprichter", "założyciel")

# Every phrase but an e-mail address and a credit line starts a word: one \b before them all makes
# the search fail at once inside a word, where it tried each phrase (~3x faster on a 200-character line).
# The phrases come in four groups, each with the words one of its phrases needs in the lower-cased line
# (``search_end_prompt`` searches only the groups whose words the line holds: the whole alternation took
# ~150 µs on a long line, trying each phrase at each word).  A new phrase adds the word it needs to its group's list.
_END_PROMPT_ENGLISH = (
    r"\b(?:subscribe\b|newsletters?\b|in your inbox\b"
    r"|sign[ -]?up (?:now|today|here|for (?:our|the|a|free|email|updates)|to (?:our|receive|get))\b"
    r"|follow (?:us|me|him|her|them)\b|follow\b[^.!?]{0,60}\bon (?:twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky)\b"
    r"|support (?:us|our|independent)\b|donate\b|become a (?:member|subscriber|supporter|patron)\b"
    r"|have a (?:news )?tip\b|contributed (?:to )?this (?:report|story|article)\b"
    r"|click here\b|download (?:our|the) app\b|if you (?:enjoyed|liked) this\b"
    r"|privacy policy\b|personal (?:data|information)\b|we use cookies\b)"
)
_END_PROMPT_ENGLISH_WORDS = ("subscri", "newsletter", "inbox", "sign", "follow", "support", "donate", "become a", "tip",
                             "contributed", "click here", "download", "if you", "privacy", "personal", "cookies")
# de, fr, es, it, pt, nl, pl
_END_PROMPT_OTHER = (
    r"\b(?:abonnieren\b|abonnement\b|folgen sie\b|unterstützen sie\b"
    r"|abonnez-vous\b|s['’]abonner\b|suivez[- ](?:nous|-nous)\b|soutenez\b"
    r"|suscr[íi]b(?:ete|irte|ase)\b|s[íi]guenos\b|bolet[íi]n\b|ap[óo]ya(?:nos)?\b"
    r"|iscriviti\b|abbonati\b|seguici\b|sostieni(?:ci)?\b"
    r"|assine\b|inscreva-se\b|siga-nos\b|apoie\b"
    r"|nieuwsbrief\b|abonneer\b|volg (?:ons|ons op)\b|steun (?:ons|onze)\b"
    r"|subskrybuj\b|zapisz się\b|obserwuj nas\b|wesprzyj\b)"
)
_END_PROMPT_OTHER_WORDS = ("abonn", "folgen", "unterstützen", "suivez", "soutenez", "suscr", "guenos", "bolet", "apoya",
                           "apóya", "iscriviti", "abbonati", "seguici", "sostieni", "assine", "inscreva", "siga-nos",
                           "apoie", "nieuwsbrief", "volg ", "steun ", "subskrybuj", "zapisz", "obserwuj", "wesprzyj")
_END_PROMPT_EMAIL = r"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}"
_END_PROMPT_CREDIT = r"^[\s(\[]*(?:additional )?(?:reporting|editing|writing) by\b"
END_PROMPT = LazyPattern("|".join((_END_PROMPT_ENGLISH, _END_PROMPT_OTHER, _END_PROMPT_EMAIL, _END_PROMPT_CREDIT)), _I)
_END_PROMPT_GROUPS = (
    (_END_PROMPT_ENGLISH_WORDS, LazyPattern(_END_PROMPT_ENGLISH, _I)),
    (_END_PROMPT_OTHER_WORDS, LazyPattern(_END_PROMPT_OTHER, _I)),
    (("@",), LazyPattern(_END_PROMPT_EMAIL, _I)),
    (("reporting by", "editing by", "writing by"), LazyPattern(_END_PROMPT_CREDIT, _I)),
)
# A word of one of these is in every line END_PROMPT matches (lower-cased): its groups' words.
END_PROMPT_KEYWORDS = tuple(dict.fromkeys(word for words, _ in _END_PROMPT_GROUPS for word in words))


def search_end_prompt(text: str, timeout: float = _DEFAULT_TIMEOUT) -> bool:
    """True when END_PROMPT matches in ``text``: only the groups of its phrases whose words the line holds are searched.

    A letter the pattern matches ignoring case is the same letter in the lower-cased line, but for
    "İ" (an "i") and "ſ" (an "s"): with either, the whole pattern decides.
    """
    if not lowers_as_matched(text):
        return search(END_PROMPT, text, timeout) is not None
    low = text.lower()
    return any(any(map(low.__contains__, words)) and search(pattern, text, timeout) is not None
               for words, pattern in _END_PROMPT_GROUPS)
