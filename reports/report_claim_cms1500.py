import re

from odoo import api, fields, models
from odoo.addons.base.models.ir_actions_report import _wkhtml

from ..tools import cms1500_layout as layout
from ..tools.claim_codes import icd10_for_claim, split_codes

LINES_PER_FORM = 6  # box 24 has six service lines
FILING_BOX_1 = {"MB": "medicare", "MC": "medicaid", "HM": "group", "CI": "group"}


def _upper(text):
    return " ".join((text or "").upper().split())


def _address(text):
    """NUCC: no punctuation or other symbols in an address (123 N MAIN STREET 101)."""
    return _upper(re.sub(r"[^0-9A-Za-z ]+", " ", text or ""))


def _zip(text):
    """Five digits, or nine with the hyphen (NUCC, items 5, 7, 32, 33)."""
    digits = re.sub(r"\D", "", text or "")
    return f"{digits[:5]}-{digits[5:9]}" if len(digits) >= 9 else digits[:5]


def _phone(text):
    """(area code, number): ten digits, no hyphen or space in the number."""
    digits = re.sub(r"\D", "", text or "")[-10:]
    return (digits[:3], digits[3:]) if len(digits) == 10 else ("", "")


def _name(name):
    """LAST, FIRST, M: commas between, no periods (a hyphen may stay)."""
    parts = re.sub(r"[^0-9A-Za-z\- ]+", " ", name or "").split()
    if len(parts) < 2:
        return _upper(" ".join(parts))
    text = f"{parts[-1]}, {parts[0]}"
    if len(parts) > 2:
        text += f", {parts[1][0]}"
    return text.upper()


def _amount(value):
    """(dollars, cents) of a charge: dollars right-aligned in their area, cents apart."""
    dollars, cents = f"{value:.2f}".split(".")
    return dollars, cents


def _date(day, digits=6):
    return day.strftime("%m %d %y" if digits == 6 else "%m %d %Y") if day else ""


class ReportClaimCms1500(models.AbstractModel):
    """The CMS-1500 (02/12) of a claim, each value at its box's place on the NUCC form (10
    characters per inch, 6 lines per inch, letter paper): six service lines to a form, from what
    the claim carries (nothing read from the mentoring records). `full_form` draws the form's
    rules and titles for plain paper; without it only the data print, for the red form."""

    _name = "report.peer_mentoring.report_claim_cms1500"
    _description = "CMS-1500 of a Mentoring Claim"

    @api.model
    def _get_report_values(self, docids, data=None):
        claims = self.env["mentoring.claim"].browse(docids)
        claims.check_access("read")
        forms = []
        for claim in claims:
            lines = claim.line_ids.sorted("sequence")
            chunks = [lines[i : i + LINES_PER_FORM] for i in range(0, len(lines), LINES_PER_FORM)] or [lines]
            for page, chunk in enumerate(chunks, 1):
                forms.append(
                    {
                        "claim": claim,
                        "page": page,
                        "pages": len(chunks),
                        "fields": self._fields_of(claim, chunk),
                    }
                )
        return {
            "doc_ids": docids,
            "doc_model": "mentoring.claim",
            "docs": claims,
            "forms": forms,
            "full_form": self._full_form,
            "drawing": self._drawing() if self._full_form else [],
            "place": self._place,
            "zoom": self._pdf_zoom() if (data or {}).get("report_type") == "pdf" else 1.0,
        }

    @staticmethod
    def _pdf_zoom():
        """wkhtmltopdf built on an unpatched Qt ignores --dpi, --zoom and --disable-smart-shrinking
        and prints an inch of the page as 96/125 inch: the sheet is zoomed back so that the form's
        inches are the paper's (measured: 0.3 in and 5.2 in land at 21.6 pt and 374.4 pt)."""
        return 1.0 if _wkhtml().is_patched_qt else 125 / 96

    _full_form = False

    @staticmethod
    def _drawing():
        """[(CSS class, style, text)] of the form drawn for plain paper: shaded supplemental
        lines, rules, titles, check boxes, line numbers."""
        x, y, out = layout.x_in, layout.y_in, []
        for number, (shaded, line) in enumerate(layout.SERVICE_LINES, 1):
            out.append(("c-shade", f"left:{x(0.5):.3f}in;top:{y(shaded):.4f}in;width:6.45in;", ""))
            out.append(("c-shade", f"left:{x(67.5):.3f}in;top:{y(shaded):.4f}in;width:1.3in;", ""))
            out.append(("c-l c-n", f"left:0.12in;top:{y(line):.4f}in;", str(number)))
        for line, start, end in layout.H_RULES:
            kind = "c-h c-thick" if line in layout.THICK_H_RULES else "c-h"
            width = (end - start) * layout.COL_IN
            out.append((kind, f"left:{x(start):.3f}in;top:{y(line + 1):.4f}in;width:{width:.3f}in;", ""))
        for start, end, col in layout.V_RULES:
            height = (end - start) * layout.LINE_IN
            out.append(("c-v", f"left:{x(col):.3f}in;top:{y(start + 1):.4f}in;height:{height:.4f}in;", ""))
        for line, col, text in layout.LABELS:
            for row, part in enumerate(text.split("\n")):
                if part:
                    out.append(
                        ("c-l", f"left:{x(col):.3f}in;top:{y(line) + 0.01 + row * 0.075:.4f}in;", part)
                    )
        for line, col, word, before in layout.CHECKBOXES:
            out.append(("c-box", f"left:{x(col) + 0.005:.3f}in;top:{y(line) + 0.04:.4f}in;", ""))
            if word and before:
                out.append(("c-l", f"right:{8.5 - x(col) + 0.02:.3f}in;top:{y(line) + 0.05:.4f}in;", word))
            elif word:
                out.append(("c-l", f"left:{x(col + 1) + 0.02:.3f}in;top:{y(line) + 0.05:.4f}in;", word))
        return out

    @staticmethod
    def _place(line, col, width=None):
        style = f"left:{layout.x_in(col):.2f}in;top:{layout.y_in(line):.4f}in;"
        if width:
            style += f"width:{width * layout.COL_IN:.2f}in;"
        return style

    def _fields_of(self, claim, lines):
        """[(box, line, column, width in characters, text, right-aligned)] of one form."""
        company = claim.company_id
        payer = claim.payer_id
        out = []

        def put(box, line, col, width, text, right=False):
            out.append((box, line, col, width, (text or "")[:width], right))

        # Carrier block: the payer's name and mailing address.
        put("carrier-name", 2, 41, 31, _upper(payer.name))
        put("carrier-street", 3, 41, 31, _address(payer.street))
        put("carrier-street2", 4, 41, 31, _address(payer.street2))
        city = " ".join(filter(None, [_address(payer.city), payer.state_id.code or "", _zip(payer.zip)]))
        put("carrier-city", 5, 41, 31, city)
        # 1-13: the person is the insured (relationship: self) and has no other plan recorded.
        kind = FILING_BOX_1.get(payer.mentoring_claim_filing_code, "other")
        put("1", 8, layout.BOX1_COLUMNS[kind], 1, "X")
        put("1a", 8, 50, 29, _upper(claim.member_id))
        name = _name(claim.patient_name)
        put("2", 10, 1, 28, name)
        birth = claim.patient_birthdate
        put("3-mm", 10, 31, 2, birth and birth.strftime("%m"))
        put("3-dd", 10, 34, 2, birth and birth.strftime("%d"))
        put("3-yyyy", 10, 37, 4, birth and birth.strftime("%Y"))
        if claim.patient_sex:
            put("3-sex", 10, 42 if claim.patient_sex == "M" else 47, 1, "X")
        put("4", 10, 50, 29, name)
        for box, col in (("5", 1), ("7", 50)):
            put(f"{box}-street", 12, col, 28, _address(claim.patient_street))
            put(f"{box}-city", 14, col, 23 if box == "7" else 24, _address(claim.patient_city))
            put(f"{box}-state", 14, 26 if box == "5" else 74, 2, _upper(claim.patient_state_code))
            put(f"{box}-zip", 16, col, 12, _zip(claim.patient_zip))
        put("6", 12, 33, 1, "X")
        put("9", 18, 1, 28, "")
        put("9a", 20, 1, 28, "")
        put("9d", 26, 1, 28, "")
        for box, line in (("10a", 20), ("10b", 22), ("10c", 24)):
            put(box, line, 41, 1, "X")
        put("10d", 26, 34, 14, "")
        put("11", 18, 50, 29, "")
        put("11a-mm", 20, 53, 2, birth and birth.strftime("%m"))
        put("11a-dd", 20, 56, 2, birth and birth.strftime("%d"))
        put("11a-yyyy", 20, 59, 4, birth and birth.strftime("%Y"))
        if claim.patient_sex:
            put("11a-sex", 20, 68 if claim.patient_sex == "M" else 75, 1, "X")
        put("11b", 22, 50, 29, "")
        put("11c", 24, 50, 29, _upper(payer.name))
        put("11d", 26, 57, 1, "X")
        put("12", 29, 7, 22, "SIGNATURE ON FILE")
        put("13", 29, 56, 22, "SIGNATURE ON FILE")
        # 14-23
        put("19", 36, 1, 48, "")
        put("20", 36, 57, 1, "X")
        put("21-ind", 37, 42, 1, "0")
        diagnoses = [icd10_for_claim(code) for code in split_codes(claim.diagnosis_codes)]
        for index, letter in enumerate("ABCDEFGHIJKL"):
            code = diagnoses[index] if index < len(diagnoses) else ""
            put(f"21{letter}", 38 + index // 4, 3 + 13 * (index % 4), 8, code)
        resubmitted = claim.frequency != "1"
        put("22", 38, 50, 10, claim.frequency if resubmitted else "")
        put("22-ref", 38, 62, 17, _upper(claim.payer_claim_number) if resubmitted else "")
        put("23", 40, 50, 29, _upper(claim.prior_authorization))
        # 24: one service line on each unshaded line, its supplement on the shaded one above.
        for n, line in enumerate(lines, 1):
            shaded, row = layout.SERVICE_LINES[n - 1]
            own_auth = line.prior_authorization and not claim.prior_authorization
            put(f"24-{n}-shaded", shaded, 1, 63, f"G1{_upper(line.prior_authorization)}" if own_auth else "")
            put(f"24I-{n}-shaded", shaded, 65, 2, "ZZ" if line.rendering_taxonomy else "")
            put(f"24J-{n}-shaded", shaded, 68, 11, _upper(line.rendering_taxonomy))
            put(f"24A-{n}-from", row, 1, 8, _date(line.date))
            put(f"24A-{n}-to", row, 10, 8, _date(line.date))
            put(f"24B-{n}", row, 19, 2, line.place_of_service)
            put(f"24C-{n}", row, 22, 2, "")
            put(f"24D-{n}", row, 25, 6, _upper(line.procedure_code))
            for index, col in enumerate((33, 36, 39, 42)):
                modifiers = line.modifier_list or []
                put(f"24D-{n}-m{index + 1}", row, col, 2, modifiers[index] if index < len(modifiers) else "")
            put(f"24E-{n}", row, 45, 4, line.diagnosis_pointer)
            dollars, cents = _amount(line.charge)
            put(f"24F-{n}-dollars", row, 50, 5, dollars, right=True)
            put(f"24F-{n}-cents", row, 56, 2, cents)
            put(f"24G-{n}", row, 59, 3, f"{line.units:g}")
            put(f"24H-{n}", row, 63, 2, "")
            put(f"24J-{n}", row, 68, 11, line.rendering_npi)
        # 25-33
        put("25", 56, 1, 15, claim.company_id.claim_tax_id)
        put("25-ein", 56, 19, 1, "X")
        put("26", 56, 23, 14, _upper(claim.name))
        put("27", 56, 38, 1, "X")
        dollars, cents = _amount(sum(lines.mapped("charge")))
        put("28-dollars", 56, 52, 5, dollars, right=True)
        put("28-cents", 56, 58, 2, cents)
        # 29: what the person or another payer paid before this claim: nobody, so blank.
        put("29-dollars", 56, 62, 5, "", right=True)
        put("29-cents", 56, 68, 2, "")
        put("31", 60, 1, 21, "SIGNATURE ON FILE")
        put("31-date", 61, 13, 8, _date(claim.date_sent or fields.Date.context_today(self)))
        area, number = _phone(company.claim_contact_phone or company.phone)
        put("33-area", 57, 66, 3, area)
        put("33-phone", 57, 70, 7, number)
        city = " ".join(
            filter(None, [_address(company.city), company.state_id.code or "", _zip(company.zip)])
        )
        for box, col, width in (("32", 23, 26), ("33", 50, 29)):
            put(f"{box}-name", 58, col, width, _address(company.name))
            put(f"{box}-street", 59, col, width, _address(company.street))
            put(f"{box}-city", 60, col, width, city)
        put("32a", 61, 23, 10, company.claim_npi)
        put("33a", 61, 50, 10, company.claim_npi)
        put("33b", 61, 63, 17, f"ZZ{company.claim_taxonomy}" if company.claim_taxonomy else "")
        return out


class ReportClaimCms1500Form(models.AbstractModel):
    """The same CMS-1500 with the form drawn (rules, titles, check boxes): for plain paper."""

    _name = "report.peer_mentoring.report_claim_cms1500_form"
    _inherit = "report.peer_mentoring.report_claim_cms1500"
    _description = "CMS-1500 of a Mentoring Claim, form drawn"

    _full_form = True
