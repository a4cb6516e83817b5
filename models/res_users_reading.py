from odoo import api, fields, models

# The reading preference: (choice, label). "default" follows the programme for portal users.
READING_CHOICES = [
    ("default", "As my programme says"),
    ("easy", "Easy read: big text and pictures"),
    ("simple", "Easy read: big text, no pictures"),
    ("standard", "Standard text"),
]


class ResUsers(models.Model):
    _inherit = "res.users"

    pm_reading = fields.Selection(
        READING_CHOICES,
        string="How pages look",
        # Not required: a NOT NULL column on res.users would break the users other addons
        # create while they load before this one (an update of base, say); empty reads "default".
        default="default",
        help="Easy read shows big text (16 pt or more) on the mentoring screens, with or without "
        "pictures on the buttons. “As my programme says” gives easy read to portal users of "
        "programmes that ask for it, and standard text to everyone else.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["pm_reading"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["pm_reading"]

    def _pm_programmes(self):
        """The programmes this user takes part in as a mentee or a mentor (read with sudo: only
        their easy-read setting is used)."""
        self.ensure_one()
        env = self.sudo().env
        mentees = env["mentoring.mentee"].search([("partner_id", "=", self.partner_id.id)])
        mentors = env["mentoring.mentor"].search([("user_id", "=", self.id)])
        return mentees.program_ids | mentors.program_ids

    @api.model
    def _pm_reading_for(self, user):
        """What the user's pages look like: {"easy_read": bool, "pictures": bool}."""
        choice = user.pm_reading or "default"
        if choice == "default":
            by_programme = (
                user.share
                and not user._is_public()
                and any(user._pm_programmes().mapped("easy_read_default"))
            )
            choice = "easy" if by_programme else "standard"
        return {"easy_read": choice in ("easy", "simple"), "pictures": choice == "easy"}

    def _pm_reading(self):
        self.ensure_one()
        return self._pm_reading_for(self)

    def _pm_reading_classes(self):
        """The classes a mentoring page puts on its frame for this user: `o_pm_easy_read`
        (big text) with `o_pm_pictures` or `o_pm_simple_text`."""
        self.ensure_one()
        reading = self._pm_reading()
        if not reading["easy_read"]:
            return ""
        return "o_pm_easy_read " + ("o_pm_pictures" if reading["pictures"] else "o_pm_simple_text")
