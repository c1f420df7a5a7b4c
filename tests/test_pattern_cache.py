"""The compiled-pattern cache: patterns rebuilt from the file behave as compiled ones, and a bad file is a miss."""

import json
import marshal
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import regex

from cleanarticle import html_metadata, load, metadata, pattern_cache, patterns
from cleanarticle.pattern_cache import PatternCache, cache_path
from cleanarticle.patterns import LazyPattern
from cleanarticle.segment import html

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "roar-news-reset-to-rancor" / "input.txt"

# Every module-level pattern: case-insensitive alternations, named lists, DEFINE groups, possessives.
REAL = [p for module in (patterns, metadata, html_metadata, load, html) for p in vars(module).values()
        if isinstance(p, LazyPattern)]
LINES = ["Connect with us", "Hi, what are you looking for?", "Published 3 March 2021 by Anna", "12 Décembre 2019",
         "AnnaSmithPublished yesterday", "Straße und STRASSE", "Share this article »", "", "mars 2020, 4 juin 2021",
         '<?xml version="1.0"?><html><meta charset="koi8-r"><div style="display: none" class="site-nav">',
         "</BODY></html>", "Reuters staff", "5 min read", "Foto: dpa"]


def answers(compiled: regex.Pattern) -> list:
    lines = [line.encode() for line in LINES] if isinstance(compiled.pattern, bytes) else LINES
    return [(m.span(), m.groups()) if (m := compiled.search(line)) else None for line in lines] + \
           [compiled.findall(line) for line in lines]


def fill(path: str) -> PatternCache:
    cache = PatternCache(path)
    for p in REAL:
        cache.compile(p.pattern, p.flags, p.lists)
    cache.save()
    return cache


def test_rebuilt_patterns_answer_as_compiled_ones(tmp_path):
    path = str(tmp_path / "c" / "patterns.marshal")
    assert fill(path).compiled == len(REAL) and os.path.exists(path)
    warm = PatternCache(path)
    for p in REAL:
        rebuilt = warm.compile(p.pattern, p.flags, p.lists)
        fresh = regex.compile(p.pattern, p.flags, **p.lists)
        assert rebuilt.pattern == fresh.pattern and rebuilt.flags == fresh.flags
        assert answers(rebuilt) == answers(fresh)
    assert warm.compiled == 0 and not warm.dirty


def test_a_named_list_in_another_order_is_the_same_entry(tmp_path):
    path = str(tmp_path / "patterns.marshal")
    cache = PatternCache(path)
    cache.compile(r"\L<w>", regex.I, {"w": ["alpha", "beta"]})
    cache.save()
    warm = PatternCache(path)
    assert warm.compile(r"\L<w>", regex.I, {"w": ["beta", "alpha"]}).fullmatch("BETA")
    assert warm.compiled == 0
    assert warm.compile(r"\L<w>", regex.I, {"w": ["gamma"]}).fullmatch("GAMMA")  # other words: another pattern
    assert warm.compiled == 1


def framed(entries, form=1, check=None) -> bytes:
    payload = marshal.dumps(entries)
    return marshal.dumps((form, zlib.crc32(payload) if check is None else check, payload))


@pytest.mark.parametrize("content", [b"", b"garbage \x00\xff", framed({}, form=99), marshal.dumps([1, 2]),
                                     framed({("x", 0, ()): ("not the pattern", 0)}), framed([1, 2])],
                         ids=["empty", "garbage", "other-format", "not-a-triple", "foreign-entry", "not-a-dict"])
def test_a_damaged_or_foreign_file_is_a_miss_and_is_replaced(tmp_path, content):
    path = tmp_path / "patterns.marshal"
    path.write_bytes(content)
    cache = PatternCache(str(path))
    assert cache.compile("x", 0).fullmatch("x") and cache.compiled == 1
    cache.save()
    assert PatternCache(str(path)).compile("x", 0).fullmatch("x")
    assert marshal.loads(path.read_bytes())[0] == 1


def test_a_changed_byte_is_caught_before_regex_sees_the_code(tmp_path):
    """``regex`` trusts the compiled code (a damaged code can crash it): the checksum keeps it from any."""
    path = tmp_path / "patterns.marshal"
    args = pattern_cache._pickled(regex.compile("ab+"))[1]
    good = framed({("ab+", 0, ()): args})
    assert PatternCache(str(path)).compile("ab+", 0) and not path.exists()
    path.write_bytes(good)
    warm = PatternCache(str(path))
    assert warm.compile("ab+", 0).fullmatch("abbb") and warm.compiled == 0
    broken = (args[0], args[1], b"\x00" * len(args[2]), *args[3:])
    path.write_bytes(marshal.dumps((1, zlib.crc32(marshal.dumps({("ab+", 0, ()): args})),
                                    marshal.dumps({("ab+", 0, ()): broken}))))
    cold = PatternCache(str(path))
    assert cold.compile("ab+", 0).fullmatch("abbb") and cold.compiled == 1


def test_no_file_without_a_path_and_no_error_when_the_folder_cannot_be_made(tmp_path):
    off = PatternCache(None)
    assert off.compile("a+", 0).fullmatch("aa")
    off.save()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = PatternCache(str(blocker / "sub" / "patterns.marshal"))
    cache.compile("a+", 0)
    cache.save()  # no exception, nothing written
    assert blocker.read_text() == "not a folder" and os.listdir(tmp_path) == ["file"]


def test_where_the_file_is(monkeypatch, tmp_path):
    monkeypatch.setenv("CLEANARTICLE_CACHE_DIR", "")
    assert cache_path() is None
    monkeypatch.setenv("CLEANARTICLE_CACHE_DIR", str(tmp_path))
    assert Path(cache_path()).parent == tmp_path
    monkeypatch.delenv("CLEANARTICLE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert Path(cache_path()).parent == tmp_path / "xdg" / "cleanarticle"
    assert regex.__version__ in Path(cache_path()).name
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert Path(cache_path()).parent == tmp_path / "home" / ".cache" / "cleanarticle"


def test_a_second_process_rebuilds_every_pattern_and_cleans_the_same(tmp_path):
    """The user's sample, cold then warm: same JSON; the warm run compiles nothing (so leaves the file alone)."""
    env = {**os.environ, "CLEANARTICLE_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}

    def run() -> bytes:
        p = subprocess.run([sys.executable, "-m", "cleanarticle", str(SAMPLE), "-f", "json"],
                           capture_output=True, timeout=120, env=env)
        assert p.returncode == 0, p.stderr
        return p.stdout

    cold = run()
    (path,) = tmp_path.iterdir()
    stamp = path.stat().st_mtime_ns
    assert run() == cold and path.stat().st_mtime_ns == stamp
    assert json.loads(cold)["title"].startswith("From Reset to Rancor")
