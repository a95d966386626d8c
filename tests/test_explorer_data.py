"""What the org explorer page carries (no browser needed): the people as compact columns of
JSON, names as data that cannot close the script element, no request of any kind, and the same
bytes for the same input."""

from __future__ import annotations

import json
import re

from sample_orgs import acme, random_org
from test_docs_svg import NASTY, nasty_org

import ladder


def page_data(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="lv-data">(.*?)</script>', page, re.S)
    assert found
    return json.loads(found.group(1))


def test_people_travel_as_compact_columns():
    org = random_org(11, 5000)
    page = ladder.draw(org, format="html")
    data = page_data(page)
    assert len(data["id"]) == len(data["parent"]) == len(data["name"]) == 5000
    people = list(org.people.values())
    assert [data["id"][i] for i in range(3)] == [p.id for p in people[:3]]
    boss = data["parent"][data["id"].index("p10")]
    assert data["id"][boss] == org.people["p10"].manager
    assert data["strings"][data["line2"][0]] == people[0].title
    per_person = len(page.encode("utf-8")) / 5000
    assert per_person < 100, per_person  # the budget: about 100 bytes a person


def test_names_are_data_that_cannot_close_the_script():
    page = ladder.draw(nasty_org(), format="html")
    assert NASTY not in page and "<script>alert" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert page_data(page)["name"][0] == NASTY


def test_vacancies_assistants_and_dotted_lines_are_marked():
    org = acme()
    data = page_data(ladder.draw(org, format="html"))
    ids = data["id"]
    assert [ids[i] for i in data["vacant"]] == ["open-spm"]
    assert [ids[i] for i in data["assistant"]] == ["pa"]
    assert [[ids[a], ids[b]] for a, b in data["dotted"]] == [["ana", "lee"]]
    assert data["name"][ids.index("open-spm")] == "Open: Senior Product Manager"


def test_offline_and_deterministic():
    org = random_org(2, 800, wide=True)
    first = ladder.draw(org, format="html")
    assert first == ladder.draw(org, format="html")
    assert not re.search(r"""(src|href)=["']?https?:""", first)
    assert "fetch(" not in first and "XMLHttpRequest" not in first and "import(" not in first
    assert page_data(first)["mode"] == "compact"  # auto is laid out as compact in the page
    assert page_data(ladder.draw(org, format="html", mode="tree"))["mode"] == "tree"


def test_ladder_page_carries_paths_unless_there_are_too_many():
    from ladder.renderers.html_viewer import ladder_data

    routes = ladder_data(ladder.load("product"))["routes"]
    key = "role-junior-product-manager>role-director-of-product"
    assert routes[key]["path"][0] == "role-junior-product-manager" and routes[key]["needed"]
    assert "role-director-of-product>role-junior-product-manager" not in routes  # no way back
    # lateral moves both ways on every level: too many paths to list, the page goes without
    roles, moves = [], []
    for track in ("ic", "mg"):
        for level in range(1, 16):
            roles.append(f"  - {{id: {track}{level}, title: {track} {level}, level: {level}, "
                         f"track: {track}}}")
            if level > 1:
                moves.append(f"  - {{from: {track}{level - 1}, to: {track}{level}}}")
    for level in range(1, 16):
        moves += [f"  - {{from: ic{level}, to: mg{level}, kind: lateral}}",
                  f"  - {{from: mg{level}, to: ic{level}, kind: lateral}}"]
    text = ("id: big\nname: Big\ntracks: [{id: ic, name: IC}, {id: mg, name: M}]\nroles:\n"
            + "\n".join(roles) + "\nmoves:\n" + "\n".join(moves) + "\n")
    assert ladder_data(ladder.load(text=text))["routes"] == {}


def test_cards_show_the_svg_cards_fitted_lines_and_keep_the_whole_ones():
    from ladder.model import Org, Person

    long_title = "Deputy Director, Border Force Operational Assurance Directorate"
    units = [f"Head Office - National Operations and Customer Services Directorate - {r} Delivery"
             for r in ("North East", "South West")]
    people = [Person("ceo", "Ada Okafor", title="Permanent Secretary", department=units[0])]
    people += [Person(f"p{i}", f"Person {i}", title=long_title, manager="ceo",
                      department=units[i % 2]) for i in range(12)]
    people.append(Person("long", "Wolfgang Amadeus Müller-Lüdenscheidt-Oberhausen von Rhein "
                                 "und Westfalen", manager="ceo"))
    org = Org.build("Long texts", people)
    data = page_data(ladder.draw(org, format="html"))
    strings = data["strings"]
    index = data["id"].index("p1")
    # most titles are long: the cards are the static chart's, wider and a line taller, and
    # the title wraps onto that line
    svg = ladder.draw(org, format="svg")
    width = float(svg.split('<rect class="card" width="', 1)[1].split('"')[0])
    assert data["style"]["width"] == width > 240
    assert data["style"]["title_lines"] == 2 and data["style"]["height"] > 72
    first, second = strings[data["shown2"][index]].split("\n")
    assert first and second and "…" not in first
    # a department cut keeps the end that tells the two units apart, in the middle
    ends = {strings[data["shown3"][data["id"].index(f"p{i}")]] for i in (0, 1)}
    assert len(ends) == 2 and all("…" in e and e.endswith("Delivery") for e in ends)
    # the whole lines stay for the tooltip and the search; only cut names travel twice
    assert strings[data["line3"][index]] == units[1]
    assert strings[data["line2"][index]] == long_title
    assert [i for i, _ in data["shownName"]] == [data["id"].index("long")]
    assert data["shownName"][0][1].endswith("…")
    for text in (first, second, *ends, data["shownName"][0][1]):  # the SVG cards' very lines
        assert f">{text}<" in svg.replace("&amp;", "&"), text
