"""A ladder as DOT text: levels as columns, each track a coloured lane, moves as arrows.

Pure ``Ladder -> str``; Graphviz runs elsewhere (graphviz_backend). Levels become ranks through
edge lengths (``minlen`` = level difference) plus an invisible spine of level headers, so each
track can be a cluster (a lane) without fighting ``rank=same`` across clusters.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass, field

from ladder.escape import CARD_TEXT, clip, colour, dot_html, dot_string
from ladder.model import LATERAL, Ladder, Role
from ladder.text import wrap, years_phrase

FONT = "Helvetica,Arial,sans-serif"  # Graphviz draws the shipped Liberation Sans for any name
PALETTE = ("#3b6ea8", "#b5522b", "#4f8a3c", "#7a4fa3", "#a8873b", "#2f8c8c", "#a33b6b")
FADED = "#c9ccd1"
INK = "#1f2328"
MUTED = "#57606a"


@dataclass(frozen=True)
class Highlight:
    """Paths to emphasise: role ids on them and step numbers on their moves."""

    roles: frozenset[str] = frozenset()
    steps: dict[tuple[str, str], list[int]] = field(default_factory=dict)


def track_colours(ladder: Ladder) -> dict[str, str]:
    """Each track's colour: its own, else the palette in track order."""
    colours = {}
    for index, track in enumerate([*ladder.tracks.values(), *ladder.used_tracks()]):
        if track.id in colours:
            continue
        colours[track.id] = colour(track.colour, PALETTE[index % len(PALETTE)])
    return colours


def ladder_dot(
    ladder: Ladder,
    *,
    title: str | None = None,
    detail: bool = False,
    years: bool = True,
    highlight: Highlight | None = None,
) -> str:
    """DOT source of the ladder diagram.

    ``detail`` adds each role's summary and what it asks for to its card: its competencies,
    or for a role with none (an imported framework) one line per area, its first statement
    and how many more;
    ``years`` labels moves with typical years; ``highlight`` draws the given paths strongly
    and fades the rest.
    """
    colours = track_colours(ladder)
    levels = ladder.levels()
    heading = title if title is not None else default_title(ladder)
    secondary = secondary_sources(ladder)
    legend = _legend(ladder, colours, years=years, highlight=highlight, secondary=secondary,
                     detail=detail)
    lines = [
        "digraph ladder {",
        f"  graph [rankdir=LR, newrank=true, nodesep=0.35, ranksep=0.55, pad=0.3, "
        f"forcelabels=true, "
        f"fontname={dot_string(FONT)}, labelloc=t, labeljust=l, fontsize=20, "
        f"label=<{_title_label(heading, ladder, legend)}>];",
        f"  node [shape=plain, fontname={dot_string(FONT)}, fontsize=12];",
        f"  edge [fontname={dot_string(FONT)}, fontsize=10, arrowsize=0.8];",
    ]
    # The level spine: one header per level along the top, chained so levels keep their order.
    for level in levels:
        # a level number is set apart when every role at it has it from a secondary source
        label = _marked(f"Level {level}", all(
            ladder.secondary(r.level_source) for r in ladder if r.level == level))
        lines.append(f"  {_level_node(level)} [label=<<FONT COLOR=\"{MUTED}\">"
                     f"<B>{label}</B></FONT>>];")
    for low, high in zip(levels, levels[1:], strict=False):
        lines.append(f"  {_level_node(low)} -> {_level_node(high)} [style=invis];")
    for index, track in enumerate(ladder.used_tracks()):
        colour = colours[track.id]
        # The first lane is named above it, the others below, as on hand-drawn ladders.
        where = "t" if index == 0 else "b"
        lines.append(f"  subgraph {dot_string('cluster_' + track.id)} {{")
        lines.append(f"    graph [label=<<B>{dot_html(track.name)}</B>>, fontsize=14, "
                     f"labelloc={where}, fontcolor=\"{colour}\", color=\"{colour}\", "
                     f"style=\"rounded,dashed\", penwidth=1.2, margin=14];")
        for role in ladder:
            if role.track == track.id:
                faded = highlight is not None and role.id not in highlight.roles
                card = _card(role, colour, detail=detail, faded=faded, secondary=secondary,
                             area_names={a.id: a.name for a in ladder.areas.values()})
                lines.append(f"    {dot_string(role.id)} [label=<{card}>];")
        lines.append("  }")
    for level in levels:
        members = " ".join(dot_string(r.id) for r in ladder if r.level == level)
        lines.append(f"  {{ rank=same; {_level_node(level)} {members} }}")
    lines.extend(_move_lines(ladder, colours, years=years, highlight=highlight))
    lines.append("}")
    return "\n".join(lines) + "\n"


def default_title(ladder: Ladder) -> str:
    if ladder.variant:
        spec = ladder.variants.get(ladder.variant)
        name = spec.name if spec else ladder.variant
        return f"{ladder.name}: {name}"
    return ladder.name


def _title_label(heading: str, ladder: Ladder, legend: str) -> str:
    """Title, the variant's summary, and the legend, stacked at the top left."""
    spec = ladder.variants.get(ladder.variant) if ladder.variant else None
    rows = [f"<TR><TD ALIGN=\"LEFT\"><B>{dot_html(heading)}</B></TD></TR>"]
    if spec and spec.summary:
        rows.append(f"<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"12\" COLOR=\"{MUTED}\">"
                    f"{dot_html(spec.summary)}</FONT></TD></TR>")
    rows.append(f"<TR><TD ALIGN=\"LEFT\">{legend}</TD></TR>")
    return f"<TABLE BORDER=\"0\" CELLSPACING=\"2\">{''.join(rows)}</TABLE>"


def _level_node(level: int) -> str:
    return dot_string(f"level:{level}")


def secondary_sources(ladder: Ladder) -> set[str]:
    """The ladder's sources marked ``practice`` (:meth:`Ladder.secondary`): their facts are
    shown in italics, so a reader tells a published source's facts (the seed article's) from
    the ladder author's own."""
    return {source for source in ladder.sources if ladder.secondary(source)}


def _marked(html: str, secondary: bool) -> str:
    """DOT HTML ``html`` in italics when its fact comes from a secondary source."""
    return f"<I>{html}</I>" if secondary else html


def _card(role: Role, colour: str, *, detail: bool, faded: bool,
          secondary: Set[str] = frozenset(), area_names: dict[str, str] | None = None) -> str:
    """An HTML-like table: a coloured band, the title, aliases, and on request the summary,
    the competencies and the expectations per area."""
    band = FADED if faded else colour
    ink = FADED if faded else INK
    muted = FADED if faded else MUTED
    rows = [
        f"<TR><TD BGCOLOR=\"{band}\" HEIGHT=\"6\" FIXEDSIZE=\"FALSE\"></TD></TR>",
        f"<TR><TD CELLPADDING=\"6\"><FONT POINT-SIZE=\"13\" COLOR=\"{ink}\">"
        f"<B>{_marked(_wrap(role.title, 20), role.source in secondary)}</B></FONT></TD></TR>",
    ]
    aliases = [a for a in role.aliases if len(a) > 3][:2]
    if aliases:
        names = ", ".join(_marked(_wrap(a, 34), role.alias_source(a) in secondary)
                          for a in aliases)
        # a break after the first name when the line is long (never inside an italic run)
        if len("also " + ", ".join(aliases)) > 34:
            names = names.replace(", ", ",<BR/>", 1)
        rows.append(f"<TR><TD><FONT POINT-SIZE=\"9\" COLOR=\"{muted}\">also {names}"
                    f"</FONT></TD></TR>")
    if detail and role.summary:
        # the article's definition upright and quoted; a summary of our own in italics
        quoted = role.summary_source is not None and role.summary_source not in secondary
        text = clip(role.summary, SUMMARY_SHOWN)
        text = f"\u201c{text}\u201d" if quoted else text
        lines = _wrap(text, 44, align=True, limit=SUMMARY_SHOWN + 2)
        rows.append(f"<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" CELLPADDING=\"6\">"
                    f"<FONT POINT-SIZE=\"9\" COLOR=\"{muted}\">{_marked(lines, not quoted)}"
                    f"</FONT></TD></TR>")
    if detail and role.expectations and not role.competencies:
        # an imported framework lists no competencies: its expectations say what the role asks
        rows.append(_expectation_rows(role, area_names or {}, ink, muted, secondary))
    if detail and role.competencies:
        shown = [f"• <I>{dot_html(c.name)}</I>" if c.source in secondary
                 else "• " + dot_html(c.name) for c in role.competencies]
        # the whole label is one DOT string, and Graphviz reads 16,384 bytes of it at most
        while sum(len(item.encode()) + 20 for item in shown) > 12_000:
            shown.pop()
        if len(shown) < len(role.competencies):
            shown.append(f"… and {len(role.competencies) - len(shown)} more")
        items = "<BR ALIGN=\"LEFT\"/>".join(shown)
        rows.append(f"<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" CELLPADDING=\"6\">"
                    f"<FONT POINT-SIZE=\"10\" COLOR=\"{ink}\">{items}<BR ALIGN=\"LEFT\"/>"
                    f"</FONT></TD></TR>")
    border = FADED if faded else colour
    return (f"<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" "
            f"COLOR=\"{border}\" BGCOLOR=\"white\" STYLE=\"ROUNDED\">{''.join(rows)}</TABLE>")


SUMMARY_SHOWN = 240  # characters of a role's summary on its card; the matrix has it whole
STATEMENT_SHOWN = 60  # characters of an area's first statement on a card


def _expectation_rows(role: Role, area_names: dict[str, str], ink: str, muted: str,
                      secondary: Set[str] = frozenset()) -> str:
    """One line per area: its name, the first statement (cut), and how many more there are."""
    lines = []
    for area_id, statements in role.expectations:
        if not statements:
            continue
        more = f" (+{len(statements) - 1})" if len(statements) > 1 else ""
        first = _marked(_wrap(clip(statements[0].text, STATEMENT_SHOWN), 44, align=True),
                        statements[0].source in secondary)
        lines.append(f"<B>{dot_html(clip(area_names.get(area_id, area_id), 40))}</B>"
                     f"<FONT COLOR=\"{muted}\">{dot_html(more)}</FONT>"
                     f"<BR ALIGN=\"LEFT\"/>{first}")
    items = "<BR ALIGN=\"LEFT\"/>".join(lines)
    return (f"<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" CELLPADDING=\"6\">"
            f"<FONT POINT-SIZE=\"9\" COLOR=\"{ink}\">{items}<BR ALIGN=\"LEFT\"/>"
            f"</FONT></TD></TR>")


def _wrap(text: str, width: int, *, align: bool = False, limit: int = CARD_TEXT) -> str:
    """Break a title into lines of about ``width`` characters, escaped (and cut, as
    :func:`~ladder.escape.clip` cuts, past ``limit`` characters); ``align`` keeps the lines
    left aligned in a left-aligned cell."""
    words = clip(text, limit).split()
    # a word far wider than the card (a name with no spaces) is broken, not drawn on one line
    words = [word[i:i + width] if len(word) > 2 * width else word
             for word in words for i in range(0, len(word), width if len(word) > 2 * width
                                              else len(word))]
    lines = wrap(words, width)
    joint = "<BR ALIGN=\"LEFT\"/>" if align else "<BR/>"
    return joint.join(dot_html(line) for line in lines) or dot_html(text)


def _move_lines(ladder: Ladder, colours: dict[str, str], *, years: bool,
                highlight: Highlight | None) -> Iterable[str]:
    done: set[tuple[str, str]] = set()
    for move in ladder.moves:
        if (move.source, move.target) in done:
            continue
        source, target = ladder.roles[move.source], ladder.roles[move.target]
        back = ladder.move_between(move.target, move.source)
        both = move.kind == LATERAL and back is not None and back.kind == LATERAL
        done.add((move.source, move.target))
        if both:
            done.add((move.target, move.source))
        attrs: dict[str, str] = {}
        label_parts = []
        if years and move.years is not None:
            label_parts.append(years_phrase(move.typical_years, short=True))
        steps = []
        if highlight is not None:
            steps = highlight.steps.get((move.source, move.target), [])
            if both:
                steps = steps + highlight.steps.get((move.target, move.source), [])
        if steps:
            label_parts.insert(0, " ".join(f"({n})" for n in sorted(steps)))
        if move.kind == LATERAL:
            attrs.update(style="dashed", color=MUTED, constraint="false", penwidth="1.4")
            if both:
                attrs["dir"] = "both"
        else:
            attrs.update(color=colours[source.track], penwidth="2.6",
                         minlen=str(max(1, target.level - source.level)))
        if highlight is not None:
            if steps:
                attrs.update(color=INK if move.kind == LATERAL else "#d4380d", penwidth="4")
            else:
                attrs.update(color=FADED)
        html_label = None
        if label_parts:
            # A move within a lane runs straight and carries its label; one between lanes
            # crosses lane borders, so its label is placed after layout, clear of the lines.
            key = "label" if source.track == target.track else "xlabel"
            attrs["fontcolor"] = MUTED if not steps else INK
            text = " " + "  ".join(label_parts) + " "
            if years and move.years is not None and ladder.secondary(move.years_source):
                # years of a secondary source (practice) in italics, a step number upright
                parts = [dot_html(part) for part in label_parts]
                parts[-1] = f"<I>{parts[-1]}</I>"
                html_label = f"{key}=< {'  '.join(parts)} >"
            else:
                attrs[key] = text
        rendered = ", ".join([f"{key}={dot_string(value)}" for key, value in attrs.items()]
                             + ([html_label] if html_label else []))
        yield f"  {dot_string(move.source)} -> {dot_string(move.target)} [{rendered}];"


def _legend(ladder: Ladder, colours: dict[str, str], *, years: bool,
            highlight: Highlight | None, secondary: Set[str] = frozenset(),
            detail: bool = False) -> str:
    """A one-row key: what the colours and line styles mean."""
    cells = []

    for track in ladder.used_tracks():
        cells.append(f"<TD><FONT COLOR=\"{colours[track.id]}\">&#9632;</FONT> "
                     f"{dot_html(track.name)}</TD>")
    cells.append(f"<TD><FONT COLOR=\"{INK}\">&#10230;</FONT> promotion</TD>")
    if any(m.kind == LATERAL for m in ladder.moves):
        cells.append(f"<TD><FONT COLOR=\"{MUTED}\">- - &#8594;</FONT> lateral move</TD>")
    if years and any(m.years is not None for m in ladder.moves):
        cells.append("<TD>~N yrs: typical years in the role before the move</TD>")
    if highlight is not None:
        cells.append("<TD><FONT COLOR=\"#d4380d\">&#9644;</FONT> (n): step n of a path</TD>")
    drawn = set(_drawn_sources(ladder, years=years, detail=detail))
    shown = [s for s in ladder.sources.values() if s.id in secondary and s.id in drawn]
    if shown:
        cells.append(f"<TD><I>italics</I>: {'; '.join(dot_html(s.title) for s in shown)}</TD>")
    return (f"<FONT POINT-SIZE=\"10\" COLOR=\"{MUTED}\"><TABLE BORDER=\"0\" "
            f"CELLSPACING=\"6\" CELLPADDING=\"0\"><TR>{''.join(cells)}</TR></TABLE></FONT>")


def _drawn_sources(ladder: Ladder, *, years: bool, detail: bool) -> Iterable[str | None]:
    """The sources of the facts the graph draws: titles, levels, the two aliases on a card,
    years when labelled, and with ``detail`` summaries, competencies and statements."""
    for role in ladder:
        yield role.source
        yield role.level_source
        yield from (role.alias_source(a) for a in [a for a in role.aliases if len(a) > 3][:2])
        if detail:
            yield role.summary_source if role.summary else None
            yield from (c.source for c in role.competencies)
            if not role.competencies:
                yield from (s[0].source for _, s in role.expectations if s)
    if years:
        yield from (m.years_source for m in ladder.moves if m.years is not None)
