"""Authorization letter (授权委托书 / Declaration of Authorisation) for "for others" applications.

    inp, findings = LetterInput.from_mapping(case_dict)
    findings += check_letter(inp, lang)                  # before filling
    result = fill_letter(inp, "letter.docx", lang=lang)  # checks, fills, writes atomically

Templates: ``resources/templates/authorization-letter.{zh,en}.docx`` (built by
``packaging/build_templates.py``) or any .docx the user chooses. Placeholders and recognised
labels: ``docs/letter-placeholders.md``.
"""

from assistant.core.letter.checks import check_letter, check_parties
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
    "LetterInput",
    "LetterResult",
    "Party",
    "Placeholder",
    "check_letter",
    "check_parties",
    "fill_letter",
    "format_date",
    "letter_values",
    "parse_date",
    "resolve_template",
    "template_path",
]
