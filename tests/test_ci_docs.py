"""Every snippet of docs/ci.md, run as the CI system would run it (issue 8, point 19).

The snippets are parsed out of docs/ci.md here, so the documentation and this test cannot drift:

* GitHub Actions: each `run:` step, in order, as a script under the shell GitHub uses,
  `bash --noprofile --norc -eo pipefail`, with `${{ }}` expressions and `if:` conditions
  evaluated as GitHub would for a pull request (or a push), in a scratch copy of this repository
  with a base branch. `gh` is a stand-in that records the comment it is asked to post.
* GitLab CI: the `script:` lines in one such shell, as GitLab runs them.
* pre-commit: the configuration through `pre-commit try-repo`, at the `rev` it documents.
* Shell completion: both commands, with a scratch HOME, and the completion they promise.

`pip install .` is a stand-in too: it checks it is run in the project folder, and zzip, installed
in the environment running these tests, is on PATH already.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).parent.parent
CI_DOC = REPO / "docs" / "ci.md"
BIN = Path(sys.executable).parent
SHELL = ["bash", "--noprofile", "--norc", "-eo", "pipefail"]
SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
JUNIT_SCHEMA = Path(__file__).parent / "schemas" / "junit-10.xsd"

pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None,
                                reason="git and bash are needed")


def snippet(section: str) -> dict:
    """The YAML block under the `## section` heading of docs/ci.md."""
    text = CI_DOC.read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", body, re.S)
    assert len(blocks) == 1, f"expected one yaml block under '## {section}'"
    return YAML(typ="safe").load(blocks[0])


# --- a scratch copy of the repository, with a base branch and a pull request --------------------

def git(*args: str, cwd: Path) -> str:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


def stand_ins(folder: Path) -> Path:
    folder.mkdir()
    (folder / "gh").write_text('#!/bin/sh\nprintf "%s\\n" "$*" >> "$GH_LOG"\n'
                               'if [ "$1 $2" = "pr comment" ]; then cp "$5" "$GH_LOG.body"; fi\n')
    (folder / "pip").write_text('#!/bin/sh\n[ "$*" = "install ." ] && [ -f pyproject.toml ] || '
                                '{ echo "pip stand-in: unexpected: pip $* in $PWD" >&2; exit 1; }\n')
    for name in ("gh", "pip"):
        (folder / name).chmod(stat.S_IRWXU)
    return folder


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """This repository's tracked files, committed on `main` (as origin/main), then a pull request
    that moves a milestone's deadline later without a version bump or a revision entry."""
    copy = tmp_path / "repo"
    for name in git("ls-files", cwd=REPO).splitlines():
        source = REPO / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    git("init", "-q", "-b", "main", cwd=copy)
    git("add", "-A", cwd=copy)
    git("commit", "-q", "-m", "base", cwd=copy)
    git("update-ref", "refs/remotes/origin/main", "HEAD", cwd=copy)
    git("checkout", "-q", "-b", "pr", cwd=copy)
    milestones = copy / "plan" / "milestones.yaml"
    text = milestones.read_text(encoding="utf-8")
    moved = re.sub(r'end: "2023-12"', 'end: "2024-06"', text, count=1)
    assert moved != text
    milestones.write_text(moved, encoding="utf-8")
    git("commit", "-q", "-am", "move a deadline", cwd=copy)
    return copy


def environment(tmp_path: Path, **extra: str) -> dict:
    tools = stand_ins(tmp_path / "stand-ins")
    return {"PATH": f"{tools}:{BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8", "ZZIP_LANG": "en",
            "GH_LOG": str(tmp_path / "gh.log"), **extra}


# --- GitHub Actions ---------------------------------------------------------------------------

GITHUB = {"github.base_ref": "main", "github.event.number": "7", "github.token": "a-token"}


def expression(text: str, event: str, job_failed: bool) -> bool | str:
    """The few GitHub expressions the workflow uses, evaluated as GitHub would."""
    text = text.strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2].strip()
    if text in GITHUB:
        return GITHUB[text]
    python = (text.replace("&&", " and ").replace("||", " or ").replace("!=", " != ").replace("!", " not ")
              .replace(" not  = ", " != ").replace("github.event_name", "event_name"))
    names = {"event_name": event, "cancelled": lambda: False, "always": lambda: True,
             "success": lambda: not job_failed, "failure": lambda: job_failed}
    return bool(eval(python, {"__builtins__": {}}, names))  # noqa: S307 - our own documentation


def substitute(text: str) -> str:
    return re.sub(r"\$\{\{\s*([^}]*?)\s*\}\}", lambda m: GITHUB[m.group(1)], text)


def run_workflow(repo: Path, env: dict, event: str) -> list[tuple[str, int | None]]:
    """Run the job's steps; (step name, exit code or None when skipped) for each."""
    workflow = snippet("GitHub Actions")
    (job,) = workflow["jobs"].values()
    outcomes, failed = [], False
    for index, step in enumerate(job["steps"]):
        name = step.get("name") or step.get("uses") or step["run"]
        if not expression(str(step.get("if", "success()")), event, failed):
            outcomes.append((name, None))
            continue
        if "uses" in step:
            outcomes.append((name, 0))
            continue
        script = repo.parent / f"step-{index}.sh"
        script.write_text(substitute(step["run"]), encoding="utf-8")
        step_env = {**env, **{k: substitute(str(v)) for k, v in (step.get("env") or {}).items()}}
        result = subprocess.run([*SHELL, str(script)], cwd=repo, env=step_env, capture_output=True, text=True, timeout=300)
        assert "internal error" not in result.stderr, result.stderr
        outcomes.append((name, result.returncode))
        failed = failed or result.returncode != 0
    return outcomes


def test_github_workflow_posts_the_diff_even_when_the_check_fails(scratch: Path, tmp_path: Path) -> None:
    env = environment(tmp_path)
    outcomes = dict(run_workflow(scratch, env, "pull_request"))
    assert outcomes["Validate the plan (annotations on the changed lines)"] == 0
    assert outcomes["Plan changes are versioned and explained"] == 1  # D401: content changed, version not bumped
    log = Path(env["GH_LOG"]).read_text(encoding="utf-8").splitlines()
    assert log == ["pr comment 7 --body-file plan-diff.md"]
    body = Path(env["GH_LOG"] + ".body").read_text(encoding="utf-8")
    assert "D401" in body and "2024-06" in body
    # the checks after a failing one still run, so their annotations and results are not lost
    assert outcomes["Status files (annotations)"] is not None
    assert outcomes["Compliance (code scanning)"] == 0
    assert outcomes["github/codeql-action/upload-sarif@v3"] == 0
    upload = next(s for s in snippet("GitHub Actions")["jobs"]["plan"]["steps"] if "upload-sarif" in s.get("uses", ""))
    sarif = json.loads((scratch / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    import jsonschema

    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)


def test_github_workflow_on_a_push_skips_the_diff_and_runs_the_checks(scratch: Path, tmp_path: Path) -> None:
    env = environment(tmp_path)
    outcomes = dict(run_workflow(scratch, env, "push"))
    assert outcomes["Plan changes are versioned and explained"] is None
    assert outcomes["Validate the plan (annotations on the changed lines)"] == 0
    assert outcomes["Compliance (code scanning)"] == 0
    status = outcomes["Status files (annotations)"]
    expected = subprocess.run(["zzip", "check", "reports", "--select", "F,S"], cwd=scratch, env=env,
                              capture_output=True, text=True).returncode
    assert status == expected
    assert not Path(env["GH_LOG"]).exists()


# --- GitLab CI ---------------------------------------------------------------------------------

def run_gitlab(repo: Path, env: dict) -> subprocess.CompletedProcess:
    (job,) = snippet("GitLab CI").values()
    script = repo.parent / "gitlab.sh"
    script.write_text("\n".join(job["script"]) + "\n", encoding="utf-8")
    return subprocess.run([*SHELL, str(script)], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def test_gitlab_job_writes_its_reports_even_when_the_diff_check_fails(scratch: Path, tmp_path: Path) -> None:
    base = git("rev-parse", "main", cwd=scratch)
    result = run_gitlab(scratch, environment(tmp_path, CI_MERGE_REQUEST_DIFF_BASE_SHA=base))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "D401" in result.stdout
    (job,) = snippet("GitLab CI").values()
    reports = job["artifacts"]["reports"]
    issues = json.loads((scratch / reports["codequality"]).read_text(encoding="utf-8"))
    assert issues and len({i["fingerprint"] for i in issues}) == len(issues)
    import xmlschema

    xmlschema.XMLSchema(str(JUNIT_SCHEMA)).validate(str(scratch / reports["junit"]))


def test_gitlab_job_outside_a_merge_request_skips_the_diff(scratch: Path, tmp_path: Path) -> None:
    env = environment(tmp_path)
    result = run_gitlab(scratch, env)
    assert "D401" not in result.stdout
    compliance = subprocess.run(["zzip", "check", "reports"], cwd=scratch, env=env, capture_output=True, text=True)
    assert result.returncode == compliance.returncode  # the example data: the compliance check decides
    assert (scratch / "gl-code-quality.json").exists() and (scratch / "zzip-junit.xml").exists()


# --- pre-commit --------------------------------------------------------------------------------

PRE_COMMIT = BIN / "pre-commit"


@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit (the test extra) is needed")
def test_precommit_configuration_runs_at_the_documented_rev(tmp_path: Path) -> None:
    if not (REPO / ".git").exists():
        pytest.skip("try-repo needs this checkout to be a git repository")
    (entry,) = snippet("pre-commit")["repos"]
    rev = str(entry["rev"])
    if rev == "<commit>":  # the placeholder the text explains: pin the commit under test
        rev = git("rev-parse", "HEAD", cwd=REPO)
        assert re.fullmatch(r"[0-9a-f]{40}", rev)
    else:  # a tag or hash written in the docs must exist
        try:
            rev = git("rev-parse", "--verify", f"{rev}^{{commit}}", cwd=REPO)
        except subprocess.CalledProcessError:
            pytest.fail(f"docs/ci.md pins rev {rev}, which is no tag or commit of this repository")
    office = tmp_path / "office"
    shutil.copytree(REPO / "tests" / "fixtures" / "plan-minimal", office / "plan")
    shutil.copytree(REPO / "tests" / "fixtures" / "reports-minimal", office / "reports")
    git("init", "-q", cwd=office)
    git("add", "-A", cwd=office)
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "LANG": "C.UTF-8", "ZZIP_LANG": "en", "GIT_CONFIG_NOSYSTEM": "1"}
    for hook in entry["hooks"]:
        result = subprocess.run([str(PRE_COMMIT), "try-repo", str(REPO), hook["id"], "--ref", rev, "--all-files"],
                                cwd=office, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Passed" in result.stdout


# --- shell completion --------------------------------------------------------------------------

def test_shell_completion_commands_work_as_documented(tmp_path: Path) -> None:
    text = CI_DOC.read_text(encoding="utf-8")
    body = text.split("\n## Shell completion\n", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```\n(.*?)```", body, re.S)
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["zzip --install-completion", "zzip --show-completion bash"]
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "SHELL": "/bin/bash", "LANG": "C.UTF-8", "ZZIP_LANG": "en"}
    installed = subprocess.run([*SHELL, "-c", commands[0]], env=env, capture_output=True, text=True, timeout=60)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "zzip" in (tmp_path / ".bashrc").read_text(encoding="utf-8")
    shown = subprocess.run([*SHELL, "-c", commands[1]], env=env, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "_zzip_completion" in shown.stdout
    # `zzip che<TAB>` completes to `zzip check`, as the text says
    completed = subprocess.run(["zzip"], env={**env, "_ZZIP_COMPLETE": "complete_bash", "COMP_WORDS": "zzip che",
                                              "COMP_CWORD": "1"}, capture_output=True, text=True, timeout=60)
    assert completed.stdout.split() == ["check"]
