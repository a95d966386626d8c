"""Read an HR export (CSV, TSV or XLSX) into a header and numbered records of text.

Everything is text: ids keep their leading zeros, numbers are never reinterpreted. Each record
carries the row a spreadsheet shows for it (the header is row 1 when it is the first line; a
record whose quoted fields hold line breaks is still one row; a blank line is a row) and the
line of the file where it starts, which differs once a record above spans several lines. In
XLSX both are the sheet row.

>>> table = parse_table('id,name\\n1,"Ann\\nLee"\\n\\n2,Bo\\n', "x.csv")
>>> table.headers, [(r.row, r.line, r.values) for r in table.records]
(['id', 'name'], [(2, 2, ['1', 'Ann\\nLee']), (4, 5, ['2', 'Bo'])])
>>> where(4, 5), where(2, 2)
('row 4 (line 5)', 'row 2')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress, count
from operator import attrgetter, itemgetter
from pathlib import Path

from ladder.errors import SourceError, did_you_mean, summarised
from ladder.sources.formats import INPUT_FORMATS, TABLE, input_format, suffix_list
from ladder.sources.inputs import MAX_BYTES_ENV, check_input, max_input_bytes, read_input

DELIMITERS = (",", ";", "\t", "|")
HEADER_SEARCH = 20  # rows searched for the header below title lines


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to make, and an export
class Record:           # makes one per row; treat records as values all the same
    row: int  # 1-based row as a spreadsheet numbers it (XLSX: the sheet row)
    values: list[str]
    line: int = 0  # 1-based line of the file where the record starts (0: same as row)

    @property
    def where(self) -> str:
        """``row 201 (line 223)``, or ``row 201`` when both agree."""
        return where(self.row, self.line)


def where(row: int, line: int | None) -> str:
    """How messages name a row: the spreadsheet row, and the text line when it differs."""
    return f"row {row} (line {line})" if line and line != row else f"row {row}"


@dataclass
class ExportTable:
    file: str
    headers: list[str]
    header_row: int
    records: list[Record] = field(default_factory=list)
    encoding: str | None = None  # text files: the encoding that decoded it
    sheet: str | None = None  # XLSX: the sheet read
    part: str | None = None  # the rows of one kind taken from a file holding several kinds
    repeats: list[Record] = field(default_factory=list)  # rows that repeat the header row
    other_sheets: list[str] = field(default_factory=list)  # XLSX: sheets with data not read


def read_table(
    path: str | Path, *, want_sheet: Callable[[list[str]], bool] | None = None,
    text: str | None = None, sheet: str | None = None,
) -> ExportTable:
    """Read a CSV/TSV/TXT or XLSX/XLSM export (its format from
    :mod:`ladder.sources.formats`); ``want_sheet(headers)`` picks among XLSX sheets, unless
    ``sheet`` names one (its name, or its number from 1).

    With ``text``, the export is that text (CSV or TSV) and ``path`` only names it.
    """
    path = Path(path)
    if sheet is not None and (text is not None or input_format(path) != INPUT_FORMATS["xlsx"]):
        raise SourceError("option 'sheet' chooses a sheet of a workbook (.xlsx), and this is "
                          "no workbook", file=str(path), hint="leave out option 'sheet'")
    if text is not None:
        tab = input_format(path) == INPUT_FORMATS["tsv"]
        return parse_table(text, str(path), delimiter="\t" if tab else None)
    if path.is_dir():
        raise SourceError("is a folder, not a file", file=str(path))

    found = input_format(path, sniff=True)
    if found is not None and found.refused:
        check_input(path)  # a missing file says so first
        raise SourceError(f"{found.holds} ({', '.join(found.suffixes)}) cannot be read",
                          file=str(path), hint=found.refused)
    if found is None or found.family != TABLE:
        raise SourceError(f"cannot read '{path.suffix or path.name}' files as an HR export",
                          file=str(path), hint=f"use {suffix_list(TABLE).replace('/', ', ')}")
    if found.name == "xlsx":
        check_input(path)
        return _read_xlsx(path, want_sheet, sheet)
    data = read_input(path)
    text, encoding = decode(data, str(path))
    delimiter = "\t" if found.name == "tsv" else None
    table = parse_table(text, str(path), delimiter=delimiter)
    table.encoding = encoding
    return table


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Text and the encoding it was in: a byte-order mark decides, else UTF-8, else cp1252.

    >>> decode("café".encode("cp1252"), "x.csv")
    ('café', 'cp1252')
    >>> decode(b"\\xef\\xbb\\xbfid", "x.csv")
    ('id', 'utf-8-sig')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as error:
            line = data[3 : 3 + error.start].count(b"\n") + 1
            raise SourceError("not valid UTF-8 although it starts with a UTF-8 mark",
                              file=file, line=line,
                              hint="save it again as 'CSV UTF-8' from your spreadsheet") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise SourceError("not valid UTF-16 although it starts with a UTF-16 mark",
                              file=file, hint="save it again as 'CSV UTF-8'") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"  # what Excel on Windows writes
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"  # every byte is a character: never fails


def parse_table(text: str, file: str, *, delimiter: str | None = None) -> ExportTable:
    """Split CSV text into header and records; the delimiter is guessed when not given."""
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise SourceError("holds NUL bytes: not a text export", file=file, line=line,
                          hint="export it again as CSV, or give the .xlsx file")
    if not text.strip():
        raise SourceError("the file is empty", file=file,
                          hint="export it again with a header row and one row per person")
    if delimiter is None:
        delimiter = sniff_delimiter(text)
    csv.field_size_limit(1 << 26)  # exports embed long notes and even photos in a field
    # csv yields one list per record, [] for a blank line: the spreadsheet's rows
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        values = list(reader)
    except csv.Error:
        values = None
    if values is not None and reader.line_num == len(values):
        # no record spans lines (the usual export): each starts on the line of its row
        rows = list(map(Record, count(1), values, count(1)))
    else:  # read again, record by record, for the line where each starts (or the error)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows = []
        start = 1
        try:
            for number, record in enumerate(reader, 1):
                rows.append(Record(number, record, start))
                start = reader.line_num + 1
        except csv.Error as error:
            raise SourceError(f"cannot read the CSV ({where(len(rows) + 1, reader.line_num + 1)})"
                              f": {error}", file=file, line=len(rows) + 1,
                              hint="a quote is probably not closed") from None
    return _table(file, rows)


def sniff_delimiter(text: str) -> str:
    """The delimiter used most in the first line (outside quotes); ',' on a tie.

    >>> sniff_delimiter("id;name;manager\\n"), sniff_delimiter('"a,b"\\tc\\n')
    (';', '\\t')
    """
    # the first lines only (splitting a whole export costs as much as reading it); the
    # window's last line may be cut short
    window = text[:65536]
    lines = window.splitlines()[:-1] if len(window) < len(text) else window.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        first = next((line for line in text.splitlines() if line.strip()), "")
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first (',') on a tie
    return best if counts[best] else ","


def _table(file: str, rows: Iterable[Record], sheet: str | None = None) -> ExportTable:
    """Header row = the first row filled at least 60% as wide as the widest of the first
    rows, and at least two cells wide (title lines above it are not data); records = the
    non-blank rows below it."""
    rows = list(rows)
    filled = [sum(1 for v in r.values if v.strip()) for r in rows[:HEADER_SEARCH]]
    wide_enough = max(2, math.ceil(0.6 * max(filled, default=0)))
    header_at = next((i for i, n in enumerate(filled) if n >= wide_enough), None)
    if header_at is None:
        if any(v.strip() for r in rows for v in r.values):
            raise SourceError("no header row found (a row with the column names)", file=file,
                              line=rows[0].row if rows else None,
                              hint="the first row should name the columns, e.g. id,name,manager")
        raise SourceError("the file is empty" if sheet is None else f"sheet '{sheet}' is empty",
                          file=file, hint="export it again with a header row and one row "
                          "per person")
    header = rows[header_at]
    headers = [h.strip().lstrip("\ufeff") for h in header.values]
    # blank rows dropped: a row whose first cell holds something is not blank (the usual
    # row: a million rows are not joined and stripped one by one)
    below = rows[header_at + 1:]
    cells = list(map(attrgetter("values"), below))
    firsts = list(map(str.strip, map(itemgetter(0), cells))) if [] not in cells else []
    if firsts and all(firsts):
        records = below
    else:
        records = list(compress(below, map(str.strip, map("".join, cells))))
        firsts = [r.values[0].strip() for r in records]
    # the header again inside the data (exports glued together): not a person, and reported
    same = [h.lower() for h in headers]
    first, width = same[0], len(same)  # a row unlike the header in its first cell is data
    repeats: list[Record] = []
    if first in "\n".join(firsts).lower():  # some first cell holds it: look at each
        repeats = [r for r, cell in zip(records, firsts, strict=True) if cell.lower() == first
                   and len(r.values) == width
                   and [v.strip().lower() for v in r.values] == same]
    if repeats:
        again = set(map(id, repeats))
        records = [r for r in records if id(r) not in again]
    if not records:
        raise SourceError("has a header row but no data rows", file=file, line=header.row,
                          hint="export it again with one row per person below the header")
    return ExportTable(file, headers, header.row, records, sheet=sheet, repeats=repeats)


def _read_xlsx(path: Path, want_sheet: Callable[[list[str]], bool] | None,
               asked: str | None = None) -> ExportTable:
    import zipfile  # here: a CSV chart needs none of the XLSX machinery

    try:
        import openpyxl
    except ImportError:  # pragma: no cover - installed with ladder
        raise SourceError("reading .xlsx needs the openpyxl package", file=str(path),
                          hint="pip install openpyxl") from None
    # what a damaged or foreign file makes openpyxl raise (SyntaxError: broken XML)
    import struct
    import zlib

    from openpyxl.utils.exceptions import InvalidFileException

    # (zlib.error, EOFError, struct.error: a damaged zip member, found by fuzzing)
    unreadable = (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError,
                  TypeError, SyntaxError, zlib.error, EOFError, struct.error)

    def fail(error: Exception) -> SourceError:
        return SourceError(f"not a readable .xlsx file ({type(error).__name__})",
                           file=str(path), hint="open it in a spreadsheet and save it again "
                           "as .xlsx, or export CSV")

    _check_unpacked_size(path)
    try:  # opened here: openpyxl refuses a path not named .xlsx, and content decides
        stream = open(path, "rb")  # closed with the book, below
    except OSError as error:
        raise SourceError(f"cannot read the file: {error.strerror}", file=str(path)) from None
    try:
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except unreadable as error:
        stream.close()
        raise fail(error) from None
    try:
        sheets = list(book.worksheets)
        if not sheets:
            raise SourceError("the workbook has no sheets", file=str(path),
                              hint="export the sheet with the people")
        if asked is not None:  # the one sheet asked for, and no remark on the others
            sheets = [_asked_sheet(sheets, asked, str(path))]
        found: list[ExportTable] = []
        for sheet in sheets:
            # the sheet's declared size (A1:XFD1048576 in a hostile file) is not trusted: rows
            # are read as they are, not padded out to 16,384 columns each
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            try:
                rows = [
                    Record(number, [_cell_text(v) for v in values], number)
                    for number, values in enumerate(
                        sheet.iter_rows(min_row=1, values_only=True), 1)
                ]
            except unreadable as error:
                raise fail(error) from None
            try:
                table = _table(str(path), rows, sheet=sheet.title)
            except SourceError:
                if asked is not None:
                    raise
                continue  # an empty or header-only sheet: look at the next one
            if want_sheet is None or want_sheet(table.headers):
                return _others_noted(table, sheets)
            found.append(table)
        if found:
            return _others_noted(found[0], sheets)
        raise SourceError("no sheet holds a header row and data rows", file=str(path),
                          hint="sheets: " + summarised([f"'{s.title}'" for s in sheets]))
    finally:
        book.close()
        stream.close()


def _asked_sheet(sheets: list, asked: str, file: str):
    """The sheet named ``asked`` (its name, in any case, or its number from 1), else a
    SourceError naming the sheets there are."""
    names = [sheet.title for sheet in sheets]
    for matches in (lambda name: name == asked,
                    lambda name: name.strip().casefold() == asked.strip().casefold()):
        found = [sheet for sheet in sheets if matches(sheet.title)]
        if found:
            return found[0]
    if asked.strip().isdigit() and 1 <= int(asked) <= len(sheets):
        return sheets[int(asked) - 1]
    listed = summarised([f"{n}: '{name}'" for n, name in enumerate(names, 1)])
    raise SourceError(f"no sheet '{asked}' in the workbook ({listed})", file=file,
                      hint=did_you_mean(asked, names) or "give a sheet's name or its number")


def _others_noted(table: ExportTable, sheets: list) -> ExportTable:
    """``table`` with the names of the workbook's other sheets that hold something (two rows
    at most are read of each), so that the user is told which one was drawn."""
    import itertools

    for sheet in sheets:
        if sheet.title == table.sheet:
            continue
        first = itertools.islice(sheet.iter_rows(min_row=1, values_only=True), 2)
        if any(_cell_text(v).strip() for row in first for v in row):
            table.other_sheets.append(sheet.title)
    return table


def _check_unpacked_size(path: Path) -> None:
    """An .xlsx is a zip: refuse one whose parts unpack past the input limit (a zip bomb of a
    few hundred KB can hold gigabytes of XML), before any of it is unpacked."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(max(info.file_size, 0) for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl says the file is not a workbook, with the usual hint
    limit = max_input_bytes()
    if unpacked > limit:
        raise SourceError(f"unpacks to {unpacked // 2**20:,} MB, more than the "
                          f"{limit // 2**20} MB ladder reads", file=str(path),
                          hint=f"set {MAX_BYTES_ENV} to read bigger files, or export CSV")


def _cell_text(value: object) -> str:
    """A cell as the text a user typed: whole numbers without '.0', dates in ISO form.

    >>> _cell_text(1001.0), _cell_text(0.5), _cell_text(None), _cell_text(dt.date(2024, 1, 2))
    ('1001', '0.5', '', '2024-01-02')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
