"""Turn a source (path, bytes, str or BeautifulSoup) into decoded text and a kind.

Bytes are decoded from a byte-order mark, then a declared charset
(``<meta charset>``, HTTP-equiv, XML declaration), then UTF-8, then
beautifulsoup4's UnicodeDammit detection.  Binary data is refused early.
"""

from __future__ import annotations

import codecs
import gzip
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from .config import Config
from .errors import DecodeError, InputError, NotAPageError

Source = str | bytes | os.PathLike[str] | Any  # Any: a bs4.BeautifulSoup object

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
    regex.I,
)
# Magic numbers of formats that are never web pages.
_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"), (b"\x7fELF", "an executable"), (b"RIFF", "a RIFF media file"),
    (b"\x1f\x8b", "gzip data"), (b"BZh", "bzip2 data"), (b"\xfd7zXZ", "xz data"), (b"7z\xbc\xaf", "a 7z archive"),
    (b"\x00\x00\x01\x00", "an icon"), (b"OggS", "an Ogg media file"), (b"ID3", "an MP3 file"), (b"wOFF", "a web font"),
)
_HTML_SNIFF = regex.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|span|a|article|section|h[1-6]|br|meta|title|table|ul|li)[\s/>]",
    regex.I,
)
_HTML_TAG = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}[\s/>]")


@dataclass(frozen=True, slots=True)
class Loaded:
    text: str
    kind: str            # "html" or "text"
    name: str | None     # file name when read from a path


def load(source: Source, kind: str, cfg: Config) -> Loaded:
    """Read and decode ``source``; ``kind`` is "auto", "html" or "text"."""
    if kind not in ("auto", "html", "text"):
        raise InputError(f"kind must be 'auto', 'html' or 'text', not {kind!r}")
    name = None
    if _is_soup(source):
        return Loaded(str(source), "html", None)
    if isinstance(source, os.PathLike):
        name = os.fspath(source)
        data: bytes | str = read_path(Path(name), cfg)
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
        text = decode(data)
    else:
        if len(data) > cfg.max_input_bytes:
            raise InputError(f"input is {len(data):,} characters, over the limit of {cfg.max_input_bytes:,} (max_input_bytes)")
        text = data
    text = text.replace("\x00", "")
    if not text.strip():
        raise NotAPageError("input is empty")
    if kind == "auto":
        kind = sniff(text)
    return Loaded(text, kind, name)


def read_path(path: Path, cfg: Config) -> bytes:
    """Read a file's bytes, gunzipping ``*.gz``; every failure is an ``InputError``."""
    try:
        if path.is_dir():
            raise InputError(f"{path} is a directory, not a file")
        size = path.stat().st_size
        if size > cfg.max_input_bytes and path.suffix != ".gz":
            raise InputError(f"{path} is {size:,} bytes, over the limit of {cfg.max_input_bytes:,} (max_input_bytes)")
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read(cfg.max_input_bytes + 1)
            if len(data) > cfg.max_input_bytes:
                raise InputError(f"{path} unpacks to over {cfg.max_input_bytes:,} bytes (max_input_bytes)")
            return data
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        raise InputError(f"{path}: not a valid gzip file ({e})") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a file") from None
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}") from None


def decode(data: bytes) -> str:
    """Decode page bytes: BOM, declared charset, UTF-8, then detection."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    head = data[:4096]
    utf16 = _utf16_without_bom(head)
    if utf16:
        return data.decode(utf16, errors="replace")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise NotAPageError(f"input is {what}, not a web page or text")
    if b"\x00" in head and head.count(b"\x00") > len(head) // 100:
        raise NotAPageError("input is binary data (it contains NUL bytes), not a web page or text")
    m = _DECLARED.search(head)
    if m:
        enc = (m.group(1) or m.group(2)).decode("ascii").lower()
        enc = {"gb2312": "gb18030", "gbk": "gb18030", "x-sjis": "shift_jis", "iso-8859-1": "windows-1252",
               "latin-1": "windows-1252", "us-ascii": "windows-1252", "ascii": "windows-1252",
               "utf-16": "utf-8"}.get(enc, enc)
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from bs4 import UnicodeDammit  # detection only; imported lazily, off the hot path

    dammit = UnicodeDammit(data, ["utf-8", "windows-1252"], is_html=True)
    if dammit.unicode_markup is None:
        raise DecodeError("cannot decode the input: it is not text in any encoding we recognise")
    text = dammit.unicode_markup
    if _control_share(text) > 0.05:
        raise NotAPageError("input is binary data, not a web page or text")
    return text


def _utf16_without_bom(head: bytes) -> str | None:
    even, odd = head[0::2], head[1::2]
    if len(head) >= 64:
        if odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1:
            return "utf-16-le"
        if even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
            return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad / max(1, len(sample))


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
