"""Segment a plain-text dump: one block per non-empty line.

Text dumps ("save as text", crawler renderings) put each paragraph on one line and
separate page regions by blank lines; how many blank lines came before a line is
kept as ``gap_before``, the only layout evidence a text dump has.
"""

from __future__ import annotations

from collections import Counter

from .. import patterns
from ..config import Config
from ..document import Block, Document, Label
from ..errors import too_many_blocks


def segment(text: str, cfg: Config, url: str | None = None) -> Document:
    lines: list[tuple[str, int]] = []
    gap = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            gap += 1
            continue
        if lines and not gap and _continues(lines[-1][0], line, cfg):
            # A hard-wrapped paragraph: the previous line stopped mid-sentence and this one
            # goes on in lower case.  Join them, so a paragraph is one block.
            lines[-1] = (lines[-1][0] + " " + line, lines[-1][1])
            continue
        if len(lines) >= cfg.max_blocks:
            raise too_many_blocks(cfg.max_blocks)
        lines.append((line, gap if lines else 0))
        gap = 0
    # Some dumps double-space everything: measure gaps against the usual one, so that
    # gap_before == 1 is an ordinary paragraph break and 2+ a wider break than usual.
    gaps = Counter(g for _, g in lines if g)
    shift = gaps.most_common(1)[0][0] - 1 if gaps else 0
    # This loop is the hot path of text mode: word_stats and sentence_end are inlined (same
    # tests), and blocks are built as the tuples they are (fields as in document.make_block).
    cjk = patterns.may_have_cjk(text)
    stopword = patterns.STOPWORD_SET.__contains__
    closers, ends_chars, ellipses = patterns.SENTENCE_CLOSERS, patterns.SENTENCE_END_CHARS, patterns.ELLIPSES
    max_chars = cfg.max_block_chars
    new = tuple.__new__
    blocks = []
    for index, (line, gap) in enumerate(lines):
        parts = line[:max_chars].split()
        line = " ".join(parts)
        if cjk:
            words, stops = patterns.word_stats(line)
        else:
            words, stops = len(parts), sum(map(stopword, line.lower().split()))
        t = line.rstrip(closers)
        blocks.append(new(Block, (index, line, words, stops, t[-1:] in ends_chars if t else False,
                                  t.endswith(ellipses) or line.endswith(patterns.BRACKETED_ELLIPSES),
                                  "line", 0, max(0, gap - shift) if gap else 0, _NO_LANDMARKS, (), 0.0, None,
                                  Label.CONTENT, "initial", -1)))
    return Document(blocks=tuple(blocks), kind="text", url=url)


_NO_LANDMARKS: frozenset[str] = frozenset()
assert Block._fields == ("index", "text", "words", "stopwords", "ends_sentence", "ellipsis", "tag", "heading",
                         "gap_before", "landmarks", "path", "link_share", "href", "label", "reason", "group"), \
    "segment() builds blocks positionally"


def _continues(previous: str, line: str, cfg: Config) -> bool:
    """True when ``line`` is the continuation of a hard-wrapped ``previous`` line."""
    first = line[0]
    if not (first.isalpha() and first.islower()):
        return False
    if len(previous) > cfg.max_block_chars or previous.count(" ") + 1 < cfg.wrap_min_words:
        return False
    return previous[-1] not in _STOPS


_STOPS = ".!?…。！？:;\"”»)]"
