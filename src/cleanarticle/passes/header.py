"""The article's header: title, bylines and datelines, standfirst, and captions between title and body."""

from __future__ import annotations

from .. import patterns, reasons
from ..config import Config
from ..document import Block, Change, Document, Label
from ..metadata import clean_name
from ..patterns import norm_words
from ..reasons import BYLINE, BYLINE_CLASS, BYLINE_NAME, DATELINE, OUTSIDE
from .scoring import declared_titles, title_anchor, title_line



# (Module constants: ``Label.CONTENT`` looks the member up through the Enum class, ~0.2 µs a time.)
_CONTENT, _CHROME = Label.CONTENT, Label.CHROME


def _movable(b: Block) -> bool:
    """Content, or chrome only because it lay outside the chosen body: the header passes may relabel it."""
    return b.label is _CONTENT or (b.label is _CHROME and b.reason in OUTSIDE)


# Chrome that may still hold the article's byline: the page <header> that wraps the headline,
# a block of link text ("By <a>Jane Doe</a>"), a reading time ("By Jane Doe · 4 min read").
# Menus, footers, asides and site notices may not.
_BYLINE_CHROME_REASONS = (reasons.PAGE_HEADER, reasons.LINK_TEXT, reasons.READING_TIME)


def _may_be_byline(b: Block) -> bool:
    return _movable(b) or (b.label is _CHROME and b.reason.startswith(_BYLINE_CHROME_REASONS))


def _has_part_or_date(text: str) -> bool:
    """A line made of byline parts: a date, or separators between parts ("5 min read · By …")."""
    return patterns.BYLINE_PART_SPLIT.search(text) is not None or patterns.has_date(text)


def _body_start(doc: Document) -> int | None:
    span = doc.content_span()
    return span[0] if span else None


def _site_names(doc: Document) -> set[str]:
    """The site's name as the page gives it: og:site_name, and the short parts of "Headline | Site"."""
    names = {norm_words(doc.meta.get("site_name") or "")}
    tag = doc.meta.get("title_tag") or ""
    parts = patterns.split_title(tag)
    if len(parts) > 1:
        longest = max(parts, key=len)
        names.update(norm_words(p) for p in parts if p is not longest)
    return names - {""}


def _heading_like(b: Block, cfg: Config) -> bool:
    if not cfg.title_min_words <= b.words <= cfg.title_max_words:
        return False
    text = b.text.rstrip()
    if text.endswith(".") and not text.endswith("..."):
        return b.heading > 0
    return not patterns.match(patterns.BYLINE, text, cfg.regex_timeout) and not patterns.search(
        patterns.DATELINE, text, cfg.regex_timeout)


def mark_title(doc: Document, cfg: Config) -> Document:
    """The headline-like block just before the body (a page's h1, or the line the page title repeats) is the title."""
    start = _body_start(doc)
    if start is None:
        return doc
    anchor = doc.meta["title_anchor"] if "title_anchor" in doc.meta else title_anchor(doc, cfg)
    if anchor is not None and anchor < start and _movable(doc.blocks[anchor]):
        return doc.relabel({anchor: (Label.TITLE, "the page's declared title, repeated above the body")})
    # (main_run's, when it ran: the same titles, as its anchor is the same anchor)
    declared = doc.meta["declared_titles"] if "declared_titles" in doc.meta else declared_titles(doc, cfg)
    if doc.kind == "html":
        # An HTML page says which heading is its headline: the <h1> that matches the title it
        # declares; with a declared title and no such <h1>, the declared one is used (assemble).
        sites = _site_names(doc)
        headings = [b for b in doc.blocks if b.heading == 1 and 1 <= b.words <= cfg.title_max_words
                    and b.label is not Label.TEASER_TITLE and norm_words(b.text) not in sites]
        h1s = [b for b in headings if b.link_share < cfg.link_share_chrome]
        # (a linked <h1> is the site's logo -- or the headline linking to its own page, when it
        # matches the declared title, with nothing the title does not hold: no source, no date)
        for b in headings:
            norm = norm_words(b.text)
            linked = b.link_share >= cfg.link_share_chrome
            if norm and any(norm == d or len(norm) > 12 and (norm in d or not linked and d in norm) for d in declared):
                return doc.relabel({b.index: (Label.TITLE, "the <h1> that matches the page's declared title")})
        if h1s:
            # Otherwise the visible <h1> nearest above the body (what the reader sees as the headline).
            before = [b for b in h1s if b.index <= start]
            best = before[-1] if before else h1s[0]
            return doc.relabel({best.index: (Label.TITLE, "the <h1> nearest above the body")})
        if declared:
            return doc
    line = title_line(doc, cfg)
    lo = max(0, start - cfg.title_window)
    window = doc.blocks[lo: start + 1]
    # "Headline - Site" near "Headline": the shorter one is the headline.
    parts_of = {}
    for b in window:
        parts = patterns.split_title(b.text)
        if len(parts) > 1:
            for part in parts:
                parts_of.setdefault(norm_words(part), b.index)
    best, best_score = None, 0.0
    for b in window:
        if not _movable(b) or not _heading_like(b, cfg):
            continue
        if b.index == start and not b.heading:
            continue  # the body's first paragraph is no title unless it is a heading
        score = min(b.words, 12) - 0.5 * (start - b.index)
        if b.heading == 1:
            score += 15
        elif b.heading:
            score += 4
        norm = norm_words(b.text)
        if norm and b.index != line and (any(norm == d or (len(norm) > 12 and norm in d) for d in declared)
                                         or parts_of.get(norm, b.index) != b.index):
            score += cfg.title_declared_bonus
        if score > best_score:
            best, best_score = b, score
    if best is None:
        # HTML: an <h1> anywhere before the body, or matching the declared title.
        for b in doc.blocks[:start]:
            if b.heading == 1 and _movable(b) and _heading_like(b, cfg):
                best = b
                break
    if best is None:
        return doc
    return doc.relabel({best.index: (Label.TITLE, "headline before the body")})


def mark_bylines(doc: Document, cfg: Config) -> Document:
    """Short "By Jane Doe" lines and datelines around the start of the body become bylines."""
    start = _body_start(doc)
    if start is None:
        return doc
    title = doc.title_index()
    lo = min(start, title if title is not None else start) - cfg.title_window
    changes: dict[int, Change] = {}
    window = doc.blocks[max(0, lo): start + 3]
    for b in window:
        if b.words > cfg.byline_max_words or not _may_be_byline(b):
            continue
        if patterns.match(patterns.BYLINE, b.text, cfg.regex_timeout) or patterns.may_have_by(b.text) and (
                _has_part_or_date(b.text) and patterns.search(patterns.BYLINE_INSIDE, b.text, cfg.regex_timeout)
                and not patterns.has_credit_phrase(b.text, cfg.regex_timeout)
                or patterns.search(patterns.BYLINE_ONE_WORD, b.text, cfg.regex_timeout)):
            # "By Jane Doe"; "Published May 7, 2025 by Jane Doe", "5 min read · By Jane Doe".
            changes[b.index] = (Label.BYLINE, BYLINE)
        elif patterns.match(patterns.DATELINE, b.text, cfg.regex_timeout) or (
                b.words <= cfg.dateline_max_words and patterns.has_date(b.text, cfg.regex_timeout)):
            changes[b.index] = (Label.BYLINE, DATELINE)
    # "Written by" / "Author:" alone on its line: the name is the next line.
    for b in window:
        if (b.index in changes or b.index + 1 >= len(doc.blocks) or b.words > 3 or not _may_be_byline(b)
                or not patterns.is_byline_label(b.text)):
            continue
        nxt = doc.blocks[b.index + 1]
        if (nxt.index not in changes and _may_be_byline(nxt) and nxt.words <= cfg.name_line_max_words
                and not patterns.has_date(nxt.text) and clean_name(nxt.text, allow_org=True)):
            changes[b.index] = (Label.BYLINE, "byline label")
            changes[nxt.index] = (Label.BYLINE, BYLINE_NAME)
    if doc.kind == "html" and not any(c[1] in (BYLINE, BYLINE_NAME) for c in changes.values()):
        # HTML: a short block in an element whose class says it holds the author's name.
        verdict: dict[str, bool] = {}
        for b in doc.blocks[max(0, start - cfg.dateline_window): start + 3]:
            if (b.index in changes or not (_movable(b) or b.label is Label.CHROME) or b.words > cfg.name_line_max_words
                    or not b.path):
                continue
            hints = " ".join(doc.elements[i].hints for i in b.path[-3:])
            if hints not in verdict:
                verdict[hints] = (patterns.contains_any(hints, patterns.AUTHOR_HINT_KEYWORDS)
                                  and bool(patterns.AUTHOR_HINT.search(hints)) and not patterns.NOT_AUTHOR_HINT.search(hints))
            # ... or a link to the writer's page ("/author/jane-doe", "/people/jane-doe").
            author_link = (bool(b.href) and b.link_share >= cfg.link_share_chrome
                           and patterns.search(patterns.AUTHOR_HREF, b.href or "", cfg.regex_timeout) is not None
                           and patterns.match(patterns.NAME_LINE, b.text, cfg.regex_timeout) is not None)
            if (verdict[hints] or author_link) and not patterns.has_date(b.text) and clean_name(b.text):
                changes[b.index] = (Label.BYLINE, BYLINE_CLASS)
                break
    # A date-only line right under a byline is its date, even a little past the body's start.
    for i in [i for i, c in changes.items() if c[1] != DATELINE]:
        nxt = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
        if (nxt is not None and nxt.index not in changes and _movable(nxt) and nxt.words <= cfg.dateline_max_words
                and patterns.has_date(nxt.text, cfg.regex_timeout)):
            changes[nxt.index] = (Label.BYLINE, DATELINE)
    # A line that is only a name, next to a dateline, is the author's name.
    if not any(c[1] == DATELINE for c in changes.values()):
        # No dateline near the headline: take the nearest date-only line above the body.
        for b in reversed(doc.blocks[max(0, start - cfg.dateline_window): max(0, lo)]):
            if _movable(b) and b.words <= cfg.dateline_max_words and patterns.has_date(b.text, cfg.regex_timeout):
                changes[b.index] = (Label.BYLINE, DATELINE)
                break
    datelines = [i for i, c in changes.items() if c[1] == DATELINE]
    for b in window:
        if (b.index not in changes and b.index < start and _movable(b) and b.words <= cfg.name_line_max_words
                and any(abs(b.index - i) <= cfg.name_dateline_distance for i in datelines)
                and patterns.match(patterns.NAME_LINE, b.text, cfg.regex_timeout)):
            changes[b.index] = (Label.BYLINE, BYLINE_NAME)
    return doc.relabel(changes)


def mark_standfirst(doc: Document, cfg: Config) -> Document:
    """The summary under the title becomes the standfirst: one that names its writer, matches the page description, or is set apart."""
    start = _body_start(doc)
    title = doc.title_index()
    if start is None or title is None or title > start:
        return doc
    description = norm_words(doc.meta.get("description") or "")
    for b in doc.blocks[title + 1: start + 1]:
        if not _movable(b) or b.words < cfg.prose_min_words:
            continue
        if b.words > cfg.standfirst_max_words:
            break  # a summary is short: a block this long is the article's own text
        why = None
        if patterns.search_role_name(b.text, cfg.regex_timeout):
            why = "standfirst naming its writer"
        elif (b.label is not Label.CONTENT and description and len(description) > 20
              and (norm_words(b.text) == description or norm_words(b.text).startswith(description[:80]))):
            # (Only outside the body: sites often use the article's first paragraph as their
            # description, and then it is the lede, part of the body.)
            why = "standfirst matching the page description"
        elif b.path and any(patterns.STANDFIRST_HINT.search(doc.elements[i].hints) for i in b.path[-2:] if doc.elements[i].hints):
            why = "standfirst by its class"
        elif b.label is Label.CHROME and b.index < start and b.ends_sentence:
            why = "sentence between the title and the body"
        if why:
            return doc.relabel({b.index: (Label.STANDFIRST, why)})
        if b.index >= start:
            break
    return doc


def mark_header_captions(doc: Document, cfg: Config) -> Document:
    """Short lines between the title and the body that are not bylines are image captions."""
    start = _body_start(doc)
    title = doc.title_index()
    if start is None or title is None or title > start:
        return doc
    changes: dict[int, Change] = {}
    for b in doc.blocks[title + 1: start]:
        if b.label is Label.CHROME and b.reason in OUTSIDE and b.words <= cfg.title_max_words:
            changes[b.index] = (Label.CAPTION, "short line between the title and the body")
    return doc.relabel(changes)
