#!/bin/sh
# Refresh the message catalogs after changing a message (docs/translating.md). Run from the
# repository root with the development environment's pybabel:  sh zzip/locale/update.sh
set -e
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
"$PYBABEL" extract -F babel.cfg -k t -k plural:1,2 -k ctx:1c,2 -k N_ -c TRANSLATORS: \
    --no-location --sort-output --omit-header -o zzip/locale/zzip.pot . >/dev/null 2>&1
"$PYBABEL" update -i zzip/locale/zzip.pot -d zzip/locale -D zzip --no-fuzzy-matching \
    --ignore-obsolete >/dev/null
# now translate the entries with an empty msgstr in zzip/locale/zh_CN/LC_MESSAGES/zzip.po, then:
"$PYBABEL" compile -d zzip/locale -D zzip --statistics
# the schemas' words (title, description, x-expected) in each language, for editors and `zzip schema`
"${PYTHON:-.venv/bin/python}" -m zzip.schema_words >/dev/null
