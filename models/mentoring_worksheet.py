import base64

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

# The rows of seed 002's planning worksheet, in the paper's order.
WORKSHEET_TOPICS = [
    ("goal", "Intended goal / What do I want to learn?"),
    ("learning_style", "Learning style"),
    ("organisational_experience", "Organisational experience"),
    ("programme_roles", "Programme roles"),
    ("individual_experience", "Individual experience"),
    ("resources", "Resources available (other supports)"),
    ("communication", "Communication and meeting format"),
    ("timeline", "Timeline / follow-up"),
]
DEFAULT_MENTOR_RESOURCES = "Programme handbook; the coordinator's technical assistance"


class MentoringWorksheet(models.Model):
    """Seed 002's mentoring planning worksheet: for each planning topic, the mentor's notes and
    the mentee's notes. Both sides fill it in during the mentorship; the final worksheet is
    sent to the programme's coordinators when the mentorship is completed."""

    _name = "mentoring.worksheet"
    _description = "Mentoring Planning Worksheet"
    _inherit = ["mentoring.match.child.mixin", "mentoring.thread.mixin", "mail.activity.mixin"]
    _order = "match_id, id desc"
    # New is offered only where the user has something to pick here (mentoring.new.offer.mixin).
    _new_record_needs = ("match_id",)
    _protected_fields = frozenset({"state", "date_sent", "sent_by_id"})
    _locked_states = frozenset({"sent"})

    # Worksheets are for organisation programmes.
    match_id = fields.Many2one(
        domain=[("user_may_add_records", "=", True), ("program_id.program_type", "=", "organization")]
    )
    name = fields.Char(compute="_compute_name", store=True)
    date_from = fields.Date("From", compute="_compute_dates", store=True, readonly=False)
    date_to = fields.Date("To", compute="_compute_dates", store=True, readonly=False)
    line_ids = fields.One2many(
        "mentoring.worksheet.line",
        "worksheet_id",
        string="Planning topics",
        copy=True,
        default=lambda self: self._default_line_ids(),
    )
    state = fields.Selection(
        [("draft", "Being filled in"), ("sent", "Sent to the programme")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    date_sent = fields.Datetime("Sent on", readonly=True, copy=False)
    sent_by_id = fields.Many2one("res.users", string="Sent by", readonly=True, copy=False)

    _dates_ordered = models.Constraint(
        "CHECK(date_to IS NULL OR date_from IS NULL OR date_to >= date_from)",
        "The worksheet's “To” date must be on or after its “From” date.",
    )

    @api.constrains("match_id")
    def _check_organisation_programme(self):
        for worksheet in self.sudo():
            if worksheet.program_id.program_type != "organization":
                raise ValidationError(
                    self.env._(
                        "The planning worksheet is for programmes of organisations; %(program)s is a "
                        "person-to-person programme: use the individual plan.",
                        program=worksheet.program_id.name,
                    )
                )

    @api.model
    def _default_line_ids(self):
        return [
            Command.create(
                {
                    "topic": topic,
                    "sequence": index,
                    "mentor_notes": DEFAULT_MENTOR_RESOURCES if topic == "resources" else False,
                }
            )
            for index, (topic, _label) in enumerate(WORKSHEET_TOPICS)
        ]

    @api.depends("match_id.name")
    def _compute_name(self):
        for worksheet in self:
            worksheet.name = self.env._("Planning worksheet %(match)s", match=worksheet.match_id.name or "")

    @api.depends("match_id.date_start", "match_id.date_end")
    def _compute_dates(self):
        for worksheet in self:
            worksheet.date_from = worksheet.date_from or worksheet.match_id.date_start
            worksheet.date_to = worksheet.date_to or worksheet.match_id.date_end

    def _locked_message(self, locked, deleting):
        return self.env._("This worksheet has been sent to the programme and is kept as it was sent.")

    def _check_open_for_notes(self):
        """Rows are written as their worksheet is: by who may change it, while it is a draft of
        a match that is not closed."""
        self.check_access("write")
        self.match_id._check_editable()
        self._check_not_locked({"line_ids": True})

    def action_send_to_programme(self):
        """The parties send the final worksheet when the mentorship is completed."""
        self.check_access("write")
        self.match_id._check_editable()
        self._send_to_programme()

    def _send_to_programme(self):
        """Post the worksheet as a PDF to the programme's coordinators, on the worksheet's own
        chatter: who may read the worksheet (its parties and coordinators) may read the file,
        nobody else (the programme's own chatter is read by every mentor and by finance)."""
        for worksheet in self.filtered(lambda w: w.state == "draft"):
            content, kind = self.env["ir.actions.report"]._render_qweb_pdf(
                "peer_mentoring.mentoring_worksheet_report", worksheet.ids
            )
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": f"{worksheet.name}.{kind}",
                        "datas": base64.b64encode(content),
                        "res_model": worksheet._name,
                        "res_id": worksheet.id,
                    }
                )
            )
            coordinators = worksheet.sudo().program_id.coordinator_ids
            worksheet.sudo().write(
                {"state": "sent", "date_sent": fields.Datetime.now(), "sent_by_id": self.env.uid}
            )
            worksheet.sudo().message_post(
                body=self.env._("Final planning worksheet sent to the programme's coordinators."),
                attachment_ids=attachment.ids,
                partner_ids=worksheet._partners_who_may_read(coordinators.partner_id).ids,
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_comment",
            )

    @api.model
    def _new_record_unavailable_help(self):
        return self.env._(
            "Planning worksheets are written for an ongoing match of an organisation "
            "(provider-to-provider) programme, by its mentor organisation or its coordinator, and "
            "you have no such match. Once you are matched in such a programme, your worksheets "
            "start here."
        )
