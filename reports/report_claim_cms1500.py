from odoo import api, models

from ..tools.claim_codes import icd10_for_claim, split_codes

LINES_PER_FORM = 6  # box 24 has six service lines
FILING_BOX_1 = {"MB": "medicare", "MC": "medicaid", "HM": "group", "CI": "group"}


class ReportClaimCms1500(models.AbstractModel):
    """The CMS-1500 (02/12) of a claim: the form's numbered boxes laid out on plain paper, six
    service lines to a form, from what the claim carries (nothing read from the mentoring
    records)."""

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
            diagnoses = [icd10_for_claim(code) for code in split_codes(claim.diagnosis_codes)]
            for page, chunk in enumerate(chunks, 1):
                forms.append(
                    {
                        "claim": claim,
                        "page": page,
                        "pages": len(chunks),
                        "lines": chunk,
                        "total": sum(chunk.mapped("charge")),
                        "paid": claim.amount_paid if page == len(chunks) else 0.0,
                        "diagnoses": dict(zip("ABCDEFGHIJKL", diagnoses, strict=False)),
                        "box1": FILING_BOX_1.get(claim.payer_id.mentoring_claim_filing_code, "other"),
                        "patient": self._last_first(claim.patient_name),
                    }
                )
        return {"doc_ids": docids, "doc_model": "mentoring.claim", "docs": claims, "forms": forms}

    @staticmethod
    def _last_first(name):
        parts = (name or "").split()
        return f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else name or ""
