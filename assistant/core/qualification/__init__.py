"""The SMS qualification (资质) and the carriers' real-name filing (issue #11).

The case's ``qualification`` section (:mod:`assistant.core.model.qualification`) checked against
the provider's ``[qualification]`` rules (:mod:`.rules`): every field and document the provider
asks for, ID numbers, mobile numbers, validities, names, the owner against the signature's owner
and the letter's authorizer (:mod:`.section`, :mod:`.checks`); one administrator per owner across
the cases of a folder (:mod:`.handlers`); the commitment letter's input and the console steps
(:mod:`.output`); ID numbers masked wherever they are shown (:mod:`.privacy`).

    findings = check_qualification(case, lang)
    lines = steps(case, lang, files)            # what to type where, what happens after
    by_case = check_folder("clients/", lang)    # the same administrator for several owners
"""

from assistant.core.qualification.handlers import check_folder, check_handler_reuse
from assistant.core.qualification.output import (
    QualificationFile,
    after_approval,
    commitment_input,
    qualification_name,
    steps,
    steps_text,
)
from assistant.core.qualification.privacy import mask_id, redact, redact_finding, redact_findings
from assistant.core.qualification.rules import QualificationRules, qualification_rules
from assistant.core.qualification.section import (
    AREA,
    check_qualification,
    effective_purpose,
    needs_qualification,
    rules_for,
)

__all__ = [
    "AREA",
    "QualificationFile",
    "QualificationRules",
    "after_approval",
    "check_folder",
    "check_handler_reuse",
    "check_qualification",
    "commitment_input",
    "effective_purpose",
    "mask_id",
    "needs_qualification",
    "qualification_name",
    "qualification_rules",
    "redact",
    "redact_finding",
    "redact_findings",
    "rules_for",
    "steps",
    "steps_text",
]
