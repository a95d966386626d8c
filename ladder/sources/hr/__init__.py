"""HR exports (CSV, TSV, XLSX) to org charts, with every row accounted for.

>>> from ladder.sources.hr import is_export
>>> is_export("export.csv")
True
"""

from ladder.sources.hr.columns import parse_mapping
from ladder.sources.hr.export_config import config_text, write_config
from ladder.sources.hr.load import ImportResult, is_export, load_export, parse_fix, write_report
from ladder.sources.hr.presets import PRESETS

__all__ = [
    "PRESETS", "ImportResult", "config_text", "is_export", "load_export", "parse_fix",
    "parse_mapping", "write_config", "write_report",
]
