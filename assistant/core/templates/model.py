"""What a template check works on: the variables a user declares and the variables found."""

from __future__ import annotations

from dataclasses import dataclass, field

# Stands for every character of a variable in the masked text (a private-use character: never
# typed, not a digit, letter or symbol any check looks for, but allowed inside a link).
MASK = "\ue000"


@dataclass(frozen=True)
class TemplateVariable:
    """What the user says about one variable: its attribute (Alibaba ``TemplateRule`` value,
    Huawei ``variable_type``), the longest value it will carry, an example value."""

    name: str
    attribute: str | None = None
    max_length: int | None = None
    example: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Variable:
    """One variable found in a template: its name and where it is in the text."""

    name: str
    start: int
    end: int
    raw: str  # as typed
    canonical: str  # as the provider's syntax writes it ({1}, ${code})

    @property
    def well_formed(self) -> bool:
        return self.raw == self.canonical


@dataclass(frozen=True)
class Parsed:
    """A template split into fixed text and variables."""

    text: str
    variables: tuple[Variable, ...]
    stray: tuple[int, ...] = ()  # positions of braces that belong to no variable
    bare_dollars: tuple[Variable, ...] = ()  # $name written without braces
    masked: str = field(default="", compare=False)

    @property
    def fixed(self) -> str:
        """The fixed text: the template without its variables."""
        out, last = [], 0
        for v in self.variables:
            out.append(self.text[last : v.start])
            last = v.end
        out.append(self.text[last:])
        return "".join(out)

    def in_variable(self, start: int, end: int) -> bool:
        return any(v.start < end and start < v.end for v in self.variables)

    def names(self) -> list[str]:
        return [v.name for v in self.variables]
