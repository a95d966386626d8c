"""Splitting big charts into pages, with an overview that points to each page."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ladder.api import render
from ladder.errors import RenderError
from ladder.model.org import Org, Person
from ladder.renderers.split import parse_split, safe_name
from tests.sample_orgs import acme, random_org

SVG = "{http://www.w3.org/2000/svg}"


def links(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [a.get("href") for a in root.iter(f"{SVG}a")]


def names_in(path: Path) -> set[str]:
    return {"".join(t.itertext()) for t in ET.parse(path).getroot().iter(f"{SVG}text")}


def cards(path: Path) -> list[tuple[str, str, list[str]]]:
    """(rect class, href or "", texts) of every card on an SVG page."""
    found = []
    root = ET.parse(path).getroot()
    parents = {child: parent for parent in root.iter() for child in parent}
    for group in root.iter(f"{SVG}g"):
        rect = group.find(f"{SVG}rect")
        if rect is None or not rect.get("class", "").startswith("card"):
            continue
        parent = parents.get(group)
        href = parent.get("href") if parent is not None and parent.tag == f"{SVG}a" else ""
        found.append((rect.get("class"), href or "",
                      ["".join(t.itertext()) for t in group.iter(f"{SVG}text")]))
    return found


def test_split_by_department_writes_an_overview_and_a_page_each(tmp_path: Path) -> None:
    out = tmp_path / "acme.svg"
    written = render(acme(), out, split="department")
    assert written[0] == out
    assert sorted(p.name for p in written[1:]) == [
        "acme-design.svg", "acme-ops.svg", "acme-product.svg"]
    assert sorted(links(out)) == sorted(p.name for p in written[1:])
    overview = names_in(out)
    assert "Design" in overview and "5 people" in overview  # the job share is two people
    # each page says its number, the number the cards that lead to it name
    for number, page in enumerate(written, 1):
        assert any(t.endswith(f"· page {number} of 4") for t in names_in(page))
    # everybody is on exactly one page as their own card ...
    people = [[texts[0] for kind, _, texts in cards(p) if kind != "card-context"]
              for p in written[1:]]
    for person in acme().people.values():
        shown = person.display_name if not person.vacant else f"Open: {person.title}"
        assert sum(page.count(shown) for page in people) == 1
    # ... and a page whose top reports to someone elsewhere shows that manager above, linked
    design = cards(tmp_path / "acme-design.svg")
    kind, href, texts = design[0]
    assert kind == "card-context" and texts[0] == "Omar Haddad"
    assert href == "acme-product.svg"
    page = written.index(tmp_path / "acme-product.svg") + 1
    assert texts[2] == f"↑ manager on page {page} · acme-product.svg"


def test_split_by_depth_gives_each_subtree_its_page(tmp_path: Path) -> None:
    org = random_org(5, 400)
    out = tmp_path / "big.svg"
    written = render(org, out, split="depth:2")
    level2 = [r.id for r in org.reports("p0") if org.reports(r.id)]
    assert len(written) == 1 + len(level2)
    # pages are named after their manager, not an id
    assert sorted(links(out)) == sorted(f"big-{safe_name(org.people[pid].name)}.svg"
                                        for pid in level2)
    total = sum(len(names_in(p) & {p.name for p in org.people.values()})
                for p in written[1:])
    assert total >= 400 - len(org.reports("p0")) - 1


def test_split_png_pages_are_pngs_of_the_page_size(tmp_path: Path) -> None:
    from PIL import Image

    written = render(acme(), tmp_path / "acme.png", split="department")
    again = render(acme(), tmp_path / "again" / "acme.png", split="department")
    for page, twin in zip(written, again, strict=True):
        assert page.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert page.read_bytes() == twin.read_bytes()  # same input, same bytes
        with Image.open(page) as image:
            image.load()  # the whole stream decodes (chunk CRCs, deflate)
            assert image.mode == "RGB"
    # the same page's SVG has the same size, in pixels
    svgs = render(acme(), tmp_path / "acme.svg", split="department")
    for png, svg in zip(written, svgs, strict=True):
        root = ET.parse(svg).getroot()
        with Image.open(png) as image:
            assert image.size == (round(float(root.get("width"))),
                                  round(float(root.get("height"))))


def test_split_png_pages_draw_the_cards(tmp_path: Path) -> None:
    from PIL import Image

    written = render(acme(), tmp_path / "acme.png", split="department", scale=2)
    with Image.open(tmp_path / "acme-design.png") as image:
        colours = image.getcolors(maxcolors=1 << 16)
        assert colours is not None
        seen = {colour for _, colour in colours}
        assert (255, 255, 255) in seen  # card faces
        assert (0xfa, 0xfb, 0xfc) in seen  # the page
        assert len(seen) > 50  # text is antialiased, not blank cards
        width, _ = image.size
    svg = render(acme(), tmp_path / "acme.svg", split="department")
    root = ET.parse(svg[written.index(tmp_path / "acme-design.png")]).getroot()
    assert width == round(2 * float(root.get("width")))  # --scale 2: twice the pixels


def test_a_department_page_keeps_its_people_together(tmp_path: Path) -> None:
    # a unit whose people report to leads in three other units: one tree under the chain
    # above them, each manager once, not an island per card
    people = [Person("ceo", "Cleo Chief", "Chief Executive", department="office")]
    for unit in ("north", "south", "east"):
        people.append(Person(f"dir-{unit}", f"Dir {unit.title()}", "Director", manager="ceo",
                             department=unit))
        people.append(Person(f"lead-{unit}", f"Lead {unit.title()}", "Lead",
                             manager=f"dir-{unit}", department=unit))
        people += [Person(f"{unit}{i}", f"Staff {unit} {i}", "Officer",
                          manager=f"lead-{unit}", department=unit) for i in range(3)]
        people += [Person(f"audit-{unit}{i}", f"Auditor {unit} {i}", "Auditor",
                          manager=f"lead-{unit}", department="audit") for i in range(2)]
    org = Org.build("Gov", people)
    out = tmp_path / "gov.svg"
    render(org, out, split="department")
    page = tmp_path / "gov-audit.svg"
    context = [texts[0] for kind, _, texts in cards(page) if kind == "card-context"]
    assert sorted(context) == ["Cleo Chief", "Dir East", "Dir North", "Dir South",
                               "Lead East", "Lead North", "Lead South"]
    root = ET.parse(page).getroot()
    # one top card: the chain meets at the chief, drawn once, at the top
    tops = [g for g in root.iter(f"{SVG}g") if g.get("transform", "").startswith("translate")]
    ys = [float(g.get("transform").split(",")[1].rstrip(")")) for g in tops
          if g.get("id", "").startswith("person-")]
    assert sum(1 for y in ys if y == min(ys)) == 1
    # a department whose people all report inside it still shows only its head's manager
    north = [texts[0] for kind, _, texts in cards(tmp_path / "gov-north.svg")
             if kind == "card-context"]
    assert north == ["Cleo Chief"]


def test_safe_names_cannot_escape_or_collide() -> None:
    taken: set[str] = set()
    names = [safe_name(key, taken) for key in ("../etc/passwd", "R&D", "r-d", "", "CON", "é")]
    assert len(set(names)) == len(names)
    assert all("/" not in n and "\\" not in n and not n.startswith(".") for n in names)
    assert names[0] == "etc-passwd"
    assert safe_name("R&D", set()) == safe_name("R&D", set())  # stable


@pytest.mark.parametrize("bad", ["dept", "depth:", "depth:0", "depth:x"])
def test_bad_split_is_a_clear_error(bad: str) -> None:
    with pytest.raises(RenderError, match="--split"):
        parse_split(bad)


def test_split_pages_still_name_dotted_line_managers_on_other_pages(tmp_path: Path) -> None:
    out = tmp_path / "acme.svg"
    render(acme(), out, split="department")
    # Lee (Product) has a dotted line to Ana (Design): no connector across pages, but the note
    assert "Dotted line to Ana Lopez & Ben Ito" in names_in(tmp_path / "acme-product.svg")
    cut = tmp_path / "cut.svg"
    render(acme(), cut, root="open-spm")  # a cut chart without Ana keeps it too
    assert "Dotted line to Ana Lopez & Ben Ito" in names_in(cut)


def test_overview_cards_with_one_name_say_their_unit(tmp_path: Path) -> None:
    # organograms withhold names ("N/D"): the overview's cards that lead on say their unit
    people = [Person("head", "Head", "Director")]
    for unit in ("Legal", "Finance"):
        people.append(Person(unit, "N/D", "Deputy Director", manager="head", department=unit))
        people += [Person(f"{unit}{i}", f"{unit} {i}", "Adviser", manager=unit,
                          department=unit) for i in range(3)]
    out = tmp_path / "nd.svg"
    written = render(Org.build("Dept", people), out, split="depth:2")
    lines = {texts[2] for _, href, texts in cards(out) if href}
    assert lines == {f"→ team: page {written.index(tmp_path / f'nd-{unit.lower()}.svg') + 1}"
                     f" · {unit}" for unit in ("Legal", "Finance")}
