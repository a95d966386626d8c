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
from ladder.errors import LadderError, did_you_mean
from ladder.escape import clip, is_colour, markdown_cell, xml_text
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
    compared, the statements' examples and signals, a title instead of the ladder's name;
    only some ``tracks`` (their columns) or ``areas`` (their rows), as ids; and for a PDF,
    pages of ``paper`` (``--paper``, ``--landscape``: :mod:`ladder.renderers.matrix_book`)."""

    title: str | None = None
    roles: tuple[str, ...] = ()
    compare: tuple[str, str] | None = None
    examples: bool = False
    tracks: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    paper: str | None = None
    landscape: bool = False


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
    summary: str = ""  # the role's summary (for the article's roles, its definition)
    source: str | None = None  # where the role, its level and its summary come from
    level_source: str | None = None
    summary_source: str | None = None
    level: int | None = None


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
    # source id -> its title, in the ladder's order; facts of ``secondary`` (practice) ones are
    # set apart
    sources: dict[str, str] = field(default_factory=dict)
    secondary: frozenset[str] = frozenset()

    def marked(self, source: str | None) -> bool:
        """Whether a fact from ``source`` is drawn set apart (italics): a practice source."""
        return source in self.secondary

    def cited(self) -> list[str | None]:
        """The sources of every fact the table shows, in table order (None: not said)."""
        found: list[str | None] = []
        for column in self.columns:
            found += [column.source, column.level_source]
            found += [column.summary_source] if column.summary else []
        for area in self.areas:
            found += [area.source, area.group_source if area.group else None]
            found += [area.summary_source] if area.summary else []
        found += [item.statement.source for items in self.cells.values() for item in items]
        return found

    def sourced(self) -> bool:
        """Whether facts come from more than one source, so each view says which: a Source
        column in tables, a field in JSON, italics in pictures."""
        return bool(self.secondary)

    def legend_parts(self) -> tuple[str, str]:
        """What italics mean and what upright text is, when the table shows a fact in
        italics; else two empty texts."""
        cited = set(self.cited())
        shown = [title for source, title in self.sources.items()
                 if source in self.secondary and source in cited]
        if not shown:
            return "", ""
        upright = [title for source, title in self.sources.items()
                   if source not in self.secondary and source in cited]
        return (f"Italics: {'; '.join(shown)}.",
                f"Upright: {'; '.join(upright)}." if upright else "")

    def legend(self) -> str:
        """:meth:`legend_parts` as one text."""
        return " ".join(part for part in self.legend_parts() if part)


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
                  track_names=tracks, track_colours=track_colours(ladder),
                  sources={s.id: s.title or s.id for s in ladder.sources.values()},
                  secondary=frozenset(s for s in ladder.sources if ladder.secondary(s)))
    table = _chosen(_filled(ladder, options, table), options)
    return table


def _role_column(role: Role, highlighted: bool = False) -> Column:
    return Column(role.id, role.title, f"level {role.level}", role.track, highlighted,
                  summary=role.summary, source=role.source, level_source=role.level_source,
                  summary_source=role.summary_source, level=role.level)


def _chosen(table: Table, options: MatrixOptions) -> Table:
    """Only the columns of ``options.tracks`` and the rows of ``options.areas``."""
    if options.tracks:
        table.columns = [c for c in table.columns if c.track in options.tracks]
        table.track_names = {k: v for k, v in table.track_names.items() if k in options.tracks}
    if options.areas:
        table.areas = [a for a in table.areas if a.id in options.areas]
    return table


def _filled(ladder: Ladder, options: MatrixOptions, table: Table) -> Table:
    """``table`` with its columns, rows and cells."""
    highlighted = set(options.roles)
    if options.compare:
        low, high = (resolve_role(ladder, name) for name in options.compare)
        changes = area_changes(ladder, low.id, high.id)
        if not changes:
            raise LadderError(f"'{low.title}' and '{high.title}' ask the same in every area",
                              file=ladder.file)
        table.subtitle = f"What changes from {low.title} to {high.title}, per area"
        table.columns = [_role_column(r) for r in (low, high)]
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
            table.columns.append(_role_column(role, role.id in highlighted))
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


CellLine = tuple[float, str, float, bool, bool, str]  # indent, text, size, bold, italic, colour


def _cell_lines(items: list[Item], options: MatrixOptions, width: float,
                secondary: frozenset[str] = frozenset()) -> list[CellLine]:
    """(indent, text, size, bold, italic, colour) per line of a cell; a statement from a
    ``secondary`` source in italics."""
    lines = []
    for item in items:
        ink = NEW_MARK if item.mark == NEW else INK
        marked = item.statement.source in secondary
        for index, line in enumerate(wrap(item.statement.text, width - BULLET, bold=bool(
                item.mark))):
            lines.append((0.0 if index == 0 else BULLET, ("• " if index == 0 else "") + line,
                          TEXT_SIZE, bool(item.mark), marked, ink))
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


SUMMARY_SHOWN = 480  # characters of a role's summary in its column's header


@dataclass
class Row:
    """One area's row, measured: its label and each column's lines of text."""

    area: Area
    label: list[str]
    about: list[str]  # the area's summary, wrapped
    note: str | None
    cells: dict[str, list[CellLine]]  # column key -> lines

    def label_height(self) -> float:
        return LINE * (len(self.label) + (1 if self.note else 0)) + ABOUT_LINE * len(
            self.about) + (4 if self.about else 0)

    def lines(self, columns: list[Column]) -> int:
        """Lines of its tallest cell among ``columns``."""
        return max((len(self.cells[c.key]) for c in columns), default=0)

    def height(self, columns: list[Column]) -> float:
        return PAD * 2 + max(self.label_height(), LINE * self.lines(columns))


def matrix_rows(table: Table, options: MatrixOptions) -> list[Row]:
    """Every area's row, measured once (a row's lines do not depend on the page)."""
    rows = []
    for area in table.areas:
        note = table.row_notes.get(area.id)
        # the area's own description under its name, small, as the frameworks' pages show it
        about = wrap(area.summary, LABEL_WIDTH - 2 * PAD, ABOUT_SIZE) if (
            area.summary and not note) else []
        rows.append(Row(area, wrap(area.name, LABEL_WIDTH - 2 * PAD, 13, bold=True), about,
                        note, {c.key: _cell_lines(table.cells.get((area.id, c.key), []),
                                                  options, COLUMN_WIDTH - 2 * PAD,
                                                  table.secondary)
                               for c in table.columns}))
    return rows


@dataclass
class Frame:
    """Where a page's table goes: its columns, the x of each, and the page's width."""

    columns: list[Column]
    width: float

    def x_of(self, index: int) -> float:
        return MARGIN + LABEL_WIDTH + COLUMN_WIDTH * index


def frame_for(columns: list[Column]) -> Frame:
    return Frame(columns, MARGIN * 2 + LABEL_WIDTH + COLUMN_WIDTH * len(columns))


def draw_title(page: Sheet, table: Table, width: float, heading: str | None = None) -> float:
    """The title (or ``heading``), the subtitle and the legend of italics; the y below."""
    y = MARGIN + TITLE_SIZE
    page.texts.append(Text(MARGIN, y, heading or table.title, TITLE_SIZE, bold=True))
    for line in wrap(table.subtitle, width - 2 * MARGIN, SMALL_SIZE) if table.subtitle else []:
        y += LINE
        page.texts.append(Text(MARGIN, y, line, SMALL_SIZE, colour=MUTED))
    for italic, part in zip((True, False), table.legend_parts(), strict=True):
        for line in wrap(part, width - 2 * MARGIN, SMALL_SIZE) if part else []:
            y += LINE
            page.texts.append(Text(MARGIN, y, line, SMALL_SIZE, italic=italic, colour=MUTED))
    return y + LINE


def draw_header(page: Sheet, table: Table, frame: Frame, y: float) -> float:
    """The track band and the column headers (title, level, the role's summary); the y below.
    A book repeats them on every page."""
    columns, x_of = frame.columns, frame.x_of
    # the track band: one coloured bar over each run of columns of one track
    if table.track_names and len({c.track for c in table.columns}) > 1:
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
    heads = [wrap(c.title, COLUMN_WIDTH - 2 * PAD, 13, bold=True) for c in columns]
    subtitled = any(c.subtitle.casefold() not in c.title.casefold() for c in table.columns)
    summaries = [_summary_lines(c, table) for c in columns]
    head_height = PAD * 2 + LINE * (max((len(h) for h in heads), default=1) + subtitled) + max(
        (ABOUT_LINE * len(lines) + 6 for lines in summaries if lines), default=0)
    page.boxes.append(Rect(MARGIN, y, LABEL_WIDTH, head_height, HEADER_FILL))
    page.texts.append(Text(MARGIN + PAD, y + PAD + 12, "Area", 12, bold=True, colour=MUTED))
    for index, (column, lines, summary) in enumerate(zip(columns, heads, summaries,
                                                          strict=True)):
        fill = HIGHLIGHT_FILL if column.highlighted else HEADER_FILL
        page.boxes.append(Rect(x_of(index), y, COLUMN_WIDTH, head_height, fill))
        for number, line in enumerate(lines):
            page.texts.append(Text(x_of(index) + PAD, y + PAD + 12 + LINE * number, line, 13,
                                   bold=True, italic=table.marked(column.source)))
        below = y + PAD + 12 + LINE * len(lines)
        if subtitled and column.subtitle.casefold() not in column.title.casefold():
            page.texts.append(Text(x_of(index) + PAD, below, column.subtitle, SMALL_SIZE,
                                   italic=table.marked(column.level_source), colour=MUTED))
        below += LINE * subtitled
        for number, line in enumerate(summary):
            page.texts.append(Text(x_of(index) + PAD, below + 2 + ABOUT_LINE * number, line,
                                   ABOUT_SIZE, italic=table.marked(column.summary_source),
                                   colour=MUTED))
    return y + head_height


def _summary_lines(column: Column, table: Table) -> list[str]:
    """The role's summary, wrapped for its header: the article's words (an upright source)
    in quotation marks, a summary of a secondary source as it is (drawn in italics)."""
    if not column.summary:
        return []
    text = clip(column.summary, SUMMARY_SHOWN)
    if column.summary_source is not None and not table.marked(column.summary_source):
        text = f"\u201c{text}\u201d"
    return wrap(text, COLUMN_WIDTH - 2 * PAD, ABOUT_SIZE)


def draw_group(page: Sheet, table: Table, area: Area, frame: Frame, y: float) -> float:
    """The band of an area's group, its name as the source writes it; the y below."""
    page.boxes.append(Rect(MARGIN, y, frame.width - 2 * MARGIN, GROUP_BAND, GROUP_FILL))
    page.texts.append(Text(MARGIN + PAD, y + GROUP_BAND - 8, _upper_first(area.group or ""), 12,
                           bold=True, italic=table.marked(area.group_source), colour=MUTED))
    return y + GROUP_BAND


def draw_row(page: Sheet, table: Table, row: Row, frame: Frame, y: float,
             lines: tuple[int, int] | None = None) -> float:
    """An area's row at ``y``: all of it, or its cells' ``lines`` (first, last + 1) when a
    book cuts a tall row across pages (the label then says "continued"); the y below."""
    columns, x_of, area = frame.columns, frame.x_of, row.area
    first, last = lines if lines is not None else (0, row.lines(columns))
    cut = first > 0
    label = row.label if not cut else [*row.label[:1], "(continued)"]
    about = row.about if not cut else []
    label_height = LINE * (len(label) + (1 if row.note and not cut else 0)) + (
        ABOUT_LINE * len(about) + (4 if about else 0))
    height = PAD * 2 + max(label_height, LINE * (last - first))
    page.boxes.append(Rect(MARGIN, y, LABEL_WIDTH, height, "#ffffff"))
    if is_colour(area.colour):  # the area's own colour, as a bar down its name
        page.boxes.append(Rect(MARGIN, y, 5, height, area.colour, area.colour))
    for number, line in enumerate(label):
        page.texts.append(Text(MARGIN + PAD, y + PAD + 12 + LINE * number, line,
                               13 if number == 0 or not cut else SMALL_SIZE, bold=not (
                                   cut and number), italic=table.marked(area.source)
                               or (cut and number > 0), colour=INK))
    for number, line in enumerate(about):
        page.texts.append(Text(MARGIN + PAD, y + PAD + 16 + LINE * len(label)
                               + ABOUT_LINE * number, line, ABOUT_SIZE,
                               italic=table.marked(area.summary_source), colour=MUTED))
    if row.note and not cut:
        colour = NEW_MARK if row.note in (NEW, RAISED) else MUTED
        words = {NEW: "new at this level", RAISED: "raised", DROPPED: "no longer listed"}
        page.texts.append(Text(MARGIN + PAD, y + PAD + 12 + LINE * len(label),
                               words.get(row.note, row.note), SMALL_SIZE, italic=True,
                               colour=colour))
    for index, column in enumerate(columns):
        fill = HIGHLIGHT_FILL if column.highlighted else "#ffffff"
        page.boxes.append(Rect(x_of(index), y, COLUMN_WIDTH, height, fill))
        for number, (indent, text, size, bold, italic, colour) in enumerate(
                row.cells[column.key][first:last]):
            page.texts.append(Text(x_of(index) + PAD + indent, y + PAD + 12 + LINE * number,
                                   text, size, bold, italic, colour))
    return y + height


def outline_highlights(page: Sheet, frame: Frame, top: float, bottom: float) -> None:
    """A highlighted column gets a strong outline over the whole body."""
    for index, column in enumerate(frame.columns):
        if column.highlighted:
            page.boxes.append(Rect(frame.x_of(index), top, COLUMN_WIDTH, bottom - top,
                                  "none", HIGHLIGHT_EDGE, 2.5))


def matrix_page(table: Table, options: MatrixOptions) -> Sheet:
    """Lay the table out on one page: sizes of every row and column, and each line of text."""
    frame = frame_for(table.columns)
    page = Sheet(frame.width, 0.0)
    y = draw_header(page, table, frame, draw_title(page, table, frame.width))
    top_of_body = y
    group = None
    for row in matrix_rows(table, options):
        if row.area.group and row.area.group != group:
            group = row.area.group
            y = draw_group(page, table, row.area, frame, y)
        y = draw_row(page, table, row, frame, y)
    outline_highlights(page, frame, top_of_body, y)
    page.height = y + MARGIN
    return page


# --- writers ----------------------------------------------------------------------------------


def _em(html: str, marked: bool) -> str:
    """HTML ``html`` in italics (``<em class="practice">``) when its fact is set apart."""
    return f'<em class="practice">{html}</em>' if marked else html


def _statement_html(item: Item, options: MatrixOptions, table: Table) -> str:
    text = _em(xml_text(item.statement.text), table.marked(item.statement.source))
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
        f"{_em(xml_text(c.title), table.marked(c.source))}<br>"
        f"<small>{_em(xml_text(c.subtitle), table.marked(c.level_source))}</small>"
        + (f'<p class="summary">{_em(xml_text(_quoted(c, table)), table.marked(c.summary_source))}'
           "</p>" if c.summary else "") + "</th>"
        for c in table.columns)
    rows = []
    group = None
    for area in table.areas:
        if area.group and area.group != group:
            group = area.group
            rows.append(f'<tr class="group"><th colspan="{len(table.columns) + 1}">'
                        f"{_em(xml_text(_upper_first(group)), table.marked(area.group_source))}"
                        "</th></tr>")
        note = table.row_notes.get(area.id)
        about = _em(xml_text(area.summary), table.marked(area.summary_source))
        label = _em(xml_text(area.name), table.marked(area.source)) + (
            f"<br><small>{xml_text(note)}</small>" if note else (
                f"<br><small>{about}</small>" if area.summary else ""))
        cells = "".join(
            f'<td{marked if c.highlighted else ""}><ul>'
            + "".join(_statement_html(i, options, table)
                      for i in table.cells.get((area.id, c.key), []))
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
        "th p.summary{font-weight:normal;font-size:85%;color:#57606a;margin:.4em 0 0}\n"
        "</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n<p>{xml_text(table.subtitle)}</p>\n"
        + "".join(f'<p class="legend">{_em(xml_text(part), italic)}</p>\n'
                  for italic, part in zip((True, False), table.legend_parts(), strict=True)
                  if part) +
        f'<table>\n<thead><tr><th scope="col">Area</th>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows) + "\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def _md(text: str) -> str:
    """Text safe in a Markdown table cell: literal, no HTML, no links (names are data)."""
    return markdown_cell(text)


def _quoted(column: Column, table: Table) -> str:
    """A role's summary, in quotation marks when it is a source's own words (upright)."""
    if column.summary_source is not None and not table.marked(column.summary_source):
        return f"\u201c{column.summary}\u201d"
    return column.summary


def matrix_markdown(ladder: Ladder, options: MatrixOptions | None = None) -> str:
    """The matrix as Markdown: the roles with their summaries, then a heading and a table per
    area (a level per row); with a Source column when the ladder says where facts come from."""
    options = options or MatrixOptions()
    table = matrix_table(ladder, options)
    sourced = table.sourced()
    out = [f"# {_md(table.title)}\n"]
    if table.subtitle:
        out.append(f"\n{_md(table.subtitle)}\n")
    legend = table.legend()
    if legend:
        out.append(f"\n{_md(legend)} The Source column names each fact's source.\n")
    if any(c.summary for c in table.columns):
        out.append("\n## Roles\n\n| Role | Level | Summary |"
                   + (" Source |\n|---|---|---|---|\n" if sourced else "\n|---|---|---|\n"))
        for column in table.columns:
            level = "" if column.level is None else str(column.level)
            facts = [f"role: {column.source}" if column.source else "",
                     f"level: {column.level_source}" if column.level_source else "",
                     f"summary: {column.summary_source}" if column.summary_source else ""]
            out.append(f"| {_md(column.title)} | {level} | {_md(column.summary) or '–'} |"
                       + (f" {_md(', '.join(f for f in facts if f)) or '–'} |\n"
                          if sourced else "\n"))
    for area in table.areas:
        note = table.row_notes.get(area.id)
        out.append(f"\n## {_md(area.name)}{f' ({note})' if note else ''}\n")
        if area.summary:
            out.append(f"\n{_md(area.summary)}\n")
        facts = [f"{what}: {source}" for what, source in (
            ("area", area.source), ("summary", area.summary_source if area.summary else None),
            (f"group {area.group}", area.group_source if area.group else None)) if source]
        if facts:
            out.append(f"\nSource: {_md('; '.join(facts))}\n")
        out.append("\n| Level | Expectations |" + (" Source |\n|---|---|---|\n" if sourced
                                                     else "\n|---|---|\n"))
        for column in table.columns:
            items = table.cells.get((area.id, column.key), [])
            texts, cited = [], []
            for item in items:
                text = _md(item.statement.text)
                texts.append(f"**{text}** (new)" if item.mark == NEW else text)
                cited.append(item.statement.source or "–")
                texts += [f"*one of:* {_md(o)}" for o in item.statement.options]
                if options.examples:
                    texts += [f"*e.g.* {_md(e)}" for e in item.statement.examples]
            name = f"**{_md(column.title)}**" if column.highlighted else _md(column.title)
            out.append(f"| {name} | {'<br>'.join(texts) or '–'} |"
                       + (f" {'<br>'.join(_md(c) for c in cited) or '–'} |\n"
                          if sourced else "\n"))
    return "".join(out)


def matrix_bytes(ladder: Ladder, format: str, options: MatrixOptions | None = None) -> bytes:
    """The matrix in one of :data:`MATRIX_FORMATS`, as the bytes of the file."""
    options = options or MatrixOptions()
    if options.paper:  # pages of paper: ladder.renderers.matrix_book, which draws with these
        raise LadderError(f"--paper prints the matrix as a PDF book, not as one {format} page",
                          hint="write .pdf, or leave out --paper")
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


def _pick(kind: str, wanted: tuple[str, ...], names: dict[str, str],
          file: str | None) -> tuple[str, ...]:
    """Ids of the ``wanted`` tracks or areas, each given by its id or name (case ignored)."""
    by_name = {key.casefold(): key for key in names} | {
        name.casefold(): key for key, name in names.items()}
    found = []
    for name in wanted:
        key = by_name.get(name.strip().casefold())
        if key is None:
            raise LadderError(f"no {kind} called '{name}'", file=file,
                              hint=did_you_mean(name, [*names, *names.values()])
                              or f"{kind}s: {', '.join(names.values()) or 'none'}")
        found.append(key)
    return tuple(dict.fromkeys(found))


def matrix_options(ladder: Ladder, *, title: str | None = None, role: str | None = None,
                   level: int | None = None, compare: tuple[str, str] | None = None,
                   examples: bool = False, tracks: tuple[str, ...] = (),
                   areas: tuple[str, ...] = (), paper: str | None = None,
                   landscape: bool = False) -> MatrixOptions:
    """Options from what a user typed: a role by any of its names, a level, two roles, tracks
    and areas by id or name, a paper size (checked here, before anything is drawn)."""
    if paper:
        from ladder.renderers.book import paper_size  # lazy: a matrix loads no org layout

        paper_size(paper, landscape)  # an unknown paper is said before anything is drawn
    track_ids = _pick("track", tracks, {t.id: t.name for t in ladder.used_tracks()},
                      ladder.file)
    area_ids = _pick("area", areas, {a.id: a.name for a in ladder.areas.values()}, ladder.file)
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
    return MatrixOptions(title=title, roles=highlighted, compare=pair, examples=examples,
                         tracks=track_ids, areas=area_ids, paper=paper, landscape=landscape)


def _upper_first(text: str) -> str:
    """A heading's first letter raised, the rest as written ("IC skills", not "Ic skills")."""
    return text[:1].upper() + text[1:]
