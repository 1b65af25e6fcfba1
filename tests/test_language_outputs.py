"""Every command on the example data speaks one language: with ZZIP_LANG=zh no English sentence
is left (codes, ids, paths, numbers, YAML keys and the plan's and reports' own text allowed);
with --lang en (ZZIP_LANG=en) no Chinese outside the plan's and reports' text. Each command runs
in each of its formats, and what it writes to files is read too (workbook cells, sheet names and
drop-down messages, HTML text, notices, new plan files). Each failure lists every offending line,
with the command that printed it."""

import os
import re
import subprocess
import sys
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
ZZIP = Path(sys.executable).parent / "zzip"
AS_OF = ["--as-of", "2025-07-31"]

REPORT_FORMATS = ["text", "json", "csv", "markdown", "github", "gitlab", "junit", "sarif"]
VIEW_FORMATS = ["text", "json", "csv", "markdown"]
UNIT = "市委网信办"
ASSESS = ["assess", "--year", "2024", "--as-of", "2025-01-31"]
# every command that prints something, in each of its formats ({tmp}: a folder of the test's own)
COMMANDS = [
    *(["check", "reports", *AS_OF, "-f", f] for f in REPORT_FORMATS), ["check", "reports", *AS_OF, "--show", "behind"],
    *(["overdue", *AS_OF, "-f", f] for f in VIEW_FORMATS), ["overdue", *AS_OF, "--within", "60"],
    *(["progress", *AS_OF, "-f", f] for f in VIEW_FORMATS),
    ["progress", *AS_OF, "--explain", "高价值发明专利拥有量"], ["progress", *AS_OF, "--explain", "PI-01"],
    *(["unit", UNIT, *AS_OF, "-f", f] for f in VIEW_FORMATS),
    *([*ASSESS, "-f", f] for f in VIEW_FORMATS), [*ASSESS, "--explain", "新郑市人民政府"],
    *(["diff", "{tmp}/old-plan", "plan", "-f", f] for f in VIEW_FORMATS), ["diff", "{tmp}/old-plan", "plan", "--check"],
    *(["validate", "plan", "-f", f] for f in REPORT_FORMATS), ["validate", "{tmp}/old-plan"],
    ["rules"], ["rules", "C301"], ["rules", "-f", "markdown"], ["rules", "-f", "json"], ["rules", "P103", "-f", "markdown"],
    ["schema", "status"], ["plan", "export"],
    ["template", "--period", "2025-Q3", "--unit", UNIT, "-o", "-"],
    ["template", "--period", "2025-Q3", "--unit", UNIT, "-f", "xlsx", "-o", "{tmp}/template.xlsx"],
    ["template", "--period", "2025-Q3", "--all", "-f", "xlsx", "-o", "{tmp}/all"],
    ["convert", "reports/2025-Q2/education.xlsx", "-o", "-"],
    ["convert", "reports/2025-Q2/finance.yaml", "-o", "{tmp}/converted.xlsx"],
    ["overdue", *AS_OF, "-f", "xlsx", "-o", "{tmp}/overdue.xlsx"], [*ASSESS, "-f", "xlsx", "-o", "{tmp}/assess.xlsx"],
    ["bulletin", "--period", "2025-Q2", *AS_OF, "-o", "{tmp}/bulletin.html"],
    ["bulletin", "--year", "2024", "--as-of", "2025-01-31", "-o", "{tmp}/bulletin-2024.html"],
    ["remind", "--period", "2025-Q2", *AS_OF, "-o", "{tmp}/notices"],
    ["init", "{tmp}/new-plan", "--name", "某市知识产权强市建设实施方案"],
    ["import", "{tmp}/table.csv", "--plan", "plan", "-o", "{tmp}/imported.yaml"],
    ["check", "nonexistent-folder"], ["unit", "no-such-unit", *AS_OF], ["rules", "X999"], ["template", "--period", "2025-Q9"],
    ["--help"], *([command, "--help"] for command in ("check", "template", "convert", "overdue", "progress", "unit", "assess",
                                                      "bulletin", "remind", "diff", "validate", "schema", "rules",
                                                      "init", "import")), ["plan", "export", "--help"],
]
# the views of this branch (zzip/views, zzip/output/check_text): clean now, whatever other modules say
OWN = [["overdue", *AS_OF], ["progress", *AS_OF], ["check", "reports", *AS_OF, "--show", "behind"]]

_MACHINE = [
    r"`[^`]*`", r"'[^']*'", r"\S*[/\\]\S*", r"\S*\d\S*", r"--?[\w-]+", r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b",
    r"\bzzip(?: [a-z]+)?\b", r"\b[A-Z]{2,}\b", r"https?://\S+", r"::\w+",
    r"^\ufeff?\w+(?:,\w+)+$",  # a CSV header: its column keys
    r"\b[\w-]+\.(?:yaml|yml|json|xlsx|csv|html|md|eml|txt|pdf)\b", r"\bgit diff\b",  # file and tool names
    r"</?[\w:]+|\b[\w:]+=",  # XML (JUnit) element and attribute names: their values are read
]
ENGLISH = re.compile(r"[A-Za-z]{2,}[ ,;:()]+[A-Za-z]{2,}")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


@lru_cache(maxsize=None)
def data_strings() -> frozenset:
    """Every text of the plan and the reports, whole."""
    from ruamel.yaml import YAML

    found = set()

    def strings(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                strings(key), strings(value)
        elif isinstance(node, list):
            for value in node:
                strings(value)
        elif isinstance(node, str):
            found.add(node)

    for folder in ("plan", "reports"):
        for path in (REPO / folder).rglob("*.yaml"):
            strings(YAML(typ="safe").load(path.read_text(encoding="utf-8")))
    return frozenset(found)


@lru_cache(maxsize=None)
def data_text() -> str:
    """All the text of the plan and the example reports (workbooks included)."""
    parts = [p.read_text(encoding="utf-8", errors="replace") for folder in ("plan", "reports")
             for p in (REPO / folder).rglob("*") if p.suffix in (".yaml", ".yml", ".json", ".md")]
    parts += data_strings()  # each text as it is, however the YAML folds or quotes it
    from openpyxl import load_workbook

    for book in (REPO / "reports").rglob("*.xlsx"):
        workbook = load_workbook(book, read_only=True)
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            parts += [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    return "\n".join(parts)


IMPORT_TABLE = ("序号,重点任务,责任单位,完成时限\n"
                "1,建立镇级知识产权工作站。各镇配备专人。,市市场监管局,2023年底前\n"
                "2,开展专项行动,(市市场监管局、市公安局负责),尽快\n")


def prepare(tmp: Path) -> None:
    """The inputs the commands read besides plan/ and reports/: an earlier plan (a target and a
    deadline changed) for diff, and a 任务分工表 for import."""
    import shutil

    shutil.copytree(REPO / "plan", tmp / "old-plan")
    indicators = tmp / "old-plan" / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    assert "value: 14653" in text and 'deadline: "2025-06"' in text
    indicators.write_text(text.replace("value: 14653", "value: 15000", 1).replace('deadline: "2025-06"', 'deadline: "2025-03"', 1),
                          encoding="utf-8")
    (tmp / "table.csv").write_text(IMPORT_TABLE, encoding="utf-8")


class _Text(HTMLParser):
    """The text a reader sees in an HTML page (not its scripts and styles)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        self._skip += tag in ("script", "style")
        self.parts += [value for name, value in attrs if name in ("title", "alt", "aria-label") and value]

    def handle_endtag(self, tag) -> None:
        self._skip -= tag in ("script", "style")
        if tag in ("p", "div", "tr", "li", "h1", "h2", "h3", "h4", "td", "th", "br", "caption", "title"):
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def written_text(path: Path) -> str:
    """What a person reads in a file a command wrote: a workbook's sheet names and cells, an HTML
    page's text, any other file as it is."""
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path)
        lines = []
        for sheet in workbook.worksheets:
            lines.append(sheet.title)
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        lines.append(str(cell.value))
                    if cell.comment is not None:
                        lines.append(cell.comment.text)
            for validation in sheet.data_validations.dataValidation:
                lines += [v for v in (validation.prompt, validation.promptTitle, validation.error,
                                      validation.errorTitle) if v]
        return "\n".join(lines)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _Text()
        parser.feed(text)
        return "".join(parser.parts)
    return text


def run(args: list[str], lang: str, tmp: Path, stderr: bool = True) -> str:
    """What the command printed and what it wrote into tmp."""
    before = {p for p in tmp.rglob("*") if p.is_file()}
    args = [a.replace("{tmp}", str(tmp)) for a in args]
    env = {**os.environ, "ZZIP_LANG": lang, "COLUMNS": "120", "NO_COLOR": "1"}
    result = subprocess.run([str(ZZIP), *args], cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8")
    texts = [result.stdout.replace(str(tmp), "TMP"), result.stderr.replace(str(tmp), "TMP") if stderr else ""]
    texts += [written_text(p) for p in sorted({p for p in tmp.rglob("*") if p.is_file()} - before)]
    return "\n".join(texts)


# a line of YAML (commented out or not), or a flow mapping: its keys and values are data; a
# comment after it is read
_YAML_LINE = re.compile(r"^\s*(?:#\s*)*(?:- )?(?:[a-z_][a-z0-9_]*:(?:\s.*?)?|\{.*\})(?=\s+#\s|$)")
# a JSON string of the plan's or the reports' own (plan export, notes in JSON reports)
_JSON_VALUE = re.compile(r'^\s*"[\w$]+": (".*")(,?)$')


def human_part(line: str) -> str:
    found = _JSON_VALUE.match(line)
    if found:
        import json

        if json.loads(found.group(1)) in data_strings():
            return ""
    return _YAML_LINE.sub(" ", line, count=1)


def english_lines(output: str) -> list[str]:
    data = data_text() + IMPORT_TABLE
    found = []
    for line in output.split("\n"):
        rest = human_part(line)
        for pattern in _MACHINE:
            rest = re.sub(pattern, " ", rest)
        for match in ENGLISH.finditer(rest):
            if match.group(0) not in data:
                found.append(line.strip())
                break
    return found


# Chinese that English text quotes on purpose: the names of the plan's documents, the columns of a
# 任务分工表 and the phrases zzip import reads, the workbook's sheet names (the reader finds the
# sheets by them, in both languages), and the plan's and a unit's wording in the examples of the
# rules' explanations (zzip rules, and SARIF's rule help)
QUOTED = {
    "督办清单", "督导通报", "推进考核", "任务分工表", "序号", "重点任务", "责任单位", "完成时限", "附件",
    "年底前", "月前", "长期坚持", "每年", "月", "每季度",
    "填报说明", "报送信息", "任务进展", "指标数据", "选项",
    "仲裁委", "优化体制机制", "各镇人民政府负责", "基金出资方尚未确定", "审理庭建设资金延后到位", "强化考核评估",
    "推迟至", "每年开展一次", "郑知联办〔", "已完成", "受阻",
    # zzip init's examples of a plan's own phrases (a growth target, a fixed due day, a source)
    "年均增长", "日前报送", "年统计公报",
}


def chinese_lines(output: str) -> list[str]:
    data = data_text() + IMPORT_TABLE
    return [line.strip() for line in output.split("\n")
            if any(piece and piece not in data and piece not in QUOTED
                   for run in CJK.findall(human_part(line)) for piece in re.split(r"[、《》]", run))]


# English left in files other helpers are rewriting, allowed until their work lands (then removed):
PENDING = {
    # zzip/table_import.py (zzip import's output, being reworked on another branch): its YAML comments
    "zh": [],
}
# zzip schema prints the JSON Schema documents as editors read them from zzip/schemas/*.json (one
# language per file; loaded by zzip/schema.py, being rewritten for speed): their titles and
# descriptions are English
SCHEMA_TEXT = re.compile(r'^\s*"(?:title|description|\$comment|x-[\w-]+)": ')


def offending(commands, lang: str, tmp: Path, stderr: bool = True) -> list[str]:
    prepare(tmp)
    check = english_lines if lang == "zh" else chinese_lines
    bad = []
    for args in commands:
        for line in check(run(args, lang, tmp, stderr)):
            if any(re.search(pattern, line) for pattern in PENDING.get(lang, ())):
                continue
            if args[0] == "schema" and SCHEMA_TEXT.match(line):
                continue
            bad.append(f"zzip {' '.join(args)}: {line}")
    return bad


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_this_branchs_views_speak_one_language(lang, tmp_path) -> None:
    bad = offending(OWN, lang, tmp_path, stderr=False)  # standard error: the S201 message, from the rules
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_speaks_one_language(lang, tmp_path) -> None:
    bad = offending(COMMANDS, lang, tmp_path)
    assert not bad, f"{len(bad)} lines:\n" + "\n".join(bad)
