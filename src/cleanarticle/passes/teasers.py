"""Teasers for other articles that sites append after the body."""

from __future__ import annotations

from itertools import compress
from operator import attrgetter

from .. import patterns
from ..config import Config
from ..document import Block, Change, Document, Label, TextIndex
from ..reasons import OUTSIDE

_PENDING_MAX = 3   # lines kept before a teaser's summary as its title, section or image text

# (Module constants: ``Label.CONTENT`` looks the member up through the Enum class, ~0.2 µs a time.)
_CONTENT, _CHROME = Label.CONTENT, Label.CHROME
_REGION = (Label.CONTENT, Label.CHROME, Label.CAPTION, Label.CREDIT)   # labels a teaser list may hold
_KEPT = (Label.CAPTION, Label.CREDIT)                                  # left as they are inside it
_ELLIPSIS, _HREF = attrgetter("ellipsis"), attrgetter("href")


def _candidate(b: Block) -> bool:
    return b.label is _CONTENT or (b.label is _CHROME and b.reason in OUTSIDE)


def _section_like(b: Block, cfg: Config) -> bool:
    return 1 <= b.words <= cfg.section_max_words and not b.ends_sentence and not b.href


def _title_like(b: Block, cfg: Config) -> bool:
    return cfg.section_max_words < b.words <= cfg.title_max_words and not b.text.rstrip().endswith(".")


def mark_teasers(doc: Document, cfg: Config) -> Document:
    """After the body, each blurb (with its headline, section label and image text) becomes one teaser.

    A blurb is a block of prose; where the region has blurbs cut off with an
    ellipsis (the usual teaser shape), only those and ones naming a writer count.
    Lines just before a blurb are its section label (short), headline (linked or
    headline-shaped) or image alt text (a sentence).
    """
    span = doc.content_span()
    if span is None:
        return doc
    # The blocks after the body with a label of _REGION: taken with a mask of the label codes (in C).
    end = span[1] + 1
    region = list(compress(doc.blocks[end:], doc.mask(*_REGION)[end:]))
    if not region:
        return doc
    # (Only the few ending in an ellipsis are asked if they are candidates: their flags read in C.)
    cued = any(map(_candidate, compress(region, map(_ELLIPSIS, region))))
    min_words, link_chrome, html = cfg.teaser_min_words, cfg.link_share_chrome, doc.kind == "html"

    def by_shape(b: Block) -> bool | None:  # b is a _candidate
        """A blurb by its shape (True), not one (False), or one only if it names its writer (None)."""
        if b.words < min_words or b.link_share >= link_chrome:
            return False
        if b.ellipsis and cued or html and b.ends_sentence and not cued:
            return True
        # Without the usual cues, a text dump's prose after the body is not taken for teasers
        # (it is more often a short article's own end, split off by a caption); HTML has links.
        # Either way, a blurb that names its writer is a teaser.
        return None

    # A teaser group starts at a linked headline or a summary: without either, nothing changes
    # (most text dumps: no links, no blurbs after the body; most pages: only chrome links after
    # it, no headline-shaped one left a candidate), and the walk below is skipped.
    summaries: set[int] = set()
    asking: list[Block] = []  # the candidates left to name their writer
    for b in region:
        # (A block of fewer than min_words is no blurb by its shape (by_shape), and asks nothing: most of the
        # region, spared two calls.)
        if b.words >= min_words and _candidate(b):
            shape = by_shape(b)
            if shape:
                summaries.add(b.index)
            elif shape is None:
                asking.append(b)
    if asking:
        # A blurb naming its writer names a role ("staff writer"): the blocks holding a role's stem are
        # found for all of them at once, one scan a stem over their texts (a TextIndex, from the lines
        # a text dump has lower-cased), where testing the ~30 stems line by line (patterns.may_name_role)
        # cost ~5 µs a line.
        # (A line or two go to search_role_name as they are, whose first test is the stems': an index costs
        # more than it saves on so few.)
        if len(asking) > 2:
            naming = TextIndex(asking, None, doc.lowered).containing(patterns.ROLE_STEMS)
            asking = [b for b in asking if b.index in naming]
        summaries.update(b.index for b in asking if patterns.search_role_name(b.text, cfg.regex_timeout))
    # (No block of the region with a link, as on a text dump: no linked headline, found in C.)
    if not summaries and not (any(map(_HREF, region))
                              and any(b.href and _title_like(b, cfg) and _candidate(b) for b in region)):
        return doc
    changes: dict[int, Change] = {}
    group = -1
    pending: list[Block] = []
    open_title = False           # the current group has a headline and still waits for its summary
    for b in region:
        if b.label in _KEPT:
            continue            # image text and credits inside the teaser list stay what they are
        if not _candidate(b):
            pending.clear()
            open_title = False
            continue
        if b.href and _title_like(b, cfg):
            group += 1
            for p in pending[-_PENDING_MAX:]:
                if _section_like(p, cfg):
                    changes[p.index] = (Label.SECTION, "section label of a teaser", group)
            pending.clear()
            changes[b.index] = (Label.TEASER_TITLE, "linked headline after the body", group)
            open_title = True
        elif b.index in summaries:
            if not open_title:
                group += 1
            for p in pending[-_PENDING_MAX:]:
                if _section_like(p, cfg):
                    changes[p.index] = (Label.SECTION, "section label of a teaser", group)
                elif _title_like(p, cfg) and not p.ends_sentence and not open_title:
                    changes[p.index] = (Label.TEASER_TITLE, "headline of a teaser", group)
                elif p.words >= cfg.teaser_min_words:
                    changes[p.index] = (Label.CAPTION, "image text of a teaser")
            pending.clear()
            changes[b.index] = (Label.TEASER, "teaser after the body", group)
            open_title = False
        else:
            pending.append(b)
        if group + 1 >= cfg.max_teasers:
            break
    return doc.relabel(changes)
