"""Read one YAML or JSON file into plain Python data, with positions kept aside.

This is the precise reader. Parsing goes through libyaml's composer (PyYAML's C binding)
and builds plain dicts, lists and scalars from the node tree ourselves. (Native parsers read
faster still: `zzip check` reads plain, valid status files with yaml-rs first, zzip/fastyaml.py,
and this reader judges every other file and gives every position.) That gives us, in one pass:

* positions: the node tree is kept, and `YamlDocument.locate()` walks it only when a
  finding needs a line and column;
* YAML 1.2-ish scalars: dates stay strings (schemas check their format), and only
  true/false are booleans, so `status: no` or a unit named `on` stays text;
* safety: duplicate keys, unknown tags, merge keys and alias bombs are refused with
  their position, and a failure is a value, never an exception, so one bad file
  never stops a run.
"""

from __future__ import annotations

import math
import re
from array import array
from pathlib import Path
from typing import Any, Sequence

from msgspec import Struct

yaml: Any = None  # PyYAML, imported by _libyaml() on the first precise read

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
# Numbers with an exponent, as JSON and YAML 1.2 write them (1.2e4, 1E4, 1e-05): YAML 1.1 wants a
# point and a signed exponent (1.2e+4), so without this a JSON file's valid numbers would be text.
_EXPONENT_NUMBER = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+$")
_FLOAT = "tag:yaml.org,2002:float"
_loaders: dict[str, Any] = {}


def _libyaml() -> dict[str, Any]:
    """PyYAML and zzip's two loaders on libyaml, made on first use: a check whose files all take
    the fast path and need no position (zzip/fastyaml.py, a plan from the cache) never imports
    PyYAML (8 ms of a run)."""
    global yaml
    if _loaders:
        return _loaders
    import yaml as module

    try:  # libyaml is bundled with PyYAML wheels; the pure parser is a slow but correct fallback
        from yaml import CSafeLoader as base
    except ImportError:  # pragma: no cover - depends on the wheel
        from yaml import SafeLoader as base  # type: ignore[assignment]

    # First characters for which YAML 1.1 may read a plain scalar as something other than text
    # (numbers, dates, booleans, null...): only those go through PyYAML's regular expressions.
    maybe_typed = frozenset(key for key in module.resolver.Resolver.yaml_implicit_resolvers if key)

    class Loader(base):
        """libyaml's composer with a lean resolver: zzip uses no path resolvers, and a scalar that
        cannot be a number, date, boolean or null is text without trying a dozen patterns."""

        def descend_resolver(self, current_node, current_index):
            return None

        def ascend_resolver(self):
            return None

        def resolve(self, kind, value, implicit):
            if kind is module.ScalarNode:
                if implicit[0] and (not value or value[0] in maybe_typed):
                    tag = super().resolve(kind, value, implicit)
                    return _FLOAT if tag == _STR and _EXPONENT_NUMBER.match(value) else tag
                return _STR
            return _SEQ if kind is module.SequenceNode else _MAP

    class PositionLoader(base):
        """libyaml's composer with no resolver at all: for positions only (every scalar text)."""

        def descend_resolver(self, current_node, current_index):
            return None

        def ascend_resolver(self):
            return None

        def resolve(self, kind, value, implicit):
            return _STR if kind is module.ScalarNode else _SEQ if kind is module.SequenceNode else _MAP

    yaml = module
    _loaders.update(loader=Loader, positions=PositionLoader)
    return _loaders


def node_tree(text: str) -> yaml.Node | None:
    """The node tree of a text the fast path has read (zzip/fastyaml.py: plain, valid YAML), for
    the positions of its values: about half the cost of `load_text`. None if libyaml refuses it."""
    loader = _libyaml()["positions"](text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


from zzip.filebytes import Unreadable, read_bytes
from zzip.i18n import N_, _
from zzip.findings import Location

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_VALUES = 200_000  # values after alias expansion; a status file has a few hundred
MAX_DEPTH = 64
MAX_NUMBER_DIGITS = 30

_TAG = "tag:yaml.org,2002:"
_INT_RE = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")


class ParseError(Exception):
    """Why a file could not be read, and where."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class ParseFailure(Struct, frozen=True, gc=False):
    location: Location
    message: str


class EncodingNotice(Struct, frozen=True, gc=False):
    """The file was readable, but not as UTF-8: said once, as a warning."""

    location: Location
    message: str


class YamlMap(dict):
    """A YAML mapping as a dict, with where each key and value stands in the file.

    `positions` packs four numbers per key, in key order: key line, key column, value line,
    value column (1-based). One small array per mapping instead of a node per value keeps
    a run over thousands of files light (benchmarks/README.md)."""

    __slots__ = ("positions",)


class YamlList(list):
    """A YAML sequence as a list; `positions` packs line and column of each item."""

    __slots__ = ("positions",)


class YamlDocument:
    """A parsed file: its data, and a way back from a data path to a line and column."""

    def __init__(self, path: str, data: Any, root_position: tuple[int, int], notices: Sequence[EncodingNotice] = ()):
        self.path = path
        self.data = data
        self.root_position = root_position
        self.notices = list(notices)

    def position(self, keys: Sequence[str | int], *, at_key: bool = False) -> tuple[int, int]:
        """(line, column) of the value at `keys` (or of its key, with at_key).

        Where the path runs out (a missing property), the nearest existing parent is
        returned, which is where the user has to add it."""
        node, here, key_here = self.data, self.root_position, None
        for key in keys:
            if isinstance(node, YamlMap) and key in node:
                index = 4 * list(node).index(key)
                p = node.positions
                key_here, here = (p[index], p[index + 1]), (p[index + 2], p[index + 3])
                node = node[key]
            elif isinstance(node, YamlList) and isinstance(key, int) and 0 <= key < len(node):
                p = node.positions
                key_here, here = None, (p[2 * key], p[2 * key + 1])
                node = node[key]
            else:
                break
        return key_here if (at_key and key_here is not None) else here

    def locate(self, keys: Sequence[str | int], *, at_key: bool = False) -> Location:
        line, column = self.position(keys, at_key=at_key)
        return Location(self.path, line, column)


def read_text(path: Path, display: str) -> tuple[str, list[EncodingNotice]]:
    """Read and decode a file, naming the encoding problem precisely when there is one."""
    return decode(read_raw(path), display)


def read_raw(path: Path) -> bytes:
    """The bytes of a file zzip may read (ParseError: why it cannot)."""
    try:
        return read_bytes(path, MAX_FILE_BYTES,  # read_bytes fills in {size:,}
                          _("file is %(size)s bytes; zzip reads files up to %(mb)s MB (%(limit)s bytes): split it, "
                            "or check that it is the right file", size="{size:,}", mb=MAX_FILE_BYTES // 1048576,
                            limit=f"{MAX_FILE_BYTES:,}"))
    except Unreadable as exc:
        raise ParseError(str(exc)) from None


def decode(raw: bytes, display: str) -> tuple[str, list[EncodingNotice]]:
    """A file's bytes as text (UTF-8, or GB18030 with a notice), or ParseError naming the problem."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise ParseError(_("file is UTF-16 encoded; re-save it as UTF-8 (in Notepad: 另存为 → 编码: UTF-8)"), 1, 1)
    if b"\x00" in raw:
        line, column = _position_of(raw, raw.index(b"\x00"))
        raise ParseError(_("file contains a NUL byte: it looks binary, not a YAML text file"), line, column)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark, as Windows editors write: harmless
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line, column = _position_of(raw, exc.start)
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ParseError(_("file is not valid UTF-8 text; re-save it as UTF-8"), line, column) from None
        if _has_cjk(text):
            notice = EncodingNotice(
                Location(display, line, column),
                _("file is not UTF-8 but looks like GBK/GB18030 (Chinese Windows encoding); read it as GB18030. "
                  "Re-save it as UTF-8 to silence this warning"),
            )
            return text, [notice]
        raise ParseError(_("file is not valid UTF-8 text; re-save it as UTF-8"), line, column) from None


def load_file(path: Path, display: str | None = None) -> YamlDocument | ParseFailure:
    """Parse one file. Never raises for bad input: the failure comes back as a value."""
    display = display or str(path)
    try:
        text, notices = read_text(path, display)
        return load_text(text, display, notices)
    except ParseError as exc:
        return ParseFailure(Location(display, exc.line, exc.column), exc.message)


def load_text(text: str, display: str, notices: Sequence[EncodingNotice] = ()) -> YamlDocument | ParseFailure:
    try:
        root = _compose(text)
        data = _Builder().build(root)
    except ParseError as exc:
        return ParseFailure(Location(display, exc.line, exc.column), exc.message)
    mark = root.start_mark
    return YamlDocument(display, data, (mark.line + 1, mark.column + 1), notices)  # the node tree is let go


def _compose(text: str) -> yaml.Node:
    # libyaml builds the whole tree before our value limit is checked: refuse a file with
    # millions of items up front (a cheap count of line ends and commas), not after seconds.
    if text.count("\n") + text.count(",") > 2 * MAX_VALUES:
        raise ParseError(_("file has more than %(lines)s lines and list items; zzip reads at most %(values)s values "
                           "in one file: check that it is the right file", lines=f"{2 * MAX_VALUES:,}",
                           values=f"{MAX_VALUES:,}"), 1, 1)
    loader = _libyaml()["loader"](text)  # a fresh parser per file: no state leaks from one file to the next
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except yaml.reader.ReaderError as exc:  # a control character; libyaml gives a UTF-8 byte offset, no mark
        line, column = _position_of(text.encode("utf-8", "surrogatepass"), exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        raise ParseError(_("control character %(code)s not allowed in YAML text", code=f"U+{code:04X}"),
                         line, column) from None
    except yaml.YAMLError as exc:
        # one line, whatever the parser said (its words are libyaml's, in English)
        raise ParseError(_("invalid YAML: %(problem)s", problem=" ".join(str(exc).split()))) from None
    except RecursionError:
        raise ParseError(_("nesting is too deep; zzip reads at most %(levels)s levels", levels=MAX_DEPTH)) from None
    except (MemoryError, ValueError, TypeError, AssertionError, NotImplementedError) as exc:
        raise ParseError(_("cannot parse file: %(error)s", error=f"{type(exc).__name__}: {exc}")) from None
    finally:
        loader.dispose()
    if root is None:
        raise ParseError(_("file is empty: it holds no YAML content (only blanks or comments)"), 1, 1)
    return root


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> ParseError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or N_("syntax error")
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    if "but found another document" in (exc.context or "") + problem or problem == "but found another document":
        return ParseError(_("file holds more than one YAML document ('---'); put one document in each file"),
                          line, column)
    if "cannot start any token" in problem and mark is not None:
        found = _char_at(text, mark)
        if found == "\t":
            return ParseError(_("tab character: YAML indents with spaces, not tabs"), line, column)
        if found:
            return ParseError(_("a value cannot start with '%(char)s' in YAML; put the value in quotes", char=found),
                              line, column)
    if "maximum nesting depth" in problem:
        return ParseError(_("nesting is too deep for a YAML parser (over 1000 levels)"), line, column)
    if "special characters are not allowed" in problem or "unacceptable character" in problem:
        return ParseError(_("control character not allowed in YAML text (%(problem)s)", problem=_parser_words(problem)),
                          line, column)
    if exc.context and exc.context not in problem:
        # TRANSLATORS: %(context)s and %(problem)s are the YAML parser's words ("while parsing a block mapping",
        # "did not find expected key"), translated below where zzip knows them
        return ParseError(_("invalid YAML: %(context)s: %(problem)s", context=_parser_words(exc.context.rstrip(":")),
                            problem=_parser_words(problem)), line, column)
    return ParseError(_("invalid YAML: %(problem)s", problem=_parser_words(problem)), line, column)


# What libyaml says, in the language of the run: these are its messages that a status or plan file
# typed by hand meets. Any other stays in libyaml's own (English) words, after "invalid YAML:".
_PARSER_WORDS = frozenset((
    N_("syntax error"),
    N_("while scanning a quoted scalar"), N_("while parsing a quoted scalar"), N_("found unexpected end of stream"),
    N_("found unknown escape character"),
    N_("mapping values are not allowed in this context"), N_("block sequence entries are not allowed in this context"),
    N_("while parsing a block mapping"), N_("did not find expected key"),
    N_("while parsing a block collection"), N_("did not find expected '-' indicator"),
    N_("while parsing a flow sequence"), N_("did not find expected ',' or ']'"),
    N_("while parsing a flow mapping"), N_("did not find expected ',' or '}'"),
    N_("while scanning a simple key"), N_("could not find expected ':'"),
    N_("while parsing a node"), N_("found undefined tag handle"), N_("found undefined alias"),
    N_("did not find expected <document start>"),
    N_("while scanning a block scalar"), N_("found a tab character where an indentation space is expected"),
    N_("while scanning for the next token"), N_("found character that cannot start any token"),
    N_("while scanning an anchor"), N_("while scanning an alias"),
    N_("did not find expected alphabetic or numeric character"),
    N_("special characters are not allowed"), N_("found unexpected ':'"),
))


def _parser_words(text: str) -> str:
    """libyaml's words translated where they are known (the English is libyaml's own)."""
    return _(text) if text in _PARSER_WORDS else text


def _char_at(text: str, mark: Any) -> str:
    """The character at a mark. libyaml's marks carry no buffer and its message does not name
    the character, so it is looked up in the text (marks count characters, lines from 0)."""
    lines = text.split("\n", mark.line + 1)
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


class _Builder:
    """Turns a node tree into plain data, refusing what a plan or report never needs."""

    def __init__(self) -> None:
        self.count = 0

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _at(node, _("file expands to more than %(values)s values (through aliases, or too many items); "
                              "zzip stops reading it", values=f"{MAX_VALUES:,}"))
        if depth > MAX_DEPTH:
            raise _at(node, _("nesting is too deep; zzip reads at most %(levels)s levels", levels=MAX_DEPTH))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            self.check_tag(node, "seq")
            items = YamlList(self.build(item, depth + 1) for item in node.value)
            spots = array("i")
            for item in node.value:
                mark = item.start_mark
                spots.extend((mark.line + 1, mark.column + 1))
            items.positions = spots
            return items
        self.check_tag(node, "map")
        result = YamlMap()
        spots = array("i")
        result.positions = spots
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise _at(key_node, _("merge keys ('<<') are not supported; write the keys out"))
            if not isinstance(key_node, yaml.ScalarNode):
                raise _at(key_node, _("a key must be plain text, not a list or mapping"))
            key = key_node.value
            if key in result:
                raise _at(key_node, _("duplicate key '%(key)s': each key may appear only once in a mapping", key=key))
            if value_node.__class__ is yaml.ScalarNode and value_node.tag == _STR:
                self.count += 1  # the common case, text, without a call per value
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, depth + 1)
            key_mark, value_mark = key_node.start_mark, value_node.start_mark
            spots.extend((key_mark.line + 1, key_mark.column + 1, value_mark.line + 1, value_mark.column + 1))
        return result

    @staticmethod
    def check_tag(node: yaml.Node, kind: str) -> None:
        if node.tag != _TAG + kind:
            raise _at(node, _("unsupported tag '%(tag)s': zzip files use plain YAML values only",
                              tag=_short_tag(node.tag)))

    @staticmethod
    def scalar(node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _TAG + "str" or tag == _TAG + "timestamp":
            return value  # dates stay text; the schema checks their format and the model parses them
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            lowered = value.lower()
            return {"true": True, "false": False}.get(lowered, value)  # yes/no/on/off stay text
        if tag == _TAG + "int":
            digits = value.replace("_", "").lstrip("+-")
            if len(digits) > MAX_NUMBER_DIGITS:
                raise _at(node, _("number has %(count)s digits; zzip accepts at most %(most)s",
                                  count=f"{len(digits):,}", most=MAX_NUMBER_DIGITS))
            if _INT_RE.match(value):
                return int(value.replace("_", ""))
            return value  # octal, hex or sexagesimal forms: keep the text, the schema will say what is expected
        if tag == _TAG + "float":
            digits = value.replace("_", "")
            if len(digits) > MAX_NUMBER_DIGITS + 10:  # room for a sign, a point and an exponent
                raise _at(node, _("number has %(count)s characters; zzip accepts at most %(most)s",
                                  count=f"{len(digits):,}", most=MAX_NUMBER_DIGITS + 10))
            try:
                number = float(digits)
            except ValueError:
                return value  # .inf, .nan and friends: not a usable number, left as text for the schema
            return number if math.isfinite(number) else value
        if tag in (_TAG + "value", _TAG + "yaml"):
            return value
        raise _at(node, _("unsupported tag '%(tag)s': zzip files use plain YAML values only", tag=_short_tag(tag)))


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


def _at(node: yaml.Node, message: str) -> ParseError:
    mark = node.start_mark
    return ParseError(message, mark.line + 1, mark.column + 1)


def _position_of(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII text is NUL."""
    sample = raw[:400]
    if len(sample) < 4:
        return False
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    return (odd > half * 0.4 and even < half * 0.1) or (even > half * 0.4 and odd < half * 0.1)


def _has_cjk(text: str) -> bool:
    """Chinese text: CJK ideographs (basic, extension A and the supplementary planes),
    CJK punctuation (。、〔〕) and full-width forms (，：)."""
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef" or "\U00020000" <= ch <= "\U0003134f" for ch in text)
