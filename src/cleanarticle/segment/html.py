"""Segment HTML with lxml: one block per visible paragraph-like unit, in one walk.

Each block keeps the DOM evidence the HTML passes read: its tag, heading level,
landmark ancestry (nav, header, footer, aside, figure, ...), the enclosing
elements (for container scoring), and its share of link text.  Invisible and
non-content elements (script, style, template, svg, forms' controls, hidden
elements) are skipped whole.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain, compress, repeat, starmap
from urllib.parse import urlsplit

import regex
from lxml import etree

from .. import patterns
from ..patterns import LazyPattern
from ..config import Config
from ..document import Block, BlockColumns, Document, Element, stopword_language, unlabelled_blocks
from ..errors import NotAPageError, too_many_blocks
from ..load import flatten_deep_markup, utf8_of
from ..html_metadata import gather, join_url, read_metadata

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
# Each tag that opens a block, lower case: (the tag, its landmark or "", its heading level or 0).
_OPENED = {tag: (tag, _LANDMARK_TAGS.get(tag, ""), _HEADINGS.get(tag, 0)) for tag in sorted(BLOCK_TAGS | {"tr", "td", "th"})}
_HIDDEN_STYLE = LazyPattern(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_XML_DECL = LazyPattern(r"^\s*<\?xml[^>]*>")
# The end tags of <body> and <html>, and an element's start tag after them (not a comment).
_PAGE_END_TAGS = LazyPattern(r"</(?:body|html)\s*>", regex.I)
_START_TAG = LazyPattern(r"<[a-zA-Z]")
# The start of an end tag of <body> or <html> written in lower or upper case (not "</Body"): one
# scan of the page finds the first, where four str.find scans took ~5x the time (UCS-2 pages).
_PAGE_END_TAG_OPENS = LazyPattern(r"</(?:body|BODY|html|HTML)")


def _late_end_tags(text: str) -> int:
    """Where the page's first ``</body>`` or ``</html>`` is, when elements follow it; else -1.

    A page assembled from templates often closes its body early and goes on: a browser
    ignores those end tags and shows what follows in the body.  libxml2 does not: what
    follows ``</html>`` is dropped, and what follows ``</body>`` is left outside the body.
    """
    end = _PAGE_END_TAG_OPENS.search(text)
    if end is None:
        return -1
    first = end.start()
    return first if _START_TAG.search(text, first) else -1


def parse(text: str, max_depth: int = 1_000, utf8: bytes | None = None) -> etree._Element:
    """Parse HTML text into an lxml tree (never raises on malformed markup).

    ``utf8`` is ``text`` encoded as UTF-8, when the caller has it (``load.Loaded.utf8``).
    libxml2 stops at depth 2048 and drops the rest of the page; such a page is
    parsed again flattened to ``max_depth`` (``load.flatten_deep_markup``).
    """
    # The regex module looks for "<?xml" through the whole page before matching at its start:
    # ask only when the page starts with it (after white space).  The white space is stripped from
    # the page's start, not from the page, which lstrip would copy (85 of WCXB dev's 711 pages).
    encode = True
    head = text[:1024].lstrip()
    if len(head) < 5:  # (a page of white space, or one starting with a kilobyte of it)
        head = text.lstrip()
    if head.startswith("<?xml"):
        decl = _XML_DECL.match(text)
        if decl:
            text, utf8 = text[decl.end():], None
        else:  # (no ">" after it in the whole page: lxml refuses such a str, and gets it)
            encode, utf8 = False, None
    early_end = _late_end_tags(text)
    if early_end >= 0:
        text, utf8 = text[:early_end] + _PAGE_END_TAGS.sub("", text[early_end:]), None
    try:
        root, parser = _parse_markup(text, utf8, encode)
        if _too_deep(parser):
            root, parser = _parse_markup(flatten_deep_markup(text, max_depth), None, encode)
            if _too_deep(parser):
                raise NotAPageError("the page is nested too deeply to read, even flattened (max_dom_depth)")
    except (etree.ParserError, ValueError) as e:
        raise NotAPageError(f"cannot parse the page as HTML ({e})") from None
    if root is None:
        raise NotAPageError("cannot parse the page as HTML")
    return root


def _parse_markup(text: str, utf8: bytes | None = None,
                  encode: bool = True) -> tuple[etree._Element | None, etree.HTMLParser]:
    """lxml's tree of ``text`` (parsed from its UTF-8 bytes), and the parser (its error log).

    libxml2 parses UTF-8 bytes ~10% faster than a str holding other than Latin-1 (most pages:
    lxml hands it UTF-16 to convert); the encoding named makes a page's own charset declaration
    count for nothing, as with a str (the text is decoded already).  A str that is no UTF-8
    (a lone surrogate), or that the caller does not want ``encode``d, is parsed as it is.
    """
    if utf8 is None and encode:
        utf8 = utf8_of(text)
    # lxml's plain etree parser: lxml.html's would look up a Python element class for every
    # element, which costs more than the parse itself.  No table of ids: nothing looks one up.
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True,
                              default_doctype=False, collect_ids=False, encoding=None if utf8 is None else "utf-8")
    return etree.fromstring(text if utf8 is None else utf8, parser), parser


def _too_deep(parser: etree.HTMLParser) -> bool:
    return any("Excessive depth" in e.message for e in parser.error_log)


# The length of all the text under an element, counted in C without building the string.
_text_length = etree.XPath("string-length()")


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


# The attributes by which a page hides an element: ``_hidden`` is asked only of an element with one of them.
_HIDING_ATTRIBUTES = frozenset({"hidden", "aria-hidden", "style"})


def _hidden(el: etree._Element) -> bool:
    """The page hides the element (``hidden``, ``aria-hidden``, CSS ``display``/``visibility``)."""
    get = el.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    style = get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def _accordion_panel(el: etree._Element) -> bool:
    """A closed panel of an accordion (WAI-ARIA: ``role="region"``, labelled by its button).

    The page holds the panel's text and shows it when the reader opens it: a guide
    folded into steps, each step a panel.  Menus, dialogs and pop-ups are other roles.
    """
    return el.get("role") == "region" and el.get("aria-labelledby") is not None


def resolve_link(base_url: str, href: str) -> str:
    """``href`` resolved against the page's URL: exactly ``join_url(base_url, href)`` (``urljoin``'s answer).

    ``urljoin`` costs ~4 µs (~57k instructions) and a page has ~100 mostly-link blocks.
    The common forms of a link are answered without it (``_join_as_urljoin``); any other
    link goes through ``join_url``, memoised (menus repeat their links on every page of a site).
    """
    site = _site_of(base_url)
    joined = _join_as_urljoin(site, href) if site is not None else None
    return joined if joined is not None else _join_url_memo(base_url, href)


_join_url_memo = lru_cache(maxsize=4096)(join_url)


def resolve_links(base_url: str, hrefs: tuple[str | None, ...]) -> list[str | None]:
    """``resolve_link(base_url, href)`` of each href (None stays None): the links of a page (its site looked up once).

    Most pages' links are all ASCII without brackets, tabs, line ends or ";": told of all of them at
    once (one join, scanned in C), each link needs only the tests of its start and of its query and
    fragment (``_join_as_urljoin``'s ``plain``), not the scans for those characters one by one.
    """
    site = _site_of(base_url)
    every_link = " ".join(filter(None, hrefs))
    plain = every_link.isascii() and not any(map(every_link.__contains__, _NOT_PLAIN))
    resolved: list[str | None] = []
    append = resolved.append
    if site is None or not plain:
        for href in hrefs:
            if href is not None:
                joined = _join_as_urljoin(site, href, plain) if site is not None else None
                href = joined if joined is not None else _join_url_memo(base_url, href)
            append(href)
        return resolved
    # A plain page's two common forms, absolute in its scheme and root-relative, are answered here as
    # ``_join_as_urljoin`` answers them (without its call, ~1,000 instructions a link, ~90 links a page);
    # the others are asked of it.  A link without "#" whose last character is no "?" keeps its query
    # (not empty: something follows its first "?"), told without ``_keeps_query_and_fragment``'s call.
    prefix, origin = site[0], site[1]
    host_at = len(prefix)
    for href in hrefs:
        if href is not None:
            if href.startswith(prefix):
                if href[host_at: host_at + 1] not in _NO_HOST and (
                        "#" not in href and href[-1] != "?" or _keeps_query_and_fragment(href)):
                    append(href)
                    continue
            elif href[:1] == "/" and href[1:2] != "/":
                if "/." not in href and ("#" not in href and href[-1] != "?" or _keeps_query_and_fragment(href)):
                    append(origin + href)
                    continue
            else:
                joined = _join_as_urljoin(site, href, True)
                if joined is not None:
                    append(joined)
                    continue
            href = _join_url_memo(base_url, href)
        append(href)
    return resolved


# What may follow "scheme://" when the link names a host (a host is not empty).
_NO_HOST = ("", "/", "?", "#")
# The characters a link may not hold for ``_join_as_urljoin`` to tell what ``urljoin`` gives without
# parsing it (and what ``_plain_host`` and ``_keeps_characters`` look for), but for other than ASCII.
_NOT_PLAIN = "[]\t\n\r;"


def _join_as_urljoin(site: tuple[str, str, str, str], href: str, plain: bool = False) -> str | None:
    """``urljoin``'s answer for a link of a common form, told without parsing it; else None.

    - absolute in the page's scheme, or protocol-relative ("//cdn.example/x"): ``urljoin``
      rebuilds it from its parts, which gives it back as written (protocol-relative: after the
      page's scheme) when it has a host, and nothing that ``_keeps_characters`` or ``_keeps_query_and_fragment`` exclude;
    - root-relative ("/news/x"): put after the page's scheme and host, when it has no "." or
      ".." segment to resolve;
    - absolute in the other of http and https: ``urljoin`` returns a link of another scheme
      as it is.
    A link naming a host only when ``_plain_host``: then ``urljoin`` cannot raise on it.
    ``plain``: the link is known to be ASCII without any of ``_NOT_PLAIN`` (``resolve_links``),
    so ``_plain_host`` and ``_keeps_characters`` hold without asking.
    """
    prefix, origin, other, scheme = site
    if href.startswith(prefix):
        if (href[len(prefix): len(prefix) + 1] not in _NO_HOST and (plain or _plain_host(href) and _keeps_characters(href))
                and _keeps_query_and_fragment(href)):
            return href
    elif href[:1] == "/":
        if href[1:2] != "/":
            if "/." not in href and (plain or _keeps_characters(href)) and _keeps_query_and_fragment(href):
                return origin + href
        elif (href[2:3] not in _NO_HOST and (plain or _plain_host(href) and _keeps_characters(href))
              and _keeps_query_and_fragment(href)):
            return scheme + href
    elif href.startswith(other) and (plain or _plain_host(href)):
        return href
    return None


def _plain_host(href: str) -> bool:
    """The link is ASCII (``urljoin`` makes no IDNA checks) without brackets (no IPv6 checks)."""
    return href.isascii() and "[" not in href and "]" not in href


@lru_cache(maxsize=256)
def _site_of(base_url: str) -> tuple[str, str, str, str] | None:
    """For an http(s) page URL with a host, e.g. ("https://", "https://example.com", "http://",
    "https:"): its scheme's prefix, its origin, the other scheme's prefix, its scheme; else None."""
    try:
        parts = urlsplit(base_url)
    except ValueError:
        return None  # (join_url keeps the links of such a page as written)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    other = "http://" if parts.scheme == "https" else "https://"
    return parts.scheme + "://", f"{parts.scheme}://{parts.netloc}", other, parts.scheme + ":"


def _keeps_characters(href: str) -> bool:
    """``urljoin`` keeps every character of ``href``: no tab or newline (removed), no ";" (path parameters, re-joined)."""
    return "\t" not in href and "\n" not in href and "\r" not in href and ";" not in href


def _keeps_query_and_fragment(href: str) -> bool:
    """``urljoin`` keeps ``href``'s query and fragment: neither is empty ("?" or "#" alone, dropped)."""
    if "?" not in href and "#" not in href:  # (most links: no partitions)
        return True
    head, hash_mark, fragment = href.partition("#")
    if hash_mark and not fragment:
        return False
    _, question_mark, query = head.partition("?")
    return not question_mark or bool(query)


_PARAGRAPH_FIELDS = 7  # the items a paragraph read takes in ``_Walker.read``
# The fields of a new block after its link (label, reason, group), and the order the walk builds them in.
assert Block._fields[:13] == ("index", "text", "words", "stopwords", "ends_sentence", "ellipsis", "tag", "heading",
                              "gap_before", "landmarks", "path", "link_share", "href"), "_Walker.blocks relies on this order"


def _collapsed(texts: tuple[str, ...]) -> list[str]:
    """``" ".join(text.split())`` of each of ``texts``: its runs of white space made one space, none at its ends.

    Most texts that are not collapsed already only have white space around them (the markup's
    indentation: "\\n      Sign in\\n    "): stripped (the same str when there is nothing to strip:
    most texts of a page, menu items, one-line links), a printable text's only white space is " "
    (every other space character is unprintable): without two in a row it is collapsed already,
    and is not split into words and joined (~110k instructions a page less, Scrapinghub).  (``strip``
    and ``split`` know the same white space.)  A page's texts in one call: a call a text cost more.
    """
    return [t if t.isprintable() and "  " not in t else " ".join(t.split()) for t in map(str.strip, texts)]


def _stripped_length(pieces: list[str]) -> int:
    """The length of a paragraph's text pieces, each stripped (what a block's link share counts).

    Most paragraphs are one piece: the white space between two blocks, a menu item.
    """
    return len(pieces[0].strip()) if len(pieces) == 1 else sum(map(len, map(str.strip, pieces)))


# What the walk does at an element, by tag.  Inline tags (the default) only add their text
# to the paragraph being read; a tag not listed is looked up lower-cased once per page.
_INLINE, _OPEN, _SKIP, _NOSCRIPT, _BR, _HR, _LINK, _ROW, _CELL = range(9)  # (_ROW, _CELL last: the walk tests kind >= _ROW)
_TAG_KINDS: dict[str, int] = {
    **dict.fromkeys("span em strong b i u s q img small big sup sub code time abbr cite label button font mark "
                    "del ins wbr picture bdi bdo var kbd samp nobr tt strike data output".split(), _INLINE),
    **dict.fromkeys(BLOCK_TAGS, _OPEN),
    **dict.fromkeys(SKIP_TAGS, _SKIP),
    "noscript": _NOSCRIPT, "br": _BR, "hr": _HR, "a": _LINK, "tr": _ROW, "td": _CELL, "th": _CELL,
}


# Each tag's kind and, for a tag that opens a block, its ``_OPENED`` entry (else None): the walk finds
# both in one lookup, not the entry in a second dict a block.
_TAG_ACTIONS: dict[str, tuple[int, tuple[str, str, int] | None]] = {
    tag: (kind, _OPENED.get(tag)) for tag, kind in _TAG_KINDS.items()}
_INLINE_ACTION = (_INLINE, None)


def _kind_of(tag: str) -> tuple[int, tuple[str, str, int] | None]:
    """The walk's kind (and ``_OPENED`` entry) of a tag missing from ``_TAG_ACTIONS``: its lower case's.

    (The walk reads elements only: no comment reaches it.)
    """
    return _TAG_ACTIONS.get(tag.lower(), _INLINE_ACTION)


def _pass_over(el: etree._Element, elements_in_order: Iterator[etree._Element]) -> None:
    """Advance the walk's elements (in document order, at ``el``) past ``el``'s descendants, unread.

    Each descendant is taken from both iterators in step, in C (``zip`` stops at the end of
    the first): a skipped element's end then only brings its tail, with no test at each element
    for being under one (what ``iterwalk.skip_subtree`` does).  An element without children has none to pass.
    """
    if len(el):
        deque(zip(el.iterdescendants(etree.Element), elements_in_order), 0)


class _PageEnd:
    """What the walk reads after the page's last element: a child of the start's parent, of a skipped tag."""

    __slots__ = ("getparent",)
    tag = "head"

    def __init__(self, outside: etree._Element | None):
        self.getparent = repeat(outside).__next__

    def __len__(self) -> int:
        return 0


assert _TAG_ACTIONS[_PageEnd.tag][0] == _SKIP, "the walk passes over the page-end stand-in as a skipped element"


class _Walker:
    """The one DOM walk: the stack of open block elements and the text of the paragraph being read.

    Text is kept as the pieces the page holds (each element's text and tail), because a
    block's link share counts the stripped length of each piece; the pieces inside links
    are kept apart too, and both are measured only when a paragraph ends.
    """

    def __init__(self, start: etree._Element, cfg: Config, base_url: str | None):
        self.start = start
        self.cfg = cfg
        self.base_url = base_url
        # The paragraphs read, one after another in one flat list, ``_PARAGRAPH_FIELDS`` items each: the
        # text pieces joined, the tag, landmarks, heading level and path of the block element (its frame's,
        # ``stack``), the link share, the link as written.  (Not a tuple a paragraph, nor its frame kept:
        # each object kept alive to the walk's end brings the garbage collector's next run into our call sooner.)
        self.read: list = []
        self.elements: list[Element] = []  # (their fields as plain tuples until the walk ends)
        # frames of the open block elements: (element index, tag, landmarks, heading level, path of
        # element indices from the outermost, the lxml element); the first frame stands for the page
        # itself (text outside every block element).  (A frame is dropped as its block ends: so is
        # the element's proxy.)
        self.stack: list[tuple[int, str, frozenset[str], int, tuple[int, ...], etree._Element | None]] = [
            (-1, "body", frozenset(), 0, (), None)]
        self.parts: list[str] = []        # text pieces (and "\n" for a <br>) since the last block
        self.link_parts: list[str] = []   # the pieces among them inside a link
        self.href: str | None = None      # the first link's href since the last block, as written
        self.body_chars = -1              # the page's text length, measured on first need
        self.main_chars: dict[etree._Element, int] = {}  # ... and each <main>'s (keys held: proxies stay alive)
        # the <main> blocks opened: where the paragraphs read after each begin in ``read`` (see ``read_chars``)
        self.main_opened: dict[etree._Element, int] = {}
        self.added_chars = 0              # the characters the walk adds to the page's text: "\n" for <br>, " | "
        self.counted = self.counted_chars = 0  # where in ``read`` the paragraphs ``read_chars`` summed end; the sum
        self.landmark_sets: dict[tuple[frozenset[str], str], frozenset[str]] = {}
        # the page's language judged from its blocks' word counts (``Document.stopword_language``), by ``blocks``
        self.stopword_language = False
        # the blocks' columns and their texts lower-cased (``Document.columns``, ``Document.lowered``), by ``blocks``
        self.columns: BlockColumns | None = None
        self.lowered: list[str] | None = None

    def holds_most_text(self, el: etree._Element) -> bool:
        """A hidden element holding most of the page's text, or of its <main>, is shown by the page's scripts: read it.

        Saved pages often keep the article in a ``hidden`` wrapper that JavaScript reveals.
        (Code never counts: scripts and styles are stripped before the walk.)
        """
        share = self.cfg.hidden_max_text_share
        length = _text_length(el)
        if not length and share >= 0:
            # An empty element (an icon, a pop-up filled by script: half of those asked) holds no share of
            # any text: no need of the page's length (~0.15 ms to measure; 25 of Scrapinghub's 181 pages hide only such).
            return False
        # The page's text is at least what the walk has read (all before the element) and the element's own:
        # when the element is no more than the share of that, it is not most of the page's text, unmeasured
        # (the page's text is then measured on 30 of Scrapinghub's pages, not 115; a <main>'s 3 times, not 38).
        # (share x length grows with the length when the share is not negative, in floats too.)
        if self.body_chars >= 0 or share < 0 or length > share * (self.read_chars() + length):
            if self.body_chars < 0:
                self.body_chars = _text_length(self.start)
            if length > share * self.body_chars:
                return True
        # ... or most of the <main> it sits in: shops hide the product behind an anti-flicker
        # wrapper inside <main>, under menus that hold more text than the product does.
        if "main" in self.stack[-1][2]:
            for up in el.iterancestors():
                if up.tag == "main" or (up.get("role") or "").lower() == "main":
                    main_chars = self.main_chars.get(up)
                    if main_chars is None:  # (measured once: a page hides several parts of its <main>)
                        # (a <main> the walk opened holds at least what was read since, and the element:
                        # answered unmeasured as the page is above)
                        opened = self.main_opened.get(up)
                        if (opened is not None and share >= 0
                                and length <= share * (self.read_chars(opened) + length)):
                            return False
                        main_chars = self.main_chars[up] = _text_length(up)
                    return length > share * main_chars
        return False

    def read_chars(self, first: int = 0) -> int:
        """A lower bound on the length of the page's text read since the paragraph at ``first`` in ``read`` (0: the page's).

        The paragraphs' texts and the pieces since, less every character the walk added (not only
        those since: a bound needs no more); white space the walk dropped is not counted.  (A block
        element is opened with no pieces pending, so the pieces since its paragraph all lie inside it.)
        """
        paragraphs = self.read
        if first:  # (since a <main> began: summed at each ask, a few a page)
            read = sum(map(len, paragraphs[first::_PARAGRAPH_FIELDS]))
        else:  # (the page's: each paragraph summed once, at the first ask after it, not at each ask)
            counted = self.counted
            if counted < len(paragraphs):
                self.counted_chars += sum(map(len, paragraphs[counted::_PARAGRAPH_FIELDS]))
                self.counted = len(paragraphs)
            read = self.counted_chars
        return read + sum(map(len, self.parts)) - self.added_chars

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
                    self.added_chars += 3
                return

    def flush(self) -> None:
        """End the paragraph being read: keep its text, if it has any, for a block (``blocks``)."""
        parts = self.parts
        if not parts:
            return
        text = "".join(parts)
        if text.isspace():  # nothing but white space since the last block: a link it opened is forgotten
            parts.clear()
            self.link_parts.clear()
            self.href = None
            return
        self.keep(text)

    def keep(self, text: str) -> None:
        """End the paragraph being read, whose pieces join into ``text``, not only white space: keep it for a block."""
        parts = self.parts
        _, tag, landmarks, heading, path, _ = self.stack[-1]
        link_parts = self.link_parts
        if link_parts:
            # Every piece inside a link is a piece of the paragraph: as many means all of them (a
            # menu item, a linked headline), a share of exactly 1.0 without measuring them.
            share = 1.0 if len(link_parts) == len(parts) else _stripped_length(link_parts) / _stripped_length(parts)
            link_parts.clear()
            href = self.href if share >= 0.5 else None
            self.read.extend((text, tag, landmarks, heading, path, min(1.0, share), href))
        else:
            self.read.extend((text, tag, landmarks, heading, path, 0.0, None))
        parts.clear()
        self.href = None

    def blocks(self) -> tuple[Block, ...]:
        """The blocks of the paragraphs read, built column by column when the walk has ended.

        A paragraph's text has its white space collapsed; one that is then under three
        characters without a letter ("|", "»", "12") is no block.  The statistics of each
        text are computed for all texts at once (``patterns.word_stats_of``), and each block
        is built as the tuple it is, in C (as ``document.make_block`` would build it).
        """
        read = self.read
        if not read:
            return ()
        # (each field's column sliced from the flat list, in C)
        raw, tags, landmarks, headings, paths, shares, hrefs = (read[i::_PARAGRAPH_FIELDS]
                                                                for i in range(_PARAGRAPH_FIELDS))
        texts = _collapsed(raw)
        lengths = list(map(len, texts))
        if min(lengths) < 3:
            has_letter = patterns.HAS_LETTER.search
            kept = [n >= 3 or has_letter(t) is not None for n, t in zip(lengths, texts)]
            if not all(kept):
                if not any(kept):  # (only marks such as "|" or "»": no block, and nothing below has a column)
                    return ()
                texts, tags, headings, landmarks, paths, shares, hrefs, lengths = (list(compress(column, kept))
                    for column in (texts, tags, headings, landmarks, paths, shares, hrefs, lengths))
        cfg = self.cfg
        if len(texts) > cfg.max_blocks:
            raise too_many_blocks(cfg.max_blocks)
        if max(lengths) > cfg.max_block_chars:
            texts = [t[: cfg.max_block_chars] for t in texts]
        if self.base_url and any(hrefs):
            base = self.base_url
            hrefs = resolve_links(base, hrefs)
        # (The texts lower-cased once: for the word counts and kept as the Document's ``lowered``, which the
        # keyword indexes and the language guess read instead of lower-casing the texts again.)
        self.lowered = lows = list(map(str.lower, texts))
        words, stops = patterns.word_stats_of(texts, lows)
        self.stopword_language = stopword_language(words, stops, cfg)  # (from the columns at hand, as the text segmenter)
        ends, ellipses = patterns.sentence_ends_of(texts)
        n = len(texts)
        # The columns are the Document's (``Document.block_columns``: not transposed back from its blocks on first
        # use), and are zipped into rows as they are: no tuple a paragraph gathered and transposed first.
        self.columns = columns = BlockColumns(range(n), texts, words, stops, ends, ellipses, tags, headings, (1,) * n,
                                              landmarks, paths, shares, hrefs)
        return unlabelled_blocks(columns)

    def walk(self) -> None:
        """Read every element under ``start`` in document order: its start, then later its end.

        The elements come from lxml's ``iter`` (elements only, as ``iterwalk`` gives them), at
        half the cost of ``iterwalk``'s start and end events: an element has ended when the next
        one is not its child, so the last element begun and those above it, up to the next one's
        parent, are ended.  The descendants of a skipped element are passed over unread, in C (what
        ``iterwalk.skip_subtree`` does); its own end still brings its tail.  An end needs no tag:
        the element is the innermost open block, the innermost open link, or one whose end only
        brings its tail.
        """
        cfg = self.cfg
        max_depth = cfg.max_dom_depth + 1  # (the stack's first frame is the page)
        stack, parts, link_parts = self.stack, self.parts, self.link_parts
        links: list[etree._Element] = []  # the open <a> elements
        rows: set[etree._Element] = set()  # table rows read as one line
        kinds = dict(_TAG_ACTIONS)
        elements, landmark_sets = self.elements, self.landmark_sets
        shown = _HIDING_ATTRIBUTES.isdisjoint
        top = None  # the innermost open block element (stack[-1]'s)
        # The start's parent (None at the root) never ends: the ends below stop at it at the latest.
        outside = self.start.getparent()
        # The last element begun: it and those above it have ended when the next element is no child of
        # it; each is left for its parent (lxml's getparent, not a list of the elements begun: fewer steps).
        last = outside
        # (_PageEnd after the last element: as a child of the start's parent, it ends every element still
        # open, and is skipped; no test an element for the end of the page)
        elements_in_order = chain(self.start.iter(etree.Element), (_PageEnd(outside),))
        for el in elements_in_order:
            parent = el.getparent()
            while last is not parent:
                ended = last
                last = ended.getparent()
                if ended is top:
                    if parts:
                        # (what flush does, without its call for the markup's indentation alone, most ends
                        # of a block: "".join gives back a list's only piece)
                        text = "".join(parts)
                        if text.isspace():
                            parts.clear()
                            link_parts.clear()
                            self.href = None
                        else:
                            self.keep(text)
                    stack.pop()
                    top = stack[-1][5]
                elif links and ended is links[-1]:
                    links.pop()
                s = ended.tail
                if s:
                    parts.append(s)
                    if links:
                        link_parts.append(s)
            last = el
            tag = el.tag
            try:  # (a subscript, not a call of get: a tag missing is looked up once a page)
                kind, info = kinds[tag]
            except KeyError:
                kind, info = kinds[tag] = _kind_of(tag)
            if kind == _SKIP:
                _pass_over(el, elements_in_order)
                continue
            keys = el.keys()  # (one call; asking for each attribute costs as much when it is missing)
            if keys and not shown(keys) and _hidden(el) and not _accordion_panel(el) and not self.holds_most_text(el):
                # (A hidden element or a <noscript> (below) holding most of the page's text is what a
                # reader without scripts sees -- forums serve their posts that way.)
                _pass_over(el, elements_in_order)
                continue
            # (the kinds by how often a page has them: block elements, links, inline elements; a
            # table cell opens a block unless its row is read as one line, and a row, unless too deep)
            if kind == _OPEN or kind >= _ROW and (kind == _ROW or parent not in rows):
                depth = len(stack)
                if depth < max_depth:
                    if kind == _ROW and _simple_row(el):
                        rows.add(el)  # (held, so that its proxy, and identity, live as long as the walk)
                    if parts:
                        text = "".join(parts)  # (as at an end)
                        if text.isspace():
                            parts.clear()
                            link_parts.clear()
                            self.href = None
                        else:
                            self.keep(text)
                    # Open the block element (here, not in a method: a call a block cost more): record
                    # the element and its frame.  An attribute is read only when it is there (lxml's
                    # ``get`` costs as much when it is not).
                    up, _, landmarks, heading, path, _ = stack[-1]
                    # (the tag's name in lower case, landmark and heading level, found with its kind)
                    name, own, level = info
                    if not own and "role" in keys:
                        role = el.get("role")
                        own = _LANDMARK_ROLES.get(role.lower(), "") if role else ""
                    if own:
                        found = landmark_sets.get((landmarks, own))
                        if found is None:  # a page has a few such sets: build each once
                            found = landmark_sets[landmarks, own] = landmarks | {own}
                        landmarks = found
                        if own == "main":
                            self.main_opened[el] = len(self.read)
                    # (its class and id, lower-cased: asked only of an element with attributes, and the id
                    # only when there is one: most blocks have a class alone, or no attribute)
                    hints = ""
                    if keys:
                        hints = el.get("class") if "class" in keys else None
                        if "id" in keys:
                            eid = el.get("id")
                            if eid:
                                hints = f"{hints} {eid}" if hints else eid
                        hints = hints.lower() if hints else ""
                    index = len(elements)
                    # (a plain tuple: made an Element when the walk ends, all in C, not with a call a block)
                    elements.append((name, hints, up, depth - 1, own))
                    # (path + (index,): one tuple concatenation, where (*path, index) built a list first)
                    stack.append((index, name, landmarks, level or heading, path + (index,), el))
                    top = el
            elif kind == _LINK:
                links.append(el)
                if self.href is None and "href" in keys:
                    href = el.get("href")
                    if href and not href.startswith(("javascript:", "#")):
                        self.href = href
            elif kind == _INLINE:
                pass
            elif kind == _NOSCRIPT:  # (asked here, not with the hidden elements: a few a page)
                if not self.holds_most_text(el):
                    _pass_over(el, elements_in_order)
                    continue
            elif kind == _CELL:  # (of a row read as one line)
                self.cell_break()
            elif kind == _BR:
                if self.after_br():
                    self.flush()  # a blank line (<br><br>) ends a paragraph
                else:
                    parts.append("\n")  # the line goes on in the same paragraph (addresses, verse)
                    self.added_chars += 1
            elif kind == _HR:
                self.flush()  # a rule ends a paragraph
            s = el.text
            if s:
                parts.append(s)
                if links:
                    link_parts.append(s)
        if parts:
            self.flush()
        self.elements = list(starmap(tuple.__new__, zip(repeat(Element), self.elements)))  # (made in C, as blocks)


# React's streamed server rendering sends each part of the page that was not ready in time
# as a ``<div hidden id="S:n">`` at the end of the body; the page's script moves it into the
# ``<template id="P:n">`` (or the boundary ``<template id="B:n">``) it belongs at.
_STREAMED_PARTS = etree.XPath("//div[@hidden][starts-with(@id, 'S:')]")


def place_streamed_parts(start: etree._Element, text: str | None,
                         templates: list[etree._Element]) -> None:
    """Move React's streamed parts (hidden ``S:n`` divs) where the page's script shows them.

    Without this, an article served in streamed parts is hidden text, split into pieces none
    of which holds most of the page (so ``holds_most_text`` cannot read it), and kept in the
    wrong order, after the page's footer.  A part whose slot is missing stays where it is.
    ``text`` is the page's markup (None: not known) and ``templates`` its <template> elements.
    """
    # A part is moved only to a slot: without a P:/B: template nothing moves, which the page's
    # templates tell (most pages have none) before a scan of the markup (~0.15 ms: UCS-2).
    if not any((t.get("id") or "")[:2] in ("P:", "B:") for t in templates):
        return
    if text is not None and 'id="S:' not in text:  # (React writes exactly this)
        return
    parts = _STREAMED_PARTS(start)
    if not parts:
        return
    slots = {}
    for t in start.iter("template"):
        tid = t.get("id")
        if tid and tid[:2] in ("P:", "B:"):
            slots[tid] = t
    for part in parts:
        key = part.get("id")[2:]
        slot = slots.get("P:" + key)
        if slot is None:
            slot = slots.get("B:" + key)
        if slot is None or any(up is part for up in slot.iterancestors()):
            continue
        part.tail = None  # (the white space after the hidden part stays behind)
        del part.attrib["hidden"]
        slot.addnext(part)


def segment(text: str, cfg: Config, url: str | None = None, root: etree._Element | None = None,
            utf8: bytes | None = None) -> Document:
    """The blocks of a page (``root``: its tree, parsed already; ``utf8``: ``text`` encoded, for the parser)."""
    if root is None:
        root = parse(text, cfg.max_dom_depth, utf8)
    gathered = gather(root)
    meta = read_metadata(root, url, gathered)
    body = root.find("body")
    start = body if body is not None else root
    place_streamed_parts(start, text, gathered[0]["template"])
    del gathered  # (its elements, a page's <meta>, <link> and <script> tags, freed before the walk, not kept through it)
    # Code and media never hold article text: drop them in C before the Python walk sees them.
    etree.strip_elements(start, *_STRIP_FIRST, with_tail=False)
    w = _Walker(start, cfg, meta.get("base_url") or url)
    w.walk()
    blocks = w.blocks()
    elements, language, columns, lowered = w.elements, w.stopword_language, w.columns, w.lowered
    del w  # (what it read freed now: a page's blocks hold what they need of it)
    if not blocks and not meta:
        raise NotAPageError("the page has no visible text")
    return Document.unlabelled(blocks, "html", url=url or meta.get("url"), meta=meta, elements=tuple(elements),
                               stopword_language=language, lowered=lowered, columns=columns)

