import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def minimal_plan(tmp_path: Path) -> Path:
    """A private copy of the minimal valid plan, free to be edited by the test."""
    target = tmp_path / "plan"
    shutil.copytree(FIXTURES / "plan-minimal", target)
    return target


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch) -> Path:
    """The minimal plan and report history side by side, as the working folder."""
    shutil.copytree(FIXTURES / "plan-minimal", tmp_path / "plan")
    shutil.copytree(FIXTURES / "reports-minimal", tmp_path / "reports")
    monkeypatch.chdir(tmp_path)
    return tmp_path
