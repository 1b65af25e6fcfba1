"""Where a line of mixed Chinese and ASCII text may break, for the console.

Rich breaks only at spaces and folds anything longer character by character, which cuts a date,
a period, an id or a percentage in two ("2024-12-3⏎1"), since Chinese has no spaces. Here a run of
ASCII letters, digits and their punctuation (an id, a date, 2025-Q2, 80%, 四(四)9) is never
broken unless it is wider than the whole line; Chinese breaks between characters, never before a
closing mark (，。、）”) nor after an opening one; and a phrase ending at 、，；or a space (a
unit's name in a list) moves to the next line whole rather than being split, when the line it
leaves is at least half full."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

CLOSING = set("，。、；：！？）】》」』”’…,.;:!?)]}%")
OPENING = set("（【《「『“‘([{")
PREFERRED = set("、，；,;")  # a break after these is preferred (end of a name in a list, of a clause)


def segments(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, preferred) of the pieces a line may break between: a break is allowed at
    each end; `preferred` when the piece ends a phrase (at 、，；or a space)."""
    pieces: list[list] = []  # [start, end, preferred]
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            end = index
            while end < len(text) and text[end].isspace():
                end += 1
            if pieces:
                pieces[-1][1] = end  # spaces belong to the end of the piece before them
                pieces[-1][2] = True
            else:
                pieces.append([index, end, False])
            index = end
            continue
        end = index + 1
        if char.isascii():
            while end < len(text) and text[end].isascii() and not text[end].isspace():
                end += 1
        if pieces and _glued(text, pieces[-1], index, end):
            pieces[-1][1] = end
        else:
            pieces.append([index, end, False])
        pieces[-1][2] = text[end - 1] in PREFERRED or (end < len(text) and text[end].isspace())
        index = end
    return [(start, end, preferred) for start, end, preferred in pieces]


def _glued(text: str, previous: list, start: int, end: int) -> bool:
    """No break between the piece before and text[start:end]."""
    before, first = text[previous[1] - 1], text[start]
    if before.isspace():
        return False
    if first in CLOSING or before in OPENING:
        return True
    if before in PREFERRED:
        return False
    # ASCII punctuation beside Chinese holds it: 四(四)9, 率,改; a letter or digit does not: 2022-09至2025-12
    if first.isascii() != before.isascii():
        return not (first.isalnum() if first.isascii() else before.isalnum())
    return False


def break_offsets(text: str, width: int) -> list[int]:
    """Where lines start after the first (the offsets rich's Text.divide takes)."""
    width = max(width, 2)
    pieces = segments(text)
    phrases: list[list[tuple[int, int, bool]]] = [[]]
    for piece in pieces:
        phrases[-1].append(piece)
        if piece[2]:
            phrases.append([])
    offsets: list[int] = []
    used = 0  # cells on the current line

    def cells(start: int, end: int) -> int:
        return cell_len(text[start:end].rstrip())

    def new_line(at: int) -> None:
        nonlocal used
        if at > 0 and (not offsets or offsets[-1] != at):
            offsets.append(at)
        used = 0

    for phrase in filter(None, phrases):
        start, end = phrase[0][0], phrase[-1][1]
        if used * 2 >= width and used + cells(start, end) > width and cells(start, end) <= width:
            new_line(start)  # the whole phrase on the next line rather than split (the line half full at least)
        for piece_start, piece_end, _preferred in phrase:
            need = cells(piece_start, piece_end)
            if used and used + need > width:
                new_line(piece_start)
            if need <= width:
                used += cell_len(text[piece_start:piece_end])
                continue
            for index in range(piece_start, piece_end):  # wider than a line: folded
                char_cells = cell_len(text[index])
                if used and used + char_cells > width and not text[index].isspace():
                    new_line(index)
                used += char_cells
    return [offset for offset in offsets if 0 < offset < len(text)]


def wrap(text: str, width: int) -> list[str]:
    """The lines of `text` at `width` cells, trailing spaces dropped."""
    lines = []
    for line in text.split("\n"):
        bounds = [0, *break_offsets(line, width), len(line)]
        lines += [line[a:b].rstrip() for a, b in zip(bounds, bounds[1:])]
    return lines


def least_cells(text: str, cap: int = 44) -> int:
    """The narrowest width at which nothing but a piece wider than `cap` is folded."""
    widths = [cell_len(text[start:end].rstrip()) for start, end, _preferred in segments(text)]
    return min(max(widths + [1]), cap)


class WrappedText(Text):
    """A table cell that breaks as above, and says as its least width its widest unbroken piece."""

    def wrap(self, console, width, *, justify=None, overflow=None, tab_size=8, no_wrap=None):
        from rich.containers import Lines

        if no_wrap or (no_wrap is None and self.no_wrap) or overflow == "ignore":
            return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=no_wrap)
        lines = Lines()
        for line in self.split(allow_blank=True):
            parts = line.divide(break_offsets(line.plain, width))
            for part in parts:
                part.rstrip()
            parts.justify(console, width, justify=justify or self.justify or "default", overflow="fold")
            for part in parts:
                part.truncate(width, overflow="fold")
            lines.extend(parts)
        return lines

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        widest = max((cell_len(line) for line in self.plain.split("\n")), default=0)
        least = max((least_cells(line) for line in self.plain.split("\n")), default=0)
        return Measurement(min(least, widest), widest)
