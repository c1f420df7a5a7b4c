"""The HTML segmenter's walk: which text becomes which block, with which DOM evidence."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from robust_strategies import PROFILE, pages

from cleanarticle.config import Config
from cleanarticle.errors import NotAPageError
from cleanarticle.segment import html as H
from cleanarticle.segment import segment_html

CFG = Config()
LONG = ("The council voted on Tuesday to extend the night bus network to the northern suburbs, after a year "
        "in which ridership on the existing routes grew faster than anyone had expected it to grow.")


def texts(page: str, **overrides) -> list[str]:
    return [b.text for b in segment_html(page, Config(**overrides) if overrides else CFG).blocks]


def test_hidden_elements_are_those_the_page_hides():
    root = H.parse('<html><body><div hidden>a</div><p aria-hidden="true">b</p><p aria-hidden="false">c</p>'
                   '<span style="color: red; display : none">d</span><i style="color:red">e</i>'
                   '<em style="visibility:hidden">f</em></body></html>')
    assert ["".join(el.itertext()) for el in root.iter() if H._hidden(el)] == ["a", "b", "d", "f"]


def test_hidden_and_code_elements_are_skipped_but_their_tail_is_read():
    page = ('<html><body><p>Before <span hidden>secret</span>after.</p><select><option>Menu</option></select>'
            '<p>One<noscript>Enable scripts</noscript> two</p></body></html>')
    assert texts(page) == ["Before after.", "One two"]


def test_a_hidden_element_holding_most_of_the_text_is_read():
    page = f'<html><body><p>Menu</p><div style="display:none"><p>{LONG}</p></div></body></html>'
    assert texts(page) == ["Menu", LONG]


def test_a_closed_accordion_panel_is_read_but_a_hidden_dialog_is_not():
    # WAI-ARIA accordion: each panel is a region labelled by the button that opens it.
    page = ('<html><body><h1>Installing solar panels</h1>'
            '<div class="accordion"><button id="step1-header" aria-expanded="false">Week 1: Research</button>'
            f'<div id="step1" role="region" aria-labelledby="step1-header" style="display:none;"><p>{LONG}</p></div></div>'
            '<div role="dialog" aria-labelledby="login-title" aria-hidden="true"><p id="login-title">Log in</p></div>'
            '<div hidden aria-labelledby="menu-button"><p>Menu</p></div></body></html>')
    assert texts(page) == ["Installing solar panels", "Week 1: Research", LONG]


def test_react_streamed_parts_are_read_where_the_page_script_puts_them():
    # React's streamed rendering: each late part is a hidden "S:n" div at the end of the body,
    # moved by script into its "P:n" template (or "B:n" boundary); none holds most of the text.
    page = ('<html><body><h1>Index funds</h1><div class="body"><template id="B:0"></template>'
            '<div>Loading paragraph...</div><template id="P:1"></template></div>'
            '<footer><p>Site footer</p></footer>'
            '<div hidden id="S:0"><p>First part of the article.</p></div>'
            '<div hidden id="S:1"><p>Second part.</p></div>'
            '<div hidden id="S:2"><p>A part with no slot stays hidden.</p></div></body></html>')
    assert texts(page) == ["Index funds", "First part of the article.", "Loading paragraph...", "Second part.",
                           "Site footer"]


def test_streamed_parts_stay_without_a_slot_template_and_the_markup_check_holds():
    # No P:/B: template: nothing moves, whatever the markup holds (the templates are asked first).
    page = ('<html><body><template id="X:0"></template><p>{LONG}</p>'
            '<div hidden id="S:0"><p>A part with no slot.</p></div></body></html>').format(LONG=LONG)
    assert texts(page) == [LONG]
    root = H.parse(page)
    part = root.find(".//div[@id='S:0']")
    H.place_streamed_parts(root.find("body"), page, list(root.iter("template")))
    assert part.get("hidden") is not None
    # A slot and a part, but markup without React's exact 'id="S:' (single quotes): not moved, as before.
    page = page.replace('id="X:0"', 'id="P:0"').replace('id="S:0"', "id='S:0'")
    root = H.parse(page)
    H.place_streamed_parts(root.find("body"), page, list(root.iter("template")))
    assert root.find(".//div[@id='S:0']").get("hidden") is not None
    H.place_streamed_parts(root.find("body"), None, list(root.iter("template")))  # (no markup: moved)
    assert root.find(".//div[@id='S:0']").get("hidden") is None


def test_the_page_url_is_og_url_else_the_first_canonical_link():
    # read_metadata stops reading <link>s at the first canonical one, and reads none after og:url.
    from cleanarticle.html_metadata import read_metadata

    def url_of(head: str) -> str | None:
        return read_metadata(H.parse(f"<html><head>{head}</head><body><p>x</p></body></html>"),
                             "https://example.com/a/b").get("url")

    first, second = '<link rel="canonical" href="/first">', '<link rel="Canonical" href="https://example.org/2">'
    assert url_of('<link rel="stylesheet" href="/s.css">' + first + second) == "https://example.com/first"
    assert url_of('<link rel="canonical" href="">' + second + first) == "https://example.org/2"
    assert url_of(first + '<meta property="og:url" content="https://example.com/og">') == "https://example.com/og"
    assert url_of('<link rel="canonical nofollow" href="/x">') is None


def test_the_first_date_each_kind_of_date_tag_gives_is_kept():
    # _meta_tag parses a date tag only while its kind has no date: the first that parses wins.
    from cleanarticle.html_metadata import read_metadata

    def dates_of(head: str) -> tuple[str | None, str | None]:
        meta = read_metadata(H.parse(f"<html><head>{head}</head><body><p>x</p></body></html>"), None)
        return meta.get("meta_date"), meta.get("meta_modified")

    def tag(name: str, content: str) -> str:
        return f'<meta property="{name}" content="{content}">'

    assert dates_of(tag("article:published_time", "soon") + tag("pubdate", "2024-03-05")
                    + tag("date", "2023-01-02")) == ("2024-03-05", None)
    assert dates_of(tag("og:updated_time", "2024-05-06T10:00") + tag("datePublished", "2024-04-05")
                    + tag("article:modified_time", "2025-01-01")) == ("2024-04-05", "2024-05-06")


def test_the_first_json_ld_date_that_parses_is_kept():
    # _jsonld parses an item's dates only while none was read: the first item's that parses wins.
    import json

    from cleanarticle.html_metadata import read_metadata

    graph = {"@graph": [
        {"@type": "WebPage", "datePublished": "not yet", "dateModified": "2024-02-03"},
        {"@type": "NewsArticle", "datePublished": "2024-01-02", "dateModified": "2024-09-09"},
        {"@type": "Article", "datePublished": "2023-05-06"}]}
    page = f'<html><head><script type="application/ld+json">{json.dumps(graph)}</script></head><body><p>x</p></body></html>'
    meta = read_metadata(H.parse(page), None)
    assert (meta["jsonld_date"], meta["jsonld_modified"]) == ("2024-01-02", "2024-02-03")


def test_gather_finds_what_two_attribute_queries_find():
    # One union query split in Python: the same elements, in document order, as a query each.
    from lxml import etree

    from cleanarticle.html_metadata import gather

    page = ('<html itemprop="x"><head><meta itemprop="author" content="A"><link rel="canonical" href="/c">'
            '<title>T</title></head><body><a rel="author" itemprop="author" href="/w">W</a>'
            '<div itemprop=""><a rel="">x</a><span rel="author">no</span><a>y</a></div>'
            '<p itemprop="name"><a rel="nofollow" href="/n">n</a></p><template id="P:0"></template></body></html>')
    root = H.parse(page)
    by_tag, itemprops, rel_links = gather(root)
    assert itemprops == etree.XPath("descendant::*/@itemprop/..")(root)
    assert rel_links == etree.XPath("descendant::a/@rel/..")(root)
    assert [len(itemprops), len(rel_links)] == [4, 3]
    assert [el.tag for el in by_tag["template"]] == ["template"] and len(by_tag["meta"]) == 1


@pytest.mark.parametrize("page", [
    '<html><head><meta charset="iso-8859-1"></head><body><p>caf\u00e9 \u4e2d\u6587 \u00fc \U0001F600</p></body></html>',
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
    '<body><p>\u0436\u0437 caf\u00e9 \u2019</p></body></html>',
    '  <?xml version="1.0" encoding="iso-8859-1"?><html><body><p>caf\u00e9</p></body></html>',
    '<p>Latin-1 only: caf\u00e9</p>', '<p>ASCII</p><p>a &amp; b &#233; &eacute;</p>',
])
def test_a_page_parsed_from_its_utf8_bytes_is_the_tree_of_its_str(page):
    # The parser reads the UTF-8 bytes with the encoding named: a charset the page declares changes nothing.
    from lxml import etree

    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, default_doctype=False)
    stripped = page.lstrip()
    as_str = etree.tostring(etree.fromstring(stripped[stripped.index(">") + 1:] if stripped.startswith("<?xml")
                                             else page, parser), encoding="unicode")
    assert etree.tostring(H.parse(page), encoding="unicode") == as_str
    assert etree.tostring(H.parse(page, utf8=page.encode()), encoding="unicode") == as_str


def test_load_encodes_html_once_and_removes_nuls_from_both():
    from cleanarticle.load import load

    loaded = load("<p>a\x00b \u2019</p>", "html", CFG)
    assert loaded.text == "<p>ab \u2019</p>" and loaded.utf8 == loaded.text.encode()
    assert load("<p>a\x00b</p>", "text", CFG).utf8 is None
    sniffed = load("<!doctype html><p>a\x00b \u2019</p>", "auto", CFG)  # a page sniffed as HTML is encoded too
    assert sniffed.kind == "html" and sniffed.utf8 == "<!doctype html><p>ab \u2019</p>".encode()
    lone = load("<p>a \ud800 b</p>", "html", CFG)  # (no UTF-8: parsed as a str)
    assert lone.utf8 is None and segment_html(lone.text, CFG).blocks[0].text.startswith("a")


@pytest.mark.parametrize("text", ["Home", "a b c", " lead", "trail ", "a  b", "a\tb", "a\nb", "a\xa0b", "a\u3000b",
                                  "a\u2028b", "a\x85b", "a\u1680b", "\xa0", "caf\u00e9 \u4e2d\u6587", "x\u200bz"])
def test_a_paragraph_has_its_white_space_collapsed_as_split_and_join_do(text):
    # Texts that are collapsed already are kept as they are: the same text as " ".join(text.split()).
    w = H._Walker(H.parse("<p>x</p>"), CFG, None)
    w.read = [text + " long enough", "p", frozenset(), 0, (), 0.0, None, text, "p", frozenset(), 0, (), 0.0, None]
    assert [b.text for b in w.blocks()][:1] == [" ".join((text + " long enough").split())]
    assert all(b.text == " ".join(b.text.split()) for b in w.blocks())


@pytest.mark.parametrize("space", [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u1680",
                                   "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"])
def test_collapsed_is_split_and_join_for_text_with_white_space_around_or_inside(space):
    for text in (f"{space}Sign in{space}", f"\n      Sign in\n    {space}", f"{space}a{space}b{space}",
                 f"a {space}b", f"{space}{space}", f"\n  caf\u00e9 \u4e2d{space}", f"x\u200b{space}z\x00 ", ""):
        assert H._collapsed((text,)) == [" ".join(text.split())], repr(text)


def test_link_share_counts_the_stripped_length_of_each_piece():
    # pieces: "Read " (4 chars stripped), "the story" (9, in a link), " now" (3)
    block, = segment_html('<html><body><p>Read <a href="/s">the story</a> now</p></body></html>', CFG).blocks
    assert block.link_share == 9 / 16
    assert block.href == "/s"


def test_a_mostly_linked_block_keeps_its_first_link_resolved_against_the_page_url():
    doc = segment_html('<html><body><p><a href="javascript:void(0)">x</a><a href="/a/b">Other story</a></p>'
                       '<p><a href="#top">Back to top</a></p></body></html>', CFG, url="https://example.com/news/1")
    assert [(b.link_share, b.href) for b in doc.blocks] == [(1.0, "https://example.com/a/b"), (1.0, None)]


def test_line_breaks_join_a_paragraph_and_a_blank_line_ends_it():
    assert texts("<html><body><p>One<br>two<br> <br>three<hr>four</p></body></html>") == ["One two", "three", "four"]


def test_blocks_know_their_enclosing_elements_landmarks_and_heading():
    doc = segment_html('<html><body><nav class="Menu Top" id="m"><ul><li>Home</li></ul></nav>'
                       '<div role="main"><h2>Title <b>here</b></h2></div></body></html>', CFG)
    assert [(e.tag, e.hints, e.parent, e.depth, e.landmark) for e in doc.elements] == [
        ("body", "", -1, 0, ""), ("nav", "menu top m", 0, 1, "nav"), ("ul", "", 1, 2, ""),
        ("li", "", 2, 3, "li"), ("div", "", 0, 1, "main"), ("h2", "", 4, 2, "")]
    home, title = doc.blocks
    assert (home.tag, home.path, home.landmarks) == ("li", (0, 1, 2, 3), frozenset({"nav", "li"}))
    assert (title.text, title.heading, title.path, title.landmarks) == ("Title here", 2, (0, 4, 5), frozenset({"main"}))


def test_elements_deeper_than_max_dom_depth_are_read_as_their_ancestors_text():
    page = "<html><body>" + "<div>" * 5 + "deep <p>text</p>" + "</div>" * 5 + "</body></html>"
    doc = segment_html(page, Config(max_dom_depth=3))
    assert [(b.text, b.path) for b in doc.blocks] == [("deep text", (0, 1, 2))]


BASES = ["https://example.com/news/2024/story.html?id=3#top", "http://Example.COM", "HTTPS://example.com/a/b/",
         "https://user@example.com:8080/x;p", "ftp://example.com/pub/", "https://[::1]/x", "https://ex\u00e4mple.de/x",
         "//example.com/x", "/relative/only", "https://example.com\t/x"]
HREF_PARTS = ["https://", "http://", "HTTPS://", "//", "/", "", "mailto:", "example.com", "ex\u00e4mple.de", "[::1]",
              "a", "b/", "./", "../", ".", "..", "/.", "?", "#", "?q=1", "#frag", ";p", "\t", " ", "\n", ":80", "%20", "é"]


@given(base=st.sampled_from(BASES), parts=st.lists(st.sampled_from(HREF_PARTS), min_size=1, max_size=6))
@settings(max_examples=3000, deadline=None)
def test_resolve_link_is_exactly_urljoin(base: str, parts: list[str]):
    href = "".join(parts)
    try:
        expected = urljoin(base, href)
    except ValueError:
        expected = href  # a link urljoin cannot read is kept as written (join_url)
    assert H.resolve_link(base, href) == expected


PLAIN_HREF_PARTS = [p for p in HREF_PARTS if p.isascii() and not any(c in p for c in "[]\t\n\r;")]


# Plain links (all of a page's links ASCII, without brackets, tabs, line ends or ";") skip those tests one by one
# (resolve_links' ``plain``): a page of them, and a page of any links, each resolved as resolve_link does.
@pytest.mark.parametrize("parts", [HREF_PARTS, PLAIN_HREF_PARTS], ids=["any-links", "plain-links"])
@given(data=st.data())
@settings(max_examples=1000, deadline=None)
def test_resolve_links_resolves_each_link_as_resolve_link_does(parts: list[str], data: st.DataObject):
    base = data.draw(st.sampled_from(BASES))
    hrefs = data.draw(st.lists(
        st.one_of(st.none(), st.lists(st.sampled_from(parts), min_size=1, max_size=6).map("".join)), max_size=8))
    expected = [href if href is None else H.resolve_link(base, href) for href in hrefs]
    assert H.resolve_links(base, tuple(hrefs)) == expected


@pytest.mark.parametrize(("href", "resolved"), [
    ("https://example.com/a?b=1#c", "https://example.com/a?b=1#c"),   # absolute: as written
    ("/a/b?x=1", "https://example.com/a/b?x=1"),                      # root-relative: after the host
    ("/a/./b/../c", "https://example.com/a/c"),                       # dot segments: through urljoin
    ("https://example.com/a?", "https://example.com/a"),              # an empty query is dropped
    ("//cdn.example.net/i.js?v=2#x", "https://cdn.example.net/i.js?v=2#x"),  # protocol-relative: the page's scheme
    ("//cdn.example.net/a/../b", "https://cdn.example.net/a/../b"),   # ... with a host: dot segments stay
    ("///a/../b", "https://example.com/b"),                           # ... without one: resolved
    ("http://example.org/a;p?\t", "http://example.org/a;p?\t"),        # the other scheme: as written
])
def test_resolve_link_examples(href: str, resolved: str):
    assert H.resolve_link("https://example.com/news/1", href) == resolved


def test_an_xml_declaration_before_the_markup_is_dropped():
    for page in ('<?xml version="1.0" encoding="utf-8"?><html><body><p>Text</p></body></html>',
                 ' \n<?xml version="1.0"?>\n<html><body><p>Text</p></body></html>',
                 # (white space over the kilobyte parse looks at first, or the declaration across its end)
                 ' ' * 1020 + '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>Text</p></body></html>',
                 '\n' * 3000 + '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>Text</p></body></html>'):
        assert texts(page) == ["Text"]


def test_text_after_an_early_body_or_html_end_tag_is_read_in_the_body():
    # A page assembled from templates that closes its body, then goes on with the article:
    # a browser shows what follows in the body, and so do we.
    page = ('<html><head><title>HR outsourcing</title></head><body><nav><a href="/">Home</a></nav>'
            '<h1>Types of HR outsourcing</h1></body>\n</html>\n'
            f'<div class="post"><p>{LONG}</p><h3>1. Payroll</h3></div></body></html>')
    assert texts(page) == ["Home", "Types of HR outsourcing", LONG, "1. Payroll"]
    # between </body> and </html> too; a comment after them changes nothing
    assert texts(f'<html><body><p>Menu</p></body><div><p>{LONG}</p></div></html>') == ["Menu", LONG]
    assert texts('<html><body><p>Text</p></body></html>\n<!-- cached 12:00 -->') == ["Text"]


def _late_end_tags_by_find(text: str) -> int:
    """``_late_end_tags`` as it was written first: four ``str.find`` scans, the least found."""
    ends = [i for i in (text.find("</body"), text.find("</BODY"), text.find("</html"), text.find("</HTML"))
            if i >= 0]
    if not ends:
        return -1
    first = min(ends)
    return first if H._START_TAG.search(text, first) else -1


@pytest.mark.parametrize("page", [
    "<html><body><p>Text</p></body></html>",
    "<html><body><p>Text</p></body></html><div>late</div>",
    "<HTML><BODY><P>Text</P></BODY></HTML><DIV>late</DIV>",
    "<html><body><p>Text</p></BODY><p>more</p></body></html><p>last</p>",
    "<html><body><p>a</p></HTML><p>b</p></body><p>c</p>",
    "<html><body><p>Mixed</p></Body><p>late</p></Html>",            # neither form: not an end tag here
    "<html><body><p>a</p></bodyx><p>b</p>",
    '<html><body><script>document.write("</body>")</script><p>after</p></body></html>',
    "<html><body><!-- </body> --><p>after the comment</p></body></html>",
    "<html><body><p>a</p></body>\n</html>\n<!-- cached -->",
    "<html><body><p>no end tags at all</p>",
    "", "</", "</body", "</html><", "</HTML><a", "<p>é</p></body><p>ü</p>", "<p>\U0001F600</p></html><b>x</b>",
])
def test_late_end_tags_finds_the_first_end_tag_as_four_finds_did(page: str):
    assert H._late_end_tags(page) == _late_end_tags_by_find(page)



def test_the_walk_ends_each_element_where_its_subtree_ends_and_reads_no_skipped_descendant():
    # The walk takes elements in document order and ends them when the next one is not their
    # child: tails come after the subtree, skipped subtrees are unread but their tails are
    # read, and the last elements of the page end too.  (Expected: what lxml's iterwalk gave.)
    page = ('<html><body><div><p>One <span hidden>hidden <b>bold</b> more</span>tail one<input value="v">tail two</p>'
            '<div hidden><p>h1</p><p>h2 <a href="/h">link</a></p></div>after hidden'
            '<noscript><p>no script</p></noscript>after noscript<p>Last <a href="/x">link <i>deep <b>er</b></i></a></p>'
            '</div><select><option>o1</option></select>end of body</body></html>')
    doc = segment_html(page, Config())
    assert [(b.text, b.path, b.href) for b in doc.blocks] == [
        ("One tail onetail two", (0, 1, 2), None), ("after hiddenafter noscript", (0, 1), None),
        ("Last link deep er", (0, 1, 3), "/x"), ("end of body", (0,), None)]
    assert doc.blocks[2].link_share == 10 / 14
    page = '<html><body>lead<div><div><div><p>deep</p>t3</div>t2</div>t1</div>t0<span hidden>end</span></body></html>'
    assert [(b.text, b.path) for b in segment_html(page, Config()).blocks] == [
        ("lead", (0,)), ("deep", (0, 1, 2, 3, 4)), ("t3", (0, 1, 2, 3)), ("t2", (0, 1, 2)), ("t1", (0, 1)), ("t0", (0,))]


@given(page=pages())
@PROFILE
def test_paths_are_parent_chains_and_an_elements_blocks_follow_each_other(page: str):
    # Passes rely on both (``mark_teaser_cards`` adds each element's totals to its parent's,
    # and finds its second block right after its first).
    doc = segment_html(page, Config(max_dom_depth=6))
    assert all(el.parent < i for i, el in enumerate(doc.elements))
    last: dict[int, int] = {}
    for b in doc.blocks:
        chain, i = [], b.path[-1] if b.path else -1
        while i >= 0:
            chain.append(i)
            i = doc.elements[i].parent
        assert b.path == tuple(reversed(chain))
        for i in b.path:
            assert last.get(i, b.index - 1) == b.index - 1
            last[i] = b.index


def test_a_page_whose_only_text_is_marks_without_letters_has_no_blocks():
    # (Found by the property test: the column-wise block builder took max() of no lengths.)
    assert texts('<html lang="en"><body><p>|</p><p>»</p><br> 12 </body></html>') == []
    # ... and with nothing in its head either, it is no page: our own error, not a ValueError
    with pytest.raises(NotAPageError, match="no visible text"):
        texts('<<html><body>  <br>  </body></html>')


def test_links_that_urljoin_cannot_read_are_kept_as_written_not_a_crash():
    # An invalid IPv6 host makes urljoin raise ValueError: in a link, a <base> or the canonical link.
    body = f'<p>{LONG}</p><ul><li><a href="http://[x/a">A related story</a></li></ul>'
    for head in ("", '<base href="http://[x/">', '<link rel="canonical" href="http://[x/b">'):
        doc = segment_html(f"<html><head>{head}</head><body>{body}</body></html>", Config(), "https://example.com/")
        assert [b.href for b in doc.blocks if b.href] == ["http://[x/a"]
    assert doc.meta["url"] == "http://[x/b"


def _measured_most_text(w: H._Walker, el) -> bool:
    """holds_most_text as it was: the page's text (and its <main>'s) measured at every ask."""
    share, length = w.cfg.hidden_max_text_share, H._text_length(el)
    if length > share * H._text_length(w.start):
        return True
    if "main" in w.stack[-1][2]:
        for up in el.iterancestors():
            if up.tag == "main" or (up.get("role") or "").lower() == "main":
                return length > share * H._text_length(up)
    return False


def _assert_hidden_answers_as_measured(page: str, cfg: Config = CFG) -> int:
    """Segment ``page`` checking every hidden element's answer against the measured one; the number asked."""
    asked = []

    class Checked(H._Walker):
        def holds_most_text(self, el):
            got = super().holds_most_text(el)
            assert got == _measured_most_text(self, el)
            assert self.read_chars() + H._text_length(el) <= H._text_length(self.start)  # (the bound is one)
            asked.append(got)
            return got

    real, H._Walker = H._Walker, Checked
    try:
        segment_html(page, cfg)
    except NotAPageError:  # (a generated page without text: its hidden elements were asked all the same)
        pass
    finally:
        H._Walker = real
    return len(asked)


@pytest.mark.parametrize("share", [0.5, 0.0, 0.25, 1.0])
def test_a_hidden_element_is_answered_unmeasured_as_when_the_text_was_measured(share):
    # The page's text read so far bounds the page's (and a <main>'s) length from below: the answers stay
    # the same whether the hidden element is before, after or as long as the text around it, in <main> or not,
    # after line breaks and table cells (which the walk adds to the text it reads) and white space it drops.
    cfg = Config(hidden_max_text_share=share)
    word, para = "Lorem ipsum dolor. ", f"<p>{LONG}</p>"
    pages = [
        f"<html><body><div hidden><p>{LONG}</p></div>{para}</body></html>",
        f"<html><body>{para}<div hidden><p>{LONG}</p></div></body></html>",
        f"<html><body>{para}<div hidden><p>{LONG}x</p></div><p>y</p></body></html>",
        f"<html><body>{para}<div hidden><p>{LONG[:-1]}</p></div></body></html>",
        f"<html><body><p>a<br>b<br>c</p><table><tr><td>1</td><td>2</td></tr></table><span hidden>abcdefg</span></body></html>",
        f"<html><body>  <p>\n  {word}  </p>\n <div style='display:none'>{word * 2}</div> tail</body></html>",
        f"<html><body><nav>{para * 3}</nav><main><p>Intro.</p><div hidden>{word * 4}</div></main></body></html>",
        f"<html><body><nav>{para * 3}</nav><main><p>{word * 5}</p><div hidden>{word * 4}</div>"
        f"<div hidden>{word * 6}</div></main></body></html>",
        f"<html><body><nav>{para * 3}</nav><div role='main'><p>{word}</p><div hidden>{word}</div></div></body></html>",
        f"<html><body><main><article role='main'><p>{word * 3}</p><div hidden>{word * 2}</div></article></main>"
        f"{para * 2}</body></html>",
        f"<html><body><main>{para}<main><p>{word}</p><div hidden>{word * 3}</div></main></main></body></html>",
        f"<html><body><!-- a comment -->{para}<div hidden>{LONG}</div><noscript>{word}</noscript></body></html>",
    ]
    assert sum(_assert_hidden_answers_as_measured(page, cfg) for page in pages) >= len(pages)


@PROFILE
@given(pages())
def test_hidden_elements_of_generated_pages_are_answered_as_when_measured(page):
    _assert_hidden_answers_as_measured(page)


def test_passing_over_an_element_leaves_the_walk_at_the_element_after_its_descendants():
    from itertools import chain

    from lxml import etree

    root = H.parse("<html><body><div id='a'><p id='b'><i id='c'>x</i></p><ul id='d'><li id='e'>y</li></ul></div>"
                   "<p id='f'>z</p></body></html>")
    walk = chain(root.find("body").iter(etree.Element), ("end",))
    ids = []
    for el in walk:
        if el == "end":
            break
        ids.append(el.get("id"))
        if el.get("id") in ("b", "d"):
            H._pass_over(el, walk)
    assert ids == [None, "a", "b", "d", "f"]


def test_the_walk_finds_a_tag_in_upper_case_as_its_lower_case():
    assert H._kind_of("DIV") == H._TAG_ACTIONS["div"] and H._kind_of("Custom-Tag") == (H._INLINE, None)
    assert all(info is not None for kind, info in H._TAG_ACTIONS.values() if kind in (H._OPEN, H._ROW, H._CELL))
