"""The cycle collector comes back only after a chart's people are freed.

While an org chart is read, laid out and drawn, the collector is held back; the objects made
meanwhile have never been through a collection, so a collection that finds them still alive
walks every one of them (0.9 s at 1,000,000 people). Timing is bench/'s business; this checks
the cause: no collection after ``render`` sees one of the org's people alive.
"""

from __future__ import annotations

import gc
from pathlib import Path

from ladder import api
from ladder.model.org import Person

EXPORT = Path(__file__).resolve().parent / "data" / "hr" / "cycles.csv"


def test_no_collection_after_render_finds_the_people_alive(tmp_path: Path) -> None:
    seen: list[int] = []

    def people_alive() -> int:
        return sum(isinstance(thing, Person) for thing in gc.get_objects())

    def count_people(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(people_alive())

    # other tests of the same run may keep people of their own alive: none of this chart's
    # may be added to them
    before = people_alive()
    assert gc.isenabled()
    gc.callbacks.append(count_people)
    try:
        written = api.render(str(EXPORT), tmp_path / "chart.svg")
        gc.collect(0)  # the next young collection, whenever it comes
    finally:
        gc.callbacks.remove(count_people)
    assert gc.isenabled()  # turned back on
    assert "Ann" in written[0].read_text()
    assert seen and max(seen) <= before
