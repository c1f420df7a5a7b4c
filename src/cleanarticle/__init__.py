"""cleanarticle: the article from a saved web page (HTML or a text dump), and nothing else.

    >>> import cleanarticle
    >>> art = cleanarticle.clean(open("page.txt").read())
    >>> art.title, art.authors, art.body, art.teasers

Everything a user needs is importable from here.
"""

from .article import JSON_FIELDS, TEASER_FIELDS, Article, Teaser
from .config import Config
from .document import Block, Document, Label, TraceStep
from .errors import CleanArticleError, ConfigError, DecodeError, InputError, NoArticleError, NotAPageError, TimeBudgetError
from .passes import PASS_NAMES, PASSES, Pass
from .pipeline import clean
from .report import report  # noqa: E402  (the function; the module stays cleanarticle.report)

__version__ = "0.1.0"

__all__ = [
    "JSON_FIELDS", "PASSES", "PASS_NAMES", "TEASER_FIELDS", "Article", "Block", "CleanArticleError", "Config",
    "ConfigError", "DecodeError", "Document", "InputError", "Label", "NoArticleError", "NotAPageError", "Pass",
    "Teaser", "TimeBudgetError", "TraceStep", "__version__", "clean", "report",
]
