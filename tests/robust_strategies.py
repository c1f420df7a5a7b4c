"""Hypothesis strategies for generated pages: shared by the property tests and fuzz/run.py.

``pages()`` builds HTML from real-looking parts (nested block and inline elements,
class/id hints, landmarks, hidden and skipped elements, link lists, prose in several
languages) with words separated by white space, so that every word of the output
must occur in the input.  ``hostile()`` adds what a page should not contain: stray
``<`` and ``&``, entities, unclosed and misnested tags, control characters, NULs,
very long tokens, and raw bytes in random encodings.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Property tests: a modest budget in CI, a large one on demand (HYPOTHESIS_PROFILE=thorough).
# CI runs the same examples every time (derandomize): a red CI means a change broke something,
# not that the dice found something new; the on-demand "thorough" profile explores at random.
settings.register_profile("robust-ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Used as a decorator on the robustness properties only (other tests keep hypothesis' defaults).
PROFILE = settings.get_profile("thorough" if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else "robust-ci")

WORDS = (
    "the of and to in a is that for it was on with as by at from this be are were an has have not but "
    "council budget school mayor city voted approve year families taxes review work autumn roof winter "
    "news story report minister police court game team season market price company health study water "
    "der die und ist nicht le la les et est une el los que por il che per de het een niet w na się jest "
    "café naïve zażółć gęślą jaźń Москва столица 北京 東京都 ニュース 2024 3.5 10% O'Brien e-mail"
).split()
PUNCT = [".", ",", "!", "?", ":", ";", "…", "...", "–", "“", "”", "(", ")"]
HINTS = ["content", "article-body", "main", "post", "nav", "menu", "footer", "sidebar", "related", "share",
         "comments", "ad", "promo", "caption", "credit", "byline", "standfirst", "teaser", "x1", "col-md-8"]
BLOCKS = ["div", "p", "section", "article", "main", "aside", "nav", "header", "footer", "ul", "ol", "li",
          "blockquote", "h1", "h2", "h3", "table", "tr", "td", "figure", "figcaption", "pre", "form"]
INLINE = ["span", "a", "b", "i", "em", "strong", "small", "time", "label", "abbr"]
SKIPPED = ["script", "style", "noscript", "template", "svg", "button", "select", "iframe"]

words = st.sampled_from(WORDS)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    ws = draw(st.lists(words, min_size=1, max_size=30))
    text = " ".join(ws)
    if draw(st.booleans()):
        text = text[0].upper() + text[1:]
    return text + draw(st.sampled_from(PUNCT + [""]))


@st.composite
def attrs(draw: st.DrawFn, tag: str) -> str:
    out = []
    if draw(st.integers(0, 3)) == 0:
        out.append(f'class="{" ".join(draw(st.lists(st.sampled_from(HINTS), min_size=1, max_size=3)))}"')
    if draw(st.integers(0, 6)) == 0:
        out.append(f'id="{draw(st.sampled_from(HINTS))}"')
    if tag == "a":
        out.append(f'href="{draw(st.sampled_from(["/a", "https://example.org/x", "#top", "javascript:void(0)", "?q=1"]))}"')
    if draw(st.integers(0, 15)) == 0:
        out.append(draw(st.sampled_from(['hidden', 'aria-hidden="true"', 'style="display:none"', 'role="navigation"',
                                          'role="main"', 'style="color: red"'])))
    return (" " + " ".join(out)) if out else ""


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        tag = draw(st.sampled_from(BLOCKS + INLINE + SKIPPED))
        inner = " ".join(draw(st.lists(children, max_size=4)))
        close = "" if draw(st.integers(0, 12)) == 0 else f"</{tag}>"    # sometimes left open
        return f" <{tag}{draw(attrs(tag))}> {inner} {close} "
    return build()


nodes = st.recursive(sentences() | st.just(" <br> ") | st.just(" <hr> ") | st.just(" <img src=x alt=\"photo\"> "),
                     _element, max_leaves=40)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page of HTML with white space around every tag (no word is split or joined by markup)."""
    title = draw(sentences())
    lang = draw(st.sampled_from(["en", "de", "fr", "pl", "ja", ""]))
    body = " ".join(draw(st.lists(nodes, min_size=1, max_size=8)))
    head = f"<head> <meta charset=\"utf-8\"> <title>{title}</title> </head>" if draw(st.booleans()) else ""
    doctype = "<!doctype html>" if draw(st.booleans()) else ""
    return f"{doctype}<html lang=\"{lang}\">{head}<body> {body} </body></html>"


@st.composite
def text_dumps(draw: st.DrawFn) -> str:
    lines = draw(st.lists(sentences() | st.just("") | st.sampled_from(["Share this", "Read more", "By Jane Doe",
                                                                       "Menu", "Photo: Reuters", "Home"]),
                          min_size=1, max_size=40))
    return "\n".join(lines)


JUNK = ["<", ">", "&", "&amp;", "&#0;", "&#x110000;", "&nbsp;", "</div>", "</p>", "<p", "<div <div", "<!--", "-->",
        "<![CDATA[", "]]>", "<?xml version='1.0' encoding='koi8-r'?>", "<meta charset=utf-16>", "\x00", "\x0b", "\x1b",
        "\ufeff", "\u202e", "\ud7ff", "\U0001F600", "x" * 300, " " * 200, "." * 100, "\r\n", "\n\n\n", "\t"]


@st.composite
def hostile(draw: st.DrawFn) -> str | bytes:
    """Generated pages and dumps with junk spliced in, sometimes as bytes in a legacy encoding."""
    base = draw(pages() | text_dumps() | st.text(max_size=300))
    pieces = draw(st.lists(st.sampled_from(JUNK) | st.text(max_size=20), max_size=12))
    for piece in pieces:
        at = draw(st.integers(0, len(base)))
        base = base[:at] + piece + base[at:]
    form = draw(st.sampled_from(["str", "utf-8", "utf-16", "cp1252", "gb18030", "raw"]))
    if form == "str":
        return base
    if form == "raw":
        return draw(st.binary(max_size=400)) + base.encode("utf-8", "surrogatepass")
    return base.encode(form, errors="replace")
