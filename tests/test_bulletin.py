"""zzip bulletin, zzip remind and zzip overdue --format xlsx, without a browser (tests/test_bulletin_browser.py
looks at the page in headless Chromium)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
import shutil
import subprocess
import sys
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.cli import app

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2025-07-31"
HOSTILE_NAME = "<script>alert(1)</script></svg><b>粗体</b>" + "很长的名字" * 60
HOSTILE_NOTE = "</svg><img src=x onerror=alert(2)>\u202eevil\u202c"


def run(*args: str, cwd: Path = REPO):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    shutil.copytree(REPO / "reports", tmp_path / "reports")
    return tmp_path / "plan", tmp_path / "reports"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def bulletin(tmp_path: Path, *extra: str, plan: Path = REPO / "plan", reports: Path = REPO / "reports",
             name: str = "b.html") -> str:
    out = tmp_path / name
    result = run("bulletin", str(reports), "--plan", str(plan), "--as-of", AS_OF, "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_quarter_bulletin_in_chinese(tmp_path: Path) -> None:
    page = bulletin(tmp_path, "--period", "2025-Q2", "--lang", "zh")
    for heading in ("督导通报", "总体情况", "指标进展", "进度滞后单位", "督办清单", "分部分进展", "与上期通报相比的变化"):
        assert f">{heading}<" in page
    assert "2025年第2季度" in page and "截至2025年7月31日" in page
    # who is behind, with the worst first; the 督办清单 with the unit's own words
    behind = page[page.index('id="behind"'):page.index('id="supervision"')]
    assert behind.index("市市场监管局") < behind.index("新郑市人民政府") < behind.index("市委网信办")
    supervision = page[page.index('id="supervision"'):page.index('id="sections"')]
    assert "四(四)9" in supervision and "762" in supervision and "审理庭改造工程未完成验收" in supervision
    assert "2023年6月30日" in supervision
    # every indicator, each with its chart
    from zzip.plan_loader import load_plan

    plan = load_plan(REPO / "plan").plan
    for indicator in plan.indicators.values():
        assert indicator.name in page
    assert page.count("<svg") == page.count("</svg>") == len(plan.indicators) == 29
    # sections 二 to 四 with their titles
    for ref in ("二(一)", "二(六)", "三(一)", "三(九)", "四(一)", "四(五)"):
        assert f"<b>{ref}</b>" in page
    # the previous bulletin is 2025-Q1 as of 2025-04-30
    assert "2025年第1季度督导通报（截至2025年4月30日）" in page


def test_page_is_self_contained(tmp_path: Path) -> None:
    page = bulletin(tmp_path, "--period", "2025-Q2")
    assert "<script" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "@import" not in page and "url(http" not in page
    # no ids twice (one page holds 29 charts)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    # print: A4, a page per section, table headers repeated
    assert "size: A4" in page and "break-before: page" in page and "table-header-group" in page
    # charts keep their text as text
    assert "<text" in page and "glyph" not in page.lower()


def test_english_and_yearly_bulletin_with_scores(tmp_path: Path) -> None:
    page = bulletin(tmp_path, "--year", "2024", "--lang", "en")
    assert ">Supervision bulletin<" in page and "The year 2024" in page and "as of 31 July 2025" in page
    assert ">Score<" in page
    behind = page[page.index('id="behind"'):page.index('id="supervision"')]
    row = behind[behind.index("新郑市人民政府"):]
    row = row[:row.index("</tr>")]
    assert ">76<" in row and "一般" in row  # zzip assess --year 2024 --as-of 2025-01-31 gives 76.0 一般 ...
    # ... as of 2025-07-31 too: the 2024 account does not change after the year
    assert "Compared with the bulletin for The year 2023 as of 31 July 2024." in page


def test_first_bulletin_has_nothing_to_compare(tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    result = run("bulletin", "--period", "2023-Q1", "--as-of", "2023-04-30", "-o", str(out), "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "本期为方案实施期内第一期通报" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, words", [
    (["--period", "2025-Q3"], "2025-Q3 has not ended as of 2025-07-31"),
    (["--period", "2025-Q5"], "--period: '2025-Q5' is not a reporting period"),
    (["--period", "2025-H1"], "'2025-H1' is a half-year, but the plan's units report quarterly: write a period such as 2025-Q2"),
    (["--period", "2024"], "'2024' is a year, but the plan's units report quarterly"),
    (["--period", "2021-Q1"], "outside the plan's reporting period"),
    ([], "give either --period"),
    (["--period", "2025-Q2", "--year", "2024"], "give either --period"),
])
def test_bad_periods_are_usage_errors(tmp_path: Path, args, words) -> None:
    result = run("bulletin", "--as-of", AS_OF, "-o", str(tmp_path / "b.html"), *args)
    assert result.exit_code == 2
    assert words in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "b.html").exists()


def test_output_must_be_html_or_pdf_and_never_an_input(tmp_path: Path) -> None:
    result = run("bulletin", "--period", "2025-Q2", "--as-of", AS_OF, "-o", str(tmp_path / "b.txt"))
    assert result.exit_code == 2 and "written as .html or .pdf" in result.output
    result = run("bulletin", "--period", "2025-Q2", "--as-of", AS_OF)
    assert result.exit_code == 2 and "give it with -o" in result.output
    plan, reports = _copy(tmp_path)
    html = plan / "README.html"
    html.write_text("keep me", encoding="utf-8")
    (plan / "units.html").hardlink_to(plan / "units.yaml")
    result = run("bulletin", str(reports), "--plan", str(plan), "--period", "2025-Q2", "--as-of", AS_OF,
                 "-o", str(plan / "units.html"))
    assert result.exit_code == 2 and ("zzip never overwrites its input" in result.output
                                      or "zzip never writes into its input" in result.output)
    assert (plan / "units.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_pdf_without_a_cjk_font_is_refused_not_tofu(tmp_path: Path, monkeypatch) -> None:
    """No Chinese font known to fontconfig: a clear message, exit 2, no PDF (and no browser run)."""
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><fontconfig><dir>/nonexistent</dir>'
                     f'<cachedir>{tmp_path}/cache</cachedir></fontconfig>', encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(empty))
    monkeypatch.setenv("ZZIP_CHROMIUM", sys.executable)  # found, and never run
    out = tmp_path / "b.pdf"
    result = run("bulletin", "--period", "2025-Q2", "--as-of", AS_OF, "-o", str(out))
    assert result.exit_code == 2
    assert "no Chinese (CJK) font is installed" in result.output and "fonts-noto-cjk" in result.output
    assert not out.exists()


def test_pdf_without_a_browser_says_how_to_install_one(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("ZZIP_CHROMIUM", raising=False)
    result = run("bulletin", "--period", "2025-Q2", "--as-of", AS_OF, "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 2
    assert "headless Chromium" in result.output and "apt-get install chromium fonts-noto-cjk" in result.output


def hostile_data(tmp_path: Path) -> tuple[Path, Path]:
    plan, reports = _copy(tmp_path)
    _edit(plan / "units.yaml", "    name: 市市场监管局\n", f"    name: '{HOSTILE_NAME}'\n")
    _edit(plan / "indicators.yaml", "    name: 高价值发明专利拥有量\n", "    name: '<i>指标</i></svg><svg onload=alert(3)>'\n")
    _edit(reports / "2025-Q2" / "market-regulation.yaml", "note: 审理庭改造工程未完成验收", f'note: "{HOSTILE_NOTE}"')
    return plan, reports


def test_hostile_text_renders_as_text(tmp_path: Path) -> None:
    plan, reports = hostile_data(tmp_path)
    page = bulletin(tmp_path, "--period", "2025-Q2", plan=plan, reports=reports)
    assert "<script" not in page and "<img" not in page and "<b>粗体" not in page and "onload=alert" not in page.replace("&lt;svg onload=alert(3)&gt;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/svg&gt;&lt;b&gt;粗体&lt;/b&gt;" in page
    assert "&lt;/svg&gt;&lt;img src=x onerror=alert(2)&gt;\\u202eevil\\u202c" in page
    assert "&lt;i&gt;指标&lt;/i&gt;&lt;/svg&gt;&lt;svg onload=alert(3)&gt;" in page
    assert "\u202e" not in page and "\u202c" not in page
    assert page.count("<svg") == page.count("</svg>") == 29  # only the charts' own
    assert HOSTILE_NAME[40:] .replace("<", "&lt;").replace(">", "&gt;") in page  # the long name whole


def test_bulletin_modules_are_not_imported_by_other_commands(tmp_path: Path) -> None:
    """matplotlib and Jinja2 are the bulletin's: zzip --help and zzip check start as before."""
    code = (
        "import sys\n"
        "from zzip.cli import main\n"
        f"for argv in (['zzip', '--help'], ['zzip', 'check', {str(REPO / 'reports')!r}, '--plan', {str(REPO / 'plan')!r},"
        f" '--as-of', '{AS_OF}', '-o', {str(tmp_path / 'c.txt')!r}]):\n"
        "    sys.argv = argv\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "loaded = [m for m in ('matplotlib', 'jinja2', 'babel', 'numpy', 'openpyxl') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    assert (tmp_path / "c.txt").read_text(encoding="utf-8").startswith("Plan zhengzhou-ip-2022-2025")


def test_period_arithmetic() -> None:
    from zzip.bulletin.model import QUARTER, YEAR, Period, shift_back

    assert shift_back(dt.date(2025, 5, 31), 3) == dt.date(2025, 2, 28)
    assert shift_back(dt.date(2024, 2, 29), 12) == dt.date(2023, 2, 28)
    assert shift_back(dt.date(2025, 1, 15), 3) == dt.date(2024, 10, 15)
    assert Period(QUARTER, 2025, 1).previous() == Period(QUARTER, 2024, 4)
    assert Period(YEAR, 2024).previous() == Period(YEAR, 2023)
    assert Period(YEAR, 2024).last_day == dt.date(2024, 12, 31)


# --- zzip overdue --format xlsx ---------------------------------------------------------------

def test_overdue_workbook_one_sheet_per_lead_unit(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "o.xlsx"
    result = run("overdue", "--as-of", AS_OF, "-f", "xlsx", "-o", str(out), "--lang", "zh")
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", "市市场监管局", "新郑市人民政府", "市人社局", "市商务局"]
    summary = [[c.value for c in row] for row in book["汇总"].iter_rows(min_row=4)]
    assert summary[0] == ["市市场监管局", 0, 3, 762]
    sheet = book["市市场监管局"]
    assert [c.value for c in sheet[3]][:4] == ["事项", "条目", "类别", "内容"]
    first = [c.value for c in sheet[4]]
    assert first[0] == "MS-4-9" and first[5] == 762 and first[6] == "严重逾期" and first[9] == "审理庭改造工程未完成验收"


def test_overdue_workbook_writes_formula_like_text_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    plan, reports = _copy(tmp_path)
    _edit(reports / "2025-Q2" / "market-regulation.yaml", "note: 审理庭改造工程未完成验收",
          "note: \"=HYPERLINK(\\\"http://x\\\",\\\"点击\\\")\"")
    out = tmp_path / "o.xlsx"
    result = run("overdue", str(reports), "--plan", str(plan), "--as-of", AS_OF, "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    cell = load_workbook(out)["市市场监管局"]["J4"]
    assert cell.value == '=HYPERLINK("http://x","点击")'
    assert cell.data_type == "s" and cell.quotePrefix
    from zzip.output.overdue_xlsx import put
    from openpyxl import Workbook

    sheet = Workbook().active
    for n, text in enumerate(["+1", "-cmd", "@SUM(A1)", "=1+1", "plain"], start=1):
        put(sheet.cell(row=n, column=1), text)
        assert sheet.cell(row=n, column=1).data_type == "s"
        assert bool(sheet.cell(row=n, column=1).quotePrefix) == (text != "plain")


def test_overdue_workbook_needs_a_file() -> None:
    result = run("overdue", "--as-of", AS_OF, "-f", "xlsx")
    assert result.exit_code == 2 and "give the file with -o" in result.output


# --- zzip remind ----------------------------------------------------------------------------

def test_remind_writes_a_notice_per_unit_behind(tmp_path: Path) -> None:
    plan, reports = _copy(tmp_path)
    _edit(plan / "units.yaml", "  - id: cyberspace\n    name: 市委网信办\n",
          "  - id: cyberspace\n    name: 市委网信办\n    email: wangxin@example.invalid\n")
    out = tmp_path / "notices"
    result = run("remind", str(reports), "--plan", str(plan), "--period", "2025-Q2", "--as-of", AS_OF,
                 "-o", str(out), "--from", "ip-office@example.invalid", "--lang", "zh")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["commerce.md", "commerce.txt", "cyberspace.eml", "cyberspace.md", "cyberspace.txt",
                     "human-resources.md", "human-resources.txt", "market-regulation.md", "market-regulation.txt",
                     "xinzheng-gov.md", "xinzheng-gov.txt"]
    chase = (out / "cyberspace.txt").read_text(encoding="utf-8")
    assert "贵单位2025年第2季度进展情况应于2025年7月15日前报送，至今未收到" in chase
    supervise = (out / "market-regulation.md").read_text(encoding="utf-8")
    assert supervise.startswith("# 督办通知：市市场监管局")
    assert "四(四)9" in supervise and "已逾期762天（严重逾期）" in supervise
    message = email.message_from_bytes((out / "cyberspace.eml").read_bytes(), policy=email.policy.default)
    assert message["To"] == "wangxin@example.invalid" and message["From"] == "ip-office@example.invalid"
    assert str(make_header(decode_header(message["Subject"]))) == "催报：市委网信办2025年第2季度进展情况未报送"
    assert "至今未收到" in message.get_content()


def test_remind_escapes_markdown_and_bidi(tmp_path: Path) -> None:
    plan, reports = hostile_data(tmp_path)
    out = tmp_path / "notices"
    result = run("remind", str(reports), "--plan", str(plan), "--period", "2025-Q2", "--as-of", AS_OF, "-o", str(out))
    assert result.exit_code == 0, result.output
    md = (out / "market-regulation.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "\\<script\\>alert(1)\\</script\\>" in md
    assert "\u202e" not in (out / "market-regulation.txt").read_text(encoding="utf-8")


def test_remind_never_writes_among_its_inputs(tmp_path: Path) -> None:
    plan, reports = _copy(tmp_path)
    result = run("remind", str(reports), "--plan", str(plan), "--period", "2025-Q2", "--as-of", AS_OF,
                 "-o", str(reports / "2025-Q2" / "notices"))
    assert result.exit_code == 2 and "an input of this run" in result.output
    assert not (reports / "2025-Q2" / "notices").exists()


def test_email_in_units_is_checked_by_the_schema(tmp_path: Path) -> None:
    plan, _reports = _copy(tmp_path)
    _edit(plan / "units.yaml", "  - id: cyberspace\n    name: 市委网信办\n",
          "  - id: cyberspace\n    name: 市委网信办\n    email: 'not an address'\n")
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert "units.yaml" in result.output and "e-mail address" in result.output


def test_remind_leaves_no_notice_for_a_unit_that_has_since_reported(tmp_path: Path) -> None:
    # found by the hostile review: a second run kept the first run's 催报 for a unit that had reported
    plan, reports = _copy(tmp_path)
    out = tmp_path / "notices"
    (out).mkdir()
    (out / "finance.md").write_text("未报送(上次生成)", encoding="utf-8")  # an earlier run's notice
    (out / "readme.md").write_text("not a notice", encoding="utf-8")  # not named after a unit: kept
    result = run("remind", str(reports), "--plan", str(plan), "--period", "2025-Q2", "--as-of", AS_OF, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert not (out / "finance.md").exists() and (out / "readme.md").exists()
    assert "removed earlier notices no longer due: finance.md" in result.stderr


def test_remind_refuses_a_from_address_with_a_line_break(tmp_path: Path) -> None:
    plan, reports = _copy(tmp_path)
    out = tmp_path / "notices"
    result = run("remind", str(reports), "--plan", str(plan), "--period", "2025-Q2", "--as-of", AS_OF, "-o", str(out),
                 "--from", "a@b\r\nBcc: x@y")
    assert result.exit_code == 2 and "--from" in result.stderr and not out.exists()


def test_overdue_workbook_sheet_names_are_unique_as_excel_compares_them() -> None:
    # found by the hostile review: names unique only case-sensitively, and "History", make Excel repair the file
    from zzip.xlsx.cells import sheet_name as _sheet_name

    used: set[str] = set()
    names = []
    for name in ("Court", "court", "COURT", "History", "a/b:c"):
        names.append(_sheet_name(name, used))
        used.add(names[-1])
    assert len({n.lower() for n in names}) == 5 and "history" not in {n.lower() for n in names}
    assert all(len(n) <= 31 and not set("[]:*?/\\") & set(n) for n in names)


@pytest.mark.parametrize("sender", ["ip-office", "a@b.cn, c@d.cn", "a@b.cn <c@d.cn>", "<>", "x@.cn", "名字",
                                    "a@b.cn (c@d.cn)", "Office\x85Bcc: x <a@b.cn>", "Office\u2028 <a@b.cn>"])
def test_remind_refuses_a_from_that_is_not_one_address(tmp_path: Path, sender: str) -> None:
    # before: 'ip-office' became "From: ip-office" and a second address was dropped without a word
    plan, reports = _copy(tmp_path)
    out = tmp_path / "notices"
    result = run("remind", str(reports), "--plan", str(plan), "--period", "2025-Q2", "--as-of", AS_OF, "-o", str(out),
                 "--from", sender)
    assert result.exit_code == 2 and "--from" in result.stderr and not out.exists()


def test_eml_spells_a_chinese_domain_in_idna_and_never_mime_encodes_an_address() -> None:
    import datetime as dt

    from zzip.bulletin.remind import Notice, eml
    from zzip.months import Quarter

    def headers(to: str, sender: str | None) -> email.message.EmailMessage:
        notice = Notice("cyberspace", "市委网信办", to, Quarter(2025, 2), dt.date(2025, 7, 15), missing=True)
        raw = eml(notice, "zh", "正文", sender)
        assert b"=?utf-8?" not in raw.split(b"\r\nSubject:")[0].split(b"\r\nFrom:")[0]  # no encoded word in To
        return email.message_from_bytes(raw, policy=email.policy.default)

    # before: "To: wangxin@=?utf-8?b?572R5L+hLuS4reWbvQ==?=", which no mail program can send to
    message = headers("wangxin@网信.中国", "知识产权办 <ip@zz.gov.cn>")
    assert message["To"] == "wangxin@xn--vuq696i.xn--fiqs8s"
    assert message["From"].addresses[0].display_name == "知识产权办"
    assert message["From"].addresses[0].addr_spec == "ip@zz.gov.cn"
    # a Chinese name before the @ cannot be spelled in ASCII: the draft uses UTF-8 headers (RFC 6532)
    message = headers("王@example.cn", None)
    assert message["To"] == "王@example.cn" and message["From"] is None
    assert str(make_header(decode_header(message["Subject"]))) == "催报：市委网信办2025年第2季度进展情况未报送"
    message = headers("wangxin@example.invalid", "ip@example.gov.cn")  # plain ASCII: unchanged
    assert message["To"] == "wangxin@example.invalid" and message["From"] == "ip@example.gov.cn"


@pytest.mark.parametrize("written, header", [
    ("ip:office@commerce.gov.cn", b'To: "ip:office"@commerce.gov.cn'),  # before: To: office@commerce.gov.cn
    ("a(b@c.cn", b'To: "a(b"@c.cn'),                                    # before: To: "b@c.cn" <@a>
])
def test_an_address_from_units_yaml_is_sent_to_as_written(written: str, header: bytes) -> None:
    import datetime as dt

    from zzip.bulletin.remind import Notice, eml
    from zzip.months import Quarter

    notice = Notice("commerce", "市商务局", written, Quarter(2025, 2), dt.date(2025, 7, 15), missing=True)
    assert eml(notice, "zh", "正文", None).split(b"\r\n")[0] == header
