"""Write examples/scale-up.yaml and examples/enterprise.yaml: invented companies, reproducibly.

    python examples/make_examples.py

Every name is invented from the pools below with a seeded random generator, so running the
script again gives the same bytes. Both YAML files are committed; change this script and run it
rather than editing them by hand. (examples/startup.yaml is small and written by hand.)
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

# First and last names by origin, so a person's name holds together. Some carry letters
# outside ASCII or an apostrophe on purpose: the renderers must escape and draw them.
NAMES = {
    "british-irish": (
        ["Oliver", "Amelia", "Harry", "Isla", "Callum", "Niamh", "Ciarán", "Siobhán", "Rhys",
         "Freya", "Eoin", "Maeve", "Declan", "Orla", "Gareth", "Bethan"],
        ["O'Brien", "O'Neill", "Walsh", "Hughes", "Gallagher", "Pritchard", "MacLeod",
         "Fitzgerald", "Doherty", "Lloyd", "Kavanagh", "Byrne"],
    ),
    "french": (
        ["Chloé", "Théo", "Inès", "Léa", "Mathis", "Anaïs", "Étienne", "Margaux", "Hugo",
         "Élodie"],
        ["Lefèvre", "Moreau", "Girard", "Dubois", "Rousseau", "Fontaine", "Mercier",
         "Boucher"],
    ),
    "german-nordic": (
        ["Jürgen", "Lena", "Søren", "Ingrid", "Björn", "Annika", "Maximilian", "Sofie",
         "Henrik", "Katrin"],
        ["Müller", "Schröder", "Lindqvist", "Åberg", "Nørgaard", "Becker", "Hoffmann",
         "Halvorsen"],
    ),
    "polish-czech": (
        ["Łukasz", "Agnieszka", "Tomasz", "Zofia", "Michał", "Kateřina", "Jiří", "Ewa"],
        ["Wójcik", "Kowalczyk", "Dvořák", "Zieliński", "Nováková", "Szymańska"],
    ),
    "iberian-latin": (
        ["José", "Lucía", "Mateo", "Valentina", "João", "Camila", "Sebastián", "Mariana",
         "Thiago", "Ximena"],
        ["Núñez", "García", "Fernández", "Oliveira", "Gonçalves", "Ramírez", "Souza",
         "Castillo"],
    ),
    "west-african": (
        ["Ngozi", "Chidi", "Amara", "Kwame", "Ama", "Tunde", "Adaeze", "Kofi", "Fatou",
         "Moussa"],
        ["Okafor", "Adeyemi", "Mensah", "Boateng", "N'Diaye", "Diallo", "Eze", "Owusu"],
    ),
    "south-asian": (
        ["Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Meera", "Siddharth",
         "Aisha", "Farhan"],
        ["Raman", "D'Souza", "Iyer", "Chatterjee", "Kapoor", "Nair", "Qureshi", "Reddy"],
    ),
    "japanese": (
        ["Aiko", "Haruto", "Yuna", "Kenji", "Hana", "Ren"],
        ["Tanaka", "Nakamura", "Watanabe", "Saitō", "Kobayashi"],
    ),
    "chinese": (
        ["Wei", "Mei", "Jun", "Xiaoling", "Hao", "Yifan"],
        ["Chen", "Zhang", "Lin", "Wang", "Liu"],
    ),
    "korean": (
        ["Seo-yeon", "Min-jun", "Ji-woo", "Hyun-woo"],
        ["Kim", "Park", "Choi", "Jeong"],
    ),
    "vietnamese": (
        ["Linh", "Minh", "Thảo", "Quân", "Huyền"],
        ["Nguyễn", "Trần", "Phạm", "Đặng"],
    ),
    "turkish-arabic": (
        ["Ayşe", "Emre", "Elif", "Omar", "Layla", "Yusuf", "Zeynep", "Karim", "Nour"],
        ["Yılmaz", "Demir", "Haddad", "Khalil", "Aydın", "Mansour", "Şahin"],
    ),
    "american": (
        ["Madison", "Tyler", "Brianna", "Jordan", "Kayla", "Marcus", "Destiny", "Caleb",
         "Jasmine", "Logan"],
        ["Johnson", "Robinson", "Carter", "Brooks", "Coleman", "Washington", "Hayes"],
    ),
}


# Letters that do not decompose into an ASCII letter and an accent, for ids.
LETTERS = str.maketrans({"Ø": "O", "ø": "o", "ı": "i", "Ł": "L", "ł": "l", "Đ": "D", "đ": "d",
                         "ß": "ss", "Æ": "Ae", "æ": "ae"})


@dataclass
class Entry:
    fields: dict[str, object]
    children: list[Entry] = field(default_factory=list)


class Company:
    """People added top-down; ids from names; output as YAML in reporting order."""

    def __init__(self, seed: int, locations: dict[str, list[str]]) -> None:
        self.rng = random.Random(seed)
        self.locations = locations  # department id -> where its people work
        self.entries: dict[str, Entry] = {}
        self.roots: list[Entry] = []
        self.used_names: set[str] = set()
        self.vacancies = 0

    def name(self) -> str:
        while True:
            first, last = self.rng.choice(list(NAMES.values()))
            name = f"{self.rng.choice(first)} {self.rng.choice(last)}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def new_id(self, text: str) -> str:
        text = text.translate(LETTERS)
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-")
        candidate, number = base, 2
        while candidate in self.entries:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def add(self, manager: str | None, department: str, *, role: str | None = None,
            title: str | None = None, name: str | None = None, vacant: bool = False,
            **more: object) -> str:
        fields: dict[str, object] = {}
        if vacant:
            self.vacancies += 1
            label = (role or title or "position").lower()
            person_id = self.new_id(f"open {label}")
        else:
            if "names" not in more:
                fields["name"] = name or self.name()
            person_id = self.new_id(str(fields.get("name") or more["names"][0]))  # type: ignore[index]
        entry = Entry({"id": person_id, **fields})
        if "names" in more:
            entry.fields["names"] = more.pop("names")
        if role:
            entry.fields["role"] = role
        if title:
            entry.fields["title"] = title
        if manager:
            entry.fields["manager"] = manager
        entry.fields["department"] = department
        if not vacant:
            entry.fields["location"] = self.location(manager, department)
        if vacant:
            entry.fields["vacant"] = True
        entry.fields.update(more)
        self.entries[person_id] = entry
        (self.entries[manager].children if manager else self.roots).append(entry)
        return person_id

    def location(self, manager: str | None, department: str) -> str:
        boss = self.entries[manager].fields.get("location") if manager else None
        if boss and self.rng.random() < 0.6:
            return str(boss)  # most people sit with their manager
        return self.rng.choice(self.locations[department])

    def team(self, manager: str, department: str, size: int,
             titles: list[tuple[str, str | None, int]], *, vacancy_rate: float = 0.0,
             dotted: str | None = None) -> list[str]:
        """``size`` reports, each given a (role, title, weight) from ``titles``."""
        made = []
        for _ in range(size):
            role, title = self.pick(titles)
            extra: dict[str, object] = {"dotted": [dotted]} if dotted else {}
            vacant = self.rng.random() < vacancy_rate
            made.append(self.add(manager, department, role=role, title=title, vacant=vacant,
                                 **({} if vacant else extra)))
        return made

    def pick(self, titles: list[tuple[str, str | None, int]]) -> tuple[str | None, str | None]:
        choice = self.rng.choices(titles, weights=[w for *_, w in titles])[0]
        role, title, _ = choice
        return (role or None), title

    def yaml_people(self) -> list[str]:
        lines: list[str] = []
        department = None
        stack = list(reversed(self.roots))
        while stack:
            entry = stack.pop()
            if entry.fields["department"] != department:
                department = entry.fields["department"]
                lines.append(f"  # {department}")
            lines.append("  - " + flow(entry.fields))
            stack.extend(reversed(entry.children))
        return lines


def flow(fields: dict[str, object]) -> str:
    return "{" + ", ".join(f"{key}: {scalar(value)}" for key, value in fields.items()) + "}"


def scalar(value: object) -> str:
    """A YAML flow scalar: plain where YAML reads it back unchanged, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    text = str(value)
    plain = re.fullmatch(r"[^\W\d_][\w .'()/-]*", text) and not text.endswith(" ")
    if plain and yaml.safe_load(f"[{text}]") == [text]:
        return text
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted strings


def write(path: Path, header: str, top: dict[str, object],
          departments: list[dict[str, str]], company: Company) -> None:
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()]
    lines += [f"{key}: {scalar(value)}" for key, value in top.items()]
    lines += ["", "departments:"] + [f"  - {flow(d)}" for d in departments]
    lines += ["", "people:", *company.yaml_people()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


COMMON_NOTE = """
Generated by examples/make_examples.py (seeded): edit the script, not this file.
Names are invented. `role:` links a person to the product ladder (by role id, title or alias);
`title:` without `role:` is a free-text title for people outside the ladder (engineering, sales,
people...), drawn as written and not matched to the ladder. `dotted:` lists dotted-line
managers; `vacant: true` is an open position.
"""


def scale_up() -> None:
    c = Company(60, {
        "leadership": ["Amsterdam"], "product": ["Amsterdam", "Berlin", "Remote"],
        "design": ["Amsterdam", "Remote"], "engineering": ["Amsterdam", "Berlin", "Remote"],
        "sales": ["Amsterdam", "London", "Paris"], "customer-success": ["Amsterdam", "Lisbon"],
        "people-finance": ["Amsterdam"],
    })
    ceo = c.add(None, "leadership", title="CEO & Co-founder")
    cpo = c.add(ceo, "product", role="chief-product-officer", title="VP of Product")
    directors = [c.add(cpo, "product", role="Director of Product",
                       title=f"Director of Product, {area}")
                 for area in ("Marketplace", "Payments")]
    for director in directors:
        c.add(director, "product", role="senior-product-manager")
        c.team(director, "product", 3, [("product-manager", None, 1)])
    c.add(directors[1], "product", role="product-manager", vacant=True)
    design = c.add(cpo, "design", title="Design Lead")
    for index in range(3):
        c.add(design, "design", title="Product Designer", dotted=[directors[index % 2]])
    cto = c.add(ceo, "engineering", title="CTO & Co-founder")
    for squad in ("Marketplace", "Payments", "Platform"):
        manager = c.add(cto, "engineering", title=f"Engineering Manager, {squad}")
        c.team(manager, "engineering", c.rng.randint(5, 7), [
            ("", "Software Engineer", 5), ("", "Senior Software Engineer", 3),
            ("", "QA Engineer", 1)], vacancy_rate=0.08)
    sales = c.add(ceo, "sales", title="VP Sales")
    for region in ("Benelux", "DACH & France"):
        manager = c.add(sales, "sales", title=f"Sales Manager, {region}")
        c.team(manager, "sales", 5, [("", "Account Executive", 3),
                                     ("", "Sales Development Rep", 1)])
    success = c.add(ceo, "customer-success", title="Customer Success Lead")
    c.team(success, "customer-success", 4, [("", "Customer Success Manager", 1)])
    people = c.add(ceo, "people-finance", title="Head of People & Finance")
    c.add(people, "people-finance", title="Recruiter")
    c.add(people, "people-finance", title="Finance Manager")
    write(HERE / "scale-up.yaml", f"""
A scale-up of about 60 people. The article's middle case: "other companies may need 2 different
product titles": a Chief Product Officer (called VP of Product here, which the article allows)
over Directors of Product, over Senior PMs and PMs: the `scale-up` variant of the ladder.
{COMMON_NOTE}""", {"company": "Kanaal Logistics", "ladder": "product", "variant": "scale-up"}, [
        {"id": "leadership", "name": "Leadership", "colour": "#6f6f6f"},
        {"id": "product", "name": "Product", "colour": "#4c78a8"},
        {"id": "design", "name": "Design", "colour": "#b279a2"},
        {"id": "engineering", "name": "Engineering", "colour": "#54a24b"},
        {"id": "sales", "name": "Sales"},  # no colour: the renderer picks one
        {"id": "customer-success", "name": "Customer Success"},
        {"id": "people-finance", "name": "People & Finance", "colour": "#e45756"},
    ], c)


def enterprise() -> None:
    places = ["London", "New York", "Berlin", "Singapore", "Toronto", "São Paulo",
              "Bangalore", "Kraków", "Nairobi", "Remote"]
    c = Company(400, {d: places for d in (
        "leadership", "product", "design", "engineering", "rnd", "data", "sales",
        "marketing", "customer-success", "people", "finance")})
    ceo = c.add(None, "leadership", title="Chief Executive Officer",
                name="Margarethe Øvergaard", location="London")
    c.add(ceo, "leadership", title="Executive Assistant to the CEO", assistant=True)
    c.add(ceo, "leadership", title="Chief of Staff", name='Alexandra "Sasha" Ivanova')

    # Product: the full ladder, from Chief Product Officer to Junior Product Manager.
    cpo = c.add(ceo, "product", role="chief-product-officer")
    heads, directors = [], []
    for area in ("Payments", "Growth", "Platform"):
        if area == "Payments":  # a job share at the top of a product area
            head = c.add(cpo, "product", role="head-of-product",
                         title="Head of Product, Payments", names=[c.name(), c.name()])
        else:
            head = c.add(cpo, "product", role="Head of Product", title=f"Head of Product, {area}")
        heads.append(head)
        c.add(head, "product", role="principal-product-manager", vacant=area == "Growth")
        for _ in range(2):
            director = c.add(head, "product", role="director-of-product")
            directors.append(director)
            c.team(director, "product", c.rng.randint(3, 5), [
                ("senior-product-manager", None, 2), ("product-manager", None, 3),
                ("junior-product-manager", None, 1)], vacancy_rate=0.1)
    design = c.add(cpo, "design", title="VP Design")
    for index in range(3):
        manager = c.add(design, "design", title="Design Manager")
        c.team(manager, "design", c.rng.randint(4, 6), [
            ("", "Product Designer", 4), ("", "Senior Product Designer", 2),
            ("", "UX Researcher", 1), ("", "Content Designer", 1)],
            dotted=directors[index * 2])

    # Engineering, R&D and data under the CTO.
    cto = c.add(ceo, "engineering", title="Chief Technology Officer")
    c.add(cto, "engineering", title="Distinguished Engineer")
    for area in ("Payments", "Growth", "Platform"):
        vp = c.add(cto, "engineering", title=f"VP Engineering, {area}")
        for _ in range(c.rng.randint(4, 6)):
            manager = c.add(vp, "engineering", title="Engineering Manager")
            c.team(manager, "engineering", c.rng.randint(6, 9), [
                ("", "Software Engineer", 6), ("", "Senior Software Engineer", 4),
                ("", "Staff Engineer", 1), ("", "Site Reliability Engineer", 1),
                ("", "QA Engineer", 1)], vacancy_rate=0.05)
    science = c.add(cto, "rnd", title="Chief Scientist")
    for topic in ("Forecasting", "Fraud & Risk", "Language"):
        lead = c.add(science, "rnd", title=f"Research Lead, {topic}")
        c.team(lead, "rnd", c.rng.randint(3, 6), [
            ("", "Research Scientist", 3), ("", "Research Engineer", 2)])
    data = c.add(cto, "data", title="Head of Data")
    for index, team in enumerate(("Analytics", "Data Science")):
        lead = c.add(data, "data", title=f"{team} Manager")
        c.team(lead, "data", c.rng.randint(4, 6), [("", "Data Analyst", 2),
                                                   ("", "Data Scientist", 2)],
               dotted=heads[index])

    # The commercial side.
    cro = c.add(ceo, "sales", title="Chief Revenue Officer")
    for region in ("EMEA", "Americas", "APAC"):
        vp = c.add(cro, "sales", title=f"VP Sales, {region}")
        for _ in range(3):
            manager = c.add(vp, "sales", title="Sales Manager")
            c.team(manager, "sales", c.rng.randint(5, 8), [
                ("", "Account Executive", 3), ("", "Senior Account Executive", 1)],
                vacancy_rate=0.08)
    development = c.add(cro, "sales", title="Head of Sales Development")
    sdr = c.add(development, "sales", title="SDR Manager")
    c.team(sdr, "sales", 14, [("", "Sales Development Rep", 1)])  # a very wide span
    cmo = c.add(ceo, "marketing", title="Chief Marketing Officer")
    for team in ("Brand", "Product Marketing", "Demand Generation"):
        head = c.add(cmo, "marketing", title=f"Head of {team}")
        c.team(head, "marketing", c.rng.randint(3, 5), [
            ("", "Marketing Manager", 2), ("", f"{team} Specialist", 2)])
    success = c.add(ceo, "customer-success", title="VP Customer Success")
    for _ in range(4):
        manager = c.add(success, "customer-success", title="Customer Success Manager Lead")
        c.team(manager, "customer-success", c.rng.randint(5, 7), [
            ("", "Customer Success Manager", 1)])
    support = c.add(success, "customer-success", title="Head of Support")
    c.add(support, "customer-success", name="Support agents (outsourced)", title="Tier 1 support",
          fte=18.5)

    # People and finance.
    chief_people = c.add(ceo, "people", title="Chief People Officer")
    talent = c.add(chief_people, "people", title="Head of Talent")
    c.team(talent, "people", 4, [("", "Recruiter", 3), ("", "Sourcer", 1)])
    c.add(talent, "people", title="Recruiter", vacant=True)
    partners = c.add(chief_people, "people", title="HR Business Partner Lead")
    for leader in (cto, cro, cpo):
        c.add(partners, "people", title="HR Business Partner", dotted=[leader])
    c.team(chief_people, "people", 2, [("", "People Operations Specialist", 1)])
    cfo = c.add(ceo, "finance", title="Chief Financial Officer")
    controller = c.add(cfo, "finance", title="Financial Controller")
    c.team(controller, "finance", 3, [("", "Accountant", 1)])
    planning = c.add(cfo, "finance", title="FP&A Lead")
    c.team(planning, "finance", 3, [("", "Financial Analyst", 1)])
    legal = c.add(cfo, "finance", title="General Counsel")
    c.team(legal, "finance", 2, [("", "Legal Counsel", 1)])

    write(HERE / "enterprise.yaml", f"""
An enterprise of about 400 people with the full product ladder: Chief Product Officer, Heads of
Product, Directors of Product, Principal, Senior, Junior PMs and PMs: the article's big company,
whose product team needs all four titles (the `enterprise` variant). It also has a job share
(names:), an executive assistant (assistant: true), a group card (fte:), open positions,
dotted lines, and department names with '&' to test escaping.
{COMMON_NOTE}""", {"company": "Northwind Meridian Group", "ladder": "product",
                    "variant": "enterprise"}, [
        {"id": "leadership", "name": "Leadership", "colour": "#6f6f6f"},
        {"id": "product", "name": "Product", "colour": "#4c78a8"},
        {"id": "design", "name": "Design", "colour": "#b279a2"},
        {"id": "engineering", "name": "Engineering", "colour": "#54a24b"},
        {"id": "rnd", "name": "R&D", "colour": "#72b7b2"},
        {"id": "data", "name": "Data & Analytics", "colour": "#9d755d"},
        {"id": "sales", "name": "Sales", "colour": "#f58518"},
        {"id": "marketing", "name": "Marketing", "colour": "#eeca3b"},
        {"id": "customer-success", "name": "Customer Success", "colour": "#ff9da6"},
        {"id": "people", "name": "People", "colour": "#e45756"},
        {"id": "finance", "name": "Finance & Legal", "colour": "#bab0ac"},
    ], c)


if __name__ == "__main__":
    scale_up()
    enterprise()
