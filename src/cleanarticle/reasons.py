"""The reasons passes give when a later pass acts on them.

A pass writes a reason into the trace next to each block it relabels. Some later
passes read those reasons ("a block a site prompt took is never recovered", "a byline
may sit in the page <header>", "no date from a box of related articles"), so the
words are kept here once: the pass that writes a reason and the passes that test it
use the same name, and renaming a reason cannot silently break a test of it.

Reasons no later pass reads stay as plain strings in their passes.
"""

from __future__ import annotations

# --- chosen body (passes/scoring.py, body.py, dom.py)
OUTSIDE_RUN = "outside the main run of text"
OUTSIDE_CONTAINER = "outside the main container"
OUTSIDE = (OUTSIDE_RUN, OUTSIDE_CONTAINER)
REPEATS = "repeats "  # prefix of both forms below
REPEATS_ONE = "repeats an earlier paragraph"


def repeats_many(count: int) -> str:
    return f"{REPEATS}{count} earlier paragraphs"


# --- the page's text (passes/prompts.py)
SITE_PROMPT = "site prompt"
SITE_NOTICE = "site notice (cookies, subscription, copyright)"
READING_TIME = "reading time"

# --- DOM evidence (passes/dom.py)
PAGE_HEADER = "inside the page <header>"
LINK_TEXT = "link text"  # prefix: "link text (85% of the block)"
CLASS_HINT = "inside an element with class/id '"  # prefix: "... class/id 'related-posts'"


def inside(landmark: str) -> str:
    """The reason of a block inside a landmark element: "inside <footer>"."""
    return f"inside <{landmark}>"


INSIDE_FOOTER = inside("footer")
INSIDE_NAV = inside("nav")


def link_text(share: float) -> str:
    return f"{LINK_TEXT} ({share:.0%} of the block)"


def class_hint(hint: str) -> str:
    return f"{CLASS_HINT}{hint}'"


def hint_of(reason: str) -> str | None:
    """The class/id hint a reason quotes, or None when the reason is not a class hint's."""
    return reason[len(CLASS_HINT):-1] if reason.startswith(CLASS_HINT) else None


# --- the header (passes/header.py)
BYLINE = "byline"
DATELINE = "dateline"
BYLINE_NAME = "author's name next to a dateline"
BYLINE_CLASS = "byline by its class"
