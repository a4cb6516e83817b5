"""The 837P guide's situational rules (005010X222A1) that pyx12 does not enforce.

pyx12 checks the syntax: segments, loops, element sizes and code lists. The guide also says
when a loop must or must not be sent, and what values must agree; clearinghouses reject files
that break these. Plain Python, like tools/x12.py: the server checks every file with it before
it is kept, and the tests check the files they make."""

import re

from . import x12
from .claim_codes import TAXONOMY_CODE, npi_problem


def situational_errors(text):
    """Every situational rule the 837P breaks, as plain strings naming the loop: an empty list
    means none."""
    errors = []
    billing = {"npi": "", "zip": None, "street": None}
    claims = []
    claim = line = None
    loop = None  # the loop the next N3/N4/PRV/REF/DMG belongs to
    subscriber_is_patient = dmg_pending = False
    for segment_id, elements in x12.segments(text):
        element = lambda n, e=elements: e[n - 1] if len(e) >= n else ""  # noqa: E731
        if segment_id == "HL":
            loop = {"20": "2000A", "22": "2000B", "23": "2000C"}.get(element(3))
            claim = line = None
        elif segment_id == "SBR":
            subscriber_is_patient = element(2) == "18"
        elif segment_id == "PRV" and loop == "2000A":
            if not TAXONOMY_CODE.match(element(3)):
                errors.append(f"2000A PRV03: {element(3)} is not a provider taxonomy code")
        elif segment_id == "NM1":
            entity = element(1)
            if entity == "85":
                loop, billing["npi"] = "2010AA", element(9)
                problem = npi_problem(element(9))
                if problem:
                    errors.append(f"2010AA NM109: the billing provider's NPI is not valid: {problem}")
            elif entity == "IL":
                loop, dmg_pending = "2010BA", subscriber_is_patient
            elif entity == "82":
                if line is not None:
                    loop = "2420A"
                    line["rendering"] = element(9)
                elif claim is not None:
                    loop = "2310B"
                    claim["rendering"] = element(9)
            else:
                loop = {"PR": "2010BB", "41": "1000A", "40": "1000B"}.get(entity, entity)
        elif segment_id == "N3" and loop == "2010AA":
            billing["street"] = element(1)
        elif segment_id == "N4" and loop == "2010AA":
            billing["zip"] = element(3)
        elif segment_id == "REF" and loop == "2010AA" and element(1) == "EI":
            if not re.fullmatch(r"[0-9]{9}", element(2)):
                errors.append("2010AA REF02: the billing provider's EIN must be nine digits, without a dash")
        elif segment_id == "DMG" and loop == "2010BA":
            dmg_pending = False
        elif segment_id == "CLM":
            if dmg_pending:
                errors.append(
                    f"2010BA DMG: the subscriber is the patient, so the date of birth is required (claim {element(1)})"
                )
                dmg_pending = False
            frequency = x12.components(element(5))
            claim = {
                "id": element(1),
                "charge": _float(element(2)),
                "frequency": frequency[2] if len(frequency) > 2 else "",
                "diagnoses": 0,
                "original": False,
                "rendering": "",
                "lines": [],
            }
            claims.append(claim)
            line, loop = None, "2300"
        elif segment_id == "REF" and loop == "2300" and element(1) == "F8":
            claim["original"] = True
        elif segment_id == "HI" and claim is not None and line is None:
            claim["diagnoses"] += len([e for e in elements if e])
        elif segment_id == "LX" and claim is not None:
            line = {"charge": 0.0, "pointers": [], "rendering": None}
            claim["lines"].append(line)
            loop = "2400"
        elif segment_id == "SV1" and line is not None:
            line["charge"] = _float(element(2))
            line["pointers"] = [int(p) for p in x12.components(element(7)) if p.isdigit()]
    errors += _billing_provider_errors(billing)
    for each in claims:
        errors += _claim_errors(each, billing["npi"])
    return errors


def _billing_provider_errors(billing):
    errors = []
    if billing["zip"] is not None and not re.fullmatch(r"[0-9]{9}", billing["zip"] or ""):
        errors.append(
            f"2010AA N403: the billing provider's ZIP code must have nine digits (ZIP+4), not {billing['zip']!r}"
        )
    if billing["street"] and re.search(r"\bP\.?\s*O\.?\s*BOX\b|\bLOCK\s*BOX\b", billing["street"], re.I):
        errors.append(
            "2010AA N301: the billing provider's address must be a street address, not a post-office box"
        )
    return errors


def _claim_errors(claim, billing_npi):
    errors = []
    name = claim["id"]
    total = round(sum(line["charge"] for line in claim["lines"]), 2)
    if abs(total - claim["charge"]) > 0.005:
        errors.append(
            f"2300 CLM02 of claim {name}: {claim['charge']:.2f} is not the sum of its lines ({total:.2f})"
        )
    if claim["frequency"] in ("7", "8") and not claim["original"]:
        errors.append(f"2300 REF*F8 of claim {name}: a replacement or void names the payer's claim number")
    claim_renderer = claim["rendering"]
    if claim_renderer and claim_renderer == billing_npi:
        errors.append(
            f"2310B of claim {name}: the rendering provider is the billing provider; do not send it"
        )
    # The provider who rendered each line: its own (2420A), else the claim's (2310B), else the billing provider.
    renderers = [line["rendering"] or claim_renderer or billing_npi for line in claim["lines"]]
    for number, line in enumerate(claim["lines"], 1):
        if line["rendering"] and line["rendering"] == (claim_renderer or billing_npi):
            errors.append(
                f"2420A of claim {name}, line {number}: the same rendering provider as the claim's; send it "
                "only where a line's provider differs"
            )
        if any(pointer > claim["diagnoses"] for pointer in line["pointers"]):
            errors.append(
                f"2400 SV107 of claim {name}, line {number}: a diagnosis pointer points to no HI code"
            )
    if not claim_renderer and len(set(renderers)) == 1 and renderers[0] != billing_npi:
        errors.append(
            f"2310B of claim {name}: every line has the same rendering provider, other than the billing "
            "provider: send it once at claim level (2310B), not on each line"
        )
    elif renderers and not claim_renderer and all(r != billing_npi for r in renderers):
        errors.append(
            f"2310B of claim {name}: no line was rendered by the billing provider, so loop 2310B is required"
        )
    return errors


def _float(value):
    try:
        return float(value or 0)
    except ValueError:
        return 0.0
