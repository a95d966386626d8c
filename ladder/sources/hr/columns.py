"""Which column holds what: header detection that ignores case and spacing, and ``--map``.

Headers are compared after dropping case and everything but letters and digits, so
``Employee ID``, ``employee_id`` and ``EmployeeId`` are the same header.

>>> headers = ["Employee ID", "First Name", "Last Name", "Manager ID", "Job Title"]
>>> columns = detect_columns(headers, file="x.csv")
>>> {field: headers[i] for field, i in columns.items()}["manager"]
'Manager ID'
>>> parse_mapping("id=Staff No,manager=Boss")
{'id': 'Staff No', 'manager': 'Boss'}
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ladder.errors import SourceError, did_you_mean

# field -> headers that mean it, best first (in normal form: see normal()).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "id": ("id", "employeeid", "employeenumber", "employeeno", "empid", "empno", "staffid",
           "staffnumber", "staffno", "personid", "personnelnumber", "workerid", "userid",
           "positionid", "postid"),
    "manager": ("parentid", "managerid", "reportsto", "reportstoid", "supervisorid",
                "linemanagerid", "manageremployeeid", "manageremployeenumber", "managernumber",
                "managerno", "reportingtoid", "reportingto", "bossid", "parent", "parentnode",
                "manager", "supervisor", "linemanager"),
    "email": ("email", "emailaddress", "workemail", "employeeemail", "businessemail", "mail"),
    "manager_email": ("manageremail", "manageremailaddress", "supervisoremail",
                      "linemanageremail", "reportstoemail"),
    "name": ("name", "fullname", "employeename", "displayname", "staffname", "personname",
             "preferredname", "employee"),
    "first_name": ("firstname", "givenname", "forename", "first", "fname"),
    "last_name": ("lastname", "surname", "familyname", "last", "lname"),
    "title": ("title", "jobtitle", "position", "positionname", "positiontitle",
              "businesstitle", "role", "jobrole", "designation", "job", "jobname"),
    "department": ("department", "departmentname", "dept", "deptname", "area", "unit", "team",
                   "division", "businessunit", "orgunit", "organisationalunit",
                   "organizationalunit", "function"),
    "location": ("location", "office", "worklocation", "officelocation", "site", "city"),
    "grade": ("grade", "paygrade", "jobgrade", "band", "joblevel", "level"),
}
FIELDS = tuple(CANDIDATES)
FIELD_ALIASES = {
    "parent": "manager", "reports_to": "manager", "first": "first_name", "firstname":
    "first_name", "last": "last_name", "lastname": "last_name", "surname": "last_name",
    "dept": "department", "position": "title", "manageremail": "manager_email",
    "mail": "email",
}
# Headers of a column that names a person (not a post): read beside a post id, so that a
# diff follows people from post to post (ladder.analysis.diff)
PERSON_ID_HEADERS = ("employeeid", "employeenumber", "employeeno", "empid", "empno", "staffid",
                     "staffnumber", "staffno", "personid", "personnelnumber", "workerid")
POST_WORDS = ("post", "position")  # an id column whose header has one of these names posts


def person_id_column(headers: Sequence[str], columns: Mapping[str, int]) -> int | None:
    """The column of a person id beside an id column that names posts, if the export has one.

    >>> person_id_column(["Position ID", "Reports To", "Staff No"], {"id": 0, "manager": 1})
    2
    >>> person_id_column(["Employee ID", "Manager ID", "Staff No"], {"id": 0, "manager": 1})
    """
    if "id" not in columns or not names_posts(headers[columns["id"]]):
        return None
    used = set(columns.values())
    return next((i for i, h in enumerate(headers)
                 if i not in used and normal(h) in PERSON_ID_HEADERS), None)


def names_posts(header: str) -> bool:
    """Does an id column of this header name posts (positions) rather than people?

    >>> names_posts("Post Unique Reference"), names_posts("Employee ID")
    (True, False)
    """
    return any(word in normal(header) for word in POST_WORDS)


# A header B that names the manager of the id in header A: "BusinessEntityID" and
# "ParentBusinessEntityID", "PositionId" and "ReportsToPositionId".
PAIR_PREFIXES = ("parent", "manager", "reportsto", "supervisor", "linemanager")


def normal(header: str) -> str:
    """A header without case, spaces or punctuation ('#' reads as 'number').

    >>> normal(" Employee #"), normal("E-mail"), normal("reports_To")
    ('employeenumber', 'email', 'reportsto')
    """
    return re.sub(r"[^0-9a-z]", "", header.casefold().replace("#", "number"))


def parse_mapping(text: str) -> dict[str, str]:
    """``id=COL,manager=COL,...`` as {field: column}; quote a column that holds a comma.

    >>> parse_mapping('id=EmpNo, manager="Boss, direct", first=Given')
    {'id': 'EmpNo', 'manager': 'Boss, direct', 'first_name': 'Given'}
    >>> parse_mapping("boss=X")
    Traceback (most recent call last):
    ...
    ladder.errors.SourceError: --map: unknown field 'boss' (fields: id, manager, email, \
manager_email, name, first_name, last_name, title, department, location, grade)
    """
    if not text or not text.strip():
        raise SourceError("--map is empty", hint="e.g. --map id=EmpNo,manager=Boss")
    pairs = []
    for part in _split(text):
        if not part.strip():
            continue
        if "=" not in part:
            raise SourceError(f"--map: '{part}' is not FIELD=COLUMN",
                              hint="e.g. --map id=EmpNo,manager=Boss")
        key, column = part.split("=", 1)
        pairs.append((key, column))
    return check_mapping(pairs)


def check_mapping(pairs: Mapping[str, str] | Sequence[tuple[str, str]]) -> dict[str, str]:
    """{field: column} with field names checked and their aliases spelt out.

    >>> check_mapping({"ID": "Ref", "parent": "Boss"})
    {'id': 'Ref', 'manager': 'Boss'}
    """
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    mapping: dict[str, str] = {}
    for key, column in items:
        key, column = str(key).strip(), str(column).strip()
        field = key.lower().replace("-", "_")
        field = FIELD_ALIASES.get(field, field)
        if field not in CANDIDATES:
            raise SourceError(f"--map: unknown field '{key}'",
                              hint=did_you_mean(key, FIELDS) or f"fields: {', '.join(FIELDS)}")
        if not column:
            raise SourceError(f"--map: no column given for '{key}'",
                              hint=f"e.g. --map {field}=COLUMN")
        if field in mapping:
            raise SourceError(f"--map: '{field}' is given twice")
        twin = next((f for f, c in mapping.items() if normal(c) == normal(column)), None)
        if twin is not None:
            raise SourceError(f"--map: '{twin}' and '{field}' both name column '{column}'",
                              hint="each field needs a column of its own")
        mapping[field] = column
    if not mapping:
        raise SourceError("--map is empty", hint="e.g. --map id=EmpNo,manager=Boss")
    return mapping


def _split(text: str) -> list[str]:
    """Split at commas outside double quotes; the quotes themselves are dropped."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    if quoted:
        raise SourceError("--map: a double quote is not closed",
                          hint='e.g. --map \'id=Ref,manager="Boss, direct"\'')
    parts.append("".join(current))
    return parts


def column_letter(index: int) -> str:
    """The spreadsheet's name of a column (0 -> A, 26 -> AA).

    >>> column_letter(0), column_letter(25), column_letter(26)
    ('A', 'Z', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def check_headers(headers: Sequence[str], *, file: str, line: int | None = None) -> None:
    """Refuse a header row that names two columns alike (case and spaces aside): which of
    them holds the manager, or the id, cannot be told, and reading either silently gives a
    wrong chart (a manager column read from the id column makes everybody report to
    themselves).

    >>> check_headers(["id", "Manager", "manager "], file="x.csv", line=1)
    Traceback (most recent call last):
    ...
    ladder.errors.SourceError: x.csv:1: columns B and C are both named 'manager' \
(rename or delete one of them)
    """
    seen: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = header.strip().casefold()
        if not key:
            continue
        if key in seen:
            raise SourceError(
                f"columns {column_letter(seen[key])} and {column_letter(index)} are both "
                f"named '{header.strip()}'", file=file, line=line,
                hint="rename or delete one of them")
        seen[key] = index


def find_header(headers: Sequence[str], wanted: str) -> int | None:
    """The index of ``wanted`` among ``headers``: exact first, then in normal form."""
    if wanted in headers:
        return headers.index(wanted)
    key = normal(wanted)
    for index, header in enumerate(headers):
        if key and normal(header) == key:
            return index
    return None


def detect_columns(
    headers: Sequence[str],
    *,
    file: str,
    mapping: Mapping[str, str] | None = None,
    candidates: Mapping[str, tuple[str, ...]] = CANDIDATES,
    required: Sequence[str] = (),
    line: int | None = None,
    samples: Sequence[Sequence[str]] = (),
) -> dict[str, int]:
    """{field: column index}: ``mapping`` first, then the candidate headers, then id/manager
    pairs such as ``XId``/``ParentXId``. ``required`` fields must be found (a generic export
    needs id and manager, or email and manager_email); ``samples`` (a few data rows) only
    sharpen the ``--map`` suggestion of the error."""
    found: dict[str, int] = {}
    for field, column in (mapping or {}).items():
        index = find_header(headers, column)
        if index is None:
            raise SourceError(
                f"--map {field}={column}: no column '{column}'", file=file, line=line,
                hint=did_you_mean(column, [h for h in headers if h])
                or "headers seen: " + _shown(headers),
            )
        found[field] = index  # two fields never get one column: check_mapping refused it
    used = set(found.values())
    by_normal: dict[str, int] = {}
    for index, header in enumerate(headers):
        by_normal.setdefault(normal(header), index)
    for field, names in candidates.items():
        if field in found:
            continue
        for name in names:
            index = by_normal.get(name)
            if index is not None and index not in used:
                found[field] = index
                used.add(index)
                break
    if candidates is CANDIDATES and ("id" not in found or "manager" not in found):
        _pair_rule(headers, found, used)
    if not required:
        if "id" in found and "manager" in found:
            return found
        if "email" in found and "manager_email" in found:
            return found
        missing = [f for f in ("id", "manager") if f not in found]
    else:
        missing = [f for f in required if f not in found]
        if not missing:
            return found
    raise SourceError(
        "cannot tell which column holds " + " and which ".join(
            f"the {_FIELD_WORDS.get(f, f)}" for f in missing),
        file=file, line=line,
        hint=f"headers seen: {_shown(headers)}; name them, e.g. "
        + suggest_map(headers, found, missing, samples),
    )


_FIELD_WORDS = {"id": "employee id", "manager": "manager id"}


def _pair_rule(headers: Sequence[str], found: dict[str, int], used: set[int]) -> None:
    """Find the manager column named after the id column (``X`` and ``ParentX``)."""
    if "manager" in found:
        return
    normals = [normal(h) for h in headers]
    ids = [found["id"]] if "id" in found else [i for i in range(len(headers)) if i not in used]
    for a in ids:
        key = normals[a]
        if not key:
            continue
        wanted = {prefix + key for prefix in PAIR_PREFIXES} | {key + "parent"}
        for b, other in enumerate(normals):
            if b != a and b not in used and other in wanted:
                found["id"], found["manager"] = a, b
                used.update((a, b))
                return


def suggest_map(
    headers: Sequence[str], found: Mapping[str, int], missing: Sequence[str],
    samples: Sequence[Sequence[str]] = (),
) -> str:
    """A ``--map`` option naming the found columns and a best guess for the missing ones.

    The guess looks at the data: the id column has unique values, and most values of the
    manager column are among them.

    >>> suggest_map(["Ref", "Boss", "Who"], {}, ["id", "manager"],
    ...             [["a1", "", "Ann"], ["b2", "a1", "Bo"], ["c3", "a1", "Cy"]])
    '--map "id=Ref,manager=Boss"'
    """
    chosen = {f: headers[i] for f, i in found.items() if f in ("id", "manager")}
    guess = _guess_pair(headers, samples)
    for field in missing:
        if guess and field in ("id", "manager") and guess[field] not in chosen.values():
            chosen[field] = guess[field]
        else:
            chosen[field] = "COLUMN"
    parts = []
    for field in ("id", "manager", *[f for f in chosen if f not in ("id", "manager")]):
        if field in chosen:
            column = chosen[field]
            parts.append(f'{field}="{column}"' if "," in column else f"{field}={column}")
    text = ",".join(parts)
    return f"--map '{text}'" if '"' in text else f'--map "{text}"'


def _guess_pair(headers: Sequence[str], samples: Sequence[Sequence[str]]) -> dict[str, str]:
    if not samples:
        return {}
    columns = [[row[i].strip() if i < len(row) else "" for row in samples]
               for i in range(len(headers))]
    best: tuple[float, int, int] | None = None
    for a, ids in enumerate(columns):
        filled = [v for v in ids if v]
        if len(filled) < 2 or len(set(filled)) < len(filled):
            continue
        known = set(filled)
        for b, refs in enumerate(columns):
            refs = [v for v in refs if v]
            if b == a or not refs:
                continue
            share = sum(1 for v in refs if v in known) / len(refs)
            if share >= 0.5 and (best is None or share > best[0]):
                best = (share, a, b)
    if best is None:
        return {}
    return {"id": headers[best[1]], "manager": headers[best[2]]}


def _shown(headers: Sequence[str]) -> str:
    shown = [f"'{h}'" for h in headers if h][:30]
    more = len([h for h in headers if h]) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
