"""kgraph: diplomatic-event knowledge graphs from French and English news.

Data flows one way::

    text ─ kgraph.reader ─▶ Article ─ kgraph.nlp (spaCy Doc) ─ kgraph.extract ─▶ Event
         ─ kgraph.graph ─▶ RDF graph ─ kgraph.export / SPARQL query

"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
