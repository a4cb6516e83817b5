from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestQualityReportTour(MentoringCase, HttpCase):
    def test_coordinator_makes_and_prints_the_programme_quality_report(self):
        for name, months in (("One", 1), ("Nine", 9), ("Fifteen", 15)):
            match = self.create_active_match(self.mentor_b, self.create_mentee(name))
            self.close_match(match, "planned_end")
            closed = self.today - relativedelta(days=10)
            match.sudo().write({"date_start": closed - relativedelta(months=months), "date_closed": closed})
        self.start_tour("/odoo", "peer_mentoring_quality_report_tour", login=self.coordinator_user.login)
        report = self.env["mentoring.quality.report"].search([("program_id", "=", self.program.id)])
        self.assertEqual(len(report), 1)
        self.assertEqual(report.date_to, self.today)
        self.assertEqual(report.create_uid, self.coordinator_user)
        self.assertTrue(date(2000, 1, 1) < report.date_from)
