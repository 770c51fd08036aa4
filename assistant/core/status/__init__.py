"""After submission: rejection reasons as data, the explainer, the case status and its import.

The API the doors (CLI, wizard) use:

* :func:`explain` (text, provider) -> :class:`Explanation` with :class:`Match` es best first;
  ``Explanation.step`` is the wizard step to revisit, ``Match.reason.field`` the field to focus.
* :func:`load_catalogue` -> :class:`Catalogue` of every :class:`Reason` (``resources/rejections``).
"""

from assistant.core.status.catalogue import (
    PROVIDERS,
    RESUBMIT,
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

__all__ = [
    "PROVIDERS",
    "RESUBMIT",
    "STEPS",
    "THRESHOLD",
    "Catalogue",
    "Explainer",
    "Explanation",
    "Match",
    "Reason",
    "RejectionPackError",
    "Source",
    "explain",
    "load_catalogue",
    "load_catalogue_from",
    "resubmit_label",
    "step_label",
]
