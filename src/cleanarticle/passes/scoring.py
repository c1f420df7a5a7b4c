"""Shared arithmetic of the passes that choose the article: what one block is worth.

A block's *value* is positive when it reads like article prose (words beyond
``block_cost``) and negative when it is furniture (short, link text, marked by an
earlier pass, or a teaser cue).  ``main_container`` sums values over DOM subtrees;
``main_run`` finds the contiguous run with the largest sum (after Finn's BTE).
"""

from __future__ import annotations

from .. import patterns
from ..config import Config
from ..document import Block, Document, Label

REASON_OUTSIDE_RUN = "outside the main run of text"
REASON_OUTSIDE_CONTAINER = "outside the main container"
OUTSIDE_REASONS = (REASON_OUTSIDE_RUN, REASON_OUTSIDE_CONTAINER)


def is_prose(b: Block, doc: Document, cfg: Config) -> bool:
    """Reads like a paragraph: enough words, sentence shape, and function words where the language has them."""
    if b.words < cfg.prose_min_words or b.heading:
        return False
    if not b.ends_sentence and b.words < 2 * cfg.prose_min_words:
        return False
    if doc.stopword_language and b.stopword_share < cfg.min_stopword_share:
        return False
    return True


def block_value(b: Block, doc: Document, cfg: Config) -> float:
    if b.label is not Label.CONTENT:
        return -(cfg.chrome_cost + b.words)
    if b.link_share >= cfg.link_share_chrome:
        return -(cfg.block_cost + b.words)
    if patterns.ENDS_ELLIPSIS.search(b.text) and b.words < 4 * cfg.prose_min_words:
        value = -cfg.teaser_cue_cost
    elif is_prose(b, doc, cfg):
        value = (b.words - cfg.block_cost) * (1.0 - b.link_share)
    elif b.heading or b.tag in ("li", "dd", "dt", "td", "th", "pre") or b.ends_sentence or patterns.LIST_MARKER.match(b.text):
        value = -cfg.list_item_cost
    else:
        value = -cfg.block_cost
    if b.gap_before >= 2:
        value -= cfg.gap_cost
    return value
