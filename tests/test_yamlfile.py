"""Reading one file: every bad input becomes a located, plain message, never an exception."""

import os
from pathlib import Path

import pytest

from zzip.yamlfile import ParseFailure, YamlDocument, load_file

BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join(["*" + chr(97 + i)] * 9) + "]\n" for i in range(8)
)

BAD_INPUTS = [
    # (name, bytes, expected words in the message, line, column)
    ("empty", b"", "file is empty", 1, 1),
    ("only comments", b"# nothing here\n# still nothing\n", "file is empty", 1, 1),
    ("two documents", b"a: 1\n---\nb: 2\n", "more than one YAML document", 2, 1),
    ("tab indent", b"a:\n\tb: 1\n", "tab character", 2, 1),
    ("duplicate key", b"a: 1\nb: 2\na: 3\n", "duplicate key 'a'", 3, 1),
    ("utf-16 with BOM", "a: 1\n".encode("utf-16"), "UTF-16", 1, 1),
    ("utf-16 without BOM", "abc: 1\nbcd: 2\n".encode("utf-16-le"), "UTF-16", 1, 1),
    ("NUL byte", b"a: 1\nb: \x00\n", "NUL byte", 2, 4),
    ("alias bomb", BOMB.encode(), "through aliases", None, None),
    ("deep nesting", b"[" * 5000 + b"]" * 5000, "nesting is too deep", None, None),
    ("5000-digit number", b"n: " + b"9" * 5000 + b"\n", "5,000 digits", 1, 4),
    ("python tag", b"x: !!python/object/apply:os.system [ls]\n", "unsupported tag '!!python/object/apply:os.system'", 1, 4),
    ("local tag", b"x: !secret 3\n", "unsupported tag '!secret'", 1, 4),
    ("merge key", b"base: &b {x: 1}\nother:\n  <<: *b\n", "merge keys", 3, 3),
    ("unclosed quote", b'a: "open\nb: 1\n', "invalid YAML", None, None),
    ("binary junk", bytes(range(256)) * 4, "NUL byte", 1, 1),
    ("latin-1 bytes", "name: caf\xe9\n".encode("latin-1"), "not valid UTF-8", 1, 10),
]


@pytest.mark.parametrize("name,data,words,line,column", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_a_located_failure(tmp_path: Path, name, data, words, line, column) -> None:
    path = tmp_path / "file.yaml"
    path.write_bytes(data)
    result = load_file(path, "file.yaml")
    assert isinstance(result, ParseFailure), result
    assert words in result.message
    assert result.location.path == "file.yaml"
    if line is not None:
        assert (result.location.line, result.location.column) == (line, column)


def test_directory_where_a_file_was_expected(tmp_path: Path) -> None:
    result = load_file(tmp_path, "somewhere")
    assert isinstance(result, ParseFailure) and "is a directory" in result.message


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    result = load_file(tmp_path / "a.yaml", "a.yaml")
    assert isinstance(result, ParseFailure) and "cannot read file" in result.message


def test_missing_file(tmp_path: Path) -> None:
    result = load_file(tmp_path / "nope.yaml", "nope.yaml")
    assert isinstance(result, ParseFailure) and result.message == "file not found"


def test_unreadable_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "locked.yaml"
    path.write_text("a: 1\n")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the read fail as it would for anyone else
        def refuse(self):
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(Path, "read_bytes", refuse)
    result = load_file(path, "locked.yaml")
    assert isinstance(result, ParseFailure) and "permission denied" in result.message


def test_file_over_the_size_limit_names_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# padding\n" * 600_000)
    result = load_file(path, "big.yaml")
    assert isinstance(result, ParseFailure)
    assert "6,000,000 bytes" in result.message and "up to 5 MB" in result.message


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes("\ufeffname: 市市场监管局\r\nlist:\r\n  - a\r\n".encode("utf-8"))
    doc = load_file(path, "windows.yaml")
    assert isinstance(doc, YamlDocument)
    assert doc.data == {"name": "市市场监管局", "list": ["a"]}
    assert doc.locate(["list", 0]).line == 3


def test_gbk_file_is_read_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("a: 1\nname: 市市场监管局\n".encode("gbk"))
    doc = load_file(path, "gbk.yaml")
    assert isinstance(doc, YamlDocument)
    assert doc.data["name"] == "市市场监管局"
    [notice] = doc.notices
    assert "GB18030" in notice.message and (notice.location.line, notice.location.column) == (2, 7)


def test_scalars_keep_their_meaning(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    path.write_text("date: 2025-02-30\nmonth: 2025-06\nyes_word: yes\nflag: true\nversion: 1.10\ncount: 1_000\n"
                    "big: 12345678901234567890\nnothing: ~\ninf: .inf\n")
    doc = load_file(path, "values.yaml")
    assert doc.data == {"date": "2025-02-30", "month": "2025-06", "yes_word": "yes", "flag": True, "version": 1.1,
                        "count": 1000, "big": 12345678901234567890, "nothing": None, "inf": ".inf"}


def test_one_bad_file_does_not_affect_the_next(tmp_path: Path) -> None:
    bad, good = tmp_path / "bad.yaml", tmp_path / "good.yaml"
    bad.write_bytes(b"\xff\xfe" + "a: 1\n".encode("utf-16-le"))
    good.write_text("a: 1\n")
    assert isinstance(load_file(bad), ParseFailure)
    assert load_file(good).data == {"a": 1}


def test_json_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "status.json"
    path.write_text('{\n  "unit": "court",\n  "entries": [{"id": "KT-1-1", "percent": 50}]\n}\n')
    doc = load_file(path)
    assert doc.data == {"unit": "court", "entries": [{"id": "KT-1-1", "percent": 50}]}
    assert doc.locate(["entries", 0, "percent"]).line == 3


def test_locate_points_at_value_or_key_or_nearest_parent(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("tasks:\n  - id: A\n    lead: [x, y]\n")
    doc = load_file(path, "t.yaml")
    assert str(doc.locate(["tasks", 0, "lead", 1])) == "t.yaml:3:15"
    assert str(doc.locate(["tasks", 0, "lead"], at_key=True)) == "t.yaml:3:5"
    assert str(doc.locate(["tasks", 0, "missing"])) == "t.yaml:2:5"


def test_file_names_with_spaces_and_chinese(tmp_path: Path) -> None:
    path = tmp_path / "市 市场监管局 2025-Q2.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert load_file(path).data == {"a": 1}


def test_millions_of_items_are_refused_before_parsing(tmp_path: Path) -> None:
    import time

    path = tmp_path / "huge.yaml"
    path.write_text("a: [" + "1," * 2_500_000 + "]\n")
    started = time.perf_counter()
    result = load_file(path, "huge.yaml")
    assert time.perf_counter() - started < 1.0
    assert isinstance(result, ParseFailure) and "zzip reads at most 200,000 values in one file" in result.message


def test_rare_cjk_marks_a_gb18030_file(tmp_path: Path) -> None:
    path = tmp_path / "rare.yaml"
    path.write_bytes("name: 𠮷\n".encode("gb18030"))
    doc = load_file(path)
    assert isinstance(doc, YamlDocument) and doc.data == {"name": "𠮷"} and doc.notices


@pytest.mark.parametrize("text,char", [("a: 1\nb: @oops\n", "@"), ("a: 1\nb: `tick\n", "`")])
def test_a_reserved_first_character_is_named_not_called_a_tab(tmp_path: Path, text, char) -> None:
    path = tmp_path / "note.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_file(path, "note.yaml")
    assert isinstance(result, ParseFailure)
    assert result.message == f"a value cannot start with '{char}' in YAML; put the value in quotes"
    assert (result.location.line, result.location.column) == (2, 4)
