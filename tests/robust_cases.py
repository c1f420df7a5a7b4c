"""The bad-input corpus, built at test time (no binary blobs in git).

Each case makes its input in a temporary folder and says what must happen: the
exception class the library raises (or None when it returns), the CLI's exit code,
and a fragment of the one-line message.  tests/test_robust_inputs.py runs every case
through the library and the CLI; benchmarks/robustness.py counts them.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleanarticle import errors

PARAS = [
    "The city council voted on Tuesday evening to approve the budget for next year, after a debate that "
    "lasted more than four hours and drew a large crowd of residents to the town hall.",
    "Opposition members criticised the rise in local taxes, which they said was too high for families on "
    "modest incomes, and asked for an independent review of the spending plans before the final vote.",
    "The mayor replied that the repairs to the primary school would cost almost two million and could not "
    "wait another winter, because the roof had already been patched twice in the last three years.",
    "Work on the school is expected to begin in the autumn and to last until the spring, when the pupils "
    "will return to classrooms that have new windows, a new heating system and a lift for the first floor.",
]
ARTICLE_HTML = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Council approves budget - Town News</title>"
    "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Council approves budget</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAS) + "</article><footer>Contact us</footer></body></html>"
)
ARTICLE_TEXT = "Council approves budget\n\n" + "\n\n".join(PARAS) + "\n"

NGINX_404 = ("<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center>"
             "<hr><center>nginx/1.18.0</center></body></html>")
APACHE_404 = ("<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\"><html><head><title>404 Not Found</title></head>"
              "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p><hr>"
              "<address>Apache/2.4.41 (Ubuntu) Server at example.org Port 80</address></body></html>")
LOGIN_WALL = ("<html><head><title>Sign in</title></head><body><header><a href='/'>Home</a></header><main>"
              "<h1>Sign in to continue</h1><p>You need an account to read this page.</p><form>"
              "<label>Email</label><input name=email><label>Password</label><input type=password name=pw>"
              "<button>Sign in</button></form><p><a href='/reset'>Forgot your password?</a></p>"
              "<p>New here? <a href='/join'>Create an account</a></p></main></body></html>")
MENU_ONLY = ("<html><body><nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
             + "</ul></nav></body></html>")


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes(range(16)) * 3 for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
            b"/Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("page.html", ARTICLE_HTML)
    return buf.getvalue()


def _gzip_bomb() -> bytes:
    # 60 MB of spaces packs to about 60 kB: over max_input_bytes once unpacked.
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b" " * 1_000_000
    return b"".join(c.compress(chunk) for _ in range(60)) + c.flush()


@dataclass
class Case:
    name: str
    make: Callable[[Path], Any]          # tmp folder -> source (bytes, str or Path)
    error: type[errors.CleanArticleError] | None   # what clean() raises; None: it returns
    exit_code: int                       # what the CLI exits with
    message: str                         # fragment of the one-line message (or of the output when exit 0)
    overrides: dict[str, Any] = field(default_factory=dict)
    cli: bool = True                     # the CLI cannot pass overrides or non-file sources


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        p = tmp / name
        p.write_bytes(data)
        return p
    return make


def _bytes(data: bytes) -> Callable[[Path], bytes]:
    return lambda tmp: data


CASES: list[Case] = [
    Case("empty file", _file("empty.html", b""), errors.NotAPageError, 1, "input is empty"),
    Case("empty bytes", _bytes(b""), errors.NotAPageError, 1, "input is empty"),
    Case("empty str", lambda tmp: "", errors.NotAPageError, 1, "input is empty", cli=False),
    Case("white space only", _file("blank.txt", b" \n\t\r\n  \n"), errors.NotAPageError, 1, "blank"),
    Case("PNG image saved as .html", _file("image.html", _png()), errors.NotAPageError, 1, "PNG image"),
    Case("PDF document", _file("paper.html", _pdf()), errors.NotAPageError, 1, "PDF document"),
    Case("ZIP archive", _file("site.zip", _zip()), errors.NotAPageError, 1, "ZIP archive"),
    Case("JPEG image", _file("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4),
         errors.NotAPageError, 1, "JPEG image"),
    Case("GIF image", _file("anim.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(64)), errors.NotAPageError, 1,
         "GIF image"),
    Case("ELF executable", _file("prog", b"\x7fELF\x02\x01\x01" + bytes(200)), errors.NotAPageError, 1, "executable"),
    Case("random (undecodable) bytes", _file("noise.bin", random.Random(5).randbytes(20_000)), errors.DecodeError, 1,
         "cannot decode"),
    Case("NUL-filled bytes", _file("zeros.html", b"<html>" + bytes(5000)), errors.NotAPageError, 1, "NUL bytes"),
    Case("control characters", _file("ctrl.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14]) * 500),
         errors.NotAPageError, 1, "binary data"),
    Case("gzip holding a PNG", _file("image.html.gz", gzip.compress(_png())), errors.NotAPageError, 1, "PNG image"),
    Case("truncated gzip", _file("cut.html.gz", gzip.compress(ARTICLE_HTML.encode())[:60]), errors.InputError, 1,
         "cut short"),
    Case("gzip bomb", _file("bomb.html.gz", _gzip_bomb()), errors.InputError, 1, "unpacks to over"),
    # The CLI reads a directory as a batch of the files in it (tests/test_cli_batch.py).
    Case("a directory", lambda tmp: tmp, errors.InputError, 1, "is a directory", cli=False),
    Case("missing file", lambda tmp: tmp / "nope.html", errors.InputError, 1, "no such file"),
    Case("path through a file", lambda tmp: _file("f.html", b"x")(tmp) / "child.html", errors.InputError, 1,
         "Not a directory"),
    Case("too large bytes", _bytes(ARTICLE_HTML.encode() * 10), errors.InputError, 1, "max_input_bytes",
         {"max_input_bytes": 5_000}, cli=False),
    Case("too large file", _file("big.html", b"<p>" + b"word " * 20_000), errors.InputError, 1,
         "max_input_bytes", {"max_input_bytes": 50_000}, cli=False),
    Case("too many blocks (HTML)", _bytes(b"<html><body>" + b"<p>ab</p>" * 2_000 + b"</body></html>"),
         errors.InputError, 1, "max_blocks", {"max_blocks": 1_000}, cli=False),
    Case("too many lines (text)", lambda tmp: "line\n" * 2_000, errors.InputError, 1, "max_blocks",
         {"max_blocks": 1_000}, cli=False),
    Case("not a source type", lambda tmp: 42, errors.InputError, 1, "cannot read a int", cli=False),
    Case("unknown kind", lambda tmp: ARTICLE_HTML, errors.InputError, 1, "kind must be", {"kind": "pdf"}, cli=False),
    Case("time budget spent", lambda tmp: ARTICLE_HTML, errors.TimeBudgetError, 1, "time budget",
         {"time_budget": 0.0}, cli=False),
    Case("nginx 404 page", _file("404.html", NGINX_404.encode()), None, 3, "no article found"),
    Case("Apache 404 page", _file("apache.html", APACHE_404.encode()), None, 3, "no article found"),
    Case("login wall", _file("login.html", LOGIN_WALL.encode()), None, 3, "no article found"),
    Case("menu without article", _file("menu.html", MENU_ONLY.encode()), None, 3, "no article found"),
    Case("5 MB line without spaces", _file("line.txt", b"x" * 5_000_000), None, 3, "no article found"),
    Case("only markup, no text", _file("markup.html", b"<html><body><div><span></span></div></body></html>"),
         errors.NotAPageError, 1, "no visible text"),
    # Hostile but readable: these must come out whole.
    Case("NUL bytes inside an article", _file("nul.html", ARTICLE_HTML.replace("Tuesday", "Tues\x00day").encode()),
         None, 0, "Tuesday evening"),
    Case("100,000 nested divs", _file("deep.html", (
        "<html><body>" + "<div>" * 100_000 + "".join(f"<p>{p}</p>" for p in PARAS[:2]) + "</div>" * 100_000
        + "".join(f"<p>{p}</p>" for p in PARAS[2:]) + "</body></html>").encode()), None, 0, "lift for the first floor"),
    Case("100,000 unclosed divs", _file("deep2.html", (
        "<html><body>" + "<div>" * 100_000 + "".join(f"<p>{p}</p>" for p in PARAS)).encode()), None, 0,
         "lift for the first floor"),
    Case("article as gzip bytes without .gz", _file("page.html", gzip.compress(ARTICLE_HTML.encode())), None, 0,
         "independent review"),
    Case("article in UTF-16 with BOM", _file("u16.html", ARTICLE_HTML.replace("utf-8", "utf-16").encode("utf-16")),
         None, 0, "independent review"),
    Case("article with a cut-off last character", _file("cut.txt", (ARTICLE_TEXT + "café").encode()[:-1]), None, 0,
         "independent review"),
]

if hasattr(os, "geteuid") and os.geteuid() != 0:   # root reads every file whatever its mode
    def _unreadable(tmp: Path) -> Path:
        p = _file("secret.html", ARTICLE_HTML.encode())(tmp)
        p.chmod(0)
        return p
    CASES.append(Case("unreadable file", _unreadable, errors.InputError, 1, "permission denied"))
