"""Questions about a ladder: its variants and its roles."""

from __future__ import annotations

import click

from ladder import api
from ladder.cli import (
    ladder_source_option,
    main,
    variant_options,
)


@main.command()
@ladder_source_option
def variants(ladder_source: str | None) -> None:
    """List the company-size variants of a ladder: name, company size, what it is for."""
    from ladder.model.variants import find_variant, project, variant_ids
    from ladder.sources.ladder_set import load_any_ladder

    ladder = load_any_ladder(ladder_source)
    rows = []
    for variant_id in variant_ids(ladder):
        spec = find_variant(ladder, variant_id)
        projected = project(ladder, variant_id)
        low, high = spec.headcount
        size = f"{low}+ people" if high is None else f"{low}-{high} people"
        titles = " -> ".join(r.title for r in sorted(projected, key=lambda r: r.level))
        rows.append((variant_id, size, f"{spec.summary}. Roles: {titles}"))
    width = max(len(r[0]) for r in rows)
    size_width = max(len(r[1]) for r in rows)
    for variant_id, size, text in rows:
        click.echo(f"{variant_id:<{width}}  {size:<{size_width}}  {text}")


@main.command()
@ladder_source_option
@variant_options
def roles(ladder_source: str | None, variant: str | None, headcount: int | None,
          head: str | None) -> None:
    """List a ladder's roles with their level, track, aliases and competencies."""
    ladder = api.ladder_for(ladder_source, variant=variant, headcount=headcount, head=head)
    for role in ladder:
        track = ladder.tracks[role.track].name
        click.echo(f"{role.title} ({role.id}): level {role.level}, {track}")
        if role.aliases:
            click.echo(f"  also called: {', '.join(role.aliases)}")
        for competency in role.competencies:
            source = f"  [{competency.source}]" if competency.source else ""
            click.echo(f"  - {competency.name}{source}")
    if ladder.sources:
        click.echo("")
        for source in ladder.sources.values():
            click.echo(f"[{source.id}] {source.title}")


