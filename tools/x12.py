"""ASC X12 files for claims: writing the segments of an 837P and reading an 835, with pyx12
as the independent judge of both (its maps of 005010X222A1 and 005010X221A1).

Plain Python on purpose: nothing here knows Odoo, so the same code runs in the server and in
the tests, and a file can be checked outside Odoo with pyx12's own `x12valid`."""

import io
import json
import re

import pyx12.error_handler
import pyx12.params
import pyx12.x12file
import pyx12.x12n_document

SEGMENT_END = "~"
ELEMENT_SEP = "*"
COMPONENT_SEP = ":"
REPETITION_SEP = "^"
# What X12's basic and extended character sets allow in a value; the separators are not allowed.
_NOT_ALLOWED = re.compile(r"[^A-Za-z0-9 !\"&'()+,\-./;?=%@\[\]_{}\\|<>#$]")


def clean(value, size=None):
    """A value as X12 may carry it: no separators, no accents, no line breaks, trimmed."""
    text = _NOT_ALLOWED.sub(" ", str(value or "")).strip()
    text = re.sub(r" {2,}", " ", text)
    return text[:size] if size else text


def amount(value):
    """An X12 amount: no trailing zeros, no needless decimal point (R data type)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def quantity(value):
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


class SegmentWriter:
    """Collects segments; trailing empty elements are dropped, as X12 requires."""

    def __init__(self):
        self.segments = []

    def add(self, segment_id, *elements):
        values = [e if isinstance(e, str) else ("" if e is None else str(e)) for e in elements]
        while values and values[-1] == "":
            values.pop()
        self.segments.append(ELEMENT_SEP.join([segment_id, *values]))

    def composite(self, *components):
        values = [clean(c) for c in components]
        while values and values[-1] == "":
            values.pop()
        return COMPONENT_SEP.join(values)

    def count_since(self, index):
        return len(self.segments) - index

    def text(self):
        return "".join(f"{segment}{SEGMENT_END}\n" for segment in self.segments)


def isa_segment(sender_qualifier, sender_id, receiver_qualifier, receiver_id, when, control, usage):
    """The ISA is fixed-width: every element has its exact size."""
    return ELEMENT_SEP.join(
        [
            "ISA",
            "00",
            " " * 10,
            "00",
            " " * 10,
            sender_qualifier.ljust(2),
            clean(sender_id, 15).ljust(15),
            receiver_qualifier.ljust(2),
            clean(receiver_id, 15).ljust(15),
            when.strftime("%y%m%d"),
            when.strftime("%H%M"),
            REPETITION_SEP,
            "00501",
            f"{control:09d}",
            "0",
            usage,
            COMPONENT_SEP,
        ]
    )


# Validation ----------------------------------------------------------------------------------


def validation_errors(text):
    """Every error pyx12 finds in an X12 file (with the map its GS08 names), as plain strings:
    an empty list means the file is valid."""
    param = pyx12.params.params()
    report = io.StringIO()
    try:
        valid = pyx12.x12n_document.x12n_document(param, io.StringIO(text), None, None, fd_json=report)
    except Exception as error:  # noqa: BLE001 (pyx12 raises its own and plain errors alike)
        return [f"not a readable X12 file: {error}"]
    errors = list(_errors_in(json.loads(report.getvalue() or "{}")))
    if not valid and not errors:
        errors.append("pyx12 found the file invalid")
    return errors


def _errors_in(node):
    if isinstance(node, dict):
        for error in node.get("errors") or ():
            yield error.get("err_str") or str(error)
        for value in node.values():
            if isinstance(value, (list, dict)):
                yield from _errors_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _errors_in(item)


# Reading -------------------------------------------------------------------------------------


def components(value):
    """The components of an element, whether pyx12 read it as composite or not."""
    return list(value) if isinstance(value, list) else value.split(COMPONENT_SEP) if value else []


def segments(text):
    """(segment id, [elements, each a string or a list of components]) of an X12 file, as
    pyx12's reader splits it."""
    reader = pyx12.x12file.X12Reader(io.StringIO(text))
    try:
        for segment in reader:
            elements = []
            for index in range(1, len(segment) + 1):
                element = segment.get(f"{segment.get_seg_id()}{index:02d}")
                if element is None:
                    elements.append("")
                elif element.is_composite():
                    elements.append([element[n].get_value() or "" for n in range(len(element))])
                else:
                    elements.append(element.get_value() or "")
            yield segment.get_seg_id(), elements
    finally:
        reader.close()
