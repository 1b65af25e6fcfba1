import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from zzip.i18n import set_language

# The suite asserts English messages unless a test asks for Chinese (--lang zh, or ZZIP_LANG it
# sets itself); without this, a machine with no locale would get zzip's default, Chinese.
os.environ["ZZIP_LANG"] = "en"
# The cache of plan files `zzip check` keeps (zzip/plan_cache.py): a folder of this run's own, not
# the user's cache folder (tests that start zzip with a bare environment name theirs).
os.environ["ZZIP_CACHE_DIR"] = tempfile.mkdtemp(prefix="zzip-test-cache-")
atexit.register(shutil.rmtree, os.environ["ZZIP_CACHE_DIR"], True)


@pytest.fixture(autouse=True)
def _english_interface():
    """Each in-process test starts, and leaves, with the English interface."""
    set_language("en")
    yield
    set_language("en")

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
