"""What tests/test_dead_code.py lets vulture report as unused in ``ladder/``, and why.

Vulture reads the code alone, so it cannot see a framework calling a function by name: click
running a command, MkDocs a plugin hook, docutils a directive, PyYAML a dumper method, Python a
module's ``__dir__``. Those are listed here, each with the caller vulture cannot see. Every other
function or constant without a caller outside the tests is deleted, or given its caller.
The output-format table (``ladder.renderers.files.FORMATS``) and the framework readers
(``ladder.sources.frameworks.READERS``) name their functions as text; the test reads them from
the tables, so they need no entry here.
"""

# Decorators that hand the function to a framework, which calls it.
DECORATORS: dict[str, str] = {
    "@main.command": "click: the command group runs the command the user names",
}

# Names (of any function, method, attribute or argument) whose caller vulture cannot see.
NAMES: dict[str, str] = {
    "__dir__": "Python: dir(ladder) calls a module's __dir__ (PEP 562), to list the lazy API",
    "format_commands": "click: Group.format_help calls it to list the commands in --help",
    "param": "click: an option callback is called as callback(ctx, param, value)",
    "LadderPlugin": "MkDocs: the mkdocs.plugins entry point in pyproject.toml names the class",
    "on_config": "MkDocs calls a plugin's on_<event> hooks by name",
    "on_page_markdown": "MkDocs calls a plugin's on_<event> hooks by name",
    "on_pre_build": "MkDocs calls a plugin's on_<event> hooks by name",
    "on_post_build": "MkDocs calls a plugin's on_<event> hooks by name",
    "on_serve": "MkDocs calls a plugin's on_<event> hooks by name",
    "language": "pymdownx.superfences passes it to a fence's formatter and validator",
    "class_name": "pymdownx.superfences passes it to a fence's formatter",
    "md": "pymdownx.superfences passes the Markdown instance to a formatter and validator",
    "kwargs": "pymdownx.superfences passes newer arguments to a formatter by keyword",
    "optional_arguments": "docutils reads a Directive's argument spec by name",
    "final_argument_whitespace": "docutils reads a Directive's argument spec by name",
    "has_content": "docutils reads a Directive's argument spec by name",
    "option_spec": "docutils reads a Directive's argument spec by name",
    "ignore_aliases": "PyYAML: the Dumper asks it before writing an &anchor",
    "alignment": "openpyxl writes a cell's alignment, font and fill into the XLSX",
    "freeze_panes": "openpyxl writes the sheet's frozen header into the XLSX",
    "modified": "openpyxl writes the document's dates (fixed: same bytes every time)",
    "compress_type": "zipfile reads a member's compression when writing the XLSX again",
    # python-pptx writes the attributes an org chart's deck sets on its slides and shapes
    **{name: "python-pptx writes it into the PowerPoint deck" for name in (
        "slide_width", "slide_height", "rgb", "target_slide", "word_wrap",
        "vertical_anchor", "margin_left", "margin_right", "margin_top", "margin_bottom",
        "author", "last_modified_by", "revision")},
    # the graphviz package calls the hooks of its Source that run Graphviz, by keyword
    **{name: "graphviz: Source.pipe/.render call the hooks ladder.api.graphviz_source "
             "overrides, with these arguments" for name in (
        "_pipe_lines", "_pipe_lines_string", "_render", "input_encoding", "quiet")},
    "undrawn": "ImportResult (ladder.import_export): the rows on no card, for a script that "
               "accounts for every row (tests/hr_helpers.py checks each is named by a problem)",
}
