"""``python -m cleanarticle``: the same as the ``cleanarticle`` command."""

from .cli import main

main()
