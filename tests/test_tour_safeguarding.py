from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common_safeguarding import SafeguardingCase


@tagged("post_install", "-at_install")
class TestSafeguardingTour(SafeguardingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # England's rules as shipped require nothing for a disclosure by the person; this agency
        # adds its local rule, as data: children's services are told within one working day.
        cls.children_services = cls.env["mentoring.safeguarding.requirement"].create(
            {
                "name": "Children's services (local authority)",
                "jurisdiction_id": cls.env.ref("peer_mentoring.safeguarding_jurisdiction_england").id,
                "type_ids": [(6, 0, cls.type_disclosure.ids)],
                "method": "phone",
                "deadline_unit": "working_days",
                "deadline_value": 1,
            }
        )

    def test_mentor_raises_a_concern_from_a_meeting_then_the_lead_notifies_and_closes_it(self):
        self.start_tour("/odoo", "peer_mentoring_safeguarding_raise_tour", login=self.mentor_user.login)
        concern = self.env["mentoring.safeguarding.concern"].search(
            [("raised_by_id", "=", self.mentor_user.id)]
        )
        self.assertEqual(len(concern), 1)
        self.assertEqual(concern.raised_by_id, self.mentor_user)
        self.assertEqual(concern.type_id, self.type_disclosure)
        self.assertEqual((concern.encounter_id, concern.match_id), (self.encounter, self.match))
        self.assertEqual(concern.steps_taken, "Told my supervisor by phone")
        notification = concern.notification_ids
        self.assertEqual(notification.requirement_id, self.children_services)
        self.assertEqual(notification.state, "due")

        printed = []
        Report = self.registry["ir.actions.report"]
        render_pdf = Report._render_qweb_pdf

        def record_print(report, report_ref, res_ids=None, data=None):
            printed.append((report.env.user, report._get_report(report_ref).report_name, list(res_ids or [])))
            return render_pdf(report, report_ref, res_ids=res_ids, data=data)

        with patch.object(Report, "_render_qweb_pdf", record_print):
            self.start_tour("/odoo", "peer_mentoring_safeguarding_lead_tour", login=self.lead_user.login)
        concern.invalidate_recordset()
        notification.invalidate_recordset()
        # Who told whom, when, and their reference: as the lead typed it, recorded by the lead.
        self.assertEqual(notification.state, "done")
        self.assertEqual(notification.contact_name, "Sam Duty")
        self.assertEqual(notification.reference, "CS-2026-0147")
        self.assertEqual(notification.notified_by_id, self.lead_user)
        # Typed as "five minutes ago" in the lead's own format: a misread date (day and month
        # swapped, a wrong year) falls outside these bounds.
        now = fields.Datetime.now()
        self.assertEqual(notification.notified_on.second, 0)
        self.assertTrue(concern.raised_on - timedelta(minutes=10) <= notification.notified_on <= now)
        self.assertFalse(notification.activity_id.active, "the notification's activity is done")
        # The outcome and the closure, by the lead.
        self.assertEqual(concern.outcome, "substantiated")
        self.assertEqual(
            concern.outcome_summary, "Children's services visited; a protection plan is in place."
        )
        self.assertEqual(concern.outcome_recorded_by_id, self.lead_user)
        self.assertEqual(concern.state, "closed")
        self.assertEqual(concern.closed_by_id, self.lead_user)
        self.assertFalse(concern.activity_ids, "no activity is left to do on a closed concern")
        tracked = concern.message_ids.filtered(lambda m: m.tracking_value_ids)
        lead_partner = self.lead_user.partner_id
        outcome_msg = tracked.filtered(lambda m: "outcome" in m.tracking_value_ids.field_id.mapped("name"))
        closed_msg = tracked.filtered(lambda m: "state" in m.tracking_value_ids.field_id.mapped("name"))
        self.assertEqual(outcome_msg.author_id, lead_partner)
        self.assertEqual(closed_msg.author_id, lead_partner)
        # Print summary gave the lead the concern's summary for the file.
        self.assertIn((self.lead_user, "peer_mentoring.report_safeguarding_concern", concern.ids), printed)
        done_feedback = concern.message_ids.filtered(lambda m: "CS-2026-0147" in (m.body or ""))
        self.assertEqual(done_feedback.author_id, lead_partner)
