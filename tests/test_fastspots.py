"""The line scanner for positions (zzip/fastspots.py) against libyaml's marks: wherever it answers
for a text the fast path read, it gives exactly the numbers libyaml's node tree gives, so a
finding points at the same line and column either way; where it is unsure it says so (None)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zzip import fastyaml
from zzip.fastspots import file_spots
from zzip.status import ENTRY_FIELDS, SUBMISSION_FIELDS, VALUE_FIELDS
from zzip.status_loader import _node_spots
from zzip.yamlfile import node_tree

REPO = Path(__file__).resolve().parent.parent
FIELDS = (SUBMISSION_FIELDS, ENTRY_FIELDS, VALUE_FIELDS)


def libyaml_spots(text: str):
    """What status_loader packs from libyaml's node tree (its _PositionsLater._resolve)."""
    root = node_tree(text)
    top = {key.value: value for key, value in root.value}
    entries, values = [], []
    for item in top["entries"].value if "entries" in top else ():
        entries += _node_spots(item, ENTRY_FIELDS, False)
    for item in top["indicators"].value if "indicators" in top else ():
        values += _node_spots(item, VALUE_FIELDS, False)
    return _node_spots(root, SUBMISSION_FIELDS, True), entries, values


def scanned_equals_libyaml(text: str) -> bool | None:
    """None where the scanner is unsure; else whether it agrees with libyaml (asserted)."""
    scanned = file_spots(text, *FIELDS)
    if scanned is None:
        return None
    assert tuple(scanned) == tuple(libyaml_spots(text)), text
    return True


def test_every_example_report_is_scanned_as_libyaml_reads_it():
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "reports").rglob("*.yaml"))]
    fast = [t for t in texts if fastyaml.parse(t) is not None]
    assert len(fast) > 200
    answered = [scanned_equals_libyaml(t) for t in fast]
    assert answered.count(True) == len(fast)  # the usual layout: the scanner answers for every one


def test_the_realistic_workload_is_scanned_as_libyaml_reads_it(tmp_path):
    import subprocess
    import sys

    subprocess.run([sys.executable, str(REPO / "benchmarks" / "realistic.py"), "--files", "120", str(tmp_path)],
                   check=True, capture_output=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(tmp_path.rglob("*.yaml"))]
    assert len(texts) == 120
    assert all(scanned_equals_libyaml(t) for t in texts)


UNSURE = [
    "format: 1\nnote:\n  on the next line\n",  # a value on the line after its key
    "format: 1\nnote: two\n  lines\n",  # a plain value continued
    "format: 1\nnote: 'two\n  lines'\n",  # a quoted value continued
    '"format": 1\n',  # a quoted key
    "entries:\n-\n  id: a\n",  # an item that starts on its own line
    "entries: [{id: a, status: done}]\n",  # items in flow style
    "entries:\n- - a\n",  # a list in a list
    "format: 1\n  plan: x\n",  # deeper than its mapping
    "? a\n: b\n",  # a complex key
    "",
    "# only a comment\n",
]


@pytest.mark.parametrize("text", UNSURE)
def test_unusual_layouts_are_left_to_libyaml(text):
    assert file_spots(text, *FIELDS) is None


def test_a_file_with_an_unusual_layout_still_gets_libyamls_positions(tmp_path):
    """The loader falls back to libyaml where the scanner is unsure: same place as the precise path."""
    from zzip.status_loader import load_submissions

    source = (REPO / "reports" / "2025-Q2" / "market-regulation.yaml").read_text(encoding="utf-8")
    assert "\nentries:\n" in source
    text = source.replace("\nentries:\n", "\nentries:\n\n# a comment\n", 1).replace("contact:", "contact:\n ", 1)
    folder = tmp_path / "2025-Q2"
    folder.mkdir()
    (folder / "market-regulation.yaml").write_text(text, encoding="utf-8")
    assert fastyaml.parse(text) is not None and file_spots(text, *FIELDS) is None
    fast = load_submissions(tmp_path).submissions[0]
    origin, entries, _values = libyaml_spots(text)
    assert list(fast.origin.spots) == origin and list(fast.entries[0].spots) == entries
    contact = fast.origin.at("contact")
    assert (contact.line, contact.column) == (origin[2 + 4 * SUBMISSION_FIELDS.index("contact")], 3)


# Layouts people and editors write: indentation of the lists, spaces after ':' and '-', comments
# and blank lines anywhere, quoted and flow values, nested evidence in block or flow style.
WORDS = st.sampled_from(["a", "done", "KT-1-2", "知识产权", "2025-06-30", "12.5", "0", "x y", "a # not", "进行中"])


@st.composite
def scalar_text(draw):
    word = draw(WORDS)
    style = draw(st.sampled_from(["plain", "single", "double"]))
    if style == "single":
        return "'" + word.replace("'", "''") + draw(st.sampled_from(["", "''x"])) + "'"
    if style == "double":
        return '"' + word + '"'
    return word if " #" not in word else word.split(" #")[0]


@st.composite
def layouts(draw):
    colon = draw(st.sampled_from([" ", "  "]))
    comment = draw(st.sampled_from(["", "  # note", " #x"]))
    blank = draw(st.sampled_from(["", "\n", "\n# between\n", "\n   # indented comment\n"]))
    top = draw(st.sampled_from(["", "  "]))
    dash_indent = draw(st.sampled_from([0, 2, 4]))
    after_dash = draw(st.sampled_from([" ", "   "]))

    def pair(indent: str, key: str) -> str:
        return f"{indent}{key}:{colon}{draw(scalar_text())}{draw(st.sampled_from(['', comment]))}\n"

    lines = [draw(st.sampled_from(["", "# head\n", "\n"]))]
    for key in draw(st.permutations(["format", "plan", "unit", "period", "submitted", "contact"])):
        lines.append(pair(top, key) + draw(st.sampled_from(["", blank])))
    for list_key, names in (("entries", ENTRY_FIELDS), ("indicators", VALUE_FIELDS)):
        count = draw(st.integers(0, 3))
        if count == 0:
            if draw(st.booleans()):
                lines.append(f"{top}{list_key}:{colon}[]\n")
            continue
        lines.append(f"{top}{list_key}:{draw(st.sampled_from(['', ' # the list']))}\n" + draw(st.sampled_from(["", blank])))
        dash = top + " " * dash_indent
        for _ in range(count):
            keys = draw(st.lists(st.sampled_from(names + ("other",)), min_size=1, max_size=4, unique=True))
            inner = dash + " " + after_dash
            for position, key in enumerate(keys):
                head = f"{dash}-{after_dash}" if position == 0 else inner
                if key == "evidence":
                    style = draw(st.sampled_from(["flow", "block", "indentless"]))
                    if style == "flow":
                        lines.append(f"{head}evidence:{colon}[{{document: a}}, {{link: b}}]\n")
                    else:
                        deeper = inner + ("" if style == "indentless" else "  ")
                        lines.append(f"{head}evidence:\n{deeper}- document: {draw(scalar_text())}\n"
                                     f"{deeper}  title: t\n{draw(st.sampled_from(['', blank]))}"
                                     f"{deeper}-{after_dash}link: b\n")
                else:
                    lines.append(pair(head, key))
                lines.append(draw(st.sampled_from(["", blank])))
    return "".join(lines)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts())
def test_generated_layouts_are_scanned_as_libyaml_reads_them(text):
    if fastyaml.parse(text) is None:
        return  # the precise path reads it, with libyaml's positions
    scanned_equals_libyaml(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "entries:", "- id: a", "  status: done", "  note: 'x'", "  evidence:", "  - document: d", "    title: t",
    "- id: b", "indicators:", "  - id: v", "    value: 1", "format: 1", "note: x", "  # c", "", "   x",
    "  evidence: [{document: a}]", "-   id: c", "    status: done", "unit: 'it''s'", 'unit: "q"',
]), min_size=1, max_size=14))
def test_mixtures_of_lines_are_scanned_as_libyaml_reads_them(lines):
    text = "\n".join(lines) + "\n"
    if isinstance(fastyaml.parse(text), dict):
        scanned_equals_libyaml(text)


def test_records_share_one_copy_of_recurring_values_and_equal_the_precise_ones(tmp_path, monkeypatch):
    """Notes, evidence and dates that recur from file to file are kept once (status_loader.Shared),
    and the records hold the same values as records read the precise way."""
    from zzip.status_loader import load_submissions

    text = (REPO / "reports" / "2025-Q2" / "market-regulation.yaml").read_text(encoding="utf-8")
    for quarter in ("2025-Q1", "2025-Q2"):
        (tmp_path / quarter).mkdir()
        (tmp_path / quarter / "market-regulation.yaml").write_text(text.replace("2025-Q2", quarter), encoding="utf-8")
    first, second = load_submissions(tmp_path).submissions
    pairs = [(a, b) for a, b in zip(first.entries, second.entries)]
    assert any(a.note for a, _b in pairs) and any(a.evidence for a, _b in pairs) and any(a.completed for a, _b in pairs)
    for a, b in pairs:
        assert a.note is b.note and a.evidence is b.evidence and a.completed is b.completed
    assert first.submitted is second.submitted
    monkeypatch.setattr(fastyaml, "yaml_rs", None)
    precise = load_submissions(tmp_path).submissions
    fields = ("id", "status", "role", "percent", "completed", "evidence", "note", "blocker")
    assert [[tuple(getattr(e, f) for f in fields) for e in s.entries] for s in (first, second)] == \
           [[tuple(getattr(e, f) for f in fields) for e in s.entries] for s in precise]


def test_an_impossible_date_is_reported_in_every_file_that_has_it(tmp_path):
    """A date that fails to parse is not kept as a shared value: each file's problem is reported."""
    from zzip.status_loader import load_submissions

    text = (REPO / "reports" / "2025-Q2" / "market-regulation.yaml").read_text(encoding="utf-8")
    for quarter in ("2025-Q1", "2025-Q2"):
        (tmp_path / quarter).mkdir()
        (tmp_path / quarter / "x.yaml").write_text(text.replace("submitted: ", "submitted: '2025-02-30' #", 1),
                                                   encoding="utf-8")
    load = load_submissions(tmp_path)
    assert not load.submissions
    assert sorted(p.location.path.split("/")[-2] for p in load.schema_problems
                  if "real calendar date" in p.message) == ["2025-Q1", "2025-Q2"]


def test_entries_are_frozen_records_built_positionally_in_field_order():
    """The loader builds each Entry positionally (zzip/status_loader.py): the order of the fields is
    the order it passes them in, equal values make equal records, and a record cannot be changed."""
    from array import array

    from zzip.status import Entry, Evidence

    values = ("KT-1-2", "done", "lead", 50.0, None, (Evidence(document="d"),), "n", None, "a.yaml", array("H"), 3)
    made = Entry(*values)
    assert made == Entry(*values) and made != Entry(*values[:-1], 4)
    assert [getattr(made, name) for name in Entry.__struct_fields__] == list(values)
    assert Entry.__struct_fields__ == ("id", "status", "role", "percent", "completed", "evidence", "note", "blocker",
                                       "path", "spots", "slot")
    with pytest.raises(AttributeError):
        made.status = "blocked"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Entry(*values[:-1])
