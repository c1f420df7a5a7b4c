"""Segmenters: turn decoded input into a Document of blocks.

``text.segment`` reads a plain-text dump (one block per line); ``html.segment``
walks an lxml DOM (one block per visible paragraph-like element).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import segment as segment_text

if TYPE_CHECKING:
    from ..config import Config
    from ..document import Document


def segment_html(text: str, cfg: Config, url: str | None = None, utf8: bytes | None = None) -> Document:
    """``html.segment``, imported on first use: a text dump never loads lxml or the HTML segmenter.

    ``utf8`` is ``text`` encoded as UTF-8, when the caller has it (``load.Loaded.utf8``).
    """
    from .html import segment

    return segment(text, cfg, url, utf8=utf8)


__all__ = ["segment_html", "segment_text"]
