"""One test per pattern group in cleanarticle.patterns, with positive and negative cases."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleanarticle import patterns as P
from cleanarticle.metadata import parse_date, split_names


@pytest.mark.parametrize("line", [
    "Connect with us", "Hi, what are you looking for?", "Share this", "Subscribe", "Advertisement", "Read more",
    "Skip to content", "Teilen", "Anzeige", "Publicité", "Lire la suite", "Publicidad", "Leer más", "Pubblicità",
    "Leia mais", "Advertentie", "Lees meer", "Reklama", "Czytaj więcej", "Comments (3)", "Tags:",
    "Table of Contents", "Table of Contents[Hide][Show]", "Expand Table of Contents", "TABLE OF CONTENTS",
    "Table of contents:", "Contents", "On this page", "Jump to:", "Inhaltsverzeichnis", "Sommaire", "Índice",
    "Inhoudsopgave", "Spis treści",
])
def test_prompt_lines(line):
    assert P.PROMPT_LINE.fullmatch(line)


@pytest.mark.parametrize("line", [
    "Share prices fell sharply on Monday.", "Read more books this winter, the librarians urge.",
    "The advertisement campaign cost millions.", "Home is where the heart is",
    "Contents of the box", "In this article, we look at the ferries.", "On this page you will find the timetable.",
])
def test_prompt_lines_do_not_match_prose(line):
    assert not P.PROMPT_LINE.fullmatch(line)


def test_notices_by_their_start():
    assert P.PROMPT_START.match("We use cookies to make this site work.")
    assert P.PROMPT_START.match("© 2024 Example Media Ltd")
    assert P.PROMPT_START.match("Wir verwenden Cookies.")
    assert not P.PROMPT_START.match("The cookies were baked at dawn.")


@pytest.mark.parametrize("line", ["6 min read", "3 MIN. READ", "17 minutes read", "| Reading Time: 7 minutes",
                                  "Read time: 6 min", "2–4 minutes", "7-minute read", "Jane Doe | 5 min read",
                                  "Kristian Larsen July 13, 2025 — 7 minutes read", "Nov 7, 202511 min read",
                                  "Nov 18, 2019 at 9:24 pm ET • 2 min read", "1d ago3 min read",
                                  "5 Min. Lesezeit", "Lesezeit: 4 Minuten", "Temps de lecture : 3 min",
                                  "8 min de lectura", "Tempo de leitura: 5 minutos", "4 min di lettura",
                                  "5 min leestijd", "Czas czytania: 5 minut"])
def test_reading_time_lines(line):
    assert P.match(P.READING_TIME, line)
    assert P.may_be_reading_time(line) and P.may_be_reading_time(line.upper())


@given(st.lists(st.sampled_from(["5", "2–4", "-", " ", ": ", "|", "min", "Min.", "minute", "minutes", "minuten", "minuti",
                                 "minutos", "minut", "minuty", "read", "reading", "time", "estimated", "lesezeit", "leestijd",
                                 "temps de lecture", "tiempo de lectura", "tempo de leitura", "tempo di lettura",
                                 "czas czytania", "de", "lectura", "leitura", "di", "lettura", "czytania", "2020", "ago"]),
                max_size=7).map("".join) | st.text())
def test_a_reading_time_holds_a_reading_time_word(line):
    """may_be_reading_time is False only for lines READING_TIME does not match."""
    for text in (line, line.upper(), line.title()):
        if P.match(P.READING_TIME, text):
            assert P.may_be_reading_time(text), text


@pytest.mark.parametrize("line", ["It is a 5 min read.", "The whole report is a 10 minute read",
                                  "Bake for 2–4 minutes until golden.", "It takes 15 minutes read aloud",
                                  "Most readers spend 5 minutes reading the menu"])
def test_reading_time_lines_do_not_match_prose(line):
    assert not P.match(P.READING_TIME, line)


@pytest.mark.parametrize("line", ["License: Author:", "Photo: Reuters", "Foto: dpa", "Crédit photo : AFP",
                                  "Fuente: EFE", "Bron: ANP", "Źródło: PAP"])
def test_credit_lines(line):
    assert P.CREDIT_LINE.match(line)


def test_credit_phrases_and_their_gate():
    for line in ["King's Scientists. Image courtesy of Alena Lastovko.", "Photo by Jane Roe on a hill",
                 "(Photo Credit : PTI File Photo)", "Shutterstock",
                 "Crowds gathered at the harbour on Sunday (Image: Harbour Agency)",
                 "In this Dec. 3, 2018, file photo, a ferry leaves the north pier.",
                 "In this photo released by the port authority, divers inspect the hull.", "Image 2 of 7"]:
        assert P.CREDIT_PHRASE.search(line), line
        assert any(k in line.lower() for k in P.CREDIT_KEYWORDS)
    assert not P.CREDIT_PHRASE.search("The council approved the image of the town as a hub.")
    assert not P.CREDIT_PHRASE.search("In this picture, you can see where the two wires meet.")
    assert not P.CREDIT_PHRASE.search("In this article we explain the photo process step by step.")


def test_has_credit_phrase_answers_as_the_whole_pattern():
    # Searching only the groups whose words the line holds must answer as the whole alternation does (in any
    # case, and with the two letters whose lower case is not the letter the pattern matches: "İ", "ſ").
    credits = ["King's Scientists. Image courtesy of Alena Lastovko.", "Photo by Jane Roe on a hill",
               "(Photo Credit : PTI File Photo)", "Shutterstock", "Crowds at the harbour (Image: Harbour Agency)",
               "In this Dec. 3, 2018, file photo, a ferry leaves.", "In this photo released by the port, divers dive.",
               "Image 2 of 7", "Foto 3 von 9", "Picture credit: AP", "Illustrations courtesy of the artist",
               "Photograph by Ann Lee", "A view of the bay. Getty Images", "CC BY-SA 4.0", "cc-by 2.0 Wikimedia",
               "Licensed under Creative Commons", "Bildquelle: dpa", "Crédit photo : AFP", "Foto di Mario Rossi",
               "Foto de EFE", "Foto van ANP", "Fot. PAP", "Foto: dpa", "(Pics: Reuters)", "The harbour (Foto: dpa)",
               "Image by Ann Lee from Pixabay", "In this 2006 file image, a crowd gathers."]
    prose = ["The council approved the image of the town as a hub.", "Credit cards are accepted at the door.",
             "He chose the photo that his sister had taken.", "Courtesy matters (a lot) to the staff.",
             "In this picture, you can see where the two wires meet.", "The illustration shows a cell."]
    for line in credits + prose:
        for variant in (line, line.upper(), line.title(), line.replace("i", "İ").replace("s", "ſ"),
                        line.upper().replace("I", "İ"), line.replace("s", "ſ")):
            for text in (variant, "A caption. " + variant, variant + " (more)", "(" + variant + ")"):
                assert P.has_credit_phrase(text) == bool(P.CREDIT_PHRASE.search(text)), text
    for line in credits:
        assert P.has_credit_phrase(line), line
    assert not any(map(P.has_credit_phrase, prose))


@pytest.mark.parametrize("line,names", [
    ("By Jane Doe", "Jane Doe"), ("By Jane Doe and John Smith", "Jane Doe and John Smith"),
    ("Von Anna Berger", "Anna Berger"), ("Par Claire Dubois", "Claire Dubois"), ("Por Lucía Romero", "Lucía Romero"),
    ("Di Marco Bianchi", "Marco Bianchi"), ("Door Sanne de Vries", "Sanne de Vries"), ("Autor: Jan Kowalski", "Jan Kowalski"),
    ("Posted by Michael David Smith on November 19", "Michael David Smith"),
])
def test_bylines(line, names):
    m = P.BYLINE.match(line)
    assert m and m.group("names") == names


def test_bylines_need_a_name():
    assert not P.BYLINE.match("by the river the town grew")
    assert split_names("Jane Doe and John Smith") == ["Jane Doe", "John Smith"]
    assert split_names("Anna Berger und Jonas Frei") == ["Anna Berger", "Jonas Frei"]


@pytest.mark.parametrize("line,name", [
    ("Dialogue staff writer Patrick Schnecker discusses the summit.", "Patrick Schnecker"),
    ("Staff Writer Patrick Schnecker interviews the deputy.", "Patrick Schnecker"),
    ("Comment editor Ruth Otim examines the reception.", "Ruth Otim"),
    ("Redakteur Jonas Frei berichtet über den Streit.", "Jonas Frei"),
    ("La journaliste Sophie Marchand raconte la renaissance.", "Sophie Marchand"),
    ("La periodista Lucía Romero analiza el regreso.", "Lucía Romero"),
    ("Verslaggever Pieter Bakker beschrijft hoe.", "Pieter Bakker"),
    ("Redaktor Tomasz Nowak opisuje, jak.", "Tomasz Nowak"),
])
def test_role_and_name_standfirsts(line, name):
    m = P.ROLE_NAME.search(line)
    assert m and m.group("name") == name


def test_role_without_a_name_or_verb_is_not_a_standfirst():
    assert not P.ROLE_NAME.search("The editor said nothing.")
    assert not P.ROLE_NAME.search("Staff writer Patrick Schnecker")  # no verb after the name


def test_name_line():
    assert P.NAME_LINE.match("Dylan Bailey, MS, RD, FAND")
    assert P.NAME_LINE.match("Sanne de Vries")
    assert not P.NAME_LINE.match("Putin at WEF")


@pytest.mark.parametrize("line", ["167 comments", "Top Rated Comments", "Comments (12)", "Leave a Reply",
                                  "34 responses to “Night buses”", "3 Kommentare", "12 commentaires"])
def test_comments_headings(line):
    assert P.COMMENTS_HEADING.match(line)


@pytest.mark.parametrize("line", ["Comments", "The comments were harsh.", "Reply"])
def test_not_comments_headings(line):
    assert not P.COMMENTS_HEADING.match(line)


@pytest.mark.parametrize("text,date", [
    ("Published March 3, 2024", "2024-03-03"), ("12. März 2024", "2024-03-12"), ("14 juin 2024", "2024-06-14"),
    ("3 de julio de 2024", "2024-07-03"), ("2019-11-19T08:00", "2019-11-19"), ("19.11.2019", "2019-11-19"),
    ("5 maggio 2023", "2023-05-05"), ("12 stycznia 2024", "2024-01-12"), ("1 oktober 2022", "2022-10-01"),
    ("Nov. 18, 2019", "2019-11-18"),
])
def test_dates_in_several_languages(text, date):
    assert parse_date(text) == date


def test_no_date_where_there_is_none():
    assert parse_date("Room 2024 on floor 3") is None
    assert parse_date("February 30, 2024") is None


def test_hints_of_boxes_listing_other_articles():
    for hint in ("related", "most-read", "recommended", "more-stories"):
        assert P.OTHER_ARTICLES_HINT.match(hint), hint
    for hint in ("sidebar", "footer", "byline", "article-body"):
        assert not P.OTHER_ARTICLES_HINT.match(hint), hint


@pytest.mark.parametrize("line", [
    "This article was originally published on 26 Sep 2019.", "First published March 3, 2021",
    "Der Text ist ursprünglich am 12. März 2020 erschienen.", "Publié initialement le 3 mai 2021",
    "Publicado originalmente el 5 de junio de 2020", "Pubblicato originariamente il 5 maggio 2023",
    "Oorspronkelijk gepubliceerd op 1 oktober 2022", "Pierwotnie opublikowano 12 stycznia 2024",
])
def test_first_publication_lines(line):
    assert P.contains_any(line, P.ORIGINAL_STEMS)
    m = P.ORIGINALLY_PUBLISHED.search(line)
    assert m and parse_date(m.group("rest")), line


def test_first_publication_needs_its_verb():
    assert not P.ORIGINALLY_PUBLISHED.search("The plan was originally due on 26 Sep 2019.")
    assert not P.ORIGINALLY_PUBLISHED.search("Ursprünglich geplant für den 12. März 2020.")


@pytest.mark.parametrize("line", [
    "Updated March 3, 2024", "Zuletzt aktualisiert am 3. März 2024", "last post by ann Jan 18, 2024",
    "Letzte Antwort: 18.01.2024", "Dernier message le 18 janvier 2024", "Última respuesta 18 de enero de 2024",
    "Ultimo messaggio 18 gennaio 2024", "Laatste reactie 18 januari 2024", "Ostatni post 18 stycznia 2024",
])
def test_update_and_latest_activity_labels(line):
    assert P.UPDATE_LABEL.search(line)


def test_publication_lines_are_not_update_labels():
    for line in ("Published March 3, 2024", "Posted by Ann Lee on Jan 18, 2024", "First post of the year"):
        assert not P.UPDATE_LABEL.search(line), line


def test_account_date_labels():
    for line in ("Joined: Jul 24, 2017", "Member since 2019", "Founded: Dec 11, 2021", "Mitglied seit 2017",
                 "Inscrit le 3 mai 2020", "Miembro desde 2018", "Lid sinds 2016", "Dołączył: 12 stycznia 2024"):
        assert P.ACCOUNT_DATE_LABEL.search(line), line
    assert not P.ACCOUNT_DATE_LABEL.search("Published Jul 24, 2017 by Ann Lee")


def test_month_and_year_dates():
    assert P.DATE_MONTH_YEAR.search("Last Updated: June 2022")["year"] == "2022"
    assert P.DATE_MONTH_YEAR.search("Stand: Mai, 2021")["month"] == "Mai"
    assert not P.DATE_MONTH_YEAR.search("Issue 12 of 2022")


def test_title_separators():
    assert P.TITLE_SEPARATOR.split("Night buses reach the suburbs - The Harbour Gazette") == [
        "Night buses reach the suburbs", "The Harbour Gazette"]
    assert P.TITLE_SEPARATOR.split("Top stories | City Paper") == ["Top stories", "City Paper"]
    assert P.TITLE_SEPARATOR.split("Well-being at work") == ["Well-being at work"]


def test_class_hints():
    assert P.BOILERPLATE_HINT.search("related-posts")
    assert P.BOILERPLATE_HINT.search("site-footer sidebar")
    assert P.BOILERPLATE_HINT.search("share_buttons")
    assert not P.BOILERPLATE_HINT.search("overflow-hidden text-lg")
    assert P.CONTENT_HINT.search("entry-content")
    assert P.CONTENT_HINT.search("article__body")
    assert not P.CONTENT_HINT.search("text-gray-500")


def _phrases(src: str) -> set[str]:
    """Every string a regex made of literals, (?:a|b) groups, "?", [...] and {0,2} matches (a finite alternation)."""
    def alternation(i: int) -> tuple[set[str], int]:
        found, i = sequence(i)
        while i < len(src) and src[i] == "|":
            more, i = sequence(i + 1)
            found |= more
        return found, i

    def sequence(i: int) -> tuple[set[str], int]:
        found = {""}
        while i < len(src) and src[i] not in "|)":
            if src.startswith("(?:", i):
                atom, i = alternation(i + 3)
                assert src[i] == ")"
                i += 1
            elif src[i] == "[":
                end = src.index("]", i)
                atom, i = set(src[i + 1:end]), end + 1
            else:
                assert src[i].isalpha() or src[i] == "-", src[i:]
                atom, i = {src[i]}, i + 1
            if src.startswith("?", i):
                atom, i = atom | {""}, i + 1
            elif src.startswith("{0,2}", i):
                atom, i = {""} | atom | {a + b for a in atom for b in atom}, i + 5
            found = {f + a for f in found for a in atom}
        return found, i

    found, end = alternation(0)
    assert end == len(src)
    return found


@pytest.mark.parametrize("pattern, leads", [(P.BOILERPLATE_HINT, P.BOILERPLATE_HINT_LEADS),
                                            (P.CONTENT_HINT, P.CONTENT_HINT_LEADS)])
def test_every_class_hint_phrase_begins_with_a_lead(pattern, leads):
    # The hint reader searches only the names with a lead between separators: every phrase the pattern
    # matches (its boundaries and the lookbehind aside) must begin with one, whole up to a separator.
    src = pattern.pattern.replace("(?<!(?:with|has|no|without)[-_])", "")
    for boundary in (r"(?:^|[\s_-])", r"(?:$|[\s_-])", r"(?:^|\s)", r"(?:$|\s)"):
        src = src.replace(boundary, "")
    phrases = _phrases(src)
    assert len(phrases) > 50
    for phrase in phrases:
        assert pattern.search(f"x {phrase} y"), phrase
        assert phrase.replace("_", "-").split("-")[0] in leads, phrase


def test_sentence_ends_and_ellipsis():
    assert P.sentence_end("It rained.") == (True, False)
    assert P.sentence_end("He said “yes.”") == (True, False)
    assert P.sentence_end("Roar News had the chance to...") == (True, True)
    assert P.sentence_end("a cut-off line") == (False, False)
    assert P.sentence_end("Read on […]")[1]


def test_word_stats_count_function_words_and_cjk():
    assert P.word_stats("The cat sat on the mat") == (6, 3)
    assert P.word_stats("Der Hund und die Katze") == (5, 3)
    words, _ = P.word_stats("東京都は新しい計画を発表した")
    assert words >= 6


def test_guess_language():
    assert P.guess_language(["Der Stadtrat hat am Dienstag mit der Mehrheit beschlossen, dass die Wege gebaut werden."]) == "de"
    assert P.guess_language(["Le festival de la vallée fête ses trente ans et la ville vit au rythme du jazz."]) == "fr"
    assert P.guess_language(["Xyzzy plugh"]) is None
    # Lower-cased lines (a text dump's) give the language of the lines as they were.
    for texts in (["Der Stadtrat hat am Dienstag mit der Mehrheit beschlossen, dass die Wege gebaut werden."],
                  ["THE COUNCIL AND THE MAYOR", "Το ΣΥΜΒΟΥΛΙΟ ΟΔΥΣΣΕΥΣ", "İSTANBUL ist eine Stadt und die Brücke ist alt"],
                  ["Le festival de la vallée", "ET LA VILLE VIT AU RYTHME DU JAZZ, ET DE LA", "Σ", "de la du et"]):
        assert P.guess_language([t.lower() for t in texts], lowered=True) == P.guess_language(texts)


def _guess_language_counting_every_word(texts: list[str]) -> str | None:
    """guess_language as it was: every word of the texts joined looked up (the reference for the one that stops early)."""
    from collections import Counter
    found = Counter(w for w in " ".join(texts).lower().split() if w in P._LANGS_OF)
    hits: Counter[str] = Counter()
    for word, n in found.items():
        for lang in P._LANGS_OF[word]:
            hits[lang] += n
    if not hits:
        return None
    lang, n = hits.most_common(1)[0]
    return lang if n >= 5 else None


_SOME_FUNCTION_WORDS = sorted(P._LANGS_OF)[::3] + ["a", "de", "la", "in", "e", "o", "die", "het", "w", "i"]


@given(st.lists(st.lists(st.sampled_from(_SOME_FUNCTION_WORDS) | st.sampled_from(["Rat", "Σ", "voted", "ΣΟΦΙΑ", "İl", "x."]),
                         max_size=12).map(" ".join), max_size=20))
def test_guess_language_with_function_word_counts_is_the_count_of_every_word(texts):
    """Stopping once the leader cannot be overtaken (``stops``) gives the language of counting every word,
    ties (the language first seen) and pages under five function words included."""
    expected = _guess_language_counting_every_word(texts)
    stops = [P.word_stats(t)[1] for t in texts]
    assert P.guess_language(texts) == expected
    assert P.guess_language(texts, stops=stops) == expected
    assert P.guess_language([t.lower() for t in texts], lowered=True, stops=stops) == expected


def test_guess_language_stops_early_only_when_the_rest_cannot_change_it():
    english = ["The mayor and the council met in the hall, and they voted for it."] * 3
    # The German lines after the first three fifths outnumber the English lead: they are counted.
    german = ["Der Rat und die Stadt sind in der Nacht mit dem Zug nach Bonn gefahren, und es ist spät."] * 4
    texts = english + german
    stops = [P.word_stats(t)[1] for t in texts]
    assert P.guess_language(texts, stops=stops) == _guess_language_counting_every_word(texts) == "de"
    assert P.guess_language(english + german[:1], stops=stops[:4]) == "en"


@pytest.mark.parametrize("text,expected", [
    ("It ends here.", (True, False)), ("Read on...", (True, True)), ("More […]", (True, True)),
    ("More [...]", (True, True)), ("More [...]\u00a0", (False, True)), ("More (…)", (True, True)),
    ("Quoted.”", (True, False)), ("No end", (False, False)), ("”", (False, False)), ("Wait…\n", (False, False)),
])
def test_sentence_end(text, expected):
    """(Trailing white space other than spaces and tabs hides the end, except a bracketed ellipsis.)"""
    assert P.sentence_end(text) == expected


@given(st.lists(st.text().map(str.strip) | st.lists(st.sampled_from(["x", "…", ".", "”", "]", "[", "!", " "])).map("".join).map(str.strip) | st.sampled_from(
    ["More [...]", "Read on…”", "(…)", "”", "", "It ends here.", "Wait...?", "[…]»", "Cut [...] ", "It ends. \t"])
    | st.tuples(st.text().map(str.strip), st.text(alphabet=" \t")).map("".join), max_size=8))
def test_sentence_ends_of_texts_ending_at_most_in_spaces_are_each_texts_sentence_end(lines):
    ends, ellipses = P.sentence_ends_of(lines)
    assert list(zip(ends, ellipses)) == [P.sentence_end(line) for line in lines]


def test_every_white_space_character_but_the_space_is_unprintable():
    """The text segmenter keeps a printable line without a double space as it is (``_is_single_spaced``)."""
    from cleanarticle.segment.text import _is_single_spaced

    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert spaces and all(not c.isprintable() for c in spaces if c != " ")
    for line in ["It rained.", "“Quoted” – and dashed — text…", "Tokyo 東京", "a\u00a0b", "a\u2009b", "a  b", "x\x1fy"]:
        if _is_single_spaced(line):
            assert " ".join(line.split()) == line, line


def test_inline_spaces_are_the_white_space_a_line_may_hold():
    """The text segmenter's page-wide test: white space other than the space that ``splitlines`` leaves in a line."""
    from cleanarticle.segment.text import _INLINE_SPACES

    assert _INLINE_SPACES == tuple(c for c in map(chr, range(0x110000))
                                   if c.isspace() and c != " " and len(f"a{c}b".splitlines()) == 1)


def test_the_text_segmenter_finds_every_inline_space_of_a_page_in_its_ascii_ones_or_its_other_lines():
    """``_may_hold_inline_spaces`` searches the lines that are not ASCII for the spaces that are not ASCII."""
    from cleanarticle.segment.text import _ASCII_SPACES, _INLINE_SPACES, _may_hold_inline_spaces

    assert _ASCII_SPACES == tuple(c for c in _INLINE_SPACES if c.isascii())
    def others(lines: list[str]) -> str:  # (as the segmenter joins them)
        return "".join([line for line in lines if not line.isascii()])

    assert not _may_hold_inline_spaces("Plain\n\nTokyo 東京 “quoted”\ncafé", others(["Plain", "Tokyo 東京 “quoted”", "café"]))
    for space in _INLINE_SPACES:
        for line in [f"a{space}b", f"café{space}b", f"東京{space}b", f"“{space}”", f"\U0001f600{space}x"]:
            lines = ["Plain line", "Tokyo 東京", line, "café crème"]
            assert _may_hold_inline_spaces("\n".join(lines), others(lines)), (space, line)


@pytest.mark.parametrize("page", ["Tokyo 東京\n\nPlain", "東京  タワー\nc  afé\n\n\U0001f600 x", "café\nπ", "", "a\n\nb"])
def test_word_stats_of_finds_the_same_counts_with_the_join_of_the_lines_not_ascii(page):
    """The text segmenter passes its lines' join (not the texts'): the same CJK gate, the same counts."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    texts = [" ".join(line.split()) for line in lines]
    joined = "".join([line for line in lines if not line.isascii()])
    expected = ([P.word_stats(t)[0] for t in texts], [P.word_stats(t)[1] for t in texts])
    assert P.word_stats_of(texts, others=joined) == P.word_stats_of(texts) == expected


@pytest.mark.parametrize("page", ["It  rained.\nSoft\u00adhyphen and zero\u200bwidth \nA  B\u00a0C\n", "It  rained.\n\nTab\there\n",
                                  "Soft\u00adhyphen\n\n  Two  spaces  \n\x00Null\n", "Plain line\nAnother one\n"])
def test_the_text_segmenter_collapses_white_space_on_either_path(page):
    from cleanarticle.config import Config
    from cleanarticle.pipeline import segment

    doc = segment(page, "text", Config())
    assert [b.text for b in doc.blocks] == [" ".join(line.split()) for line in page.splitlines() if line.strip()]


END_PROMPTS = [
    "Sign up for our newsletter to get the week's best stories.", "Follow Jane Doe on Twitter @janedoe.",
    "Email the author at jane.doe@example.com.", "(Reporting by Jane Doe; Editing by John Roe)",
    "Have a tip? Write to the newsroom.", "Support independent journalism: become a member today.",
    "Abonnieren Sie unseren Newsletter.", "Abonnez-vous à notre lettre d'information.",
    "Suscríbete a nuestro boletín.", "Iscriviti alla nostra newsletter.", "Assine a nossa newsletter.",
    "Schrijf je in voor onze nieuwsbrief.", "Zapisz się do naszego newslettera.",
    "Please review our Privacy Policy before you continue.", "We use cookies to improve the site.",
]


@pytest.mark.parametrize("line", END_PROMPTS)
def test_end_of_article_invitations_and_their_gate(line):
    assert P.END_PROMPT.search(line), line
    assert P.contains_any(line, P.END_PROMPT_KEYWORDS), line


def test_search_end_prompt_answers_as_the_whole_pattern():
    # Searching only the groups whose words the line holds must answer as the whole alternation does (in any
    # case, with "İ" and "ſ", whose lower case is not the letter the pattern matches, and inside prose).
    prose = ["The service has two million subscribers and plans to raise prices next year.",
             "He thanked the donors who paid for the new roof of the school hall.",
             "Readers could unsubscribe, and the clickhere.com domain was sold.",
             "We followed the river on foot; the support team drove.", "Sign-up now, she said.",
             "Folgen Sie uns. APÓYANOS hoy.", "Reporting by the desk.", "(Additional writing by Ann Lee)"]
    for line in END_PROMPTS + prose:
        for variant in (line, line.upper(), line.title(), line.replace("i", "İ").replace("s", "ſ"),
                        line.upper().replace("I", "İ"), "So, " + line, line + " Thanks!"):
            assert P.search_end_prompt(variant) == bool(P.END_PROMPT.search(variant)), variant
    assert all(map(P.search_end_prompt, END_PROMPTS))


def test_end_of_article_invitations_do_not_match_reporting():
    for line in ("The service has two million subscribers and plans to raise prices next year.",
                 "He thanked the donors who paid for the new roof of the school hall.",
                 # (every phrase starts a word: one inside another word is none)
                 "Readers could unsubscribe, and the clickhere.com domain was sold."):
        assert not P.END_PROMPT.search(line), line


def test_small_numbers_a_headline_counts():
    find = P.SMALL_NUMBER.findall
    assert find("10 DIY Woodworking Projects for your Home") == ["10"]
    assert find("Top 25: the best beaches") == ["25"]
    assert find("Die 7 besten Rezepte") == ["7"]
    assert find("Election 2024: 3.5% turnout rise at 10:30, $20 fee, COVID-19") == []


def test_lead_ins_of_links_away_from_the_article():
    for line in ("Read more: the island hotel opens", "RELATED: Ferry fares rise", "Lesen Sie auch: Die Fähre",
                 "À lire aussi : le port", "Shop the look", "Czytaj także: prom"):
        assert P.LINK_LEAD_IN.match(line), line
    for line in ("The north pier safety report", "Readers' letters on the pier", "Moreton Bay ferries"):
        assert not P.LINK_LEAD_IN.match(line), line


def test_about_headings():
    for line in ("About the Author", "About the authors:", "Über den Autor", "À propos de l'auteur", "Sobre el autor",
                 "Over de auteur", "O autorze"):
        assert P.ABOUT_WRITER.match(line), line
    assert not P.ABOUT_WRITER.match("About the author's new book, out in May")
    assert P.ABOUT_HEADING.match("About Jane Doe:").group(1) == "Jane Doe"
    assert not P.ABOUT_HEADING.match("About filing your tax return")


def test_may_have_cjk_is_false_only_without_cjk():
    """The gate ``word_stats`` puts before the CJK pattern never hides a CJK character (windows-1252 has none)."""
    encodable = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF
                        and len(chr(c).encode("cp1252", "ignore")) == 1)
    assert not P.CJK.search(encodable) and not P.may_have_cjk(encodable)
    assert not P.may_have_cjk("“Quoted” – and dashed — text…") and not P.may_have_cjk("ASCII")
    assert P.may_have_cjk("Tokyo 東京") and P.word_stats("Tokyo 東京") == (3, 0)  # two words, and two CJK characters a word


def test_may_have_cjk_is_true_for_every_cjk_character():
    """Every character the CJK pattern matches, on its own and inside other text, passes the UTF-16 high-byte gate."""
    cjk = [chr(c) for c in range(0x110000) if P.CJK.search(chr(c))]  # (lone surrogates too)
    assert len(cjk) > 90_000
    assert all(P.may_have_cjk(c) and P.may_have_cjk(f"“{c}” é – ж") for c in cjk)
    # Not CJK, yet not windows-1252: ruled out too (and a lone surrogate does not raise).
    for text in ("Ελληνικά και русский", "العربية ✓ ★", "Ça coûte 5 € — “ok”", "lone \udc00 surrogate"):
        assert not P.may_have_cjk(text) and not P.CJK.search(text)
    assert not P.may_have_cjk("lone \ud800 surrogate") and not P.CJK.search("lone \ud800 surrogate")
    # Emoji and the other characters of planes 1-4 but CJK ones are ruled out by their surrogates; U+1F200
    # (Hiragana) shares its high surrogate with U+1F300-1F3FF (emoji), told apart by its low one.
    for text in ("emoji 😀 🎉 💪 🤤 🇩🇪", "music 𝄞, math 𝔸", "ring 🈁 🈯"):
        assert not P.may_have_cjk(text) and not P.CJK.search(text)
    assert P.may_have_cjk("🎉 🈀") and P.may_have_cjk("𠀀 lone \ud800") and P.may_have_cjk("😀 \U0001b000")


# Lines as a segmenter leaves them (no newline), with function words, capital sigmas and CJK.
_LINE = st.lists(st.sampled_from(["The", "der", "ΟΔΟΣ", "Σ", "İstanbul", "東京", "は", "“x”", "a", ",", " ", "\t", "\xa0"]),
                 max_size=12).map("".join) | st.text().map(lambda t: " ".join(t.split()))


@given(st.lists(_LINE, max_size=8))
def test_word_stats_of_a_page_are_each_lines_word_stats(lines):
    words, stops = P.word_stats_of(lines)
    assert list(zip(words, stops)) == [P.word_stats(line) for line in lines]


def test_month_names_are_plain_words_for_the_named_list():
    """``_MONTH`` matches the names as a named list, unescaped: the alternation they replaced escaped them."""
    assert all(regex.escape(m) == m for m in P._MONTH_NAMES)
    assert P._MONTH_NAMES == sorted(P.MONTHS, key=len, reverse=True)
    assert P.DATE_DMY_NAME.search("am 3. März 2021")["month"] == "März"
    assert P.DATE_MDY_NAME.search("SEPT. 4, 2019")["month"] == "SEPT"


@given(st.text() | st.text(alphabet="Ab9 _-'’.,:|/\t\x00ßﬁİ²") | st.sampled_from(
    ["Headline - Site", "It's 5 o'clock", "COVID-19: what_we know (so far)", "Straße", "ﬁre", "a\u00a0b", "x²", ""]))
def test_norm_words_are_the_casefolded_words(text):
    """norm_words's ASCII path (translate and split) finds the words WORD finds."""
    assert P.norm_words(text) == " ".join(P.WORD.findall(text.casefold()))


def test_byline_label_gate_admits_every_label():
    """BYLINE.match's gate: every label of its pattern starts with one of its ``starts``, which fit in
    _BYLINE_HEAD characters; and lines the gate rejects match no more than before."""
    source = P.BYLINE.label.pattern
    alternatives = source[source.index("(?i:") + 4: source.index(r")\s*(?::")].split("|")
    labels = [regex.sub(r"\(\?:\w+\)\?|\w\?", "", a) for a in alternatives]  # each's shortest form
    assert len(labels) > 20 and all(label.isalpha() or " " in label for label in labels), labels
    assert all(label.startswith(P.BYLINE.starts) for label in labels), labels
    assert max(map(len, P.BYLINE.starts)) == P._BYLINE_HEAD
    ungated = P._LabelThenNames(P.BYLINE.label)
    for line in ["By Jane Doe", "  BY JANE DOE", "Reporting by Jane Doe", "Autorin: Jane Doe", "Texte : Jane Doe",
                 "The byline By Jane Doe", "Jane Doe", "ſtory by Jane Doe", "DI Jane Doe", "\u212aWI by Jane Doe", ""]:
        gated, plain = P.BYLINE.match(line), ungated.match(line)
        assert (gated and gated.span("names")) == (plain and plain.span("names")), line


@given(st.text(alphabet="([ \t\x1cabcdefghijklmnopqrstuvwxyzPHOTÉé:.") | st.sampled_from(
    ["Photo: Reuters", " (Image: AP)", "[\tCREDITS : x", "Fot.: x", "Źródło: PAP", "crédit photo : x", "Lizenz:", "Author",
     "\x1cphoto: x", "\u00a0Photo: x", "ſource: x", "Time: 10:30", "Photographs: x", "Pictures: x"]))
def test_the_credit_line_gate_rejects_only_what_the_pattern_does_not_match(text):
    """may_be_credit_line is False only for texts CREDIT_LINE does not match; every ASCII label has a start."""
    if P.CREDIT_LINE.match(text):
        assert P.may_be_credit_line(text), text
    # each top-level alternative's literal start
    labels = [regex.match(r"[\w ]*", a).group() for a in regex.split(r"\|(?![^()]*\))", P._CREDIT_LABELS)]
    assert all(label.lower().startswith(P.CREDIT_LINE_STARTS) for label in labels if label.isascii()), labels


def test_the_language_of_a_dumps_lowered_lines_is_that_of_its_lines():
    """guess_language from the segmenter's lower-cased lines (Document.lowered) equals it from the texts themselves."""
    from cleanarticle.config import Config
    from cleanarticle.pipeline import segment

    page = ("Der Rat hat am Dienstag den Haushalt beschlossen, und die Stadt ist froh.\n\nLe conseil a voté le budget "
            "de la ville et il est content.\n\nThe ΣΟΦΙΑ and the council voted.\n\nİstanbul ile ve bir de\n\nMenu")
    doc = segment(page, "text", Config())
    assert doc.lowered == [b.text.lower() for b in doc.blocks]
    for n in range(1, len(doc.blocks) + 1):
        texts = [b.text for b in doc.blocks[:n]]
        assert P.guess_language(doc.lowered[:n], lowered=True) == P.guess_language(texts)


@given(st.text(alphabet="ab |–—·•:»/-\t") | st.sampled_from(["Headline | Site", "A - B", "No separator here", "x:y", ""]))
def test_split_title_is_the_separators_split(text):
    assert P.split_title(text) == P.TITLE_SEPARATOR.split(text)


def test_text_segmenter_judges_the_language_as_the_blocks_do():
    # segment.text.stopword_language sums the segmenter's columns; the judgement is the one made from the
    # blocks (the long ones, or all when none is long), as pipeline.segment makes it for an HTML page.
    from cleanarticle.config import Config
    from cleanarticle.pipeline import segment as segment_any
    cfg = Config()
    pages = ["", "Menu\nHome\nAbout", "The cat sat on the mat and it was happy about it all day long.\nMenu",
             "Der Hund lief über die Wiese und war sehr froh darüber, dass es so warm war.\nStart\n\nImpressum",
             "Kot siedział na macie przez cały dzień bardzo długo i spokojnie cicho sam.\nO nas",
             "1 2 3 4 5 6 7 8 9 10\nx y z", "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod"]
    for page in pages:
        doc = segment_any(page, "text", cfg)
        long = [b for b in doc.blocks if b.words >= cfg.prose_min_words] or doc.blocks
        words, stops = sum(b.words for b in long), sum(b.stopwords for b in long)
        assert doc.stopword_language == (bool(words) and stops / words >= cfg.min_doc_stopword_share), page
