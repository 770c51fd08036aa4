"""How long a message is and how many SMS it is sent as: 【signature】 + fixed text + the
longest value each variable may carry. One SMS holds 70 characters; a longer message is split
into parts of 67 (the rest of each part carries the joining header). Every character counts 1,
Chinese or Latin, full- or half-width, punctuation and spaces alike (the providers' rule); a
character outside the Basic Multilingual Plane (an emoji) takes two, as it does on the air."""

from __future__ import annotations

from collections.abc import Mapping

from assistant.core.templates.model import Parsed, TemplateVariable, Variable
from assistant.core.templates.rules import Context, TemplateRules
from assistant.core.templates.syntax import huawei_legacy_length

SINGLE_SMS = 70
PART_SMS = 67
_FALLBACK_LENGTH = 20
# Huawei ${DATE} is yyyy/MM/dd, ${TIME} HH:mm:ss.
_FIXED_LENGTHS = {"DATE": 10, "TIME": 8}
_SAMPLES = {
    "numberCaptcha": "123456",
    "characterWithNumber2": "A1B2C3",
    "phone_number2": "4001234567",
    "PHONE": "4001234567",
    "time": "2026-12-01",
    "DATETIME": "2026-12-01",
    "DATE": "2026/12/01",
    "TIME": "10:00:00",
    "money": "99.00",
    "MONEY": "99.00",
    "name": "张三",
    "other_number2": "A20261201",
    "CHARDIGIT": "A20261201",
}


def sms_length(value: str) -> int:
    """Characters as an SMS counts them (UTF-16 code units)."""
    return len(value.encode("utf-16-le", "surrogatepass")) // 2


def segments(length: int) -> int:
    """Number of SMS a message of ``length`` characters is sent (and billed) as."""
    if length <= 0:
        return 0
    if length <= SINGLE_SMS:
        return 1
    return -(-length // PART_SMS)


def signature_part(signature: str | None) -> str:
    return f"【{signature.strip()}】" if signature and signature.strip() else ""


def _attribute_of(v: Variable, spec: TemplateVariable | None, rules: TemplateRules) -> str | None:
    if spec and spec.attribute:
        return spec.attribute
    if rules.syntax == "huawei" and v.name in rules.attributes:
        return v.name  # ${PHONE}, ${TEXT} …: the name is the type
    return None


def is_code_variable(v: Variable, spec: TemplateVariable | None, rules: TemplateRules) -> bool:
    """Whether ``v`` is the verification code of a verification template (best guess)."""
    attr = _attribute_of(v, spec, rules)
    if attr is not None:
        attribute = rules.attributes.get(attr)
        return bool(attribute and attribute.kinds == ("verification",)) or attr == "CHARDIGIT"
    legacy = huawei_legacy_length(v.name)
    return legacy is None or legacy[0] == "NUM"


def longest(v: Variable, spec: TemplateVariable | None, rules: TemplateRules, ctx: Context) -> int:
    """The longest value ``v`` may carry: declared, from its attribute, from its Huawei name,
    the verification code's limit, or the provider's default."""
    if spec and spec.max_length:
        return max(0, int(spec.max_length))
    attr = _attribute_of(v, spec, rules)
    if attr is not None and attr in rules.attributes:
        return rules.attributes[attr].max_length
    legacy = huawei_legacy_length(v.name)
    if legacy:
        return legacy[1]
    if v.name in _FIXED_LENGTHS and rules.syntax == "huawei":
        return _FIXED_LENGTHS[v.name]
    if ctx.kind == "verification":
        code = rules.rule("verification.code_length", ctx)
        if code and code.range:
            return code.range[1]
    default = rules.rule("variables.default_value_length", ctx)
    return default.value if default and default.value else _FALLBACK_LENGTH


def example(v: Variable, spec: TemplateVariable | None, rules: TemplateRules, ctx: Context) -> str:
    """A value to show in the preview: the user's example, else a typical one."""
    if spec and spec.example:
        return spec.example
    attr = _attribute_of(v, spec, rules) or v.name
    sample = _SAMPLES.get(attr)
    if sample is None:
        legacy = huawei_legacy_length(v.name)
        numeric = ctx.kind == "verification" or (legacy is not None and legacy[0] == "NUM")
        sample = "123456" if numeric else "示例"
    return sample[: longest(v, spec, rules, ctx)] or sample[:1]


def message_length(
    parsed: Parsed,
    rules: TemplateRules,
    ctx: Context,
    signature: str | None,
    specs: Mapping[str, TemplateVariable],
) -> int:
    """Characters of the longest message: signature, fixed text, every variable at its longest."""
    total = sms_length(signature_part(signature)) + sms_length(parsed.fixed)
    return total + sum(longest(v, specs.get(v.name), rules, ctx) for v in parsed.variables)


def preview_text(
    parsed: Parsed,
    rules: TemplateRules,
    ctx: Context,
    signature: str | None,
    specs: Mapping[str, TemplateVariable],
) -> str:
    """The message as a phone shows it: 【signature】 and the text with example values."""
    out, last = [signature_part(signature)], 0
    for v in parsed.variables:
        out.append(parsed.text[last : v.start])
        out.append(example(v, specs.get(v.name), rules, ctx))
        last = v.end
    out.append(parsed.text[last:])
    return "".join(out)
