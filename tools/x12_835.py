"""Reading a payer's 835 remittance (ASC X12 005010X221A1) into plain Python values.

Nothing here knows Odoo: the remittance model books what this reads. The file is checked with
pyx12 before it is read (tools/x12.py); what pyx12 does not check and money depends on — the
payment balances, the payer's trace number is there — is checked here."""

from datetime import datetime

from . import x12

# CAS group and reason of a contractual adjustment: the charge above the payer's fee schedule,
# which the agency writes off (the person does not owe it).
CONTRACTUAL = ("CO", "45")


def read_835(text):
    """{header, payments, adjustments} of an 835.

    header: amount (BPR02, the deposit), date (BPR16), trace (TRN02), payer_identifier (TRN03),
    payer (N1*PR name). payments: one per CLP, with its claim-level adjustments and its service
    lines. adjustments: the provider-level adjustments (PLB), each with its reason code,
    reference and amount (positive: the payer keeps it back; negative: it pays more)."""
    header, payments, adjustments = {}, [], []
    payment = service = None
    for segment_id, elements in x12.segments(text):
        element = lambda n, e=elements: e[n - 1] if len(e) >= n else ""  # noqa: E731
        if segment_id == "BPR":
            header.update(amount=_float(element(2)), date=_date(element(16)))
        elif segment_id == "TRN":
            header.update(trace=element(2), payer_identifier=element(3))
        elif segment_id == "N1" and element(1) == "PR":
            header["payer"] = element(2)
        elif segment_id == "CLP":
            payment = {
                "claim": element(1),
                "status": element(2),
                "charge": _float(element(3)),
                "paid": _float(element(4)),
                "patient": _float(element(5)),
                "payer_number": element(7),
                "adjustments": [],
                "contractual": 0.0,
                "services": [],
            }
            payments.append(payment)
            service = None
        elif segment_id == "SVC" and payment is not None:
            code = x12.components(element(1))
            service = {
                "code": code[1] if len(code) > 1 else "",
                "charge": _float(element(2)),
                "paid": _float(element(3)),
                "date": False,
                "reference": "",
                "adjustments": [],
                "contractual": 0.0,
            }
            payment["services"].append(service)
        elif segment_id == "DTM" and service is not None and element(1) == "472":
            service["date"] = _date(element(2))
        elif segment_id == "REF" and service is not None and element(1) == "6R":
            service["reference"] = element(2)
        elif segment_id == "CAS" and payment is not None:
            target = service if service is not None else payment
            for index in range(2, len(elements), 3):
                if element(index):
                    target["adjustments"].append((element(1), element(index), []))
                    if (element(1), element(index)) == CONTRACTUAL:
                        target["contractual"] += _float(element(index + 1))
        elif segment_id == "LQ" and service is not None and element(1) == "HE" and service["adjustments"]:
            service["adjustments"][-1][2].append(element(2))
        elif segment_id == "MOA" and payment is not None and payment["adjustments"]:
            payment["adjustments"][-1][2].extend(code for code in elements[2:7] if code)
        elif segment_id == "PLB":
            payment = service = None
            for index in range(3, len(elements), 2):
                reason = x12.components(element(index))
                if reason:
                    adjustments.append(
                        {
                            "provider": element(1),
                            "date": _date(element(2)),
                            "code": reason[0],
                            "reference": reason[1] if len(reason) > 1 else "",
                            "amount": _float(element(index + 1)),
                        }
                    )
    return {"header": header, "payments": payments, "adjustments": adjustments}


def balance_problem(remittance):
    """Why the 835 does not add up, or False. The guide's balancing rule: the payment (BPR02)
    is the claims' payments (CLP04) less the provider-level adjustments (PLB amounts). A file
    cut short or edited by hand fails it even when its trailers were mended."""
    claims = round(sum(p["paid"] for p in remittance["payments"]), 2)
    held_back = round(sum(a["amount"] for a in remittance["adjustments"]), 2)
    deposit = round(remittance["header"].get("amount", 0.0), 2)
    if abs(claims - held_back - deposit) > 0.005:
        return (
            f"the payment is {deposit:.2f} but the claim payments ({claims:.2f}) less the "
            f"provider-level adjustments ({held_back:.2f}) make {claims - held_back:.2f}"
        )
    return False


def _float(value):
    try:
        return float(value or 0)
    except ValueError:
        return 0.0


def _date(value):
    try:
        return datetime.strptime(value, "%Y%m%d").date() if value else False
    except ValueError:
        return False
