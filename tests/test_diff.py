"""zzip diff: a semantic diff of two plans, and --check on real git revisions."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@e", "PATH": "/usr/bin:/bin", "HOME": str(repo)})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.copytree(FIXTURES / "plan-minimal", tmp_path / "plan")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "plan 1.0.0")
    git(tmp_path, "tag", "v1")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def diff(*args: str):
    result = runner.invoke(app, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def test_moving_a_deadline_without_a_version_bump_fails_then_passes_once_recorded(repo: Path) -> None:
    edit(repo / "plan/milestones.yaml", 'end: "2023-12"', 'end: "2024-06"')
    git(repo, "commit", "-qam", "move MS-1-2")
    code, out, _ = diff("HEAD~1", "HEAD", "--check", "-f", "json")
    assert code == 1
    data = json.loads(out)
    [change] = data["changes"]
    assert (change["item_id"], change["field"], change["months"], change["later"]) == ("MS-1-2", "end", 6, True)
    assert change["path"] == "HEAD:plan/milestones.yaml" and change["line"] == 14
    assert sorted(f["code"] for f in data["findings"]) == ["D401", "D403"]

    edit(repo / "plan/plan.yaml", 'version: "1.0.0"', 'version: "1.1.0"')
    with (repo / "plan/plan.yaml").open("a", encoding="utf-8") as handle:
        handle.write('  - {version: "1.1.0", date: "2024-01-10", change: 四(一)2 推迟至2024年6月}\n')
    git(repo, "commit", "-qam", "bump")
    code, out, _ = diff("v1", "HEAD", "--check", "-f", "json")
    assert code == 0  # the version and the log are right; a later deadline with no reason is a warning
    assert [f["code"] for f in json.loads(out)["findings"]] == ["D403"]
    assert diff("v1", "HEAD", "--check", "--fail-on", "warning")[0] == 1

    edit(repo / "plan/plan.yaml", "change: 四(一)2 推迟至2024年6月}", "change: 四(一)2 推迟至2024年6月, reason: 上级文件调整}")
    git(repo, "commit", "-qam", "reason")
    code, out, _ = diff("v1", "HEAD", "--check", "-f", "json")
    assert code == 0 and json.loads(out)["findings"] == []


def test_version_bumped_without_a_revision_entry(repo: Path) -> None:
    edit(repo / "plan/indicators.yaml", "value: 14653", "value: 15000")
    edit(repo / "plan/plan.yaml", 'version: "1.0.0"', 'version: "1.0.1"')
    code, out, err = diff("HEAD", "plan", "--check", "-f", "json")
    assert code == 2  # the NEW plan fails P110 itself: a broken plan cannot be compared
    assert "P110 plan version 1.0.1 has no entry in revisions" in err


def test_semantic_changes_are_named(repo: Path) -> None:
    edit(repo / "plan/indicators.yaml", "value: 14653", "value: 12000")
    edit(repo / "plan/tasks.yaml", "lead: [court]", "lead: [market-regulation]")
    edit(repo / "plan/milestones.yaml", "tasks: [KT-1-2]", "tasks: [KT-1-1]")
    with (repo / "plan/units.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - id: justice\n    name: 市司法局\n    kind: body\n    source: 二(三)2\n")
    code, out, _ = diff("HEAD", "-f", "json", "--check")
    changes = {(c["item_id"], c["field"] or c["action"]): c for c in json.loads(out)["changes"]}
    assert changes[("patents", "target.value")]["lowered"] is True
    assert changes[("patents", "target.value")]["detail"] == "indicator patents (高价值发明专利拥有量) target lowered: 14653 -> 12000件"
    assert changes[("KT-1-2", "lead")]["old"] == ["court"] and changes[("KT-1-2", "lead")]["new"] == ["market-regulation"]
    assert changes[("MS-1-2", "tasks")]["detail"] == "milestone MS-1-2 (四(一)2) re-linked: tasks [KT-1-2] -> [KT-1-1]"
    assert changes[("justice", "added")]["item_kind"] == "unit"
    codes = sorted(f["code"] for f in json.loads(out)["findings"])
    assert codes == ["D401", "D404"]


def test_markdown_for_a_pull_request_comment(repo: Path) -> None:
    edit(repo / "plan/milestones.yaml", 'end: "2023-12"', 'end: "2023-09"')
    code, out, _ = diff("HEAD", "-f", "markdown")
    assert code == 0
    assert out.startswith("# Plan changes from HEAD to plan: 1 change\n")
    assert "| step MS-1-2 | milestone MS-1-2 (四(一)2) end moved 3 months earlier: 2023-12 -> 2023-09 | plan/milestones.yaml:14:10 |" in out


def test_two_folders_and_no_change(repo: Path, tmp_path: Path) -> None:
    code, out, _ = diff("plan", "plan")
    assert code == 0 and "No changes." in out


def test_unknown_revision_is_a_plain_usage_error(repo: Path) -> None:
    code, _, err = diff("no-such-tag")
    assert code == 2 and "'no-such-tag' is neither a plan folder nor a git revision of this repository" in err


def test_diff_never_touches_the_working_tree(repo: Path) -> None:
    edit(repo / "plan/milestones.yaml", 'end: "2023-12"', 'end: "2024-06"')
    before = {p: p.read_bytes() for p in (repo / "plan").iterdir()}
    diff("HEAD", "--check")
    assert {p: p.read_bytes() for p in (repo / "plan").iterdir()} == before
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout
    assert status.strip() == "M plan/milestones.yaml"
