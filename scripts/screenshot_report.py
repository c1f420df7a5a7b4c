"""Make docs/report.png: the report of the user's sample, as headless Chromium shows it.

    python scripts/screenshot_report.py [OUT.png]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from browser import screenshot  # noqa: E402

import cleanarticle  # noqa: E402

SAMPLE = HERE.parent / "samples" / "roar-news-reset-to-rancor" / "input.txt"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE.parent / "docs" / "report.png"
    article = cleanarticle.clean(SAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(cleanarticle.report(article, source="samples/roar-news-reset-to-rancor/input.txt"),
                        encoding="utf-8")
        done = screenshot(page, out, 1100, 1500)
    if done.returncode != 0 or not out.is_file():
        print(f"chromium failed: {done.stderr[-500:]}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
