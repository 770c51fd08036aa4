"""After submission: rejection reasons as data, the explainer, the case status and its import.

The API the doors (CLI, wizard) use:

* :func:`explain` (text, provider) -> :class:`Explanation` with :class:`Match` es best first;
  ``Explanation.step`` is the wizard step to revisit (its page: :data:`STEP_PAGES`),
  ``Match.reason.field`` the field to focus.
* :func:`load_catalogue` -> :class:`Catalogue` of every :class:`Reason` (``resources/rejections``).
* The case's status (section ``status``, :mod:`assistant.core.model.status`):
  :func:`mark_exported`, :func:`mark_submitted`, :func:`mark_approved`, :func:`mark_rejected`
  (explains and stores the reason ids), :func:`set_carrier`, :func:`set_last_sent`;
  :func:`case_stage` / :func:`status_lines` for the case list, :func:`status_findings` for the
  warnings (rejected, filing failed, close to six months without sending, lapsed).
* :func:`import_status` (saved CLI output, cases folder) -> :class:`ImportReport`;
  :func:`read_status_file` and :func:`apply_items` for one case already open.
"""

from assistant.core.status.catalogue import (
    PROVIDERS,
    RESUBMIT,
    STEP_PAGES,
    STEPS,
    Catalogue,
    Reason,
    RejectionPackError,
    Source,
    load_catalogue,
    load_catalogue_from,
)
from assistant.core.status.explainer import (
    THRESHOLD,
    Explainer,
    Explanation,
    Match,
    explain,
    resubmit_label,
    step_label,
)
from assistant.core.status.importer import (
    ImportReport,
    apply_items,
    import_status,
    read_status_file,
)
from assistant.core.status.lifecycle import (
    STAGES,
    case_stage,
    mark_approved,
    mark_exported,
    mark_rejected,
    mark_submitted,
    set_carrier,
    set_last_sent,
    stage,
    stage_label,
    status_findings,
    status_lines,
)

__all__ = [
    "PROVIDERS",
    "RESUBMIT",
    "STAGES",
    "STEPS",
    "STEP_PAGES",
    "THRESHOLD",
    "Catalogue",
    "Explainer",
    "Explanation",
    "ImportReport",
    "Match",
    "Reason",
    "RejectionPackError",
    "Source",
    "apply_items",
    "case_stage",
    "explain",
    "import_status",
    "load_catalogue",
    "load_catalogue_from",
    "mark_approved",
    "mark_exported",
    "mark_rejected",
    "mark_submitted",
    "read_status_file",
    "resubmit_label",
    "set_carrier",
    "set_last_sent",
    "stage",
    "stage_label",
    "status_findings",
    "status_lines",
    "step_label",
]
