"""HR exports (CSV, TSV, XLSX) to org charts, with every row accounted for.

>>> from pathlib import Path
>>> from ladder.sources.hr import load_export
>>> result = load_export(Path(__file__).parents[3] / "tests" / "data" / "hr" / "cycles.csv")
>>> result.summary()
'6 rows: 6 drawn, 2 problems (1 self-report; 1 cycle broken)'
>>> [p.id for p in result.org.roots()]
['1', '2', '5']

The modules follow the pipeline of one import:

- :mod:`.read`: bytes to a header and numbered records (encodings, delimiters, XLSX sheets);
- :mod:`.columns`: which column is the id, the manager, the name...; ``--map`` overrides;
- :mod:`.presets`: formats with rules of their own (``uk-organogram``);
- :mod:`.snapshots`: files holding several snapshots (a column of a few dates, found by its
  values), and files holding senior and junior rows; :mod:`.dates` reads the dates' spellings;
- :mod:`.problems`: rows to people, and the account of every row (what is drawn for each
  kind of problem is tabled there); a clean export (each row as wide as the header, with an
  id of its own) is taken as columns, with no object per row, and gives the same result;
- :mod:`.load`: :func:`load_export` and :class:`ImportResult` tie them together;
- :mod:`.export_config`: the org written back as a company config (``ladder import``).

No problem stops the import: each is a ``warning`` or ``info`` and the chart is drawn
anyway. A file that cannot be read at all (missing, empty, header only, no id/manager
columns, nothing left to draw) raises :class:`~ladder.errors.SourceError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ladder.lazy import lazy_names

if TYPE_CHECKING:  # the names below, for type checkers
    from ladder.sources.hr.columns import *  # noqa: F403
    from ladder.sources.hr.export_config import *  # noqa: F403
    from ladder.sources.hr.load import *  # noqa: F403
    from ladder.sources.hr.presets import *  # noqa: F403

# Imported on first use: charting an export needs neither the config writer (which loads
# the YAML and company-config machinery) nor the XLSX reader.
_NAMES = {
    "ladder.sources.hr.columns": ("check_mapping", "parse_mapping"),
    "ladder.sources.hr.export_config": ("config_text", "imported_config_text"),
    "ladder.sources.hr.load": ("ImportResult", "load_export", "parse_fix"),
    "ladder.sources.hr.presets": ("PRESETS",),
}
__all__ = [name for names in _NAMES.values() for name in names]
__getattr__ = lazy_names(__name__, _NAMES)
