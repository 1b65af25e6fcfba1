"""The documentation shows real output: generated pages must match what the code prints now."""

import contextlib
import io
import runpy
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent


@pytest.mark.parametrize("lang,page", [("en", "views.md"), ("zh", "views.zh-CN.md")])
def test_views_page_shows_the_current_output(lang, page, monkeypatch) -> None:
    buffer = io.StringIO()
    monkeypatch.setattr("sys.argv", ["make_views.py", lang])
    with contextlib.redirect_stdout(buffer):
        runpy.run_path(str(REPO / "docs" / "make_views.py"), run_name="__main__")
    text = (REPO / "docs" / page).read_text(encoding="utf-8")
    assert text == buffer.getvalue(), f"docs/{page} is stale: run `python docs/make_views.py {lang} > docs/{page}`"


def test_readme_commands_are_the_ones_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in readme and "<!-- main-command -->" in readme
    assert "test-command" in ci and "venv" in readme.split("<!-- test-command -->")[1]


def test_every_docs_link_points_at_a_file() -> None:
    import re

    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"
