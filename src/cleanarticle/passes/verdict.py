"""The last word: is what the passes kept an article at all?"""

from __future__ import annotations

from ..config import Config
from ..document import Document, Label
from .scoring import prose_words


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
    words = prose_words(body, doc, cfg, cfg.article_min_words)  # (all of them only when fewer)
    if not body or words >= cfg.article_min_words:
        return doc
    if sum(b.words for b in body) >= cfg.page_min_words:
        return doc  # little prose but much text: a listing, a forum thread, a product page -- main content all the same
    reason = f"too little prose for an article ({words} words; article_min_words is {cfg.article_min_words})"
    return doc.relabel({b.index: (Label.CHROME, reason) for b in body})
