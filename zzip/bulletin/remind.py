"""Reminders (催报/督办 notices): per unit with a report missing or late for a quarter, or an item
it leads or is responsible for overdue, a short notice listing exactly what is due, as Markdown and plain text, and as
an .eml draft when the plan's units.yaml gives the unit an `email`.

The notices come from the same check as the bulletin: C304 and C305 for the quarter's report,
zzip.overdue for the items. Their text is in the gettext catalogs (zzip/i18n.py); values from the
plan and reports are `printable`, and escaped for Markdown in the .md file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from zzip.check_context import CheckContext
from zzip.findings import printable
from zzip.months import Period
from zzip.overdue import SEVERELY_OVERDUE, due_items
from zzip.report import Report

# what Markdown (and the HTML it may carry) reads as markup anywhere in a line: values never start a line
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!&])")
_ADDRESS = re.compile(r"^[^\s@<>,;\"]+@[^\s@<>,;\"]+\.[^\s@<>,;\"]+$")


@dataclass
class DueLine:
    item_id: str
    ref: str
    kind: str
    title: str
    deadline: dt.date
    days: int
    severe: bool
    status: str | None
    cooperating: list[str]


@dataclass
class Notice:
    unit_id: str
    name: str
    email: str | None
    quarter: Period
    due: dt.date  # the quarter's report due date
    missing: bool = False
    late_days: int | None = None
    submitted: dt.date | None = None
    overdue: list[DueLine] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        """"chase" (催报: the report is missing) and/or "supervise" (督办: items overdue, or the report late)."""
        out = ["chase"] if self.missing else []
        if self.overdue or self.late_days is not None:
            out.append("supervise")
        return out


def notices(report: Report, context: CheckContext, quarter: Period) -> list[Notice]:
    """One notice per unit with something missing, late or overdue, by unit id."""
    plan = context.plan
    due = context.due_date(quarter)
    found: dict[str, Notice] = {}

    def notice(unit_id: str) -> Notice:
        if unit_id not in found:
            unit = plan.units.get(unit_id)
            email = unit.email.strip() if unit is not None and unit.email else None
            found[unit_id] = Notice(printable(unit_id), printable(plan.unit_name(unit_id)),
                                    email if email and _ADDRESS.match(email) else None, quarter, due)
        return found[unit_id]

    for finding in report.findings:
        if finding.unit is None or finding.extra.get("period") != str(quarter):
            continue
        if finding.code == "C304":
            notice(finding.unit).missing = True
        elif finding.code == "C305":
            n = notice(finding.unit)
            n.late_days = finding.extra.get("days_late")
            sub = context.by_unit_quarter.get((finding.unit, quarter))
            n.submitted = sub.submitted if sub else None
    overdue, _soon = due_items(context)
    for item in overdue:
        unit = plan.units.get(item.unit)
        if unit is None or unit.is_group:
            continue
        notice(item.unit).overdue.append(DueLine(
            printable(item.item_id), printable(item.ref), item.kind, printable(item.title), item.deadline, item.days,
            item.grade == SEVERELY_OVERDUE, item.status, [printable(plan.unit_name(u)) for u in item.cooperating]))
    return [found[key] for key in sorted(found)]


def markdown_escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _markdown_safe(notice: Notice) -> Notice:
    """The notice with every value from the plan escaped for Markdown."""
    from dataclasses import replace

    lines = [replace(d, item_id=markdown_escape(d.item_id), ref=markdown_escape(d.ref), title=markdown_escape(d.title),
                     cooperating=[markdown_escape(u) for u in d.cooperating]) for d in notice.overdue]
    return replace(notice, unit_id=markdown_escape(notice.unit_id), name=markdown_escape(notice.name), overdue=lines)


@lru_cache(maxsize=None)
def environment(lang: str):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from zzip.bulletin.html import TEMPLATES
    from zzip.i18n import Text, translations
    from zzip.labels import period_words

    def finalize(value):
        if value is None:
            return ""
        return printable(value) if isinstance(value, str) else str(value)

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=False, finalize=finalize,
                      extensions=["jinja2.ext.i18n"], undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.install_gettext_translations(translations(lang), newstyle=True)
    t = Text(lang)
    env.filters["prose_date"] = t.date
    env.filters["period_words"] = lambda period: period_words(period, lang)
    return env


def render(notice: Notice, lang: str, office: str, markdown: bool) -> str:
    from zzip.bulletin.html import labels
    from zzip.i18n import Text

    env = environment(lang)
    if markdown:
        notice, office = _markdown_safe(notice), markdown_escape(office)
    template = env.get_template("remind.md.j2" if markdown else "remind.txt.j2")
    return template.render(n=notice, labels=labels(Text(lang)), office=office).rstrip("\n") + "\n"


def subject(notice: Notice, lang: str) -> str:
    from zzip.i18n import Text
    from zzip.labels import period_words

    t = Text(lang)
    if notice.missing:
        return t("Reminder: the report of %(unit)s for %(quarter)s is missing", unit=notice.name,
                 quarter=period_words(notice.quarter, lang))
    return t("Supervision notice to %(unit)s: overdue work of the IP plan", unit=notice.name)


def eml(notice: Notice, lang: str, text: str, sender: str | None) -> bytes:
    """A draft e-mail to the unit's contact address (an .eml file any mail program opens)."""
    from email.message import EmailMessage
    from email.policy import SMTP, SMTPUTF8

    to, to_utf8 = mail_address(notice.email, display_name=False)
    frm, from_utf8 = mail_address(sender) if sender else (None, False)
    # An address is never MIME-encoded (=?utf-8?...?= inside an address is no address at all): a
    # Chinese domain goes out as IDNA (xn--...), which every mail program reads; a Chinese name
    # before the @ needs the UTF-8 headers of RFC 6532, so only then is the draft written with them.
    message = EmailMessage(policy=SMTPUTF8 if to_utf8 or from_utf8 else SMTP)
    message["To"] = to
    if frm is not None:
        message["From"] = frm
    message["Subject"] = printable(subject(notice, lang))
    message.set_content(text, charset="utf-8")
    return message.as_bytes()


def one_address(written: str) -> bool:
    """Whether --from names exactly one usable address ('ip@example.gov.cn' or
    'IP Office <ip@example.gov.cn>'), by the rule units.yaml's `email` follows."""
    from email.utils import getaddresses

    if not written.isprintable():  # C1 controls and line separators too, not only CR and LF
        return False
    found = getaddresses([written])
    # a display name is kept; one that holds an address ('a@b.cn (c@d.cn)') would read as another sender
    return len(found) == 1 and bool(_ADDRESS.match(found[0][1])) and "@" not in found[0][0]


def mail_address(written: str, display_name: bool = True):
    """The address as a mail header carries it (an email.headerregistry.Address; a display name
    such as 'IP Office <ip@example.gov.cn>' is kept and encoded by the mail policy), and whether it
    needs UTF-8 headers: the domain is spelled in IDNA (网信.中国 → xn--vuq696i.xn--fiqs8s) when it
    can be, the part before the @ as written."""
    from email.headerregistry import Address
    from email.utils import parseaddr

    # units.yaml's `email` is an address and nothing else: read as written ('ip:office@...' is not
    # a group syntax, 'a(b@...' not a comment); --from may carry a display name
    name, address = parseaddr(written) if display_name else ("", written)
    local, _, domain = (address or written).rpartition("@")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:  # not a domain IDNA can spell (an empty or over-long label): sent as written
        pass
    return Address(display_name=name, username=local, domain=domain), not (local + domain).isascii()
