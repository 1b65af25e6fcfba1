"""Typer's and Click's own words (Usage:, Options:, [default: ...], "Show this message and exit.",
"No such option: ...") in the language of the run.

Typer translates a few of its words through gettext (typer.core's `_`): those calls are pointed at
zzip's catalog. The Click that Typer ships prints the rest as fixed English, so zzip's command
classes translate the help page and usage line they build, and in Chinese a usage error becomes
one line (`zzip: 错误：...`) like zzip's own errors. Every word here is an msgid of zzip's catalog;
tests/test_cli_lang.py checks that each still occurs in the installed Typer, so an upgrade that
rewords one is noticed. In English nothing changes.
"""

from __future__ import annotations

import re

import typer.core

from zzip.i18n import N_, _, language

# Typer's gettext words (typer/core.py), translated as they are asked for.
TYPER_WORDS = (N_("Arguments"), N_("Options"), N_("Commands"), N_("default: {default}"), N_("required"),
               N_("env var: {var}"), N_("(dynamic)"), N_("Aborted!"), N_("Missing command."),
               N_("No such command {name!r}."))

# Fixed English of Click's help page, whole lines or phrases, as it prints them.
HELP_WORDS = (N_("Usage:"), N_("Show this message and exit."), N_("Install completion for the current shell."),
              N_("Show completion for the current shell, to copy it or customize the installation."))

# Click's usage errors: (pattern, message). Named groups become the placeholders.
ERRORS = (
    (r"No such option: (?P<option>\S+) \(Possible options: (?P<possible>.*)\)",
     N_("No such option: %(option)s (possible options: %(possible)s)")),
    (r"No such option: (?P<option>\S+)", N_("No such option: %(option)s")),
    (r"Missing option '(?P<option>[^']*)'.*", N_("Missing option '%(option)s'.")),
    (r"Missing argument '(?P<argument>[^']*)'.*", N_("Missing argument '%(argument)s'.")),
    (r"Option '(?P<option>[^']*)' requires an argument\.", N_("Option '%(option)s' requires an argument.")),
    (r"Option '(?P<option>[^']*)' does not take a value\.", N_("Option '%(option)s' does not take a value.")),
    (r"Got unexpected extra arguments?(?:\(s\))? \((?P<arguments>.*)\)", N_("Got unexpected extra arguments (%(arguments)s)")),
    (r"Invalid value for (?P<option>.*?): (?P<problem>.*)", N_("Invalid value for %(option)s: %(problem)s")),
    # Typer appends its suggestion to its own (already translated) sentence
    (r"(?P<message>.+?)\.? Did you mean (?P<guess>.*)\?", N_("%(message)s Did you mean %(guess)s?")),
    (r"No such command '(?P<command>[^']*)'\.", N_("No such command '%(command)s'.")),
    (r"Missing command\.", N_("Missing command.")),
)


# What is wrong with a value (Click's words, or pydantic's, which Typer 0.29 passes on).
PROBLEMS = (
    (r"(?:Value error, )?(?P<value>'.*') is not one of (?P<choices>.*?)\.?", N_("%(value)s is not one of %(choices)s")),
    (r"Input should be a valid integer.*", N_("a whole number is expected")),
    (r"'.*' is not a valid (?:int|integer)(?: range)?\.?", N_("a whole number is expected")),  # Click's own words
    (r"Input should be less than or equal to (?P<limit>\S+)", N_("at most %(limit)s")),
    (r"Input should be greater than or equal to (?P<limit>\S+)", N_("at least %(limit)s")),
)


def _typer_gettext(message: str) -> str:
    return _(message)


def localise_help(text: str) -> str:
    """A help page or usage line Click built, with its fixed English words translated."""
    if language() == "en":
        return text
    usage = _("Usage:")
    usage += "" if usage.endswith("：") else " "  # a full-width colon is its own space
    return re.sub(r"^Usage: ", lambda _m: usage, text, flags=re.M)


def _localise_params(params: list) -> list:
    """The help of Click's --help and Typer's completion options, translated before it is wrapped."""
    for param in params:
        if getattr(param, "help", None) in HELP_WORDS:
            param.help = _(param.help)
    return params


def localise_error(message: str, table=ERRORS) -> str:
    for pattern, msgid in table:
        found = re.fullmatch(pattern, message, flags=re.S)
        if found:
            values = {k: v for k, v in found.groupdict().items() if v is not None and f"%({k})s" in msgid}
            if "problem" in values:
                values["problem"] = localise_error(values["problem"], PROBLEMS)
            return _(msgid, **values)
    return message


# --- wrapping Chinese help at the terminal's width --------------------------------------------
# Click wraps help by counting characters; a Chinese character takes two columns, so its lines
# would run to twice the width. In Chinese, help is wrapped by display width, breaking between
# any two Chinese characters (never before closing punctuation) and between Latin words.

_CLOSING = "，。、；：？！）》」』】”’…%％"
_OPENING = "[(（《「『【“‘"
_TOKEN = re.compile(r"[\x21-\x7e]+ *|\s+|.")


def display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _tokens(paragraph: str) -> list[str]:
    tokens: list[str] = []
    for token in _TOKEN.findall(" ".join(paragraph.split())):
        if tokens and (token[0] in _CLOSING or tokens[-1] in _OPENING):  # keep 。 and [ with their word
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def wrap_display(text: str, width: int, indent: str = "") -> list[str]:
    """`text`'s paragraphs (split at blank lines) filled to `width` columns, each line indented."""
    lines: list[str] = []
    for number, paragraph in enumerate(p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()):
        if number:
            lines.append("")
        line = ""
        for token in _tokens(paragraph):
            if line and display_width(indent + line + token.rstrip()) > width:
                lines.append(indent + line.rstrip())
                line = token.lstrip()
            else:
                line += token
        if line.strip():
            lines.append(indent + line.rstrip())
    return lines


def _chinese_formatter(base):
    """A formatter of the class Click made (`base`), wrapping by display width."""

    class ChineseHelpFormatter(type(base)):
        def write_text(self, text: str) -> None:
            self.write("\n".join(wrap_display(text, self.width, " " * self.current_indent)) + "\n")

        def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
            rows = list(rows)
            first_col = min(max((display_width(first) for first, _second in rows), default=0), col_max) + col_spacing
            for first, second in rows:
                self.write(f"{'':>{self.current_indent}}{first}")
                if not second:
                    self.write("\n")
                    continue
                if display_width(first) <= first_col - col_spacing:
                    self.write(" " * (first_col - display_width(first)))
                else:
                    self.write("\n" + " " * (first_col + self.current_indent))
                lines = wrap_display(second, max(self.width - first_col - self.current_indent, 10)) or [""]
                self.write(lines[0] + "\n")
                for line in lines[1:]:
                    self.write((" " * (first_col + self.current_indent) + line).rstrip() + "\n")

    return ChineseHelpFormatter(width=base.width, max_width=base.width)


def _help_page(command, ctx) -> str:
    formatter = ctx.make_formatter()
    if language() != "en":
        formatter = _chinese_formatter(formatter)
    command.format_help(ctx, formatter)
    return localise_help(formatter.getvalue().rstrip("\n"))


def _usage_error_class():
    from typer.core import _click

    return _click.exceptions.UsageError, _click.exceptions.NoArgsIsHelpError


class _LocalisedHelp:
    """Help page, usage line and option help in the run's language (mixed into Typer's classes)."""

    def get_params(self, ctx) -> list:
        return _localise_params(super().get_params(ctx))

    def get_help(self, ctx) -> str:
        return _help_page(self, ctx)

    def get_usage(self, ctx) -> str:
        return localise_help(super().get_usage(ctx))


class ZzipCommand(_LocalisedHelp, typer.core.TyperCommand):
    pass


class ZzipGroup(_LocalisedHelp, typer.core.TyperGroup):
    """The root and `zzip plan`: their help localised; in Chinese a usage error anywhere below the
    root is one translated line naming where to find help, exit 2."""

    def make_context(self, *args, **kwargs):
        with _one_line_usage_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with _one_line_usage_errors():
            return super().invoke(ctx)


class _one_line_usage_errors:
    def __enter__(self):
        return self

    def __exit__(self, kind, error, _traceback):
        usage_error, no_args = _usage_error_class()
        if error is None or language() == "en" or not isinstance(error, usage_error) or isinstance(error, no_args):
            return False
        import sys

        from zzip.findings import printable

        where = error.ctx.command_path if error.ctx is not None else "zzip"
        sys.stderr.write(_("zzip: error: %(error)s", error=printable(localise_error(error.format_message())))
                         + _(" (see '%(command)s --help')", command=where) + "\n")
        raise typer.Exit(2) from None


def localise(app: typer.Typer) -> None:
    """Give the app, its commands and its sub-apps zzip's command classes, and Typer's gettext
    words zzip's catalog. Called once, when the command line is built."""
    if getattr(typer.core, "_", None) is not None:
        typer.core._ = _typer_gettext
    if app.info.cls in (None, typer.core.TyperGroup) or not isinstance(app.info.cls, type):
        app.info.cls = ZzipGroup
    for command in app.registered_commands:
        if command.cls in (None, typer.core.TyperCommand):  # Typer fills in its own class
            command.cls = ZzipCommand
    for group in app.registered_groups:
        if group.typer_instance is not None:
            localise(group.typer_instance)
