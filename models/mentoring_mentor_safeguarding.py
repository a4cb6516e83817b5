from odoo import models


class MentoringMentor(models.Model):
    _name = "mentoring.mentor"
    _inherit = ["mentoring.mentor", "mentoring.safeguarding.raise.mixin"]
    _concern_link = "subject_mentor_id"

    def _raise_concern_defaults(self):
        allegation = self.env.ref("peer_mentoring.safeguarding_type_allegation")
        return {"default_subject_mentor_id": self.id, "default_type_id": allegation.id}
