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
            if prose[i] > limit and lm != "footer":
                # It holds most of the page's prose: not furniture, whatever its tag.  (Not a
                # footer: one outweighing the page is a legal notice under a page of little prose.)
                continue
            return lm
        if lm in ("figure", "figcaption") and prose[i] > limit:
            continue  # a "figure" holding most of the prose is the article (an unclosed <figure> swallows the page)
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
    short = -cfg.html_block_cost
    for b, v in zip(doc.blocks, block_values(doc, cfg)):
        if b.label is not Label.CONTENT:
            continue  # already excluded from the body: it neither helps nor hurts a container
        if v == short:  # a short line (block_values gives it exactly -html_block_cost): cheaper here
            v = -cfg.container_short_cost
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
    words = [0] * n
    blocks = [0] * n
    led = [False] * n          # the element's first or second block is a linked headline
    has_content = [False] * n
    has_h1 = [False] * n
    lo, hi, link = cfg.card_title_min_words, cfg.title_max_words, cfg.link_share_chrome
    for b in doc.blocks:
        headline = b.link_share >= link and lo <= b.words <= hi
        for i in b.path:
            words[i] += b.words
            if blocks[i] < 2 and headline:
                led[i] = True
            blocks[i] += 1
            if b.label is Label.CONTENT:
                has_content[i] = True
            if b.heading == 1:
                has_h1[i] = True
    children: dict[int, list[int]] = {}
    for i, el in enumerate(doc.elements):
        if words[i] and el.parent >= 0:
            children.setdefault(el.parent, []).append(i)
    lists: dict[int, int] = {}
    for parent, kids in children.items():
        cards = [k for k in kids if led[k] and words[k] <= cfg.card_max_words]
        if (len(cards) >= cfg.cards_min and sum(words[k] for k in cards) >= cfg.cards_min_share * words[parent]
                and any(has_content[k] for k in cards) and not has_h1[parent]):
            lists[parent] = len(cards)
    if not lists:
        return doc
    # Which lists follow enough prose of the article's own (prose outside every card list)?
    changes: dict[int, Change] = {}
    prose_before = 0
    verdict: dict[int, bool] = {}
    for b in doc.blocks:
        inside = [i for i in b.path if i in lists]
        if not inside:
            if is_prose(b, doc, cfg):
                prose_before += b.words
            continue
        outer = inside[0]
        if outer not in verdict:
            verdict[outer] = prose_before >= cfg.cards_min_prose_before
        if verdict[outer] and b.label is Label.CONTENT:
            changes[b.index] = (Label.CHROME, f"inside a list of teaser cards ({lists[outer]} with linked headlines)")
    return doc.relabel(changes)
