"""Issue 11: a posted mentoring invoice makes the claim a payer pays (CMS-1500 and 837P).
Expected values come from the rules: 15-minute units under the 8-minute rule (45 minutes → 3,
30 minutes → 2), the authorisations' rates ($15 individual, $8 group), the payer's place of
service (11 at the agency, 10 for telehealth at home) and modifiers (HQ for the group
service, 95 for video)."""

from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import x12
from .common_claims import AGENCY_NPI, MENTOR_NPI, PEER_TAXONOMY, MentoringClaimsCase


def _segments(text, segment_id):
    return [elements for seg, elements in x12.segments(text) if seg == segment_id]


@tagged("post_install", "-at_install")
class TestClaims(MentoringClaimsCase):
    def test_finance_makes_the_claim_of_a_posted_invoice_one_line_per_date_and_code(self):
        invoice, group_auth, day_1, day_2 = self.three_kinds_of_lines()
        claim = self.create_claims(invoice)

        self.assertEqual(len(claim), 1)
        self.assertEqual(claim.create_uid, self.finance_user)
        self.assertEqual((claim.state, claim.frequency, claim.move_id), ("draft", "1", invoice))
        self.assertEqual((claim.member_id, claim.patient_name), ("M-12345", "Jamie Rivera"))
        self.assertEqual(claim.diagnosis_codes, "F84.0, F70")
        self.assertEqual(
            self.lines_of(claim),
            [
                (day_1, "H0038", "11", 3, 45.0),
                (day_2, "H0038 95", "10", 2, 30.0),
                (day_2, "H0038 HQ", "11", 2, 16.0),
            ],
        )
        self.assertEqual(claim.amount_total, invoice.amount_total)
        self.assertEqual(claim.line_ids.mapped("prior_authorization"), ["AUTH-1", "AUTH-1", "AUTH-GROUP"])
        self.assertFalse(claim.prior_authorization, "two authorisations: each line carries its own")
        self.assertEqual(set(claim.line_ids.mapped("rendering_npi")), {MENTOR_NPI})
        self.assertEqual(set(claim.line_ids.mapped("rendering_taxonomy")), {PEER_TAXONOMY})
        self.assertEqual(set(claim.line_ids.mapped("diagnosis_pointer")), {"AB"})
        self.assertEqual(invoice.with_user(self.finance_user).mentoring_claim_count, 1)
        with self.assertRefused(UserError, "has its claim already"):
            invoice.with_user(self.finance_user).action_create_mentoring_claims()

    def test_modifiers_come_from_the_service_and_the_payer_four_at_most(self):
        self.profile.write({"claim_modifiers": "U8", "modifier_audio": "FQ"})
        day = self.today - timedelta(days=2)
        self.deliver(11.0, 11.5, day, location_type="phone")
        claim = self.create_claims(self.invoice_services())
        self.assertEqual(claim.line_ids.code_label, "H0038 U8 FQ")
        self.group_product.mentoring_modifier = "HQ U1 U2"
        modifiers = self.env["mentoring.claim"]._line_modifiers(self.group_product, self.profile, "phone")
        self.assertEqual(modifiers, ["HQ", "U1", "U2", "U8", "FQ"])  # five: a claim refuses it
        self.assertEqual(self.profile._place_of_service("phone"), "10")

    def test_a_claim_is_refused_in_plain_words_while_the_payer_would_refuse_it(self):
        self.deliver(10.0, 10.75, self.yesterday)
        invoice = self.invoice_services()
        self.coverage.diagnosis_codes = False
        self.mentor.npi = False
        with self.assertRefused(
            UserError, "no diagnosis code \\(ICD-10\\).*ask the programme's coordinator"
        ) as caught:
            self.create_claims(invoice)
        self.assertIn("Ada Mentor has none", str(caught.exception))
        self.assertFalse(self.env["mentoring.claim"].search([("move_id", "=", invoice.id)]))
        # A payer that does not ask for the rendering mentor takes the claim without one.
        self.coverage.diagnosis_codes = "F84.0"
        self.profile.requires_rendering_provider = False
        claim = self.create_claims(invoice)
        self.assertFalse(claim.line_ids.rendering_npi)
        self.assertEqual(claim.prior_authorization, "AUTH-1")

    def test_identifiers_are_checked_where_they_are_typed(self):
        with self.assertRefused(Exception, "check digit"):
            self.mentor.npi = "1234567890"
        with self.assertRefused(Exception, "not an ICD-10 code"):
            self.coverage.diagnosis_codes = "F84.0, 12345"
        with self.assertRefused(Exception, "ten characters ending in X"):
            self.company.claim_taxonomy = "175T"

    # 837P ----------------------------------------------------------------------------------------

    def test_every_837p_file_validates_with_pyx12_and_never_reuses_a_control_number(self):
        invoice, _group_auth, day_1, day_2 = self.three_kinds_of_lines()
        claim = self.create_claims(invoice)
        batch, text = self.export(claim)
        self.assertValidX12(text)
        self.assertEqual((claim.state, claim.batch_id), ("sent", batch))

        isa = text.split("~")[0].split("*")
        self.assertEqual(
            (isa[6].strip(), isa[8].strip(), isa[13], isa[15]),
            ("SUBMITTER01", "CLEARHOUSE", f"{batch.interchange_number:09d}", "T"),
        )
        self.assertEqual(_segments(text, "NM1")[2][8], AGENCY_NPI)  # 2010AA billing provider
        self.assertIn(["EI", "123456789"], _segments(text, "REF"))
        clm = _segments(text, "CLM")[0]
        self.assertEqual((clm[0], clm[1], x12.components(clm[4])), (claim.name, "91", ["11", "B", "1"]))
        self.assertEqual(_segments(text, "HI")[0], [["ABK", "F840"], ["ABF", "F70"]])
        services = [
            (x12.components(sv1[0]), sv1[1], sv1[3], sv1[4] if len(sv1) > 4 else "")
            for sv1 in _segments(text, "SV1")
        ]
        self.assertEqual(
            services,
            [
                (["HC", "H0038"], "45", "3", ""),
                (["HC", "H0038", "95"], "30", "2", "10"),
                (["HC", "H0038", "HQ"], "16", "2", ""),
            ],
        )
        dates = [dtp[2] for dtp in _segments(text, "DTP") if dtp[0] == "472"]
        self.assertEqual(dates, [d.strftime("%Y%m%d") for d in (day_1, day_2, day_2)])
        self.assertEqual(
            [ref[1] for ref in _segments(text, "REF") if ref[0] == "G1"], ["AUTH-1", "AUTH-1", "AUTH-GROUP"]
        )
        self.assertEqual(
            [nm1[8] for nm1 in _segments(text, "NM1") if nm1[0] == "82"],
            [MENTOR_NPI],
            "one rendering mentor for every line: once, at claim level (loop 2310B)",
        )

        # A second file: new control numbers.
        self.deliver(10.0, 10.75, self.yesterday)
        second, second_text = self.export(self.create_claims(self.invoice_services()))
        self.assertValidX12(second_text)
        self.assertGreater(second.interchange_number, batch.interchange_number)
        self.assertNotEqual(second.group_number, batch.group_number)
        with self.assertRefused(UserError, "was sent already"):
            self.export(claim)

    def test_pyx12_finds_a_broken_file(self):
        """The validator the tests trust does refuse a wrong file."""
        self.deliver(10.0, 10.75, self.yesterday)
        _batch, text = self.export(self.create_claims(self.invoice_services()))
        broken = text.replace("SV1*HC:H0038*45*UN*3", "SV1*HC:H0038*45*XX*3")
        self.assertNotEqual(broken, text)
        self.assertTrue(x12.validation_errors(broken))

    def test_the_837p_file_is_refused_until_the_agency_is_set_up(self):
        self.deliver(10.0, 10.75, self.yesterday)
        claim = self.create_claims(self.invoice_services())
        self.company.claim_receiver_id = False
        self.payer.mentoring_payer_code = False
        with self.assertRefused(UserError, "receiver ID.*\n.*payer ID of Sunrise Health Plan"):
            self.export(claim)
        self.assertEqual(claim.state, "draft")

    # CMS-1500 --------------------------------------------------------------------------------------

    def test_the_cms1500_carries_each_value_in_its_box(self):
        invoice, _group_auth, day_1, day_2 = self.three_kinds_of_lines()
        claim = self.create_claims(invoice)
        boxes = self.cms1500_boxes(claim)
        expected = {
            "1": "X",
            "1a": "M-12345",
            "2": "RIVERA, JAMIE",
            "3-mm": "05",
            "3-dd": "01",
            "3-yyyy": "2006",
            "4": "RIVERA, JAMIE",
            "6": "X",
            "11c": "SUNRISE HEALTH PLAN",
            "21-ind": "0",
            "21A": "F840",
            "21B": "F70",
            "21C": "",
            "22": "",
            "23": "",
            "25": "123456789",
            "26": claim.name,
            "28-dollars": "91",
            "28-cents": "00",
            "32a": AGENCY_NPI,
            "33a": AGENCY_NPI,
            "33b": "ZZ251S00000X",
            "33-area": "317",
            "33-phone": "5551234",
        }
        self.assertEqual({box: boxes.get(box) for box in expected}, expected)
        lines = [
            (
                boxes[f"24A-{n}-from"],
                boxes[f"24A-{n}-to"],
                boxes[f"24B-{n}"],
                boxes[f"24D-{n}"],
                boxes[f"24D-{n}-m1"],
                boxes[f"24E-{n}"],
                boxes[f"24F-{n}-dollars"],
                boxes[f"24F-{n}-cents"],
                boxes[f"24G-{n}"],
                boxes[f"24J-{n}"],
            )
            for n in "123"
        ]
        d1, d2 = day_1.strftime("%m %d %y"), day_2.strftime("%m %d %y")
        self.assertEqual(
            lines,
            [
                (d1, d1, "11", "H0038", "", "AB", "45", "00", "3", MENTOR_NPI),
                (d2, d2, "10", "H0038", "95", "AB", "30", "00", "2", MENTOR_NPI),
                (d2, d2, "11", "H0038", "HQ", "AB", "16", "00", "2", MENTOR_NPI),
            ],
        )
        self.assertEqual((boxes["24I-1-shaded"], boxes["24J-1-shaded"]), ("ZZ", PEER_TAXONOMY))
        self.assertIn("G1AUTH-GROUP", boxes["24-3-shaded"])
        self.assertNotIn("24A-4-from", boxes)

    # Corrections -------------------------------------------------------------------------------

    def test_a_correction_is_a_replacement_claim_with_the_payers_claim_number(self):
        self.deliver(11.0, 11.5, self.yesterday, location_type="virtual")
        claim = self.create_claims(self.invoice_services())
        claim.with_user(self.finance_user).action_mark_sent()
        with self.assertRefused(UserError, "Record the payer's claim number"):
            claim.with_user(self.finance_user).action_correct()
        claim.with_user(self.finance_user).payer_claim_number = "SUN-778899"
        # The payer wants GT for video: the profile is fixed, and the claim sent again.
        self.profile.modifier_video = "GT"
        action = claim.with_user(self.finance_user).action_correct()
        replacement = self.env["mentoring.claim"].browse(action["res_id"])
        self.assertEqual(
            (replacement.frequency, replacement.original_claim_id, replacement.payer_claim_number),
            ("7", claim, "SUN-778899"),
        )
        self.assertEqual(replacement.line_ids.code_label, "H0038 GT")
        self.assertEqual(claim.line_ids.code_label, "H0038 95", "what was sent stays as it was")
        _batch, text = self.export(replacement)
        self.assertValidX12(text)
        self.assertEqual(x12.components(_segments(text, "CLM")[0][4]), ["10", "B", "7"])
        self.assertIn(["F8", "SUN-778899"], _segments(text, "REF"))
        boxes = self.cms1500_boxes(replacement)
        self.assertEqual((boxes["22"], boxes["22-ref"]), ("7", "SUN-778899"))

    def test_a_credit_note_voids_the_claim_sent(self):
        self.deliver(10.0, 10.75, self.yesterday)
        invoice = self.invoice_services()
        claim = self.create_claims(invoice)
        claim.with_user(self.finance_user).action_mark_sent()
        claim.with_user(self.finance_user).payer_claim_number = "SUN-1"
        reversal = (
            self.env["account.move.reversal"]
            .with_user(self.finance_user)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Billed in error"})
        )
        credit_note = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        credit_note.with_user(self.finance_user).action_post()
        self.assertTrue(credit_note.with_user(self.finance_user).is_mentoring_claimable)
        void = self.create_claims(credit_note)
        self.assertEqual(
            (void.frequency, void.original_claim_id, void.payer_claim_number), ("8", claim, "SUN-1")
        )
        self.assertEqual(self.lines_of(void), self.lines_of(claim))
        _batch, text = self.export(void)
        self.assertValidX12(text)
        self.assertEqual(x12.components(_segments(text, "CLM")[0][4])[2], "8")
        with self.assertRefused(UserError, "are no longer on its invoice"):
            claim.with_user(self.finance_user).action_correct()

    def test_status_changes_only_through_the_actions(self):
        self.deliver(10.0, 10.75, self.yesterday)
        claim = self.create_claims(self.invoice_services()).with_user(self.finance_user)
        for vals in (
            {"state": "paid"},
            {"diagnosis_codes": "Z00.0"},
            {"amount_paid": 45.0},
            {"frequency": "7"},
        ):
            with self.assertRefused(UserError, "cannot be set directly"):
                claim.write(vals)
        with self.assertRefused(UserError, "Only a sent claim"):
            claim.action_accept()
        claim.action_mark_sent()
        claim.action_accept()
        self.assertEqual(claim.state, "accepted")
        with self.assertRefused(UserError, "is not cancelled"):
            claim.action_cancel()
