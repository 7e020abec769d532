"""Tests for kgraph.evaluate.gold: the three gold formats and predictions."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kgraph.errors import GoldFormatError, KGraphError
from kgraph.evaluate.gold import (
    GoldEvent,
    GoldItem,
    detect_format,
    read_gold,
    read_gold_with_warnings,
    read_predictions,
)

BENCHMARKS = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _jsonl(path: Path, *objects: object) -> Path:
    return _write(path, "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects))


# --------------------------------------------------------------------------
# dataclasses
# --------------------------------------------------------------------------


def test_gold_event_is_frozen_and_validated() -> None:
    event = GoldEvent(("TUR", "USA"), (), ("04",))
    assert event.is_joint
    assert not GoldEvent(("TUR",), (), ("04",)).is_joint
    assert not GoldEvent(("TUR", "USA"), ("RUS",), ("04",)).is_joint
    with pytest.raises(AttributeError):
        event.sources = ("FRA",)  # type: ignore[misc]
    with pytest.raises(ValueError):
        GoldEvent((), ("USA",), ("04",))
    with pytest.raises(ValueError):
        GoldEvent(("USA",), (), ())
    with pytest.raises(TypeError):
        GoldEvent(["USA"], (), ("04",))  # type: ignore[arg-type]


def test_gold_format_error_is_a_kgraph_error() -> None:
    assert issubclass(GoldFormatError, KGraphError)


# --------------------------------------------------------------------------
# CONTRACT §4 JSONL
# --------------------------------------------------------------------------


def test_jsonl_reads_items(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "gold.jsonl",
        {
            "id": "seed-03",
            "lang": "fr",
            "date": "2020-12-14",
            "text": "Les États-Unis ont imposé des sanctions à la Turquie.",
            "events": [
                {"source": ["USA"], "target": ["TUR"], "root": ["16"]},
                {"source": ["tur", "usa"], "target": [], "root": ["04", "03"]},
            ],
            "note": "ignored",
        },
        {"id": "seed-07", "text": "Aussi sur rt.com", "events": []},
    )
    items = read_gold(path)
    assert items == [
        GoldItem(
            "seed-03",
            "Les États-Unis ont imposé des sanctions à la Turquie.",
            "fr",
            "2020-12-14",
            (
                GoldEvent(("USA",), ("TUR",), ("16",)),
                GoldEvent(("TUR", "USA"), (), ("04", "03")),
            ),
        ),
        GoldItem("seed-07", "Aussi sur rt.com", None, None, ()),
    ]


def test_jsonl_defaults_and_lenient_shapes(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "gold.jsonl",
        "\n"
        + json.dumps({"text": "x", "events": [{"source": ["IGO"], "root": "07"}]})
        + "\n   \n"
        + json.dumps({"id": 5, "text": "y", "events": [{"source": "NGO", "target": None,
                                                       "root": ["11"]}]})
        + "\n",
    )
    items, warnings = read_gold_with_warnings(path)
    assert warnings == []
    assert [i.id for i in items] == ["gold.jsonl:2", "5"]
    assert items[0].events == (GoldEvent(("IGO",), (), ("07",)),)
    assert items[1].events == (GoldEvent(("NGO",), (), ("11",)),)


def test_jsonl_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": "t", "events": []})
    path = _write(tmp_path / "gold.jsonl", f"{good}\n\n{{\"id\": \"b\", \"text\": \n{good}\n")
    with pytest.raises(GoldFormatError) as err:
        read_gold(path)
    message = str(err.value)
    assert "gold.jsonl:3: invalid JSON:" in message


@pytest.mark.parametrize(
    ("obj", "fragment"),
    [
        (["not", "an", "object"], "expected a JSON object"),
        ({"id": "a", "text": "t"}, "missing 'events'"),
        ({"id": "a", "text": "  ", "events": []}, "'text'"),
        ({"id": "a", "text": "t", "events": {}}, "'events' must be a list"),
        ({"id": "a", "text": "t", "date": "30/12/2020", "events": []}, "'date'"),
        ({"id": "a", "text": "t", "date": "2020-02-30", "events": []}, "'date'"),
        ({"id": "a", "text": "t", "events": [{"source": [], "root": ["01"]}]}, "'source'"),
        ({"id": "a", "text": "t", "events": [{"source": ["US"], "root": ["01"]}]}, "'US'"),
        ({"id": "a", "text": "t", "events": [{"source": ["USA"], "target": ["TURGOV"],
                                              "root": ["01"]}]}, "'TURGOV'"),
        ({"id": "a", "text": "t", "events": [{"source": ["USA"], "root": ["21"]}]}, "'21'"),
        ({"id": "a", "text": "t", "events": [{"source": ["USA"], "root": ["4"]}]}, "'4'"),
        ({"id": "a", "text": "t", "events": [{"source": ["USA"], "root": []}]}, "'root'"),
        ({"id": "a", "text": "t", "events": ["USA"]}, "event 1: expected an object"),
    ],
)
def test_jsonl_invalid_records(tmp_path: Path, obj: object, fragment: str) -> None:
    ok = {"id": "z", "text": "fine", "events": []}
    path = _jsonl(tmp_path / "gold.jsonl", ok, obj)
    with pytest.raises(GoldFormatError) as err:
        read_gold(path)
    assert "gold.jsonl:2:" in str(err.value)
    assert fragment in str(err.value)


def test_jsonl_duplicate_id_is_an_error(tmp_path: Path) -> None:
    record = {"id": "a", "text": "t", "events": []}
    path = _jsonl(tmp_path / "gold.jsonl", record, record)
    expected = r"gold\.jsonl:2: duplicate id 'a' \(first on line 1\)"
    with pytest.raises(GoldFormatError, match=expected):
        read_gold(path)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot read file"):
        read_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(b'{"id": "a", "text": "t", "events": []}\n{"text": "caf\xe9"}\n')
    with pytest.raises(GoldFormatError, match=r"latin1\.jsonl:2: not UTF-8"):
        read_gold(bad)
    empty = _write(tmp_path / "empty.dat", "  \n")
    with pytest.raises(GoldFormatError, match="empty file"):
        read_gold(empty)
    odd = _write(tmp_path / "odd.txt", "hello")
    with pytest.raises(GoldFormatError, match="unknown gold format"):
        read_gold(odd)


def test_empty_jsonl_file_has_no_items(tmp_path: Path) -> None:
    assert read_gold(_write(tmp_path / "gold.jsonl", "")) == []


def test_detect_format_by_extension_and_content(tmp_path: Path) -> None:
    assert detect_format(_write(tmp_path / "a.jsonl", "")) == "jsonl"
    assert detect_format(_write(tmp_path / "b.xml", "")) == "petrarch"
    assert detect_format(_write(tmp_path / "c.json", "[]")) == "plover"
    assert detect_format(_write(tmp_path / "d.json", '{"id": "x"}\n')) == "jsonl"
    assert detect_format(_write(tmp_path / "e.txt", "\n  <Validation>")) == "petrarch"
    assert detect_format(_write(tmp_path / "f", "\ufeff[]")) == "plover"


# --------------------------------------------------------------------------
# PLOVER gold-record JSON
# --------------------------------------------------------------------------

_PLOVER = [
    {"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "doc"},
    {
        "id": "P-AGREE-1",
        "date": "2000-01-01",
        "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"},
                   {"actorText": "Romanian", "code": "ROU"}],
        "event": "AGREE",
        "text": "Hungarian and Romanian officials agreed.",
        "language": "en",
    },
    {
        "id": "P-DEMAND-1",
        "source": [{"actorText": "Rome", "code": "ITL"}],
        "target": [{"actorText": "Tokyo", "code": "JAP"}, {"actorText": "UN", "code": "IGO"}],
        "event": "DEMAND",
        "text": "Rome demanded that Tokyo and the UN act.",
    },
    {"id": "P-X-1", "source": [{"code": "USA"}], "target": "", "event": "FROBNICATE",
     "text": "Unknown label."},
    {"id": "P-AGREE-2", "source": [{"code": "TUR"}, {"code": "GRC"}], "target": "diplomatic",
     "event": "agree", "text": "Turkish and Greek sides agreed."},
    {"id": "P-ASSAULT-1", "target": [{"code": "IRQ"}], "event": "ASSAULT",
     "text": "Three Iraqi civilians were killed."},
    {"id": "P-AGREE-1", "source": [{"code": "SDN"}, {"code": "SDN"}], "target": "",
     "event": "FIGHT", "text": "Sudanese factions fought."},
]


def test_plover_records(tmp_path: Path) -> None:
    path = _write(tmp_path / "plover.json", json.dumps(_PLOVER, indent=1))
    items, warnings = read_gold_with_warnings(path)
    assert [i.id for i in items] == ["P-AGREE-1", "P-DEMAND-1", "P-AGREE-2", "P-AGREE-1#2"]
    agree, demand, agree2, fight = items
    assert agree == GoldItem(
        "P-AGREE-1", "Hungarian and Romanian officials agreed.", "en", "2000-01-01",
        (GoldEvent(("HUN", "ROU"), (), ("03",)),),
    )
    assert demand.events == (GoldEvent(("ITA",), ("JPN", "IGO"), ("10", "02")),)
    assert demand.lang == "en" and demand.date is None
    assert agree2.events == (GoldEvent(("TUR", "GRC"), (), ("03",)),)
    assert fight.events == (GoldEvent(("SDN", "SDN"), (), ("19", "18")),)
    assert len(warnings) == 4
    assert any("P-X-1" in w and "unknown PLOVER event 'FROBNICATE'" in w for w in warnings)
    assert any("P-AGREE-2" in w and "'diplomatic'" in w for w in warnings)
    assert any("P-ASSAULT-1" in w and "no source actor" in w for w in warnings)
    assert any("duplicate id 'P-AGREE-1' renamed 'P-AGREE-1#2'" in w for w in warnings)
    # warnings name the file and the line where the record starts
    unknown = next(w for w in warnings if "P-X-1" in w)
    line = int(unknown.split("plover.json:")[1].split(":")[0])
    assert '"P-X-1"' in path.read_text().splitlines()[line]  # "id" is the line after "{"
    assert read_gold(path) == items


def test_plover_invalid_json_names_line(tmp_path: Path) -> None:
    text = json.dumps(_PLOVER[:3], indent=1)
    broken = text.replace('"event": "DEMAND"', '"event": DEMAND')
    line = next(
        n for n, text in enumerate(broken.splitlines(), 1) if '"event": DEMAND' in text
    )
    path = _write(tmp_path / "plover.json", broken)
    with pytest.raises(GoldFormatError, match=rf"plover\.json:{line}: invalid JSON"):
        read_gold(path)


def test_plover_structure_errors(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="expected a JSON object"):
        read_gold(_write(tmp_path / "a.json", "[1, 2]"))
    with pytest.raises(GoldFormatError, match="no string 'id'"):
        read_gold(_write(tmp_path / "b.json", '[{"event": "AGREE", "text": "x"}]'))
    with pytest.raises(GoldFormatError, match="extra data"):
        read_gold(_write(tmp_path / "c.json", "[] []"))
    assert read_gold(_write(tmp_path / "d.json", " [ ] ")) == []


# --------------------------------------------------------------------------
# PETRARCH validation "XML"
# --------------------------------------------------------------------------

_PETR = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
####################################################
#   the addition of <EventCoding...> records  (banner outside any comment)
####################################################
<Environment><Include>valid AFP</Include></Environment>
<Sentences>
<Sentence category="AFP" date="20080806" id="S1" evaluate="true"/>
<EventCoding eventcode="031" sourcecode="BRAGOV" targetcode="USA" />
<EventCoding sourcecode = 'IGOUNOMIL'  eventcode = "0841" targetcode="---CVL"/>
<!-- <EventCoding eventcode="190" sourcecode="FRA" targetcode="DEU" /> -->
<Text>
Brazil and the  United States
 are seeking &amp; deepening a partnership.
</Text>
<Parse>
1\tBrazil\tBrazil\tPROPN\tNNP\t_\t7\tnsubj\t_\t_
</Parse>
</Sentence>

<Sentence date = "121108" id = "S2" category="AFP">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happens here.</Text>
</Sentence>
<Sentence id="S3" date="20150609" noevents="true"/>
<Text>Nor here.</Text>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence id="S4" date="20150609">
<EventCoding sourcecode="NGOXYZ" targetcode="" eventcode="174K"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' eventcode="223"></EventCoding>
<Text>NGO statement.</Text>
</Sentence>
<Sentence id="S5" date="20150609">
<EventCoding error="storydiscard"></EventCoding>
<Text>Golf.</Text>
</Sentence>
<Sentence id="S6" date="20150609">
<!-- no coding at all -->
<Text>Gollum was in an accord.</Text>
</Sentence>
<Sentence id="S7" date="20150609" evaluate="false">
<EventCoding eventcode="031" sourcecode="BRA" targetcode="USA" />
<Text>Not evaluated.</Text>
</Sentence>
<Sentence id="S8" date="20150101">
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGAMUS" />
<Text>
</Text>
<Parse>
1\tBoko\tBoko\tPROPN\tNNP\t_\t2\tname\t_\t_
2\tHaram\tHaram\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
3\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
</Parse></Sentence>
<Sentence id="S1" date="20150609">
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>Again S1.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_petrarch_file_is_not_well_formed_xml() -> None:
    with pytest.raises(ET.ParseError):
        ET.fromstring(_PETR.encode())


def test_petrarch_records(tmp_path: Path) -> None:
    path = _write(tmp_path / "valid.xml", _PETR)
    items, warnings = read_gold_with_warnings(path)
    by_id = {item.id: item for item in items}
    assert [i.id for i in items] == ["S1", "S2", "S3", "S4", "S8", "S1#2"]
    s1 = by_id["S1"]
    assert s1.text == "Brazil and the United States are seeking & deepening a partnership."
    assert s1.lang == "en" and s1.date == "2008-08-06"
    assert s1.events == (
        GoldEvent(("BRA",), ("USA",), ("03",)),
        GoldEvent(("IGO",), ("---",), ("08",)),
    )  # the commented-out FRA→DEU coding is not read
    assert by_id["S2"] == GoldItem("S2", "Nothing happens here.", "en", None, ())
    assert by_id["S3"].events == ()
    assert by_id["S4"].events == (
        GoldEvent(("NGO",), (), ("17",)),
        GoldEvent(("---",), (), ("22",)),
    )
    assert by_id["S8"].text == "Boko Haram attacked."
    assert by_id["S8"].events == (GoldEvent(("NGA",), ("NGA",), ("19",)),)
    assert by_id["S1#2"].events == (GoldEvent(("USA",), ("CHN",), ("04",)),)

    def warned(*fragments: str) -> bool:
        return any(all(f in w for f in fragments) for w in warnings)

    assert warned("valid.xml:21:", "S2", "unrecognised date '121108'")
    assert warned("S4", '"INJURY TOLL"', "'---'")
    assert warned("S4", "'223'", "not a CAMEO code")
    assert warned("S5", "error codings (storydiscard)", "skipped")
    assert warned("S6", "no <EventCoding>", "skipped")
    assert warned("S7", "not to be evaluated")
    assert warned("S8", "rebuilt from the <Parse>")
    assert warned("duplicate id 'S1' renamed 'S1#2'")
    assert len(warnings) == 8


def test_petrarch_structure_errors(tmp_path: Path) -> None:
    no_id = '<Validation><Sentences>\n<Sentence date="20150609">\n<Text>x</Text>\n</Sentence>'
    with pytest.raises(GoldFormatError, match=r"a\.xml:2: <Sentence> without an id"):
        read_gold(_write(tmp_path / "a.xml", no_id))
    open_comment = '<Validation>\n<Sentences>\n<!-- never closed\n<Sentence id="x"/>'
    with pytest.raises(GoldFormatError, match=r"b\.xml:3: unterminated comment"):
        read_gold(_write(tmp_path / "b.xml", open_comment))
    with pytest.raises(GoldFormatError, match="no <Sentence> record"):
        read_gold(_write(tmp_path / "c.xml", "<html><body>hi</body></html>"))
    assert read_gold(_write(tmp_path / "d.xml", "<Validation><Sentences>\n</Sentences>")) == []


# --------------------------------------------------------------------------
# predictions
# --------------------------------------------------------------------------


def _record(doc_id: str, **extra: object) -> dict[str, object]:
    record: dict[str, object] = {
        "doc_id": doc_id,
        "source": {"code": "USA"},
        "target": {"code": "TURGOV"},
        "action": {"cameo": "163", "root": "16"},
        "negated": False,
    }
    record.update(extra)
    return record


def test_read_predictions_groups_by_doc_id(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "pred.jsonl", _record("a"), _record("b"), _record("a", target=None))
    grouped = read_predictions(path)
    assert list(grouped) == ["a", "b"]
    assert len(grouped["a"]) == 2 and grouped["a"][1]["target"] is None
    assert grouped["b"] == [_record("b")]


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('{"doc_id": "a", "source": ', "invalid JSON"),
        ("[1]", "expected a JSON object"),
        (json.dumps({**_record("a"), "doc_id": None}), "'doc_id'"),
        (json.dumps(_record("a", target="TUR")), "'target' must be an object or null"),
        (json.dumps(_record("a", action=None)), "'action'"),
        (json.dumps(_record("a", negated="no")), "'negated'"),
    ],
)
def test_read_predictions_bad_lines(tmp_path: Path, line: str, fragment: str) -> None:
    path = _write(tmp_path / "pred.jsonl", json.dumps(_record("ok")) + "\n\n" + line + "\n")
    with pytest.raises(GoldFormatError) as err:
        read_predictions(path)
    assert "pred.jsonl:3:" in str(err.value)
    assert fragment in str(err.value)


# --------------------------------------------------------------------------
# the real benchmark files
# --------------------------------------------------------------------------


def _benchmark(name: str) -> Path:
    path = BENCHMARKS / name
    if not path.exists():
        pytest.skip(f"benchmark file {path} not available")
    return path


def test_real_seed_fr_gold() -> None:
    path = _benchmark("seed_fr_gold.jsonl")
    items, warnings = read_gold_with_warnings(path)
    assert warnings == []
    assert len(items) == 14
    assert all(item.lang == "fr" for item in items)
    assert sum(len(item.events) for item in items) == 19
    assert sum(1 for item in items if not item.events) == 3
    seed13 = next(item for item in items if item.id == "seed-13")
    assert seed13.events == (GoldEvent(("TUR",), ("USA",), ("02", "10")),)


def test_real_plover_gold() -> None:
    path = _benchmark("plover_gsr_public.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert len([r for r in raw if r.get("event") != "DOCUMENT"]) == 244
    items, warnings = read_gold_with_warnings(path)
    # 244 records: one has no source actor (ASSAULT-0009) and is skipped.
    assert len(items) == 243
    assert len(warnings) == 3
    assert sum(1 for w in warnings if "skipped" in w) == 1
    assert len({item.id for item in items}) == 243  # COERCE-0004 appears twice
    assert "PLOVER-GSR01-COERCE-0004#2" in {item.id for item in items}
    assert all(item.lang == "en" and len(item.events) == 1 for item in items)
    codes = {c for item in items for e in item.events for c in e.sources + e.targets}
    assert "JPN" in codes and "ITA" in codes and not {"JAP", "ITL"} & codes
    assert sum(1 for item in items if item.events[0].is_joint) == 15


def test_real_petr2_validation() -> None:
    path = _benchmark("petr2_gsr_validation.xml")
    assert path.read_text(encoding="utf-8").count("<Sentence ") == 78
    items, warnings = read_gold_with_warnings(path)
    assert len(items) == 78
    assert sum(1 for item in items if not item.events) == 12
    assert sum(len(item.events) for item in items) == 80
    assert len(warnings) == 2  # the date '121108', the empty <Text> of abc12_3
    assert all(item.text for item in items)


def test_real_petr_unittest_records() -> None:
    path = _benchmark("petr_unittest/PETR.UnitTest.records.xml")
    items, warnings = read_gold_with_warnings(path)
    # 284 sentences: 7 error/discard tests and 1 sentence without coding skipped
    assert len(items) == 276
    assert sum(1 for w in warnings if "skipped" in w) == 8
    assert sum(1 for item in items if not item.events) == 19
    assert len({item.id for item in items}) == 276  # AGENTS-18/19 appear twice
