"""The official schemas the SARIF and JUnit reports are validated against ship with the tests, so
a newcomer's `pytest` runs those tests instead of skipping them (issue 8, point 20)."""

import json
import re
from pathlib import Path

TESTS = Path(__file__).parent
SCHEMAS = TESTS / "schemas"


def test_no_test_reads_anything_beside_the_checkout() -> None:
    """../shared exists on the maintainers' machines only: a test reading it skips everywhere else."""
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"""["']shared["']|\.\./shared|/shared/""", line) and path.name != Path(__file__).name:
                offenders.append(f"{path.relative_to(TESTS)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_bundled_sarif_schema_is_the_oasis_one() -> None:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"


def test_the_bundled_junit_schema_keeps_its_licence() -> None:
    text = (SCHEMAS / "junit-10.xsd").read_text(encoding="utf-8")
    assert "The MIT License (MIT)" in text and "Copyright (c) 2014, Gregory Boissinot" in text
    assert "<xs:element name=\"testsuite\"" in text


def test_the_readme_names_origin_and_licence_of_each_schema() -> None:
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    for name in (p.name for p in SCHEMAS.iterdir() if p.suffix in (".json", ".xsd")):
        assert f"`{name}`" in readme, name
    for words in ("OASIS", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
                  "https://www.oasis-open.org/policies-guidelines/ipr/", "MIT", "Gregory Boissinot",
                  "https://github.com/jenkinsci/xunit-plugin"):
        assert words in readme, words
