from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .mentoring_mentor import ONGOING_MATCH_STATES


class MentoringMatch(models.Model):
    """Relationships already running when the agency moves in. An imported match is made as a
    proposal (every hard rule asked, as on Matches → New), then started the way the buttons
    start one: by a coordinator of its programme who is not its mentor, with the start rules
    and the mentor's capacity asked, and, to be active, an agreement signed on paper."""

    _name = "mentoring.match"
    _inherit = ["mentoring.match", "mentoring.import.mixin"]
    _import_fields = frozenset({"import_state", "import_agreement_signed_on"})

    import_state = fields.Selection(
        [("draft", "Proposed"), ("introduced", "Introduced"), ("active", "Active"), ("on_hold", "On hold")],
        "Status (import)",
        compute="_compute_import_fields",
        inverse="_inverse_import_fields",
        exportable=False,
        help="Import only: the status the relationship has now. Active needs the date the "
        "agreement was signed on paper.",
    )
    import_agreement_signed_on = fields.Date(
        "Agreement signed on paper on (import)",
        compute="_compute_import_fields",
        inverse="_inverse_import_fields",
        exportable=False,
        help="Import only: the day the mentor and mentee signed the paper agreement. The agreement "
        "is recorded as signed that day; the paper stays on file.",
    )

    @api.model
    def get_import_templates(self):
        return self._import_template(
            "mentoring_match.xlsx", self.env._("Import Template for Running Matches")
        )

    def _apply_import_values(self, values):
        self.ensure_one()
        state = values.get("import_state") or "draft"
        signed_on = values.get("import_agreement_signed_on")
        self._check_import_date(signed_on, self.env._("Agreement signed on"))
        if state == "draft" and not signed_on:
            return
        self._check_acts_for(self.env._("record a running match"))
        if state in ONGOING_MATCH_STATES:
            self._check_import_date(self.date_start, self.env._("The start of a running match,"))
        if state == "active" and not signed_on:
            raise ValidationError(
                self.env._(
                    "%(match)s is active: give the day the agreement was signed on paper (column "
                    "“Agreement signed on paper on (import)”).",
                    match=self.display_name,
                )
            )
        if signed_on:
            self._record_paper_agreement(signed_on)
        if state in ONGOING_MATCH_STATES:
            # The same rules as the Introduce and Activate buttons; capacity is the constraint.
            self._raise_hard_rule_problems("start")
            self._set_state({"state": state})

    def _record_paper_agreement(self, day):
        """The agreement signed on paper before the addon, recorded as signed on that day by the
        mentor and the mentee (the coordinator recording it is one who may record signatures
        given in their presence: `_check_acts_for` asked it)."""
        note = self.env._(
            "Signed on paper on %(day)s; the paper is kept on file.", day=fields.Date.to_string(day)
        )
        agreement = (
            self.env["mentoring.agreement"]
            .sudo()
            .create(
                {
                    "match_id": self.id,
                    "purpose": note,
                    "development_goals": note,
                    "mentor_signed_on": day,
                    "mentee_signed_on": day,
                }
            )
        )
        agreement.write({"state": "signed", "date_signed": day})
        agreement._message_log(body=self.env._("Imported: %(note)s", note=note))
