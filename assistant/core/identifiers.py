"""Offline checks of identifiers and remark fields: credit codes, organization codes, ICP filing
numbers, domains, links, landlines, trademark numbers. Every check returns findings, never raises.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import SplitResult, urlsplit

from assistant.core.findings import Finding, Severity
from assistant.core.i18n import has_text, text

# GB 32100-2015: registration authority (1-9, A-G, N, Y), organization category, 6-digit division,
# 9-character organization code (GB 11714), check character over the first 17.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_RE = re.compile(r"^[1-9A-GNY][1-9A-Z][0-9]{6}[0-9A-HJ-NP-RTUW-Y]{9}[0-9A-HJ-NP-RTUW-Y]$")
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ICP_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_ICP_RE = re.compile(rf"^[{_ICP_PROVINCES}]ICP(备|证)(\d{{4,12}})号(-(\d{{1,3}})([A-Z])?)?$")
_LANDLINE_RE = re.compile(r"^(0\d{2,3})-?([1-9]\d{6,7})(-\d{1,6})?$")
_MOBILE_RE = re.compile(r"^(\+?86)?1[3-9]\d{9}$")
_SERVICE_RE = re.compile(r"^(400|800)-?\d{3}-?\d{4}$")
_TRADEMARK_RE = re.compile(r"^\d{1,9}$")

# App stores and markets whose pages show the developer (seed 003: download or beta links cannot
# be verified; seed 002: the download URL must contain the developer information).
APP_STORE_HOSTS = (
    "apps.apple.com",
    "itunes.apple.com",
    "appgallery.huawei.com",
    "appgallery.cloud.huawei.com",
    "app.mi.com",
    "sj.qq.com",
    "android.myapp.com",
    "app.hicloud.com",
    "h5coml.vivo.com.cn",
    "app.vivo.com.cn",
    "store.oppomobile.com",
    "app.meizu.com",
    "shouji.baidu.com",
    "zhushou.360.cn",
    "m.app.so.com",
    "www.wandoujia.com",
    "play.google.com",
)
BETA_HOSTS = (
    "fir.im",
    "betaqr.com",
    "pgyer.com",
    "www.pgyer.com",
    "testflight.apple.com",
    "d.firim.pro",
)


def _finding(
    code: str,
    severity: Severity,
    lang: str,
    subject: str | None,
    fixed: str | None = None,
    **params: Any,
) -> Finding:
    fix_key = f"{code}.fix"
    return Finding(
        severity=severity,
        code=code,
        message=text(code, lang, fixed=fixed or "", **params),
        fix=text(fix_key, lang, fixed=fixed or "", **params) if has_text(fix_key) else None,
        subject=subject,
        fixed_value=fixed,
    )


def _clean(value: Any) -> str:
    if not isinstance(value, str):
        value = "" if value is None else str(value)
    value = "".join(ch for ch in value if unicodedata.category(ch) not in ("Cf", "Cc"))
    return unicodedata.normalize("NFKC", value).strip()


# --------------------------------------------------------------------------- organization codes
def org_code_check_char(first8: str) -> str | None:
    """GB 11714 check character of an 8-character organization code body, or None if invalid."""
    if len(first8) != 8 or not all(c.isdigit() or "A" <= c <= "Z" for c in first8):
        return None
    total = sum(
        w * (int(c) if c.isdigit() else ord(c) - 55)
        for w, c in zip(_ORG_WEIGHTS, first8, strict=True)
    )
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def uscc_check_char(first17: str) -> str | None:
    """GB 32100-2015 check character over the first 17 characters, or None if invalid."""
    if len(first17) != 17 or any(c not in _USCC_ALPHABET for c in first17):
        return None
    from stdnum.cn import uscc

    return str(uscc.calc_check_digit(first17))


def check_credit_code(
    value: Any, lang: str = "en", subject: str | None = "credit_code"
) -> list[Finding]:
    """Unified social credit code (统一社会信用代码), GB 32100-2015."""
    raw = _clean(value)
    code = re.sub(r"[\s-]", "", raw).upper()
    if not code:
        return [_finding("id.credit_code.empty", Severity.ERROR, lang, subject)]
    findings: list[Finding] = []
    if code != raw:
        findings.append(
            _finding("id.credit_code.normalized", Severity.INFO, lang, subject, fixed=code)
        )
    if len(code) != 18:
        return [
            *findings,
            _finding("id.credit_code.length", Severity.ERROR, lang, subject, count=len(code)),
        ]
    bad = [c for c in code if c not in _USCC_ALPHABET]
    if bad:
        return [
            *findings,
            _finding(
                "id.credit_code.chars",
                Severity.ERROR,
                lang,
                subject,
                chars=", ".join(dict.fromkeys(bad)),
            ),
        ]
    if not _USCC_RE.match(code):
        return [*findings, _finding("id.credit_code.format", Severity.ERROR, lang, subject)]
    expected = uscc_check_char(code[:17])
    if expected != code[17]:
        return [
            *findings,
            _finding(
                "id.credit_code.checksum",
                Severity.ERROR,
                lang,
                subject,
                expected=expected,
                got=code[17],
            ),
        ]
    org_expected = org_code_check_char(code[8:16])
    if org_expected is not None and org_expected != code[16]:
        findings.append(_finding("id.credit_code.org_part", Severity.WARNING, lang, subject))
    return findings


# GB 32100-2015: registration authority (1st character) and organization category (2nd) -> the
# entity type the owner checks know (assistant/core/owner.py ENTITY_TYPES).
_CATEGORIES = {
    "11": "government",
    "12": "public_institution",
    "13": "social_organization",
    "51": "social_organization",
    "52": "social_organization",
    "53": "social_organization",
    "91": "enterprise",
    "92": "individual_business",
    "93": "farmers_cooperative",
    "A1": "public_institution",
}


def credit_code_category(value: Any) -> str | None:
    """The entity type a unified social credit code's registration category says (92…: an
    individual business, 91…: an enterprise, 12…: a public institution …), or None."""
    code = re.sub(r"[\s-]", "", _clean(value)).upper()
    if len(code) != 18 or not _USCC_RE.match(code):
        return None
    return _CATEGORIES.get(code[:2])


def check_org_code(value: Any, lang: str = "en", subject: str | None = "org_code") -> list[Finding]:
    """Organization code (组织机构代码), GB 11714: 8 characters and a check character."""
    code = re.sub(r"[\s-]", "", _clean(value)).upper()
    if not code:
        return [_finding("id.org_code.empty", Severity.ERROR, lang, subject)]
    if len(code) == 18:
        return [
            _finding("id.org_code.is_credit_code", Severity.INFO, lang, subject),
            *check_credit_code(code, lang, subject),
        ]
    if (
        len(code) != 9
        or org_code_check_char(code[:8]) is None
        or not (code[8].isdigit() or code[8] == "X")
    ):
        return [_finding("id.org_code.format", Severity.ERROR, lang, subject, count=len(code))]
    expected = org_code_check_char(code[:8])
    if expected != code[8]:
        return [
            _finding(
                "id.org_code.checksum",
                Severity.ERROR,
                lang,
                subject,
                expected=expected,
                got=code[8],
            )
        ]
    return []


# --------------------------------------------------------------------------- ICP, domains, links
def check_icp_number(
    value: Any, lang: str = "en", subject: str | None = "icp_number"
) -> list[Finding]:
    """ICP filing number such as 京ICP备12345678号, 京ICP备12345678号-1, app filing 粤ICP备…号-2A."""
    number = _clean(value).replace(" ", "")
    if not number:
        return [_finding("id.icp.empty", Severity.ERROR, lang, subject)]
    m = _ICP_RE.match(number.replace("icp", "ICP"))
    if not m:
        return [_finding("id.icp.format", Severity.ERROR, lang, subject)]
    findings = []
    if m.group(1) == "证":
        findings.append(_finding("id.icp.license", Severity.INFO, lang, subject))
    return findings


def _split(url: str) -> SplitResult | None:
    """``urlsplit`` that answers None where it would raise (``[/`` and other broken netlocs)."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - parsing the netloc may raise too
    except ValueError:
        return None
    return parts


def _host_is_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _domain_valid(host: str) -> bool:
    import validators

    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return bool(validators.domain(ascii_host))


def check_domain(value: Any, lang: str = "en", subject: str | None = "domain") -> list[Finding]:
    """An ICP-filed domain name (the website remark): a bare domain, not a URL or an IP address."""
    raw = _clean(value)
    if not raw:
        return [_finding("id.domain.empty", Severity.ERROR, lang, subject)]
    findings: list[Finding] = []
    host = raw
    if "://" in raw or "/" in raw:
        parts = _split(raw if "://" in raw else f"http://{raw}")
        host = (parts.hostname or "") if parts else ""
        if host:
            findings.append(
                _finding("id.domain.url_given", Severity.WARNING, lang, subject, fixed=host)
            )
    host = host.rstrip(".").lower()
    ip = _host_is_ip(host)
    if ip is not None:
        return [*findings, _finding("id.domain.ip", Severity.ERROR, lang, subject, host=host)]
    if not _domain_valid(host):
        return [
            *findings,
            _finding("id.domain.invalid", Severity.ERROR, lang, subject, host=host or raw),
        ]
    return findings


def check_url(value: Any, lang: str = "en", subject: str | None = "url") -> list[Finding]:
    """A public web link (http or https)."""
    raw = _clean(value)
    if not raw:
        return [_finding("id.url.empty", Severity.ERROR, lang, subject)]
    if "://" not in raw:
        fixed = f"https://{raw}"
        findings = check_url(fixed, lang, subject)
        if findings and findings[0].severity is Severity.ERROR:
            return [_finding("id.url.invalid", Severity.ERROR, lang, subject, url=raw)]
        return [
            _finding("id.url.no_scheme", Severity.WARNING, lang, subject, fixed=fixed),
            *findings,
        ]
    parts = _split(raw)
    host = ((parts.hostname or "") if parts else "").lower()
    if parts is None or parts.scheme not in ("http", "https") or not host:
        return [_finding("id.url.invalid", Severity.ERROR, lang, subject, url=raw)]
    ip = _host_is_ip(host)
    if ip is not None:
        severity = (
            Severity.ERROR
            if (ip.is_private or ip.is_loopback or ip.is_link_local)
            else Severity.WARNING
        )
        return [_finding("id.url.ip", severity, lang, subject, host=host)]
    if not _domain_valid(host):
        return [_finding("id.url.invalid", Severity.ERROR, lang, subject, url=raw)]
    return []


def _host_matches(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def check_app_store_link(
    value: Any, lang: str = "en", subject: str | None = "app_store_link"
) -> list[Finding]:
    """The app's page in an app store: a public link that shows the developer."""
    findings = check_url(value, lang, subject)
    if any(f.severity is Severity.ERROR for f in findings):
        return findings
    raw = _clean(value)
    url = raw if "://" in raw else f"https://{raw}"
    parts = _split(url)
    if parts is None:
        return [_finding("id.url.invalid", Severity.ERROR, lang, subject, url=raw)]
    host = (parts.hostname or "").lower()
    if _host_matches(host, BETA_HOSTS) or parts.path.lower().endswith((".apk", ".ipa")):
        findings.append(_finding("id.app_link.download", Severity.ERROR, lang, subject, host=host))
    elif not _host_matches(host, APP_STORE_HOSTS):
        findings.append(
            _finding("id.app_link.unknown_store", Severity.WARNING, lang, subject, host=host)
        )
    return findings


def check_landline(value: Any, lang: str = "en", subject: str | None = "landline") -> list[Finding]:
    """A Chinese landline with area code (government bodies must give one, seed 003)."""
    raw = _clean(value)
    number = re.sub(r"[\s()（）]", "", raw).replace("—", "-").replace("－", "-")
    if not number:
        return [_finding("id.landline.empty", Severity.ERROR, lang, subject)]
    if _MOBILE_RE.match(number.replace("-", "")):
        return [_finding("id.landline.mobile", Severity.ERROR, lang, subject)]
    if _SERVICE_RE.match(number):
        return [_finding("id.landline.service", Severity.WARNING, lang, subject)]
    if number.startswith(("+86", "0086")):
        number = "0" + number.removeprefix("+86").removeprefix("0086").lstrip("-")
    if not _LANDLINE_RE.match(number):
        return [_finding("id.landline.format", Severity.ERROR, lang, subject)]
    return []


def check_trademark_number(
    value: Any, lang: str = "en", subject: str | None = "trademark_number"
) -> list[Finding]:
    """Trademark registration number: digits as printed on the certificate (第 12345678 号)."""
    raw = _clean(value)
    number = re.sub(r"^第|号$|\s", "", raw)
    if not number:
        return [_finding("id.trademark.empty", Severity.ERROR, lang, subject)]
    if not _TRADEMARK_RE.match(number):
        return [_finding("id.trademark.format", Severity.ERROR, lang, subject)]
    if number != raw:
        return [_finding("id.trademark.normalized", Severity.INFO, lang, subject, fixed=number)]
    return []


def check_text(value: Any, lang: str = "en", subject: str | None = "text") -> list[Finding]:
    """A free-text remark that must not be empty."""
    if not _clean(value):
        return [_finding("id.text.empty", Severity.ERROR, lang, subject)]
    return []


# The checks a remark field names in the rule packs (common.toml [remarks.*].check).
REMARK_CHECKS: dict[str, Callable[..., list[Finding]]] = {
    "app_store_link": check_app_store_link,
    "domain": check_domain,
    "text": check_text,
    "trademark_number": check_trademark_number,
    "landline": check_landline,
    "url": check_url,
    "icp_number": check_icp_number,
}
