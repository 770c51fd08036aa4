"""The commitment letter (合规使用承诺函 / Letter of Commitment to Compliant Use), zh and en.

Layout: A4, title, addressee, a table of the committing party (the qualification's owner with its
unified social credit code and legal representative, and the handler), the commitments, the
liability clause, and at the bottom the QR code and the labelled place for the seal and the
signatures of the legal representative and the handler, with the date. What it commits to and
why: ``assistant/core/letter/commitment.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocumentObject

from assistant.core.letter.placeholders import token

from .docx_parts import TEXT_WIDTH_CM, keep_with_next
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
class Commitment:
    style: Style
    file: str
    title: str
    subtitle: str
    doc_title: str
    to: str
    party_caption: str
    party_rows: tuple[tuple[str, str, str], ...]  # group, label, placeholder
    intro: str
    items_caption: str
    items: tuple[str, ...]  # numbered commitments
    liability_caption: str
    liability: str
    block: SignBlock
    footer: str
    page_of: tuple[str, str, str]


ZH = Commitment(
    style=Style("zh", body_pt=12, line=1.35),
    file="commitment-letter.zh.docx",
    title="合 规 使 用 承 诺 函",
    subtitle="（短信服务）",
    doc_title="合规使用承诺函（短信服务）",
    to=f"致：{token('provider')}",
    party_caption="一、承诺方信息",
    party_rows=(
        ("承诺方\n（资质主体）", "名称", token("owner_name")),
        ("承诺方\n（资质主体）", "统一社会信用代码", token("owner_credit_code")),
        ("承诺方\n（资质主体）", "法定代表人", token("owner_legal_representative")),
        ("经办人", "姓名", token("handler_name")),
    ),
    intro=(
        f"{token('owner_name')}（以下简称“本单位”）申请并使用{token('provider')}短信服务，"
        "现郑重承诺如下："
    ),
    items_caption="二、承诺事项",
    items=(
        "1. 本单位提交的营业执照、法定代表人及经办人身份信息等资质材料真实、准确、完整、有效，"
        "信息变更时及时更新。",
        "2. 本单位申请的短信签名和模板与本单位真实业务（或已取得合法授权的业务）一致，"
        "不冒用他人名义，不转让、出租、出借签名。",
        "3. 遵守《中华人民共和国网络安全法》《中华人民共和国电信条例》《通信短信息服务管理规定》等"
        "法律法规，不发送含有法律法规禁止内容的短信，不发送诈骗、赌博、色情等违法违规信息。",
        "4. 未经用户同意或者请求，不向其发送商业性短信息；在商业性短信息中提供便捷有效的拒绝接收"
        "方式，用户拒绝后即停止发送。",
        "5. 依照《中华人民共和国个人信息保护法》收集、使用和保护短信接收方的手机号码等个人信息，"
        "不买卖、泄露或非法使用。",
        f"6. 配合{token('provider')}及电信运营商的实名制报备、核查和投诉处理。",
    ),
    liability_caption="三、责任承担",
    liability=(
        "如违反上述承诺，本单位自愿承担由此产生的全部法律责任，并同意"
        f"{token('provider')}依据服务协议暂停或终止向本单位提供短信服务。"
    ),
    block=sign_block(
        "zh",
        "签字盖章处（加盖公章）",
        (
            ("承诺方（盖章）：", token("owner_name")),
            ("法定代表人（签字）：", ""),
            ("经办人（签字）：", ""),
            ("日期：", token("signed_on")),
        ),
    ),
    footer=f"承诺方：{token('owner_name')}　　统一社会信用代码：{token('owner_credit_code')}",
    page_of=PAGE_OF["zh"],
)

EN = Commitment(
    style=Style("en", body_pt=11, line=1.25),
    file="commitment-letter.en.docx",
    title="LETTER OF COMMITMENT TO COMPLIANT USE",
    subtitle="(SMS Service)",
    doc_title="Letter of Commitment to Compliant Use (SMS Service)",
    to=f"To: {token('provider')}",
    party_caption="1. Committing party",
    party_rows=(
        ("Committing party\n(qualification owner)", "Name", token("owner_name")),
        (
            "Committing party\n(qualification owner)",
            "Unified social credit code",
            token("owner_credit_code"),
        ),
        (
            "Committing party\n(qualification owner)",
            "Legal representative",
            token("owner_legal_representative"),
        ),
        ("Handler", "Name", token("handler_name")),
    ),
    intro=(
        f"{token('owner_name')} (“we”), applying for and using the SMS service of "
        f"{token('provider')}, solemnly commits as follows:"
    ),
    items_caption="2. Commitments",
    items=(
        "1. The qualification documents we submit — business licence, identity data of the legal "
        "representative and of the handler — are true, accurate, complete and valid, and we "
        "update them when they change.",
        "2. The SMS signatures and templates we apply for match our own real business (or "
        "business we are lawfully authorised for); we use no one else's name and do not "
        "transfer, rent or lend signatures.",
        "3. We comply with the Cybersecurity Law, the Telecommunications Regulations, the "
        "Provisions on the Administration of Short Message Services and other laws and "
        "regulations of the People's Republic of China, and send no message with prohibited "
        "content, no fraud, gambling, pornography or other unlawful information.",
        "4. We send no commercial message to a user who has not agreed to or asked for it; every "
        "commercial message offers an easy and effective way to refuse further messages, and we "
        "stop when a user refuses.",
        "5. We collect, use and protect the recipients' mobile numbers and other personal "
        "information as the Personal Information Protection Law requires, and never sell, leak "
        "or misuse them.",
        f"6. We cooperate with {token('provider')} and the carriers in real-name filing, "
        "verification and the handling of complaints.",
    ),
    liability_caption="3. Liability",
    liability=(
        "If we break these commitments, we bear all legal liability arising from it and agree "
        f"that {token('provider')} may suspend or end the SMS service under its service "
        "agreement."
    ),
    block=sign_block(
        "en",
        "Seal and signatures (company seal)",
        (
            ("Committing party (seal): ", token("owner_name")),
            ("Legal representative (signature): ", ""),
            ("Handler (signature): ", ""),
            ("Date: ", token("signed_on")),
        ),
    ),
    footer=(
        f"Committing party: {token('owner_name')}    "
        f"Unified social credit code: {token('owner_credit_code')}"
    ),
    page_of=PAGE_OF["en"],
)


def build(letter: Commitment) -> DocumentObject:
    style = letter.style
    doc = Document()
    setup(doc, style, letter.doc_title, "SMS qualification commitment letter")
    title_block(doc, style, letter.title, letter.subtitle, letter.to)
    heading(doc, style, letter.party_caption)
    widths = (
        [4.2, 4.2, TEXT_WIDTH_CM - 8.4] if style.code == "en" else [3.6, 3.8, TEXT_WIDTH_CM - 7.4]
    )
    parties_table(doc, style, letter.party_rows, widths)
    gap(doc, 6)
    body(doc, style, letter.intro)
    heading(doc, style, letter.items_caption)
    for item in letter.items:
        body(doc, style, item)
    heading(doc, style, letter.liability_caption)
    keep_with_next(body(doc, style, letter.liability))  # the block never stands alone
    signature_block(doc, style, letter.block)
    footer(doc, letter.footer, letter.page_of)
    return doc
