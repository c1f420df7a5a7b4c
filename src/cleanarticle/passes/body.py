"""Choosing the article body: the contiguous run of blocks that is worth most."""

from __future__ import annotations

from collections import Counter
from functools import partial
from itertools import compress, count, repeat
from operator import attrgetter, contains, mul, sub

from .. import patterns, reasons
from ..config import Config
from ..document import Change, Document, Label
from .scoring import block_values, declared_titles, is_barrier, text_run_sums, title_anchor


def select_main_run(doc: Document, cfg: Config) -> Document:
    """The contiguous run of blocks with the largest total value is the body; content outside it becomes chrome.

    This is Finn's body-text extraction (BTE) over blocks instead of tokens: prose
    blocks add the words they carry beyond ``block_cost``; short lines, link text,
    marked blocks, teaser cues and wide gaps subtract.  A comments heading is a
    barrier no run crosses.  When the page's headline appears again above some
    prose (``title_anchor``), the run must start after it (and before the
    next comments heading), each block of distance costing
    ``anchor_distance_cost``; the anchor is left in ``doc.meta["title_anchor"]``
    for the title pass, and the declared titles in ``doc.meta["declared_titles"]``.
    Inside the run, short lines (sub-headings, list items) stay content.
    """
    n = len(doc.blocks)
    barriers = [False] * n
    # The few blocks that could be one: short, with a keyword (is_barrier tests both again).
    for i in doc.blocks_containing(patterns.COMMENTS_KEYWORDS, cfg.barrier_max_words):
        barriers[i] = is_barrier(doc.blocks[i], cfg)
    if doc.kind != "html" and cfg.link_share_chrome > 0.0:
        # A text dump's values are summed as they are made, in one loop: it needs them for no more.
        values: list[float] = []
        best_run = partial(_text_best_run, doc, cfg, barriers)
    else:
        values = block_values(doc, cfg)
        best_run = partial(_best_run, values, barriers)  # (called in C: no frame of Python more a run)
    titles = declared_titles(doc, cfg)
    anchor = title_anchor(doc, cfg, titles)
    best = None
    if anchor is not None:
        # The body starts after its headline and before the comments that follow it.
        stop = next((i for i in range(anchor + 1, n) if barriers[i]), n)
        best = best_run(range(anchor + 1, stop), anchor + 1, cfg.anchor_distance_cost)
    if best is None:
        best = best_run(range(n))
    if best is None:
        return doc  # nothing reads like prose: leave the labels as they are
    runs = [best]
    if doc.kind == "html":
        runs += _more_runs(values, barriers, best, cfg)
    inside = set()
    for start, end in runs:
        inside.update(range(start, end + 1))
    if doc.kind == "html":
        inside |= _siblings_of_body(doc, values, barriers, inside, cfg, anchor)
        inside |= _announced_list(doc, barriers, inside, cfg)
    # (The declared titles too, for the title pass: the passes between change no label that title_line reads.)
    doc = doc.with_meta(title_anchor=anchor, declared_titles=titles)
    # The content blocks outside the run, in order: found in C (a mask of the labels, a set difference).
    outside = (Label.CHROME, reasons.OUTSIDE_RUN)
    changes: dict[int, Change] = dict.fromkeys(sorted(set(compress(count(), doc.mask(Label.CONTENT))) - inside), outside)
    return doc.relabel(changes)


def _siblings_of_body(doc: Document, values: list[float], barriers: list[bool], inside: set[int],
                      cfg: Config, anchor: int | None = None) -> set[int]:
    """HTML: blocks that sit in the same element as the body's paragraphs are body too, unless they cost much.

    A short closing line or a sub-heading at the end of an article lowers the run's
    sum and so falls outside it; in HTML, the element holding the paragraphs says they
    belong together (Readability keeps every paragraph of its best candidate).
    """
    blocks, content = doc.blocks, Label.CONTENT  # (locals: not an Enum lookup a block)
    parents = Counter(blocks[i].path[-2] for i in inside if len(blocks[i].path) > 1 and blocks[i].label is content)
    if not parents:
        return set()
    # What comes before the body's start is its header (headline, byline) -- but when the headline
    # is known, the blocks after it that share the paragraphs' element are the article's opening
    # (an intro line and a list, which cost more than they carry and so fell outside the run).
    lo = min(inside)
    if anchor is not None and anchor < lo and not any(barriers[anchor:lo]):
        lo = anchor + 1
    hi = next((i for i in range(max(inside) + 1, len(values)) if barriers[i]), len(values))
    return {b.index for b in blocks[lo:hi]
            if b.index not in inside and b.label is content and len(b.path) > 1
            and (parents.get(b.path[-2], 0) >= cfg.sibling_min_blocks
                 # a list item or table row whose list or table stands among the paragraphs
                 # (perhaps inside a <tbody>, a scrolling <div>, a <figure>)
                 or b.tag in _ITEM_TAGS and any(parents.get(i, 0) >= cfg.sibling_min_blocks for i in b.path[-6:-2]))
            and values[b.index] > -cfg.block_cost}


def _announced_list(doc: Document, barriers: list[bool], inside: set[int], cfg: Config) -> set[int]:
    """HTML: a line ending in ":" right after the body, in its last paragraph's element, and the list it announces.

    "Key topics discussed in the guide include:" and its list items cost more than they
    carry, so a short body's run ends before them; the colon says the text goes on.
    """
    blocks = doc.blocks
    end = max(inside)
    i = end + 1
    if i >= len(blocks) or barriers[i]:
        return set()
    intro, last = blocks[i], blocks[end]
    if (intro.label is not Label.CONTENT or intro.words > cfg.title_max_words or not intro.text.endswith(":")
            or len(intro.path) < 2 or len(last.path) < 2 or last.path[-2] != intro.path[-2]):
        return set()
    parent = intro.path[-2]
    found = {i}
    for b in blocks[i + 1:]:
        if b.tag != "li" or b.label is not Label.CONTENT or barriers[b.index] or len(b.path) < 3 or b.path[-3] != parent:
            break
        found.add(b.index)
    return found if len(found) > 1 else set()


def _more_runs(values: list[float], barriers: list[bool], best: tuple[int, int], cfg: Config) -> list[tuple[int, int]]:
    """HTML: other runs worth ``extra_run_min_value`` or more, between the barriers around the best run.

    Within the chosen container, an embedded video, a pull-quote box or an ad can
    split the article into runs; the outside of the container is already chrome, so
    a second valuable run there is the rest of the article.
    """
    lo = next((i + 1 for i in range(best[0] - 1, -1, -1) if barriers[i]), 0)
    hi = next((i for i in range(best[1] + 1, len(values)) if barriers[i]), len(values))
    # A run may not cross a barrier, leave [lo, hi) or overlap a run already taken.
    blocked = [b or not lo <= i < hi for i, b in enumerate(barriers)]
    blocked[best[0]: best[1] + 1] = [True] * (best[1] + 1 - best[0])
    taken = []
    for _ in range(cfg.max_extra_runs):
        run = _best_run(values, blocked, range(lo, hi))
        if run is None or sum(values[run[0]: run[1] + 1]) < cfg.extra_run_min_value:
            break
        taken.append(run)
        blocked[run[0]: run[1] + 1] = [True] * (run[1] + 1 - run[0])
    return taken


def _best_run(values: list[float], barriers: list[bool], starts: range, origin: int = 0,
              distance_cost: float = 0.0) -> tuple[int, int] | None:
    """The (start, end) with start in ``starts`` whose sum of values is largest and positive; no barrier inside.

    With ``distance_cost``, each block between ``origin`` and the start costs that much.
    """
    if starts.start >= starts.stop:
        return None
    return _chosen_run(*_run_sums(values, barriers, starts.start), starts, origin, distance_cost)


def _text_best_run(doc: Document, cfg: Config, barriers: list[bool], starts: range, origin: int = 0,
                   distance_cost: float = 0.0) -> tuple[int, int] | None:
    """``_best_run`` of a text dump's block values, from its columns (``scoring.text_run_sums``)."""
    if starts.start >= starts.stop:
        return None
    return _chosen_run(*text_run_sums(doc, cfg, barriers, starts.start), starts, origin, distance_cost)


def _run_sums(values: list[float], barriers: list[bool], lo: int) -> tuple[list[float], list[int]]:
    """best_sum[i], best_end[i]: the largest sum of values[i..e] for e >= i before the next barrier, and that e,
    for each i from ``lo`` (-inf and -1 at a barrier; a list of len(values) + 1, the last 0.0).

    From the page's end back to ``lo``: a block's depend only on the blocks after it.
    (``scoring.text_run_sums`` makes the same sums from a text dump's columns: keep them in step.)
    """
    n = len(values)
    best_sum, best_end = [0.0] * (n + 1), [-1] * (n + 1)
    tail, tail_end = 0.0, -1
    # (zip over the reversed lists: no two index reads a block; it stops with the range, at ``lo``)
    for i, value, barrier in zip(range(n - 1, lo - 1, -1), reversed(values), reversed(barriers)):
        if barrier:
            tail, tail_end = float("-inf"), -1
        elif tail > 0:
            tail += value
        else:
            tail, tail_end = value, i
        best_sum[i], best_end[i] = tail, tail_end
    return best_sum, best_end


def _chosen_run(best_sum: list[float], best_end: list[int], starts: range, origin: int = 0,
                distance_cost: float = 0.0) -> tuple[int, int] | None:
    """``_best_run`` from the sums of ``_run_sums`` (made from ``starts.start`` or before)."""
    lo, hi = starts.start, starts.stop
    if lo >= hi:
        return None
    # The start whose total is largest (the first of equals) and positive; a barrier's is -inf.  Found by
    # max and index in C, not a loop of Python over the starts.
    if distance_cost:
        # (each total as the loop computed it: the sum less distance_cost times the distance, in C)
        totals = list(map(sub, best_sum[lo:hi], map(mul, repeat(distance_cost), range(lo - origin, hi - origin))))
        most = max(totals)
        s = lo + totals.index(most)
    else:
        most = max(best_sum[lo:hi])
        s = best_sum.index(most, lo, hi)
    return (s, best_end[s]) if most > 0.0 else None


# Sub-headings, list items and table rows repeat within one article ("Pros", "How to apply this
# trend:", "Price: $20 a month" under each product): a repeated one is not a second copy.
_ITEM_TAGS = frozenset({"li", "dd", "dt", "td", "th", "tr"})


def mark_repeats(doc: Document, cfg: Config) -> Document:
    """Body blocks that repeat earlier body text (the same paragraph again, or one block holding several earlier ones) become chrome.

    Saved pages often carry the article twice (an AMP or no-script copy, a
    print version, a JSON blob rendered as text); the reader wants it once.
    """
    seen = 0                      # earlier body paragraphs
    long_seen: list[str] = []     # ... those longer than repeat_min_chars, which count when held in a later block
    long_firsts: list[str] = []   # ... and the first character of each
    changes: dict[int, Change] = {}
    body = list(doc.labelled(Label.CONTENT))
    # (Each block's text and words read once, and the settings into locals: a NamedTuple's field or a setting
    # read by name costs ~100-250 instructions, and the loops below read each several times.)
    prose_min, min_words, min_blocks, min_chars = (cfg.prose_min_words, cfg.repeat_min_words, cfg.repeat_min_blocks,
                                                   cfg.repeat_min_chars)
    body_texts = list(map(_TEXT, body))
    body_words = list(map(_WORDS, body))
    texts: set[str] = set()
    repeated = []
    for text, words in zip(body_texts, body_words):
        repeated.append(words >= prose_min and text in texts)
        texts.add(text)
    for n, b in enumerate(body):
        text, words = body_texts[n], body_words[n]
        if repeated[n]:
            # A sub-heading or list item said again on its own is the article's structure; one
            # inside a stretch of repeats is part of a second copy.
            lone = not (n and repeated[n - 1]) and not (n + 1 < len(body) and repeated[n + 1])
            if not (lone and (b.heading or b.tag in _ITEM_TAGS)):
                changes[b.index] = (Label.CHROME, reasons.REPEATS_ONE)
                continue
        if words >= min_words and seen >= min_blocks:
            # Only a paragraph whose first character the block holds can be in it: that character is looked
            # for first (memchr; ~45% of the pairs pass), and only those paragraphs are searched for (each a scan of
            # the block, ~2,800 instructions).  (All in C: operator.contains, not a slot wrapper's call.)
            maybe = compress(long_seen, map(contains, repeat(text), long_firsts))
            held = sum(map(contains, repeat(text), maybe))
            if held >= min_blocks:
                changes[b.index] = (Label.CHROME, reasons.repeats_many(held))
                continue
        if words >= prose_min:
            seen += 1
            if len(text) > min_chars:
                long_seen.append(text)
                long_firsts.append(text[0])
    return doc.relabel(changes)


def _shouted(text: str) -> bool:
    """Mostly capitals: a promoted headline of another story ("SEAN SPICER ELIMINATED FROM ...")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 10 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _leads_its_paragraph(blocks: tuple[Block, ...], heading: Block, hi: int) -> bool:
    """The next block in the body, past captions and credits, is a body paragraph in the heading's
    own element: the heading of one item of a round-up ("Quick Coat Hooks" over its blurb)."""
    for b in blocks[heading.index + 1: hi + 1]:
        if b.label is Label.CAPTION or b.label is Label.CREDIT:
            continue
        return b.label is Label.CONTENT and not b.heading and len(b.path) > 1 and b.path[-2] == heading.path[-2]
    return False


def restore_linked_headings(doc: Document, cfg: Config) -> Document:
    """HTML: a heading made of a link, standing inside the body among its paragraphs, is a sub-heading: content again.

    ``link_lists`` makes every mostly-linked block chrome, which is right for menus but
    drops the linked sub-headings of round-ups and guides ("2. Stanford GSB" linking to
    the school).  Inside the body's span, between two body blocks, and in the same element
    as ``sibling_min_blocks`` body paragraphs, such a heading belongs to the article.
    """
    span = doc.content_span()
    if span is None:
        return doc
    lo, hi = span
    parents = Counter(b.path[-2] for b in doc.blocks[lo: hi + 1]
                      if b.label is Label.CONTENT and len(b.path) > 1)
    changes: dict[int, Change] = {}
    blocks = doc.blocks
    # A linked line the page repeats is a button ("Book now", "Directions"), not a line of the text
    repeated = Counter(b.text for b in blocks[lo + 1: hi] if b.tag == "p" and b.label is Label.CHROME)
    for b in blocks[lo + 1: hi]:
        if (b.label is Label.CHROME and b.reason.startswith(reasons.LINK_TEXT) and 2 <= b.heading <= 6
                and len(b.path) > 1 and (parents.get(b.path[-2], 0) >= cfg.sibling_min_blocks
                                         or _leads_its_paragraph(blocks, b, hi))):
            changes[b.index] = (Label.CONTENT, "a linked sub-heading inside the body")
        elif (b.label is Label.CHROME and b.reason.startswith(reasons.LINK_TEXT) and b.tag == "p"
              and len(b.path) > 1 and parents.get(b.path[-2], 0) >= cfg.sibling_min_blocks
              and repeated[b.text] == 1 and not _shouted(b.text) and not patterns.LINK_LEAD_IN.match(b.text)):
            changes[b.index] = (Label.CONTENT, "a linked paragraph inside the body")
        elif (b.label is Label.CHROME and b.reason.startswith(reasons.LINK_TEXT) and b.tag == "li"
              and len(b.path) > 2 and parents.get(b.path[-3], 0) >= cfg.sibling_min_blocks):
            changes[b.index] = (Label.CONTENT, "a linked list item inside the body")
    return doc.relabel(changes)


def _about_the_writer(doc: Document, text: str) -> bool:
    """"About the Author", or "About" and the name of a writer the page declares or a byline shows."""
    if patterns.ABOUT_WRITER.match(text):
        return True
    m = patterns.ABOUT_HEADING.match(text)
    if not m:
        return False
    name = m.group(1).casefold().split()
    names = [n for key in ("jsonld_authors", "meta_authors", "itemprop_authors", "rel_authors")
             for n in doc.meta.get(key) or ()]
    names += [b.text for b in doc.labelled(Label.BYLINE)]
    return any(all(w in n.casefold() for w in name) for n in names if isinstance(n, str))


def _writer_names(doc: Document) -> list[list[str]]:
    """The writers' names (each as its case-folded words) the page declares or its bylines show."""
    texts = [n for key in ("jsonld_authors", "meta_authors", "itemprop_authors", "rel_authors")
             for n in doc.meta.get(key) or () if isinstance(n, str)]
    texts += [b.text for b in doc.labelled(Label.BYLINE)]
    return [words for words in (patterns.WORD.findall(t.casefold()) for t in texts) if words]


def _names_a_writer(name: str, writers: list[list[str]]) -> bool:
    """``name`` ("Jane Doe", or "Jane" alone) is a writer's: their first name and more of their name in order."""
    words = patterns.WORD.findall(name.casefold())
    if not words:
        return False
    for writer in writers:
        for i, w in enumerate(writer):
            # the first word of the name starts a name in the byline ("By Jane Doe | May 2"):
            # a lone first name must be followed there by a surname
            if w == words[0] and writer[i: i + len(words)] == words and (len(words) > 1 or i + 1 < len(writer)):
                return True
    return False


_BIO_TRAILING_MAX = 2  # short lines the site puts after a writer's bio, taken with it


def _writer_bio(doc: Document, body: list[Block], cfg: Config) -> int:
    """How many of the body's last blocks are the writer's bio: "Jane Doe is a freelance writer ..."

    Read from the last block back: paragraphs of at most ``bio_max_words`` that open with a
    writer's name and a verb or a comma, the writer's name alone on its line ("Jane Doe",
    "Jane Doe, Founder of Acme") and, over them, a short line naming a role ("Contributing
    Writer").  Up to two short lines after the bio (a disclosure, a note on comments) go with
    it.  Nothing is taken unless one such paragraph is found, nor the body's first block.
    """
    writers: list[list[str]] | None = None
    taken = 0
    bios = 0
    trailing = 0  # short lines after the bio (a disclosure, a note on comments): the site's too
    timeout = cfg.regex_timeout
    for k in range(len(body) - 1, 0, -1):
        b = body[k]
        text = b.text
        if text[:1].isupper() and b.words <= cfg.bio_max_words:
            m = patterns.match(patterns.BIO_START, text, timeout)
            if m:
                if writers is None:
                    writers = _writer_names(doc)
                if _names_a_writer(m.group("name"), writers):
                    if b.words > 2 * cfg.bio_role_max_words:  # not a name line ("Jane Doe, Founder of Acme")
                        if patterns.search(patterns.BIO_WE, text, timeout):
                            break  # a company's boilerplate ("Acme has ... Our crews ..."), not a person's bio
                        # a bio says "he", "she" or a role; "Jane Doe has no position in ..." goes with one
                        bios += patterns.search(patterns.BIO_PERSON, text, timeout) is not None
                    taken = len(body) - k
                    continue
            elif b.words <= cfg.bio_role_max_words + 2 and not b.ends_sentence:
                if writers is None:
                    writers = _writer_names(doc)
                if _names_a_writer(text, writers) or (
                        taken and b.words <= cfg.bio_role_max_words
                        and patterns.contains_any(text, patterns.BIO_ROLE_KEYWORDS)):
                    taken = len(body) - k
                    continue
        if not taken and trailing < _BIO_TRAILING_MAX and b.words <= cfg.end_prompt_max_words:
            trailing += 1
            continue
        break
    return taken if bios else 0


def mark_body_end(doc: Document, cfg: Config) -> Document:
    """The body's last short blocks that invite the reader to subscribe, follow, support or write in, and a heading left with nothing after it, become chrome.

    Sites append their own lines at the foot of an article, inside its container:
    "Subscribe to our newsletter", "Follow Jane on Twitter", "Email Jane at …",
    "(Reporting by …; Editing by …)", or the heading of a list that other passes have
    already taken away.  Only the end of the body is read, from its last block back,
    and only blocks of ``end_prompt_max_words`` or fewer; the first block that is
    neither stops it.
    """
    body = list(doc.labelled(Label.CONTENT))
    if len(body) < 2:
        return doc
    changes: dict[int, Change] = {}
    # An "About the Author" / "About Acme" box closing the body: its heading and all after it.
    after = 0
    for k in range(len(body) - 1, 0, -1):
        b = body[k]
        if (b.words <= cfg.about_heading_max_words and (not b.ends_sentence or b.text.endswith(":"))
                and b.text[:1].isalpha() and _about_the_writer(doc, b.text)):
            if after:
                for c in body[k:]:
                    changes[c.index] = (Label.CHROME, "an 'About the Author' box at the end of the body")
                body = body[:k]
            break
        after += b.words
        if after > cfg.about_box_max_words:
            break
    # The writer's bio closing the body: "Jane Doe is a freelance writer who covers ..."
    bio = _writer_bio(doc, body, cfg)
    if bio:
        for c in body[-bio:]:
            changes[c.index] = (Label.CHROME, "the writer's bio at the end of the body")
        body = body[:-bio]
    # The walk reads a block or two, so each is gated on its own keywords: a page-wide index
    # (``blocks_containing``) would scan the whole page for each of them.
    for b in reversed(body[1:]):
        if b.heading and not b.ends_sentence:
            changes[b.index] = (Label.CHROME, "a heading with no body text after it")
        elif b.words <= cfg.end_prompt_max_words and patterns.search_end_prompt(b.text, cfg.regex_timeout):
            changes[b.index] = (Label.CHROME, "an invitation at the end of the article (subscribe, follow, contact)")
        else:
            break
    return doc.relabel(changes)


_WORDS, _TEXT = attrgetter("words"), attrgetter("text")
_NEVER_RECOVERED = (reasons.SITE_PROMPT, reasons.SITE_NOTICE, reasons.READING_TIME, reasons.INSIDE_NAV,
                    reasons.INSIDE_FOOTER, reasons.PAGE_HEADER, reasons.REPEATS)


def recover_main_block(doc: Document, cfg: Config) -> Document:
    """HTML: when little or no article is found, the page's main block of text becomes the body.

    Pages that are not articles (listings, product pages, collections) carry their main
    content as short lines and links, which the article rules discard.  Rather than return
    nothing or a lone blurb, recover the main block when either
    - almost nothing is left as body (under ``min_body_words``): the deepest element that
      holds nearly as many words outside menus, footers and prompts as any element does
      (``recover_min_share``); or
    - the page does not declare itself an article (og:type, schema.org type), the body is
      short (under ``non_article_body_words``) and the page's ``<main>`` holds several times
      as many words (``main_region_ratio``): then the whole ``<main>``.
    """
    if doc.kind != "html" or not doc.elements:
        return doc
    body_words = sum(map(_WORDS, doc.labelled(Label.CONTENT)))
    nearly_empty = body_words < cfg.min_body_words
    short_non_article = body_words < cfg.non_article_body_words and not doc.meta.get("declares_article")
    if not (nearly_empty or short_non_article):
        return doc
    pool = [b for b in doc.blocks if b.label in (Label.CONTENT, Label.CHROME) and b.path
            and not b.reason.startswith(_NEVER_RECOVERED)]
    words = [0] * len(doc.elements)
    for b in pool:
        for i in b.path:
            words[i] += b.words
    if nearly_empty:
        inner = [i for i, el in enumerate(doc.elements) if el.tag not in ("html", "body")]
        most = max((words[i] for i in inner), default=0)
        if most < cfg.min_body_words:
            return doc
        # The deepest element that still holds nearly all of it: the list itself, not the page wrapper.
        best = max((i for i in inner if words[i] >= cfg.recover_min_share * most),
                   key=lambda i: doc.elements[i].depth)
        reason = "recovered: the page's main block of text (no article found)"
    else:
        best = next((i for i, el in enumerate(doc.elements) if el.landmark == "main"), -1)
        if best < 0 or words[best] <= cfg.main_region_ratio * body_words:
            return doc
        reason = (f"recovered: the page's <main> (not declared an article, and the body found has "
                  f"only {body_words} words)")
    return doc.relabel({b.index: (Label.CONTENT, reason) for b in pool if best in b.path and b.label is not Label.CONTENT})
