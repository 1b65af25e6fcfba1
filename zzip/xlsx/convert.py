"""A status report's data as the YAML status file, for `zzip convert` (workbook to YAML)."""

from __future__ import annotations

from zzip.status import ENTRY_FIELDS, STATUS_SYNONYMS, SUBMISSION_FIELDS, VALUE_FIELDS

def status_yaml(data: dict, folder=None) -> str:
    """YAML in the order of docs/status-format.md, dates and versions quoted as the format asks,
    status words in English (the workbook's 已完成 is done)."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString as quoted

    def ordered(item: dict, names: tuple[str, ...]) -> CommentedMap:
        out = CommentedMap()
        for key in names:
            if key not in item:
                continue
            value = item[key]
            if key in ("submitted", "completed", "measured", "plan_version"):
                value = quoted(value)
            elif key == "status":
                value = STATUS_SYNONYMS.get(value, value)
            elif key == "evidence":
                value = CommentedSeq(CommentedMap((k, e[k]) for k in ("document", "link", "file", "title") if k in e)
                                     for e in value)  # block style: ruamel leaves '?' in a flow link unquoted
            elif key in ("entries", "indicators"):
                value = CommentedSeq(ordered(e, ENTRY_FIELDS if key == "entries" else VALUE_FIELDS) for e in value)
            out[key] = value
        return out

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    buffer = io.StringIO()
    yaml.dump(ordered(data, SUBMISSION_FIELDS), buffer)
    from zzip.schema import schema_line

    return schema_line("status", folder) + buffer.getvalue()
