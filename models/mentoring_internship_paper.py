from odoo import models

from .mentoring_evaluation_template import INTERNSHIP_KINDS

PERIOD_ORDER = {"mid": 0, "end": 1}


class MentoringInternship(models.Model):
    """What the printed internship file needs beyond its fields (reports/evaluation_templates.xml)."""

    _inherit = "mentoring.internship"

    def _paper_evaluations(self):
        """The completed forms in the seed's order (seed 000: 2. performance evaluation,
        3. evaluation by mentee, 4. exit interview with the peer mentor, 5. with the supervisor),
        mid-point before end, then by date."""
        self.ensure_one()
        order = {kind: index for index, kind in enumerate(INTERNSHIP_KINDS)}
        return self.evaluation_ids.filtered(lambda e: e.state == "done").sorted(
            lambda e: (order.get(e.kind, len(order)), PERIOD_ORDER.get(e.period, 2), e.date, e.id)
        )

    def _paper_decision_signers(self):
        """The decision's signature lines: the supervisor's and the oversight body's, each with
        the name and date of the decision once recorded."""
        self.ensure_one()
        sudo = self.sudo()
        return [
            {
                "title": self.env._("Supervisor"),
                "name": (sudo.supervisor_decided_by_id.name or sudo.supervisor_id.name) or "",
                "image": False,
                "date": self.supervisor_decided_on,
                "signed": bool(self.supervisor_decision),
                "note": self.env._("Decision recorded on screen"),
            },
            {
                "title": self.env._("Oversight body"),
                "name": sudo.oversight_decided_by_id.name or "",
                "image": False,
                "date": self.oversight_decided_on,
                "signed": bool(self.oversight_decision),
                "note": self.env._("Decision recorded on screen"),
            },
        ]
