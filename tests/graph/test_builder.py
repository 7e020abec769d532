from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF

from kgraph.cameo import cameo_code
from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import KG, GraphBuilder, load_graph, save_graph, validate_graph
from kgraph.graph.namespace import ACTOR, REL
from kgraph.model import Action, ActorRef, Event
from kgraph.reader import Article
from kgraph.resources import ontology_file


def make_event(doc_id="a", source="USA", target="TURGOV", cameo="163", date="2020-12-14", start=0, negated=False):
    code = cameo_code(cameo)
    return Event(
        doc_id=doc_id, sentence_id=0, sentence="Les États-Unis ont imposé des sanctions contre la SSB.",
        lang="fr", date=date,
        source=ActorRef("les États-Unis", source, source[:3], source[3:] or None, "United States", None, start, start + 14),
        action=Action("ont imposé des sanctions", code.code, code.root, code.label, code.plover, code.quad_class, code.goldstein, start + 15, start + 39),
        target=ActorRef("la SSB", target, target[:3], target[3:] or None, "SSB", None, start + 40, start + 52) if target else None,
        negated=negated, confidence=0.8,
    )


def result(doc_id, *events):
    return ExtractionResult(Article(doc_id=doc_id, text="…", date="2020-12-14", url="https://example.org/a"), "fr", list(events))


def build(*results):
    builder = GraphBuilder(models={"fr": "fr_core_news_md"})
    builder.add_results(results)
    return builder.graph


def test_event_has_type_actors_date_provenance_and_direct_triple():
    g = build(result("a", make_event()))
    (event,) = g.subjects(RDF.type, KG.Event)
    assert g.value(event, KG.source) == ACTOR.USA
    assert g.value(event, KG.target) == ACTOR.TURGOV
    assert str(g.value(g.value(event, KG.eventType), URIRef("http://www.w3.org/2004/02/skos/core#notation"))) == "163"
    assert g.value(event, KG.date).toPython().isoformat() == "2020-12-14"
    mention = g.value(event, KG.mention)
    assert (g.value(mention, KG.charStart).toPython(), g.value(mention, KG.charEnd).toPython()) == (0, 52)
    assert g.value(g.value(mention, KG.inArticle), KG.docId) == Literal("a")
    assert (ACTOR.USA, REL.reduceRelations, ACTOR.TURGOV) in g
    assert g.value(ACTOR.TURGOV, KG.country) == ACTOR.TUR
    assert {l.language for l in g.objects(ACTOR.USA, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))} >= {"en", "fr"}


def test_same_event_from_two_articles_is_one_node_with_two_mentions():
    g = build(result("a", make_event("a")), result("b", make_event("b", start=10)))
    events = list(g.subjects(RDF.type, KG.Event))
    assert len(events) == 1
    assert len(list(g.objects(events[0], KG.mention))) == 2


def test_negated_event_is_its_own_node_without_direct_triple():
    g = build(result("a", make_event(negated=True)))
    assert (ACTOR.USA, REL.reduceRelations, ACTOR.TURGOV) not in g
    (event,) = g.subjects(RDF.type, KG.Event)
    assert g.value(event, KG.negated).toPython() is True


def test_building_twice_gives_identical_graphs_and_append_adds_nothing(tmp_path):
    path = tmp_path / "g.ttl"
    first = build(result("a", make_event()))
    save_graph(first, path)
    again = load_graph(path)
    builder = GraphBuilder(again, models={"fr": "fr_core_news_md"})
    builder.add_result(result("a", make_event()))
    assert len(builder.graph) == len(first)
    assert not any(isinstance(term, type(None)) for t in builder.graph for term in t)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".trig", ".nq", ".jsonld"])
def test_every_syntax_round_trips(tmp_path, suffix):
    g = build(result("a", make_event()))
    path = save_graph(g, tmp_path / f"g{suffix}")
    assert len(load_graph(path)) == len(g)


def test_store_directory_round_trips(tmp_path):
    g = build(result("a", make_event()))
    save_graph(g, tmp_path / "store")
    assert (tmp_path / "store").is_dir()
    assert len(load_graph(tmp_path / "store")) == len(g)


@pytest.mark.parametrize("suffix", [".ttl", ".jsonld"])  # written by Oxigraph, by rdflib
def test_failed_write_leaves_existing_graph_intact(tmp_path, monkeypatch, suffix):
    from pathlib import Path

    path = tmp_path / f"g{suffix}"
    path.write_text("# precious\n", encoding="utf-8")
    g = build(result("a", make_event()))

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    write_bytes = Path.write_bytes

    def half_then_boom(self, data):
        write_bytes(self, data[: len(data) // 2])
        raise RuntimeError("disk full")

    monkeypatch.setattr(Graph, "serialize", boom)
    monkeypatch.setattr(Path, "write_bytes", half_then_boom)
    with pytest.raises(RuntimeError):
        save_graph(g, path)
    assert path.read_text(encoding="utf-8") == "# precious\n"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_files_written_by_oxigraph_hold_the_graph_sorted_with_kgraph_prefixes(tmp_path):
    from rdflib.compare import isomorphic

    g = build(result("a", make_event(), make_event(source="RUS", target=None, cameo="046")))
    for suffix in (".ttl", ".nt", ".trig", ".nq"):
        path = tmp_path / f"g{suffix}"
        save_graph(g, path)
        assert isomorphic(load_graph(path), g), suffix
        first = path.read_bytes()
        save_graph(g, path)
        assert path.read_bytes() == first  # the same graph, the same bytes
    turtle = (tmp_path / "g.ttl").read_text(encoding="utf-8")
    assert "@prefix actor: <https://w3id.org/kgraph/actor/> ." in turtle and "actor:USA a kg:Actor" in turtle
    assert "@prefix brick:" not in turtle  # only prefixes the graph uses
    lines = (tmp_path / "g.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines, key=lambda line: line.split(" ", 1)[0].strip("<>"))  # grouped by subject


def test_built_graph_conforms_and_broken_graph_does_not():
    g = build(result("a", make_event(), make_event(source="RUS", target=None, cameo="046")))
    assert validate_graph(g).conforms
    (event,) = [e for e in g.subjects(RDF.type, KG.Event) if g.value(e, KG.source) == ACTOR.USA]
    g.remove((event, KG.source, None))
    g.add((ACTOR.USA, KG.code, Literal("usa")))
    report = validate_graph(g)
    assert not report.conforms and report.violations >= 2


def test_namespace_terms_equal_the_ontology():
    onto = Graph()
    with ontology_file("kgraph.ttl").open("rb") as handle:
        onto.parse(handle, format="turtle")
    declared = {
        str(s)[len(str(KG._NS)):]
        for s in onto.subjects(RDF.type, None)
        if str(s).startswith(str(KG._NS)) and (s, RDF.type, OWL.Ontology) not in onto
    }
    in_code = {name for name in KG.__annotations__}
    assert declared == in_code
    with pytest.raises(AttributeError):
        KG.sourcee  # noqa: B018 - a misspelt term fails at once


def test_cameo_scheme_matches_reference_tables():
    from kgraph.cameo import cameo_codes

    codes = cameo_codes()
    assert len(codes) > 300
    assert codes["163"].goldstein == -8.0 and codes["163"].root == "16" and codes["163"].quad_class == 4
    assert codes["046"].relation == "consult"
    assert all(re.fullmatch(r"\d{2,4}", c) for c in codes)


def test_store_append_merges_in_place_and_replace_swaps(tmp_path):
    from kgraph.graph import open_graph, write_graph

    store = tmp_path / "store"
    first = build(result("a", make_event("a")))
    assert write_graph(first, store) == (0, len(first))
    again = write_graph(first, store, append=True)
    assert again == (len(first), len(first))  # idempotent
    more = build(result("b", make_event("b", source="RUS", target="UKR", cameo="190")))
    before, after = write_graph(more, store, append=True)
    assert before == len(first) and after > before
    with open_graph(store) as graph:
        from kgraph.graph.query import run_query

        rows = run_query(graph, "SELECT ?t WHERE { actor:RUS rel:fight ?t }").rows
        assert [str(r[0]).rsplit("/", 1)[-1] for r in rows] == ["UKR"]
    write_graph(first, store)  # replace: back to the first graph only
    with open_graph(store) as graph:
        assert len(graph) == len(first)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no temporary stores left
