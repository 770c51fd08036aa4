"""The letters: the authorization letter (授权委托书 / Declaration of Authorisation) of a "for
others" application, and the commitment letter (合规使用承诺函) of a qualification.

    inp, findings = LetterInput.from_mapping(case_dict)
    findings += check_letter(inp, lang)                  # before filling
    result = fill_letter(inp, "letter.docx", lang=lang)  # checks, fills, writes atomically

    result = fill_commitment_letter(CommitmentInput(provider, owner_name, ...), "commit.docx")

Templates: ``resources/templates/{authorization,commitment}-letter.{zh,en}.docx`` (built by
``packaging/build_templates.py``) or any .docx the user chooses. Placeholders and recognised
labels: ``docs/letter-placeholders.md``.
"""

from assistant.core.letter.checks import check_letter, check_parties
from assistant.core.letter.commitment import (
    CommitmentInput,
    check_commitment,
    commitment_payload,
    fill_commitment_letter,
)
from assistant.core.letter.fill import (
    BUNDLED_TEMPLATES,
    LetterResult,
    fill_letter,
    format_date,
    letter_values,
    resolve_template,
    template_path,
)
from assistant.core.letter.model import LETTER_LANGUAGES, LetterInput, Party, parse_date
from assistant.core.letter.placeholders import PLACEHOLDERS, Placeholder

__all__ = [
    "BUNDLED_TEMPLATES",
    "LETTER_LANGUAGES",
    "PLACEHOLDERS",
    "CommitmentInput",
    "LetterInput",
    "LetterResult",
    "Party",
    "Placeholder",
    "check_commitment",
    "check_letter",
    "check_parties",
    "commitment_payload",
    "fill_commitment_letter",
    "fill_letter",
    "format_date",
    "letter_values",
    "parse_date",
    "resolve_template",
    "template_path",
]
