"""Dated relation nodes: "what did country A do to country B in a period" as one short pattern (issue 8)."""
from __future__ import annotations

from click.testing import CliRunner
from rdflib.namespace import RDF

from kgraph.cli import cli
from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import KG, GraphBuilder, save_graph, validate_graph
from kgraph.graph.builder import relation_iri
from kgraph.graph.namespace import ACTOR, REL
from kgraph.graph.query import run_query
from kgraph.reader import Article
from tests.graph.test_saved_queries import ev, graph, rows  # noqa: F401  (graph: the fixture)

SHORT = """SELECT ?date ?p WHERE {
  ?r rdf:subject actor:RUS ; rdf:predicate ?p ; rdf:object actor:UKR ; kg:date ?date .
  FILTER(?date >= "2022-01-01"^^xsd:date && ?date <= "2022-12-31"^^xsd:date) } ORDER BY ?date"""


def test_a_short_query_answers_what_a_did_to_b_in_a_period(graph):
    result = run_query(graph, SHORT)
    # RUSMIL 190 UKRMIL and RUSGOV 112 UKR in 2022 at country level; the conditional 163 and the
    # negated 112 (UKR to RUS) give no relation, the 2021 events fall outside the period
    assert [(str(d), str(p)) for d, p in result.rows] == [("2022-02-24", str(REL.fight)), ("2022-03-01", str(REL.disapprove))]


def test_one_node_per_country_pair_relation_and_day_linked_to_its_events():
    builder = GraphBuilder()
    builder.add_result(ExtractionResult(Article("a", "…"), "en", [
        ev("a", "RUSGOV", "112", "UKRGOV", "2022-03-01"), ev("a", "RUSMIL", "111", "UKR", "2022-03-01", start=20),
        ev("a", "RUSGOV", "112", "RUSMIL", "2022-03-01", start=40),  # domestic: no country relation
    ]))
    g = builder.graph
    nodes = set(g.subjects(RDF.type, KG.DatedRelation))
    node = relation_iri("RUS", "disapprove", "UKR", "2022-03-01")
    assert nodes == {node}
    assert (node, RDF.subject, ACTOR.RUS) in g and (node, RDF.object, ACTOR.UKR) in g
    assert (node, RDF.predicate, REL.disapprove) in g
    assert len(set(g.objects(node, KG.relationEvent))) == 2  # two events of root 11 that day, one node
    assert validate_graph(g).conforms


def test_saved_query_did_with_params(graph, tmp_path):
    found = rows(graph, "did", a="RUS", b="UKR", **{"from": "2022-01-01", "to": "2022-12-31"})
    assert [(str(r["date"]), r["relation"].rsplit("/", 1)[-1], r["events"]) for r in found] == [
        ("2022-02-24", "fight", 1), ("2022-03-01", "disapprove", 1)]
    assert [str(r["date"]) for r in rows(graph, "did", a="RUS", b="UKR")] == ["2021-01-10", "2021-01-20", "2022-02-24", "2022-03-01"]
    assert [r["events"] for r in rows(graph, "did", a="USA", b="RUS")] == [1]  # one event reported by two articles
    assert rows(graph, "did", a="UKR", b="RUS") == []  # the only UKR→RUS event is negated
    path = tmp_path / "g.ttl"
    save_graph(graph, path)
    result = CliRunner().invoke(cli, ["query", str(path), "--name", "did", "--param", "a=RUS", "--param", "b=UKR",
                                      "--param", "from=2022-03-01", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [f"2022-03-01,{REL.disapprove},Disapprove,1"]
