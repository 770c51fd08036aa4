"""The state one template check shares between its parts, and how findings are written."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.core.findings import Finding, Severity
from assistant.core.i18n import has_text, localized, text
from assistant.core.templates.detect import blank, find_links
from assistant.core.templates.model import Parsed, TemplateVariable
from assistant.core.templates.rules import Context, TemplateRule, TemplateRules

SUBJECT = "template"


class Report:
    """One check of one template: its parts, the rules that apply, the findings so far."""

    def __init__(
        self,
        rules: TemplateRules,
        ctx: Context,
        parsed: Parsed,
        specs: Mapping[str, TemplateVariable],
        signature: str | None,
        lang: str,
        describe: bool = False,
    ) -> None:
        self.rules = rules
        self.describe = describe  # every variable needs its attribute (a case being prepared)
        self.ctx = ctx
        self.parsed = parsed
        self.text = parsed.text
        self.specs = specs
        self.signature = signature
        self.lang = lang
        self.links = find_links(parsed.masked)
        # the fixed text without links and variables: where words and symbols are looked for
        self.plain = blank(parsed.masked, [(link.start, link.end) for link in self.links])
        self.findings: list[Finding] = []
        kind = rules.kinds.get(ctx.kind or "")
        self.kind_name = localized(kind.name, lang) if kind else str(ctx.kind)

    @property
    def kind(self) -> str:
        return self.ctx.kind or ""

    def rule(self, rule_id: str) -> TemplateRule | None:
        return self.rules.rule(rule_id, self.ctx)

    def add(
        self,
        code: str,
        rule: TemplateRule | None = None,
        severity: Severity | str | None = None,
        fixed: str | None = None,
        key: str | None = None,
        **params: Any,
    ) -> None:
        """A finding ``code``; its severity is ``severity`` or the rule's (error by default).
        Its message is the text ``key`` (default: the code) and ``key.fix``."""
        sev = severity or (rule.severity if rule else None) or Severity.ERROR
        params.setdefault("kind", self.kind_name)
        params.setdefault("text", self.text)
        key = key or code
        fix_key = f"{key}.fix"
        fix = text(fix_key, self.lang, fixed=fixed or "", **params) if has_text(fix_key) else None
        self.findings.append(
            Finding(
                severity=Severity(sev),
                code=code,
                message=text(key, self.lang, **params),
                fix=fix,
                subject=SUBJECT,
                source=rule.source if rule else None,
                fixed_value=fixed if fixed is not None and fixed != self.text else None,
            )
        )

    def has(self, code: str) -> bool:
        return any(f.code == code for f in self.findings)


def listed(items: list[str] | tuple[str, ...], lang: str) -> str:
    """Items as one quoted, comma-separated string in the user's language."""
    sep = "、" if lang.startswith("zh") else ", "
    return sep.join(f"“{i}”" for i in items)
