"""Which words name rules: `--select`, `--ignore` and the rule keys of zzip.toml are checked here,
so that a misspelt rule is an error instead of a selection that silently turns every check off.

A key is "ALL", a rule code (C306, any case), a prefix at least one code starts with (C3, s), or
a rule name (indicator-behind). A fatal rule (F001: the file could not be read) can never be
turned off or given a lower severity: its checks did not run, so silence would be a false pass.
"""

from __future__ import annotations


from zzip.i18n import _
from zzip.rules import Rule, all_rules, find_rule


def is_all(key: str) -> bool:
    return key.strip().upper() == "ALL"


def key_problem(key: str, turning_off: bool = False) -> str | None:
    """What is wrong with one selection key, or None if it names rules."""
    text = key.strip()
    if not text:
        return _("an empty rule key names no rule; use \"ALL\" for every rule")
    if is_all(text):
        return None
    rule = find_rule(text)
    if rule is not None:
        return fatal_problem(rule) if turning_off and rule.fatal else None
    if any(r.code.upper().startswith(text.upper()) for r in all_rules()):
        return None
    return unknown(text)


def severity_problem(code: str, level: str | None) -> str | None:
    """What is wrong with `[severity] CODE = level`: severities are set per code, written as
    `zzip rules` lists it, never per prefix or name (the level itself is the schema's to judge;
    None: not text)."""
    rule = find_rule(code)
    if rule is None:
        prefix = code.strip().upper()
        first = next((r.code for r in all_rules() if prefix and r.code.startswith(prefix)), None)
        if first is not None:  # C3 selects rules (key_problem), but unknown() would suggest C3 itself
            return _("'%(key)s': a severity is set for one rule, not for a prefix: write each code, such as "
                     "%(code)s", key=code, code=first)
        return unknown(code)
    if code != rule.code:  # c301, " C301", a rule's name: one message, not the schema's pattern
        return _("'%(key)s': write the rule's code as 'zzip rules' lists it: %(code)s", key=code, code=rule.code)
    if rule.fatal and level is not None and level.strip().lower() != str(rule.severity):
        return _("%(code)s (%(name)s) is always an error: an unreadable file is never silenced", code=rule.code,
                 name=rule.name)
    return None


def fatal_problem(rule: Rule) -> str:
    return _("%(code)s (%(name)s) cannot be turned off: an unreadable file is never silenced", code=rule.code,
             name=rule.name)


_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def suggestion(key: str) -> str | None:
    """The rule most likely meant: a code with a letter O for a zero first, then the closest code or name."""
    rules, text = all_rules(), key.strip()
    codes = [r.code for r in rules]
    digits = text[:1].upper() + text[1:].upper().translate(_LOOKALIKE_DIGITS)
    if digits in codes or any(code.startswith(digits) for code in codes):
        return digits
    import difflib  # only for a key that is no rule's

    guess = (difflib.get_close_matches(text.upper(), codes, n=1)
             or difflib.get_close_matches(text.lower(), [r.name for r in rules], n=1))
    return guess[0] if guess else None


def unknown(key: str) -> str:
    guess = suggestion(key)
    if guess:
        return _("unknown rule '%(key)s'; did you mean '%(guess)s'?", key=key, guess=guess)
    return _("unknown rule '%(key)s'; run 'zzip rules' to list the rules", key=key)


def option_problems(select: list[str] | None, ignore: list[str] | None) -> list[str]:
    """One line per bad key of --select and --ignore, each naming its option."""
    from zzip.engine import split_keys

    lines = []
    for option, values, turning_off in (("--select", select, False), ("--ignore", ignore, True)):
        if values and not split_keys(values):
            lines.append(_("%(option)s: %(problem)s", option=option, problem=key_problem("")))
        for key in sorted(split_keys(values)):
            problem = key_problem(key, turning_off)
            if problem:
                lines.append(_("%(option)s: %(problem)s", option=option, problem=problem))
    return lines
