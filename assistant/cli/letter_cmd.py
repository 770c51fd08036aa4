"""`letter`: fill the authorization letter (授权委托书) of a case, from our template or the user's."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assistant.cli import EXIT_FINDINGS, EXIT_OK, UsageError
from assistant.cli.common import add_format_options, finding_lines, print_json
from assistant.core.findings import Finding, Severity, has_errors, sort_findings
from assistant.core.i18n import text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "letter",
        help="fill the authorization letter (.docx) of a case",
        description="Check the letter's content (parties, credit codes, signatures, validity) and "
        "fill the authorization letter from the bundled template of the letter's language or "
        "from --template, a .docx of your own ({{placeholders}} or labelled cells, see "
        "docs/letter-placeholders.md). The letter is written even when a check fails, so you can "
        "look at it; exit 1 then (or when it could not be written), 0 otherwise. Like export, it "
        "never writes over an existing file without --force, nor ever over the case file, its "
        "attachments or the template.",
    )
    p.add_argument(
        "case",
        type=Path,
        metavar="CASE",
        help="a *.smscase.json case file, or a JSON file with the keys provider, "
        "signature_names, owner, applicant and letter",
    )
    p.add_argument("--output", "-o", type=Path, required=True, help="the .docx to write")
    p.add_argument("--template", type=Path, help="a .docx to fill instead of the bundled template")
    p.add_argument("--force", action="store_true", help="replace --output if it exists")
    add_format_options(p)
    p.set_defaults(func=run, lang=None)  # None: the case's language, else English


def _load(path: Path, lang: str | None) -> tuple[Any, list[Finding], str, list[str]]:
    """The LetterInput of ``path`` (a case file or plain JSON), findings, the messages' language
    and the files no letter may be written over (the case file's attachments, its commitment
    letter's template)."""
    from assistant.core.letter import LetterInput

    try:
        raw = path.read_text(encoding="utf-8-sig")
        data = json.loads(raw)
    except UnicodeDecodeError:
        data = None
    except json.JSONDecodeError as exc:
        msg = text(
            "letter.case_not_json", lang or "en", path=str(path), line=exc.lineno, column=exc.colno
        )
        return (
            None,
            [Finding(Severity.ERROR, "letter.case_not_json", msg, subject=str(path))],
            lang or "en",
            [],
        )
    except OSError as exc:
        raise UsageError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from exc
    if isinstance(data, dict) and "format" in data:  # a case file: its loader resolves paths
        from assistant.core.model import load_case

        case, findings = load_case(path, lang)
        if case is None:
            return None, findings, lang or "en", []
        msg_lang = lang or getattr(case, "language", None) or "en"
        extra: list[Finding] = []
        if getattr(case, "purpose", "others") != "others":
            extra.append(
                Finding(
                    Severity.WARNING,
                    "letter.purpose_not_others",
                    text("letter.purpose_not_others", msg_lang, purpose=case.purpose),
                    subject="purpose",
                )
            )
        protected = [a.path for a in case.attachments]
        protected += _docx(case.qualification.commitment.template)
        return LetterInput.from_case(case), [*findings, *extra], msg_lang, protected
    msg_lang = lang or "en"
    inp, findings = LetterInput.from_mapping(data, msg_lang)
    if inp is not None and inp.template and not Path(inp.template).is_absolute():
        from dataclasses import replace

        from assistant.core.letter import BUNDLED_TEMPLATES

        if inp.template not in BUNDLED_TEMPLATES:
            inp = replace(inp, template=str(path.parent / inp.template))
    return inp, findings, msg_lang, []


def _output_problem(
    args: argparse.Namespace, inp: Any, lang: str, protected: list[str]
) -> Finding | None:
    """Why the letter may not be written to ``--output``, as the export protects its bundle
    (:func:`assistant.core.bundle.target.output_problem`): never over the case file, its
    attachments or a template, nor over a folder, link or device, nor over an existing file
    without --force. With --force any other regular file is replaced (a letter has no manifest
    that would say it is ours)."""
    from assistant.core.bundle.target import output_problem

    templates = _docx(str(args.template or "")) + _docx(getattr(inp, "template", ""))
    inputs = [str(args.case), *protected, *templates]
    return output_problem(args.output, lang, force=args.force, inputs=inputs, ours=True)


def _docx(template: str) -> list[str]:
    """``template`` when it is a .docx path (not empty, not a bundled template's id)."""
    return [template] if template.lower().endswith(".docx") else []


def run(args: argparse.Namespace) -> int:
    from assistant.core.letter import fill_letter

    case_path: Path = args.case
    if not case_path.is_file():
        raise UsageError(f"no case file {str(case_path)!r}")
    out: Path = args.output
    if args.template is not None and not args.template.is_file():
        raise UsageError(f"no template file {str(args.template)!r}")

    inp, findings, lang, protected = _load(case_path, args.lang)
    output = None
    placed: dict[str, int] = {}
    problem = _output_problem(args, inp, lang, protected)
    if problem is not None:
        findings = [*findings, problem]
    elif inp is not None:
        result = fill_letter(inp, out, args.template, lang=lang)
        findings = [*findings, *result.findings]
        output = result.output
        placed = result.placed
    findings = sort_findings(findings)
    ok = output is not None and not has_errors(findings)
    if args.format == "json":
        print_json(
            {
                "ok": ok,
                "output": str(output) if output else None,
                "placed": placed,
                "findings": [f.to_dict() for f in findings],
            }
        )
    else:
        status = "written" if output else "NOT written"
        print(f"{out}: {status}")
        for line in finding_lines(findings):
            print(line)
    return EXIT_OK if ok else EXIT_FINDINGS
