from __future__ import annotations

import io
import json

from kgraph.reader import Article, Skipped, read_inputs


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skipped)]


def test_bad_inputs_are_skipped_with_file_and_line(tmp_path):
    (tmp_path / "good.txt").write_text("La Turquie a signé l'accord avec la Russie.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "latin1.txt").write_bytes("ligne une\nLa Turquie a dénoncé".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    lines = [json.dumps({"id": "a1", "text": "Russia condemned the strike.", "date": "2021-01-02"}), "{broken", json.dumps({"text": "x"})]
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, skipped = _split(read_inputs([tmp_path]))
    assert sorted(a.doc_id for a in articles) == ["a1", "good.txt", "news.jsonl:3"]
    reasons = {s.origin.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert "binary" in reasons["binary.txt"]
    assert reasons["latin1.txt"].startswith("line 2: not UTF-8")
    assert "empty" in reasons["empty.txt"]
    assert reasons["news.jsonl:2"].startswith("invalid JSON")
    assert len(skipped) == 4


def test_jsonl_fields_and_date_override(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Hello there.", "lang": "EN", "url": "http://x", "title": "T"}) + "\n", encoding="utf-8")
    (article,) = read_inputs([path], date="2020-01-01")
    assert (article.doc_id, article.lang, article.date, article.url, article.title) == ("a.jsonl:1", "en", "2020-01-01", "http://x", "T")


def test_front_matter_date_beats_option_and_option_beats_mtime(tmp_path):
    (tmp_path / "a.txt").write_text("---\ndate: 2019-05-01\n---\nTexte.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Texte.", encoding="utf-8")
    dates = {a.doc_id: a.date for a in read_inputs([tmp_path], date="2020-02-02")}
    assert dates == {"a.txt": "2019-05-01", "b.txt": "2020-02-02"}


def test_stdin_plain_text_and_jsonl():
    (article,) = read_inputs(["-"], stdin=io.BytesIO("Texte brut.".encode()), date="2020-01-01")
    assert (article.doc_id, article.text) == ("stdin", "Texte brut.")
    records = read_inputs(["-"], stdin=io.BytesIO(b'{"id": "x", "text": "One."}\n{"text": "Two."}\n'))
    assert [a.doc_id for a in records] == ["x", "stdin:2"]


def test_missing_path_is_reported():
    (item,) = read_inputs(["/nonexistent/file.txt"])
    assert isinstance(item, Skipped) and "no such file" in item.reason
