"""Writing users' files safely: atomic replace, locks, stdout and special files.

What kgraph promises about the files it writes (see the README):

* A file is written to a temporary file beside it and renamed over it only
  when the writing succeeded, so a failure (an error, Ctrl-C, SIGTERM,
  SIGKILL) leaves the previous file byte-identical. Temporary files are
  removed on errors, Ctrl-C and SIGTERM.
* ``-`` is standard output.
* A symbolic link is followed: the file it points to is replaced, the link
  stays. A FIFO or a device is written to, never replaced.
* A replaced file keeps its permission bits; a new file gets the umask's.
* What two processes may write is locked: :func:`locked` takes an exclusive
  ``flock`` on a hidden lock file beside the target (``.NAME.lock``), and
  readers of a store take a shared one.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import LockError, OutputError

__all__ = ["STDOUT", "atomic_open", "atomic_path", "check_output", "is_special", "locked", "lock_path", "real_target"]

#: The path that means standard output.
STDOUT = "-"
#: The marker file that makes a directory a kgraph store (see :mod:`kgraph.graph.store`).
STORE_MARKER = ".kgraph-store"
#: Part of the name of every temporary file kgraph writes beside a target (``.NAME.kgraph-XXXX.tmp``).
TEMP_TAG = "kgraph-"
#: Seconds a writer waits for another kgraph process to release a target (``--lock-timeout``).
DEFAULT_LOCK_TIMEOUT = 600.0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def real_target(path: str | os.PathLike[str]) -> Path:
    """``path`` with symbolic links followed (the file that would really be written)."""
    return Path(os.path.realpath(os.fspath(path)))


def is_special(path: Path) -> bool:
    """Whether ``path`` exists and is a FIFO, a socket or a device (written to, never replaced)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)


def _reason(err: OSError) -> str:
    return err.strerror or type(err).__name__


def check_output(path: str | os.PathLike[str]) -> Path:
    """Check that a file can be written at ``path`` and return its real location.

    Raises:
        OutputError: one line naming the path and the reason (a directory, a missing
            or non-directory parent, no permission).
    """
    shown = os.fspath(path)
    target = real_target(path)
    if target.is_dir():
        raise OutputError(f"{shown}: is a directory; give a file name")
    parent = target.parent
    if not parent.exists():
        raise OutputError(f"{shown}: no such directory {parent}")
    if not parent.is_dir():
        raise OutputError(f"{shown}: {parent} is not a directory")
    if is_special(target):
        if not os.access(target, os.W_OK):
            raise OutputError(f"{shown}: permission denied")
        return target
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{shown}: permission denied (cannot create files in {parent})")
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputError(f"{shown}: permission denied")
    return target


def _copy_into(source: Path, handle: IO[bytes]) -> None:
    with open(source, "rb") as data:
        shutil.copyfileobj(data, handle, 1 << 20)
    handle.flush()


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes ``path``.

    ``-`` is standard output (the temporary file is copied to it); FIFOs and
    devices are written to; symbolic links are followed; an existing file's
    permission bits are kept; the temporary file is removed on any failure.

    Raises:
        OutputError: the path cannot be written (one line with the reason).
    """
    shown = os.fspath(path)
    to_stdout = shown == STDOUT
    if to_stdout:
        directory = Path(tempfile.gettempdir())
        target = None
    else:
        target = check_output(path)
        directory = Path(tempfile.gettempdir()) if is_special(target) else target.parent
    name = target.name if target is not None else "stdout"
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.{TEMP_TAG}", suffix=".tmp", dir=directory)
    except OSError as err:
        raise OutputError(f"{shown}: cannot write: {_reason(err)}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        if to_stdout:
            _copy_into(tmp, sys.stdout.buffer)
        elif is_special(target):
            with open(target, "ab") as handle:
                _copy_into(tmp, handle)
        else:
            try:
                mode = stat.S_IMODE(target.stat().st_mode)
            except FileNotFoundError:
                mode = 0o666 & ~_umask()
            os.chmod(tmp, mode)
            os.replace(tmp, target)
    except OSError as err:
        if isinstance(err, BrokenPipeError):
            raise
        raise OutputError(f"{shown}: cannot write: {_reason(err)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str] | None, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open ``path`` for writing through :func:`atomic_path`; ``None`` or ``-`` streams to stdout.

    ``mode`` is ``"w"`` (text: ``encoding`` defaults to UTF-8, ``newline`` to ``""``) or ``"wb"``.
    """
    binary = "b" in mode
    if path is None or os.fspath(path) == STDOUT:
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    if not binary:
        kwargs.setdefault("encoding", "utf-8")
        kwargs.setdefault("newline", "")
    with atomic_path(path) as tmp, open(tmp, mode, **kwargs) as handle:
        yield handle


def sweep_leftovers(path: str | os.PathLike[str]) -> list[Path]:
    """Remove what killed kgraph processes left beside ``path``; call it holding the lock.

    Only kgraph's own temporary names are touched: ``.NAME.kgraph-*.tmp`` files and
    ``.NAME.new.*`` store directories (empty or carrying the store marker).
    """
    target = real_target(path)
    removed: list[Path] = []
    for leftover in target.parent.glob(f".{glob_escape(target.name)}.{TEMP_TAG}*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed.append(leftover)
    for leftover in target.parent.glob(f".{glob_escape(target.name)}.new.*"):
        if leftover.is_dir() and _is_kgraph_store_dir(leftover):
            shutil.rmtree(leftover, ignore_errors=True)
            removed.append(leftover)
    return removed


def _is_kgraph_store_dir(path: Path) -> bool:
    names = {p.name for p in path.iterdir()}
    # a store being built: Oxigraph's RocksDB files, then the marker; nothing of a user's
    return not names or STORE_MARKER in names or bool(names) and all(
        n in ("CURRENT", "IDENTITY", "LOCK", "LOG") or n.startswith(("MANIFEST-", "OPTIONS-", "LOG.old")) or n.endswith((".log", ".sst", ".dbtmp"))
        for n in names
    )


def glob_escape(name: str) -> str:
    """``name`` with glob wildcards escaped."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of a target: ``.NAME.lock`` beside the real target."""
    target = real_target(path)
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def locked(path: str | os.PathLike[str], *, shared: bool = False, timeout: float = DEFAULT_LOCK_TIMEOUT,
           notify: Any = None) -> Iterator[None]:
    """Hold a lock on ``path`` (exclusive for writers, ``shared`` for readers).

    Waits up to ``timeout`` seconds for another kgraph process; ``notify(message)``
    is called once when it has to wait. A target whose directory is read-only is
    not locked for readers (no lock file can be made there, and no kgraph writes there).

    Raises:
        LockError: the lock was not released in time.
    """
    if os.fspath(path) == STDOUT or is_special(real_target(path)):
        yield
        return
    lock = lock_path(path)
    kind = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    deadline = time.monotonic() + timeout
    told = False
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666 & ~_umask())
        except OSError as err:
            if shared and err.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
                yield
                return
            raise OutputError(f"{os.fspath(path)}: cannot write there: {_reason(err)} (creating the lock file {lock})") from None
        try:
            fcntl.flock(fd, kind | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise LockError(
                    f"{os.fspath(path)}: being written by another kgraph process (lock {lock}); "
                    f"gave up after {timeout:g} s (see --lock-timeout)"
                ) from None
            if not told and notify is not None:
                notify(f"waiting for another kgraph process writing {os.fspath(path)}")
                told = True
            time.sleep(0.05)
            continue
        # The holder before us may have removed the file it locked: lock the one on disk.
        try:
            same = os.fstat(fd).st_ino == os.stat(lock).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        # The last holder removes the lock file while still holding it exclusively
        # (a reader upgrades when no one else holds it; others find the file gone and retry).
        last = not shared
        if shared:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                last = True
            except OSError:
                last = False
        if last:
            with contextlib.suppress(OSError):
                os.unlink(lock)
        os.close(fd)  # releases the lock
