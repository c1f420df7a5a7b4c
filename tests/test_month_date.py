"""The date patterns with month names (``_MonthDate``) find exactly what the patterns with the named list did."""

import random

import regex

from cleanarticle import patterns as P

_OLD = {name: regex.compile(getattr(P, name).pattern, regex.IGNORECASE, months=P._MONTH_NAMES)
        for name in ("DATE_DMY_NAME", "DATE_MDY_NAME", "DATE_MONTH_YEAR")}

TRICKY = [
    "Published 5 March 2020", "am 3. März 2021", "SEPT. 4, 2019", "Sept 4, 2019 and 5 Sep. 2020",
    "Haug 5, 2020", "Xmar 5, 2020", "Junio 5, 2020", "Summer 5, 2020", "the 5 de marzo de 2020 edition",
    "5 de de 2020", "5 de foo 2020, then 6 de dez 2020", "12 janvier 2021", "1er janvier 2021",
    "1º de enero de 2019", "5-Mar-2020", "5-mar-2020-04", "15.Juni 2019", "3 ſept 2019", "ſept 3, 2019",
    "KWIECIEŃ 2020", "12 października 2020", "paź 2020", "1 paź. 2020", "Last updated: June 2022",
    "Issue 12 of 2022", "12 June 2022 and 7 June, 2023", "2021 May 2022", "3 / mai 2020", "Mai, 2021",
    "JUNE2022", "june 20222", "marzo 31 2020 abril 1, 2021", "mayo, 2020 - ago 2020", "Augustus 2019",
    "The 2020 election", "1. 2. März 2020", "5th\tMarch\t2020", "Sept 4 20190", "4th of July 2019",
    "foo 31 31 2020", "Dec 12th, 2019; Nov 3rd 2018", "the 13th Novembre 2020", "01 01 2020 jan 1 2020",
    "Octobre 2020 in Aout 2020 août 2020 AOÛT 2020", "decembre 12, 2020", "x9 march 2020", "9 march\n2020",
    "Marchmay 5, 2020", "ma 5, 2020", "Mayo5, 2020", "ju 2020 jul 2020", "a-july 2020", "4 july-2020",
]

_WORDS = (["5", "12", "31", "3rd", "1st", "de", "of", ",", ".", "-", " ", "  ", "\n", "2020", "1999", "20201",
           "x", "Haug", "Summer", "ſept", "KELVIN", "ß"]
          + [m for m in P.MONTHS] + [m.upper() for m in P.MONTHS][:40] + [m.title() + "." for m in P.MONTHS][:40])


def _lines():
    rng = random.Random(5)
    yield from TRICKY
    for _ in range(3000):
        yield "".join(rng.choice(_WORDS) + rng.choice(["", " ", " ", ", ", "-", ".", " de "]) for _ in range(rng.randint(1, 8)))
    months = list(P.MONTHS) + ["de", "foo", "Haug", "ſept"]
    for _ in range(3000):  # date-shaped: [letters]month[.] day[suffix][,] year, and day[suffix] month year
        parts = [rng.choice(["", "", "x", "Ha", "9", "de "]) + rng.choice(months) + rng.choice(["", ".", ","]),
                 rng.choice(["5", "12", "31", "1st", "3.", "1er", "4º", "47"]) + rng.choice(["", ",", ".", "-"]),
                 rng.choice(["2020", "1999", "20201", "de 2020", "1800"])]
        order = rng.choice([(0, 1, 2), (1, 0, 2), None])  # month-day-year, day-month-year or any
        parts = [parts[i] for i in order] if order else rng.sample(parts, 3)
        line = rng.choice([" ", "  ", "-", " de ", ", "]).join(parts)
        yield line.upper() if rng.random() < 0.2 else line


def _shape(m):
    return m and (m.span(), m.groupdict(), m.span("month"))


def test_month_dates_match_the_named_list_patterns():
    for line in _lines():
        for name, old in _OLD.items():
            new = getattr(P, name)
            assert _shape(new.search(line)) == _shape(old.search(line)), (name, line)
            assert [_shape(m) for m in new.finditer(line)] == [_shape(m) for m in old.finditer(line)], (name, line)
            assert new.sub(" | ", line) == old.sub(" | ", line), (name, line)


def test_is_month_name_agrees_with_the_named_list():
    old = regex.compile(r"\L<months>", regex.IGNORECASE, months=P._MONTH_NAMES)
    words = list(P.MONTHS) + [m.upper() for m in P.MONTHS] + [m.title() for m in P.MONTHS]
    words += ["ſept", "ſeptember", "\u212aWI", "de", "ma", "marc", "İ", "aout", "AOÛT", "mär", "maerz", "sEpT", "junee"]
    for word in words:
        assert P.is_month_name(word) == (old.fullmatch(word) is not None), word
    # no month letter outside ASCII folds to an ASCII letter, so an ASCII word needs only the lower-case lookup
    letters = {c for name in P.MONTHS for c in name if not c.isascii()}
    for c in letters:
        for a in "abcdefghijklmnopqrstuvwxyz":
            assert not regex.fullmatch(regex.escape(c), a, regex.IGNORECASE)


def test_non_word_set_equals_non_word_class():
    """``\\W`` (in the prompt gate's wrapper) matches exactly the characters ``[\\s\\W]`` did, in every code point."""
    for flags in (0, regex.IGNORECASE):
        both = regex.compile(r"[\s\W]", flags)
        nonword = regex.compile(r"\W", flags)
        chars = "".join(map(chr, range(0x110000)))
        assert both.findall(chars) == nonword.findall(chars)
