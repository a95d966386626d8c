"""Writers of the answers to questions: the records of :mod:`ladder.analysis` as text tables,
Markdown, JSON data and CSV.

Analysis answers with typed records and formats nothing; each module here writes one kind:

* :mod:`~ladder.renderers.results.stats`: :class:`~ladder.analysis.teams.OrgStats`
  (``ladder stats``), and the badge and tooltip text of a manager's card;
* :mod:`~ladder.renderers.results.diff`: :class:`~ladder.analysis.diff.OrgDiff`
  (``ladder diff`` as a table, JSON or CSV; the drawn diff is
  :mod:`ladder.renderers.diff_chart`);
* :mod:`~ladder.renderers.results.paths`: promotion paths, gaps and what changes per area at
  each step (``ladder paths``, ``ladder gap``);
* :mod:`~ladder.renderers.results.moves`: next moves and succession (``ladder next``,
  ``ladder succession``);
* :mod:`~ladder.renderers.results.assess`: a self-assessment (``ladder assess``);
* :mod:`~ladder.renderers.results.tables`: aligned text columns the table writers share.

``*_data`` functions give plain JSON-ready data (``--format json`` dumps it); text writers
return the whole text, ending in a newline where the command prints it as it is.
"""
