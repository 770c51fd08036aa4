"""The authorization letter (授权委托书 / Declaration of Authorisation), zh and en.

Layout: A4, title, addressee, a table of the parties (authorizer = signature owner with its
unified social credit code and legal representative, authorized party = the applicant with its
code, risk bearer), the statement of authorization, the list of signatures (a repeated table
row, two signatures per row), scope, risk, validity, and at the bottom the QR code and the
labelled place for the company seal, the legal representative's signature and the date.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from assistant.core.letter.placeholders import token

from .docx_parts import (
    GREY_FILL,
    TEXT_WIDTH_CM,
    borders,
    cell_margins,
    cell_text,
    fixed_widths,
    keep_with_next,
    row_flags,
    row_height,
    shade,
)
from .layout import (
    PAGE_OF,
    SignBlock,
    Style,
    body,
    footer,
    gap,
    heading,
    parties_table,
    setup,
    sign_block,
    signature_block,
    title_block,
)


@dataclass(frozen=True)
class Lang:
    style: Style
    file: str
    title: str
    subtitle: str | None
    doc_title: str
    to: str
    parties_caption: str
    party_rows: tuple[tuple[str, str, str], ...]  # group, label, placeholder
    intro: tuple[str, ...]  # paragraphs with placeholders
    signatures_caption: str
    sig_no: str
    sig_name: str
    clauses: tuple[tuple[str, str], ...]  # (heading, text)
    block: SignBlock
    footer: str
    page_of: tuple[str, str, str]  # text before PAGE, between PAGE and NUMPAGES, after


ZH = Lang(
    style=Style("zh", body_pt=12, line=1.35),
    file="authorization-letter.zh.docx",
    title="授 权 委 托 书",
    subtitle="（短信签名）",
    doc_title="授权委托书（短信签名）",
    to=f"致：{token('provider')}",
    parties_caption="一、当事各方",
    party_rows=(
        ("授权方\n（签名归属方）", "名称", token("owner_name")),
        ("授权方\n（签名归属方）", "统一社会信用代码", token("owner_credit_code")),
        ("授权方\n（签名归属方）", "法定代表人", token("owner_legal_representative")),
        ("被授权方\n（签名申请方）", "名称", token("applicant_name")),
        ("被授权方\n（签名申请方）", "统一社会信用代码", token("applicant_credit_code")),
        ("风险承担方", "名称", token("risk_bearer")),
    ),
    intro=(
        f"{token('owner_name')}（以下简称“授权方”）为下列短信签名的归属方，现授权"
        f"{token('applicant_name')}（以下简称“被授权方”）使用下列短信签名，在"
        f"{token('provider')}短信服务中申请签名并发送短信。",
    ),
    signatures_caption=f"二、授权签名（共 {token('signature_count')} 个）",
    sig_no="序号",
    sig_name="签名名称",
    clauses=(
        (
            "三、授权范围",
            f"被授权方可使用上述签名在{token('provider')}短信服务中提交签名申请，并发送与授权方"
            "业务相关的短信。被授权方不得将上述签名转授权给任何第三方，不得用于与授权方业务无关的用途。",
        ),
        (
            "四、风险承担",
            f"使用上述签名发送的短信内容由{token('risk_bearer')}（风险承担方）负责，"
            "因此产生的一切法律责任由风险承担方承担。",
        ),
        (
            "五、授权有效期",
            f"自{token('valid_from')}起至{token('valid_until')}止。"
            "授权方保证本授权委托书所列信息真实、准确、完整。",
        ),
    ),
    block=sign_block(
        "zh",
        "签字盖章处（加盖公章或合同章）",
        (
            ("授权方（盖章）：", token("owner_name")),
            ("法定代表人（签字）：", ""),
            ("日期：", token("signed_on")),
        ),
    ),
    footer=f"授权方：{token('owner_name')}　　被授权方：{token('applicant_name')}",
    page_of=PAGE_OF["zh"],
)

EN = Lang(
    style=Style("en", body_pt=11, line=1.25),
    file="authorization-letter.en.docx",
    title="DECLARATION OF AUTHORISATION",
    subtitle="(SMS Signature)",
    doc_title="Declaration of Authorisation (SMS Signature)",
    to=f"To: {token('provider')}",
    parties_caption="1. Parties",
    party_rows=(
        ("Authoriser\n(signature owner)", "Name", token("owner_name")),
        ("Authoriser\n(signature owner)", "Unified social credit code", token("owner_credit_code")),
        (
            "Authoriser\n(signature owner)",
            "Legal representative",
            token("owner_legal_representative"),
        ),
        ("Authorised party\n(applicant)", "Name", token("applicant_name")),
        (
            "Authorised party\n(applicant)",
            "Unified social credit code",
            token("applicant_credit_code"),
        ),
        ("Risk bearer", "Name", token("risk_bearer")),
    ),
    intro=(
        f"{token('owner_name')} (the “Authoriser”), the owner of the SMS signatures listed below, "
        f"hereby authorises {token('applicant_name')} (the “Authorised Party”) to apply for the "
        f"following SMS signatures and to send SMS messages with them through the SMS service of "
        f"{token('provider')}.",
    ),
    signatures_caption=f"2. Authorised signatures ({token('signature_count')} in total)",
    sig_no="No.",
    sig_name="Signature",
    clauses=(
        (
            "3. Scope",
            f"The Authorised Party may submit applications for the signatures above to "
            f"{token('provider')} and send SMS messages related to the Authoriser’s business with "
            "them. The Authorised Party shall not sub-license the signatures to any third party or "
            "use them for purposes unrelated to the Authoriser’s business.",
        ),
        (
            "4. Risk",
            f"{token('risk_bearer')} (the risk bearer) is responsible for the content of the SMS "
            "messages sent with the signatures above and bears all legal liability arising from it.",
        ),
        (
            "5. Validity",
            f"From {token('valid_from')} to {token('valid_until')} inclusive. The Authoriser "
            "declares that the information in this letter is true, accurate and complete.",
        ),
    ),
    block=sign_block(
        "en",
        "Seal and signature (company seal or contract seal)",
        (
            ("Authoriser (seal): ", token("owner_name")),
            ("Legal representative (signature): ", ""),
            ("Name: ", token("owner_legal_representative")),
            ("Date: ", token("signed_on")),
        ),
    ),
    footer=f"Authoriser: {token('owner_name')}    Authorised party: {token('applicant_name')}",
    page_of=PAGE_OF["en"],
)


def signatures_table(doc: DocumentObject, lang: Lang) -> None:
    """A header row, then ONE row template with two signatures; the engine repeats it."""
    style = lang.style
    heading(doc, style, lang.signatures_caption)
    sig = doc.add_table(rows=2, cols=4)
    sig.alignment = WD_TABLE_ALIGNMENT.CENTER
    borders(sig)
    cell_margins(sig, 0.05, 0.05, 0.2, 0.2)
    no_w = 1.6
    fixed_widths(sig, [no_w, TEXT_WIDTH_CM / 2 - no_w, no_w, TEXT_WIDTH_CM / 2 - no_w])
    head, tmpl = sig.rows
    row_flags(head, header=True)
    row_flags(tmpl)
    row_height(head, 0.7)
    row_height(tmpl, 0.7)
    for i, cell in enumerate(head.cells):
        shade(cell, GREY_FILL)
        label = lang.sig_no if i % 2 == 0 else lang.sig_name
        cell_text(cell, label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=style.body_pt - 1)
    for i, cell in enumerate(tmpl.cells):
        if i % 2 == 0:
            cell_text(cell, token("signature_no"), align=WD_ALIGN_PARAGRAPH.CENTER)
        else:
            cell_text(cell, token("signature_name"))


def build(lang: Lang) -> DocumentObject:
    style = lang.style
    doc = Document()
    setup(doc, style, lang.doc_title, "SMS signature authorization letter")
    title_block(doc, style, lang.title, lang.subtitle, lang.to)
    heading(doc, style, lang.parties_caption)
    widths = (
        [3.6, 4.2, TEXT_WIDTH_CM - 7.8] if style.code == "en" else [3.6, 3.8, TEXT_WIDTH_CM - 7.4]
    )
    parties_table(doc, style, lang.party_rows, widths)
    gap(doc, 6)
    for text in lang.intro:
        body(doc, style, text)
    signatures_table(doc, lang)
    last = None
    for head_text, text in lang.clauses:
        heading(doc, style, head_text)
        last = body(doc, style, text)
    if last is not None:
        keep_with_next(last)  # the signature block never stands alone on a page
    signature_block(doc, style, lang.block)
    footer(doc, lang.footer, lang.page_of)
    return doc
