"""19.0.1.3.0 prints the day a monthly timesheet was submitted and approved on its signature lines
(`submitted_on`, `approved_on`). Timesheets submitted or approved before the upgrade get those days
from their chatter: the state change that approved them (it also sets who approved) and the one
before it that submitted them; the last change of the record when the chatter has none.
Days are those of the chatter's UTC time stamps.

Each match's `last_meeting_date` (the day of its last confirmed meeting, read by *Needs doing*)
is filled from its meetings, when the upgrade made the column (`_auto_init`) and again here.
Each match's `has_signed_agreement` (stored for *Needs doing* since this version) is computed by
the upgrade itself when it makes the column, as any new stored compute is.

Every other field added since 19.0.1.2.0 is filled by the upgrade itself (defaults, stored
computes) or is a fact nobody recorded before (a mentor's screening dates, a person's sex for
claims, signing links), which stays empty rather than made up."""

from odoo.addons.peer_mentoring.models.mentoring_match_last_meeting import LAST_MEETING_UPDATE

STATE_CHANGES = """
    CREATE TEMPORARY VIEW monthly_timesheet_state_changes AS
    SELECT message.res_id AS sheet_id,
           message.date,
           EXISTS (
               SELECT 1
                 FROM mail_tracking_value approver
                 JOIN ir_model_fields approver_field ON approver_field.id = approver.field_id
                WHERE approver.mail_message_id = message.id
                  AND approver_field.name = 'approved_by_id'
                  AND approver.new_value_integer IS NOT NULL
           ) AS approval
      FROM mail_message message
      JOIN mail_tracking_value tracking ON tracking.mail_message_id = message.id
      JOIN ir_model_fields field ON field.id = tracking.field_id
     WHERE message.model = 'mentoring.monthly.timesheet'
       AND field.model = 'mentoring.monthly.timesheet'
       AND field.name = 'state'
"""


def migrate(cr, version):
    cr.execute(STATE_CHANGES)
    cr.execute(
        """
        UPDATE mentoring_monthly_timesheet sheet
           SET approved_on = COALESCE(
                   (SELECT max(change.date) FROM monthly_timesheet_state_changes change
                     WHERE change.sheet_id = sheet.id AND change.approval)::date,
                   sheet.write_date::date)
         WHERE sheet.state = 'approved' AND sheet.approved_on IS NULL
        """
    )
    cr.execute(
        """
        UPDATE mentoring_monthly_timesheet sheet
           SET submitted_on = COALESCE(
                   (SELECT max(change.date) FROM monthly_timesheet_state_changes change
                     WHERE change.sheet_id = sheet.id AND NOT change.approval)::date,
                   sheet.approved_on,
                   sheet.write_date::date)
         WHERE sheet.state IN ('submitted', 'approved') AND sheet.submitted_on IS NULL
        """
    )
    cr.execute("DROP VIEW monthly_timesheet_state_changes")
    fill_last_meeting_dates(cr)


def fill_last_meeting_dates(cr):
    cr.execute(LAST_MEETING_UPDATE)
