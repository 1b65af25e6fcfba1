"""The files `zzip init` writes: a new plan folder, commented, valid under `zzip validate` at once."""

from __future__ import annotations

import datetime as dt

from zzip.i18n import _
from zzip.plan import PLAN_FILES


def starter_files(plan_id: str, name: str, today: dt.date, folder_schema) -> dict[str, str]:
    """File name -> text. `folder_schema(kind)` gives the `$schema` line for a file of that kind."""
    year = today.year
    values = {"id": plan_id, "name": _quoted(name), "today": today.isoformat(), "start": f"{year}-01",
              "end": f"{year + 2}-12", "first": f"{year}-Q{(today.month - 1) // 3 + 1}",
              "issuer": _("to be filled in (the issuing body)"), "created": _("created (zzip init)")}
    texts = {kind: _text(lines, values) for kind, lines in _files().items()}
    return {PLAN_FILES[kind]: folder_schema(kind) + text for kind, text in texts.items()}


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(lines: list, values: dict) -> str:
    """A file's lines: a comment alone, a line of YAML, or YAML with a comment after it."""
    out = []
    for line in lines:
        if isinstance(line, tuple):
            code, comment = line
            code = code.format(**values)
            out.append(f"{code:<{max(len(code) + 1, 24)}}# {comment}" if comment else code)
        else:
            out.append(line.format(**values))
    return "\n".join(out) + "\n"


def _comment(text: str) -> str:
    """A comment of one or more lines, braces doubled (the lines go through str.format)."""
    return "\n".join("# " + line for line in text.split("\n")).replace("{", "{{").replace("}", "}}")


def _files() -> dict[str, list]:
    """The comments are for the office that fills the files in, in the run's language;
    docs/plan-format.md explains each key."""
    return {
        "plan": [
            _comment(_("The plan itself: its identity, period and reporting rules. docs/plan-format.md explains "
                       "each key.")),
            "format: 1",
            ("id: {id}", _("status files name the plan by this id")),
            ('version: "1.0.0"', _("bump it (and add a revision below) on every change of substance")),
            "title: {name}",
            ("# document_number: 某政〔2023〕1号", _("the plan's document number, if it has one")),
            ("issuer: {issuer}", _("who issued the plan, e.g. the county government")),
            ('issued: "{today}"', _("the day the plan was issued (YYYY-MM-DD)")),
            'period: {{start: "{start}", end: "{end}"}}',
            "timezone: Asia/Shanghai",
            ("# supervisor: ip-office", _("the unit id of the office that supervises the plan")),
            "reporting:",
            ("  cadence: quarterly", _("or half-yearly (periods 2024-H1, 2024-H2; first_period \"2024-H1\") or yearly "
                                       "(\"2024\")").replace("{", "{{")),
            ("  due_days: 15", _("reports are due this many days after each period ends")),
            ('  # due_on: "12-10"', _("instead of due_days, a fixed day each year (每年12月10日前报送); a list for "
                                      "several")),
            ("  # accept_before_end: true", _("with a due_on inside the period: a report sent before the period "
                                              "ends counts")),
            '  first_period: "{first}"',
            ("  source: external", _("the plan sets no reporting rule: this one is the office's")),
            ("# task_kinds:", _("the kinds of task the plan names, if not key-task and major-project")),
            "#   - {{id: special-action, name: 专项行动}}",
            "# note: " + _("what is encoded here, and what is not from the document").replace("{", "{{"),
            '# source: {{url: "https://...", published: "2023-01-20"}}',
            "revisions:",
            '  - version: "1.0.0"',
            '    date: "{today}"',
            "    change: {created}",
        ],
        "units": [
            _comment(_("The units the plan names: bodies that report, and groups named together.\n"
                       "source: where the document first names it (二(一)1), external, or invented (an example).")),
            "units: []",
            "# units:",
            "#   - id: market-regulation",
            "#     name: 县市场监管局",
            "#     kind: body",
            "#     source: 二(一)1",
            "#   - id: towns",
            "#     name: 各镇人民政府",
            "#     kind: group",
            ("#     members: [town-a, town-b]", _("each member answers for what the group is given")),
            "#     source: 二(一)1",
        ],
        "tasks": [
            _comment(_("The plan's tasks. Either lead and cooperating units, or responsible units where the plan\n"
                       "does not split them. `zzip import TABLE` turns a task assignment table into these.")),
            "tasks: []",
            "# tasks:",
            "#   - id: T-1-1",
            ("#     ref: 二(一)1", _("where the document says it: 二(一)1, 四(一)1(1), 附件1-3")),
            "#     kind: key-task",
            "#     title: 优化知识产权管理体制",
            "#     responsible: [market-regulation, towns]",
            ('#     deadline: "2023-12"', _("its own deadline: 2023年底前 (a month ends on its last day; or a day "
                                            "\"2024-06-20\")")),
            ("#     deadline_text: 2023年底前", _("the deadline as the document writes it")),
            "#   # " + _("instead of deadline, at most one of:").replace("{", "{{").replace("}", "}}"),
            ("#   #   ongoing: true", _("长期坚持, 持续推进: never overdue")),
            ("#   #   recurs: yearly", _("每年: due by 31 December each year; with due_month: 4 for 每年4月")),
            ("#   #   recurs: quarterly", _("每季度: due by each quarter's end")),
        ],
        "milestones": [
            _comment(_("The dated steps of the plan: start and end months, or end: ongoing.")),
            "milestones: []",
            "# milestones:",
            "#   - id: MS-1",
            "#     ref: 四(一)1",
            "#     text: 制定年度工作要点",
            '#     start: "2023-01"',
            '#     end: "2023-03"',
            "#     tasks: [T-1-1]",
        ],
        "indicators": [
            _comment(_("The plan's quantitative targets. docs/plan-format.md explains kinds and comparators.")),
            "indicators: []",
            "# indicators:",
            "#   - id: invention-patents-per-10k",
            "#     ref: 一(二)",
            "#     name: 每万人口高价值发明专利拥有量",
            "#     text: 到2025年,每万人口高价值发明专利拥有量达到10件",
            "#     kind: level",
            "#     direction: increase",
            "#     unit: 件",
            '#     target: {{value: 10, comparator: reach, deadline: "2025-12"}}',
            "#     owner: market-regulation",
            "#     owner_basis: derived",
            "#   # " + _("a growth rate (年均增长10%) instead of a level, from a base-year value:").replace("{", "{{")
            .replace("}", "}}"),
            "#   #   target: {{growth_rate: 10, comparator: at_least, wording: 年均增长10%, deadline: \"2025-12\"}}",
            "#   #   baseline: {{value: 12.5, date: \"2022-12-31\", source: 2022年统计公报}}",
        ],
    }
