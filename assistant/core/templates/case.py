"""The case's templates (``Case.templates``) seen by the template checks: the checks of one
template in its case, the case-level checks (signatures, scene, names, counts), and what the
bundle's README says about them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from assistant.core.findings import Finding, Severity
from assistant.core.i18n import localized, text
from assistant.core.model import Case
from assistant.core.model.fileformat import finding
from assistant.core.model.templates import Template
from assistant.core.templates import TemplateVariable, check_template, preview, template_rules
from assistant.core.templates.rules import Context

AREA = "templates"


def specs(template: Template) -> list[TemplateVariable]:
    """What the user said about the template's variables, as the checks take it."""
    return [
        TemplateVariable(
            name=v.name,
            attribute=v.attribute or None,
            max_length=v.max_length,
            example=v.example or None,
            description=v.description or None,
        )
        for v in template.variables
        if isinstance(v.name, str) and v.name
    ]


def signature(template: Template, case: Case) -> str | None:
    """The signature name the template goes out with (its first tied name, else the case's)."""
    names = [n.strip() for n in template.signatures if isinstance(n, str) and n.strip()]
    names = names or [n.strip() for n in case.signature_names if n.strip()]
    return names[0] if names else None


def template_name(template: Template, index: int, lang: str = "zh") -> str:
    """The template's console name: the user's, else the kind's name and its number."""
    if template.name.strip():
        return template.name.strip()
    kind = _KIND_ZH.get(template.kind, template.kind)
    return f"{kind}{index}" if lang == "zh" else f"{template.kind}-{index}"


_KIND_ZH = {"verification": "验证码短信", "notification": "通知短信", "marketing": "营销短信"}


def check_one(case: Case, template: Template, region: str | None, lang: str) -> list[Finding]:
    """The template checks of one template in ``case`` (its signature, account, purpose)."""
    return check_template(
        template.text,
        case.provider,
        template.kind,
        signature=signature(template, case),
        variables=specs(template),
        region=region,
        account=case.account,
        purpose=case.purpose,
        lang=lang,
        describe=True,
    )


def _finding(code: str, lang: str, subject: str, severity: Severity, **params: Any) -> Finding:
    return finding(severity, code, lang, subject, **params)


def _template_findings(case: Case, t: Template, i: int, lang: str) -> Iterable[Finding]:
    subject = f"templates[{i}]"
    names = {n.strip() for n in case.signature_names if n.strip()}
    unknown = [n for n in t.signatures if n.strip() and n.strip() not in names]
    if unknown:
        yield _finding(
            "template.case.signature_unknown",
            lang,
            subject,
            Severity.ERROR,
            names="、".join(unknown),
        )
    if not t.scene.strip() and not t.scene_link.strip():
        yield _finding("template.case.scene_missing", lang, subject, Severity.WARNING)
    rules = template_rules(case.provider)
    limit = rules.rule("limits.name_max_chars", Context(kind=t.kind))
    if limit and limit.value is not None and len(t.name.strip()) > limit.value:
        yield _finding(
            "template.case.name_too_long", lang, subject, Severity.ERROR, max=limit.value
        )
    for v in t.variables:
        if case.provider == "huawei" and v.attribute == "TEXT" and not v.description.strip():
            yield _finding(
                "template.case.description_missing", lang, subject, Severity.WARNING, name=v.name
            )


def _count_findings(case: Case, lang: str) -> Iterable[Finding]:
    rules = template_rules(case.provider)
    count = len(case.templates)
    ctx = Context()
    for rule_id, severity in (
        ("limits.max_templates", Severity.ERROR),
        ("limits.max_per_day", Severity.WARNING),
    ):
        rule = rules.rule(rule_id, ctx)
        if rule and rule.value is not None and count > rule.value:
            code = "template.case." + rule_id.split(".", 1)[1]
            yield _finding(code, lang, "templates", severity, count=count, max=rule.value)
    seen: dict[tuple[str, str], int] = {}
    for i, t in enumerate(case.templates):
        key = (t.kind, t.text.strip())
        if key in seen and key[1]:
            yield _finding(
                "template.case.duplicate",
                lang,
                f"templates[{i}]",
                Severity.WARNING,
                first=seen[key] + 1,
            )
        seen.setdefault(key, i)


def check_case_templates(case: Case, region: str | None, lang: str) -> list[Finding]:
    """Every finding on the case's templates; each about ``templates[i]`` (or ``templates``)."""
    out: list[Finding] = []
    for i, t in enumerate(case.templates):
        subject = f"templates[{i}]"
        out.extend(replace(f, subject=subject) for f in check_one(case, t, region, lang))
        out.extend(_template_findings(case, t, i, lang))
    out.extend(_count_findings(case, lang))
    return out


def readme_lines(case: Case, region: str | None, lang: str) -> list[str]:
    """The README step that lists the templates to apply for (empty without templates)."""
    if not case.templates:
        return []
    rules = template_rules(case.provider)
    lines = [text("template.readme.step", lang, count=len(case.templates))]
    for i, t in enumerate(case.templates, 1):
        kind = rules.kinds.get(t.kind)
        kind_name = localized(kind.name, lang) if kind else t.kind
        p = preview(t.text, case.provider, t.kind, signature=signature(t, case), region=region)
        lines.append(
            text(
                "template.readme.line",
                lang,
                n=i,
                name=template_name(t, i, lang),
                kind=kind_name,
                text=t.text,
                length=p.length,
                parts=p.segments,
            )
        )
    return lines


# --------------------------------------------------------------------------------------- payloads
def template_remark(case: Case, template: Template, region: str | None, limit: int = 0) -> str:
    """The remark for the reviewer (in Chinese): the scene, its link and a complete example of
    the message with real values (what the providers ask for); at most ``limit`` characters."""
    example = preview(
        template.text,
        case.provider,
        template.kind,
        signature=signature(template, case),
        variables=specs(template),
        region=region,
    ).text
    parts = [template.scene.strip(), template.scene_link.strip(), f"示例：{example}"]
    remark = "；".join(p for p in parts if p)
    return remark[:limit] if limit else remark


def variable_names(case: Case, template: Template) -> list[str]:
    """The template's variable names, each once, in the order they appear."""
    from assistant.core.templates.syntax import parse

    parsed = parse(template.text, template_rules(case.provider).syntax)
    return list(dict.fromkeys(v.name for v in parsed.variables if v.name))


def template_findings(case: Case, index: int, region: str | None, lang: str) -> list[Finding]:
    """What the wizard shows under template ``index``: its checks and its case-level findings."""
    t = case.templates[index]
    return [*check_one(case, t, region, lang), *_template_findings(case, t, index, lang)]
