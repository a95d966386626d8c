"""THROWAWAY stand-in for ``ladder render SOURCE -o OUT`` until the CLI and the HR reader land.

    python -m bench.pipeline export.csv out.svg [--split department]
"""

from __future__ import annotations

import sys

from bench.csv_org import read_csv_org
from ladder.render.org_chart import render_org


def main(argv: list[str]) -> int:
    source, out, *rest = argv
    split = rest[rest.index("--split") + 1] if "--split" in rest else None
    render_org(read_csv_org(source), out, split=split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
