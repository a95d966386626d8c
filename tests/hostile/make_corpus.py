"""Write the bad-input corpus: small hostile files and, beside them, what each must give.

Run it from the repository (``python tests/hostile/make_corpus.py``) after changing a case;
the files and ``expected.json`` it writes are checked in, and tests/test_hostile_corpus.py reads
them. Each case names its kind (which loader reads it), and its expected outcome:

- ``drawing``: validate passes and every command and format it applies to draws it; ``says``,
  when given, must appear in validate's output (a warning that reports a messy row).
- ``error``: every command stops with one line ``error: FILE[:LINE]: ...`` that holds ``says``.

XLSX files are written with openpyxl, which stamps the time into them: rerunning rewrites them
with other bytes and the same cells.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"

# Strings that try to become markup, links, DOT syntax, terminal commands or layout tricks.
HOSTILE_NAMES = {
    "script": "<script>alert(1)</script>",
    "svg-onload": '"><svg onload=alert(1)>',
    "js-url": "javascript:alert(1)",
    "md-link": "[click](javascript:alert(1))",
    "md-image": "![x](https://example.invalid/x.png)",
    "html-link": "<a href='javascript:alert(1)'>x</a>",
    "dot-escapes": r"\N \G \L \E \T \H \l \r",
    "backslashes": "C:\\new\\table\\\\",
    "entities": "&amp; &lt;b&gt; &#x3C;script&#x3E;",
    "bold-tag": "<b>bold</b> & <i>it</i>",
    "pipes": "a | b || c",
    "markdown": "`code` *em* _u_ # h ~~s~~",
    "mermaid": 'x"] --> y["z #quot; #35; %%{init: {}}%%',
    "dot-break": '"]; evil [label="x',
    "dot-html": "<<TABLE><TR><TD>x</TD></TR></TABLE>>",
    "ansi": "\x1b[31mred\x1b[0m\x07\x9b2J",
    "rtl": "שלום עולם مرحبا",
    "bidi-override": "\u202eevil\u202c name",
    "cjk": "山田 太郎 张伟",
    "emoji": "👩🏽‍💻 Ana 🚀",
    "zero-width": "zero\u200bwidth\u200d\ufeffjoin",
    "combining": "Zoe\u0308 A\u030a",
    "newline": "first\nsecond",
    "tab": "tab\there",
    "template": "{{ 7*7 }} ${HOME} %s %n",
    "sql": "Robert'); DROP TABLE people;--",
    "cdata": "<![CDATA[x]]> <!-- c -->",
    "quotes": "a\"b'c`d",
    "xml-pi": "<?xml-stylesheet href='x'?>",
    "long": "Very Long Name " * 100,  # 1,500 characters
    "over-limit": "Ü" * 17000,  # past Graphviz's 16,384-byte string limit, twice over in UTF-8
    # issue 22: a Mermaid directive alone, and cells a spreadsheet would run as formulas
    "mermaid-init": "%%{init: {'theme':'dark','themeVariables':{'fontSize':'1px'}}}%%",
    "formula": '=HYPERLINK("http://evil.invalid","x")',
    "formula-at": "@SUM(1+1) -1",
}


def case(cases: dict, kind: str, name: str, ext: str, content, outcome: str,
         line: int | None = None, says: str | None = None, refuses: dict | None = None) -> None:
    """One case; ``refuses``: {format: words} for a drawing a format cannot hold (Mermaid
    draws 500 connections at most), which must be one clear error holding those words."""
    path = f"{kind}/{name}.{ext}"
    assert path not in cases, path
    cases[path] = {"kind": kind, "content": content, "outcome": outcome, "line": line,
                   "says": says, "refuses": refuses or {}}


TOO_BIG_FOR_MERMAID = {"mermaid": "Mermaid draws at most"}


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar holding ``value``: characters YAML cannot hold raw are
    written as escapes, the rest (emoji, CJK) as they are."""
    out = []
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code == 0xFEFF:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


LADDER = """id: hostile
name: Hostile
tracks:
  - {{id: ic, name: IC}}
  - {{id: mgmt, name: Management}}
roles:
  - {{id: a, title: {a}, level: 1, track: ic, competencies: [{c}]}}
  - {{id: b, title: B Role, level: 2, track: ic}}
  - {{id: c, title: C Role, level: 3, track: mgmt}}
moves:
  - {{from: a, to: b, years: 2}}
  - {{from: b, to: c}}
"""

COMPANY = """company: {co}
ladder: product
departments:
  - {{id: d1, name: {dep}}}
people:
  - {{id: boss, name: {name}, title: {title}, department: d1}}
  - {{id: lee, name: Lee Park, manager: boss, role: pm}}
  - {{id: sam, name: Sam Roy, manager: boss}}
"""


def ladder_cases(cases: dict) -> None:
    for key, value in HOSTILE_NAMES.items():
        text = LADDER.format(a=yaml_text(value), c=yaml_text(value))
        case(cases, "ladder", f"name-{key}", "yaml", text, "drawing")
    good = LADDER.format(a="A Role", c="x")
    lines = good.splitlines()
    bad = {
        "empty": ("", "error", None, "empty"),
        "only-comment": ("# nothing\n", "error", None, "empty"),
        "a-list": ("- a\n- b\n", "error", 1, "mapping"),
        "a-scalar": ("hello\n", "error", None, "must be a mapping"),
        "tab-indent": ("id: x\nroles:\n\t- {id: a}\n", "error", 3, "tab"),
        "unclosed-brace": ("id: x\nroles:\n  - {id: a, title: A\n", "error", None, "YAML"),
        "unclosed-quote": ('id: "x\nroles: []\n', "error", None, "YAML"),
        "duplicate-key": (good.replace("name: Hostile", "name: Hostile\nname: Again"),
                          "error", 3, "twice"),
        "no-roles": ("id: x\nname: X\n", "error", None, "roles"),
        "roles-not-list": ("id: x\nroles: 3\n", "error", 2, "list"),
        "role-not-mapping": ("id: x\nroles:\n  - just text\n", "error", 3, None),
        # a key the format does not have is an error, as in a company config (one checker)
        "unknown-key-typo": (good.replace("  - {from: b, to: c}", "  - {from: b, to: c, yeras: 2}"),
                             "error", 12, "did you mean 'years'"),
        "unknown-top-key": (good + "movse: []\n", "error", 13, "did you mean 'moves'"),
        "level-text": (good.replace("level: 2,", "level: two,"), "error", 8, "level"),
        "level-huge": (good.replace("level: 2,", "level: " + "9" * 5000 + ","), "error", 8,
                       "number"),
        "level-negative": (good.replace("level: 2,", "level: -2,"), "error", 11,
                           "goes down the ladder"),
        "level-float": (good.replace("level: 2,", "level: 2.5,"), "error", 8, "level"),
        "years-nan": (good.replace("years: 2", "years: .nan"), "error", 11, "number"),
        "years-inf": (good.replace("years: 2", "years: .inf"), "error", 11, "number"),
        "years-negative": (good.replace("years: 2", "years: -2"), "error", 11, "years"),
        "years-text": (good.replace("years: 2", "years: soon"), "error", 11, "years"),
        "unknown-track": (good.replace("track: mgmt", "track: mgnt"), "error", 9,
                          "did you mean 'mgmt'"),
        "unknown-move-role": (good.replace("{from: b, to: c}", "{from: b, to: cc}"), "error", 12,
                              "'cc'"),
        "self-move": (good.replace("{from: b, to: c}", "{from: b, to: b}"), "error", 12, None),
        "move-cycle": (good + "  - {from: c, to: a}\n", "error", None, "cycle"),
        "duplicate-role": (good.replace("id: c,", "id: b,"), "error", 9, "twice"),
        "id-not-text": (good.replace("id: c,", "id: [c],"), "error", 9, None),
        "title-mapping": (good.replace("title: C Role", "title: {x: 1}"), "error", 9, None),
        "python-tag": ("!!python/object/apply:os.system [echo hi]\n", "error", 1, "tag"),
        "custom-tag": (good.replace("title: B Role", "title: !secret B"), "error", 8, "tag"),
        "recursive-alias": ("id: &x\n  a: *x\nroles: []\n", "error", None, "refers to"),
        "alias-bomb": ("\n".join(
            [f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
            + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
            + ["roles: *l8"]) + "\n", "error", None, "too many times"),
        "deep-flow": ("id: x\nroles: " + "[" * 3000 + "]" * 3000 + "\n", "error", None,
                      "nested more than"),
        "deep-block": ("".join("  " * i + "k:\n" for i in range(200)), "error", None,
                       "nested more than"),
        "nul-byte": ("id: x\x00\n", "error", None, None),
        "bom": ("\ufeff" + good, "drawing", None, None),
        "crlf": (good.replace("\n", "\r\n"), "drawing", None, None),
        "mixed-endings": ("\r\n".join(lines[:6]) + "\n" + "\n".join(lines[6:]) + "\n",
                          "drawing", None, None),
        "merge-key": (good.replace("  - {id: ic, name: IC}", "  - &t {id: ic, name: IC}")
                      .replace("  - {id: mgmt, name: Management}",
                               "  - {<<: *t, id: mgmt, name: Management}"), "drawing", None,
                      None),
        "merge-of-list": ("base: &b [1]\nid: {<<: *b}\n", "error", 2, "merges mappings"),
        "anchors": (good.replace("competencies: [x]", "competencies: &c [x, y]")
                    .replace("track: ic}\n  - {id: c", "track: ic, competencies: *c}\n  - {id: c"),
                    "drawing", None, None),
        "latin1-bytes": (good.replace("A Role", "Caf\udce9").encode("utf-8", "surrogateescape"),
                         "error", None, None),
        "utf16": ("\ufeff" + good).encode("utf-16-le"),
    }
    bad["utf16"] = (bad["utf16"], "error", None, None)
    for name, (content, outcome, line, says) in bad.items():
        case(cases, "ladder", name, "yaml", content, outcome, line, says)
    # every colour a track or an area can be given that is not a colour
    for n, colour in enumerate(HOSTILE_COLOURS):
        track = good.replace("{id: mgmt, name: Management}",
                             f"{{id: mgmt, name: Management, colour: {yaml_text(colour)}}}")
        if colour == "":  # an empty colour is no colour: the palette's
            case(cases, "ladder", f"track-colour-{n}", "yaml", track, "drawing")
        else:
            case(cases, "ladder", f"track-colour-{n}", "yaml", track, "error", 5, "not a colour")
    # a dense lattice: every role of a level moves to every role of the next
    width, depth = 4, 14
    rows = ["id: lattice", "name: Lattice", "roles:"]
    for level in range(depth):
        rows += [f"  - {{id: r{level}-{i}, title: R{level} {i}, level: {level + 1}}}"
                 for i in range(width)]
    rows.append("moves:")
    for level in range(depth - 1):
        rows += [f"  - {{from: r{level}-{i}, to: r{level + 1}-{j}, years: 1}}"
                 for i in range(width) for j in range(width)]
    case(cases, "ladder", "dense-lattice", "yaml", "\n".join(rows) + "\n", "drawing")
    # issue 22: the same lattice hangs beside a one-move route (its paths never reach the goal,
    # so the path limit never came); the corpus asks paths from the first role to the last
    rows = ["id: dead-ends", "name: Dead ends", "roles:", "  - {id: start, title: Start, level: 1}"]
    for level in range(depth):
        rows += [f"  - {{id: r{level}-{i}, title: R{level} {i}, level: {level + 2}}}"
                 for i in range(width)]
    rows += ["  - {id: goal, title: Goal, level: 2}", "moves:",
             "  - {from: start, to: goal, years: 1}"]
    rows += [f"  - {{from: start, to: r0-{i}, years: 1}}" for i in range(width)]
    for level in range(depth - 1):
        rows += [f"  - {{from: r{level}-{i}, to: r{level + 1}-{j}, years: 1}}"
                 for i in range(width) for j in range(width)]
    case(cases, "ladder", "paths-dead-ends", "yaml", "\n".join(rows) + "\n", "drawing")
    # TOML and JSON
    toml_good = ('id = "t"\nname = "T"\n[[roles]]\nid = "a"\ntitle = "A"\nlevel = 1\n'
                 '[[roles]]\nid = "b"\ntitle = "B"\nlevel = 2\n[[moves]]\nfrom = "a"\nto = "b"\n')
    tomls = {
        "good": (toml_good, "drawing", None, None),
        "bad-syntax": ('id = "t\n', "error", 1, "TOML"),
        "duplicate-key": ('id = "t"\nid = "u"\n', "error", 2, "TOML"),
        "deep": ("a = " + "[" * 3000 + "]" * 3000 + "\n", "error", None, "nested more than"),
        "huge-int": (toml_good.replace("level = 2", "level = " + "9" * 5000), "error", None,
                     None),
        "nan": (toml_good.replace("level = 2", "level = nan"), "error", None, "number"),
        "date-title": (toml_good.replace('title = "B"', "title = 2024-01-01"), "drawing", None,
                       None),
        "empty": ("", "error", None, "empty"),
        "names": (toml_good.replace('title = "A"', "title = " + json.dumps(
            HOSTILE_NAMES["script"] + HOSTILE_NAMES["dot-escapes"])), "drawing", None, None),
        "bom": ("\ufeff" + toml_good, "drawing", None, None),
    }
    for name, (content, outcome, line, says) in tomls.items():
        case(cases, "ladder", f"toml-{name}", "toml", content, outcome, line, says)
    json_good = json.dumps({"id": "j", "name": "J", "roles": [
        {"id": "a", "title": "A", "level": 1}, {"id": "b", "title": "B", "level": 2}],
        "moves": [{"from": "a", "to": "b"}]}, indent=1)
    jsons = {
        "good": (json_good, "drawing", None, None),
        "trailing-comma": (json_good.replace('"b"\n  }', '"b",\n  }'), "error", None, "JSON"),
        "truncated": (json_good[:40], "error", None, "JSON"),
        "deep": ("[" * 5000 + "]" * 5000, "error", None, "nested more than"),
        "nan": (json_good.replace('"level": 2', '"level": NaN'), "error", None, None),
        "huge-int": (json_good.replace('"level": 2', '"level": ' + "9" * 5000), "error", None,
                     None),
        "top-list": ("[1, 2]", "error", None, None),
        "duplicate-key": (json_good.replace('"id": "j",', '"id": "j", "id": "k",'), "error",
                          None, "twice"),
        "null-roles": ('{"id": "j", "roles": null}', "error", None, None),
        "names": (json.dumps({"id": "j", "name": HOSTILE_NAMES["svg-onload"], "roles": [
            {"id": "a", "title": HOSTILE_NAMES["mermaid"], "level": 1},
            {"id": "b", "title": HOSTILE_NAMES["ansi"], "level": 2}],
            "moves": [{"from": "a", "to": "b"}]}), "drawing", None, None),
    }
    for name, (content, outcome, line, says) in jsons.items():
        case(cases, "ladder", f"json-{name}", "json", content, outcome, line, says)


HOSTILE_COLOURS = [
    "javascript:alert(1)", 'red" fontcolor="blue', "red;stroke:url(#x)",
    "url(https://example.invalid/x)", "#12345g", "#1234567", "red blue", "expression(alert(1))",
    "<red>", "",
]


TOO_MUCH_MERMAID_TEXT = {"mermaid": "characters of Mermaid; Mermaid draws at most 50,000"}


def company_cases(cases: dict) -> None:
    # issue 22: under Mermaid's 500 connections but over its 50,000 characters of text
    people = [f"  - {{id: p{n}, name: Person Number {n} Lastname, title: 'Senior Staff Software "
              f"Engineer, Platform Infrastructure'{f', manager: p{(n - 1) // 5}' if n else ''}}}"
              for n in range(490)]
    case(cases, "company", "mermaid-text-490", "yaml",
         "company: Big\npeople:\n" + "\n".join(people) + "\n", "drawing",
         refuses=TOO_MUCH_MERMAID_TEXT)
    for key, value in HOSTILE_NAMES.items():
        text = COMPANY.format(co=yaml_text(value), dep=yaml_text(value), name=yaml_text(value),
                              title=yaml_text(value))
        case(cases, "company", f"name-{key}", "yaml", text, "drawing")
    good = COMPANY.format(co="Acme", dep="Product", name="Ann Boss", title="CEO")
    bad = {
        "empty-ids": (good + "  - {id: '', name: Empty One, manager: boss}\n"
                      "  - {id: '  ', name: Empty Two, manager: boss}\n", "error", 9, "id"),
        "missing-id": (good + "  - {name: No Id, manager: boss}\n", "error", 9, "id"),
        "id-number": (good + "  - {id: 7, name: Seven, manager: boss}\n", "error", 9, None),
        "unknown-key": (good + "  - {id: kim, name: Kim, manger: boss}\n", "drawing", None,
                        "did you mean 'manager'"),
        "unknown-manager": (good + "  - {id: kim, name: Kim, manager: bos}\n", "error", 9,
                            "did you mean 'boss'"),
        "self-report": (good + "  - {id: kim, name: Kim, manager: kim}\n", "error", 9, None),
        "duplicate-id": (good + "  - {id: lee, name: Lee Again, manager: boss}\n", "error", 9,
                         "lee"),
        "people-not-list": ("company: A\npeople: {a: 1}\n", "error", 2, "list"),
        "person-scalar": ("company: A\npeople:\n  - ann\n", "error", 3, None),
        "vacant-text": (good + "  - {id: kim, name: Kim, manager: boss, vacant: 'no'}\n",
                        "error", 9, None),
        "fte-negative": (good + "  - {id: kim, name: Kim, manager: boss, fte: -3}\n", "error",
                         9, None),
        "fte-nan": (good + "  - {id: kim, name: Kim, manager: boss, fte: .nan}\n", "error",
                    9, None),
        "dotted-mapping": (good + "  - {id: kim, name: Kim, manager: boss, dotted: {a: 1}}\n",
                           "error", 9, None),
        "unknown-department": (good + "  - {id: kim, name: Kim, manager: boss, department: d2}\n",
                               "error", 9, "d2"),
        "empty": ("", "error", None, "empty"),
        "no-people": ("company: A\n", "error", None, None),
        "duplicate-key": (good.replace("company: Acme", "company: Acme\ncompany: Beta"), "error",
                          2, "twice"),
        "two-roots": (good + "  - {id: kim, name: Kim}\n", "drawing", None, None),
    }
    for name, (content, outcome, line, says) in bad.items():
        case(cases, "company", name, "yaml", content, outcome, line, says)
    for n, colour in enumerate(HOSTILE_COLOURS):
        text = good.replace("{id: d1, name: Product}",
                            f"{{id: d1, name: Product, colour: {yaml_text(colour)}}}")
        if colour == "":  # an empty colour is no colour: the default
            case(cases, "company", f"department-colour-{n}", "yaml", text, "drawing")
        else:
            case(cases, "company", f"department-colour-{n}", "yaml", text, "error", 4,
                 "not a colour")
    # cycles of every length, the longest far past what fits in one line
    for length in (2, 3, 7, 50, 1000):
        rows = ["company: Loop", "people:", "  - {id: top, name: Top}"]
        rows += [f"  - {{id: p{i}, name: P {i}, manager: p{(i + 1) % length}}}"
                 for i in range(length)]
        case(cases, "company", f"cycle-{length}", "yaml", "\n".join(rows) + "\n", "error", 4,
             "reporting cycle")
    rows = ["company: Wide", "people:", "  - {id: boss, name: Boss}"]
    rows += [f"  - {{id: r{i}, name: Report {i}, manager: boss}}" for i in range(5000)]
    case(cases, "company", "wide-5000", "yaml", "\n".join(rows) + "\n", "drawing",
         refuses=TOO_BIG_FOR_MERMAID)
    names = ", ".join(f"Person Number {i}" for i in range(3000))  # 53,000 characters
    case(cases, "company", "job-share-3000", "yaml", "company: Share\npeople:\n"
         "  - {id: boss, name: Boss}\n"
         f"  - {{id: duo, names: [{names}], title: Shared, manager: boss}}\n", "drawing")
    rows = ["company: Deep", "people:", "  - {id: p0, name: P 0}"]
    rows += [f"  - {{id: p{i}, name: P {i}, manager: p{i - 1}}}" for i in range(1, 3000)]
    case(cases, "company", "deep-3000", "yaml", "\n".join(rows) + "\n", "drawing",
         refuses=TOO_BIG_FOR_MERMAID)
    toml = ('company = "T"\n[[people]]\nid = "a"\nname = "A"\n'
            '[[people]]\nid = "b"\nname = "B"\nmanager = "a"\n')
    case(cases, "company", "toml-good", "toml", toml, "drawing")
    case(cases, "company", "toml-empty-id", "toml", toml + '[[people]]\nid = ""\nname = "C"\n'
         'manager = "a"\n', "error", 10, "id")
    case(cases, "company", "json-good", "json", json.dumps({"company": "J", "people": [
        {"id": "a", "name": "A"}, {"id": "b", "name": "B", "manager": "a"}]}), "drawing")
    case(cases, "company", "json-deep", "json",
         '{"company": "J", "people": ' + "[" * 3000 + "]" * 3000 + "}", "error", None,
         "nested more than")


CSV_HEAD = "id,name,manager,title,department\n"
CSV_ROWS = "1,Ann Boss,,CEO,Exec\n2,Bo Lee,1,CTO,Tech\n3,Cy Day,2,Engineer,Tech\n"


def csv_field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def hr_cases(cases: dict) -> None:
    for key, value in HOSTILE_NAMES.items():
        name = csv_field(value)
        text = CSV_HEAD + CSV_ROWS + f"4,{name},1,{name},{name}\n"
        case(cases, "hr", f"name-{key}", "csv", text, "drawing")
    good = CSV_HEAD + CSV_ROWS
    texts = {
        "empty": ("", "error", None, "empty"),
        "blank-lines": ("\n\n  \n", "error", None, "empty"),
        "lone-header": (CSV_HEAD, "error", 1, "no data rows"),
        "one-column": ("name\nAnn\nBo\n", "error", None, None),
        "bom": ("\ufeff" + good, "drawing", None, None),
        "crlf": (good.replace("\n", "\r\n"), "drawing", None, None),
        "cr-only": (good.replace("\n", "\r"), "drawing", None, None),
        "mixed-endings": (CSV_HEAD + "1,Ann Boss,,CEO,Exec\r\n2,Bo Lee,1,CTO,Tech\r3,Cy Day,2,"
                          "Engineer,Tech\n", "drawing", None, None),
        "quoted-newline": (CSV_HEAD + '1,"Ann\nBoss",,CEO,Exec\n2,Bo Lee,1,"Chief\r\nTech",Tech\n'
                           "3,Cy Day,2,Engineer,Tech\n", "drawing", None, None),
        "unclosed-quote": (CSV_HEAD + '1,"Ann Boss,,CEO,Exec\n2,Bo,1,CTO,Tech\n', "drawing",
                           None, None),
        "header-repeated": (good + CSV_HEAD + "4,Di Fox,2,Engineer,Tech\n", "drawing", None,
                            "header row"),
        "header-repeated-twice": (good + CSV_HEAD + CSV_HEAD + "4,Di Fox,2,Engineer,Tech\n",
                                  "drawing", None, "header row"),
        "ragged": (CSV_HEAD + "1,Ann Boss\n2,Bo Lee,1,CTO,Tech,extra,extra\n3,Cy,2\n",
                   "drawing", None, None),
        "semicolons": (good.replace(",", ";"), "drawing", None, None),
        "pipes": (good.replace(",", "|"), "drawing", None, None),
        "duplicate-ids": (good + "2,Bo Again,1,CTO,Tech\n", "drawing", None, "2"),
        "duplicate-rows": (good + "3,Cy Day,2,Engineer,Tech\n", "drawing", None, None),
        "empty-ids": (good + ",Nobody,1,Ghost,Tech\n  ,Blank,1,Ghost,Tech\n", "drawing", None,
                      None),
        "unknown-manager": (good + "4,Di Fox,99,Engineer,Tech\n", "drawing", None, "99"),
        "self-report": (good + "4,Di Fox,4,Engineer,Tech\n", "drawing", None, "itself"),
        "null-managers": (CSV_HEAD + "1,Ann,NULL,CEO,Exec\n2,Bo,N/A,CTO,Tech\n3,Cy,1,E,Tech\n",
                          "drawing", None, None),
        "all-cycle": ("id,name,manager\n1,A,2\n2,B,1\n", "drawing", None, "cycle"),
        "no-id-column": ("who,boss\nAnn,\nBo,Ann\n", "error", 1, "--map"),
        "nul-byte": (good + "4,Di\x00,1,x,y\n", "error", 5, "NUL"),
        "huge-field": (CSV_HEAD + "1," + "A" * 200_000 + ",,CEO,Exec\n", "drawing", None, None),
        "formula": (CSV_HEAD + "1,=HYPERLINK(\"http://x\"),,@SUM(1),+cmd|' /C calc'!A0\n",
                    "drawing", None, None),
        "title-lines": ("Acme staff list\nExported 2024\n" + good, "drawing", None, None),
        "only-commas": (",,,\n,,,\n", "error", None, "empty"),
        "whitespace-ids": (CSV_HEAD + " 1 ,Ann,,CEO,Exec\n2,Bo, 1,CTO,Tech\n", "drawing", None,
                           None),
    }
    for name, (content, outcome, line, says) in texts.items():
        case(cases, "hr", name, "csv", content, outcome, line, says)
    # encodings
    case(cases, "hr", "cp1252", "csv", (CSV_HEAD + "1,Zoë Ångström,,CEO,Café\n2,Bo,1,x,y\n")
         .encode("cp1252"), "drawing")
    case(cases, "hr", "utf16-le", "csv", ("\ufeff" + good).encode("utf-16-le"), "drawing")
    case(cases, "hr", "utf16-be", "csv", ("\ufeff" + good).encode("utf-16-be"), "drawing")
    case(cases, "hr", "utf16-broken", "csv", b"\xff\xfe" + "id,name\n".encode("utf-16-le")
         + b"\x00\xd8", "error", None, "UTF-16")
    case(cases, "hr", "bom-then-latin1", "csv", b"\xef\xbb\xbf" + CSV_HEAD.encode()
         + "1,Zoë,,x,y\n".encode("cp1252"), "error", 2, "UTF-8")
    case(cases, "hr", "binary", "csv", bytes(range(256)) * 4, "error", None, None)
    # TSV
    case(cases, "hr", "tsv-good", "tsv", good.replace(",", "\t"), "drawing")
    case(cases, "hr", "tsv-commas-in-names", "tsv",
         "id\tname\tmanager\n1\tLee, Ann\t\n2\tBo, Jr\t1\n", "drawing")
    case(cases, "hr", "tsv-lone-header", "tsv", "id\tname\tmanager\n", "error", 1,
         "no data rows")
    case(cases, "hr", "tsv-quoted-tab", "tsv", 'id\tname\tmanager\n1\t"A\tB"\t\n2\tC\t1\n',
         "drawing")
    # cycles of every length
    for length in (1, 2, 3, 10, 1000):
        rows = ["id,name,manager", "0,Top,"]
        rows += [f"{i + 1},P {i},{(i + 1) % length + 1}" for i in range(length)]
        case(cases, "hr", f"cycle-{length}", "csv", "\n".join(rows) + "\n", "drawing", None,
             "itself" if length == 1 else "cycle",
             refuses=TOO_BIG_FOR_MERMAID if length > 500 else None)
    rows = ["id,name,manager", "0,Boss,"] + [f"{i},Report {i},0" for i in range(1, 5001)]
    case(cases, "hr", "wide-5000", "csv", "\n".join(rows) + "\n", "drawing",
         refuses=TOO_BIG_FOR_MERMAID)
    rows = ["id,name,manager", "0,P 0,"] + [f"{i},P {i},{i - 1}" for i in range(1, 3000)]
    case(cases, "hr", "deep-3000", "csv", "\n".join(rows) + "\n", "drawing",
         refuses=TOO_BIG_FOR_MERMAID)


def xlsx_cases(cases: dict) -> None:
    """Workbooks are built in ``write`` (they are binary); here only their expectations."""
    for name, outcome, line, says in [
        ("good", "drawing", None, None),
        ("two-sheets", "drawing", None, "sheet"),
        ("empty-first-sheet", "drawing", None, "sheet"),
        ("all-empty", "error", None, "no sheet"),
        ("names", "drawing", None, None),
        ("huge-dimension", "drawing", None, None),
        ("zip-bomb", "error", None, "LADDER_MAX_INPUT_MB"),
        ("not-a-zip", "error", None, "xlsx"),
        ("truncated", "error", None, "xlsx"),
        ("broken-xml", "error", None, "xlsx"),
        ("formula", "drawing", None, None),
        ("many-sheets", "drawing", None, "sheet"),
    ]:
        case(cases, "xlsx", name, "xlsx", None, outcome, line, says)


FRONT = """---
title: "{title}"
levels: 2
topics:
  - name: craft
    title: "{topic}"
    content:
      - level: 1
        criteria: ["{crit}"]
      - level: 2
        criteria: ["Leads"]
---
"""


def framework_cases(cases: dict) -> None:
    good = FRONT.format(title="Design", topic="Craft", crit="Does")
    md = {
        "monzo-good": (good, "drawing", None, None),
        "monzo-names": (FRONT.format(title="<script>x</script>", topic="[a](javascript:x)",
                                     crit="\\\\N &amp; <b>"), "drawing", None, None),
        "monzo-unclosed": (good.rstrip("-\n") + "\n", "error", None, None),
        "monzo-bad-yaml": (good.replace("levels: 2", "levels: [2"), "error", None, "YAML"),
        "monzo-levels-text": (good.replace("levels: 2", "levels: two"), "error", None, None),
        "monzo-no-topics": ("---\ntitle: X\nlevels: 2\n---\n", "error", None, None),
        "monzo-topics-scalar": ("---\ntitle: X\nlevels: 2\ntopics: 3\n---\n", "error", None,
                                None),
        "monzo-python-tag": ("---\ntitle: !!python/name:os.system\nlevels: 1\ntopics: []\n---\n",
                             "error", None, "tag"),
        "monzo-bomb": ("---\n" + "\n".join(
            [f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
            + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
            + ["topics: *l8"]) + "\n---\n", "error", None, "too many times"),
        "handbook-good": ("# Ladder\n\n## L1 Engineer\n\n### Craft\n- Writes code\n\n"
                          "## L2 Senior Engineer\n\n### Craft\n- Designs systems\n", "drawing",
                          None, None),
        "handbook-names": ("# <img src=x onerror=alert(1)>\n\n## L1 [x](javascript:y)\n\n"
                           "### Craft\n- \\N `c` <b>\n\n## L2 Senior\n\n### Craft\n- &amp;\n",
                           "drawing", None, None),
        "handbook-table": ("# L\n\n## L1 A\n\n| Area | Says |\n|---|---|\n| Craft | x |\n\n"
                           "## L2 B\n\n| Area | Says |\n|---|---|\n| Craft | Same as L1 A |\n",
                           "drawing", None, None),
        "handbook-no-roles": ("# Only a title\n\nSome text.\n", "error", None, None),
        "empty": ("", "error", None, None),
        "deep-headings": ("\n".join("#" * (i % 6 + 1) + f" H{i}" for i in range(3000)) + "\n",
                          "error", None, None),
    }
    for name, (content, outcome, line, says) in md.items():
        case(cases, "framework", name, "md", content, outcome, line, says)
    wide_good = ("Category,Competency,Description,Junior,Senior\n"
                 "Craft,Code,Writing code,Writes,Reviews\nPeople,Help,Helping,Asks,Mentors\n")
    wide = {
        "wide-good": (wide_good, "drawing", None, None),
        "wide-names": (wide_good.replace("Writes", '"<script>x</script> \\N"')
                       .replace("Junior", "[J](javascript:x)"), "drawing", None, None),
        "wide-lone-header": ("Category,Competency,Description,Junior,Senior\n", "error", 1,
                             None),
        # issue 22: a level column without a header, its cells reported (not dropped)
        "wide-headerless": (wide_good.replace("Senior\n", "Senior,\n")
                            .replace("Reviews\n", "Reviews,Orphan statement\n"), "drawing", None,
                            None),
        # issue 22: markup and links in the areas and statements an import carries along
        "wide-html-areas": (wide_good.replace("Code,Writing code", "<svg onload=x>,<img src=x "
                                              "onerror=y>").replace("Mentors", "\"[m](javascri"
                                              "pt:x) %%{init: {}}%%\""), "drawing", None, None),
    }
    for name, (content, outcome, line, says) in wide.items():
        case(cases, "framework", name, "csv", content, outcome, line, says)
    snow = {"categories": ["A"], "tracks": [
        {"id": "code", "name": "Code", "category": "A", "milestones": [
            {"summary": "Writes", "signals": ["x"], "examples": ["y"]},
            {"summary": "Reviews", "signals": ["x"], "examples": ["y"]}]}],
        "titles": [{"title": "Junior", "minPoints": 0}, {"title": "Senior", "minPoints": 1}],
        "milestonePoints": [0, 1, 2]}
    snow["categories"] = [{"id": "A", "name": "<b>Building</b>"}]
    case(cases, "framework", "snowflake-good", "json", json.dumps(snow), "drawing")
    bad_snow = dict(snow, tracks="none")
    case(cases, "framework", "snowflake-tracks-text", "json", json.dumps(bad_snow), "error")
    nan_snow = json.dumps(snow).replace('"minPoints": 1', '"minPoints": NaN')
    case(cases, "framework", "snowflake-nan", "json", nan_snow, "error")
    # issue 22: every field type-checked, every count bounded
    for name, changed, says in [
            ("snowflake-points-number", {"milestonePoints": 5}, "'milestonePoints' must be"),
            ("snowflake-licence-list", {"source": {"licence": ["MIT"]}}, "must be a text"),
            ("snowflake-track-name-map", {"tracks": [dict(snow["tracks"][0], name={"a": 1})]},
             "must be a text, not a mapping"),
            ("snowflake-5001-titles", {"titles": [{"title": f"T{n}", "minPoints": n}
                                                  for n in range(5001)]}, "at most 5,000")]:
        case(cases, "framework", name, "json", json.dumps(dict(snow, **changed),
                                                          separators=(",", ":")),
             "error", None, says)
    case(cases, "framework", "monzo-criterion-list", "md",
         good.replace('criteria: ["Does"]', 'criteria: [["Does"]]'), "error", None,
         "a criterion must be a text, not a list")
    case(cases, "framework", "monzo-examples-number", "md",
         good.replace('criteria: ["Does"]', 'criteria: ["Does"]\n        exampleCriteria: '
                      '[{criteria: "Owns", examples: 5}]'), "drawing")
    ft = {"name": "Eng", "levels": [{"id": f"engineer-{n}", "name": f"Engineer {n}"}
                                    for n in range(2)],
          "themes": [{"id": "delivery", "name": "Delivery"}],
          "competencies": [{"level": "engineer-0", "theme": "delivery", "summary": "Ships",
                            "proficiency": {"level": 3}}]}
    case(cases, "framework", "ft-proficiency-map", "yaml", yaml_dump(ft), "error", None,
         "proficiency must be a text, not a mapping")
    ft = dict(ft, levels=[{"id": f"engineer-{n}", "name": f"Engineer {n}"} for n in range(101)])
    case(cases, "framework", "ft-101-levels", "yaml", yaml_dump(ft), "error", None,
         "a ladder has at most 100 levels")
    case(cases, "framework", "headings-1001-areas", "md",
         "# Ladder\n## Engineer\n" + "".join(f"### Area {n}\n- Does {n}\n" for n in range(1001))
         + "## Senior\n- Leads\n- Reviews\n", "error", None, "more than 1,000 areas")


def yaml_dump(data: object) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False)


def all_cases() -> dict:
    cases: dict = {}
    ladder_cases(cases)
    company_cases(cases)
    hr_cases(cases)
    xlsx_cases(cases)
    framework_cases(cases)
    return cases


def write_xlsx(path: Path, name: str) -> None:
    """The workbooks: built with openpyxl, then (bomb, dimension, damage) edited as zips."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "People"
    rows = [["id", "name", "manager", "title"], ["1", "Ann", "", "CEO"], ["2", "Bo", "1", "CTO"],
            ["3", "Cy", "2", "Engineer"]]
    if name == "names":
        rows += [[str(i + 10), value[:3000], "1", value[:3000]]
                 for i, value in enumerate(HOSTILE_NAMES.values()) if "\x1b" not in value]
    if name == "formula":
        rows.append(["4", '=HYPERLINK("http://x","y")', "1", "=1+1"])
    if name == "all-empty":
        rows = []
    if name == "empty-first-sheet":
        sheet.title = "Cover"
        sheet = book.create_sheet("People")
    for row in rows:
        sheet.append(row)
    if name == "two-sheets":
        other = book.create_sheet("Leavers")
        other.append(["id", "name", "manager"])
        other.append(["9", "Gone", "1"])
    if name == "many-sheets":
        for n in range(30):
            book.create_sheet(f"Sheet {n}").append(["x", "y"])
    book.save(path)
    if name == "huge-dimension":
        _edit_zip(path, "xl/worksheets/sheet1.xml",
                  lambda xml: re.sub(rb'<dimension ref="[^"]*" ?/>',
                                     b'<dimension ref="A1:XFD1048576"/>', xml))
    elif name == "zip-bomb":
        # a sheet of 300 MB of blank text that compresses to a few hundred KB
        def bomb(xml: bytes) -> bytes:
            return xml.replace(b"<sheetData>", b"<sheetData>" + b" " * (300 * 2**20))
        _edit_zip(path, "xl/worksheets/sheet1.xml", bomb)
    elif name == "not-a-zip":
        path.write_bytes(b"id,name\n1,Ann\n")
    elif name == "truncated":
        path.write_bytes(path.read_bytes()[:600])
    elif name == "broken-xml":
        _edit_zip(path, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])


def _edit_zip(path: Path, member: str, change) -> None:
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info.filename, change(data) if info.filename == member else data,
                            compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def write(folder: Path = CORPUS, *, xlsx: bool = True) -> dict:
    """Write every case under ``folder`` and ``expected.json``; the expectations, returned."""
    cases = all_cases()
    expected = {}
    for path, spec in cases.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        content = spec.pop("content")
        if spec["kind"] == "xlsx":
            if xlsx:
                write_xlsx(target, target.stem)
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_bytes(content.encode("utf-8", "surrogatepass"))
        expected[path] = spec
    (folder / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
    return expected


if __name__ == "__main__":
    written = write(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
    print(f"{len(written)} cases")
