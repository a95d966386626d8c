"""The levels-by-areas matrix: levels as columns (grouped by track), areas as rows, each cell the
role's statements in that area, wrapped.

The page is laid out once (:func:`matrix_page`: rectangles and lines of text at fixed places,
text wrapped with Helvetica's metrics) and then written by :func:`matrix_bytes`: as SVG
directly, or as DOT with every shape pinned for ``neato -n2`` so Graphviz's cairo writes the PNG
and PDF. HTML and Markdown are tables of the same content (:func:`matrix_html`,
:func:`matrix_markdown`). All are pure functions; every text goes through ``render/escape``.

A points framework (snowflake) has no role per column: its columns are the milestones every
area is graded on. ``--compare A B`` keeps the two roles' columns and only the areas that
change, the new statements marked.

>>> from ladder.sources.ladders import read_ladder
>>> svg = matrix_bytes(read_ladder("product"), "svg", MatrixOptions(roles=("product-manager",)))
>>> svg.startswith(b"<svg") and b"Competitor research." in svg
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ladder.analysis.expectations import (
    DROPPED,
    NEW,
    RAISED,
    area_changes,
    ladder_areas,
    role_expectations,
)
from ladder.analysis.paths import resolve_role
from ladder.errors import LadderError
from ladder.escape import is_colour, markdown_cell, xml_text
from ladder.layout.cards import text_width
from ladder.model import Area, Ladder, Role, Statement
from ladder.renderers.ladder_dot import default_title, track_colours
from ladder.renderers.page import INK, MUTED, Rect, Sheet, Text, page_bytes
from ladder.text import plural
from ladder.text import wrap as wrap_words

MATRIX_FORMATS = ("svg", "png", "pdf", "dot", "html", "md")
SHEET_FORMATS = ("csv", "xlsx", "json")  # the matrix as data: ladder.renderers.matrix_sheets

HEADER_FILL = "#f6f8fa"
GROUP_FILL = "#eef1f4"
HIGHLIGHT_FILL = "#fff8d6"
HIGHLIGHT_EDGE = "#d4a72c"
NEW_MARK = "#1a7f37"

MARGIN = 24.0
TITLE_SIZE = 20.0
TEXT_SIZE = 12.0
SMALL_SIZE = 11.0
ABOUT_SIZE = 10.0  # an area's description under its name
ABOUT_LINE = 12.5
LINE = 15.5  # baseline to baseline at TEXT_SIZE
PAD = 10.0
BULLET = 12.0  # hanging indent of a statement's continuation lines
LABEL_WIDTH = 190.0
COLUMN_WIDTH = 250.0
TRACK_BAND = 24.0
GROUP_BAND = 24.0


@dataclass(frozen=True)
class MatrixOptions:
    """What the matrix shows: ``roles`` highlighted (from ``--role``/``--level``), two roles
    compared, the statements' examples and signals, a title instead of the ladder's name."""

    title: str | None = None
    roles: tuple[str, ...] = ()
    compare: tuple[str, str] | None = None
    examples: bool = False


# --- what goes in the table -------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One statement in a cell; ``mark`` is "new" for what a compared role adds."""

    statement: Statement
    mark: str = ""


@dataclass(frozen=True)
class Column:
    key: str  # role id, or "milestone-N"
    title: str
    subtitle: str
    track: str | None
    highlighted: bool = False


@dataclass
class Table:
    """The matrix as content: columns, area rows, and each cell's items."""

    title: str
    subtitle: str
    columns: list[Column]
    areas: list[Area]
    cells: dict[tuple[str, str], list[Item]] = field(default_factory=dict)  # (area, column)
    row_notes: dict[str, str] = field(default_factory=dict)  # area id -> "raised", ...
    track_names: dict[str, str] = field(default_factory=dict)
    track_colours: dict[str, str] = field(default_factory=dict)


def column_roles(ladder: Ladder) -> list[Role]:
    """Roles in matrix order: track by track, then by level, then as the file lists them."""
    order = {track.id: index for index, track in enumerate(ladder.used_tracks())}
    position = {role.id: index for index, role in enumerate(ladder)}
    return sorted(ladder, key=lambda r: (order.get(r.track, len(order)), r.level,
                                         position[r.id]))


def matrix_table(ladder: Ladder, options: MatrixOptions) -> Table:
    """The content of the matrix for ``ladder`` under ``options``."""
    tracks = {track.id: track.name for track in ladder.used_tracks()}
    table = Table(title=options.title if options.title is not None else default_title(ladder),
                  subtitle=ladder.summary, columns=[], areas=[],
                  track_names=tracks, track_colours=track_colours(ladder))
    highlighted = set(options.roles)
    if options.compare:
        low, high = (resolve_role(ladder, name) for name in options.compare)
        changes = area_changes(ladder, low.id, high.id)
        if not changes:
            raise LadderError(f"'{low.title}' and '{high.title}' ask the same in every area",
                              file=ladder.file)
        table.subtitle = f"What changes from {low.title} to {high.title}, per area"
        table.columns = [Column(r.id, r.title, f"level {r.level}", r.track)
                         for r in (low, high)]
        for change in changes:
            table.areas.append(change.area)
            table.row_notes[change.area.id] = change.kind
            added = {id(s) for s in change.added}
            table.cells[change.area.id, low.id] = [Item(s) for s in change.before]
            table.cells[change.area.id, high.id] = [
                Item(s, NEW if id(s) in added and change.kind in (NEW, RAISED) else "")
                for s in change.after]
        return table
    # every role is a column once any says what it asks: an empty column says "nothing listed"
    roles = column_roles(ladder) if by_role(ladder) else []
    if roles:
        table.areas = ladder_areas(ladder)
        for role in roles:
            table.columns.append(Column(role.id, role.title, f"level {role.level}", role.track,
                                        role.id in highlighted))
            for area_id, found in role_expectations(ladder, role).items():
                table.cells[area_id, role.id] = [Item(s) for s in found]
        # a variant keeps some roles: an area none of them lists is an empty row, left out
        table.areas = [a for a in table.areas if any(area == a.id for area, _ in table.cells)]
        return table
    graded = [area for area in ladder.areas.values() if area.milestones]
    if not graded:
        raise LadderError("the ladder says nothing per area: no expectations, competencies or "
                          "milestones to put in a matrix", file=ladder.file,
                          hint="add 'areas:' and 'expectations:' to its roles")
    worth = ladder.points.milestone_points if ladder.points else ()
    table.areas = graded
    table.track_names = {}
    for number in range(1, max(len(a.milestones) for a in graded) + 1):
        points = ("" if number >= len(worth) else
                  plural(worth[number], "point"))
        key = f"milestone-{number}"
        table.columns.append(Column(key, f"Milestone {number}", points, None,
                                    key in highlighted))
        for area in graded:
            if number <= len(area.milestones):
                table.cells[area.id, key] = [Item(area.milestones[number - 1])]
    return table


# --- the page: shapes at fixed places ----------------------------------------------------------


def wrap(text: str, width: float, size: float = TEXT_SIZE, *, bold: bool = False) -> list[str]:
    """Lines of ``text`` that fit ``width`` pixels at the font ``size``.

    >>> wrap("Seeks guidance and input from peers", 120)
    ['Seeks guidance and', 'input from peers']
    """
    return wrap_words(text, width, measure=lambda line: text_width(line, size, bold=bold)) or [""]


def _cell_lines(items: list[Item], options: MatrixOptions,
                width: float) -> list[tuple[float, str, float, bool, bool, str]]:
    """(indent, text, size, bold, italic, colour) per line of a cell."""
    lines = []
    for item in items:
        ink = NEW_MARK if item.mark == NEW else INK
        for index, line in enumerate(wrap(item.statement.text, width - BULLET, bold=bool(
                item.mark))):
            lines.append((0.0 if index == 0 else BULLET, ("• " if index == 0 else "") + line,
                          TEXT_SIZE, bool(item.mark), False, ink))
        # options are part of what is asked ("any one of"), so they show whatever the view
        for option in item.statement.options:
            for index, line in enumerate(wrap(option, width - 2 * BULLET)):
                lines.append((BULLET * (1 if index == 0 else 2), ("◦ " if index == 0 else "")
                              + line, TEXT_SIZE, False, False, ink))
        if options.examples:
            for label, texts in (("signal", item.statement.signals),
                                 ("e.g.", item.statement.examples)):
                for text in texts:
                    for index, line in enumerate(wrap(f"{label}: {text}", width - 2 * BULLET,
                                                      SMALL_SIZE)):
                        lines.append((BULLET * (1 if index == 0 else 2), line, SMALL_SIZE,
                                      False, True, MUTED))
    return lines


def matrix_page(table: Table, options: MatrixOptions) -> Sheet:
    """Lay the table out: sizes of every row and column, and each line of text."""
    columns = table.columns
    width = MARGIN * 2 + LABEL_WIDTH + COLUMN_WIDTH * len(columns)
    page = Sheet(width, 0.0)
    y = MARGIN + TITLE_SIZE
    page.texts.append(Text(MARGIN, y, table.title, TITLE_SIZE, bold=True))
    for line in wrap(table.subtitle, width - 2 * MARGIN, SMALL_SIZE) if table.subtitle else []:
        y += LINE
        page.texts.append(Text(MARGIN, y, line, SMALL_SIZE, colour=MUTED))
    y += LINE
    left = MARGIN + LABEL_WIDTH

    def x_of(index: int) -> float:
        return left + COLUMN_WIDTH * index

    # the track band: one coloured bar over each run of columns of one track
    if table.track_names and len({c.track for c in columns}) > 1:
        start = 0
        for index in range(1, len(columns) + 1):
            if index == len(columns) or columns[index].track != columns[start].track:
                track = columns[start].track or ""
                colour = table.track_colours.get(track, MUTED)
                page.boxes.append(Rect(x_of(start), y, COLUMN_WIDTH * (index - start),
                                      TRACK_BAND, colour, colour))
                page.texts.append(Text(x_of(start) + PAD, y + TRACK_BAND - 8,
                                       table.track_names.get(track, track), 12, bold=True,
                                       colour="#ffffff"))
                start = index
        y += TRACK_BAND
    # the column headers
    heads = [wrap(c.title, COLUMN_WIDTH - 2 * PAD, 13, bold=True) for c in columns]
    subtitled = any(c.subtitle.casefold() not in c.title.casefold() for c in columns)
    head_height = PAD * 2 + LINE * (max((len(h) for h in heads), default=1) + subtitled)
    page.boxes.append(Rect(MARGIN, y, LABEL_WIDTH, head_height, HEADER_FILL))
    page.texts.append(Text(MARGIN + PAD, y + PAD + 12, "Area", 12, bold=True, colour=MUTED))
    for index, (column, lines) in enumerate(zip(columns, heads, strict=True)):
        fill = HIGHLIGHT_FILL if column.highlighted else HEADER_FILL
        page.boxes.append(Rect(x_of(index), y, COLUMN_WIDTH, head_height, fill))
        for number, line in enumerate(lines):
            page.texts.append(Text(x_of(index) + PAD, y + PAD + 12 + LINE * number, line, 13,
                                   bold=True))
        if subtitled and column.subtitle.casefold() not in column.title.casefold():
            page.texts.append(Text(x_of(index) + PAD, y + PAD + 12 + LINE * len(lines),
                                   column.subtitle, SMALL_SIZE, colour=MUTED))
    y += head_height
    top_of_body = y
    group = None
    for area in table.areas:
        if area.group and area.group != group:
            group = area.group
            page.boxes.append(Rect(MARGIN, y, width - 2 * MARGIN, GROUP_BAND, GROUP_FILL))
            page.texts.append(Text(MARGIN + PAD, y + GROUP_BAND - 8, _upper_first(group), 12,
                                   bold=True, colour=MUTED))
            y += GROUP_BAND
        label = wrap(area.name, LABEL_WIDTH - 2 * PAD, 13, bold=True)
        note = table.row_notes.get(area.id)
        # the area's own description under its name, small, as the frameworks' pages show it
        about = wrap(area.summary, LABEL_WIDTH - 2 * PAD, ABOUT_SIZE) if (
            area.summary and not note) else []
        cells = [_cell_lines(table.cells.get((area.id, c.key), []), options,
                             COLUMN_WIDTH - 2 * PAD) for c in columns]
        label_height = LINE * (len(label) + (1 if note else 0)) + ABOUT_LINE * len(about) + (
            4 if about else 0)
        height = PAD * 2 + max([label_height, *(LINE * len(c) for c in cells)])
        page.boxes.append(Rect(MARGIN, y, LABEL_WIDTH, height, "#ffffff"))
        if is_colour(area.colour):  # the area's own colour, as a bar down its name
            page.boxes.append(Rect(MARGIN, y, 5, height, area.colour, area.colour))
        for number, line in enumerate(label):
            page.texts.append(Text(MARGIN + PAD, y + PAD + 12 + LINE * number, line, 13,
                                   bold=True))
        for number, line in enumerate(about):
            page.texts.append(Text(MARGIN + PAD, y + PAD + 16 + LINE * len(label)
                                   + ABOUT_LINE * number, line, ABOUT_SIZE, colour=MUTED))
        if note:
            colour = NEW_MARK if note in (NEW, RAISED) else MUTED
            words = {NEW: "new at this level", RAISED: "raised", DROPPED: "no longer listed"}
            page.texts.append(Text(MARGIN + PAD, y + PAD + 12 + LINE * len(label),
                                   words.get(note, note), SMALL_SIZE, italic=True,
                                   colour=colour))
        for index, (column, cell) in enumerate(zip(columns, cells, strict=True)):
            fill = HIGHLIGHT_FILL if column.highlighted else "#ffffff"
            page.boxes.append(Rect(x_of(index), y, COLUMN_WIDTH, height, fill))
            for number, (indent, text, size, bold, italic, colour) in enumerate(cell):
                page.texts.append(Text(x_of(index) + PAD + indent,
                                       y + PAD + 12 + LINE * number, text, size, bold, italic,
                                       colour))
        y += height
    # a highlighted column gets a strong outline over the whole body
    for index, column in enumerate(columns):
        if column.highlighted:
            page.boxes.append(Rect(x_of(index), top_of_body, COLUMN_WIDTH, y - top_of_body,
                                  "none", HIGHLIGHT_EDGE, 2.5))
    page.height = y + MARGIN
    return page


# --- writers ----------------------------------------------------------------------------------


def _statement_html(item: Item, options: MatrixOptions) -> str:
    text = xml_text(item.statement.text)
    if item.mark == NEW:
        text = f'<strong class="new">{text}</strong> <em>(new)</em>'
    extra = [f"<li><em>one of:</em> {xml_text(s)}</li>" for s in item.statement.options]
    if options.examples:
        extra += [f"<li><em>signal:</em> {xml_text(s)}</li>" for s in item.statement.signals]
        extra += [f"<li><em>e.g.</em> {xml_text(s)}</li>" for s in item.statement.examples]
    return f"<li>{text}{'<ul>' + ''.join(extra) + '</ul>' if extra else ''}</li>"


def matrix_html(ladder: Ladder, options: MatrixOptions | None = None) -> str:
    """The matrix as a standalone HTML page with one table (levels across, areas down)."""
    options = options or MatrixOptions()
    table = matrix_table(ladder, options)
    marked = ' class="highlight"'
    head = "".join(
        f'<th{marked if c.highlighted else ""} scope="col">'
        f"{xml_text(c.title)}<br><small>{xml_text(c.subtitle)}</small></th>"
        for c in table.columns)
    rows = []
    group = None
    for area in table.areas:
        if area.group and area.group != group:
            group = area.group
            rows.append(f'<tr class="group"><th colspan="{len(table.columns) + 1}">'
                        f"{xml_text(_upper_first(group))}</th></tr>")
        note = table.row_notes.get(area.id)
        label = xml_text(area.name) + (f"<br><small>{xml_text(note)}</small>" if note else (
            f"<br><small>{xml_text(area.summary)}</small>" if area.summary else ""))
        cells = "".join(
            f'<td{marked if c.highlighted else ""}><ul>'
            + "".join(_statement_html(i, options) for i in table.cells.get((area.id, c.key), []))
            + "</ul></td>" for c in table.columns)
        rows.append(f'<tr><th scope="row">{label}</th>{cells}</tr>')
    title = xml_text(table.title)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n<style>\n"
        "body{font-family:Helvetica,Arial,sans-serif;color:#1f2328;margin:24px}\n"
        "table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:8px;"
        "vertical-align:top;text-align:left;min-width:14em;max-width:22em}\n"
        "thead th{background:#f6f8fa}tr.group th{background:#eef1f4;color:#57606a}\n"
        ".highlight{background:#fff8d6}ul{margin:0;padding-left:1.1em}.new{color:#1a7f37}\n"
        "</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n<p>{xml_text(table.subtitle)}</p>\n"
        f'<table>\n<thead><tr><th scope="col">Area</th>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows) + "\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def _md(text: str) -> str:
    """Text safe in a Markdown table cell: literal, no HTML, no links (names are data)."""
    return markdown_cell(text)


def matrix_markdown(ladder: Ladder, options: MatrixOptions | None = None) -> str:
    """The matrix as Markdown: a heading and a table per area (a level per row)."""
    options = options or MatrixOptions()
    table = matrix_table(ladder, options)
    out = [f"# {_md(table.title)}\n"]
    if table.subtitle:
        out.append(f"\n{_md(table.subtitle)}\n")
    for area in table.areas:
        note = table.row_notes.get(area.id)
        out.append(f"\n## {_md(area.name)}{f' ({note})' if note else ''}\n")
        if area.summary:
            out.append(f"\n{_md(area.summary)}\n")
        out.append("\n| Level | Expectations |\n|---|---|\n")
        for column in table.columns:
            items = table.cells.get((area.id, column.key), [])
            texts = []
            for item in items:
                text = _md(item.statement.text)
                texts.append(f"**{text}** (new)" if item.mark == NEW else text)
                texts += [f"*one of:* {_md(o)}" for o in item.statement.options]
                if options.examples:
                    texts += [f"*e.g.* {_md(e)}" for e in item.statement.examples]
            name = f"**{_md(column.title)}**" if column.highlighted else _md(column.title)
            out.append(f"| {name} | {'<br>'.join(texts) or '–'} |\n")
    return "".join(out)


def matrix_bytes(ladder: Ladder, format: str, options: MatrixOptions | None = None) -> bytes:
    """The matrix in one of :data:`MATRIX_FORMATS`, as the bytes of the file."""
    options = options or MatrixOptions()
    if format == "html":
        return matrix_html(ladder, options).encode("utf-8")
    if format == "md":
        return matrix_markdown(ladder, options).encode("utf-8")
    return page_bytes(matrix_page(matrix_table(ladder, options), options), format,
                      name="matrix")


def by_role(ladder: Ladder) -> bool:
    """True when the matrix's columns are roles; False when they are a points framework's
    milestones (no role says what it asks per area)."""
    return any(role_expectations(ladder, role) for role in ladder)


def roles_at_level(ladder: Ladder, level: int) -> tuple[str, ...]:
    """Role ids at one level (``--level``), or the milestone column of a points framework."""
    if not by_role(ladder):
        top = max((len(a.milestones) for a in ladder.areas.values()), default=0)
        if not 1 <= level <= top:
            raise LadderError(f"no milestone {level}", file=ladder.file,
                              hint=f"milestones: 1 to {top}")
        return (f"milestone-{level}",)
    found = tuple(role.id for role in column_roles(ladder) if role.level == level)
    if not found:
        raise LadderError(f"no role at level {level}", file=ladder.file,
                          hint=f"levels: {', '.join(map(str, ladder.levels()))}")
    return found


def matrix_options(ladder: Ladder, *, title: str | None = None, role: str | None = None,
                   level: int | None = None, compare: tuple[str, str] | None = None,
                   examples: bool = False) -> MatrixOptions:
    """Options from what a user typed: a role by any of its names, a level, two roles."""
    highlighted: tuple[str, ...] = ()
    if (role or compare) and not by_role(ladder):
        raise LadderError("the columns of this matrix are milestones, not roles",
                          file=ladder.file, hint="highlight one with --level N")
    if role:
        highlighted = (resolve_role(ladder, role).id,)
    if level is not None:
        highlighted += roles_at_level(ladder, level)
    if compare and (role or level is not None):
        raise LadderError("--compare shows two roles: leave out --role and --level")
    pair = None
    if compare:
        low, high = (resolve_role(ladder, name) for name in compare)
        pair = (low.id, high.id)
    return MatrixOptions(title=title, roles=highlighted, compare=pair, examples=examples)


def _upper_first(text: str) -> str:
    """A heading's first letter raised, the rest as written ("IC skills", not "Ic skills")."""
    return text[:1].upper() + text[1:]
