"""The last word: is what the passes kept an article at all?"""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Label


def mark_no_article(doc: Document, cfg: Config) -> Document:
    """A body with too little prose (an error page, a login wall, a bare menu) is no article: it becomes chrome.

    Counts the words of body blocks that read as prose (``scoring.is_prose``:
    paragraph-sized, sentence-shaped, with function words); under
    ``article_min_words`` the whole body is relabelled, so the
    Article comes back with an empty body (``found`` False, CLI exit 3) and the
    trace says why.  Error pages and login walls are recognised by how little
    they say, never by what they say.
    """
    if cfg.article_min_words <= 0:
        return doc
    body = list(doc.labelled(Label.CONTENT))  # (taken with the label mask, in C)
    words = _prose_words(body, doc, cfg)
    if not body or words >= cfg.article_min_words:
        return doc
    if sum(b.words for b in body) >= cfg.page_min_words:
        return doc  # little prose but much text: a listing, a forum thread, a product page -- main content all the same
    reason = f"too little prose for an article ({words} words; article_min_words is {cfg.article_min_words})"
    return doc.relabel({b.index: (Label.CHROME, reason) for b in body})


def _prose_words(body: list[Block], doc: Document, cfg: Config) -> int:
    """The words of the blocks of ``body`` that ``is_prose``, with its tests inline and each block's fields
    unpacked in one step (as ``scoring.block_values`` does): a call and five field reads a block cost more."""
    prose_min = cfg.prose_min_words
    min_share = cfg.min_stopword_share if doc.stopword_language else None
    words = 0
    for _, _, n, stops, ends_sentence, _, _, heading, _, _, _, _, _, _, _, _ in body:
        if n < prose_min or heading or not ends_sentence and n < 2 * prose_min:
            continue
        if min_share is not None and (stops / n if n else 0.0) < min_share:
            continue
        words += n
    return words
