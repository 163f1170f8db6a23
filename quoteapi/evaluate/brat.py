"""Read attribution annotations in brat standoff format (as in PolNeAR).

A ``.ann`` file holds ``T`` lines (a text-bound annotation: ``T12<TAB>Content 302 427<TAB>words``;
discontinuous spans are written ``302 310;315 427``) and ``E`` lines (an event linking them:
``E4<TAB>Attribution:T15 Cue:T14 Source:T13 Content:T12``). PolNeAR's event types are
``Attribution`` and ``Attribution-no-source``; extra content pieces come as ``Content2``. Other
lines (``A``, ``R``, ``#`` notes) and unlinked ``T`` annotations (``Discard``, ``Discuss``) are
ignored. A line that opens with no annotation id continues the text of the ``T`` line before it,
whose span crossed a line break (seen in PolNeAR train). Offsets count characters of the article's text (see
https://brat.nlplab.org/standoff.html).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadInput

Spans = tuple[tuple[int, int], ...]
# how every annotation line opens: its id ("T12", "E4", "A1", "#3") and a tab
ANNOTATION_ID = re.compile(r"(?:[TREAMN]\d+|#\d*)\t")


@dataclass(frozen=True)
class Attribution:
    """One annotated attribution: who (``source``) said or thought what (``content``) by which
    ``cue``. Spans are sorted ``(start, end)`` character pairs; ``source`` is empty when the
    annotation has none; ``cue_text`` is the cue's words as the annotator marked them."""

    id: str
    content: Spans
    cue: Spans
    source: Spans
    cue_text: str = ""
    source_text: str = ""


def parse_spans(field: str) -> Spans:
    """``"302 310;315 427"`` -> ``((302, 310), (315, 427))``."""
    spans = []
    for piece in field.split(";"):
        start, end = piece.split()
        spans.append((int(start), int(end)))
    return tuple(sorted(spans))


def _text_bound(line: str) -> tuple[str, str, Spans, str]:
    """A ``T`` line -> (id, label, spans, text)."""
    ident, middle, *rest = line.split("\t")
    label, _, offsets = middle.partition(" ")
    return ident, label, parse_spans(offsets), rest[0] if rest else ""


def _event_roles(line: str) -> list[tuple[str, str]]:
    """An ``E`` line -> [(role, T id), ...], the trigger (``Attribution:T4``) first."""
    _, body = line.split("\t", 1)
    return [tuple(argument.split(":", 1)) for argument in body.split()]  # type: ignore[misc]


def _join(texts: dict[str, str], ids: list[str]) -> str:
    return " ".join(texts[ident] for ident in ids)


def parse_attributions(lines: list[str], name: str = "<ann>") -> list[Attribution]:
    """Attributions from the lines of a ``.ann`` file; ``name`` is used in error messages."""
    spans: dict[str, Spans] = {}
    texts: dict[str, str] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    last_text_bound = None
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not ANNOTATION_ID.match(line) and last_text_bound is not None:
            texts[last_text_bound] += "\n" + line  # the text of a span over a line break
            continue
        last_text_bound = None
        try:
            if line.startswith("T"):
                last_text_bound, _, found, text = _text_bound(line)
                spans[last_text_bound], texts[last_text_bound] = found, text
            elif line.startswith("E"):
                events.append((line.split("\t", 1)[0], _event_roles(line)))
        except ValueError as error:
            raise BadInput(
                f"{name}, line {number}: not brat standoff ({error}): {line[:80]!r}"
            ) from error
    return [_attribution(ident, roles, spans, texts, name) for ident, roles in events]


def _attribution(
    ident: str,
    roles: list[tuple[str, str]],
    spans: dict[str, Spans],
    texts: dict[str, str],
    name: str,
) -> Attribution:
    by_role: dict[str, list[str]] = {}
    for role, target in roles:
        if target not in spans:
            raise BadInput(
                f"{name}: event {ident} refers to {target}, which the file does not define"
            )
        # Content, Content2, ... are pieces of one content; likewise for the other roles
        if (role, target) != roles[0]:  # the trigger names the event type, not a piece
            by_role.setdefault(role.rstrip("0123456789"), []).append(target)

    def pieces(role: str) -> Spans:
        return tuple(sorted(span for target in by_role.get(role, []) for span in spans[target]))

    return Attribution(
        id=ident,
        content=pieces("Content"),
        cue=pieces("Cue"),
        source=pieces("Source"),
        cue_text=_join(texts, by_role.get("Cue", [])),
        source_text=_join(texts, by_role.get("Source", [])),
    )


def read_attributions(path: Path) -> list[Attribution]:
    """The attributions of one ``.ann`` file (those without content are dropped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"cannot read {path}: {error}; give a UTF-8 brat .ann file") from error
    return [item for item in parse_attributions(lines, str(path)) if item.content]
