"""The case's SMS templates (section ``templates`` of the case file): each template's kind, text,
what the user says about its variables, its scene, and the signature names it goes out with.

Checked by :mod:`assistant.core.templates` (review area ``templates``); the bundle writes one
template request per template (``assistant.core.providers``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TemplateVariableInfo:
    """One variable of a template, by its name in the text (``code`` of ``${code}``, ``1`` of
    ``{1}``): its attribute (Alibaba ``TemplateRule`` value such as ``numberCaptcha``, Huawei
    ``variable_type`` such as ``TEXT``), the longest value it will carry, an example value for
    the preview and the scene description, and what it holds (Huawei ``variable_desc``)."""

    name: str = field(metadata={"required": True})
    attribute: str = ""
    max_length: int | None = None
    example: str = ""
    description: str = ""


@dataclass
class Template:
    """One SMS body template of the application."""

    kind: str = "notification"  # verification | notification | marketing
    text: str = ""
    name: str = ""  # the template's name in the console (TemplateName); empty: derived
    # the case's signature names this template is sent with; empty: the first one
    signatures: list[str] = field(default_factory=list)
    scene: str = ""  # scene description for the reviewer (Remark / template_desc)
    scene_link: str = ""  # where the reviewer sees the scene (ApplySceneContent)
    variables: list[TemplateVariableInfo] = field(default_factory=list)

    def variable(self, name: str) -> TemplateVariableInfo | None:
        return next((v for v in self.variables if v.name == name), None)
