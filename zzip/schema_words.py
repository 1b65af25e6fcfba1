"""The words of the shipped JSON Schemas in the reader's language.

A schema's `title`, `description` and `x-expected` are what an editor shows while a liaison
officer fills in a status file (hover text, completion), and what `zzip schema` prints. They are
English in zzip/schemas/*.schema.json, extracted into the gettext catalog by `babel_extract`
(babel.cfg), and written translated to zzip/schemas/zh_CN/ by `python -m zzip.schema_words`
(run by zzip/locale/update.sh), so that the `$schema` line of a file written in Chinese points
at Chinese words. Only these three keys change: the translated schema accepts exactly what the
English one accepts.
"""

from __future__ import annotations

import json
from pathlib import Path

from zzip.schema import SCHEMA_FOLDER, SCHEMA_KINDS, schema_file, schema_text

WORD_KEYS = ("title", "description", "x-expected")
KINDS = SCHEMA_KINDS
# the folder of each translated language under zzip/schemas (as under zzip/locale)
FOLDERS = {"zh": "zh_CN"}


def _is_word(node: dict, key: str, value) -> bool:
    """A title, description or x-expected to translate; not an x-expected that is the very value to
    write (`per: report` expects "report", in any language)."""
    if key not in WORD_KEYS or not isinstance(value, str):
        return False
    return not (key == "x-expected" and (value in node.get("enum", ()) or value == node.get("const")))


def schema_words(document) -> list[str]:
    """Every title, description and x-expected string of a schema, in document order."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if _is_word(node, key, value):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return found


def translated(document, gettext):
    """The schema with its words translated by `gettext`; every other key and value unchanged
    (a key named "title" inside `properties` is a property, not a word, and stays)."""
    if isinstance(document, dict):
        return {key: (gettext(value) if _is_word(document, key, value) else
                      {name: translated(sub, gettext) for name, sub in value.items()}
                      if key in ("properties", "$defs", "patternProperties") and isinstance(value, dict) else
                      translated(value, gettext))
                for key, value in document.items()}
    if isinstance(document, list):
        return [translated(value, gettext) for value in document]
    return document


def english_text(kind: str) -> str:
    return schema_text(kind)


def localized_text(kind: str, lang: str) -> str:
    """The schema of `kind` as JSON text in `lang` (English: the shipped file, byte for byte)."""
    if lang not in FOLDERS:
        return english_text(kind)
    from zzip.i18n import translations

    catalog = translations(lang)
    document = translated(json.loads(english_text(kind)), catalog.gettext)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def localized_schema_file(kind: str, lang: str) -> Path:
    """The shipped schema file of `kind` whose words are in `lang` (English when there is none)."""
    folder = FOLDERS.get(lang)
    if folder is not None:
        localized = SCHEMA_FOLDER / folder / f"{kind}.schema.json"
        if localized.is_file():
            return localized
    return schema_file(kind)


def babel_extract(fileobj, keywords, comment_tags, options):
    """pybabel's extractor for the schema files (babel.cfg): each word with its line."""
    text = fileobj.read().decode("utf-8")
    seen: set[str] = set()
    for word in schema_words(json.loads(text)):
        if word in seen:
            continue
        seen.add(word)
        needle = json.dumps(word, ensure_ascii=False)
        line = next((n for n, row in enumerate(text.splitlines(), 1) if needle in row), 1)
        yield line, "_", word, []


def write_localized(root: Path) -> list[Path]:
    """Write zzip/schemas/<folder>/<kind>.schema.json for every translated language (update.sh)."""
    written = []
    for lang, folder in FOLDERS.items():
        target = root / folder
        target.mkdir(exist_ok=True)
        for kind in KINDS:
            path = target / f"{kind}.schema.json"
            path.write_text(localized_text(kind, lang), encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_localized(Path(__file__).resolve().parent / "schemas"):
        print(written_path)
