"""The wizard's pages, one module each. Heavy core modules are imported when a page is first
shown (``build``), not when the wizard starts."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizardPage

from assistant.core.flow import PageId

if TYPE_CHECKING:
    from assistant.gui.wizard import AssistantWizard

_MODULES = {
    PageId.START: ("start", "StartPage"),
    PageId.PROVIDER: ("provider", "ProviderPage"),
    PageId.SIGNATURE_TYPE: ("signature_type", "SignatureTypePage"),
    PageId.NAMES: ("names", "NamesPage"),
    PageId.TEMPLATES: ("templates", "TemplatesPage"),
    PageId.PARTIES: ("parties", "PartiesPage"),
    PageId.QUALIFICATION: ("qualification", "QualificationPage"),
    PageId.DOCUMENTS: ("documents", "DocumentsPage"),
    PageId.LETTER: ("letter", "LetterPage"),
    PageId.REVIEW: ("review", "ReviewPage"),
    PageId.EXPORT: ("export", "ExportPage"),
}


def make_page(page_id: PageId, wizard: AssistantWizard) -> QWizardPage:
    module_name, class_name = _MODULES[page_id]
    module = importlib.import_module(f"assistant.gui.pages.{module_name}")
    page: QWizardPage = getattr(module, class_name)(wizard)
    return page


def page_titles() -> dict[PageId, str]:
    """Each page's title in the interface language (the step list, the review's groups)."""
    return {
        PageId.START: QCoreApplication.translate("AssistantWizard", "Welcome"),
        PageId.PROVIDER: QCoreApplication.translate("AssistantWizard", "Provider and account"),
        PageId.SIGNATURE_TYPE: QCoreApplication.translate("AssistantWizard", "Signature type"),
        PageId.NAMES: QCoreApplication.translate("AssistantWizard", "Signature name"),
        PageId.TEMPLATES: QCoreApplication.translate("AssistantWizard", "SMS templates"),
        PageId.PARTIES: QCoreApplication.translate("AssistantWizard", "Applicant and owner"),
        PageId.QUALIFICATION: QCoreApplication.translate("AssistantWizard", "Qualification"),
        PageId.DOCUMENTS: QCoreApplication.translate("AssistantWizard", "Documents"),
        PageId.LETTER: QCoreApplication.translate("AssistantWizard", "Authorization letter"),
        PageId.REVIEW: QCoreApplication.translate("AssistantWizard", "Review"),
        PageId.EXPORT: QCoreApplication.translate("AssistantWizard", "Export"),
    }
