"""Where the publication date comes from (assemble._date), on small hand-written pages."""

from __future__ import annotations

import cleanarticle

PARAS = [
    "The council voted on Tuesday to extend the night bus network to the northern suburbs, after a year in "
    "which ridership grew faster than anyone at the transport office had expected it to grow.",
    "Drivers will run every twenty minutes between midnight and five in the morning, and the first routes "
    "open in the spring, once the new depot on the ring road has been finished and staffed.",
    "Residents who had campaigned for the change said that it would let shift workers get home safely, and "
    "that the council should now look at the same service for the villages to the south of the city.",
]

BODY = "".join(f"<p>{p}</p>" for p in PARAS)


def _page(head: str = "", header: str = "", footer: str = "") -> str:
    return (f"<html><head><title>Night buses</title>{head}</head><body><header><nav><a href='/'>Home</a></nav>"
            f"{header}</header><article><h1>Night buses reach the northern suburbs</h1>{BODY}</article>"
            f"<footer>{footer}</footer></body></html>")


def test_a_date_in_the_url_path_comes_first():
    html = _page(head='<meta property="article:published_time" content="2023-01-05T08:00:00Z">')
    art = cleanarticle.clean(html, kind="html", url="https://example.org/2024/03/07/night-buses")
    assert art.date == "2024-03-07"


def test_published_date_meta_names_are_read_in_their_variants():
    for name in ("published-date", "article:published_time", "DC.date.issued", "publication_date"):
        html = _page(head=f'<meta name="{name}" content="2021-02-16">')
        assert cleanarticle.clean(html, kind="html").date == "2021-02-16", name


def test_a_modified_date_is_not_taken_for_the_publication_date():
    html = _page(head='<meta name="modified-date" content="2024-07-30">')
    assert cleanarticle.clean(html, kind="html").date is None


def test_without_declared_dates_a_dated_line_in_the_page_header_is_used():
    html = _page(header="<p>Updated March 5, 2025</p>")
    art = cleanarticle.clean(html, kind="html")
    assert art.date == "2025-03-05"
    assert "Updated March 5, 2025" not in art.body


def test_a_page_footer_date_is_never_the_articles():
    html = _page(header="<p>Updated March 5, 2025</p>", footer="<p>Site launched 1 January 2010</p>")
    assert cleanarticle.clean(html, kind="html").date == "2025-03-05"


def test_a_date_in_the_articles_own_footer_is_read():
    html = ("<html><body><article><h1>Night buses reach the northern suburbs</h1>"
            "<footer class='meta'><span>By Ann Lee</span><span>March 30, 2023 | 4 min read</span></footer>"
            f"{BODY}</article><footer><p>Site launched 1 January 2010</p></footer></body></html>")
    assert cleanarticle.clean(html, kind="html").date == "2023-03-30"


def test_of_several_time_elements_the_one_the_byline_shows_is_the_articles():
    html = ("<html><body><header><ul><li><a href='/n/1'>Office closed for the holiday</a> "
            "<time datetime='2025-01-31T12:00:00Z'>01/31/2025</time></li></ul></header>"
            "<article><h1>Night buses reach the northern suburbs</h1>"
            "<p class='byline'><time datetime='2017-03-01T12:00:00Z'>03/01/2017</time> by Ann Lee</p>"
            f"{BODY}</article></body></html>")
    assert cleanarticle.clean(html, kind="html").date == "2017-03-01"


def test_dates_in_a_box_of_related_articles_are_never_the_articles():
    html = ("<html><body><div class='sidebar'><p>July 8, 2025</p><p>Filed under Transport</p><p>4 min read</p></div>"
            f"<article><h1>Night buses reach the northern suburbs</h1>{BODY}</article>"
            "<div class='related-posts'><p><a href='/a'>Trams return to the old town</a></p><p>December 19, 2025</p>"
            "</div></body></html>")
    assert cleanarticle.clean(html, kind="html").date == "2025-07-08"


def test_a_long_sentence_with_a_date_is_not_a_dateline():
    far = ("<p>Back in the first week of the scheme, on 4 May 2019, the old routes were cut because the "
           "council had no money for drivers at night.</p>")
    assert cleanarticle.clean(_page(footer=far), kind="html").date is None


def test_site_prefixed_and_bare_published_meta_names_are_read():
    for name in ("published", "w-published-date", "cms.publishDate"):
        html = _page(head=f'<meta name="{name}" content="July 17, 2025">')
        assert cleanarticle.clean(html, kind="html").date == "2025-07-17", name


def test_a_numeric_date_with_the_month_first_is_read_when_the_day_shows_it():
    from cleanarticle.metadata import parse_date
    assert parse_date("Updated: 10/31/2024") == "2024-10-31"
    assert parse_date("31.10.2024") == "2024-10-31"
    assert parse_date("05/04/2024") == "2024-04-05"  # ambiguous: day first, as before


def test_a_date_written_with_hyphens_and_a_month_name_is_read():
    from cleanarticle.metadata import parse_date
    assert parse_date("on 04-ago-2021 5:11:10") == "2021-08-04"
    assert parse_date("12-Mar-2019") == "2019-03-12"


def test_an_earlier_date_shown_in_the_byline_beats_a_later_declared_one():
    head = '<meta property="article:published_time" content="2025-06-12T09:00:00Z">'
    html = _page(head=head).replace("</h1>", "</h1><div>November 2, 2022</div>")
    assert cleanarticle.clean(html, kind="html").date == "2022-11-02"


def test_a_shown_date_does_not_beat_the_declared_one_when_it_is_an_update_a_time_zone_or_ambiguous():
    head = '<meta property="article:published_time" content="2024-12-10T02:00:00Z">'
    for shown, why in (("Updated March 3, 2023", "an update"), ("December 9, 2024", "a time zone"),
                       ("03/04/2023", "day or month first")):
        html = _page(head=head).replace("</h1>", f"</h1><div>{shown}</div>")
        assert cleanarticle.clean(html, kind="html").date == "2024-12-10", why


def test_a_time_element_marked_as_an_update_is_not_the_publication_date():
    header = ('<time class="updated" datetime="2025-01-20">Jan 20, 2025</time>'
              '<time class="published" datetime="2023-05-02">May 2, 2023</time>')
    html = _page().replace("<article>", f"<article><div>{header}</div>")
    assert cleanarticle.clean(html, kind="html").date == "2023-05-02"


def test_an_earlier_date_shown_under_the_headline_beats_a_later_declared_one():
    # The date line sits in a boilerplate-looking box (chrome, not a byline), right under the headline.
    html = ("<html><head><meta property='article:published_time' content='2025-06-12'></head><body>"
            "<article><h1>Night buses reach the northern suburbs</h1><div class='newsletter-meta'>"
            f"<p>November 2, 2022</p></div>{BODY}</article></body></html>")
    art = cleanarticle.clean(html, kind="html")
    assert art.date == "2022-11-02"


def _declared_and_modified(shown: str) -> str:
    head = ('<meta property="article:published_time" content="2019-08-11T09:00:00Z">'
            '<meta property="article:modified_time" content="2025-11-21T10:30:00Z">')
    return _page(head=head).replace("</h1>", f"</h1><div>{shown}</div>")


def test_a_later_date_shown_plainly_under_the_headline_and_declared_as_modified_is_the_articles():
    assert cleanarticle.clean(_declared_and_modified("November 21, 2025"), kind="html").date == "2025-11-21"


def test_a_later_shown_date_does_not_beat_the_declared_one_when_labelled_undeclared_or_beside_it():
    for shown, why in (("Updated November 21, 2025", "labelled as an update"),
                       ("March 3, 2024", "declared nowhere"),
                       ("November 21, 2025 August 11, 2019", "the declared date is shown too")):
        assert cleanarticle.clean(_declared_and_modified(shown), kind="html").date == "2019-08-11", why


def test_a_dateline_with_only_a_month_gives_its_first_day():
    html = _page().replace("</article>", "<div><b>Last Updated:</b> June 2022</div></article>")
    assert cleanarticle.clean(html, kind="html").date == "2022-06-01"


def test_a_month_and_year_without_a_dateline_label_is_no_date():
    html = _page().replace("</article>", "<div>Collection of June 2022</div></article>")
    assert cleanarticle.clean(html, kind="html").date is None


def test_the_text_saying_when_the_article_was_first_published_beats_the_bylines_revision_date():
    note = "<p>This article was originally published on 26 Sep 2019 at 4:12pm and has been updated since.</p>"
    html = _page().replace("</h1>", "</h1><div>30 Sep 2022, 11:07am</div>").replace("</article>", note + "</article>")
    assert cleanarticle.clean(html, kind="html").date == "2019-09-26"


def test_first_publication_is_read_in_other_languages():
    for note, date in (("Dieser Artikel ist ursprünglich am 12. März 2020 erschienen.", "2020-03-12"),
                       ("Cet article a été publié initialement le 3 mai 2021.", "2021-05-03")):
        html = _page().replace("</h1>", "</h1><div>30 Sep 2022</div>").replace("</article>", f"<p>{note}</p></article>")
        assert cleanarticle.clean(html, kind="html").date == date, note


def test_first_publication_is_read_from_a_note_not_from_a_long_paragraph():
    # A paragraph of the story that mentions some other work's first publication is not the note.
    story = ("<p>The novel, first published on 4 May 1998 by a small press in Leeds, sold a few hundred "
             "copies before the author's death, and it took another twenty years, two reissues, a radio "
             "play and a campaign by readers in three countries before a large publisher bought the rights "
             "and put it back into the shops, where it has stayed on the lists ever since.</p>")
    html = _page().replace("</h1>", "</h1><div>30 Sep 2022</div>").replace("</article>", story + "</article>")
    assert cleanarticle.clean(html, kind="html").date == "2022-09-30"


def test_a_date_line_right_under_the_byline_is_its_date_even_past_the_bodys_start():
    html = ("<html><head><meta property='article:published_time' content='2025-06-24'></head><body><article>"
            "<h1>Night buses reach the northern suburbs</h1>"
            "<p class='intro'>A guide to the new night routes, what they cost and where they stop, for riders "
            "who work late and the families who wait up for them.</p><p>Listen to this article</p>"
            "<div class='author-name'>Ann Lee</div><div>August 25, 2024</div>"
            f"{BODY}</article></body></html>")
    art = cleanarticle.clean(html, kind="html")
    assert art.date == "2024-08-25"
    assert "August 25, 2024" not in art.body


def test_a_published_meta_tag_and_a_time_element_that_agree_outvote_json_ld():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2018-04-03"}</script>'
            '<meta property="article:published_time" content="2025-12-19T13:06:00-05:00">')
    html = _page(head=head).replace("</h1>", "</h1><p><time datetime='2025-12-19T13:06:00-05:00'>Dec 19</time></p>")
    assert cleanarticle.clean(html, kind="html").date == "2025-12-19"
    alone = _page(head=head)
    assert cleanarticle.clean(alone, kind="html").date == "2018-04-03"


def test_the_date_of_a_threads_last_post_is_not_the_publication_date():
    head = ('<meta property="article:published_time" content="2024-01-14T09:00:00Z">'
            '<meta property="article:modified_time" content="2024-01-18T10:30:00Z">')
    for line in ("12 replies · last post by Ann Lee Jan 18, 2024", "Letzte Antwort von Ann Lee am 18. Januar 2024"):
        html = _page(head=head).replace("</h1>", f"</h1><div>{line}</div>")
        assert cleanarticle.clean(html, kind="html").date == "2024-01-14", line


def test_without_a_headline_no_bylines_time_is_picked_over_the_first():
    from cleanarticle import passes
    from cleanarticle.assemble import _byline_date_in
    from cleanarticle.config import Config
    from cleanarticle.document import Label
    from cleanarticle.pipeline import segment

    posts = "".join(f"<div class='post'><p>{p}</p><p class='author'>Post by ann » <time datetime='2024-09-1{i}'>"
                    f"1{i}. Sep 2024</time></p></div>" for i, p in enumerate(PARAS, start=2))
    html = f"<html><body><p>Thread started <time datetime='2024-09-11'>11 Sep 2024</time></p>{posts}</body></html>"
    cfg = Config.build(None)
    doc, _ = passes.run(segment(html, "html", cfg), cfg)
    dates = doc.meta["time_dates"]
    assert _byline_date_in(doc, dates) == "2024-09-12"  # under the headline the segmenter chose
    untitled = doc.relabel({b.index: (Label.CHROME, "test") for b in doc.blocks if b.label is Label.TITLE})
    assert _byline_date_in(untitled, dates) is None


def test_a_members_join_date_beside_a_post_is_never_the_publication_date():
    head = '<meta property="article:published_time" content="2024-02-24T09:00:00Z">'
    for line in ("Joined: Mon Jul 24, 2017 9:28 am", "Mitglied seit 24.07.2017"):
        html = _page(head=head).replace("</h1>", f"</h1><div>{line}</div>")
        assert cleanarticle.clean(html, kind="html").date == "2024-02-24", line
    html = _page(header="<p>Member since July 24, 2017</p>")
    assert cleanarticle.clean(html, kind="html").date is None
