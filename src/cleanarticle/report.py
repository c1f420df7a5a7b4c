"""A visual report of every block and every decision: one self-contained HTML page.

``report(article)`` shows the extracted metadata, a legend with counts, then every
block in page order coloured by its final label, with the pass and reason that set
it and the labels it had before.  ``report_index`` and ``write_report_dir`` do the
same for a batch.

The page builder is ``cleanarticle._report``, imported on the first call or the first
other name asked for here: ``import cleanarticle``, which exports ``report``, then does
not compile it, and cleaning a page never needs it (~17 M instructions of a fresh process).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import Article


def report(article: Article, *, source: str | None = None) -> str:
    """The report page for one article, as a string of HTML."""
    from ._report import report as build

    return build(article, source=source)


def __getattr__(name: str) -> Any:
    """Every other name of the report (``report_index``, ``IndexEntry``, ``FOLD_CHROME_RUN`` ...), from the builder."""
    if name.startswith("__"):  # the import system asks for ``__path__`` and the like: not the builder's
        raise AttributeError(name)
    return getattr(importlib.import_module("._report", __package__), name)
