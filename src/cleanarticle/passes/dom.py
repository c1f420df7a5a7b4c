"""HTML-only passes: evidence from the DOM (landmarks, class/id hints, link text, containers)."""

from __future__ import annotations

from .. import patterns
from ..config import Config
from ..document import Change, Document, Element, Label
from .scoring import REASON_OUTSIDE_CONTAINER, block_values, is_prose

_CHROME_LANDMARKS = frozenset({"nav", "aside", "footer"})
# Hint words that keep their meaning however much of the page they cover: a comment thread
# longer than the article is still the comments.
_NEVER_DISTRUSTED = ("comment", "respond", "disqus")
_ARTICLE_LANDMARKS = frozenset({"article", "main"})


# Elements that hold text of their own: a <figure> wrapped around one (a table, a pull quote,
# a code listing -- as block editors emit them) is that content, not an image with its caption.
_FIGURE_CONTENT = frozenset({"table", "blockquote", "pre"})


def _innermost_landmark(path: tuple[int, ...], elements: tuple[Element, ...], prose: list[int], limit: float) -> str:
    held = False  # inside a table, a quote or a listing (below any figure)
    for i in reversed(path):
        lm = elements[i].landmark
        if lm in _FIGURE_CONTENT:
            held = True
            continue
        if lm == "figure" and held:
            return "figure-content"
        if lm in _CHROME_LANDMARKS or lm == "header":
            if prose[i] > limit:
                continue  # it holds most of the page's prose: not furniture, whatever its tag
            return lm
        if lm in _ARTICLE_LANDMARKS or lm in ("figure", "figcaption"):
            return lm
    return ""


def _prose_by_element(doc: Document, cfg: Config) -> tuple[list[int], float]:
    """Prose words under each element, and the most an element may hold and still be furniture.

    A page whose whole article sits inside a <nav>, an <aside> or a "widget" (broken
    markup, odd themes) must not lose it: an element holding more than
    ``hint_max_prose_share`` of the page's prose is the article, whatever it is called.
    """
    prose = [0] * len(doc.elements)
    total = 0
    for b in doc.blocks:
        if is_prose(b, doc, cfg):
            total += b.words
            for i in b.path:
                prose[i] += b.words
    return prose, cfg.hint_max_prose_share * total if total >= cfg.min_body_words else float("inf")


def mark_landmarks(doc: Document, cfg: Config) -> Document:
    """Blocks inside nav, aside and footer (and page headers) become chrome; figure captions become captions."""
    changes: dict[int, Change] = {}
    prose, limit = _prose_by_element(doc, cfg)
    for b in doc.blocks:
        if b.label is not Label.CONTENT or not b.landmarks:
            continue
        lm = _innermost_landmark(b.path, doc.elements, prose, limit)
        if lm in _CHROME_LANDMARKS:
            changes[b.index] = (Label.CHROME, f"inside <{lm}>")
        elif lm == "header" and not (b.landmarks & _ARTICLE_LANDMARKS) and b.heading != 1:
            changes[b.index] = (Label.CHROME, "inside the page <header>")
        elif lm in ("figure", "figcaption"):
            changes[b.index] = (Label.CAPTION, f"inside <{lm}>")
    return doc.relabel(changes)


def mark_boilerplate_hints(doc: Document, cfg: Config) -> Document:
    """Blocks whose nearest hinted ancestor has a boilerplate class or id (share, related, comments...) become chrome."""
    verdicts: dict[int, str | None] = {}
    # A hinted element holding most of the page's prose is the article, whatever its class says
    # (ad-injection wrappers, "widget" blocks of blog themes); so is a hint word that marks most
    # of the page's prose (a page builder that calls every box a "widget").
    prose, limit = _prose_by_element(doc, cfg)
    word_of: dict[int, str] = {}
    seen: dict[str, str | None] = {}  # pages repeat the same class strings: match each once
    for i, el in enumerate(doc.elements):
        if el.hints and el.tag not in ("html", "body"):
            if el.hints not in seen:
                m = patterns.search(patterns.BOILERPLATE_HINT, el.hints, cfg.regex_timeout)
                seen[el.hints] = m.group(0).strip(" _-") if m else None
            if seen[el.hints]:
                word_of[i] = seen[el.hints]  # type: ignore[assignment]
    prose_of_word: dict[str, int] = {}
    for b in doc.blocks:
        if is_prose(b, doc, cfg):
            for word in {word_of[i] for i in b.path if i in word_of}:
                prose_of_word[word] = prose_of_word.get(word, 0) + b.words
    total = sum(prose_of_word.values()) and max(1, sum(b.words for b in doc.blocks if is_prose(b, doc, cfg)))
    content_hint: dict[str, bool] = {}
    distrusted = {w for w, n in prose_of_word.items()
                  if n > cfg.hint_word_max_prose_share * total and not w.startswith(_NEVER_DISTRUSTED)}

    def verdict(i: int) -> str | None:
        # Walk up to the nearest element whose class/id says something; memoise the whole chain.
        chain = []
        found: str | None = None
        while i >= 0:
            if i in verdicts:
                found = verdicts[i]
                break
            chain.append(i)
            el = doc.elements[i]
            if el.hints and el.tag not in ("html", "body"):  # page-level classes describe the layout
                if el.hints not in content_hint:
                    content_hint[el.hints] = patterns.search(patterns.CONTENT_HINT, el.hints, cfg.regex_timeout) is not None
                if content_hint[el.hints]:
                    found = None
                    break
                word = word_of.get(i)
                if word and prose[i] <= limit and word not in distrusted:
                    found = word
                    break
            i = el.parent
        for j in chain:
            verdicts[j] = found
        return found

    changes: dict[int, Change] = {}
    for b in doc.blocks:
        if b.label is not Label.CONTENT or not b.path:
            continue
        hint = verdict(b.path[-1])
        if hint:
            label = Label.CAPTION if hint.startswith("caption") else Label.CREDIT if hint.startswith("credit") else Label.CHROME
            changes[b.index] = (label, f"inside an element with class/id '{hint}'")
    return doc.relabel(changes)


def mark_link_lists(doc: Document, cfg: Config) -> Document:
    """Blocks that are mostly link text and not long prose (menus, tag lists, link lists) become chrome."""
    changes: dict[int, Change] = {}
    for b in doc.blocks:
        if b.label is Label.CONTENT and b.link_share >= cfg.link_share_chrome and b.words < 4 * cfg.prose_min_words:
            if b.heading == 1:
                continue  # a linked headline is still the headline
            changes[b.index] = (Label.CHROME, f"link text ({b.link_share:.0%} of the block)")
    return doc.relabel(changes)


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
    for b, v in zip(doc.blocks, block_values(doc, cfg)):
        if b.label is not Label.CONTENT:
            continue  # already excluded from the body: it neither helps nor hurts a container
        for i in b.path:
            sums[i] += v
    best = max(range(len(sums)), key=sums.__getitem__)
    if sums[best] <= 0:
        return doc
    parent = doc.elements[best].parent
    keep = {best}
    if parent >= 0:
        floor = cfg.sibling_min_share * sums[best]
        keep.update(i for i, el in enumerate(doc.elements) if el.parent == parent and sums[i] >= floor)
    changes: dict[int, Change] = {}
    for b in doc.blocks:
        if b.label is Label.CONTENT and keep.isdisjoint(b.path):
            changes[b.index] = (Label.CHROME, REASON_OUTSIDE_CONTAINER)
    return doc.relabel(changes)
