"""One exception family for the whole library.

The library raises only these; the CLI maps each class to a one-line message on
stderr and a documented exit code (see ``cli.EXIT_CODES`` and the README).
"""

from __future__ import annotations


class CleanArticleError(Exception):
    """Base class of every error cleanarticle raises on purpose."""

    exit_code = 1


class InputError(CleanArticleError):
    """The input cannot be read: missing, a directory, unreadable, or too large."""

    exit_code = 1


class DecodeError(InputError):
    """The bytes are not text in any encoding we can recognise."""


class NotAPageError(InputError):
    """The input is readable but is not a web page or text (binary data, empty)."""


def too_many_blocks(limit: int) -> InputError:
    """The error for a page cut into more than ``Config.max_blocks`` blocks."""
    return InputError(f"the page has over {limit:,} blocks (max_blocks): too large to clean")


class TimeBudgetError(InputError):
    """The page took longer to clean than ``Config.time_budget`` allows (too large or too complex)."""


class NoArticleError(CleanArticleError):
    """The page was read, but no article text was found in it."""

    exit_code = 3


class ConfigError(CleanArticleError):
    """A setting is unknown or out of range (for example an unknown pass name)."""

    exit_code = 2
