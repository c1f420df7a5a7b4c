"""Shared by the golden tests and the regeneration script: where samples live and how outputs are made."""

from __future__ import annotations

from pathlib import Path

import cleanarticle
from cleanarticle.cli import Format, render

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def sample_dirs() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_dir() and any(p.glob("input.*")))


def input_of(sample: Path) -> Path:
    return next(sample.glob("input.*"))


def outputs(sample: Path) -> dict[str, str]:
    """The text and JSON the CLI writes for the sample's input."""
    article = cleanarticle.clean(input_of(sample))
    return {"expected.txt": render(article, Format.text, False), "expected.json": render(article, Format.json, False)}
