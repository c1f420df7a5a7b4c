"""Compiled patterns kept on disk between runs, as Python keeps compiled source in ``__pycache__``.

The ``regex`` module compiles a pattern in Python, about 2 µs a pattern character: a run of
cleanarticle compiles 70-90 patterns, 90-150 ms before and between its first pages, more than the
whole cleaning of twenty text dumps.  Each later process would compile them again.

``regex`` pickles a compiled pattern as the arguments of its C constructor (the pattern's text and
flags, its compiled code, its group tables and named lists) and rebuilds it from them without
parsing: ~25 µs a pattern.  This module keeps those arguments, for every pattern a run compiled,
in one file in the user's cache directory, and rebuilds a pattern from them on its first use:

- the file is ``$CLEANARTICLE_CACHE_DIR`` (an empty value turns the cache off), else
  ``$XDG_CACHE_HOME/cleanarticle``, else ``~/.cache/cleanarticle``; its name carries the
  versions of ``regex`` and Python and of this format, so an upgrade starts a new file;
- it is written with ``marshal`` (strings, numbers, bytes, tuples, sets, dicts; reading it runs
  no code, unlike ``pickle``), when the process exits and only if the run compiled a pattern the
  file lacked: written to a temporary file beside it and renamed, so a reader never sees half a
  file and two processes never mix theirs (each keeps what the other added);
- a missing, unreadable or foreign file is no error, only a cache miss: the pattern is compiled.
  A checksum guards the entries, because ``regex`` trusts the compiled code it is given (a damaged
  code can crash it); an entry is used only for the exact pattern text, flags and named lists it was
  made from.  Like ``__pycache__``, the file is trusted as much as the user's own files: whoever can
  write it can write those.
"""

from __future__ import annotations

import atexit
import copyreg
import marshal
import os
import sys
import zlib
from typing import Any

import regex

ENV = "CLEANARTICLE_CACHE_DIR"
_FORMAT = 1
# When the file holds more entries than this, a save keeps only this run's: patterns edited during
# development leave their old forms behind, and nothing else would ever remove them.
MAX_ENTRIES = 1000

Key = tuple[str, int, tuple[tuple[str, tuple[str, ...]], ...]]


def cache_path() -> str | None:
    """The file this process reads and writes, or None when the cache is off."""
    where = os.environ.get(ENV)
    if where is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        if base.startswith("~"):  # no home directory: no cache, rather than a "~" folder in the working directory
            return None
        where = os.path.join(base, "cleanarticle")
    elif not where:
        return None
    name = f"patterns-regex{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}-v{_FORMAT}.marshal"
    return os.path.join(os.path.abspath(where), name)


def _key(pattern: str, flags: int, lists: dict[str, Any]) -> Key:
    # A named list is a set to ``regex`` (it stores a frozenset), so its order is no part of the pattern;
    # ``int``: marshal writes no ``regex.RegexFlag``.
    return pattern, int(flags), tuple(sorted((name, tuple(sorted(set(words)))) for name, words in lists.items()))


def _read(path: str) -> dict[Key, tuple[Any, ...]]:
    try:
        with open(path, "rb") as f:
            form, check, payload = marshal.load(f)
        if form != _FORMAT or check != zlib.crc32(payload):
            return {}
        entries = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _pickled(compiled: regex.Pattern[str]) -> tuple[Any, tuple[Any, ...]]:
    """How ``regex`` pickles a compiled pattern: (its C constructor, the constructor's arguments)."""
    return copyreg.dispatch_table[regex.Pattern](compiled)


class PatternCache:
    """The compiled patterns of one cache file (``path`` None: a cache that only compiles)."""

    def __init__(self, path: str | None):
        self.path = path
        self._entries: dict[Key, tuple[Any, ...]] | None = None  # the file's, read on the first compile
        self._used: dict[Key, tuple[Any, ...]] = {}  # the entries this run used or made
        self.compiled = 0  # patterns compiled, not rebuilt from the file
        self.dirty = False  # this run made an entry the file lacked
        self._build = _pickled(regex.compile(""))[0]

    def compile(self, pattern: str, flags: int = 0, lists: dict[str, Any] | None = None) -> regex.Pattern[str]:
        """``regex.compile(pattern, flags, **lists)``, rebuilt from the file when it has the pattern."""
        lists = lists or {}
        if self._entries is None:
            self._entries = _read(self.path) if self.path else {}
        key = _key(pattern, flags, lists)
        args = self._entries.get(key)
        if type(args) is tuple and args and args[0] == pattern:
            try:
                compiled = self._build(*args)
            except Exception:  # an entry from a damaged file: compile as if it were missing
                pass
            else:
                self._used[key] = args
                return compiled
        compiled = regex.compile(pattern, flags, **lists)
        self.compiled += 1
        if self.path:
            self._used[key] = _pickled(compiled)[1]
            self.dirty = True
        return compiled

    def save(self) -> None:
        """Write this run's new entries into the file (any failure leaves the file as it was)."""
        if not (self.dirty and self.path):
            return
        self.dirty = False
        entries = _read(self.path)
        entries.update(self._used)
        if len(entries) > MAX_ENTRIES:
            entries = dict(self._used)
        folder = os.path.dirname(self.path)
        tmp = None
        try:
            import tempfile  # only here: importing it costs a few milliseconds

            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".patterns-", suffix=".tmp", dir=folder)
            payload = marshal.dumps(entries)
            with os.fdopen(fd, "wb") as f:
                marshal.dump((_FORMAT, zlib.crc32(payload), payload), f)
            os.replace(tmp, self.path)
            tmp = None
        except (OSError, ValueError):  # a read-only or full disk: the next run compiles again
            pass
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass


_cache: PatternCache | None = None  # this process's, made on the first compile (so it reads the environment then)


def compile_pattern(pattern: str, flags: int = 0, lists: dict[str, Any] | None = None) -> regex.Pattern[str]:
    """Compile through this process's cache, which is saved when the process exits."""
    global _cache
    if _cache is None:
        _cache = PatternCache(cache_path())
        atexit.register(_cache.save)
    return _cache.compile(pattern, flags, lists)
