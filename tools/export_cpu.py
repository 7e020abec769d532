#!/usr/bin/env python3
"""CPU and wall seconds of each export after opening a graph once (in one process).

Usage::

    PYTHONPATH=. python tools/export_cpu.py GRAPH FORMATS TAG

``FORMATS`` is a comma-separated list (``gexf+dynamic`` and ``gexf+bipartite`` for the variants);
``TAG`` starts every output line, so two runs side by side (e.g. two versions of kgraph on a shared
machine) can be told apart. Unlike ``tools/bench_export.py`` (one process per format), the open of the
graph is timed once and apart, and peak memory is that of the whole process so far.
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kgraph.export import export  # noqa: E402
from kgraph.export.sparql import open_export_graph  # noqa: E402


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> int:
    path, formats, tag = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
    cpu, wall = _cpu(), time.perf_counter()
    with open_export_graph(path) as graph:
        print(f"{tag} open cpu={_cpu() - cpu:.1f} wall={time.perf_counter() - wall:.1f} peakMiB={_peak_mib()}", flush=True)
        for fmt in formats:
            name, _, variant = fmt.partition("+")
            options = {"dynamic": variant == "dynamic", "bin": "week" if variant == "dynamic" else "day",
                       "bipartite": variant == "bipartite"}
            cpu, wall = _cpu(), time.perf_counter()
            export(graph, name, f"/tmp/export-cpu-{tag}.{name}", **options)
            print(f"{tag} {fmt} cpu={_cpu() - cpu:.1f} wall={time.perf_counter() - wall:.1f} peakMiB={_peak_mib()}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
