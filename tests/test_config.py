"""zzip.toml: found where users put it, every key checked, and each setting obeyed."""

from pathlib import Path

import pytest

from zzip.config import ConfigError, find_config, load_config
from zzip.findings import Severity


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file() -> None:
    config = load_config(None)
    assert (config.fail_on, config.grace_days, config.severe_days) == ("error", 0, 90)
    assert (config.progress.on_track, config.progress.at_risk, config.progress.behind) == (0.95, 0.6, 0.0)


def test_every_setting_is_read(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "zzip.toml", """
select = ["C3", "S"]
ignore = ["C308"]
fail-on = "warning"
[severity]
C305 = "error"
[per-file-ignores]
"reports/2023-Q1/*" = ["C311"]
[reporting]
due-days = 20
grace-days = 3
expect-reports-from = "leads"
[overdue]
severe-days = 60
[progress]
method = "cagr"
on-track = 0.9
methods = { annual-pct-patent-grants = "linear" }
"""))
    assert config.select == frozenset({"C3", "S"}) and config.ignore == frozenset({"C308"})
    assert config.severities == {"C305": Severity.ERROR}
    assert (config.due_days, config.grace_days, config.expect_reports_from) == (20, 3, "leads")
    assert config.severe_days == 60 and config.fail_on == "warning"
    assert config.progress.method_for("annual-pct-patent-grants") == "linear"
    assert config.progress.method_for("other") == "cagr" and config.progress.on_track == 0.9
    assert config.ignored_in_file("C311", "reports/2023-Q1/court.yaml")
    assert not config.ignored_in_file("C311", "reports/2023-Q2/court.yaml")


def test_unknown_keys_are_errors_with_their_line(tmp_path: Path) -> None:
    path = write(tmp_path / "zzip.toml", 'select = ["C"]\n[progress]\nmethod = "linear"\non-trak = 0.9\n[reportng]\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert f"{path}:4: unknown key 'progress.on-trak'; did you mean 'on-track'?" in error.value.lines
    assert any(line.startswith(f"{path}:5: unknown key 'reportng'; did you mean 'reporting'?") for line in error.value.lines)


def test_wrong_values_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "zzip.toml", '[reporting]\ndue-days = "fifteen"\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert error.value.lines[0].startswith(f"{path}:2: reporting.due-days:")


def test_invalid_toml_names_the_place(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path / "zzip.toml", "select = [\n"))
    assert "invalid TOML" in error.value.lines[0]


def test_pyproject_table_is_found_and_read(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n[tool.zzip.reporting]\ngrace-days = 2\n[tool.zzip]\nignore = ["C311"]\n')
    (tmp_path / "sub").mkdir()
    found = find_config(tmp_path / "sub")
    assert found == tmp_path / "pyproject.toml"
    config = load_config(found)
    assert config.grace_days == 2 and config.ignore == frozenset({"C311"})


def test_zzip_toml_wins_and_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path / "zzip.toml", "")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find_config(repo) is None
    write(repo / "zzip.toml", "")
    assert find_config(repo) == repo / "zzip.toml"


def test_command_line_select_replaces_and_ignore_adds() -> None:
    from zzip.config import Config

    selection = Config(select=frozenset({"C"}), ignore=frozenset({"C308"})).selection(["S"], ["S210"])
    assert selection.select == frozenset({"S"}) and selection.ignore == frozenset({"C308", "S210"})


def _schema_paths(node: dict, path: tuple = ()):
    """Every place a value can stand in the configuration schema (objects' named and free keys)."""
    yield path
    for key, sub in node.get("properties", {}).items():
        yield from _schema_paths(sub, (*path, key))
    if isinstance(node.get("additionalProperties"), dict):
        yield from _schema_paths(node["additionalProperties"], (*path, "C305"))
    if isinstance(node.get("items"), dict):
        yield from _schema_paths(node["items"], (*path, 0))


def _put(path: tuple, value):
    if not path:
        return value
    head, rest = path[0], path[1:]
    return [_put(rest, value)] if isinstance(head, int) else {head: _put(rest, value)}


def test_the_compiled_config_validator_agrees_with_jsonschema():
    """A configuration the compiled validator calls valid skips jsonschema: it must be valid for
    jsonschema too, and every invalid one must be caught, for every place and kind of value."""
    import datetime as dt

    import jsonschema

    from zzip.schema import schema, valid

    checker = jsonschema.Draft202012Validator(schema("config"))
    values = ["", "x", "error", "warning", "info", "never", "zh", "en", "named", "leads", "linear", "cagr",
              "C305", "c305", "C3", "**/*.yaml", 0, 1, -1, 92, 93, 3650, 3651, 0.0, 0.5, 1.0, 1.5, -0.5, 1e308,
              float("inf"), float("nan"), True, False, [], ["C3"], ["x", 1], [[]], {}, {"a": 1}, {"C305": "error"},
              {"C3": "error"}, {"x.yaml": ["C3"]}, {"x.yaml": "C3"}, dt.date(2024, 1, 1),
              dt.datetime(2024, 1, 1, 12, 0), dt.time(12, 0)]
    compared = 0
    for path in _schema_paths(schema("config")):
        for value in values:
            for data in (_put(path, value), _put((*path, "unknown"), value) if path else {"unknown": value}):
                if not isinstance(data, dict):
                    continue
                try:
                    fast = valid(data, "config")
                except Exception:  # noqa: BLE001 - zzip.config then asks jsonschema
                    continue
                assert fast == (next(iter(checker.iter_errors(data)), None) is None), (path, value)
                compared += 1
    assert compared > 1000
