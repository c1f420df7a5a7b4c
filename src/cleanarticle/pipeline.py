"""The library's entry point: source -> load -> segment -> passes -> assemble."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from . import passes, patterns
from .article import Article
from .assemble import assemble
from .config import Config
from .document import Document
from .errors import NotAPageError, TimeBudgetError
from .load import Loaded, Source, load
from .segment import segment_html, segment_text


def clean(source: Source, *, kind: str = "auto", url: str | None = None, config: Config | None = None,
          **overrides: Any) -> Article:
    """Extract the article from ``source``.

    ``source`` is page content (``str``), raw bytes (decoded from BOM, declared
    charset, then detection), a path (``os.PathLike``; ``.gz`` is unpacked), or a
    ``bs4.BeautifulSoup`` object.  ``kind`` is "auto", "html" or "text".  Settings
    come from ``config`` and keyword ``overrides`` (see ``Config``).  Raises only
    ``CleanArticleError`` subclasses; a page without an article returns an Article
    whose ``body`` is empty (``article.found`` is False).  A page that takes longer
    than ``time_budget`` seconds raises ``TimeBudgetError``.
    """
    cfg = Config.build(config, **overrides)
    passes.check_disabled(cfg.disabled)
    at = time.monotonic() + cfg.time_budget if cfg.time_budget is not None else None

    def within_budget(stage: str) -> None:
        if at is not None and time.monotonic() > at:
            raise TimeBudgetError(
                f"gave up after {stage}: the page takes longer than the time budget of {cfg.time_budget:g} s "
                "to clean (too large or too complex; raise time_budget to allow more)")

    with patterns.deadline(at):
        loaded = load(source, kind, cfg)
        within_budget("reading the input")
        # (The segmented Document is handed to the passes, not kept here: its blocks are let go as the
        # passes relabel them, ~170 a text dump, which otherwise stay alive and set off the garbage collector.)
        doc, trace = passes.run(_segment_within(loaded, cfg, url, within_budget), cfg,
                                after_each=lambda name: within_budget(f"the {name} pass"))
        return assemble(doc, trace, cfg)


def _segment_within(loaded: Loaded, cfg: Config, url: str | None, within_budget: Callable[[str], None]) -> Document:
    doc = segment(loaded.text, loaded.kind, cfg, url, loaded.utf8)
    within_budget("segmenting")
    return doc


def segment(text: str, kind: str, cfg: Config, url: str | None = None, utf8: bytes | None = None) -> Document:
    """``text``'s Document (``utf8``: an HTML page's text encoded as UTF-8, if the caller has it)."""
    try:
        return segment_html(text, cfg, url, utf8) if kind == "html" else segment_text(text, cfg, url)
    except RecursionError:
        raise NotAPageError("the page is nested too deeply to read") from None

__all__ = ["clean", "segment"]
