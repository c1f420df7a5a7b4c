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


def norm_words(text: str) -> str:
    """Text reduced to its casefolded words, for comparing titles."""
    return " ".join(patterns.WORD.findall(text.casefold()))


def title_line(doc: Document, cfg: Config) -> int | None:
    """A text dump's first line that is not a site prompt: usually the page's <title>."""
    if doc.kind != "text":
        return None
    for b in doc.blocks[: cfg.title_line_window]:
        if b.label is Label.CONTENT or b.reason in OUTSIDE_REASONS:
            return b.index
    return None


def declared_titles(doc: Document, cfg: Config) -> list[str]:
    """The titles the page declares (normalised): meta/JSON-LD/<title> for HTML, the title line of a text dump."""
    out = []
    for key in ("jsonld_headline", "og_title", "title_tag"):
        value = doc.meta.get(key)
        if value:
            out.append(value)
    line = title_line(doc, cfg)
    if line is not None:
        out.append(doc.blocks[line].text)
    titles = []
    for value in out:
        whole = norm_words(value)
        parts = [norm_words(p) for p in patterns.TITLE_SEPARATOR.split(value)]
        for t in [whole, *parts]:
            if t and t not in titles:
                titles.append(t)
    return titles


def is_barrier(b: Block, cfg: Config) -> bool:
    """A reader-comments heading: the article does not continue past it.

    (Headings over lists of other articles, "You may also like", were tried as
    barriers too; they also stand inside articles, and cost more than they saved.)
    """
    if b.words > cfg.barrier_max_words:
        return False
    low = b.text.casefold()
    return any(map(low.__contains__, patterns.COMMENTS_KEYWORDS)) and patterns.match(
        patterns.COMMENTS_HEADING, b.text, cfg.regex_timeout) is not None


def title_anchor(doc: Document, cfg: Config) -> int | None:
    """The block that repeats the page's declared title and is followed by the most prose nearby, if any.

    An article follows its headline: when the headline is found again in the page
    (a text dump repeats its <title> line above the article; an HTML page has it as
    a heading), the body is looked for right after it.
    """
    titles = declared_titles(doc, cfg)
    if not titles:
        return None
    firsts = {t.split(" ", 1)[0] for t in titles}
    best, best_words = None, 0
    line = title_line(doc, cfg)
    for b in doc.blocks:
        if b.index == line or not cfg.title_min_words <= b.words <= cfg.title_max_words or b.link_share >= cfg.link_share_chrome:
            continue
        head = patterns.WORD.search(b.text[:40].casefold())  # cheap test of the first word before normalising
        if head is None or head.group(0) not in firsts:
            continue
        n = norm_words(b.text)
        if len(n) < cfg.anchor_min_chars or not any(n == t for t in titles):
            continue
        follow = sum(x.words for x in doc.blocks[b.index + 1: b.index + 1 + cfg.anchor_window]
                     if x.label is Label.CONTENT and is_prose(x, doc, cfg))
        if follow > best_words:
            best, best_words = b.index, follow
    return best


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
    """What the block is worth to the body: words beyond the block cost for prose, a cost otherwise."""
    html = doc.kind == "html"
    # HTML's own structure already excludes most furniture (landmarks, classes, containers),
    # so there a block pays less for itself than on a text dump's bare lines.
    block_cost = cfg.html_block_cost if html else cfg.block_cost
    if b.label is not Label.CONTENT:
        return -(cfg.chrome_cost + cfg.chrome_word_cost * b.words)
    if b.link_share >= cfg.link_share_chrome:
        return -(block_cost + b.words)
    if b.ellipsis and b.words < 4 * cfg.prose_min_words:
        value = -cfg.teaser_cue_cost
    elif is_prose(b, doc, cfg):
        value = (b.words - block_cost) * (1.0 - b.link_share)
    elif b.heading or b.tag in ("li", "dd", "dt", "td", "th", "pre") or b.ends_sentence or patterns.LIST_MARKER.match(b.text):
        value = -(cfg.html_list_item_cost if html else cfg.list_item_cost)
    else:
        value = -block_cost
    if b.gap_before >= 2:
        value -= cfg.gap_cost
    return value
