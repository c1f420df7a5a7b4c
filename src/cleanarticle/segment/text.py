"""Segment a plain-text dump: one block per non-empty line.

Text dumps ("save as text", crawler renderings) put each paragraph on one line and
separate page regions by blank lines; how many blank lines came before a line is
kept as ``gap_before``, the only layout evidence a text dump has.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .. import patterns
from ..config import Config
from ..document import Document, make_block
from ..errors import too_many_blocks


def segment(text: str, cfg: Config, url: str | None = None) -> Document:
    blocks = []
    gap = 0
    for raw in text.splitlines():
        line = patterns.WHITESPACE.sub(" ", raw).strip()
        if not line:
            gap += 1
            continue
        if len(line) > cfg.max_block_chars:
            line = line[: cfg.max_block_chars]
        if len(blocks) >= cfg.max_blocks:
            raise too_many_blocks(cfg.max_blocks)
        blocks.append(make_block(len(blocks), line, gap_before=gap if blocks else 0))
        gap = 0
    # Some dumps double-space everything: measure gaps against the usual one, so that
    # gap_before == 1 is an ordinary paragraph break and 2+ a wider break than usual.
    gaps = Counter(b.gap_before for b in blocks if b.gap_before)
    usual = gaps.most_common(1)[0][0] if gaps else 1
    if usual > 1:
        blocks = [replace(b, gap_before=max(0, b.gap_before - usual + 1)) for b in blocks]
    return Document(blocks=tuple(blocks), kind="text", url=url)
