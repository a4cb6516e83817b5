"""Issue 16.3, no dead ends on Needs doing: a card opens the record where the work is done, shows
the fact that put it there, and each thing to do is one card, within the coordinator's
programmes only."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MentoringBillingCase
from .common_needs_doing import NeedsDoingFixtures


@tagged("post_install", "-at_install")
class TestNeedsDoingCards(NeedsDoingFixtures, MentoringBillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The coordinator reads dates day first with dots: "31.01.2027".
        lang = cls.env["res.lang"]._lang_get(cls.coordinator_user.lang or "en_US")
        lang.date_format = "%d.%m.%Y"
        cls.env.registry.clear_cache()
        # A pair introduced 40 days ago: no meeting since, and no agreement written.
        cls.quiet = cls.create_quiet_pair()
        cls.env.flush_all()

    @staticmethod
    def dotted(day):
        return f"{day.day:02d}.{day.month:02d}.{day.year}"

    def days_since(self, day):
        """Days as the coordinator counts them (their own today, in their time zone)."""
        today = fields.Date.context_today(
            self.env["mentoring.overview.item"].with_user(self.coordinator_user)
        )
        return (today - day).days

    def cards(self, user=None, **where):
        self.env.invalidate_all()  # the facts are read afresh, as at each opening of the board
        Item = self.env["mentoring.overview.item"].with_user(user or self.coordinator_user)
        return Item.search([(field, "=", value) for field, value in where.items()])

    def test_agreement_card_opens_a_new_agreement_made_with_the_coordinators_rights(self):
        self.assertFalse(self.quiet.agreement_ids)
        card = self.cards(kind="agreement", match_id=self.quiet.id)
        self.assertEqual(card.board_column, "paper")
        self.assertIn("No agreement written yet", card.fact)
        action = card.action_open()
        agreement = self.quiet.agreement_ids
        self.assertEqual(len(agreement), 1)
        self.assertEqual((action["res_model"], action["res_id"]), ("mentoring.agreement", agreement.id))
        self.assertEqual(agreement.create_uid, self.coordinator_user)
        self.assertEqual(agreement.state, "draft")
        # Opened again, the card leads to the same draft, and says what it still needs.
        self.env.invalidate_all()
        card = self.cards(kind="agreement", match_id=self.quiet.id)
        self.assertEqual(card.action_open()["res_id"], agreement.id)
        self.assertEqual(len(self.quiet.agreement_ids), 1)
        self.assertIn("Version 1 still needs", card.fact)
        self.assertIn("the mentor's signature", card.fact)

    def test_another_programmes_coordinator_cannot_open_the_card_nor_make_the_agreement(self):
        card = self.cards(kind="agreement", match_id=self.quiet.id)
        self.assertFalse(self.cards(self.coordinator_b_user, match_id=self.quiet.id))
        with self.assertRaises(AccessError):
            card.with_user(self.coordinator_b_user).action_open()
        self.assertFalse(self.quiet.agreement_ids)

    def test_cards_tell_the_fact_that_put_them_there(self):
        # No meeting (and a programme without check-ins, whose card would carry it): the days
        # since the start.
        self.program.write({"checkin_first_month_count": 0, "checkin_interval_months": 0})
        self.env.flush_all()
        card = self.cards(kind="no_contact", match_id=self.quiet.id)
        self.assertEqual(card.board_column, "contact")
        self.assertEqual(
            card.fact,
            f"No meeting in the {self.days_since(self.quiet.date_start)} days since the start "
            f"({self.dotted(self.quiet.date_start)})",
        )
        # A meeting 35 days ago: the days since it.
        held = self.today - timedelta(days=35)
        self.create_encounter(self.quiet, date=held).action_confirm()
        self.env.flush_all()
        card = self.cards(kind="no_contact", match_id=self.quiet.id)
        self.assertEqual(
            card.fact, f"{self.days_since(held)} days since the last meeting ({self.dotted(held)})"
        )
        self.assertEqual(card.action_open()["res_model"], "mentoring.match")
        # An authorisation ending in 5 days: units left of the total, and the end date.
        ends = self.today + timedelta(days=5)
        auth = self.create_expiring_authorization()
        self.env.flush_all()
        card = self.cards(kind="authorization", res_id=auth.id)
        self.assertEqual(card.board_column, "units")
        days = -self.days_since(ends)
        self.assertEqual(card.fact, f"8 of 8 units left · ends on {self.dotted(ends)}, in {days} days")
        self.assertEqual(
            (card.action_open()["res_model"], card.action_open()["res_id"]),
            ("mentoring.authorization", auth.id),
        )
        # A plan whose review is due today.
        self.plan.write(
            {
                "mentor_signed_on": self.yesterday,
                "mentee_signed_on": self.yesterday,
                "next_review_date": self.today,
            }
        )
        self.plan.action_sign()
        self.env.flush_all()
        card = self.cards(kind="plan_review", res_id=self.plan.id)
        self.assertEqual(card.fact, f"Review due on {self.dotted(self.today)}")
        self.assertEqual(card.action_open()["res_id"], self.plan.id)

    def test_a_meeting_billing_could_not_bill_tells_why(self):
        outside = self.billable_encounter(9.0, 9.5)
        self.authorization.write({"date_from": self.today})  # yesterday's meeting is outside it
        outside.action_confirm()
        self.env.flush_all()
        self.assertTrue(outside.not_billed_reason)
        card = self.cards(kind="billing", res_id=outside.id)
        self.assertEqual(card.fact, outside.not_billed_reason)
        self.assertEqual(card.action_open()["res_model"], "mentoring.encounter")

    def test_getting_in_touch_is_one_card_the_check_in_telling_the_days_without_meeting(self):
        # Lee's pair: 40 days without a meeting and its first check-ins missed.
        cards = self.cards(match_id=self.quiet.id)
        contact = cards.filtered(lambda c: c.board_column == "contact")
        self.assertEqual(contact.mapped("kind"), ["checkin_overdue"])
        self.assertIn(
            f"No meeting in the {self.days_since(self.quiet.date_start)} days since the start", contact.fact
        )
        self.assertIn("overdue since", contact.fact)
        action = contact.action_open()
        self.assertEqual(action["res_model"], "mentoring.checkin")
        self.assertEqual(action["context"]["default_match_id"], self.quiet.id)
        # Without check-ins due (the programme has none), the No meeting card is the one.
        self.program.write({"checkin_first_month_count": 0, "checkin_interval_months": 0})
        self.env.flush_all()
        contact = self.cards(match_id=self.quiet.id).filtered(lambda c: c.board_column == "contact")
        self.assertEqual(contact.mapped("kind"), ["no_contact"])

    def test_one_card_per_thing_to_do(self):
        cards = self.cards()
        keys = [(card.kind, card.res_model, card.res_id) for card in cards]
        self.assertEqual(len(keys), len(set(keys)))
        for match in cards.match_id:
            kinds = cards.filtered(lambda c, m=match: c.match_id == m).mapped("kind")
            self.assertEqual(len(kinds), len(set(kinds)), match.name)
            self.assertLessEqual(
                len([k for k in kinds if k in ("no_contact", "checkin_due", "checkin_overdue")]),
                1,
                match.name,
            )
        # Every kind has a column of the board.
        kinds = dict(self.env["mentoring.overview.item"]._fields["kind"].selection)
        self.assertEqual(set(self.env["mentoring.overview.item"]._kind_columns()), set(kinds))

    def test_facts_take_the_same_queries_for_more_cards(self):
        def queries_for_facts():
            cards = self.cards()
            before = self.env.cr.sql_log_count
            cards.mapped("fact")
            return len(cards), self.env.cr.sql_log_count - before

        self.program.max_mentees_per_mentor = 10

        def add_pairs(count):
            for _pair in range(count):
                self.create_quiet_pair()  # an agreement card and a check-in card each
            self.env.flush_all()

        add_pairs(1)
        queries_for_facts()  # Odoo's own caches (fields, selections, the user's language) filled
        few, few_queries = queries_for_facts()
        add_pairs(4)
        many, many_queries = queries_for_facts()
        self.assertEqual(many, few + 8)
        self.assertEqual(many_queries, few_queries)
