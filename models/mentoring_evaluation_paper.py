from odoo import models


class MentoringEvaluation(models.Model):
    """What the printed evaluation needs beyond its fields (reports/evaluation_templates.xml)."""

    _inherit = "mentoring.evaluation"

    def _paper_signers(self):
        """Who completes the form (and, for the internship performance evaluation, the peer
        mentor it is reviewed with), printed before they sign and with their date after."""
        self.ensure_one()
        sudo = self.sudo()
        done = self.state == "done"
        # Who fills in each kind of form, as its paper version says (seed 000, 001).
        expected = {
            "internship_performance": (self.env._("Completed by the supervisor"), self.supervisor_name),
            "mentee_evaluation": (
                self.env._("Completed by the supervisor with the mentee"),
                self.supervisor_name,
            ),
            "exit_mentor": (self.env._("Completed by the oversight body"), False),
            "exit_supervisor": (self.env._("Completed by the oversight body"), False),
            "feedback_mentor": (self.env._("Completed by the mentor"), sudo.mentor_id.name),
            "feedback_mentee": (self.env._("Completed by the mentee"), self.mentee_name),
        }
        title, name = expected.get(self.kind, (self.env._("Completed by"), False))
        completed_by = sudo.completed_by_id
        # A form completed by a scheduled or set-up action names nobody who could sign it.
        if completed_by and not completed_by._is_superuser():
            name = completed_by.name
        signers = [
            {
                "title": title,
                "name": name or "",
                "image": False,
                "date": self.completed_on,
                "signed": done,
                "note": self.env._("Completed on screen"),
            }
        ]
        if self.kind == "internship_performance":
            signers.append(
                {
                    "title": self.env._("Reviewed with the peer mentor"),
                    "name": sudo.mentor_id.name or "",
                    "image": False,
                    "date": False,
                    "signed": False,
                    "note": False,
                }
            )
        return signers
