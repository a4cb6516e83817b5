from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.claim_codes import ICD10_CODE, split_codes

MAX_DIAGNOSES = 12  # box 21 A–L, and the 837P's HI segment


class MentoringMenteeCoverage(models.Model):
    """The person's diagnosis codes with this payer: clinical, so only coordinators read and
    record them; finance reads them on the claims that carry them, nowhere else."""

    _inherit = "mentoring.mentee.coverage"

    diagnosis_codes = fields.Char(
        "Diagnosis codes (ICD-10)",
        groups="peer_mentoring.group_coordinator",
        help="The codes the payer authorised the service for, most important first, e.g. "
        "“F84.0, F70”. Claims carry them; nobody else reads them.",
    )

    @api.constrains("diagnosis_codes")
    def _check_diagnosis_codes(self):
        for coverage in self.sudo():
            codes = split_codes(coverage.diagnosis_codes)
            wrong = [code for code in codes if not ICD10_CODE.match(code)]
            if wrong:
                raise ValidationError(
                    self.env._(
                        "%(code)s is not an ICD-10 code: a letter, two digits or letters, then up to "
                        "four more after a dot (e.g. F84.0).",
                        code=wrong[0],
                    )
                )
            if len(codes) > MAX_DIAGNOSES:
                raise ValidationError(self.env._("A claim carries twelve diagnosis codes at most."))

    def _claim_diagnoses(self):
        self.ensure_one()
        return split_codes(self.sudo().diagnosis_codes)
