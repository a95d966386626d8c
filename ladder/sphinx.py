"""``extensions = ["ladder.sphinx"]`` in a Sphinx ``conf.py``: the ``ladder`` directive.

See :mod:`ladder.docs.sphinx_ext`.
"""

from ladder.docs.sphinx_ext import LadderDirective, setup

__all__ = ["LadderDirective", "setup"]
