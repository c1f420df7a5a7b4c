"""Segment HTML with lxml: one block per visible paragraph-like unit, in one walk.

Each block keeps the DOM evidence the HTML passes read: its tag, heading level,
landmark ancestry (nav, header, footer, aside, figure, ...), the enclosing
elements (for container scoring), and its share of link text.  Invisible and
non-content elements (script, style, template, svg, forms' controls, hidden
elements) are skipped whole.
"""

from __future__ import annotations

from urllib.parse import urljoin

import regex
from lxml import etree

from .. import patterns
from ..config import Config
from ..document import Block, Document, Element, make_block
from ..errors import NotAPageError, too_many_blocks
from ..load import flatten_deep_markup
from ..metadata import read_metadata

BLOCK_TAGS = frozenset(
    "html body p div section article main header footer nav aside ul ol li dl dt dd blockquote pre "
    "h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr td th caption figure figcaption form fieldset legend "
    "address details summary hr br center menu hgroup".split()
)
SKIP_TAGS = frozenset(
    "head script style noscript template svg math iframe object embed canvas select option input "
    "textarea title meta link audio video source track map area dialog".split()
)
_LANDMARK_TAGS = {
    "nav": "nav", "header": "header", "footer": "footer", "aside": "aside", "figure": "figure",
    "figcaption": "figcaption", "article": "article", "main": "main", "li": "li", "blockquote": "blockquote",
    "table": "table", "form": "form", "menu": "nav", "address": "address", "pre": "pre", "caption": "figcaption",
}
_LANDMARK_ROLES = {
    "navigation": "nav", "menu": "nav", "menubar": "nav", "search": "nav", "banner": "header",
    "contentinfo": "footer", "complementary": "aside", "main": "main", "article": "article",
    "dialog": "aside", "alertdialog": "aside", "figure": "figure",
}
_STRIP_FIRST = ("script", "style", "template", "svg", "math", "canvas", "iframe", "object", "embed",
                "audio", "video", "map")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_XML_DECL = regex.compile(r"^\s*<\?xml[^>]*>")


def parse(text: str, max_depth: int = 1_000) -> etree._Element:
    """Parse HTML text into an lxml tree (never raises on malformed markup).

    libxml2 stops at depth 2048 and drops the rest of the page; such a page is
    parsed again flattened to ``max_depth`` (``load.flatten_deep_markup``).
    """
    text = _XML_DECL.sub("", text, count=1)
    # lxml's plain etree parser: lxml.html's would look up a Python element class for every
    # element, which costs more than the parse itself.
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True,
                              default_doctype=False)
    try:
        root = etree.fromstring(text, parser)
        if _too_deep(parser):
            root = etree.fromstring(flatten_deep_markup(text, max_depth), parser)
            if _too_deep(parser):
                raise NotAPageError("the page is nested too deeply to read, even flattened (max_dom_depth)")
    except (etree.ParserError, ValueError) as e:
        raise NotAPageError(f"cannot parse the page as HTML ({e})") from None
    if root is None:
        raise NotAPageError("cannot parse the page as HTML")
    return root


def _too_deep(parser: etree.HTMLParser) -> bool:
    return any("Excessive depth" in e.message for e in parser.error_log)


def _holds_most_text(el: etree._Element, body: etree._Element, cfg: Config, body_chars: list[int]) -> bool:
    """A hidden element holding most of the page's text is shown by the page's scripts: read it.

    Saved pages often keep the article in a ``hidden`` wrapper that JavaScript reveals.
    """
    if not body_chars:
        code = sum(len(text_of(x)) for x in body.iter("script", "style", "template"))
        body_chars.append(len(text_of(body)) - code)
    return len(text_of(el)) > cfg.hidden_max_text_share * body_chars[0]


_CELLS = ("td", "th")


def _simple_row(tr: etree._Element) -> bool:
    """A table row whose cells hold only inline text: read as one line, cells separated by " | ".

    A data table's row is one record ("1 | North Dakota | 82.0"); a block per cell would split
    it into words that read as nothing, and drop cells without letters.  A row whose cells hold
    paragraphs, lists or tables of their own (a layout table) keeps a block per element.
    """
    for d in tr.iterdescendants():
        tag = d.tag
        if isinstance(tag, str) and tag.lower() in BLOCK_TAGS and tag.lower() not in _CELLS and tag.lower() != "br":
            return False
    return True


def text_of(el: etree._Element) -> str:
    """All the text under an element (lxml.html's text_content, for plain etree elements)."""
    return "".join(el.itertext())


def _hidden(el: etree._Element) -> bool:
    get = el.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    style = get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


class _Walker:
    """State of the one DOM walk: the stack of open block elements and the text buffer."""

    def __init__(self, cfg: Config, base_url: str | None):
        self.cfg = cfg
        self.base_url = base_url
        self.blocks: list[Block] = []
        self.elements: list[Element] = []
        # stack frames: (element index, tag, landmarks, heading level)
        self.stack: list[tuple[int, str, frozenset[str], int]] = []
        self.parts: list[str] = []
        self.chars = 0
        self.link_chars = 0
        self.href: str | None = None
        self.in_link = 0

    def line_break(self) -> None:
        """A single <br>: the line goes on in the same paragraph (hard-wrapped text, addresses, verse)."""
        self.parts.append("\n")

    def after_br(self) -> bool:
        """True when nothing but white space came since the last <br> of this paragraph."""
        for part in reversed(self.parts):
            if part == "\n":
                return True
            if part.strip():
                return False
        return False

    def cell_break(self) -> None:
        """A new cell of a one-line table row: " | " after the previous cell's text."""
        for part in reversed(self.parts):
            if part.strip():
                if part != " | ":
                    self.parts.append(" | ")
                return

    def text(self, s: str | None) -> None:
        if not s:
            return
        self.parts.append(s)
        n = len(s.strip())
        self.chars += n
        if self.in_link:
            self.link_chars += n

    def flush(self) -> None:
        if not self.chars:  # nothing but white space since the last block (most flushes)
            if self.parts:
                self.parts, self.link_chars, self.href = [], 0, None
            return
        text = " ".join("".join(self.parts).split())
        chars, link_chars, href = self.chars, self.link_chars, self.href
        self.parts, self.chars, self.link_chars, self.href = [], 0, 0, None
        if not text or not patterns.HAS_LETTER.search(text) and len(text) < 3:
            return
        if len(text) > self.cfg.max_block_chars:
            text = text[: self.cfg.max_block_chars]
        if len(self.blocks) >= self.cfg.max_blocks:
            raise too_many_blocks(self.cfg.max_blocks)
        if self.stack:
            _, tag, landmarks, heading = self.stack[-1]
            path = tuple(f[0] for f in self.stack)
        else:
            tag, landmarks, heading, path = "body", frozenset(), 0, ()
        share = link_chars / chars if chars else 0.0
        self.blocks.append(make_block(
            len(self.blocks), text, tag=tag, heading=heading, landmarks=landmarks, path=path,
            link_share=min(1.0, share), href=href if share >= 0.5 else None,
        ))

    def open_block(self, el: etree._Element, tag: str) -> None:
        self.flush()
        parent = self.stack[-1] if self.stack else None
        landmarks = parent[2] if parent else frozenset()
        own = _LANDMARK_TAGS.get(tag) or _LANDMARK_ROLES.get((el.get("role") or "").lower())
        if own:
            landmarks = landmarks | {own}
        heading = _HEADINGS.get(tag, parent[3] if parent else 0)
        hints = " ".join(filter(None, (el.get("class"), el.get("id")))).lower()
        self.elements.append(Element(tag=tag, hints=hints, parent=parent[0] if parent else -1,
                                     depth=len(self.stack), landmark=own or ""))
        self.stack.append((len(self.elements) - 1, tag, landmarks, heading))

    def close_block(self) -> None:
        self.flush()
        self.stack.pop()


def segment(text: str, cfg: Config, url: str | None = None, root: etree._Element | None = None) -> Document:
    if root is None:
        root = parse(text, cfg.max_dom_depth)
    meta = read_metadata(root, url)
    base_url = meta.get("base_url") or url
    w = _Walker(cfg, base_url)
    body = root.find("body")
    start = body if body is not None else root
    # Code and media never hold article text: drop them in C before the Python walk sees them.
    etree.strip_elements(start, *_STRIP_FIRST, with_tail=False)
    body_chars: list[int] = []  # the page's text length, measured on first need
    walker = etree.iterwalk(start, events=("start", "end"))
    skipped: set[int] = set()
    pushed: set[int] = set()
    rows: set[int] = set()  # table rows read as one line
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # comments, entities, processing instructions
            if event == "end":
                w.text(el.tail)
            continue
        tag = tag.lower()
        if event == "start":
            if ((tag in SKIP_TAGS or _hidden(el))
                    and not ((tag == "noscript" or tag not in SKIP_TAGS) and _holds_most_text(el, start, cfg, body_chars))):
                # (A hidden element or a <noscript> holding most of the page's text is what a
                # reader without scripts sees -- forums serve their posts that way.)
                skipped.add(id(el))
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                if tag == "hr" or tag == "br" and w.after_br():
                    w.flush()  # a rule or a blank line (<br><br>) ends a paragraph
                elif tag == "br":
                    w.line_break()
                elif tag in _CELLS and id(el.getparent()) in rows:
                    w.cell_break()
                elif len(w.stack) < cfg.max_dom_depth:
                    if tag == "tr" and _simple_row(el):
                        rows.add(id(el))
                    w.open_block(el, tag)
                    pushed.add(id(el))
            elif tag == "a":
                w.in_link += 1
                if w.href is None:
                    href = el.get("href")
                    if href and not href.startswith(("javascript:", "#")):
                        w.href = urljoin(base_url, href) if base_url else href
            w.text(el.text)
        else:
            key = id(el)
            if key in skipped:
                skipped.discard(key)
            elif key in pushed:
                pushed.discard(key)
                rows.discard(key)
                w.close_block()
            elif tag == "a":
                w.in_link -= 1
            w.text(el.tail)
    w.flush()
    if not w.blocks and not meta:
        raise NotAPageError("the page has no visible text")
    return Document(blocks=tuple(w.blocks), kind="html", url=url or meta.get("url"), meta=meta,
                    elements=tuple(w.elements))
