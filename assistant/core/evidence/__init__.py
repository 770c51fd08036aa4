"""Read what the user's documents say and compare it with the case (issue #13).

    ev = check_document(path, provider, document="business_license", case=case, lang="zh")
    ev.read      # {"name", "credit_code", "legal_representative", "valid_until", "watermark", …}
    ev.findings  # mismatches (with ``fixed_value``), watermark, expiry, seal/signature/date …

Licences and the other certificates: name, unified social credit code (check character
validated), legal representative, type and validity, paired with their labels by the boxes'
geometry, compared with the owner (purpose ``others``) or the applicant (``self``). Watermarks:
a stated use other than "仅供云通信备案使用" is an error (seed 003). Signed letters: the QR code
(``docs/letter-qr.md``) says which letter it is and what was filled; the text, the red seal, the
handwritten signature and date are checked.

Optional: the ``ocr`` extra (rapidocr with its bundled models, onnxruntime, OpenCV, zxing-cpp).
Nothing of it is imported until :func:`check_document` runs (call it in a background job: a few
seconds per page on two cores); without it :func:`check_document` returns the one info finding
of :func:`missing_extra_notice`. Results are cached per file (path, size, mtime) and case.
"""

from assistant.core.evidence.check import (
    check_document,
    missing_extra_notice,
    ocr_available,
)
from assistant.core.evidence.model import LONG_TERM, READ_KEYS, Evidence

__all__ = [
    "LONG_TERM",
    "READ_KEYS",
    "Evidence",
    "check_document",
    "missing_extra_notice",
    "ocr_available",
]
