from odoo import api, fields, models

SCREENING_FIELDS = ("interview_date", "background_check_date", "references_date")


class MentoringMentor(models.Model):
    """The steps a mentor goes through before their first match (MENTOR's Elements of Effective
    Practice, standard 2 "Screening"): an application, an interview, a background check,
    references and the introductory training. The application and the training have their own
    records; the other three are dates the coordinator records here. The programme quality
    report counts the mentors whose steps were all done before they were matched. Who records
    them is the profile's rule (`write` of mentoring.mentor): a coordinator of every programme
    the mentor works in, never the mentor themselves; the fields are hidden from mentors."""

    _inherit = "mentoring.mentor"

    interview_date = fields.Date("Interviewed on", tracking=True, groups="peer_mentoring.group_coordinator")
    background_check_date = fields.Date(
        "Background check cleared on",
        tracking=True,
        groups="peer_mentoring.group_coordinator",
        help="Only the date the check came back clear: what it said stays with HR.",
    )
    references_date = fields.Date(
        "References taken up on", tracking=True, groups="peer_mentoring.group_coordinator"
    )
    prematch_missing = fields.Char(
        "Pre-match steps missing",
        compute="_compute_prematch_missing",
        groups="peer_mentoring.group_coordinator",
    )

    @api.depends(*SCREENING_FIELDS, "training_ids.state", "employee_id")
    @api.depends_context("uid")
    def _compute_prematch_missing(self):
        today = fields.Date.context_today(self)
        for mentor in self:
            missing = mentor._origin._prematch_missing_on(today) if mentor._origin else []
            mentor.prematch_missing = ", ".join(missing) or False

    def _has_accepted_application(self):
        """Contact mentors apply through the mentor application; employees were hired by HR,
        whose recruitment is their application."""
        if self.employee_id:
            return True
        return bool(
            self.env["mentoring.mentor.application"]
            .sudo()
            .search_count([("mentor_id", "=", self.id), ("state", "=", "accepted")], limit=1)
        )

    def _prematch_missing_on(self, day):
        """The pre-match steps not done on or before `day`, in the order they are taken."""
        self.ensure_one()
        mentor = self.sudo()
        steps = [
            (self.env._("application"), mentor._has_accepted_application()),
            (self.env._("interview"), mentor.interview_date and mentor.interview_date <= day),
            (
                self.env._("background check"),
                mentor.background_check_date and mentor.background_check_date <= day,
            ),
            (self.env._("references"), mentor.references_date and mentor.references_date <= day),
            (self.env._("introductory training"), mentor._has_introductory_training(day)),
        ]
        return [name for name, done in steps if not done]
