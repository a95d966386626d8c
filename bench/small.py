"""A 30-person company with dotted-line managers, and the same company without them.

    python -m bench.small write DOTTED.yaml PLAIN.yaml    # write both configs
    python -m bench.small draw CONFIG.yaml RUNS           # CPU seconds of each in-process draw

The pair isolates what dotted lines cost: the people, titles and tree are the same; 8 of the
30 people also have a dotted-line manager in another team. ``draw`` loads the config once and
times ``ladder.draw(org, format="svg")`` RUNS times in one process (what a docs build does for
each page), printing one CPU time per line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

PEOPLE = 30


def company(*, dotted: bool) -> str:
    """The config as YAML text: a CEO, five leads, four or five reports each."""
    lines = ["company: Bench Co", "people:"]
    for number in range(PEOPLE):
        manager = "" if number == 0 else f", manager: p{(number - 1) // 5}"
        extra = ""
        if dotted and number >= 6 and number % 3 == 0:
            lead = (number - 1) // 5  # 1 to 5; the next lead over is never the manager
            extra = f", dotted: [p{lead % 5 + 1}]"
        lines.append(f"  - {{id: p{number}, name: Person {number}, "
                     f"title: Role {number % 4}{manager}{extra}}}")
    return "\n".join(lines) + "\n"


def draw_times(config: Path, runs: int) -> list[float]:
    """CPU seconds of each of ``runs`` draws of one loaded org."""
    import ladder

    org = ladder.load(config)
    times = []
    for _ in range(runs):
        start = time.process_time()
        ladder.draw(org, format="svg")
        times.append(time.process_time() - start)
    return times


if __name__ == "__main__":
    if sys.argv[1] == "write":
        Path(sys.argv[2]).write_text(company(dotted=True), encoding="utf-8")
        Path(sys.argv[3]).write_text(company(dotted=False), encoding="utf-8")
    else:
        print("\n".join(f"{seconds:.6f}" for seconds in draw_times(Path(sys.argv[2]),
                                                                   int(sys.argv[3]))))
