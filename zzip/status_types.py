"""A quick yes to "is this status file valid?" for the fast path: msgspec's typed conversion.

The types below say no more than zzip/schemas/status.schema.json, and in places less (msgspec is
at least as strict: an int too large for a float, say, is refused here and left to the schema).
A yes is final: the file has no schema problem, and nothing in its data that zzip.fastyaml.plain
would refuse (every key is a field's name, every number finite, the nesting four deep), so the
fast path trusts it without that second walk. A no (or msgspec missing) decides nothing: the
file is read the precise way, where jsonschema words every problem. tests/test_status_types.py
holds the two to that: whatever msgspec accepts, the JSON Schema accepts.

msgspec converts a parsed report in about a fifth of fastjsonschema's time (benchmarks/README.md);
BSD licence, wheels for Linux, macOS and Windows on every Python zzip supports.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any, Literal, Union

try:
    import msgspec
    from msgspec import UNSET, Meta, Struct, UnsetType
except ImportError:  # no wheel: the JSON Schema decides every file
    msgspec = None

if msgspec is not None:
    Text = Annotated[str, Meta(min_length=1)]
    Id = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    ItemId = Annotated[str, Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]*$")]
    Date = Annotated[str, Meta(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
    QuarterText = Annotated[str, Meta(pattern=r"^[0-9]{4}(-Q[1-4]|-H[12])?$")]  # a period of any cadence
    Version = Annotated[str, Meta(pattern=r"^[0-9]+(\.[0-9]+){0,2}$")]
    # a number the precise reader could also have read: never infinite or NaN (fastyaml.plain)
    Finite = Annotated[float, Meta(ge=-sys.float_info.max, le=sys.float_info.max)]
    Status = Literal["not-started", "in-progress", "done", "blocked", "未开始", "进行中", "已完成", "受阻"]

    class _Evidence(Struct, forbid_unknown_fields=True):
        document: Union[Text, UnsetType] = UNSET
        link: Union[Text, UnsetType] = UNSET
        file: Union[Text, UnsetType] = UNSET
        title: Union[Text, UnsetType] = UNSET

    class _Entry(Struct, forbid_unknown_fields=True):
        id: ItemId
        status: Status
        role: Union[Literal["lead", "cooperating"], UnsetType] = UNSET
        percent: Union[Annotated[float, Meta(ge=0, le=100)], UnsetType] = UNSET
        completed: Union[Date, UnsetType] = UNSET
        evidence: Union[list[_Evidence], UnsetType] = UNSET
        note: Union[Text, UnsetType] = UNSET
        blocker: Union[Text, UnsetType] = UNSET

    class _Value(Struct, forbid_unknown_fields=True):
        id: Id
        value: Finite
        measured: Date
        source: Union[Text, UnsetType] = UNSET
        note: Union[Text, UnsetType] = UNSET

    class _Status(Struct, forbid_unknown_fields=True):
        format: Literal[1]
        plan: Id
        plan_version: Version
        unit: Text
        period: QuarterText
        submitted: Date
        contact: Union[Text, UnsetType] = UNSET
        entries: Union[list[_Entry], UnsetType] = UNSET
        indicators: Union[list[_Value], UnsetType] = UNSET
        note: Union[Text, UnsetType] = UNSET


def surely_valid(data: Any) -> bool:
    """True only if the status file's data has no schema problem; False: ask the JSON Schema."""
    if msgspec is None or not isinstance(data, dict):
        return False
    try:
        report = msgspec.convert(data, _Status)
    except msgspec.ValidationError:
        return False
    for entry in report.entries or ():
        for evidence in entry.evidence or ():  # the schema's anyOf: a document, a link or a file
            if evidence.document is UNSET and evidence.link is UNSET and evidence.file is UNSET:
                return False
    return True
