"""ladder: career-ladder diagrams and org charts from plain files, drawn with Graphviz."""

__version__ = "0.1.0"
