"""The schemas' words in Chinese (title, description, x-expected): what an editor shows a liaison
officer filling in a status file, and what `zzip schema` prints. The translated schema must accept
exactly what the English one accepts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from zzip.i18n import set_language, translations
from zzip.schema import schema_line
from zzip.schema_words import KINDS, WORD_KEYS, english_text, localized_schema_file, localized_text, schema_words, translated

ZZIP = Path(sys.executable).parent / "zzip"
HAN = range(0x4E00, 0xA000)


def _without_words(node):
    """The schema with the translatable words removed: what it accepts, nothing else."""
    if isinstance(node, dict):
        return {k: _without_words(v) for k, v in node.items() if not (k in WORD_KEYS and isinstance(v, str))
                or k in ("x-expected",) and (v in node.get("enum", ()) or v == node.get("const"))}
    if isinstance(node, list):
        return [_without_words(v) for v in node]
    return node


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_chinese_schema_is_the_english_one_with_its_words_translated(kind: str) -> None:
    shipped = localized_schema_file(kind, "zh")
    assert shipped.parent.name == "zh_CN"
    assert shipped.read_text(encoding="utf-8") == localized_text(kind, "zh"), \
        "run sh zzip/locale/update.sh after editing a schema or the catalog"
    english, chinese = json.loads(english_text(kind)), json.loads(shipped.read_text(encoding="utf-8"))
    assert _without_words(chinese) == _without_words(english)
    jsonschema.Draft202012Validator.check_schema(chinese)
    # every word is Chinese now (a word the catalog lacks would stay English: test_i18n catches it)
    for english_word, chinese_word in zip(schema_words(english), schema_words(chinese)):
        assert english_word != chinese_word and any(ord(ch) in HAN for ch in chinese_word), english_word


def test_a_property_named_like_a_word_key_is_not_translated() -> None:
    document = {"properties": {"title": {"type": "string", "description": "The title."}},
                "per": {"enum": ["report"], "x-expected": "report"}, "title": "Yearly item"}
    words = {"The title.": "标题。", "Yearly item": "年度事项", "report": "报告"}
    result = translated(document, lambda w: words.get(w, w))
    assert result == {"properties": {"title": {"type": "string", "description": "标题。"}},
                      "per": {"enum": ["report"], "x-expected": "report"}, "title": "年度事项"}
    assert schema_words(document) == ["The title.", "Yearly item"]


def test_english_schema_is_the_shipped_file_byte_for_byte() -> None:
    assert localized_text("status", "en") == english_text("status")
    assert localized_schema_file("status", "en").name == "status.schema.json" and localized_schema_file("status", "en").parent.name == "schemas"


def _zzip(lang: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZZIP), *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "ZZIP_LANG": lang})


def test_zzip_schema_prints_the_words_in_the_run_language() -> None:
    zh = _zzip("zh", "schema", "status")
    assert zh.returncode == 0 and json.loads(zh.stdout)["title"] == "zzip 季度进展情况文件（reports/报告期/单位标识.yaml）"
    en = _zzip("en", "schema", "status")
    assert en.returncode == 0 and en.stdout == english_text("status")


def test_files_written_in_chinese_point_editors_at_the_chinese_schema(tmp_path: Path) -> None:
    set_language("zh")
    line = schema_line("status", tmp_path)
    assert (tmp_path / line.split("$schema=", 1)[1].strip()).resolve() == localized_schema_file("status", "zh").resolve()
    set_language("en")
    line = schema_line("status", tmp_path)
    assert (tmp_path / line.split("$schema=", 1)[1].strip()).resolve() == localized_schema_file("status", "en").resolve()


def test_an_expected_value_that_is_a_code_stays_the_code_in_chinese() -> None:
    chinese = json.loads(localized_schema_file("assessment", "zh").read_text(encoding="utf-8"))
    codes = []

    def walk(node):
        if isinstance(node, dict):
            if "x-expected" in node and node["x-expected"] in node.get("enum", ()):
                codes.append(node["x-expected"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(chinese)
    assert codes and set(codes) <= {"report", "item", "indicator"}
    assert translations("zh").gettext("a month written YYYY-MM in quotes, e.g. \"2024-03\"") != \
        "a month written YYYY-MM in quotes, e.g. \"2024-03\""
