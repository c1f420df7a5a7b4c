"""The cheap gates in front of expensive patterns must never hide a match."""

from __future__ import annotations

import pytest
import regex

from cleanarticle import patterns

PROMPTS = [
    "Connect with us", "Hi, what are you looking for?", "Search", "Skip to main content", "Share this article",
    "Share on Facebook", "Follow us on Twitter", "Subscribe now", "Sign in", "Log in", "Login", "Logout",
    "Advertisement", "Read more »", "Continue reading", "Email this", "E-mail", "3 comments", "Comments (12)",
    "Leave a comment", "Related articles", "You may also like", "Tags:", "Loading...", "Photo gallery",
    "Teilen", "Folgen Sie uns auf Instagram", "Weiterlesen", "Zum Inhalt springen", "Kommentare",
    "Partager sur Facebook", "Suivez-nous", "S’abonner", "Lire la suite", "Aller au contenu principal",
    "Compartir en Twitter", "Síguenos en Instagram", "Suscríbete", "Leer más", "Saltar al contenido",
    "Condividi su Facebook", "Seguici su Instagram", "Leggi anche", "Vai al contenuto",
    "Compartilhar", "Siga-nos no Instagram", "Leia mais", "Pular para o conteúdo",
    "Delen", "Volg ons op Twitter", "Lees meer", "Naar de inhoud",
    "Udostępnij", "Obserwuj nas", "Czytaj więcej", "Przejdź do treści",
]
NOTICES = [
    "This website uses cookies to improve your experience.", "We use cookies to personalise content.",
    "© 2024 City Paper. All rights reserved.", "Copyright 2019 Example Media",
    "Diese Webseite verwendet Cookies, um die Nutzung zu verbessern.", "Ce site utilise des cookies.",
    "Este sitio web utiliza cookies propias.", "Questo sito utilizza cookie tecnici.",
    "Este site utiliza cookies.", "Deze website gebruikt cookies.", "Ta strona używa plików cookie.",
]


@pytest.mark.parametrize("line", PROMPTS)
def test_prompt_gate_lets_every_prompt_through(line):
    assert patterns.PROMPT_LINE.fullmatch(line), line
    assert patterns.could_be_prompt(line)


@pytest.mark.parametrize("line", NOTICES)
def test_notice_gate_lets_every_notice_through(line):
    assert patterns.PROMPT_START.match(line), line
    assert patterns.could_be_notice(line)


@pytest.mark.parametrize("line", ["Apple Watch", "iPhone 11 Pro", "Mac mini", "Kids Classes and Training"])
def test_prompt_gate_stops_ordinary_menu_lines(line):
    assert not patterns.could_be_prompt(line)


def test_role_stem_gate_covers_the_role_pattern():
    for line in ["Dialogue staff writer Patrick Schnecker discusses the summit.",
                 "Comment editor Ruth Otim examines the reception.",
                 "Redakteurin Anna Müller berichtet aus Berlin.", "La journaliste Claire Dubois raconte la nuit."]:
        assert patterns.ROLE_NAME.search(line), line
        assert patterns.may_name_role(line)
    assert not patterns.may_name_role("The council voted on Tuesday.")


def _old_role_name(text):
    """The search as made before search_role_name: may_name_role, then ROLE_NAME."""
    return patterns.may_name_role(text) and patterns.ROLE_NAME.search(text) or None


def test_search_role_name_finds_what_the_gated_search_finds():
    # Its gate (a role stem followed to its word's end, white space, a capital) must hide no match.
    lines = ["Dialogue staff writer Patrick Schnecker discusses the summit.", "Comment editor Ruth Otim examines it.",
             "Redakteurin Anna Müller berichtet aus Berlin.", "La journaliste Claire Dubois raconte la nuit.",
             "(Staff Writer Jane Doe reports)", "News,reporter Bob Lee says", "Our EDITOR\u00a0Ann Lee writes here",
             "a columnist\tMaría López writes", "the critic  Émile Zola wrote", "Dziennikarka Anna Nowak pisze",
             "the writers Jane Doe and Bob say", "our editor said Jane Doe was here", "an editor: Jane Doe says",
             "copywriter Jane Doe says", "the reporter jane doe says", "the wrİter Jane Doe says",
             "the columniſt Jane Doe says", "The council voted on Tuesday.", "Senior editor", "editor",
             "the editorialista Jane Doe scrive", "the Reporter\u2003Jane Doe says", "corresponsal Ana Ruiz dice"]
    for line in lines:
        for variant in (line, line.upper(), line.lower(), line.title()):
            old, new = _old_role_name(variant), patterns.search_role_name(variant)
            assert (old and old.group("name")) == (new and new.group("name")), variant
    # str.isspace admits every character \s matches, and an ASCII \p{Lu} is an upper-case letter
    space, upper = regex.compile(r"\s"), regex.compile(r"\p{Lu}")
    for c in map(chr, range(0x110000)):
        assert not space.match(c) or c.isspace(), hex(ord(c))
        assert not upper.match(c) or c.isupper() or not c.isascii(), hex(ord(c))


def test_date_gate_needs_a_year():
    assert patterns.has_date("Published March 3, 2024")
    assert patterns.has_date("3. März 2024")
    assert not patterns.has_date("Published in March")


DATED = ["2024-04-05", "2024/4/5", "2024.04.05", "on 2019-12-31, late", "05/04/2024", "5.4.2024", "31.12.1999",
         "10/31/2024 at noon", "1/2/2003", "3. März 2024", "May 3, 2024", "Posted 05/04/2024 by Jane",
         "Updated Dec. 23, 2024, 1:24 PM EST / Source: TODAY", "12-2024-01", "2024-4", "05.04.24", "20/20/2020"]


@pytest.mark.parametrize("text", DATED)
def test_the_date_patterns_skipped_for_a_text_find_nothing_in_it(text):
    tried = patterns.date_patterns_for(text)
    assert tried == [p for p in patterns.DATE_PATTERNS if p in tried]  # (in order)
    for p in patterns.DATE_PATTERNS:
        if p not in tried:
            assert not patterns.search(p, text), (p, text)
    assert patterns.has_date(text) == any(patterns.search(p, text) for p in patterns.DATE_PATTERNS)


def test_a_line_with_a_month_name_and_no_separators_skips_the_numeric_date_forms():
    assert patterns.date_patterns_for("Jan 29, 2025") == [patterns.DATE_DMY_NAME, patterns.DATE_MDY_NAME]
    assert patterns.DATE_ISO in patterns.date_patterns_for("2025-01-29")
    assert patterns.DATE_DMY_NUM in patterns.date_patterns_for("29/01/2025")


SYMBOL_LED = ["► Share", "© 2024 Foo Ltd", "“© 2020”", "3 comments", "(c) 2020 Foo Media", "— Read more",
              "» Weiterlesen", "★ Copyright 2020 Example", "#Tags:", "→ Skip to content", "(Share)", "“Menu”",
              "12 COMMENTS", "7 commentſ", "(C) 2021 Bar", "— (c) 2019 Baz", "2024 was a long year.", "3 replies",
              "• © Foo", "10 things to do"]


def test_every_phrase_a_gate_tries_on_lines_led_otherwise_holds_one_of_its_open_keywords():
    for gate in (patterns.could_be_prompt, patterns.could_be_notice):
        for k in gate._by_prefix.get("", ()):
            literal = gate._phrases[k].replace("\\", "").lower()
            assert any(kw in literal for kw in gate.open_keywords), gate._phrases[k]


@pytest.mark.parametrize("line", PROMPTS + NOTICES + SYMBOL_LED + ["Apple Watch", "The council voted on Tuesday."])
def test_the_phrases_a_gate_picks_decide_as_the_whole_pattern_does(line):
    first = patterns.first_word(line)
    for whole, gate, method in ((patterns.PROMPT_LINE, patterns.could_be_prompt, "fullmatch"),
                                (patterns.PROMPT_START, patterns.could_be_notice, "match")):
        picked = gate.patterns_for(first, line)
        expected = getattr(whole, method)(line) is not None
        assert any(getattr(p, method)(line) is not None for p in picked) == expected, (line, method)
        # ... and so does what mark_prompts asks: the patterns phrases_for gives the line
        found = patterns.phrases_for(line)[1 if method == "fullmatch" else 2]
        assert patterns.any_matches(getattr(patterns, method), found, line, 1.0) == expected, (line, method)


@pytest.mark.parametrize("line", ["Share this", "Menu", "Hi, what", "a\x1fb c", "word\u00a0next one", "x\tb", "’tis fine",
                                  "l’article est", "Hello,world here", "E-mail", "Loading... now"])
def test_first_word_is_the_first_white_space_separated_word(line):
    """The fast path (up to the first space) gives what splitting on any white space gives."""
    expected = line.lstrip(patterns._LEAD_STRIP).split(None, 1)[0]
    if not expected.isalpha():
        expected = expected.rstrip(patterns._LEAD_STRIP).replace("’", "'")
    assert patterns.first_word(line) == expected.casefold()


def test_the_names_the_name_patterns_share_are_defined_once_per_pattern():
    """NAME is a call to a subpattern defined at the start: a byline with two names still reads both."""
    for pattern in (patterns.BYLINE_NAMES, patterns.NAME_LINE, patterns.ROLE_NAME):
        assert pattern.pattern.startswith("(?(DEFINE)") and pattern.pattern.count("(?P<_name>") == 1
    m = patterns.BYLINE.match("By Ann Lee and Bo Park Updated May 2")
    assert m and m.group("names") == "Ann Lee and Bo Park"


_BYLINE_LINES = [
    "By Ann Lee and Bo Park Updated May 2", "By Jane Doe", "by  :  Jane Doe", "By: Jane Doe", "By :Jane Doe", "By: : Jane",
    "BY JANE DOE", "by the river the town grew", "Autorin: Eva Schmidt", "Autor in Berlin", "Texte : Marie Curie",
    "Texto: Ana Gómez y Luis Pérez", "Auteure Claire Dubois", "Written by Tom Wood, Ann Lee, and Cy Diaz",
    "Posted by John Smith on Jan 3, 2020", "Published 7 May 2023 by Jane Doe", "ByJane Doe", "Photos by Ann Lee | By Bo Park",
    "Reviewed by Dr. Ann Lee, edited by Bo Park", "Story by Jane Doe Published May 2", "by by by Jane Doe",
    "Nachrichten von heute von Anna Berger und Jonas Frei", "Posted by: jdoe on May 2", "(by Jane Doe)", "A by B by Cy Diaz",
    "Updated by Jane Doe", "door Sanne de Vries en Jan van der Berg", "przez Jana Kowalskiego", "par", "", "by",
]


@pytest.mark.parametrize("line", _BYLINE_LINES)
def test_a_byline_matched_in_two_steps_matches_as_one_pattern(line):
    """BYLINE and BYLINE_INSIDE (a label, then BYLINE_NAMES from where it ends) find the names one pattern finds."""
    names = r"(?P<names>" + patterns.NAME + r"(?:" + patterns._JOIN + patterns.NAME + r")*)"
    lists = {"not_name": patterns._NOT_NAME_LIST}
    for two_steps, method in ((patterns.BYLINE, "match"), (patterns.BYLINE_INSIDE, "search")):
        one = regex.compile(patterns._NAME_DEFINITIONS + two_steps.label.pattern + names, **lists)
        expected, got = getattr(one, method)(line), getattr(two_steps, method)(line)
        assert (got and got.group("names")) == (expected and expected.group("names"))
        assert (got and got.span("names")) == (expected and expected.span("names"))


def test_the_phrases_of_lines_are_remembered_within_a_bound():
    for n in range(patterns._GATE_MEMORY + 10):
        word = f"word{n:x}".translate(str.maketrans("0123456789", "ghijklmnop"))
        assert patterns.phrases_for(word + " and more") is patterns.NO_PHRASES
    assert len(patterns.PHRASES_BY_LEAD) <= patterns._GATE_MEMORY
    assert len(patterns._PHRASES_BY_FIRST) <= patterns._GATE_MEMORY
    # Remembered or not, the answer is the phrase list's.
    for _ in range(2):
        assert patterns.any_matches(patterns.fullmatch, patterns.phrases_for("Share this")[1], "Share this", 1.0)
        assert not patterns.any_matches(patterns.fullmatch, patterns.phrases_for("Share prices fell")[1],
                                        "Share prices fell", 1.0)


@pytest.mark.parametrize("line", PROMPTS + NOTICES + SYMBOL_LED + [
    "Apple Watch", "The council voted on Tuesday.", "Share\u00a0this", "Share, then go", "E-mail this article",
    "’tis the season", "l’article est", "Sharing is caring", "SHARE", "Menu", "Menu\tHome", "Ads by Google"])
def test_phrases_for_a_line_are_the_gates_own_remembered_or_not(line):
    """``mark_prompts`` looks lines up by their start: the answer is what both gates give for the line."""
    first = patterns.first_word(line)
    prompts = patterns.could_be_prompt.patterns_for(first, line)
    notices = patterns.could_be_notice.patterns_for(first, line)
    for _ in range(2):  # found, then remembered
        found = patterns.PHRASES_BY_LEAD.get(line.partition(" ")[0]) or patterns.phrases_for(line)
        assert found[1:] == (prompts, notices)
        assert found is patterns.NO_PHRASES or found[0] == first


def test_a_first_word_either_gate_admits_is_found_so_by_the_joined_words_and_prefixes():
    """``phrases_for`` asks the two gates only of a first word in their joined words or prefixes."""
    gates = (patterns.could_be_prompt, patterns.could_be_notice)
    words = {w for g in gates for w in (*g.words, *g.prefixes)}
    words |= {w[:-1] for w in words} | {w + "s" for w in words} | {w + "x" for w in words}
    words |= {"apple", "the", "council", "sharing", "zebra", "über", "ścieżka", "a", "x"}
    for w in sorted(words):
        if not w:
            continue
        joined = w in patterns._GATE_WORDS or w.startswith(patterns._GATE_PREFIXES)
        assert joined == any(g.admits(w) for g in gates), w
        # (phrases_for asks only the prefixes of the word's first letter)
        assert w.startswith(patterns._GATE_PREFIXES) == w.startswith(patterns._GATE_PREFIXES_BY_LETTER.get(w[0], ()))
        if not joined and w.isalpha():
            assert patterns.phrases_for(w + " and more") is patterns.NO_PHRASES
            assert not any(g.patterns_for(w, w + " and more") for g in gates)


@pytest.mark.parametrize("line", [
    "5 min read", "5 MIN READ", "5 Mİn read", "Reading time: 7 minutes", "Jane Doe | 5 min read",
    "Nov 7, 2025 • 11 min read", "Lesezeit: 4 Minuten", "5 Min. Lesezeit", "3 min de lecture",
    "Tiempo de lectura: 3 minutos", "Tempo di lettura: 2 minuti", "Czas czytania: 5 minut", "4 min leestijd",
    "2–4 minutes", "10 minutes read", "Estimated reading time: 12 min", "1d ago5 min read",
])
def test_reading_time_gate_lets_every_reading_time_through(line):
    assert patterns.READING_TIME.match(line)
    low = line.lower()
    assert any(k in low for k in patterns.READING_TIME_KEYWORDS)


def test_a_reading_time_needs_min_in_some_case():
    # "min" in any case the pattern accepts ("İ" lower-cases to two characters) is in a keyword; the same
    # lines without it, or with a letter the pattern does not take for "i" ("ı"), are no reading time.
    for case in ("min", "MIN", "Min", "mIn", "mİn", "MİN"):
        for line in ("5 {} read", "Reading time: 7 {}utes", "Lesezeit: 4 {}uten", "5 {}. Lesezeit", "2-4 {}utes"):
            text = line.format(case)
            assert patterns.READING_TIME.match(text), text
            assert any(k in text.lower() for k in patterns.READING_TIME_KEYWORDS), text
    for text in ("5 read", "Reading time: 7 utes", "Lesezeit: 4 Stunden", "5 hours read", "Read time", "2-4 hours",
                 "5 mın read", "Reading time: 7 mınutes"):
        assert not patterns.READING_TIME.match(text), text


@pytest.mark.parametrize("line", SYMBOL_LED + [
    "2 Comments", "© 2026 Scripps Health. All rights reserved.", "©2025 STAT", "👉 See more trends", "+ Follow",
    "[ LOADING]", "❓ What is the difference", "1. Share this", "“Share this”", "— Subscribe now", "12 Kommentare",
    "(c) 2024 City Paper", "(C) 2024", "42", "", " ", "→ Read more", "#1 Comment", "...", "2024 © Copyright Example",
    # led by a digit, whatever follows: no first word, none past the symbols
    "1️⃣ Share this", "3comments", "5:50 am", "61% of people", "0 Comments", "9Share this", "7 (c) 2024",
    "2 Kommentare", "4 — Subscribe now", "8 ©", "1 Comment 2 Comments",
])
def test_phrases_for_a_line_led_otherwise_are_what_both_gates_find(line):
    """``phrases_for`` finds the word after the leading symbols once for both gates (``symbol_led``)."""
    first = patterns.first_word(line)
    found = patterns.phrases_for(line)
    expected = (patterns.could_be_prompt.patterns_for(first, line), patterns.could_be_notice.patterns_for(first, line))
    assert found[1:] == expected
    assert found is patterns.NO_PHRASES or found[0] == first


def test_remembered_answers_are_the_patterns_own_and_none_is_kept_past_the_deadline():
    """mark_prompts asks remembered_matches: the same answers as any_matches, first asked or remembered; a long
    line or one asked once the page's time is up (which a time limit may have cut short) is not remembered."""
    import time

    lines = PROMPTS + NOTICES + SYMBOL_LED + ["Share prices fell", "Home", "Menu", "Sign in to comment", "1. Share this"]
    for method, answers in ((patterns.fullmatch, {}), (patterns.match, {})):
        for _ in range(2):  # asked, then remembered
            for line in lines:
                found = patterns.phrases_for(line)[1 if method is patterns.fullmatch else 2]
                assert patterns.remembered_matches(method, found, line, 1.0, answers) == \
                    patterns.any_matches(method, found, line, 1.0), line
        assert set(answers) == {line for line in lines if len(line) <= patterns.UNTIMED_CHARS}
    answers: dict[str, bool] = {}
    with patterns.deadline(time.monotonic() - 1.0):
        patterns.remembered_matches(patterns.fullmatch, patterns.phrases_for("Share this")[1], "Share this", 1.0, answers)
    assert answers == {}
