"""Body extraction from HTML: the kinds of block the article rules used to drop or keep wrongly.

Each test is a small page written for the behaviour it checks.
"""

from __future__ import annotations

import cleanarticle
from cleanarticle import Label
from cleanarticle.config import Config
from cleanarticle.pipeline import segment

CFG = Config()
P1 = ("The harbour board met on Monday to review the year, and the figures it published show a season "
      "in which the number of ferry crossings grew faster than at any time since the new pier opened.")
P2 = ("Board members said the timetable would change in spring, with extra crossings in the morning "
      "and a later last ferry on Fridays, once the second boat returns from its refit at the yard.")


def page(inner: str, title: str = "Ferry figures") -> str:
    return (f"<html><head><title>{title} - Harbour News</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>{title}</h1>{inner}</article>"
            f"<footer><p>Harbour News, all rights reserved.</p></footer></body></html>")


TABLE = ("<table><tr><th>Route</th><th>Crossings</th><th>Change</th></tr>"
         "<tr><td>North pier</td><td>1204</td><td>5</td></tr>"
         "<tr><td>Island</td><td></td><td>7</td></tr></table>")


def test_a_table_row_is_one_line_with_its_cells_separated():
    doc = segment(page(f"<p>{P1}</p>{TABLE}<p>{P2}</p>"), "html", CFG)
    rows = [b for b in doc.blocks if b.tag == "tr"]
    assert [b.text for b in rows] == ["Route | Crossings | Change", "North pier | 1204 | 5", "Island | 7"]
    art = cleanarticle.clean(page(f"<p>{P1}</p>{TABLE}<p>{P2}</p>"), kind="html")
    assert "North pier | 1204 | 5" in art.paragraphs


def test_a_layout_table_keeps_a_block_per_paragraph():
    html = page(f"<table><tr><td><p>{P1}</p><p>{P2}</p></td><td>Menu</td></tr></table>")
    doc = segment(html, "html", CFG)
    assert [b.text for b in doc.blocks if b.text in (P1, P2)] == [P1, P2]


def test_a_figure_wrapping_a_table_or_a_quote_is_content_not_a_caption():
    html = page(f"<p>{P1}</p><figure class='wp-block-table'>{TABLE}<figcaption>Crossings by route</figcaption></figure>"
                f"<figure><blockquote><p>We have never carried so many people in one summer.</p></blockquote></figure>"
                f"<p>{P2}</p>")
    art = cleanarticle.clean(html, kind="html")
    assert "North pier | 1204 | 5" in art.paragraphs
    assert "We have never carried so many people in one summer." in art.paragraphs
    caption = next(b for b in art.blocks if b.text == "Crossings by route")
    assert caption.label is Label.CAPTION


def _cards(n: int) -> str:
    blurbs = ["The council approved the new cycle lanes on the coast road after a long debate on Thursday.",
              "A local bakery has won the regional prize for its rye bread for the third year running now.",
              "Volunteers cleaned the beach at the north pier and collected forty bags of rubbish in a day.",
              "The museum reopens its maritime hall next month with models of every ferry since the war."]
    return "".join(f"<div class='card'><h3><a href='/story{i}'>Story number {i} from the coast</a></h3>"
                   f"<p>{blurbs[i % 4]}</p></div>" for i in range(n))


P3 = ("Passenger numbers are expected to rise again next year, the board said, as the new hotel on the "
      "island opens in May and the ferry company adds a summer service to the mainland on Sundays.")


def test_a_list_of_teaser_cards_after_the_article_is_not_body():
    html = page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><h2>More from the coast</h2><div class='more'>{_cards(4)}</div>")
    art = cleanarticle.clean(html, kind="html")
    assert art.paragraphs[:3] == [P1, P2, P3]
    assert not any("bakery" in p or "council" in p for p in art.paragraphs)
    blurb = next(b for b in art.blocks if "bakery" in b.text)
    assert any(s.pass_name == "teaser_cards" and s.index == blurb.index for s in art.trace)


def test_a_round_up_of_linked_picks_at_the_top_is_the_article():
    html = page(f"<p>Four stories from the coast this week, picked by our editors.</p><div class='picks'>{_cards(4)}</div>")
    art = cleanarticle.clean(html, kind="html")
    assert any("bakery" in p for p in art.paragraphs)


def test_a_round_up_of_as_many_cards_as_the_headline_counts_is_the_article():
    # The cards follow the article's opening prose, as "more stories" do, but the headline
    # counts them: they are the article's items, and each linked card title is its sub-heading.
    html = page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><div class='picks'>{_cards(4)}</div>"
                "<p>Which of these four stories would you like us to follow next? Write to the newsroom.</p>",
                title="4 stories from the coast this week")
    art = cleanarticle.clean(html, kind="html")
    assert any("bakery" in p for p in art.paragraphs)
    assert "Story number 1 from the coast" in art.paragraphs
    other = cleanarticle.clean(html.replace("4 stories", "Five stories"), kind="html")
    assert not any("bakery" in p for p in other.paragraphs)


def test_invitations_and_a_dangling_heading_at_the_end_of_the_body_are_chrome():
    html = page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
                "<p>Follow our harbour reporter on Twitter for news from the piers every morning.</p>"
                "<p>Sign up for the Harbour News newsletter and get the day's stories in your inbox.</p>"
                "<h2>More from the harbour</h2>")
    art = cleanarticle.clean(html, kind="html")
    assert art.paragraphs == [P1, P2, P3]
    reasons = {b.text[:6]: b.reason for b in art.blocks if b.label is Label.CHROME}
    assert reasons["More f"] == "a heading with no body text after it"
    assert reasons["Sign u"].startswith("an invitation at the end")


def test_an_invitation_inside_the_article_stays():
    middle = "Readers who want the timetable can sign up at the ferry office on the pier, the board said."
    art = cleanarticle.clean(page(f"<p>{P1}</p><p>{middle}</p><p>{P2}</p>"), kind="html")
    assert middle in art.paragraphs


def test_linked_sub_headings_and_list_items_inside_the_body_are_content():
    html = page(f"<p>{P1}</p><h2><a href='/north-pier'>The north pier</a></h2><p>{P2}</p>"
                f"<ul><li><a href='/timetable'>Winter timetable for all routes</a></li>"
                f"<li><a href='/fares'>Fares and season tickets</a></li></ul><p>{P3}</p>")
    art = cleanarticle.clean(html, kind="html")
    assert "The north pier" in art.paragraphs
    assert "Fares and season tickets" in art.paragraphs
    assert art.paragraphs[0] == P1 and art.paragraphs[-1] == P3


def test_a_linked_paragraph_among_the_body_paragraphs_is_content_but_a_promo_link_is_not():
    html = page(f"<p>{P1}</p><p><a href='/pier-report'>The north pier safety report of 2023</a></p>"
                f"<p><a href='/other'>HARBOUR MASTER RETIRES AFTER FORTY YEARS</a></p>"
                f"<p><a href='/more'>Read more: the island hotel opens in May</a></p>"
                f"<p><a href='/book'>Book now</a></p><p>{P2}</p><p><a href='/book'>Book now</a></p><p>{P3}</p>")
    art = cleanarticle.clean(html, kind="html")
    assert "The north pier safety report of 2023" in art.paragraphs
    assert not any(p.startswith(("HARBOUR", "Read more", "Book now")) for p in art.paragraphs)
    assert art.paragraphs[0] == P1 and art.paragraphs[-1] == P3


def test_a_line_ending_in_a_colon_after_a_short_body_brings_its_list():
    html = page(f"<div class='text'><p>{P1}</p><p>The guide covers these topics:</p>"
                "<ul><li>Crossings at night</li><li>Tickets for bikes</li><li>Reporting lost property</li></ul></div>"
                "<div class='form'><div>First name</div><div>Last name</div><div>Email</div></div>")
    art = cleanarticle.clean(html, kind="html")
    assert art.paragraphs[:5] == [P1, "The guide covers these topics:", "Crossings at night", "Tickets for bikes",
                                  "Reporting lost property"]


def test_an_about_the_writer_box_at_the_end_of_the_body_is_not_the_article():
    bio = ("Jane Doe has covered the harbour for the paper since 2015 and lives on the island with her two "
           "dogs and a boat she is still repairing.")
    for heading in ("About the Author", "About Jane Doe", "Über die Autorin"):
        html = page(f"<p class='byline'>By Jane Doe</p><p>{P1}</p><p>{P2}</p><p>{P3}</p><h3>{heading}</h3><p>{bio}</p>")
        art = cleanarticle.clean(html, kind="html")
        assert art.paragraphs[-1] == P3, heading
    # "About" and another name (a company, a series) at the end stays: press releases keep theirs
    html = page(f"<p class='byline'>By Jane Doe</p><p>{P1}</p><p>{P2}</p><p>{P3}</p><h3>About Harbour Ferries</h3>"
                "<p>Harbour Ferries runs six boats between the mainland and the islands, carrying a million "
                "passengers a year.</p>")
    assert cleanarticle.clean(html, kind="html").paragraphs[-2] == "About Harbour Ferries"


def test_the_writers_bio_without_a_heading_at_the_end_of_the_body_is_not_the_article():
    bio = ("Jane Doe is a freelance writer who has covered the harbour since 2015. She lives on the island "
           "with her two dogs and a boat she is still repairing.")
    for lines in ([bio], ["Contributing Writer", bio], ["Jane Doe", bio],
                  [bio.replace("Jane Doe is", "Jane is")],  # the first name alone
                  [bio, "Jane Doe has no position in any of the companies mentioned."],
                  [bio, "If you buy something through this post, we may get a share of the sale."]):
        html = page(f"<p class='byline'>By Jane Doe</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
                    + "".join(f"<p>{line}</p>" for line in lines))
        art = cleanarticle.clean(html, kind="html")
        assert art.paragraphs[-1] == P3, lines
        assert art.authors == ["Jane Doe"]
    # another person's bio (the article's subject), and a company's boilerplate under its own name, stay
    other = "John Smith is a ferry captain who has worked the island route for twenty years."
    company = ("Harbour Ferries has run boats between the mainland and the islands since 1921. Our crews "
               "carry a million passengers a year.")
    for line, author in ((other, "Jane Doe"), (company, "Harbour Ferries")):
        html = page(f"<p class='byline'>By {author}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{line}</p>")
        assert cleanarticle.clean(html, kind="html").paragraphs[-1] == line


def test_a_linked_h1_matching_the_declared_title_is_the_headline():
    # Blogs link the headline to the post's own page; a linked <h1> is otherwise read as a logo.
    html = ("<html><head><title>Ferry figures for the year - Harbour News</title></head><body>"
            "<h1><a href='/'>Harbour News</a></h1><article><h1><a href='/ferry-figures'>Ferry figures for the "
            f"year</a></h1><p>By Jane Doe</p><p>{P1}</p><p>{P2}</p></article></body></html>")
    art = cleanarticle.clean(html, kind="html")
    assert art.title == "Ferry figures for the year"
    assert next(b for b in art.blocks if b.text == "Ferry figures for the year").label is Label.TITLE
    # ... but a linked <h1> holding more than the title (a source, a score) is not taken for it
    art = cleanarticle.clean(html.replace("for the year</a></h1>", "for the year (harbour.example) 87</a></h1>"),
                             kind="html")
    assert art.title != "Ferry figures for the year (harbour.example) 87"


def test_a_long_block_under_the_title_is_body_not_standfirst():
    long = " ".join([P1, P2, P3, P1])
    html = page(f"<div class='intro'><p>{long}</p></div><p>{P2}</p>")
    art = cleanarticle.clean(html, kind="html")
    assert art.standfirst is None
    assert long in art.paragraphs


def test_an_opening_line_and_list_after_the_headline_join_the_body():
    html = page("<p>What is new this season</p><ul><li>Two extra crossings</li><li>A later last ferry</li>"
                f"<li>Bikes carried free</li></ul><p>Tickets on sale at the pier</p><p>{P1}</p><p>{P2}</p>"
                f"<p>On board</p><ul><li>A cafe</li><li>Free wifi</li></ul><p>{P3}</p>",
                title="New ferry timetable for the winter season")
    art = cleanarticle.clean(html, kind="html")
    assert art.paragraphs[:5] == ["What is new this season", "Two extra crossings", "A later last ferry",
                                  "Bikes carried free", "Tickets on sale at the pier"]
    assert "Free wifi" in art.paragraphs


def test_a_sub_heading_said_again_is_kept_but_a_second_copy_is_not():
    again = "How the new timetable changes your morning crossing"
    html = page(f"<h3>{again}</h3><p>{P1}</p><ul><li>Two extra boats leave before eight every weekday</li></ul>"
                f"<h3>{again}</h3><p>{P2}</p><ul><li>Two extra boats leave before eight every weekday</li></ul>"
                f"<p>{P3}</p><div class='copy'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>")
    art = cleanarticle.clean(html, kind="html")
    assert art.paragraphs.count(again) == 2
    assert art.paragraphs.count("Two extra boats leave before eight every weekday") == 2
    assert art.paragraphs.count(P1) == 1 and art.paragraphs.count(P3) == 1


def test_a_linked_comment_count_inside_the_article_is_no_barrier():
    html = page(f"<p>{P1}</p><div class='tools'><a href='#comments'>12 Comments</a></div><p>{P2}</p><p>{P3}</p>")
    art = cleanarticle.clean(html, kind="html")
    assert art.paragraphs == [P1, P2, P3]


def test_a_footer_with_more_prose_than_the_page_is_still_a_footer():
    disclaimer = " ".join([P2, P3, P2])
    html = ("<html><head><title>Winter timetable - Harbour News</title></head><body><main><h1>Winter timetable</h1>"
            f"<p>Departures from the north pier, every day from November.</p><p>{P1}</p>"
            "<ul><li>First ferry at 6:40</li><li>Then every forty minutes</li><li>Last ferry at 22:10</li></ul></main>"
            f"<footer><p>{disclaimer}</p><p>{P3}</p></footer></body></html>")
    art = cleanarticle.clean(html, kind="html")
    assert not any(P3 in p for p in art.paragraphs)
    assert "Last ferry at 22:10" in art.paragraphs


def test_sections_of_short_lines_beside_the_opening_stay_in_the_main_container():
    # A menu or recipe article: an opening in one element, then sections of short lines with a
    # little prose each.  Short lines cost the container less than they cost the run, so the
    # sections are not cut off as "outside the main container".
    lines = "".join(f"<p>{x}</p>" for x in ["Leave before nine", "Two boats an hour", "Bikes go free",
                                              "Dogs on a lead", "Tickets from the kiosk", "Cafe on the top deck",
                                              "Toilets on both decks", "Wheelchair ramp at gate two"])
    plans = "".join(f"<div class='plan'><h2>{name}</h2>{lines}<p>{P3}</p></div>" for name in ("North", "Island"))
    html = page(f"<div class='part'><p>{P1}</p><p>{P2}</p></div>{plans}")

    def cut_off(**overrides):
        art = cleanarticle.clean(html, kind="html", disabled={"main_run", "not_an_article"}, **overrides)
        return [b.text for b in art.blocks if b.reason == "outside the main container"]
    assert cut_off() == []
    assert "Leave before nine" in cut_off(container_short_cost=4.0)


def test_a_table_after_the_last_paragraph_joins_the_body():
    rows = "".join(f"<tr><td>Week {i}</td><td>Rest</td><td>Easy run 40 min</td><td>Hills 6x1 min</td></tr>"
                   for i in range(1, 5))
    html = page(f"<p>{P1}</p><p>{P2}</p><h3>The plan</h3><figure><div class='scroll'><table><tbody>{rows}</tbody></table></div></figure>")
    art = cleanarticle.clean(html, kind="html")
    assert "Week 4 | Rest | Easy run 40 min | Hills 6x1 min" in art.paragraphs
    assert "The plan" in art.paragraphs


def test_an_unclosed_figure_does_not_make_the_rest_of_the_article_a_caption():
    html = page(f"<p>{P1}</p><figure><img src='pier.jpg'><figcaption>The north pier</figcaption><p>{P2}</p><p>{P3}</p>")
    art = cleanarticle.clean(html, kind="html")
    assert P2 in art.paragraphs and P3 in art.paragraphs
    assert "The north pier" not in art.paragraphs
