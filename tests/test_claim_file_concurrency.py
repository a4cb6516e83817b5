"""Two 837P files made at the same moment (two finance clerks pressing *Make the 837P file*, or
pressing it twice): each request in its own REPEATABLE READ snapshot. A claim goes in one file
only, and the interchange and group control numbers (ISA13, GS06) are never given twice: the
second request fails in the way Odoo retries, and the retry sees the first one's file."""

# These tests race two committed transactions, as production does (Odoo's own concurrency tests
# commit too); what they commit is removed afterwards (CommittedRecordsCase).
# pylint: disable=invalid-commit

import base64
from datetime import timedelta

from psycopg2 import OperationalError

from odoo import api
from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_claims import AGENCY_CLAIM_SETUP, MENTOR_NPI, PEER_TAXONOMY
from .common_concurrency import CommittedRecordsCase, create_billed_mentee

EXTRA_TABLES = (
    "mentoring_claim_batch",
    "mentoring_claim_line",
    "mentoring_claim",
    "mentoring_mentee_coverage",
)


@tagged("post_install", "-at_install")
class TestClaimFilesUnderConcurrency(CommittedRecordsCase):
    """Two one-hour meetings on two days, each invoiced on its own posted invoice, so the person
    has two draft claims (A and B). The agency's claim set-up is put back afterwards."""

    extra_tables = (
        "mentoring_claim_batch",
        "mentoring_claim_line",
        "mentoring_claim",
        "mentoring_mentee_coverage",
    )

    def setUp(self):
        with self.registry.cursor() as cr:
            company = api.Environment(cr, self.env.uid, {}).company
            kept = company.read([*AGENCY_CLAIM_SETUP, "state_id", "country_id"])[0]
            cr.execute("SELECT COALESCE(MAX(id), 0) FROM mentoring_claim_batch")
            self.batches_before = cr.fetchone()[0]
        kept = {
            name: value[0] if isinstance(value, tuple) else value
            for name, value in kept.items()
            if name != "id"
        }
        self.addCleanup(self._put_back_agency_setup, kept)
        super().setUp()

    def _put_back_agency_setup(self, kept):
        with self.registry.cursor() as cr:
            api.Environment(cr, self.env.uid, {}).company.write(kept)
            cr.commit()

    def _commit_fixture(self, env):
        indiana = env["res.country.state"].search(
            [("code", "=", "IN"), ("country_id.code", "=", "US")], limit=1
        )
        env.company.write({**AGENCY_CLAIM_SETUP, "state_id": indiana.id, "country_id": indiana.country_id.id})
        ids = create_billed_mentee(env, units_authorized=100, meetings=((3, 10.0, 11.0), (2, 10.0, 11.0)))
        authorization = env["mentoring.authorization"].browse(ids["authorization"])
        authorization.payer_id.write({"mentoring_payer_code": "SUN01", "mentoring_claim_filing_code": "MC"})
        mentee = authorization.mentee_id
        env["mentoring.mentee.coverage"].create(
            {
                "mentee_id": mentee.id,
                "payer_id": authorization.payer_id.id,
                "member_id": "M-CONC",
                "date_from": authorization.date_from - timedelta(days=30),
                "diagnosis_codes": "F84.0",
            }
        )
        mentee.partner_id.write(
            {"street": "2 Oak Street", "city": "Indianapolis", "state_id": indiana.id, "zip": "46205"}
        )
        mentee.write({"birthdate": "1998-04-12", "sex": "F"})
        meetings = env["mentoring.encounter"].browse(ids["encounters"])
        meetings.mentor_id.write({"npi": MENTOR_NPI, "taxonomy": PEER_TAXONOMY})
        meetings.action_confirm()
        claims = env["mentoring.claim"]
        for meeting in meetings:
            invoices = authorization._create_invoices(meeting.date, meeting.date)
            invoices.action_post()
            claims |= env["mentoring.claim"]._create_from_invoices(invoices)
        self.assertEqual(len(claims), 2, "one claim per invoice")
        return {"claims": tuple(claims.ids)}

    def _make_file(self, env, claim_id):
        action = env["mentoring.claim"].browse(claim_id).action_export_837p()
        return env["mentoring.claim.batch"].browse(action["res_id"])

    def _at_the_same_moment(self, first, second):
        """Clerk B's request begins (snapshot taken), clerk A makes a file of `first` and commits,
        then clerk B makes one of `second`: refused so that Odoo retries it."""
        admin = self.env.ref("base.user_admin").id
        env1, env2 = self.in_two_transactions()
        env1, env2 = env1(user=admin), env2(user=admin)
        self.assertEqual(env2["mentoring.claim"].browse(second).state, "draft")
        self._make_file(env1, first)
        env1.flush_all()
        env1.cr.commit()
        with self.assertRaises(OperationalError) as refused, mute_logger("odoo.sql_db"):
            self._make_file(env2, second)
            env2.flush_all()
        env2.cr.rollback()
        self.assertIsInstance(refused.exception, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY, "Odoo retries it")
        return admin

    def _files(self, env):
        env.invalidate_all()
        return env["mentoring.claim.batch"].search([("id", ">", self.batches_before)], order="id")

    def test_the_same_claim_in_two_files_at_once_is_sent_once(self):
        claim_a = self.committed["claims"][0]
        admin = self._at_the_same_moment(claim_a, claim_a)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, admin, {})
            with self.assertRaisesRegex(UserError, "was sent already"):
                self._make_file(env, claim_a)
            files = self._files(env)
            self.assertEqual(len(files), 1)
            self.assertEqual(env["mentoring.claim"].browse(claim_a).state, "sent")

    def test_two_files_at_once_get_their_own_control_numbers(self):
        claim_a, claim_b = self.committed["claims"]
        admin = self._at_the_same_moment(claim_a, claim_b)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, admin, {})
            self._make_file(env, claim_b)  # Odoo's retry
            env.flush_all()
            cr.commit()
            files = self._files(env)
            self.assertEqual(len(files), 2)
            self.assertEqual(len(set(files.mapped("interchange_number"))), 2, "ISA13 given once")
            self.assertEqual(len(set(files.mapped("group_number"))), 2, "GS06 given once")
            for batch in files:
                text = base64.b64decode(batch.file).decode("ascii")
                self.assertIn(f"*{batch.interchange_number:09d}*", text.split("~")[0])
