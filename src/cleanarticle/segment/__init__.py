"""Segmenters: turn decoded input into a Document of blocks.

``text.segment`` reads a plain-text dump (one block per line); ``html.segment``
walks an lxml DOM (one block per visible paragraph-like element).
"""

from .html import segment as segment_html
from .text import segment as segment_text

__all__ = ["segment_html", "segment_text"]
