"""HTML-only passes: evidence from the DOM (landmarks, class/id hints, link text, containers)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import compress, repeat
from operator import attrgetter, eq, itemgetter
from typing import TYPE_CHECKING, NamedTuple

from .. import patterns, reasons
from ..config import Config
from ..document import Block, Change, Document, Element, Label
from .scoring import block_values

if TYPE_CHECKING:
    import regex

_CHROME_LANDMARKS = frozenset({"nav", "aside", "footer"})
# Hint words that keep their meaning however much of the page they cover: a comment thread
# longer than the article is still the comments.
_NEVER_DISTRUSTED = ("comment", "respond", "disqus")
_ARTICLE_LANDMARKS = frozenset({"article", "main"})
# Hint words that name a kind of box, not what it holds: editors and page builders wrap the
# article's own sections in "widgets" (a CKEditor grid, a layout block).
_WEAK_HINTS = ("widget",)
# Hint words of boxes beside the article (other pages of the site, the sidebar, the writer's bio):
# every card or excerpt in them may say "entry-content".
_BESIDE_HINTS = ("related", "recommend", "recirc", "more", "popular", "trending", "most", "teaser",
                 "outbrain", "taboola", "sidebar", "side-bar", "author", "bio", "widget")
_PAGE_TAGS = ("html", "body")  # their classes describe the page layout, not a part of it
# The labels the passes here set, read once: an Enum member looked up through its class costs
# ~800 instructions (Python 3.11), and a page relabels a hundred or more blocks here.
_CHROME, _CAPTION, _CREDIT = Label.CHROME, Label.CAPTION, Label.CREDIT


# Elements that hold text of their own: a <figure> wrapped around one (a table, a pull quote,
# a code listing -- as block editors emit them) is that content, not an image with its caption.
_FIGURE_CONTENT = frozenset({"table", "blockquote", "pre"})
_WORDS, _PATH = attrgetter("words"), attrgetter("path")  # (a Block's fields, read in C by map)


def _landmark_finder(elements: tuple[Element, ...], prose: list[int], limit: float) -> Callable[[int], str]:
    """A function giving, for an element, the innermost landmark around it that decides its blocks.

    That is the nearest nav/aside/footer/header (unless it holds most of the page's prose:
    then it is no furniture, whatever its tag -- but a footer always is: one outweighing the
    page is a legal notice under a page of little prose), article/main, or figure/figcaption
    (unless it holds most of the prose: an unclosed <figure> swallows the page), or "".  A
    figure around a table, a quote or a listing gives "figure-content": it is content.
    An element's answer is its own landmark's or else its parent's (one answer for elements
    below a table, quote or listing, one for the others): each is found once, by walking up
    only as far as the nearest element already answered.
    """
    free: dict[int, str] = {}  # the answers of elements not held in a table/quote/listing
    held_in: dict[int, str] = {}  # ... and of those held in one
    # (Two dicts, not a pair indexed by a bool: a bool is no int to the interpreter's fast subscript.)

    def innermost(i: int) -> str:
        passed: list[int] = []  # the elements passed, not held
        passed_held: list[int] = []  # ... held
        known = free
        while i >= 0:
            found = known.get(i)
            if found is not None:
                break
            _, _, parent, _, lm = elements[i]  # (one unpacking: an Element's field read by name is a call)
            if not lm:  # (most elements: no landmark, nothing to test)
                (passed_held if known is held_in else passed).append(i)
            else:
                if known is held_in:
                    passed_held.append(i)
                    if lm == "figure":
                        found = "figure-content"
                        break
                else:
                    passed.append(i)
                if lm in _FIGURE_CONTENT:
                    known = held_in
                elif lm in _CHROME_LANDMARKS or lm == "header":
                    if prose[i] <= limit or lm == "footer":
                        found = lm
                        break
                elif lm in _ARTICLE_LANDMARKS or lm in ("figure", "figcaption") and prose[i] <= limit:
                    found = lm
                    break
            i = parent
        else:
            found = ""
        for j in passed:
            free[j] = found
        for j in passed_held:
            held_in[j] = found
        return found

    return innermost


def _prose_by_element(doc: Document, cfg: Config, prose_blocks: list[Block]) -> tuple[list[int], float]:
    """Prose words under each element, and the most an element may hold and still be furniture.

    A page whose whole article sits inside a <nav>, an <aside> or a "widget" (broken
    markup, odd themes) must not lose it: an element holding more than
    ``hint_max_prose_share`` of the page's prose is the article, whatever it is called.
    """
    elements = doc.elements
    prose = [0] * len(elements)
    total = 0
    for b in prose_blocks:
        words, path = b.words, b.path  # (each field read once: a NamedTuple's field read by name is a call)
        total += words
        if path:
            prose[path[-1]] += words
    # (Each block counted at its innermost element, then each element added to its parent's:
    # children come after their parents.)
    for i in range(len(elements) - 1, 0, -1):
        if prose[i]:
            up = elements[i].parent  # (read once)
            if up >= 0:
                prose[up] += prose[i]
    return prose, cfg.hint_max_prose_share * total if total >= cfg.min_body_words else float("inf")


class _ProseFacts(NamedTuple):
    """A page's prose, as the DOM passes read it (``_prose_facts``)."""

    blocks: list[Block]      # the prose blocks (``_prose_blocks``): read for their text, counts and path only
    indices: frozenset[int]  # ... their indices
    by_element: list[int]    # prose words under each element (``_prose_by_element``)
    limit: float             # ... and the most an element may hold and still be furniture


def _prose_facts(doc: Document, cfg: Config) -> _ProseFacts:
    """The page's prose blocks and prose words by element, found once for the four DOM passes that read them.

    A pass relabels and never rewrites a block, so every copy of the page the passes receive has
    the same texts and counts: the facts are kept in ``Document.facts``, which the copies share
    (~250k instructions a page less than finding them in each pass).
    """
    facts = doc.facts
    kept = facts.get("dom_prose")
    if kept is not None and kept[0] is cfg:
        return kept[1]
    blocks = _prose_blocks(doc, cfg)
    found = _ProseFacts(blocks, frozenset([b.index for b in blocks]), *_prose_by_element(doc, cfg, blocks))
    facts["dom_prose"] = (cfg, found)
    return found


def _element_totals(doc: Document) -> tuple[list[int], list[int], list[int]]:
    """Each element's words, blocks and first block (0 for an element without blocks), found once a page.

    Its own blocks' first, then (children come after their parents) added to its parent's.  An
    element's blocks follow each other, so they are the blocks from its first on, as many as it has.
    The sign-up and teaser-card passes read them (never change them); kept in ``Document.facts``
    as ``_prose_facts`` is (texts and counts never change).
    """
    facts = doc.facts
    kept = facts.get("dom_elements")
    if kept is not None:
        return kept
    n = len(doc.elements)
    words = [0] * n
    blocks = [0] * n
    first = [0] * n
    cols = doc.block_columns()
    # (The blocks' columns zipped, not each Block's fields read by name: ~250 instructions a field.)
    for j, path, count in zip(cols.index, cols.path, cols.words):
        if path:
            i = path[-1]
            if blocks[i]:
                blocks[i] += 1
            else:
                first[i] = j
                blocks[i] = 1
            words[i] += count
    elements = doc.elements
    for i in range(n - 1, 0, -1):
        if blocks[i]:  # (asked first: an element without blocks has nothing to pass up, and its parent is not read)
            p = elements[i].parent
            if p >= 0:
                if not blocks[p] or first[i] < first[p]:
                    first[p] = first[i]
                words[p] += words[i]
                blocks[p] += blocks[i]
    kept = facts["dom_elements"] = (words, blocks, first)
    return kept


def _outermost_ranges(doc: Document, chosen: Iterable[int]) -> Iterator[tuple[int, int, int]]:
    """Each of the ``chosen`` elements not inside another chosen one, with the range of its blocks (start, end).

    An element's blocks follow each other (``_element_totals``: its first block on, as many as it
    has), and one inside another comes after it (parents first) with its first block in the other's range.
    """
    _, count, first = _element_totals(doc)
    end = -1  # the end of the last outermost element's blocks
    for i in sorted(chosen):
        if first[i] >= end:
            end = first[i] + count[i]
            yield i, first[i], end


def _prose_blocks(doc: Document, cfg: Config) -> list[Block]:
    """The blocks that read as prose (``is_prose``, inlined with the same tests: three passes ask of every block)."""
    least, unended = cfg.prose_min_words, 2 * cfg.prose_min_words
    stopword_language, min_share = doc.stopword_language, cfg.min_stopword_share
    # (Block.stopword_share inlined too: a property costs a Python call a block.)
    return [b for b in doc.blocks if b.words >= least and not b.heading and (b.ends_sentence or b.words >= unended)
            and not (stopword_language and (b.stopwords / b.words if b.words else 0.0) < min_share)]


# The landmarks whose blocks mark_landmarks relabels (an answer of article/main or a figure's content changes nothing).
_RELABELLING_LANDMARKS = _CHROME_LANDMARKS | {"header", "figure", "figcaption"}


def mark_landmarks(doc: Document, cfg: Config) -> Document:
    """Blocks inside nav, aside and footer (and page headers) become chrome; figure captions become captions."""
    # Only a block with one of the relabelling landmarks in its ancestry (``Block.landmarks`` is
    # its path's) can change: the others (in an <article>, a <main>, a list) are not looked up.
    relabelling = _RELABELLING_LANDMARKS
    # (The content blocks' indices and landmarks taken in C by the label mask from the columns, not each
    # block's label and landmarks read by name in Python.)
    cols = doc.block_columns()
    asked = [i for i, landmarks in compress(zip(cols.index, cols.landmarks), doc.mask(Label.CONTENT))
             if not relabelling.isdisjoint(landmarks)]
    if not asked:
        return doc
    changes: dict[int, Change] = {}
    facts = _prose_facts(doc, cfg)
    innermost = _landmark_finder(doc.elements, facts.by_element, facts.limit)
    paths, landmark_sets, headings = cols.path, cols.landmarks, cols.heading
    for i in asked:
        lm = innermost(paths[i][-1])
        change = _LANDMARK_CHANGES.get(lm)
        if change is not None:
            changes[i] = change
        elif lm == "header" and not (landmark_sets[i] & _ARTICLE_LANDMARKS) and headings[i] != 1:
            changes[i] = _PAGE_HEADER_CHANGE
    return doc.relabel(changes)


# The change of a block inside each relabelling landmark, built once (not a reason string a block).
_LANDMARK_CHANGES: dict[str, Change] = {
    **{lm: (_CHROME, reasons.inside(lm)) for lm in _CHROME_LANDMARKS},
    **{lm: (_CAPTION, reasons.inside(lm)) for lm in ("figure", "figcaption")},
}
_PAGE_HEADER_CHANGE: Change = (_CHROME, reasons.PAGE_HEADER)


class _HintReader:
    """A class/id pattern's first match in class/id strings, read class name by class name, remembered across pages.

    A class/id string is class names and an id separated by spaces ("menu-item
    menu-item-type-post menu-item-1234"), and a page repeats class names far more often
    than whole strings.  The hint patterns' matches never cross a space (they are
    bounded by the string's ends, white space, "_" or "-"), so the leftmost match of the
    string is the leftmost match in its first name that has one; each name is matched
    once.  A string holding a newline is matched whole, because "$" also matches
    before a final newline (of a name, but not of the string).

    The answers are kept for later pages too (a site repeats its class names on every
    page, and themes and frameworks theirs across sites), up to ``MEMORY`` strings and
    names each; a search cut short by the time limit counts as no match and is not kept.
    """

    MEMORY = 50_000

    def __init__(self, pattern: regex.Pattern[str], leads: frozenset[str]):
        self.pattern, self.leads = pattern, leads
        self.of_string: dict[str, str | None] = {}
        self.of_name: dict[str, str | None] = {}

    def _match(self, text: str, timeout: float, memo: dict[str, str | None]) -> str | None:
        """The match in ``text``, kept in ``memo`` unless the time limit cut the search short.

        An ASCII text without one of the pattern's ``leads`` (the words that can begin a match)
        between its separators has no match: that test (a fifth of a microsecond) answers for
        most names, without the search (several microseconds).  (ASCII only: a case-insensitive
        pattern also matches "ſ" for "s"; printable only: the only white space is then " ".)
        """
        if text.isascii() and text.isprintable() and self.leads.isdisjoint(
                text.lower().replace("_", "-").replace(" ", "-").split("-")):
            memo[text] = None
            return None
        try:
            m = patterns.search_or_raise(self.pattern, text, timeout)
        except TimeoutError:
            return None
        memo[text] = found = m.group(0).strip(" _-") if m else None
        return found

    def first_match(self, hints: str, timeout: float) -> str | None:
        """The first match in ``hints`` without the separators around it ("nav", "share"), or None."""
        of_string = self.of_string
        if hints in of_string:
            return of_string[hints]
        if len(of_string) >= self.MEMORY:
            of_string.clear()
        if "\n" in hints:
            return self._match(hints, timeout, of_string)
        found = None
        of_name = self.of_name
        if len(of_name) >= self.MEMORY:
            of_name.clear()
        timed_out = False
        for name in hints.split(" "):
            if name in of_name:
                found = of_name[name]
            else:
                found = self._match(name, timeout, of_name)
                timed_out = timed_out or name not in of_name
            if found is not None:
                break
        if not timed_out:
            of_string[hints] = found
        return found


# One reader for each pattern, shared by every page.
_BOILERPLATE_HINTS = _HintReader(patterns.BOILERPLATE_HINT, patterns.BOILERPLATE_HINT_LEADS)
_CONTENT_HINTS = _HintReader(patterns.CONTENT_HINT, patterns.CONTENT_HINT_LEADS)


# The change of a block under each hint word, built once a word (not a reason string and two
# prefix tests a block); hint words are the patterns' few dozen words.
_HINT_CHANGES: dict[str, Change] = {}


def _hint_change(hint: str) -> Change:
    """The change of a block whose nearest deciding class/id hint is ``hint``."""
    change = _HINT_CHANGES.get(hint)
    if change is None:
        label = _CAPTION if hint.startswith("caption") else _CREDIT if hint.startswith("credit") else _CHROME
        if len(_HINT_CHANGES) >= _HintReader.MEMORY:
            _HINT_CHANGES.clear()
        change = _HINT_CHANGES[hint] = (label, reasons.class_hint(hint))
    return change


def mark_boilerplate_hints(doc: Document, cfg: Config) -> Document:
    """Blocks whose nearest hinted ancestor has a boilerplate class or id (share, related, comments...) become chrome."""
    # A hinted element holding most of the page's prose is the article, whatever its class says
    # (ad-injection wrappers, "widget" blocks of blog themes); so is a hint word that marks most
    # of the page's prose (a page builder that calls every box a "widget").
    prose_blocks, _, prose, limit = _prose_facts(doc, cfg)
    elements = doc.elements
    timeout = cfg.regex_timeout
    # Only the elements above a prose block or a content block are ever asked about, when first
    # asked; pages repeat the same class strings, and the same class names even more.
    boilerplate, content_hint = _BOILERPLATE_HINTS, _CONTENT_HINTS
    # The readers' answers for whole strings, read here first: a string seen before (most, on a
    # site's second page) costs a dict lookup, not a method call.  (``clear`` keeps each dict.)
    words_known, content_known = boilerplate.of_string, content_hint.of_string

    def word_of(i: int) -> str | None:
        """The boilerplate word in element i's class/id ("share", "related"), or None."""
        el = elements[i]
        hints = el.hints
        if not hints or el.tag in _PAGE_TAGS:  # page-level classes describe the layout
            return None
        return words_known[hints] if hints in words_known else boilerplate.first_match(hints, timeout)

    words_above: dict[int, frozenset[str]] = {-1: frozenset()}

    def words_on_path(i: int) -> frozenset[str]:
        """The boilerplate words of element i and its ancestors (each element's found once)."""
        todo = []
        while i not in words_above:
            todo.append(i)
            i = elements[i].parent
        words = words_above[i]
        for j in reversed(todo):
            word = word_of(j)
            if word is not None and word not in words:
                words = words | {word}
            words_above[j] = words
        return words

    # (The prose blocks' words and paths read once each, in C: the loops and sums below read them again.)
    prose_words, prose_paths = list(map(_WORDS, prose_blocks)), list(map(_PATH, prose_blocks))
    prose_total = sum(prose_words)
    prose_of_word: dict[str, int] = {}
    for path, count in zip(prose_paths, prose_words):
        for word in words_on_path(path[-1] if path else -1):
            prose_of_word[word] = prose_of_word.get(word, 0) + count
    total = sum(prose_of_word.values()) and max(1, prose_total)
    distrusted = {w for w, n in prose_of_word.items()
                  if n > cfg.hint_word_max_prose_share * total and not w.startswith(_NEVER_DISTRUSTED)}
    # The elements holding the page's prose paragraphs directly: a weakly hinted box among them,
    # holding prose itself, is a section of the text, not furniture beside it.
    prose_parents = {path[-2] for path in prose_paths if len(path) > 1}

    def in_the_text(i: int, word: str) -> bool:
        """Element i (a box hinted ``word``) holds prose and stands, with the boxes around it of the
        same hint, among the page's prose paragraphs."""
        if not prose[i]:
            return False
        up = elements[i].parent
        while up >= 0 and word_of(up) == word:
            up = elements[up].parent
        return up in prose_parents

    # A content hint holding a small share of the page's prose ("entry-content" inside each card of
    # a related-posts carousel) does not shield it from a hint of a box beside the article above it.
    shield = cfg.content_hint_min_prose_share * prose_total
    verdicts: dict[int, str | None] = {}

    def verdict(i: int) -> str | None:
        # Walk up to the nearest element whose class/id says something; memoise the whole chain.
        chain = []
        found: str | None = None
        while i >= 0:
            if i in verdicts:
                found = verdicts[i]
                break
            chain.append(i)
            el = elements[i]
            hints = el.hints
            if hints and el.tag not in _PAGE_TAGS:
                if (content_known[hints] if hints in content_known
                        else content_hint.first_match(hints, timeout)) is not None:
                    # A content hint with little of the page's prose under it (the excerpt of one
                    # card) does not shield it from a box beside the article (related stories, sidebar, bio).
                    found = None
                    if prose[i] < shield and el.parent >= 0:
                        above = verdict(el.parent)
                        if above is not None and above.startswith(_BESIDE_HINTS):
                            found = above
                    break
                word = words_known[hints] if hints in words_known else boilerplate.first_match(hints, timeout)
                if word and prose[i] <= limit and word not in distrusted \
                        and not (word.startswith(_WEAK_HINTS) and in_the_text(i, word)):
                    found = word
                    break
            i = el.parent
        for j in chain:
            verdicts[j] = found
        return found

    changes: dict[int, Change] = {}
    cols = doc.block_columns()
    # (the content blocks' indices and paths taken in C by the label mask from the columns)
    for i, path in compress(zip(cols.index, cols.path), doc.mask(Label.CONTENT)):
        if not path:
            continue
        hint = verdict(path[-1])
        if hint:
            changes[i] = _hint_change(hint)
    del verdict  # (it calls itself through its closure cell: a cycle that would keep the page alive until a collection)
    return doc.relabel(changes)


def mark_link_lists(doc: Document, cfg: Config) -> Document:
    """Blocks that are mostly link text and not long prose (menus, tag lists, link lists) become chrome."""
    changes: dict[int, Change] = {}
    # (Locals: not an Enum lookup and two Config reads a block.)
    link_chrome, max_words = cfg.link_share_chrome, 4 * cfg.prose_min_words
    known = _LINK_CHANGES
    cols = doc.block_columns()
    # (the content blocks' fields taken in C by the label mask from the columns, not read by name a block)
    shares, words, headings = cols.link_share, cols.words, cols.heading
    for i in compress(cols.index, doc.mask(Label.CONTENT)):
        share = shares[i]
        if share >= link_chrome and words[i] < max_words:
            if headings[i] == 1:
                continue  # a linked headline is still the headline
            change = known.get(share)
            if change is None:
                if len(known) >= _HintReader.MEMORY:
                    known.clear()
                change = known[share] = (_CHROME, reasons.link_text(share))
            changes[i] = change
    return doc.relabel(changes)


# The change of a link-text block by its link share, built once a share (not a reason string formatted
# a block): most such blocks are all link (a menu item, a linked headline), a share of exactly 1.0.
_LINK_CHANGES: dict[float, Change] = {}


def select_main_container(doc: Document, cfg: Config) -> Document:
    """The element whose blocks are worth most together is the article (with siblings that carry prose too); blocks outside become chrome.

    Sums block values over every element's subtree and takes the best element.
    An article is often split over sibling elements (an ad or a video between two
    halves), so siblings of the best element whose own sum reaches
    ``sibling_min_share`` of the best one's are kept with it.
    """
    if not doc.elements:
        return doc
    sums = [0.0] * len(doc.elements)
    short, short_cost = -cfg.html_block_cost, -cfg.container_short_cost
    content = Label.CONTENT  # (a local: not an Enum lookup a block)
    # Only the content blocks (taken in C by the label mask): one already excluded from the body
    # neither helps nor hurts a container.
    paths = doc.block_columns().path  # (a block's path from its column, not read by name)
    for path, v in compress(zip(paths, block_values(doc, cfg)), doc.mask(content)):
        if v == short:  # a short line (block_values gives it exactly -html_block_cost): cheaper here
            v = short_cost
        for i in path:
            sums[i] += v
    best_sum = max(sums)
    if best_sum <= 0:
        return doc
    best = sums.index(best_sum)  # (the first element of the best sum, found in C: not max with a key)
    elements = doc.elements
    parent = elements[best].parent
    keep = {best}
    if parent >= 0:
        floor = cfg.sibling_min_share * best_sum
        # (The few elements whose sum reaches the floor found in C, then asked for their parent.)
        keep.update(i for i in compress(range(len(sums)), map(floor.__le__, sums)) if elements[i].parent == parent)
    changes: dict[int, Change] = {}
    outside: Change = (_CHROME, reasons.OUTSIDE_CONTAINER)  # (one change for every block outside)
    # (the content blocks' indices and paths taken in C by the label mask from the columns)
    for i, path in compress(enumerate(paths), doc.mask(content)):
        if keep.isdisjoint(path):
            changes[i] = outside
    return doc.relabel(changes)


def mark_signup_boxes(doc: Document, cfg: Config) -> Document:
    """A small box holding a form and an invitation to subscribe (a newsletter sign-up) becomes chrome.

    Sites put a newsletter sign-up between or after the article's paragraphs: a heading
    ("Get more travel content"), a line of prose, the form's button and its "Thank you!" or
    "Oops!" messages, the terms under it.  Its lines read as short prose, so the body takes
    them in.  The box is the largest element around a ``<form>`` holding at most
    ``signup_box_max_words`` and no prose but about subscribing (so it stops below the
    article's own paragraphs); it is a sign-up box when its text names subscribing
    (``patterns.SIGNUP_KEYWORDS``, in our eight languages).
    """
    elements = doc.elements
    forms = list(compress(range(len(elements)), map(eq, repeat("form"), map(itemgetter(0), elements))))  # (el.tag, in C)
    if not forms:
        return doc
    # Each element's words, and whether it holds prose that does not speak of subscribing (asked of
    # the elements around a form, from the form up, while they hold at most ``limit`` words).
    words, count, first = _element_totals(doc)
    keywords = patterns.SIGNUP_KEYWORDS
    limit = cfg.signup_box_max_words
    prose, page = _prose_facts(doc, cfg).indices, doc.blocks
    subscribing: dict[int, bool] = {}  # a prose block's answer: it speaks of subscribing

    def other_prose(i: int) -> bool:
        """Element i (of at most ``limit`` words: so are its blocks) holds prose not about subscribing.

        Its blocks are a range of the page's (``_element_totals``); only the prose blocks of the few
        elements asked are searched for the keywords (each once), not every short prose block of the page.
        """
        for b in page[first[i]: first[i] + count[i]]:
            j = b.index
            if j in prose:
                said = subscribing.get(j)
                if said is None:
                    said = subscribing[j] = patterns.contains_any(b.text, keywords)
                if not said:
                    return True
        return False

    boxes = set()
    for i in forms:
        if words[i] > limit:  # a form around the page (ASP.NET's), or a long form of its own
            continue
        box = i
        up = elements[i].parent
        while up >= 0 and words[up] <= limit and elements[up].tag not in _PAGE_TAGS and not other_prose(up):
            box, up = up, elements[up].parent
        if words[box]:
            boxes.add(box)
    if not boxes:
        return doc
    changes: dict[int, Change] = {}
    content = Label.CONTENT
    for _, start, end in _outermost_ranges(doc, boxes):
        blocks = doc.blocks[start:end]
        if patterns.contains_any(" ".join([b.text for b in blocks]), keywords):
            for b in blocks:
                if b.label is content:
                    changes[b.index] = (_CHROME, "inside a sign-up box (a form inviting to subscribe)")
    return doc.relabel(changes)


def _counts_in_titles(doc: Document) -> set[int]:
    """The numbers (1-999) the page's declared titles and <h1> headings count: "10 Woodworking Projects", "Top 25"."""
    titles = [doc.meta.get(key) or "" for key in ("jsonld_headline", "og_title", "title_tag")]
    titles += [b.text for b in doc.blocks if b.heading == 1 and b.words <= 30]
    return {int(n) for t in titles if any(c.isdigit() for c in t) for n in patterns.SMALL_NUMBER.findall(t)}


def mark_teaser_cards(doc: Document, cfg: Config) -> Document:
    """A list of teaser cards (repeated small elements, each led by a linked headline) after the article becomes chrome.

    "More stories" blocks after an article are built as a list of cards: a linked
    headline, perhaps a date, a writer and a one-paragraph blurb each.  The blurbs read
    as prose, so without this the body runs on into them.  A card is a small element
    (at most ``card_max_words``) whose first or second block is a linked headline of
    ``card_title_min_words`` or more (a reader's name over a comment is shorter);
    an element is a card list when at least ``cards_min`` of its children are cards
    and they hold ``cards_min_share`` of its words.  Only a list that follows
    ``cards_min_prose_before`` words of prose outside card lists counts, and not one
    holding the page's headline: a list at the top of the page is its content (a
    listing page, or a round-up article of linked picks).
    """
    n = len(doc.elements)
    if not n:
        return doc
    lo, hi, link = cfg.card_title_min_words, cfg.title_max_words, cfg.link_share_chrome
    cols = doc.block_columns()  # (the fields zipped from the columns, not read by name a block)
    headline = [share >= link and lo <= words <= hi for share, words in zip(cols.link_share, cols.words)]
    if sum(headline) < cfg.cards_min:
        return doc  # each card is led by a headline of its own
    words, blocks, first = _element_totals(doc)
    elements = doc.elements
    # The cards: small elements whose first or second block is a linked headline.  An element's
    # blocks follow each other, so they are found from each headline up its path, while the
    # element starts at the headline or one block before it.
    cards_of: dict[int, set[int]] = {}
    most = cfg.card_max_words
    page = doc.blocks
    for j in compress(range(len(headline)), headline):
        start = j - 1
        for i in reversed(page[j].path):
            if first[i] < start:
                break
            if 0 < words[i] <= most and (parent := elements[i].parent) >= 0:  # (each read once)
                cards = cards_of.get(parent)
                if cards is None:  # (not setdefault: no set built for a parent that has one)
                    cards_of[parent] = {i}
                else:
                    cards.add(i)
    # Whether an element holds content, or the <h1>, is asked of a few: read from its blocks (they follow each other).
    content = Label.CONTENT

    def has_content(i: int) -> bool:
        return any(b.label is content for b in page[first[i]: first[i] + blocks[i]])

    def has_h1(i: int) -> bool:
        return any(b.heading == 1 for b in page[first[i]: first[i] + blocks[i]])

    lists: dict[int, int] = {}
    for parent, cards in cards_of.items():
        if (len(cards) >= cfg.cards_min and sum(words[k] for k in cards) >= cfg.cards_min_share * words[parent]
                and any(map(has_content, cards)) and not has_h1(parent)):
            lists[parent] = len(cards)
    if not lists:
        return doc
    # Which lists follow enough prose of the article's own (prose outside every card list)?  The
    # prose before an outermost list is that of the prose blocks before its range of blocks and
    # outside the ranges before it.
    changes: dict[int, Change] = {}
    prose_blocks = _prose_facts(doc, cfg).blocks  # (in page order)
    counted: set[int] | None = None  # (the counts in the titles, read when a list follows enough prose)
    prose_before = k = 0
    for outer, start, end in _outermost_ranges(doc, lists):
        while k < len(prose_blocks) and prose_blocks[k].index < start:
            prose_before += prose_blocks[k].words
            k += 1
        while k < len(prose_blocks) and prose_blocks[k].index < end:
            k += 1  # (the list's own prose is not the article's)
        if prose_before < cfg.cards_min_prose_before:
            continue
        if counted is None:
            counted = _counts_in_titles(doc)
        # A list of as many cards as the headline counts ("10 DIY projects for your home") is the
        # round-up the article announces, not more stories after it.
        if lists[outer] in counted:
            continue
        for b in doc.blocks[start:end]:
            if b.label is content:
                changes[b.index] = (_CHROME, f"inside a list of teaser cards ({lists[outer]} with linked headlines)")
    return doc.relabel(changes)
