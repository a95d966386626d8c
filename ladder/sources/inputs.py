"""Reading a user's file: regular files only, never more than the input limit.

Kept apart from the YAML machinery of :mod:`ladder.sources.document`: charting a CSV export
reads its file through here without importing YAML.
"""

from __future__ import annotations

import os
from pathlib import Path

from ladder.errors import SourceError

MAX_BYTES_ENV = "LADDER_MAX_INPUT_MB"
MAX_MEGABYTES = 200


def check_input(path: Path) -> int:
    """The size of ``path`` when it is a regular file ladder may read, else a SourceError:
    missing, a folder, a device, a fifo or a socket (a link to /dev/zero would never end),
    or bigger than the input limit. Every reader of a user's file calls this first."""
    try:
        if not path.exists():
            raise SourceError("file not found", file=str(path))
        if not path.is_file():
            raise SourceError("not a regular file", file=str(path),
                              hint="give a file, not a folder, device or pipe")
        size = path.stat().st_size
    except OSError as error:
        raise SourceError(f"cannot read the file: {error.strerror}", file=str(path)) from None
    limit = max_input_bytes()
    if size > limit:
        raise SourceError(f"larger than the {limit // 2**20} MB ladder reads", file=str(path),
                          hint=f"set {MAX_BYTES_ENV} to read bigger files")
    return size


def read_input(path: Path) -> bytes:
    """The bytes of a user's file, checked by :func:`check_input`; never more than the limit
    (a file that grows while read, or one that says it is empty but is not, is cut short and
    refused)."""
    check_input(path)
    limit = max_input_bytes()
    try:
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise SourceError(f"cannot read the file: {error.strerror}", file=str(path)) from None
    if len(data) > limit:
        raise SourceError(f"larger than the {limit // 2**20} MB ladder reads", file=str(path),
                          hint=f"set {MAX_BYTES_ENV} to read bigger files")
    return data


def max_input_bytes() -> int:
    """The biggest input file read, in bytes (``LADDER_MAX_INPUT_MB`` raises it)."""
    text = os.environ.get(MAX_BYTES_ENV, "")
    return (int(text) if text.isdigit() else MAX_MEGABYTES) * 2**20
