"""Regenerate golden outputs on purpose:  python tests/regen_golden.py NAME [NAME ...]  (or --all).

The golden files record what the tool does on each sample; regenerate them only when a
change of behaviour is intended, and review the diff before committing it.  The
hand-written expectations in each sample's spec.json are never regenerated.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from golden import SAMPLES, outputs, sample_dirs  # noqa: E402


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    dirs = sample_dirs() if argv == ["--all"] else [SAMPLES / name for name in argv]
    for d in dirs:
        if not d.is_dir():
            print(f"no sample {d.name}", file=sys.stderr)
            return 2
        for name, text in outputs(d).items():
            (d / name).write_text(text, encoding="utf-8")
        print(f"regenerated {d.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
