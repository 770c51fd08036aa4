"""The QR code on the letters we fill (issue #13; format in ``docs/letter-qr.md``).

The payload and the digest of the filled fields have ONE implementation,
:mod:`assistant.core.evidence.letter_qr`, which the document check uses to read a signed letter
back; this module only builds the payload of a letter and draws it into the document:

* ``{{letter_qr}}`` (body, headers, footers) becomes the QR picture (about 20 mm, level M, quiet zone of 4);
* ``{{letter_code}}`` becomes the payload as text, so a reader sees what the QR says.

The bundled templates have both in the signature block, left of the lines to sign, away from
where the seal goes. ``segno`` (pure Python) draws the QR; the same payload gives the same PNG.
"""

from __future__ import annotations

import io
from typing import Any

import segno
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from assistant.core.evidence.letter_qr import (
    authorization_fields,
    case_key,
    encode_payload,
    fields_digest,
)
from assistant.core.letter.engine import W_P, own_texts, paragraph_text, splice, story_parts

QR_TOKEN = "{{letter_qr}}"
QR_SIDE = Mm(20)  # the printed side, quiet zone included
QR_SCALE = 10  # PNG pixels per module: 37 modules -> 370 px, about 470 dpi at 20 mm


def authorization_payload(inp: Any) -> str:
    """``SMSA1|<case key>|<digest>|auth`` of a :class:`~assistant.core.letter.LetterInput`."""
    key = case_key(inp.provider, inp.owner.credit_code, inp.applicant.credit_code)
    return encode_payload("auth", key, fields_digest(authorization_fields(inp)))


def qr_png(payload: str) -> bytes:
    """The QR code of ``payload`` as a PNG: error correction M, 4 modules of quiet zone."""
    out = io.BytesIO()
    segno.make_qr(payload, error="m", boost_error=False).save(
        out, kind="png", scale=QR_SCALE, border=4
    )
    return out.getvalue()


def place_qr(doc: DocumentObject, payload: str) -> int:
    """Replace each ``{{letter_qr}}`` (body, headers, footers) by the QR picture of
    ``payload``; how many were replaced."""
    placed = 0
    png = qr_png(payload)
    for part, root in story_parts(doc):
        for p in list(root.iter(W_P)):
            start = paragraph_text(p).find(QR_TOKEN)
            while start >= 0:
                texts = own_texts(p)
                splice(texts, start, start + len(QR_TOKEN), "")
                run = OxmlElement("w:r")
                drawing = OxmlElement("w:drawing")
                drawing.append(part.new_pic_inline(io.BytesIO(png), QR_SIDE, QR_SIDE))
                run.append(drawing)
                _insert_run(p, texts, start, run)
                placed += 1
                start = paragraph_text(p).find(QR_TOKEN)
    return placed


def _insert_run(p: Any, texts: list[Any], offset: int, run: Any) -> None:
    """Put ``run`` into paragraph ``p`` after the run holding character ``offset`` (first,
    after the paragraph properties, when ``offset`` is 0 or nothing precedes it)."""
    pos = 0
    for t in texts:
        pos += len(t.text or "")
        if offset > 0 and pos >= offset:
            t.getparent().addnext(run)
            return
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(run)
    else:
        p.insert(0, run)
