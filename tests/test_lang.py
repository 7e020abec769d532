from __future__ import annotations

from kgraph.lang import detect_language


def test_detects_french_and_english():
    assert detect_language("La Turquie et les États-Unis ont entamé des pourparlers sur les missiles.") == "fr"
    assert detect_language("Turkey and the United States have started talks on the missile deal.") == "en"


def test_short_or_empty_text_falls_back():
    assert detect_language("", default="fr") == "fr"
    assert detect_language("123 456", default="en") == "en"
