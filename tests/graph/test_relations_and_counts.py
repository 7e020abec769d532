"""Direct relation triples at both levels, actor hierarchy, modality, and merged mention counts."""
from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

from kgraph.cameo import cameo_code
from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import KG, GraphBuilder, load_graph, open_graph, write_graph
from kgraph.graph.namespace import ACTOR
from kgraph.graph.query import run_query
from kgraph.model import Action, ActorRef, Event
from kgraph.reader import Article


def event(doc_id="a", source="RUSGOV", target="UKRGOV", cameo="112", date="2022-02-20", start=0, negated=False, mode=None):
    code = cameo_code(cameo)
    return Event(
        doc_id=doc_id, sentence_id=0, sentence="The Russian government accused Ukraine's government.",
        lang="en", date=date,
        source=ActorRef("The Russian government", source, source[:3], source[3:] or None, None, None, start, start + 22),
        action=Action("accused", code.code, code.root, code.label, code.plover, code.quad_class, code.goldstein, start + 23, start + 30),
        target=ActorRef("Ukraine's government", target, target[:3], target[3:] or None, None, None, start + 31, start + 51),
        negated=negated, mode=mode, confidence=0.8,
    )


def result(doc_id, *events, url=None):
    return ExtractionResult(Article(doc_id=doc_id, text="…", date="2022-02-20", url=url), "en", list(events))


def build(*results):
    builder = GraphBuilder(models={"en": "en_core_web_md"})
    builder.add_results(results)
    return builder.graph


def predicates(graph, source, target):
    rows = run_query(graph, f"SELECT ?p WHERE {{ actor:{source} ?p actor:{target} }}").rows
    return {str(row[0]).rsplit("/", 1)[-1] for row in rows}


def test_direct_triple_between_sector_actors_and_between_their_countries():
    g = build(result("a", event()))
    relation = cameo_code("112").relation
    assert predicates(g, "RUSGOV", "UKRGOV") == {relation}
    assert predicates(g, "RUS", "UKR") == {relation}
    assert (ACTOR.RUSGOV, KG.country, ACTOR.RUS) in g and (ACTOR.RUSGOV, KG.partOf, ACTOR.RUS) in g
    assert {l.language for l in g.objects(ACTOR.RUS, RDFS.label)} >= {"en", "fr"}
    assert (KG.partOf, RDFS.subPropertyOf, SKOS.broader) not in g  # the ontology says it, the data does not repeat it


def test_country_actor_as_source_still_links_to_the_target_country():
    g = build(result("a", event(source="RUS", target="UKRMIL", cameo="190")))
    relation = cameo_code("190").relation
    assert predicates(g, "RUS", "UKRMIL") == {relation}
    assert predicates(g, "RUS", "UKR") == {relation}


def test_domestic_event_gives_no_country_self_loop():
    g = build(result("a", event(source="RUSGOV", target="RUSOPP")))
    assert predicates(g, "RUSGOV", "RUSOPP")
    assert not predicates(g, "RUS", "RUS")


@pytest.mark.parametrize("kind", ["negated", "hypothetical"])
def test_negated_and_hypothetical_events_are_kept_typed_and_give_no_relation(kind):
    options = {"negated": True} if kind == "negated" else {"mode": "conditional"}
    g = build(result("a", event(**options)))
    (node,) = g.subjects(RDF.type, KG.Event)
    assert (node, RDF.type, KG.NegatedEvent if kind == "negated" else KG.HypotheticalEvent) in g
    assert not predicates(g, "RUSGOV", "UKRGOV") and not predicates(g, "RUS", "UKR")


def counts(graph):
    return {
        (str(e).rsplit("/", 1)[-1]): tuple(graph.value(e, p).toPython() for p in (KG.numMentions, KG.numArticles, KG.numSources))
        for e in graph.subjects(RDF.type, KG.Event)
    }


def sanctions(doc_id, start=0, url=None):
    return result(doc_id, event(doc_id, source="USA", target="RUSGOV", cameo="163", start=start), url=url)


def test_two_articles_one_event_with_two_mentions_counted():
    g = build(sanctions("a", url="https://www.reuters.com/x"), sanctions("b", start=5, url="https://reuters.com/y"))
    assert list(counts(g).values()) == [(2, 2, 1)]  # two articles, one news source
    g = build(sanctions("a"), sanctions("b", start=5))
    assert list(counts(g).values()) == [(2, 2, 2)]  # no URL: each article its own source


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ""])
def test_counts_stay_right_under_append_and_when_an_article_is_added_again(tmp_path, suffix):
    path = tmp_path / f"g{suffix}"
    write_graph(build(sanctions("a"), sanctions("b", start=5)), path)
    write_graph(build(sanctions("c", start=9)), path, append=True)
    with open_graph(path) as graph:
        assert list(counts(graph).values()) == [(3, 3, 3)]
        size = len(graph)
    write_graph(build(sanctions("b", start=5)), path, append=True)  # the same article again
    with open_graph(path) as graph:
        assert list(counts(graph).values()) == [(3, 3, 3)]
        assert len(graph) == size
        n = run_query(graph, "SELECT (COUNT(?n) AS ?c) WHERE { ?e kg:numMentions ?n }").rows[0][0]
        assert n.toPython() == 1  # one count per event, the stale ones removed


def test_counts_are_integers_the_ontology_declares():
    g = build(sanctions("a"))
    (value,) = g.objects(None, KG.numMentions)
    assert value == Literal(1)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,lang",
    [("The Russian government accused the Ukrainian government of shelling Donetsk.", "en"),
     ("Le gouvernement russe a accusé le gouvernement ukrainien de bombarder Donetsk.", "fr")],
)
def test_what_did_russia_do_to_ukraine_is_one_triple_pattern(extractor, text, lang):
    results = [extractor.extract(Article(doc_id="t", text=text, lang=lang, date="2022-02-20"))]
    builder = GraphBuilder()
    builder.add_results(results)
    # What Ukraine is accused of is kept, marked alleged, and left out of the relation triples.
    assert {e.source.code[:3] for e in results[0].events if not e.mode} == {"RUS"}
    assert all(e.mode == "alleged" for e in results[0].events if e.source.code[:3] == "UKR")
    assert predicates(builder.graph, "RUS", "UKR")


def test_counts_are_validated():
    from kgraph.graph import validate_graph

    g = build(sanctions("a"), sanctions("b", start=5))
    assert validate_graph(g).conforms
    (node,) = g.subjects(RDF.type, KG.Event)
    g.set((node, KG.numArticles, Literal(5)))
    report = validate_graph(g)
    assert not report.conforms and "article count" in report.text
