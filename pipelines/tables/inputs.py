"""Which input files may be read: regular files inside the input folder, under a size limit.

A page file is published in part (its text in the tables, its raw lines in rejects), so a link
that leads elsewhere on the machine must not be followed: its target could be anything. What
is refused becomes a row with the reason and none of the file's content.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pipelines.resources import ENV_VARS

SIZE_SETTING = ENV_VARS["max_page_bytes"]
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


def admitted_path(raw_dir: Path, path: Path, max_bytes: int) -> os.stat_result:
    """The file to read for `path` (its stat), or RefusedInput: a link is followed only to a
    regular file inside `raw_dir`, and nothing larger than `max_bytes` is read."""
    try:
        return _admitted(raw_dir, path, max_bytes)
    except RefusedInput:
        raise
    except (OSError, RuntimeError) as err:  # a link loop, a folder we may not read, a race
        raise RefusedInput(f"could not be examined: {_why(err)}") from err


def _admitted(raw_dir: Path, path: Path, max_bytes: int) -> os.stat_result:
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
    return info


def read_admitted(path: Path, admitted: os.stat_result, max_bytes: int) -> bytes:
    """The bytes of the file `admitted_path` admitted for `path`, opened without following a
    last link and checked on the open file to be that same file (same device and inode), so
    nothing swapped in since it was examined is read."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path.resolve(), flags)
    except (OSError, RuntimeError) as err:
        raise RefusedInput(f"could not be opened safely: {_why(err)}") from err
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise RefusedInput(f"{_kind(info.st_mode)}, not a regular file: not read")
        if (info.st_dev, info.st_ino) != (admitted.st_dev, admitted.st_ino):
            raise RefusedInput("changed while it was being read: not read")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise RefusedInput(_too_large(len(data), max_bytes, at_least=True))
    return data


def _why(err: Exception) -> str:
    return getattr(err, "strerror", None) or str(err)


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "at least " if at_least else ""
    limits = f"{more}{size:,} > {limit:,} bytes; {SIZE_SETTING}"
    return f"larger than the size limit ({limits}): not read"
