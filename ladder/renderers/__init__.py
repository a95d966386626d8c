"""Renderers: a drawing the API has decided, out as the text or bytes of one format, and written.

The modules follow the pipeline of one drawing:

- :mod:`.drawings`: what a format draws, a :class:`~.drawings.LadderDrawing` or
  :class:`~.drawings.OrgDrawing` with every choice already made (variant, highlighted path,
  part of the org): plain data that every renderer reads;
- :mod:`.drawers`: the drawer functions the format table names, above the modules they call;
- :mod:`.files`: the one table of output formats (suffixes, the drawer of each kind of thing)
  and the one way to write a file;
- ladders: :mod:`.ladder_dot` (DOT text, levels as columns, tracks as lanes), then
  :mod:`.graphviz_backend`, the one module that runs Graphviz; :mod:`.ladder_json`; the matrix
  view (:mod:`.matrix`) and the self-assessment (:mod:`.radar`) are pages of shapes that
  :mod:`.page` writes as SVG, or as pinned DOT for PNG and PDF;
- org charts, laid out by :mod:`ladder.layout`: :mod:`.org_chart` chooses the whole chart,
  a part of it or pages; :mod:`.card_geometry` (where things sit on a card and a page) and
  :mod:`.org_cards` (what each card says); :mod:`.org_svg` writes the SVG directly and
  :mod:`.org_dot` the pinned DOT for PNG and PDF, :mod:`.org_write` picks between them within
  the size :mod:`.limits` allow; :mod:`.split` and :mod:`.pages` cut a big chart into pages that
  fit; :mod:`.layout_json` is the layout as JSON; :mod:`.diff_chart` draws a reorg diff;
- text and docs formats: :mod:`.views` (what they share), :mod:`.mermaid`, :mod:`.markdown`,
  and :mod:`.html_viewer` (one offline page, with the script and styles in ``viewer/``);
- the last step of every SVG: :mod:`.docs_svg`, through :mod:`.theme` (theme, accessible title,
  ids from the data).

Drawing is pure, ``(drawing, format) -> str | bytes``; a file is written only through
:func:`.files.write_bytes`, and Graphviz runs only in :mod:`.graphviz_backend`. Names and titles
are escaped by :mod:`ladder.escape`.
"""
