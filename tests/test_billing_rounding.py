from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import MentoringBillingCase


@tagged("post_install", "-at_install")
class TestBillingRounding(MentoringBillingCase):
    def units(self, minutes, **profile_vals):
        self.profile.write(profile_vals)
        return self.profile.units_for_minutes(minutes)

    def test_eight_minute_rule_on_boundaries(self):
        expected = {0: 0, 7: 0, 8: 1, 22: 1, 23: 2, 37: 2, 38: 3, 52: 3, 53: 4, 60: 4, 61: 4, 67: 4, 68: 5}
        got = {m: self.units(m, rounding="cms_8_minute") for m in expected}
        self.assertEqual(got, expected)

    def test_quarter_hours_rounded_up(self):
        expected = {7: 1, 8: 1, 15: 1, 16: 2, 22: 2, 23: 2, 37: 3, 38: 3, 60: 4, 61: 5}
        self.assertEqual({m: self.units(m, rounding="up") for m in expected}, expected)

    def test_quarter_hours_rounded_down(self):
        expected = {7: 0, 8: 0, 14: 0, 15: 1, 29: 1, 30: 2, 60: 4, 61: 4}
        self.assertEqual({m: self.units(m, rounding="down") for m in expected}, expected)

    def test_exact_quarter_hours_are_refused(self):
        """Issue 8, item 1: 15-minute units on a claim are whole (37 minutes is never 2.47 units)."""
        unused = self.profile.copy({"name": "Unused profile"})
        with self.assertRefused(ValidationError, "15-minute units in whole units"):
            unused.write({"rounding": "exact"})
        self.assertEqual(unused.rounding, "cms_8_minute")
        hourly = unused.copy({"name": "Hourly payer", "billing_unit": "hour", "rounding": "up"})
        hourly.rounding = "exact"  # hours may be billed in fractions: 90 minutes = 1.5 hours
        self.assertAlmostEqual(hourly.units_for_minutes(90), 1.5)

    def test_hourly_billing(self):
        # A profile of its own: the programme's bills a product counted in 15-minute units.
        self.profile = self.profile.copy({"name": "Hourly payer", "billing_unit": "hour", "rounding": "up"})
        self.assertEqual(self.units(61, rounding="up"), 2)
        self.assertEqual(self.units(60, rounding="up"), 1)
        self.assertEqual(self.units(119, rounding="down"), 1)
        self.assertAlmostEqual(self.units(90, rounding="exact"), 1.5)

    def test_minimum_billable_duration(self):
        self.assertEqual(self.units(9, rounding="up", min_billable_minutes=10), 0)
        self.assertEqual(self.units(10, rounding="up", min_billable_minutes=10), 1)

    def test_eight_minute_rule_needs_quarter_hours(self):
        unused = self.profile.copy({"name": "Unused profile"})
        with self.assertRefused(ValidationError, "8-minute rule applies to 15-minute units"):
            unused.write({"billing_unit": "hour", "rounding": "cms_8_minute"})
