from __future__ import annotations

from kgraph.text import normalise, split_front_matter


def test_normalise_replaces_typographic_marks_one_for_one():
    text = "l’achat « illégitime » “quoted” d\u2019Ankara\u00a0!"
    out = normalise(text)
    assert out == "l'achat \" illégitime \" \"quoted\" d'Ankara !"
    assert len(out) == len(text)


def test_front_matter_is_split_from_body():
    fields, body = split_front_matter("---\ndate: 2020-12-30\ntitle: \"Hello\"\n---\nBody text.\n")
    assert fields == {"date": "2020-12-30", "title": "Hello"}
    assert body == "Body text.\n"


def test_text_without_front_matter_is_all_body():
    assert split_front_matter("--- not front matter\ntext") == ({}, "--- not front matter\ntext")
