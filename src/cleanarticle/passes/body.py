"""Choosing the article body: the contiguous run of blocks that is worth most."""

from __future__ import annotations

from ..config import Config
from ..document import Change, Document, Label
from .scoring import REASON_OUTSIDE_RUN, block_value


def select_main_run(doc: Document, cfg: Config) -> Document:
    """The contiguous run of blocks with the largest total value is the body; content outside it becomes chrome.

    This is Finn's body-text extraction (BTE) over blocks instead of tokens: prose
    blocks add the words they carry beyond ``block_cost``; short lines, link text,
    marked blocks, teaser cues and wide gaps subtract.  Inside the run, short lines
    (sub-headings, list items) stay content.
    """
    values = [block_value(b, doc, cfg) for b in doc.blocks]
    best_sum, best = 0.0, None
    run_sum, run_start = 0.0, 0
    for i, v in enumerate(values):
        if run_sum <= 0:
            run_sum, run_start = v, i
        else:
            run_sum += v
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, i)
    if best is None:
        return doc  # nothing reads like prose: leave the labels as they are
    start, end = best
    changes: dict[int, Change] = {}
    for b in doc.blocks:
        if b.label is Label.CONTENT and not start <= b.index <= end:
            changes[b.index] = (Label.CHROME, REASON_OUTSIDE_RUN)
    return doc.relabel(changes)
