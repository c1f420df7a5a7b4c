"""Segment a plain-text dump: one block per non-empty line.

Text dumps ("save as text", crawler renderings) put each paragraph on one line and
separate page regions by blank lines; how many blank lines came before a line is
kept as ``gap_before``, the only layout evidence a text dump has.
"""

from __future__ import annotations

from collections import Counter

from .. import patterns
from ..config import Config
from ..document import Block, BlockColumns, Document, defaults_after, stopword_language, unlabelled_blocks
from ..errors import too_many_blocks


def segment(text: str, cfg: Config, url: str | None = None) -> Document:
    lines: list[str] = []
    gaps: list[int] = []  # blank lines before each line (0 for the first)
    gap, max_blocks = 0, cfg.max_blocks
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            gap += 1
            continue
        # (A continuation starts in lower case: ``islower`` is the cheap first test of ``_continues``.)
        if lines and not gap and line[0].islower() and _continues(lines[-1], line, cfg):
            # A hard-wrapped paragraph: the previous line stopped mid-sentence and this one
            # goes on in lower case.  Join them, so a paragraph is one block.
            lines[-1] += " " + line
            continue
        gaps.append(gap)
        lines.append(line)
        gap = 0
    # (The limit and the first line's gap settled once, not tested a line: ~90K instructions a page.)
    if len(lines) > max_blocks:
        raise too_many_blocks(max_blocks)
    if gaps:
        gaps[0] = 0  # (the blank lines before the first line are no break between blocks)
    # Some dumps double-space everything: measure gaps against the usual one, so that
    # gap_before == 1 is an ordinary paragraph break and 2+ a wider break than usual.
    # (A gap of one blank line that is most of the gaps is the usual one, as on most pages: counted in C
    # with two list.count, not a Counter of every gap.)
    if 2 * gaps.count(1) > len(gaps) - gaps.count(0):
        shift = 0
    else:
        counts = Counter(gaps)
        del counts[0]  # (the first line, and lines without a blank line before them)
        shift = counts.most_common(1)[0][0] - 1 if counts else 0
    if not lines:
        return Document(blocks=(), kind="text", url=url, stopword_language=False)
    max_chars = cfg.max_block_chars
    # A line is kept as it is when it is already as the split and join make it (see ``_is_single_spaced``).
    others = "".join([line for line in lines if not line.isascii()])  # (the lines not ASCII, joined)
    if len(text) > max_chars or _may_hold_inline_spaces(text, others):
        texts = [line if len(line) <= max_chars and line.isprintable() and "  " not in line
                 else " ".join(line[:max_chars].split()) for line in lines]
        others = None  # (the texts' white space is not the lines')
    else:
        # No white space but spaces inside the page's lines (most dumps): a line without two spaces
        # in a row is kept, without testing each of its characters printable (~20 instructions a character).
        # No line of a page within max_block_chars is longer (a joined line is no longer than its lines
        # and the break between them): its length is not tested a line.
        # (A page without two spaces in a row anywhere, as most dumps, has none in a line: one scan of the page,
        # not one a line, ~85K instructions a page on WCXB dev.)
        texts = lines if "  " not in text else [line if "  " not in line else " ".join(line.split()) for line in lines]
    # The hot path of text mode: each statistic a column over all lines, and the blocks built
    # as the tuples they are (fields as in document.make_block), row by row in C.
    lows = list(map(str.lower, texts))  # (counted here, then kept for the passes' keyword indexes)
    # (Here the texts not ASCII hold the same characters as the lines but spaces: their join is asked for CJK.
    # The split lines are not kept: a list a line alive until the page ends sets off the garbage collector.)
    words, stops = patterns.word_stats_of(texts, lows, list(map(str.split, lows)), others)
    ends, ellipses = patterns.sentence_ends_of(texts)
    if shift:
        gaps = [max(0, gap - shift) if gap else 0 for gap in gaps]
    # The columns kept for the passes' hot loops (``Document.block_columns``); the fields a text dump has
    # not, each one value repeated (a tuple of n references, made in C).
    n = len(texts)
    columns = BlockColumns(range(n), texts, words, stops, ends, ellipses, ("line",) * n, (0,) * n, gaps,
                           *[(value,) * n for value in _DEFAULTS])
    return Document.unlabelled(unlabelled_blocks(columns), "text", url=url, lowered=lows,
                               stopword_language=stopword_language(words, stops, cfg), columns=columns)


def _is_single_spaced(line: str) -> bool:
    """True when the stripped ``line`` is already as ``" ".join(line.split())`` makes it (cheap tests in C).

    Every white space character but the space is unprintable (a separator or a control
    character), so a printable line without two spaces in a row has single spaces only:
    most lines of a dump, which then skip splitting into words and joining them again just
    to come back unchanged.  (``segment`` makes the same tests inline: a call a line costs more.)
    """
    return line.isprintable() and "  " not in line


def _may_hold_inline_spaces(text: str, others: str) -> bool:
    """False only when no line of ``text`` holds white space but the space (``others``: its lines not ASCII, joined).

    Only a line that is not ASCII can hold white space besides the tab and U+001F: those lines are
    searched joined, not the whole page (``isascii`` reads a flag of the string): ~110K instructions
    a page less on WCXB dev, most of it the scans for U+2000 and U+3000 on pages of two-byte
    characters (a character whose code's low byte is 0 is looked for one character at a time).
    """
    if any(map(text.__contains__, _ASCII_SPACES)):
        return True
    return any(map(others.__contains__, _INLINE_SPACES[len(_ASCII_SPACES):]))


def _continues(previous: str, line: str, cfg: Config) -> bool:
    """True when ``line`` is the continuation of a hard-wrapped ``previous`` line."""
    first = line[0]
    if not (first.isalpha() and first.islower()):
        return False
    if len(previous) > cfg.max_block_chars or previous.count(" ") + 1 < cfg.wrap_min_words:
        return False
    return previous[-1] not in _STOPS


_STOPS = ".!?…。！？:;\"”»)]"

# The white space characters a line may hold besides the space: all those ``splitlines`` breaks no line at (tested).
_INLINE_SPACES = ("\t", "\x1f", "\xa0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005",
                  "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000")

_ASCII_SPACES = _INLINE_SPACES[:2]  # ("\t", "\x1f": the ASCII ones, tested in tests/test_patterns.py)

# The column fields after gap_before (landmarks, path, link share, link), at their defaults: a text dump has no markup.
_DEFAULTS = defaults_after("gap_before")[:len(BlockColumns._fields) - Block._fields.index("gap_before") - 1]
