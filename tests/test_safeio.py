"""Users' files: atomic replace, modes, symlinks, FIFOs, stdout, locks (no model needed)."""
from __future__ import annotations

import multiprocessing
import os
import stat
import threading
import time

import pytest
from rdflib import Graph, Literal, URIRef

from kgraph.errors import LockError, OutputError
from kgraph.graph.store import write_graph
from kgraph.safeio import atomic_open, atomic_path, check_output, lock_path, locked


def test_replaced_file_keeps_its_mode_and_new_file_gets_the_umask(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text("old")
    old.chmod(0o644)
    with atomic_open(old) as out:
        out.write("new")
    assert old.read_text() == "new" and stat.S_IMODE(old.stat().st_mode) == 0o644
    mask = os.umask(0o027)
    try:
        with atomic_open(tmp_path / "fresh.txt") as out:
            out.write("x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "fresh.txt").stat().st_mode) == 0o640


def test_symlink_is_followed_and_kept(tmp_path):
    real = tmp_path / "real.ttl"
    real.write_text("old")
    link = tmp_path / "link.ttl"
    link.symlink_to(real)
    with atomic_open(link) as out:
        out.write("new")
    assert link.is_symlink() and real.read_text() == "new"


def test_fifo_is_written_to_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))
    reader.start()
    with atomic_open(fifo) as out:
        out.write("through the pipe\n")
    reader.join(10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dash_is_stdout(capsysbinary, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with atomic_path("-") as tmp:
        tmp.write_bytes(b"to stdout\n")
    assert capsysbinary.readouterr().out == b"to stdout\n"
    assert not (tmp_path / "-").exists() and list(tmp_path.iterdir()) == []


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "g.ttl"
    target.write_text("precious")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as out:
            out.write("half")
            raise RuntimeError("boom")
    assert target.read_text() == "precious" and sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda d: d / "missing" / "x.ttl", "no such directory"),
        (lambda d: d / "file.ttl" / "x.ttl", "is not a directory"),
        (lambda d: d, "is a directory"),
    ],
)
def test_unwritable_outputs_are_one_clear_error(tmp_path, make, reason):
    (tmp_path / "file.ttl").write_text("x")
    path = make(tmp_path)
    with pytest.raises(OutputError) as info:
        check_output(path)
    assert reason in str(info.value) and str(path) in str(info.value)


def test_proc_is_refused(tmp_path):
    with pytest.raises(OutputError) as info:
        with locked("/proc/x.ttl"), atomic_path("/proc/x.ttl") as tmp:
            tmp.write_text("x")
    assert "/proc/x.ttl" in str(info.value)


def test_lock_waits_then_times_out_and_is_removed_after(tmp_path):
    target = tmp_path / "g.ttl"
    told: list[str] = []
    with locked(target):
        assert lock_path(target).exists()
        with pytest.raises(LockError) as info:
            with locked(target, timeout=0.2, notify=told.append):
                pass
    assert "another kgraph process" in str(info.value) and len(told) == 1
    assert not lock_path(target).exists()
    with locked(target, shared=True):
        pass
    assert not lock_path(target).exists()


def _graph(tag: str, n: int) -> Graph:
    graph = Graph()
    for i in range(n):
        graph.add((URIRef(f"urn:{tag}:{i}"), URIRef("urn:p"), Literal(i)))
    return graph


def _append(path: str, tag: str, n: int, start: multiprocessing.synchronize.Event) -> None:
    start.wait()
    write_graph(_graph(tag, n), path, append=True)


def test_two_processes_appending_at_once_lose_nothing(tmp_path):
    """Each append reads, merges and rewrites a graph of some size: without the lock
    the two read-merge-write windows overlap and one process's triples are lost."""
    path = tmp_path / "g.nt"
    write_graph(_graph("base", 20000), path)
    ctx = multiprocessing.get_context("fork")
    start = ctx.Event()
    procs = [ctx.Process(target=_append, args=(str(path), tag, 3000, start)) for tag in ("a", "b")]
    for proc in procs:
        proc.start()
    time.sleep(0.2)
    start.set()
    for proc in procs:
        proc.join(120)
        assert proc.exitcode == 0
    assert len(Graph().parse(path)) == 26000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.nt"]


def test_leftovers_of_killed_writers_are_swept_and_nothing_else(tmp_path):
    from kgraph.safeio import sweep_leftovers

    target = tmp_path / "g.ttl"
    (tmp_path / ".g.ttl.kgraph-abc123.tmp").write_text("half")
    (tmp_path / ".g.ttl.new.xyz").mkdir()
    (tmp_path / ".g.ttl.new.xyz" / "CURRENT").write_text("x")
    user = tmp_path / ".g.ttl.new.mine"
    user.mkdir()
    (user / "notes.txt").write_text("not kgraph's")
    (tmp_path / ".other.kgraph-1.tmp").write_text("another target's")
    assert len(sweep_leftovers(target)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [".g.ttl.new.mine", ".other.kgraph-1.tmp"]
