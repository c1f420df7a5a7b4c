"""Turn a source (path, bytes, str or BeautifulSoup) into decoded text and a kind.

Bytes are decoded from a byte-order mark, then UTF-16 without a BOM (NULs in
every other byte), then a declared charset (``<meta charset>``, HTTP-equiv, XML
declaration; WHATWG supersets such as GBK for GB2312), then UTF-8, then
beautifulsoup4's UnicodeDammit detection (with charset-normalizer).  Gzip data
(a response body saved without unpacking, or a ``.gz`` file) is unpacked first,
to at most ``max_input_bytes``.  Binary data (images, PDFs, archives, control
characters) is refused with ``NotAPageError``.
"""

from __future__ import annotations

import codecs
import os
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from .config import Config
from .patterns import LazyPattern  # compiled on first use: most patterns here serve HTML or bytes only
from .errors import DecodeError, InputError, NotAPageError

Source = str | bytes | os.PathLike[str] | Any  # Any: a bs4.BeautifulSoup object

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = LazyPattern(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
    regex.I,
)
# Magic numbers of formats that are never web pages.
_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"), (b"\x7fELF", "an executable"), (b"RIFF", "a RIFF media file"),
    (b"\x1f\x8b", "gzip data inside gzip data"), (b"BZh", "bzip2 data"), (b"\xfd7zXZ", "xz data"), (b"7z\xbc\xaf", "a 7z archive"),
    (b"\x00\x00\x01\x00", "an icon"), (b"OggS", "an Ogg media file"), (b"ID3", "an MP3 file"), (b"wOFF", "a web font"),
)
_HTML_SNIFF = LazyPattern(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|span|a|article|section|h[1-6]|br|meta|title|table|ul|li)[\s/>]",
    regex.I,
)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_HTML_TAG = LazyPattern(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}[\s/>]")


@dataclass(frozen=True, slots=True)
class Loaded:
    """Decoded input and what it is."""

    text: str
    kind: str            # "html" or "text"
    name: str | None     # file name when read from a path
    utf8: bytes | None = None  # ``text`` encoded as UTF-8 when it is HTML (the parser reads these bytes)


def load(source: Source, kind: str, cfg: Config) -> Loaded:
    """Read and decode ``source``; ``kind`` is "auto", "html" or "text"."""
    if kind not in ("auto", "html", "text"):
        raise InputError(f"kind must be 'auto', 'html' or 'text', not {kind!r}")
    name = None
    if _is_soup(source):
        data: bytes | str = soup_text(source)
        if kind == "auto":
            kind = "html"
    elif isinstance(source, os.PathLike):
        name = os.fspath(source)
        data = read_path(Path(name), cfg)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, str):
        data = source
    else:
        raise InputError(
            f"cannot read a {type(source).__name__}: pass page content as str or bytes, or a path as pathlib.Path"
        )
    if isinstance(data, bytes):
        if len(data) > cfg.max_input_bytes:
            raise InputError(f"input is {len(data):,} bytes, over the limit of {cfg.max_input_bytes:,} (max_input_bytes)")
        if data.startswith(_GZIP_MAGIC):
            data = gunzip(data, cfg.max_input_bytes)
        text = decode(data)
    else:
        if len(data) > cfg.max_input_bytes:
            raise InputError(f"input is {len(data):,} characters, over the limit of {cfg.max_input_bytes:,} (max_input_bytes)")
        text = data
        if _control_share(text) > _MAX_CONTROL_SHARE:
            raise NotAPageError("input is binary data (control characters), not a web page or text")
    # HTML is parsed from UTF-8 bytes (``segment.html.parse``): encoded here, the bytes show a NUL
    # at a tenth of the cost of finding one in a wide str (memchr; CPython has no fast search
    # for U+0000 in UCS-2).
    utf8 = utf8_of(text) if kind == "html" else None
    if (b"\x00" in utf8) if utf8 is not None else text.find("\x00") >= 0:  # (find: 3x faster than in, on a str)
        text = text.replace("\x00", "")
        if utf8 is not None:
            utf8 = utf8.replace(b"\x00", b"")  # (only U+0000 encodes as a NUL byte)
    if not text or text.isspace():  # (not ``text.strip()``: a copy of the page when it ends in a line end)
        raise NotAPageError("input is empty" if not text else "input is blank (only white space)")
    if kind == "auto":
        kind = sniff(text)
        if kind == "html":  # (the NUL check above read the str: a sniffed page is encoded now)
            utf8 = utf8_of(text)
    return Loaded(text, kind, name, utf8)


def utf8_of(text: str) -> bytes | None:
    """``text`` encoded as UTF-8, or None for a str that is none (a lone surrogate: lxml reads it as a str)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def soup_text(soup: Any) -> str:
    """The markup of a ``bs4.BeautifulSoup`` object (bs4 serialises without recursion since 4.13)."""
    try:
        return str(soup)
    except RecursionError:
        raise NotAPageError("the BeautifulSoup tree is nested too deeply to serialise") from None


def read_path(path: Path, cfg: Config) -> bytes:
    """Read a file's bytes (at most ``max_input_bytes``); every failure is an ``InputError``.

    Gzip data is unpacked by ``load`` whatever the file is called.  Reading stops
    after ``max_input_bytes`` + 1 bytes, so a device or a pipe that never ends
    (``/dev/zero``) gives the size error instead of filling memory.
    """
    try:
        if path.is_dir():
            raise InputError(f"{path} is a directory, not a file")
        size = path.stat().st_size
        if size > cfg.max_input_bytes:
            raise InputError(f"{path} is {size:,} bytes, over the limit of {cfg.max_input_bytes:,} (max_input_bytes)")
        with open(path, "rb") as fh:
            data = fh.read(cfg.max_input_bytes + 1)
        if len(data) > cfg.max_input_bytes:
            raise InputError(f"{path} is over the limit of {cfg.max_input_bytes:,} bytes (max_input_bytes)")
        return data
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a file") from None
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from None


def gunzip(data: bytes, limit: int) -> bytes:
    """Unpack gzip data (a saved response body that was never decompressed), to at most ``limit`` bytes."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as e:
        raise InputError(f"input is gzip data that does not unpack ({e})") from None
    if len(out) > limit:
        raise InputError(f"input is gzip data that unpacks to over {limit:,} bytes (max_input_bytes)")
    if not d.eof:
        raise InputError("input is gzip data that is cut short (a truncated download?)")
    return out


def decode(data: bytes) -> str:
    """Decode page bytes: BOM, UTF-16 without BOM, declared charset, UTF-8, then detection."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _check_text(data[len(bom):].decode(enc, errors="replace"))
    head = data[:4096]
    utf16 = _utf16_without_bom(head)
    if utf16:
        return _check_text(data.decode(utf16, errors="replace"))
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise NotAPageError(f"input is {what}, not a web page or text")
    if b"\x00" in head and head.count(b"\x00") > len(head) // 100:
        raise NotAPageError("input is binary data (it contains NUL bytes), not a web page or text")
    declared = declared_encoding(head)
    if declared:
        text = _decode_mostly(data, declared)
        if text is not None:
            return _check_text(text)
    text = _decode_utf8(data)
    if text is not None:
        return _check_text(text)
    import logging

    from bs4 import UnicodeDammit  # detection only; imported lazily, off the hot path

    # UnicodeDammit tries the declared encodings, then a statistical detector
    # (charset-normalizer), then UTF-8 and windows-1252.
    # bs4 logs a warning about replaced characters (on stderr, without a handler); we judge them below.
    log = logging.getLogger("bs4.dammit")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dammit = UnicodeDammit(data, is_html=True)
    finally:
        log.setLevel(level)
    text = dammit.unicode_markup
    if text is None or text[:4096].count("\ufffd") > len(text[:4096]) * _MAX_CONTROL_SHARE:
        raise DecodeError("cannot decode the input: it is not text in any encoding we recognise")
    return _check_text(text)


# WHATWG treats these labels as their supersets; 'utf-16' declared in a page that has no
# UTF-16 bytes (no BOM, no NULs) was transcoded since, and UTF-7 is never honoured.
_ENCODING_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "chinese": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252", "latin-1": "windows-1252", "latin1": "windows-1252", "l1": "windows-1252",
    "us-ascii": "windows-1252", "ascii": "windows-1252", "iso-8859-9": "windows-1254", "tis-620": "cp874",
    "iso-8859-11": "cp874", "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8", "utf-32": "utf-8",
    "unicode": "utf-8", "x-user-defined": "windows-1252",
}


def declared_encoding(head: bytes) -> str | None:
    """The Python codec of the charset a page declares in its first bytes, or None."""
    m = _DECLARED.search(head)
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii").lower().strip("._:-")
    label = _ENCODING_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name in ("utf-7", "rot-13") else label


def _decode_mostly(data: bytes, enc: str) -> str | None:
    """Decode with ``enc``; a few stray bytes (under 1 in 1000) become U+FFFD, more means the label is wrong."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = data.decode(enc, errors="replace")
    bad = text.count("\ufffd") - _count_fffd(data)
    return text if bad <= len(data) // 1000 else None


def _decode_utf8(data: bytes) -> str | None:
    """UTF-8, forgiving a character cut off at the end and stray bytes in a page that is clearly UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            return data[: e.start].decode("utf-8", errors="replace")
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - _count_fffd(data)
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    return text if multibyte >= 20 * bad else None


def _count_fffd(data: bytes) -> int:
    return data.count("\ufffd".encode())


_MAX_CONTROL_SHARE = 0.05
_CONTROL = LazyPattern(r"[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _check_text(text: str) -> str:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise NotAPageError("input is binary data, not a web page or text")
    return text


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a BOM shows as NULs in every other byte (the markup is ASCII)."""
    if len(head) < 16:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    # The ASCII share (markup, spaces) gives NULs on one side only; binary data has them on both.
    if odd.count(0) >= max(4, len(odd) * 0.1) and even.count(0) <= len(even) * 0.01:
        return "utf-16-le"
    if even.count(0) >= max(4, len(even) * 0.1) and odd.count(0) <= len(odd) * 0.01:
        return "utf-16-be"
    return None


# The characters of ``_CONTROL`` that ``str.split`` takes for white space (the others are not printable).
_CONTROL_SEPARATORS = "\x0b\x1c\x1d\x1e\x1f\x85"


def _control_share(text: str) -> float:
    """Share of control characters (other than white space and NUL) in the first 4096 characters."""
    sample = text[:4096]
    # Most pages have none, and say so in C at a fifth of the pattern's cost (~180 instructions a
    # character): with its line ends and tabs made spaces the sample is printable (no character of
    # ``_CONTROL`` is), three replaces costing less than splitting it into words; or else, without
    # any of its white space (no-break spaces...), it is printable and holds none of the separators.
    if sample.replace("\n", " ").replace("\t", " ").replace("\r", " ").isprintable():
        return 0.0
    if "".join(sample.split()).isprintable() and not any(c in sample for c in _CONTROL_SEPARATORS):
        return 0.0
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def sniff(text: str) -> str:
    """Tell HTML from text by the markup near the start."""
    head = text[:4096].lstrip()
    if head.startswith("<") and _HTML_SNIFF.search(head[:1024]):
        return "html"
    if _HTML_SNIFF.search(head) and len(_HTML_TAG.findall(head)) >= 5:
        return "html"
    return "text"


def _is_soup(source: Any) -> bool:
    cls = type(source)
    return cls.__name__ == "BeautifulSoup" and cls.__module__.startswith("bs4")


# ---------------------------------------------------------------- markup nested too deeply
# libxml2 stops parsing at depth 2048 (with huge_tree; 256 without) and drops the rest of
# the page.  Such a page is flattened first: a linear scan over its tags keeps a stack of
# open elements and drops the start and end tags of those nested deeper than the limit,
# keeping all their text.  The scan approximates HTML tree building (void elements,
# raw-text elements, a <p> or <li> closing its open sibling) closely enough for markup
# that no browser would render either.
_TAG = LazyPattern(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})[^<>]*+(>)?|<!--|<!\[CDATA\[")
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
_RAW = frozenset("script style textarea title xmp iframe noembed noframes noscript plaintext template".split())
_RAW_END = {name: LazyPattern(f"</{name}", regex.I) for name in _RAW}
_SELF_CLOSING_SIBLINGS = frozenset("p li dt dd tr td th option".split())
_FIND_OPEN = 64   # how far down the stack an end tag looks for its start tag


def flatten_deep_markup(text: str, limit: int) -> str:
    """``text`` with every tag nested deeper than ``limit`` removed (its text kept)."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []   # (tag, kept)
    pos = 0
    n = len(text)
    while pos < n:
        m = _TAG.search(text, pos)
        if m is None:
            out.append(text[pos:])
            break
        out.append(text[pos:m.start()])
        tok = m.group(0)
        if tok == "<!--" or tok.startswith("<![CDATA["):
            close = "-->" if tok == "<!--" else "]]>"
            end = text.find(close, m.end())
            end = n if end < 0 else end + len(close)
            out.append(text[m.start():end])
            pos = end
            continue
        pos = m.end()
        if m.group(3) is None:           # "<" without a ">" before the next "<": text, not a tag
            out.append(tok)
            continue
        closing, name = m.group(1) == "/", m.group(2).lower()
        if closing:
            for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _FIND_OPEN), -1):
                if stack[k][0] == name:
                    kept = stack[k][1]
                    del stack[k:]
                    if kept:
                        out.append(tok)
                    break
            continue                     # a stray end tag is dropped
        if name in _VOID or tok.endswith("/>"):
            if len(stack) < limit:
                out.append(tok)
            continue
        if name in _SELF_CLOSING_SIBLINGS and stack and stack[-1][0] == name:
            if stack.pop()[1]:
                out.append(f"</{name}>")
        kept = len(stack) < limit
        stack.append((name, kept))
        if kept:
            out.append(tok)
        if name in _RAW:                 # raw text: copy up to the end tag unparsed
            em = _RAW_END[name].search(text, pos)
            end = em.start() if em else n
            out.append(text[pos:end])
            pos = end
    return "".join(out)
