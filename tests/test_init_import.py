"""`zzip init` starts a plan folder that validates at once; `zzip import` reads a 任务分工表."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zzip.table_import import read_deadline, split_units

ZZIP = Path(sys.executable).parent / "zzip"
EXAMPLE_PLAN = Path(__file__).parent.parent / "examples" / "taicang" / "plan"


def zzip(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZZIP), *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en"})


def test_init_writes_a_plan_that_validates_and_never_overwrites(tmp_path: Path) -> None:
    result = zzip("init", "newplan", "--id", "some-county-ip", "--name", "某县知识产权强县建设工作方案", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "newplan").iterdir()) == [
        "indicators.yaml", "milestones.yaml", "plan.yaml", "tasks.yaml", "units.yaml"]
    assert "id: some-county-ip" in (tmp_path / "newplan/plan.yaml").read_text(encoding="utf-8")
    assert zzip("validate", "newplan", cwd=tmp_path).returncode == 0
    before = (tmp_path / "newplan/plan.yaml").read_bytes()
    again = zzip("init", "newplan", cwd=tmp_path)
    assert again.returncode == 2 and "never overwrites" in again.stderr
    assert (tmp_path / "newplan/plan.yaml").read_bytes() == before


def test_init_refuses_a_bad_id(tmp_path: Path) -> None:
    assert zzip("init", "p", "--id", "Bad Id", cwd=tmp_path).returncode == 2
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize("text, names", [
    ("市市场监管局、市科技局", ["市市场监管局", "市科技局"]),
    ("(市市场监管局、各镇人民政府负责)", ["市市场监管局", "各镇人民政府"]),
    ("\uff08市科技局\uff0c市市场监管局负责\uff09", ["市科技局", "市市场监管局"]),
    ("市科技局,市市场监管局", ["市科技局", "市市场监管局"]),
])
def test_unit_lists_are_split(text: str, names: list[str]) -> None:
    assert split_units(text) == names


@pytest.mark.parametrize("phrase, keys", [
    ("2023年底前", {"deadline": "2023-12"}), ("2023年年底前", {"deadline": "2023-12"}),
    ("2023年12月底前", {"deadline": "2023-12"}), ("2023年底", {"deadline": "2023-12"}),
    # 前 and 底前 both read as "by the month's end"
    ("2024年6月前", {"deadline": "2024-06"}), ("2024年6月底前", {"deadline": "2024-06"}),
    ("2024年1月前", {"deadline": "2024-01"}), ("2024年12月前", {"deadline": "2024-12"}),
    ("2024年 6 月底前", {"deadline": "2024-06"}),
    # full-width digits and months in Chinese numerals, as documents write them
    ("２０２３年底前", {"deadline": "2023-12"}), ("２０２４年６月底前", {"deadline": "2024-06"}),
    ("2024年十二月前", {"deadline": "2024-12"}), ("2024年十月前", {"deadline": "2024-10"}),
    ("长期坚持", {"ongoing": True}), ("持续推进", {"ongoing": True}),
    ("每年", {"recurs": "yearly"}), ("每年4月", {"recurs": "yearly", "due_month": 4}),
    ("每年4月底前", {"recurs": "yearly", "due_month": 4}), ("每年四月", {"recurs": "yearly", "due_month": 4}),
    ("每年１１月", {"recurs": "yearly", "due_month": 11}), ("每年1月", {"recurs": "yearly", "due_month": 1}),
    ("每年12月", {"recurs": "yearly"}),  # due by 31 December is the default
    ("每季度", {"recurs": "quarterly"}),
    # not read: kept as deadline_text only and listed
    ("2024年13月前", None), ("2024年0月前", None), ("每年13月", None), ("每年0月", None),
    ("每半年", None), ("尽快", None), ("2023年", None), ("每月", None),
])
def test_deadline_phrases(phrase: str, keys) -> None:
    assert read_deadline(phrase) == keys


def test_import_csv_in_gbk_lists_every_unread_cell(tmp_path: Path) -> None:
    table = tmp_path / "分工表.csv"
    table.write_bytes(("序号,重点任务,责任单位,完成时限\n"
                       "1,建立镇级知识产权工作站。各镇配备专人。,市市场监管局、各镇人民政府,2023年底前\n"
                       "2,开展专项行动,(市市场监管局、市公安局负责),尽快\n").encode("gbk"))
    out = tmp_path / "tasks-imported.yaml"
    result = zzip("import", table.name, "--plan", str(EXAMPLE_PLAN), "-o", out.name, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "分工表.csv:3:3: '市公安局' is not a unit of the plan" in result.stderr
    assert "分工表.csv:3:4: deadline '尽快'" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "responsible: [market-regulation, towns]" in text.replace("\n      - ", ", ") or \
        "- market-regulation\n      - towns" in text
    assert "ref: 附件1-1" in text and 'deadline: "2023-12"\n    deadline_text: 2023年底前\n' in text
    assert "deadline_text: 尽快  # NOT READ" in text and "deadline: " not in text.split("尽快")[0].split("T-2")[1]
    assert "NOT MATCHED: 市公安局" in text
    again = zzip("import", str(table), "--plan", str(EXAMPLE_PLAN), "-o", str(out), cwd=tmp_path)
    assert again.returncode == 2 and "never overwrites" in again.stderr
    over_input = zzip("import", str(table), "--plan", str(EXAMPLE_PLAN), "-o", str(table), cwd=tmp_path)
    assert over_input.returncode == 2


def test_import_xlsx_names_cells_by_sheet_and_address(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "附件1"
    sheet.append(["太仓市任务分工表"])
    sheet.append(["序号", "重点任务", "责任单位", "完成时限"])
    sheet.append([1, "培育高价值专利", "市科技局", "持续推进"])
    sheet.append([2, "建设工作站", "某某办", "每年4月"])
    table = tmp_path / "分工表.xlsx"
    book.save(table)
    result = zzip("import", table.name, "--plan", str(EXAMPLE_PLAN), cwd=tmp_path)
    assert result.returncode == 1
    assert "分工表.xlsx!附件1!C4: '某某办' is not a unit of the plan" in result.stderr
    assert "responsible:\n      - science-technology" in result.stdout or "responsible: [science-technology]" in result.stdout


def test_imported_time_keys_validate_with_no_finding(tmp_path: Path) -> None:
    """Every phrase read becomes keys `zzip validate` accepts as they are; the words stay beside them."""
    shutil.copytree(EXAMPLE_PLAN, tmp_path / "plan")
    table = tmp_path / "分工表.csv"
    table.write_text("序号,重点任务,责任单位,完成时限\n"
                     "1,建立镇级知识产权工作站,市市场监管局、各镇人民政府,２０２３年底前\n"
                     "2,开展专项行动,(市市场监管局负责),每年\n"
                     "3,培育高价值专利,市科技局,持续推进\n"
                     "4,开展知识产权宣传周活动,市市场监管局,每年4月\n"
                     "5,报送工作进展,市科技局,每季度\n"
                     "6,出台专利导航实施办法,市市场监管局,2024年6月前\n"
                     "7,完成专利转化专项,市科技局,2024年十二月底前\n", encoding="utf-8")
    result = zzip("import", table.name, "--plan", "plan", "-o", "imported.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    imported = (tmp_path / "imported.yaml").read_text(encoding="utf-8")
    for keys in ('deadline: "2023-12"\n    deadline_text: ２０２３年底前', "recurs: yearly\n    deadline_text: 每年\n",
                 "ongoing: true\n    deadline_text: 持续推进", "recurs: yearly\n    due_month: 4\n    deadline_text: 每年4月",
                 "recurs: quarterly\n    deadline_text: 每季度", 'deadline: "2024-06"\n    deadline_text: 2024年6月前',
                 'deadline: "2024-12"\n    deadline_text: 2024年十二月底前'):
        assert keys in imported
    (tmp_path / "plan/tasks.yaml").write_text(imported, encoding="utf-8")
    validated = zzip("validate", "plan", "--format", "json", cwd=tmp_path)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert json.loads(validated.stdout)["findings"] == []


def uncommented(text: str, key: str) -> str:
    """The file with its commented example (`# key:` and the lines after it) made real."""
    head, example = text.split(f"{key}: []\n", 1)
    return head + "".join(line[2:] if line.startswith("# ") else line for line in example.splitlines(True))


def test_init_shows_the_choices_and_its_examples_validate(tmp_path: Path) -> None:
    """A new office sees the cadence, the task time keys and a growth-rate target as comments, and
    each example, uncommented, is a valid plan."""
    assert zzip("init", "p", "--id", "some-county-ip", cwd=tmp_path).returncode == 0
    plan = tmp_path / "p"
    texts = {name: (plan / name).read_text(encoding="utf-8") for name in
             ("plan.yaml", "units.yaml", "tasks.yaml", "milestones.yaml", "indicators.yaml")}
    for words in ("half-yearly", "yearly", "# due_on:", "accept_before_end"):
        assert words in texts["plan.yaml"]
    for words in ('deadline: "2023-12"', "deadline_text: 2023年底前", "ongoing: true", "recurs: yearly",
                  "due_month: 4", "recurs: quarterly"):
        assert words in texts["tasks.yaml"]
    assert "growth_rate: 10" in texts["indicators.yaml"]
    # the examples are dated 2023-2025, as a plan of that period would be
    texts["plan.yaml"] = re.sub(r'period: \{.*\}', 'period: {start: "2023-01", end: "2025-12"}', texts["plan.yaml"])
    texts["plan.yaml"] = re.sub(r'issued: "[0-9-]+"', 'issued: "2022-12-30"', texts["plan.yaml"])
    texts["plan.yaml"] = re.sub(r'first_period: "[0-9Q-]+"', 'first_period: "2023-Q1"', texts["plan.yaml"])
    (plan / "plan.yaml").write_text(texts["plan.yaml"], encoding="utf-8")
    units = uncommented(texts["units.yaml"], "units") + "".join(
        f"  - {{id: {town}, name: {name}, kind: body, source: invented}}\n"
        for town, name in (("town-a", "甲镇人民政府"), ("town-b", "乙镇人民政府")))
    (plan / "units.yaml").write_text(units, encoding="utf-8")
    for name, key in (("tasks.yaml", "tasks"), ("milestones.yaml", "milestones"), ("indicators.yaml", "indicators")):
        (plan / name).write_text(uncommented(texts[name], key), encoding="utf-8")
    result = zzip("validate", "p", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    tasks = (plan / "tasks.yaml").read_text(encoding="utf-8")
    deadline = '    deadline: "2023-12"'
    for other in ("    ongoing: true", "    recurs: yearly\n    due_month: 4", "    recurs: quarterly"):
        (plan / "tasks.yaml").write_text(tasks.replace(deadline, other), encoding="utf-8")
        result = zzip("validate", "p", cwd=tmp_path)
        assert result.returncode == 0, other + result.stdout + result.stderr
    yearly = (texts["plan.yaml"].replace("  cadence: quarterly", "  cadence: yearly")
              .replace("  due_days: 15", "  # due_days: 15").replace("  # due_on:", "  due_on:")
              .replace("  # accept_before_end:", "  accept_before_end:")
              .replace('first_period: "2023-Q1"', 'first_period: "2023"'))
    for plan_text in (yearly, texts["plan.yaml"].replace("  cadence: quarterly", "  cadence: half-yearly")
                      .replace('first_period: "2023-Q1"', 'first_period: "2023-H1"')):
        (plan / "plan.yaml").write_text(plan_text, encoding="utf-8")
        result = zzip("validate", "p", cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr


def test_init_help_names_the_choices_a_new_office_makes() -> None:
    result = zzip("init", "--help", cwd=Path.cwd())
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for words in ("zzip import", "zzip validate", "half-yearly", "responsible", "2023年底前", "每年", "年均增长10%"):
        assert words in text, words
