"""Which input files may be read: regular files inside the input folder, under a size limit.

A page file is published in part (its text in the tables, its raw lines in rejects), so a link
that leads elsewhere on the machine must not be followed: its target could be anything. What
is refused becomes a row with the reason and none of the file's content.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

DEFAULT_MAX_PAGE_BYTES = 64 * 1024 * 1024  # the largest seed page is 150 KB
SIZE_SETTING = "CORPUS_MAX_PAGE_BYTES"
KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


class RefusedInput(Exception):
    """An input file that is not read, with the reason a person reads in rejects."""


def _kind(mode: int) -> str:
    return KINDS.get(stat.S_IFMT(mode), "not a regular file")


def admitted_path(raw_dir: Path, path: Path, max_bytes: int) -> Path:
    """The file to read for `path`, or RefusedInput: a link is followed only to a regular file
    inside `raw_dir`, and nothing larger than `max_bytes` is read."""
    root = raw_dir.resolve()
    target = path.resolve()
    if path.is_symlink():
        if not target.is_relative_to(root):
            raise RefusedInput("a link to a file outside the input folder: not followed")
        if not target.exists():
            raise RefusedInput("a link to nothing (the file it names is missing)")
    elif not target.is_relative_to(root):  # e.g. a linked folder on the way
        raise RefusedInput("a path that leads outside the input folder: not followed")
    info = target.stat()
    if not stat.S_ISREG(info.st_mode):
        raise RefusedInput(f"{_kind(info.st_mode)}, not a regular file: not read")
    if info.st_size > max_bytes:
        raise RefusedInput(_too_large(info.st_size, max_bytes))
    return target


def read_admitted(path: Path, max_bytes: int) -> bytes:
    """The bytes of an admitted file, opened without following a link and checked again on
    the open file (it may have changed since it was admitted)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise RefusedInput(f"could not be opened safely: {err.strerror}") from err
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise RefusedInput(f"{_kind(info.st_mode)}, not a regular file: not read")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise RefusedInput(_too_large(len(data), max_bytes, at_least=True))
    return data


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "at least " if at_least else ""
    limits = f"{more}{size:,} > {limit:,} bytes; {SIZE_SETTING}"
    return f"larger than the size limit ({limits}): not read"
