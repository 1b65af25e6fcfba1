"""The pre-commit hooks, proved with pre-commit itself on a scratch repository."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

pytestmark = pytest.mark.skipif(not PRE_COMMIT.exists() or shutil.which("git") is None,
                                reason="pre-commit (the test extra) and git are needed")


def run(*args: str, cwd: Path, env_home: Path) -> subprocess.CompletedProcess:
    env = {"PATH": f"{PRE_COMMIT.parent}:/usr/bin:/bin", "HOME": str(env_home), "PRE_COMMIT_HOME": str(env_home / "cache"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e",
           "LANG": "C.UTF-8", "ZZIP_LANG": "en"}
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def test_manifest_is_valid(tmp_path: Path) -> None:
    result = run(str(PRE_COMMIT), "validate-manifest", str(REPO / ".pre-commit-hooks.yaml"), cwd=REPO, env_home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hooks_run_from_another_repository(tmp_path: Path) -> None:
    if not (REPO / ".git").exists():
        pytest.skip("try-repo needs this checkout to be a git repository")
    scratch = tmp_path / "office"
    shutil.copytree(FIXTURES / "plan-minimal", scratch / "plan")
    shutil.copytree(FIXTURES / "reports-minimal", scratch / "reports")
    run("git", "init", "-q", cwd=scratch, env_home=tmp_path)
    run("git", "add", "-A", cwd=scratch, env_home=tmp_path)

    good = run(str(PRE_COMMIT), "try-repo", str(REPO), "zzip-validate", "--all-files", cwd=scratch, env_home=tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "zzip validate (the plan)" in good.stdout and "Passed" in good.stdout

    status = run(str(PRE_COMMIT), "try-repo", str(REPO), "zzip-check-status", "--all-files", cwd=scratch, env_home=tmp_path)
    assert status.returncode == 0, status.stdout + status.stderr

    tasks = scratch / "plan" / "tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("lead: [court]", "lead: [nobody]"), encoding="utf-8")
    court = scratch / "reports" / "2023-Q1" / "court.yaml"
    court.write_text(court.read_text(encoding="utf-8").replace("status: 进行中", "status: finished"), encoding="utf-8")
    run("git", "add", "-A", cwd=scratch, env_home=tmp_path)
    bad = run(str(PRE_COMMIT), "try-repo", str(REPO), "zzip-validate", "--all-files", cwd=scratch, env_home=tmp_path)
    assert bad.returncode == 1
    assert "plan/tasks.yaml:14:12: P103 unknown unit 'nobody' in lead" in bad.stdout
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("lead: [nobody]", "lead: [court]"), encoding="utf-8")
    run("git", "add", "-A", cwd=scratch, env_home=tmp_path)
    bad_status = run(str(PRE_COMMIT), "try-repo", str(REPO), "zzip-check-status", "--all-files", cwd=scratch, env_home=tmp_path)
    assert bad_status.returncode == 1
    assert "reports/2023-Q1/court.yaml:9:13: S201" in bad_status.stdout
