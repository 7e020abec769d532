"""SPARQL queries shipped with kgraph (`kgraph query --name NAME`)."""
