"""Page metadata: read candidates from an HTML head.

``read_metadata`` collects what the page declares (``<title>``, Open Graph and
other ``<meta>`` tags, JSON-LD, ``<html lang>``, ``<base>``, canonical link,
``<time>``); the assemble step chooses among these and what the passes found in
the visible text.  Malformed JSON-LD is ignored, never fatal.  Only the HTML
segmenter imports this module (a text dump never compiles its source).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import regex

from . import patterns
from .metadata import clean_name, parse_date
from .patterns import LazyPattern

if TYPE_CHECKING:  # lxml is imported by the HTML segmenter, never for a text dump
    from lxml import etree


_JSONLD_ARTICLE_TYPES = LazyPattern(r"article|posting|report|blog|review|webpage|newsarticle|creativework", regex.I)


def join_url(base: str, href: str) -> str:
    """``urljoin(base, href)``, or ``href`` as written when ``urljoin`` cannot read the two.

    A page may write a link ``urljoin`` refuses (``http://[x/``, an invalid IPv6 host: a
    ValueError); the link is kept as the page wrote it rather than failing the page.
    """
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def read_metadata(root: etree._Element, url: str | None, gathered: Gathered | None = None) -> dict[str, Any]:
    """What the page declares about itself; ``gathered`` is ``gather(root)`` when the caller has it."""
    meta: dict[str, Any] = {}
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        meta["language"] = lang.split("-")[0].split("_")[0].lower()[:8]
    found, itemprops, rel_links = gathered or gather(root)
    for el in found["base"][:1]:
        href = el.get("href")
        if href:
            meta["base_url"] = join_url(url, href) if url else href
    for el in found["title"][:1]:
        text = patterns.WHITESPACE.sub(" ", "".join(el.itertext())).strip()
        if text:
            meta["title_tag"] = text
    for el in found["meta"]:
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if not key or not content:
            if (el.get("http-equiv") or "").lower() == "content-language" and el.get("content"):
                meta.setdefault("language", el.get("content", "").split(",")[0].split("-")[0].strip().lower())
            continue
        _meta_tag(meta, key, content)
    # Microdata and rel=author: <span itemprop="author">…</span>, <a rel="author">…</a>.
    for el in itemprops:
        if "author" in (el.get("itemprop") or "").split():
            named = el.find(".//*[@itemprop='name']")
            name = (named.get("content") if named is not None and named.get("content") else
                    "".join((named if named is not None else el).itertext()))
            if name.strip() and len(name) < 120:
                meta.setdefault("itemprop_authors", []).append(name)
    for el in rel_links:
        if "author" in (el.get("rel") or "").lower().split():
            name = "".join(el.itertext())
            if name.strip() and len(name) < 120:
                meta.setdefault("rel_authors", []).append(name)
    # The first canonical link is the page's URL, unless <meta property="og:url"> gave it: a page's
    # ~25 <link>s are read only until then (an attribute read costs ~1,300 instructions).
    if "url" not in meta:
        for el in found["link"]:
            rel = (el.get("rel") or "").lower()
            if rel == "canonical" and el.get("href"):
                meta["url"] = join_url(url or "", el.get("href", ""))
                break
    for el in found["script"]:
        if (el.get("type") or "").lower() == "application/ld+json" and el.text:
            _jsonld(meta, el.text)
    plain: list[str] = []  # the unmarked <time> dates, distinct, in page order
    for el in found["time"]:
        # A <time> marked as the publication's wins; one marked as an update's is never it.
        marks = " ".join((el.get("itemprop") or "", el.get("class") or "", "pubdate" if el.get("pubdate") is not None
                          else "")).lower()
        published = patterns.TIME_PUBLISHED_MARK.search(marks) is not None
        if not published and patterns.TIME_UPDATED_MARK.search(marks):
            continue
        date = parse_date(el.get("datetime") or "".join(el.itertext()) or "")
        if not date:
            continue
        if published:
            meta["time_date"] = date
            break
        if date not in plain:
            plain.append(date)
    if plain and "time_date" not in meta:
        meta["time_date"] = plain[0]
        if len(plain) > 1:
            meta["time_dates"] = plain  # the byline may show which one is the article's
    return meta




# The elements read here, and <template> (where React's streamed parts go: ``html.place_streamed_parts``).
_READ_TAGS = ("base", "title", "meta", "link", "script", "time", "template")
Elements = list["etree._Element"]
Gathered = tuple[dict[str, Elements], Elements, Elements]


def gather(root: etree._Element) -> Gathered:
    """The elements ``read_metadata`` reads, each kind in document order.

    Returns the elements of each of ``_READ_TAGS`` (``root`` included), and those below
    ``root`` with an ``itemprop``, and the ``<a rel=...>`` below it.  lxml finds the tags in
    C (a page's other elements, most of them, never become Python objects), and XPath the
    elements of the ``itemprop`` and ``rel`` attributes (not every link of the page), in one
    query: one evaluation of the union costs ~0.1 ms a page less than two (Scrapinghub).
    """
    by_tag: dict[str, Elements] = {tag: [] for tag in _READ_TAGS}
    for el in root.iter(*_READ_TAGS):
        by_tag[el.tag].append(el)
    itemprops: Elements = []
    rel_links: Elements = []
    for el in _attribute_query()(root):
        if el.get("itemprop") is not None:
            itemprops.append(el)
        if el.tag == "a" and el.get("rel") is not None:
            rel_links.append(el)
    return by_tag, itemprops, rel_links


@cache
def _attribute_query() -> etree.XPath:
    """The elements below the root with an ``itemprop``, and the ``<a>`` with a ``rel``, in document order.

    (Each found from its attributes: a step to every element's attributes, then back to the element, costs
    less than testing each element for one, and the ``<a rel>`` query costs less than a page's links in Python.)
    """
    from lxml import etree  # (imported by the HTML segmenter already; a text dump never comes here)

    return etree.XPath("descendant::*/@itemprop/.. | descendant::a/@rel/..")


def _meta_tag(meta: dict[str, Any], key: str, content: str) -> None:
    kind = _META_KINDS.get(key)
    if kind is None:
        if len(_META_KINDS) >= _META_KINDS_MEMORY:
            _META_KINDS.clear()
        kind = _META_KINDS[key] = _meta_kind(key)
    if not kind:
        return  # (most of a page's tags: viewport, og:image, twitter:card, robots ...)
    if kind == "meta_authors":
        if not content.startswith("http"):
            meta.setdefault("meta_authors", []).append(content)
    elif kind == "meta_date" or kind == "meta_modified":
        if kind not in meta:  # (the first date read is kept: a page's later date tags are not parsed)
            date = parse_date(content)
            if date:
                meta[kind] = date
    elif kind == "declares_article":
        if patterns.DECLARED_ARTICLE_TYPE.fullmatch(content.strip()):
            meta["declares_article"] = True
    elif kind == "language":
        meta.setdefault("language", content.split("-")[0].split("_")[0].lower()[:8])
    else:
        meta.setdefault(kind, content)


def _meta_kind(key: str) -> str:
    """What a <meta> tag of this (lower-case) name declares: the ``meta`` key it sets, or "" for nothing we read."""
    if key in ("og:title", "twitter:title"):
        return "og_title"
    if key in ("og:site_name", "application-name", "publisher"):
        return "site_name"
    if key in ("description", "og:description", "twitter:description"):
        return "description"
    if key in ("author", "article:author", "dc.creator", "dc.creator.author", "sailthru.author", "cxenseparse:author",
               "parsely-author", "byl", "citation_author", "dcterms.creator"):
        return "meta_authors"
    if _squash(key) in _PUBLISHED_KEYS or _squash(key).endswith(_PUBLISHED_SUFFIXES):
        return "meta_date"
    if key in ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified",
               "dc.date.modified"):
        return "meta_modified"
    if key == "og:type":
        return "declares_article"
    if key in ("og:url",):
        return "url"
    if key in ("og:locale", "language", "content-language", "dc.language"):
        return "language"
    return ""


# Each <meta> name's kind, found once and remembered across pages (sites repeat the same few
# dozen names), up to this many names.
_META_KINDS: dict[str, str] = {}
_META_KINDS_MEMORY = 10_000


# <meta> names of the publication date, with "-", "_", ":" and "." removed ("published-date",
# "article:published_time", "DC.date.issued", "parsely-pub-date" ...).
_PUBLISHED_KEYS = frozenset({
    "articlepublishedtime", "articlepublished", "articlepublishdate", "datepublished", "date", "dcdate",
    "dcdateissued", "dctermsdate", "dctermsissued", "pubdate", "publishdate", "publisheddate", "publishedtime",
    "publishtime", "publishedat", "publishedon", "publicationdate", "parselypubdate", "sailthrudate",
    "citationpublicationdate", "citationdate", "ogpublishedtime", "ogarticlepublishedtime", "releasedate",
    "published",
})


# ... and the endings of site-prefixed names ("w-published-date", "cms.publishdate").
_PUBLISHED_SUFFIXES = ("publisheddate", "publishdate", "datepublished", "publicationdate", "pubdate", "publishedtime")


def _squash(key: str) -> str:
    return key.replace("-", "").replace("_", "").replace(":", "").replace(".", "")


def _jsonld(meta: dict[str, Any], raw: str) -> None:
    import json  # only HTML pages carry JSON-LD: text dumps never pay for the import

    try:
        data = json.loads(raw.strip().rstrip(";"))
    except (ValueError, RecursionError):
        return
    stack: list[Any] = [data]
    seen = 0
    while stack and seen < 500:
        seen += 1
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
            continue
        if not isinstance(item, dict):
            continue
        if "@graph" in item:
            stack.append(item["@graph"])
        types = item.get("@type")
        type_list = [str(t) for t in types] if isinstance(types, list) else [str(types or "")]
        if any(patterns.DECLARED_ARTICLE_TYPE.fullmatch(t.strip()) for t in type_list):
            meta["declares_article"] = True
        types = " ".join(type_list)
        if _JSONLD_ARTICLE_TYPES.search(types):
            head = item.get("headline") or (item.get("name") if "webpage" not in types.lower() else None)
            if isinstance(head, str) and head.strip() and "jsonld_headline" not in meta:
                meta["jsonld_headline"] = head.strip()
            # (the first date read is kept: an item's after it, e.g. the WebPage's and the article's, are not parsed)
            if "jsonld_date" not in meta:
                date = parse_date(str(item.get("datePublished") or item.get("dateCreated") or ""))
                if date:
                    meta["jsonld_date"] = date
            if "jsonld_modified" not in meta:
                modified = parse_date(str(item.get("dateModified") or ""))
                if modified:
                    meta["jsonld_modified"] = modified
            if "jsonld_authors" not in meta and "webpage" not in types.lower():
                names = _person_names(item.get("author") or item.get("creator") or item.get("contributor"), data)
                if names:
                    meta["jsonld_authors"] = names
            pub = item.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                meta.setdefault("site_name", pub["name"].strip())


def _collect_persons(data: Any, persons: dict[str, str]) -> None:
    """Person nodes of a JSON-LD graph by @id, so that {"author": {"@id": …}} can be resolved."""
    stack, seen = [data], 0
    while stack and seen < 2000:
        seen += 1
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if "person" in str(item.get("@type", "")).lower() and isinstance(item.get("name"), str) \
                    and isinstance(item.get("@id"), str):
                persons[item["@id"]] = item["name"]
            stack.extend(v for v in item.values() if isinstance(v, (list, dict)))


def _person_names(value: Any, graph: Any = None) -> list[str]:
    """The writers' names in a JSON-LD author value; a reference {"@id": …} is looked up among the Person nodes of ``graph``."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    persons: dict[str, str] | None = None  # collected on the first reference (most authors carry their name)
    for it in items[:20]:
        if isinstance(it, str):
            name = it
        elif isinstance(it, dict) and str(it.get("@type", "Person")).lower() != "organization":
            if isinstance(it.get("name"), str):
                name = it["name"]
            else:
                if persons is None:
                    persons = {}
                    _collect_persons(graph, persons)
                name = persons.get(str(it.get("@id")), "")
        else:
            continue
        name = clean_name(name or "", allow_org=True)  # "Podium Staff": assemble weighs persons first
        if name and name not in out:
            out.append(name)
    return out
