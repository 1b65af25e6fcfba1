"""Every command on the example data speaks one language: with ZZIP_LANG=zh no English sentence
is left (codes, ids, paths, numbers, YAML keys and the plan's and reports' own text allowed);
with --lang en (ZZIP_LANG=en) no Chinese outside the plan's and reports' text. Each failure
lists every offending line, with the command that printed it."""

import os
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
ZZIP = Path(sys.executable).parent / "zzip"
AS_OF = ["--as-of", "2025-07-31"]

COMMANDS = [
    ["check", "reports", *AS_OF], ["check", "reports", *AS_OF, "-f", "markdown"],
    ["check", "reports", *AS_OF, "--show", "behind"], ["check", "reports", *AS_OF, "-f", "github"],
    ["overdue", *AS_OF], ["progress", *AS_OF], ["progress", *AS_OF, "--explain", "高价值发明专利拥有量"],
    ["unit", "市委网信办", *AS_OF], ["assess", "--year", "2024", "--as-of", "2025-01-31"],
    ["assess", "--year", "2024", "--as-of", "2025-01-31", "--explain", "新郑市人民政府"],
    ["diff", "plan", "plan"], ["validate", "plan"], ["rules"], ["rules", "C301"], ["--help"], ["check", "--help"],
]
# the views of this branch (zzip/views, zzip/output/check_text): clean now, whatever other modules say
OWN = [["overdue", *AS_OF], ["progress", *AS_OF], ["check", "reports", *AS_OF, "--show", "behind"]]

_MACHINE = [
    r"`[^`]*`", r"'[^']*'", r"\S*[/\\]\S*", r"\S*\d\S*", r"--?[\w-]+", r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b",
    r"\bzzip(?: [a-z]+)?\b", r"\b[A-Z]{2,}\b", r"https?://\S+", r"::\w+",
]
ENGLISH = re.compile(r"[A-Za-z]{2,}[ ,;:()]+[A-Za-z]{2,}")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


@lru_cache(maxsize=None)
def data_text() -> str:
    """All the text of the plan and the example reports (workbooks included)."""
    parts = [p.read_text(encoding="utf-8", errors="replace") for folder in ("plan", "reports")
             for p in (REPO / folder).rglob("*") if p.suffix in (".yaml", ".yml", ".json", ".md")]
    from openpyxl import load_workbook

    for book in (REPO / "reports").rglob("*.xlsx"):
        workbook = load_workbook(book, read_only=True)
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            parts += [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    return "\n".join(parts)


def run(args: list[str], lang: str, stderr: bool = True) -> str:
    env = {**os.environ, "ZZIP_LANG": lang, "COLUMNS": "120", "NO_COLOR": "1"}
    result = subprocess.run([str(ZZIP), *args], cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8")
    return result.stdout + (result.stderr if stderr else "")


def english_lines(output: str) -> list[str]:
    data = data_text()
    found = []
    for line in output.split("\n"):
        rest = line
        for pattern in _MACHINE:
            rest = re.sub(pattern, " ", rest)
        for match in ENGLISH.finditer(rest):
            if match.group(0) not in data:
                found.append(line.strip())
                break
    return found


def chinese_lines(output: str) -> list[str]:
    data = data_text()
    return [line.strip() for line in output.split("\n")
            if any(piece and piece not in data for run in CJK.findall(line) for piece in run.split("、"))]


def offending(commands, lang: str, stderr: bool = True) -> list[str]:
    check = english_lines if lang == "zh" else chinese_lines
    return [f"zzip {' '.join(args)}: {line}" for args in commands for line in check(run(args, lang, stderr))]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_this_branchs_views_speak_one_language(lang) -> None:
    bad = offending(OWN, lang, stderr=False)  # standard error: the S201 message, from the rules
    assert not bad, "\n".join(bad)


@pytest.mark.xfail(reason="rule messages, progress reasons, assessment lines and CLI help are translated on other "
                          "branches; strict once they are merged", strict=False)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_speaks_one_language(lang) -> None:
    bad = offending(COMMANDS, lang)
    assert not bad, f"{len(bad)} lines:\n" + "\n".join(bad)
