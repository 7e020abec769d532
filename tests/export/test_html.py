"""The interactive page in a real headless Chromium, and the PNG/SVG pictures."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kgraph.export import export
from kgraph.export.html import _vendor
from kgraph.export.network import NetworkOptions, actor_network

from tests.export.helpers import busy_graph, mixed_graph, timeline_graph

ROOT = Path(__file__).resolve().parents[2]
#: Screenshots and pictures the tests leave behind for people to look at.
ARTIFACTS = Path(os.environ.get("KGRAPH_TEST_ARTIFACTS", ROOT / "out" / "test-artifacts"))
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (make browser installs the Debian package 'chromium' as root)"
)
_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
          "--disable-extensions", "--virtual-time-budget=8000"]


def _chromium(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHROMIUM, *_FLAGS, "--enable-logging=stderr", "--v=0", *extra, url],
                          capture_output=True, text=True, timeout=120, check=False)


def _body(url: str) -> tuple[dict[str, str], list[str]]:
    """The data-* attributes of <body> after the scripts ran, and the console lines Chromium logged."""
    run = _chromium(url, "--dump-dom")
    body = re.search(r"<body([^>]*)>", run.stdout)
    assert body, run.stderr[-2000:]
    attributes = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', body.group(1)))
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return attributes, console


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "network.html"
    export(mixed_graph(), "html", path, level="actor")
    return path


def test_page_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    assert "<script src" not in text and "http://" not in text.split("<script>", 1)[0].replace("http-equiv", "")
    script, record = _vendor()
    assert script[:200] in text and record["cytoscape"]["license"] == "MIT"
    assert f"Cytoscape.js {record['cytoscape']['version']} (MIT licence" in text


@needs_chromium
def test_page_loads_without_errors_and_shows_every_node(page):
    expected = len(actor_network(mixed_graph(), NetworkOptions(level="actor")).nodes)
    attributes, console = _body(page.as_uri())
    assert attributes["ready"] == "true" and attributes["errors"] == "0"
    assert int(attributes["nodes"]) == expected == 6  # RUS has no recipient, FRA was negated
    assert not [line for line in console if "Uncaught" in line or "rror" in line], console


@needs_chromium
def test_time_window_and_search_in_the_browser(tmp_path):
    path = tmp_path / "timeline.html"
    export(timeline_graph(), "html", path)
    attributes, _ = _body(path.as_uri() + "#window=2020-02-01..2020-02-29")
    assert attributes["errors"] == "0"
    assert (attributes["visible-edges"], attributes["visible-nodes"]) == ("1", "2")  # only Turkey consulting the US
    attributes, _ = _body(path.as_uri() + "#window=2020-03-01..2020-03-31")
    assert attributes["visible-edges"] == "1"
    attributes, _ = _body(path.as_uri() + "#search=turk")
    assert attributes["matches"] == "1"


@needs_chromium
def test_screenshot_of_a_fifty_actor_page(tmp_path):
    from PIL import Image

    path = tmp_path / "busy.html"
    export(busy_graph(), "html", path, top=50)
    attributes, _ = _body(path.as_uri())
    assert attributes["nodes"] == "50" and attributes["errors"] == "0"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "html_page.png"
    _chromium(path.as_uri(), "--window-size=1400,1000", f"--screenshot={shot}")
    image = Image.open(shot).convert("RGB")
    assert image.size == (1400, 1000)
    colours = image.getcolors(maxcolors=1 << 20) or []
    greenish = sum(n for n, (r, g, b) in colours if g > r + 40 and g > b + 20)
    reddish = sum(n for n, (r, g, b) in colours if r > g + 60 and r > b + 60)
    assert greenish > 2000 and reddish > 2000  # edges drawn in QuadClass colours


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_pictures_of_fifty_actors(tmp_path, fmt):
    path = ARTIFACTS / f"network.{fmt}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    export(busy_graph(), fmt, path)
    if fmt == "png":
        from PIL import Image

        image = Image.open(path)
        assert image.size[0] >= 1500 and image.size[1] >= 1200
    else:
        text = path.read_text(encoding="utf-8")
        assert text.lstrip().startswith("<?xml") and "<svg" in text
        assert "verbal cooperation" in text and "material conflict" in text  # the legend
        assert re.search(r"<text[^>]*>[^<]*Afghanistan", text) or ">Afghanistan<" in text  # labels are real text


def test_top_keeps_the_busiest_actors(tmp_path):
    net = actor_network(busy_graph(), NetworkOptions(top=10))
    assert len(net.nodes) <= 10
    everyone = actor_network(busy_graph(), NetworkOptions())
    strength = sorted(everyone.nodes.values(), key=lambda n: -n.events)
    assert strength[0].id in net.nodes
