"""Which declared source names the writers (assemble._authors), on small hand-written pages."""

from __future__ import annotations

import json

import cleanarticle

PARAS = "".join(
    f"<p>{p}</p>" for p in [
        "The council voted on Tuesday to extend the night bus network to the northern suburbs, after a year in "
        "which ridership grew faster than anyone at the transport office had expected it to grow.",
        "Drivers will run every twenty minutes between midnight and five in the morning, and the first routes "
        "open in the spring, once the new depot on the ring road has been finished and staffed.",
    ])


def _page(head: str = "", header: str = "") -> str:
    """The article page; ``head`` goes in <head> (declared authors), ``header`` under the headline."""
    return (f"<html><head><title>Night buses</title>{head}</head><body><article>"
            f"<h1>Night buses reach the northern suburbs</h1>{header}{PARAS}</article></body></html>")


def _jsonld(author: str) -> str:
    data = {"@type": "NewsArticle", "headline": "Night buses", "author": {"@type": "Person", "name": author}}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_the_first_source_naming_a_person_is_not_merged_with_later_ones():
    head = _jsonld("Dana Whitfield") + '<meta name="author" content="Dana Whitfield | City Transport Weekly">'
    assert cleanarticle.clean(_page(head), kind="html").authors == ["Dana Whitfield"]


def test_escaped_entities_in_declared_names_are_read():
    art = cleanarticle.clean(_page(_jsonld("Maria &amp; Katerina Novak")), kind="html")
    assert "&amp;" not in " ".join(art.authors)
    assert art.authors[0].startswith("Maria")


def _visible(header: str) -> str:
    """A page without declared authors: the writer is named only in the visible header."""
    return _page(header=header)


def test_a_name_running_into_a_date_ends_where_the_date_begins():
    art = cleanarticle.clean(_visible("<div>By Dana Whitfield March 3, 2024</div>"), kind="html")
    assert art.authors == ["Dana Whitfield"]


def test_by_after_a_date_names_the_writer():
    art = cleanarticle.clean(_visible("<div>Published 3 March 2024 by Dana Whitfield</div>"), kind="html")
    assert art.authors == ["Dana Whitfield"]
    assert art.date == "2024-03-03"


def test_a_name_and_a_date_between_separators_name_the_writer():
    art = cleanarticle.clean(_visible("<div>Dana Whitfield | March 3, 2024</div>"), kind="html")
    assert art.authors == ["Dana Whitfield"]


def test_a_byline_in_the_page_header_above_the_article_is_read():
    page = ("<html><head><title>Night buses</title></head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/city'>City</a></nav>"
            "<h1>Night buses reach the northern suburbs</h1><div>By Dana Whitfield</div></header>"
            f"<main>{PARAS}</main></body></html>")
    assert cleanarticle.clean(page, kind="html").authors == ["Dana Whitfield"]


def test_a_job_title_or_label_after_the_name_is_not_part_of_it():
    art = cleanarticle.clean(_visible("<div>By Dana Whitfield Executive Editor</div>"), kind="html")
    assert art.authors == ["Dana Whitfield"]
    run_together = cleanarticle.clean(_visible("<div><span>By Dana Whitfield</span><span>Updated 3 March 2024</span>"
                                               "</div>"), kind="html")
    assert run_together.authors == ["Dana Whitfield"]


def test_names_listed_with_a_serial_comma_are_all_read():
    art = cleanarticle.clean(_visible("<div>By Ann Lee, Bo Park, and Cy Diaz</div>"), kind="html")
    assert art.authors == ["Ann Lee", "Bo Park", "Cy Diaz"]


def test_a_visible_byline_under_the_headline_beats_a_declared_name():
    head = '<meta name="author" content="City Transport Weekly">'
    page = (f"<html><head><title>Night buses</title>{head}</head><body><article>"
            f"<h1>Night buses reach the northern suburbs</h1><div>By Dana Whitfield</div>{PARAS}</article></body></html>")
    assert cleanarticle.clean(page, kind="html").authors == ["Dana Whitfield"]


def test_bylines_of_several_other_articles_above_the_headline_do_not_beat_a_declared_name():
    related = "".join(f"<div><h3><a href='/a{i}'>Another story number {i}</a></h3><p>by {n}</p></div>"
                      for i, n in enumerate(["Ola Berg", "Ian Moss"]))
    page = (f"<html><head><title>Night buses</title>{_jsonld('Dana Whitfield')}</head><body>"
            f"<div>{related}</div><article>"
            f"<h1>Night buses reach the northern suburbs</h1>{PARAS}</article></body></html>")
    assert cleanarticle.clean(page, kind="html").authors == ["Dana Whitfield"]


def test_a_byline_label_alone_on_its_line_names_the_writer_on_the_next():
    art = cleanarticle.clean(_visible("<div><div>Written by</div><div>Dana Whitfield</div></div>"), kind="html")
    assert art.authors == ["Dana Whitfield"]


def test_a_class_naming_the_creator_marks_the_name():
    art = cleanarticle.clean(_visible('<div class="story-meta creatorName">Dana Whitfield</div>'), kind="html")
    assert art.authors == ["Dana Whitfield"]


def test_a_role_under_a_found_byline_is_not_a_second_writer():
    header = ('<div><div>By</div><div>Dana Whitfield</div></div>'
              '<div class="writer-role">Senior Transport Reporter</div><div>March 3, 2024</div>')
    assert cleanarticle.clean(_visible(header), kind="html").authors == ["Dana Whitfield"]


def test_a_declared_team_is_the_writer_when_no_person_is_named():
    assert cleanarticle.clean(_page(_jsonld("City Desk Staff")), kind="html").authors == ["City Desk Staff"]


def test_a_byline_after_other_parts_of_the_line_is_a_byline():
    art = cleanarticle.clean(_visible("<div>4 min read · By Dana Whitfield In Transport</div>"), kind="html")
    assert art.authors == ["Dana Whitfield"]
    assert cleanarticle.clean(_visible("<div>Written by:Dana Whitfield</div>"), kind="html").authors == [
        "Dana Whitfield"]


def test_a_reviewer_under_the_headline_is_not_the_writer():
    header = "<div>March 3, 2024 · Reviewed by Ola Berg</div>"
    assert cleanarticle.clean(_page(_jsonld("Dana Whitfield")).replace("</h1>", "</h1>" + header),
                              kind="html").authors == ["Dana Whitfield"]


def test_a_name_whose_first_word_has_inner_capitals_is_read():
    assert cleanarticle.clean(_visible("<div>By McKenna Doyle</div>"), kind="html").authors == ["McKenna Doyle"]
    assert cleanarticle.clean(_visible("<div>By ACME Labs · 4 min read</div>"), kind="html").authors == ["ACME Labs"]


def test_a_link_to_the_writers_page_under_the_headline_names_the_writer():
    link = '<div><a href="/author/dana-whitfield/">Dana Whitfield</a></div>'
    assert cleanarticle.clean(_visible(link), kind="html").authors == ["Dana Whitfield"]
    section = '<div><a href="/contributors/">Contributors</a></div>'
    assert cleanarticle.clean(_visible(section), kind="html").authors == []


def test_a_one_word_name_after_by_is_read_when_nothing_else_names_the_writer():
    assert cleanarticle.clean(_visible("<div>by ibby</div>"), kind="html").authors == ["ibby"]
    posted = _visible("<div>Posted by Sam on Friday March 3, 2024 @08:00PM</div>")
    assert cleanarticle.clean(posted, kind="html").authors == ["Sam"]
    declared = _page(_jsonld("Dana Whitfield")).replace("</h1>", "</h1><div>Written by DanaW</div>")
    assert cleanarticle.clean(declared, kind="html").authors == ["Dana Whitfield"]


def test_words_that_merely_start_like_by_in_another_language_name_nobody():
    for line in ("<div>Português</div>", "<div>Sort by: Newest</div>", "<div>Door-to-door</div>"):
        assert cleanarticle.clean(_visible(line), kind="html").authors == [], line
