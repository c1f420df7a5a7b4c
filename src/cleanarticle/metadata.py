"""Dates and names: normalise what the page declares or shows (used by both modes).

The HTML head's metadata (``read_metadata``: ``<meta>`` tags, JSON-LD, ``<time>``) is read by
``html_metadata``, which only the HTML segmenter imports: a text dump does not compile its source
(~13M instructions at import on a machine without a bytecode cache).  ``read_metadata`` stays
importable from here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import regex

from . import patterns
from .patterns import LazyPattern


_ORG_WORDS = LazyPattern(
    r"\b(?:staff|team|desk|editors?|editorial|redaktion|rédaction|redacción|redazione|redação|redactie|redakcja|"
    r"news|media|press|agency|inc|ltd|llc|gmbh|group|newsroom|reuters|associated press|afp|dpa)\b",
    regex.I,
)


def __getattr__(name: str) -> Any:
    """``metadata.read_metadata`` (the public name) from the HTML-only module, imported on first use."""
    if name == "read_metadata":
        from .html_metadata import read_metadata
        return read_metadata
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def clean_name(name: str, allow_org: bool = False) -> str:
    """A person's name as shown, or "" for URLs, placeholders and (unless ``allow_org``) organisations."""
    name = patterns.WHITESPACE.sub(" ", name).strip(" ,;|-–—·:")
    name = _BY_PREFIX.sub("", name)
    if _BY_PREFIX.match(name + " "):
        return ""  # only the word "By": the name is in another element
    if not name or "http" in name or "@" in name or len(name) > 80 or not patterns.HAS_LETTER.search(name):
        return ""
    if not allow_org and _ORG_WORDS.search(name):
        return ""
    return name


def is_person(name: str) -> bool:
    """Looks like a person's name: not an organisation's, not a user name ("andrew.keaveney"), capitalised."""
    return (bool(name) and not _ORG_WORDS.search(name) and len(name.split()) <= 6
            and patterns.HAS_UPPER.search(name) is not None and patterns.NOT_IN_NAMES.search(name) is None)


_BY_PREFIX = LazyPattern(r"^(?i:by|written by|posted by|reviewed by|von|par|por|di|door|autor:?|author:?)\s+")


def split_names(text: str, allow_org: bool = False) -> list[str]:
    """'Jane Doe and John Smith' -> ['Jane Doe', 'John Smith']."""
    out = []
    for part in patterns.NAME_LIST_SPLIT.split(text):
        name = clean_name(part, allow_org)
        if name and name not in out:
            out.append(name)
    return out


def parse_date(text: str) -> str | None:
    """The first plausible calendar date in ``text`` as YYYY-MM-DD, or None."""
    found = parse_date_form(text)
    return found[0] if found else None


def parse_date_form(text: str) -> tuple[str, bool] | None:
    """The first plausible date in ``text`` and whether its form is certain.

    "05/04/2024" is uncertain: day-first and month-first readings are both dates (it is
    read day first); "10/31/2024", "2024-04-05" and "5 April 2024" are certain.
    """
    if not text or len(text) > 2000 or not patterns.may_have_year(text):
        return None
    for pat in patterns.date_patterns_for(text):
        m = patterns.search(pat, text)
        if not m:
            continue
        d = m.groupdict()
        month = int(d["mnum"]) if d.get("mnum") else patterns.month_number(d.get("month") or "")
        day = int(d["day"])
        certain = True
        if pat is patterns.DATE_DMY_NUM:
            if month > 12 >= day:
                day, month = month, day  # "10/31/2024": month first, as in the US
            certain = day == month or day > 12 or month > 12
        try:
            return dt.date(int(d["year"]), int(month or 0), day).isoformat(), certain
        except (TypeError, ValueError):
            continue
    return None


def all_dates(text: str) -> set[str]:
    """Every calendar date in ``text`` as YYYY-MM-DD (a numeric one in its day-first reading), for a short line."""
    found: set[str] = set()
    if not patterns.may_have_year(text):
        return found
    for pat in patterns.date_patterns_for(text):
        for m in pat.finditer(text):
            date = parse_date(m.group(0))
            if date:
                found.add(date)
    return found


def strip_dates(text: str) -> str:
    """``text`` with its calendar dates replaced by " | ", so that a name before or after one ends there."""
    if not patterns.may_have_year(text):
        return text
    out = text
    for pat in patterns.date_patterns_for(text):
        out = pat.sub(" | ", out)
    return text if out == text else out


def url_date(url: str | None) -> str | None:
    if not url:
        return None
    m = patterns.search(patterns.URL_DATE, url)
    if not m:
        return None
    try:
        return dt.date(int(m["year"]), int(m["mnum"]), int(m["day"])).isoformat()
    except ValueError:
        return None
