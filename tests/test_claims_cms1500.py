"""Issue 17 item 1: the CMS-1500 prints on the red form, every box in its place, and a claim is
refused while a box the payer needs would be empty.

Positions are the NUCC grid's: 10 characters per inch from 0.3 in off the left edge, 6 lines per
inch from the top of the letter page; each value in the data line of its box (the lines and
columns below are the form's, as billing software has printed them on the red form for years)."""

import os
import re
import shutil
import subprocess
import tempfile
from datetime import timedelta

from lxml import html

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_claims import AGENCY_NPI, MENTOR_NPI, PEER_TAXONOMY, MentoringClaimsCase

DATA_ONLY = "peer_mentoring.claim_cms1500_report"
FULL_FORM = "peer_mentoring.claim_cms1500_form_report"
IMAGES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static", "description", "forms")


def grid(line, col):
    """Inches from the page's left and top edges of a (line, column) of the form."""
    return 0.3 + (col - 1) * 0.1, (line - 1) / 6


@tagged("post_install", "-at_install")
class TestClaimCms1500(MentoringClaimsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.name = "Bright Path Mentoring, Inc."
        indiana = cls.mentee.partner_id.state_id
        cls.payer.write(
            {"street": "PO Box 7700", "city": "Indianapolis", "state_id": indiana.id, "zip": "462077700"}
        )
        cls.mentee.partner_id.street = "2 Oak St., #4"

    def render(self, report=DATA_ONLY, claim=None):
        content, _kind = (
            self.env["ir.actions.report"].with_user(self.finance_user)._render_qweb_html(report, claim.ids)
        )
        return html.fromstring(content)

    @staticmethod
    def placed(tree):
        """{box: (text, left in, top in, width in or None, right-aligned)} of the first form."""
        sheet = tree.xpath("//div[contains(@class, 'cms1500-sheet')]")[0]
        boxes = {}
        for node in sheet.xpath(".//*[@data-box]"):
            style = dict(
                (key.strip(), value.strip())
                for key, value in (part.split(":") for part in node.get("style").split(";") if part.strip())
            )
            width = style.get("width")
            boxes[node.get("data-box")] = (
                node.text_content(),
                float(style["left"].removesuffix("in")),
                float(style["top"].removesuffix("in")),
                float(width.removesuffix("in")) if width else None,
                "c-right" in node.get("class"),
            )
        return boxes

    def expected_boxes(self, claim, day_1, day_2):
        auth = self.authorization.name
        d1, d2 = day_1.strftime("%m %d %y"), day_2.strftime("%m %d %y")
        sent = claim.date_sent.strftime("%m %d %y")
        expected = {
            # carrier block: the payer's name and address, no punctuation, ZIP+4 with its hyphen
            "carrier-name": (2, 41, "SUNRISE HEALTH PLAN"),
            "carrier-street": (3, 41, "PO BOX 7700"),
            "carrier-city": (5, 41, "INDIANAPOLIS IN 46207-7700"),
            "1": (8, 8, "X"),  # Medicaid (filing code MC)
            "1a": (8, 50, "M-12345"),
            "2": (10, 1, "RIVERA, JAMIE"),
            "3-mm": (10, 31, "05"),
            "3-dd": (10, 34, "01"),
            "3-yyyy": (10, 37, "2006"),
            "3-sex": (10, 47, "X"),  # F
            "4": (10, 50, "RIVERA, JAMIE"),
            "5-street": (12, 1, "2 OAK ST 4"),
            "6": (12, 33, "X"),  # self
            "7-street": (12, 50, "2 OAK ST 4"),
            "5-city": (14, 1, "INDIANAPOLIS"),
            "5-state": (14, 26, "IN"),
            "7-city": (14, 50, "INDIANAPOLIS"),
            "7-state": (14, 74, "IN"),
            "5-zip": (16, 1, "46205"),
            "7-zip": (16, 50, "46205"),
            "9": (18, 1, ""),
            "11": (18, 50, ""),
            "9a": (20, 1, ""),
            "10a": (20, 41, "X"),  # no
            "11a-mm": (20, 53, "05"),
            "11a-dd": (20, 56, "01"),
            "11a-yyyy": (20, 59, "2006"),
            "11a-sex": (20, 75, "X"),
            "10b": (22, 41, "X"),
            "11b": (22, 50, ""),
            "10c": (24, 41, "X"),
            "11c": (24, 50, "SUNRISE HEALTH PLAN"),
            "9d": (26, 1, ""),
            "10d": (26, 34, ""),
            "11d": (26, 57, "X"),  # no other health benefit plan
            "12": (29, 7, "SIGNATURE ON FILE"),
            "13": (29, 56, "SIGNATURE ON FILE"),
            "19": (36, 1, ""),
            "20": (36, 57, "X"),  # no outside lab
            "21-ind": (37, 42, "0"),
            "21A": (38, 3, "F840"),
            "21B": (38, 16, "F70"),
            "21C": (38, 29, ""),
            "21L": (40, 42, ""),
            "22": (38, 50, ""),
            "22-ref": (38, 62, ""),
            "23": (40, 50, ""),  # two authorisations: each line says its own
            "25": (56, 1, "123456789"),
            "25-ein": (56, 19, "X"),
            "26": (56, 23, claim.name.upper()),
            "27": (56, 38, "X"),
            "28-cents": (56, 58, "00"),
            "29-dollars": (56, 62, ""),
            "33-area": (57, 66, "317"),
            "33-phone": (57, 70, "5551234"),
            "32-name": (58, 23, "BRIGHT PATH MENTORING INC"),
            "33-name": (58, 50, "BRIGHT PATH MENTORING INC"),
            "32-street": (59, 23, "1 MAIN STREET"),
            "33-street": (59, 50, "1 MAIN STREET"),
            "31": (60, 1, "SIGNATURE ON FILE"),
            "32-city": (60, 23, "INDIANAPOLIS IN 46204-1234"),
            "33-city": (60, 50, "INDIANAPOLIS IN 46204-1234"),
            "31-date": (61, 13, sent),
            "32a": (61, 23, AGENCY_NPI),
            "33a": (61, 50, AGENCY_NPI),
            "33b": (61, 63, "ZZ251S00000X"),
        }
        services = [
            (d1, "11", "H0038", "", auth),
            (d2, "10", "H0038", "95", auth),
            (d2, "11", "H0038", "HQ", "AUTH-GROUP"),
        ]
        for n, (day, pos, code, modifier, line_auth) in enumerate(services, 1):
            shaded, line = 41 + 2 * n, 42 + 2 * n
            expected.update(
                {
                    f"24-{n}-shaded": (shaded, 1, f"G1{line_auth}"),
                    f"24I-{n}-shaded": (shaded, 65, "ZZ"),
                    f"24J-{n}-shaded": (shaded, 68, PEER_TAXONOMY),
                    f"24A-{n}-from": (line, 1, day),
                    f"24A-{n}-to": (line, 10, day),
                    f"24B-{n}": (line, 19, pos),
                    f"24C-{n}": (line, 22, ""),
                    f"24D-{n}": (line, 25, code),
                    f"24D-{n}-m1": (line, 33, modifier),
                    f"24D-{n}-m2": (line, 36, ""),
                    f"24D-{n}-m3": (line, 39, ""),
                    f"24D-{n}-m4": (line, 42, ""),
                    f"24E-{n}": (line, 45, "AB"),
                    f"24F-{n}-cents": (line, 56, "00"),
                    f"24H-{n}": (line, 63, ""),
                    f"24J-{n}": (line, 68, MENTOR_NPI),
                }
            )
        return expected

    def make_claim(self):
        invoice, _group_auth, day_1, day_2 = self.three_kinds_of_lines()
        claim = self.create_claims(invoice)
        claim.with_user(self.finance_user).action_mark_sent()
        return claim, day_1, day_2

    def test_every_box_prints_its_value_at_its_place_on_the_form(self):
        claim, day_1, day_2 = self.make_claim()
        boxes = self.placed(self.render(claim=claim))
        problems = []
        for box, (line, col, text) in self.expected_boxes(claim, day_1, day_2).items():
            if box not in boxes:
                problems.append(f"{box}: not printed")
                continue
            printed, left, top, _width, _right = boxes[box]
            x, y = grid(line, col)
            if printed != text:
                problems.append(f"{box}: {printed!r} instead of {text!r}")
            if abs(left - x) > 0.005 or abs(top - y) > 0.005:
                problems.append(
                    f"{box}: at ({left}, {top}) in instead of line {line} column {col} ({x}, {y:.3f})"
                )
        self.assertFalse(problems, "\n".join(problems))
        # Dollars are right-aligned against the cents (24F, 28): they end where the cents' gap is.
        for box, line, end_col, dollars in (
            ("24F-1-dollars", 44, 55, "45"),
            ("24F-2-dollars", 46, 55, "30"),
            ("24F-3-dollars", 48, 55, "16"),
            ("28-dollars", 56, 57, "91"),
        ):
            printed, left, top, width, right = boxes[box]
            self.assertEqual((printed, right), (dollars, True), box)
            self.assertAlmostEqual(left + width, grid(line, end_col)[0], places=3, msg=box)
            self.assertAlmostEqual(top, grid(line, 1)[1], places=3, msg=box)
        # Units are left-justified in 24G.
        self.assertEqual([boxes[f"24G-{n}"][:2] for n in "123"], [("3", 6.1), ("2", 6.1), ("2", 6.1)])
        # Box 8 and 30 (reserved for NUCC use) print nothing; six lines at most, none beyond three.
        self.assertFalse([box for box in boxes if box.startswith(("8", "30", "24A-4"))])
        # Capitals only, and nothing printed off the page or outside the form's grid.
        for box, (printed, left, top, _width, _right) in boxes.items():
            self.assertEqual(printed, printed.upper(), box)
            self.assertTrue(0.3 <= left < 8.2 and 0 <= top < 10.2, box)

    def test_the_data_only_variant_draws_nothing_and_the_full_form_draws_the_form(self):
        claim, _day_1, _day_2 = self.make_claim()
        data_only, full = self.render(claim=claim), self.render(FULL_FORM, claim)
        self.assertFalse(data_only.xpath("//*[contains(@class, 'c-l') or contains(@class, 'c-h')]"))
        self.assertNotIn("HEALTH INSURANCE CLAIM FORM", data_only.text_content())
        self.assertEqual(self.placed(full), self.placed(data_only), "the same data at the same places")
        labels = " ".join(node.text_content() for node in full.xpath("//*[contains(@class, 'c-l')]"))
        for title in (
            "1. MEDICARE",
            "1a. INSURED'S I.D. NUMBER",
            "8. RESERVED FOR NUCC USE",
            "d. IS THERE ANOTHER HEALTH BENEFIT PLAN?",
            "21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY",
            "30. Rsvd for NUCC Use",
            "33. BILLING PROVIDER INFO & PH #",
        ):
            self.assertIn(title, labels)
        self.assertIn("HEALTH INSURANCE CLAIM FORM", full.text_content())
        self.assertGreaterEqual(len(full.xpath("//*[contains(@class, 'c-h')]")), 30)
        self.assertEqual(
            len(full.xpath("//*[contains(@class, 'c-shade')]")), 12, "six shaded lines, A-H and J"
        )

    def test_more_than_six_lines_make_a_second_form_with_its_own_total(self):
        for days_ago in range(9, 2, -1):
            self.deliver(10.0, 10.75, self.today - timedelta(days=days_ago))
        claim = self.create_claims(self.invoice_services())
        tree = self.render(claim=claim)
        sheets = tree.xpath("//div[contains(@class, 'cms1500-sheet')]")
        self.assertEqual(len(sheets), 2)
        totals = [sheet.xpath(".//*[@data-box='28-dollars']")[0].text_content() for sheet in sheets]
        self.assertEqual(totals, ["270", "45"], "six lines of $45, then one")
        self.assertEqual(
            sheets[1].xpath(".//*[@data-box='24A-1-from']")[0].text_content(),
            (self.today - timedelta(days=3)).strftime("%m %d %y"),
        )

    def test_a_claim_is_refused_while_a_box_the_payer_needs_is_empty(self):
        self.mentee.partner_id.write({"street": False, "zip": False})
        self.mentee.sex = False
        self.mentee.birthdate = False
        self.company.write({"phone": False, "claim_contact_phone": False, "city": False})
        self.deliver(10.0, 10.75, self.yesterday)
        invoice = self.invoice_services()
        with self.assertRaises(UserError) as refusal:
            self.create_claims(invoice)
        message = str(refusal.exception)
        for expected in (
            "Jamie Rivera's address has no street, ZIP code (box 5)",
            "the person's contact",
            "Jamie Rivera has no date of birth (box 3)",
            "needs the person's sex (box 3)",
            "The agency's address has no city (boxes 32 and 33)",
            "billing phone number (box 33",
        ):
            self.assertEqual(message.count(expected), 1, f"{expected!r} once in:\n{message}")
        self.assertFalse(invoice.mentoring_claim_ids)
        # Recorded, the claim is made; a payer that reads no sex takes the claim without it.
        self.mentee.partner_id.write({"street": "2 Oak Street", "zip": "46205"})
        self.mentee.birthdate = "2006-05-01"
        self.company.write({"claim_contact_phone": "317 555 1234", "city": "Indianapolis"})
        self.profile.requires_patient_sex = False
        claim = self.create_claims(invoice)
        self.assertEqual((claim.patient_sex, claim.patient_street), (False, "2 Oak Street"))
        boxes = self.placed(self.render(claim=claim))
        self.assertNotIn("3-sex", boxes)
        _batch, text = self.export(claim)
        self.assertIn("DMG*D8*20060501*U~", text)

    def test_the_837p_says_the_persons_sex(self):
        self.deliver(10.0, 10.75, self.yesterday)
        claim = self.create_claims(self.invoice_services())
        _batch, text = self.export(claim)
        self.assertValidX12(text)
        self.assertIn("DMG*D8*20060501*F~", text)

    def test_the_sex_is_as_sensitive_as_the_date_of_birth(self):
        self.assertEqual(self.mentee.with_user(self.coordinator_user).sex, "F")
        for user in (self.finance_user, self.sales_user):
            self.assertNotIn("sex", self.mentee.with_user(user).fields_get())

    def test_only_finance_prints_either_form_and_nobody_types_the_sex_on_a_claim(self):
        claim, _day_1, _day_2 = self.make_claim()
        Report = self.env["ir.actions.report"]
        for user in (self.coordinator_user, self.mentor_user, self.sales_user):
            for report in (DATA_ONLY, FULL_FORM):
                with self.assertRaises(AccessError, msg=f"{user.login} {report}"):
                    Report.with_user(user)._render_qweb_html(report, claim.ids)
        with self.assertRaises(UserError):
            claim.with_user(self.finance_user).write({"patient_sex": "M"})
        self.assertEqual(claim.patient_sex, "F")

    def test_the_pdf_places_the_values_on_the_letter_page(self):
        """With wkhtmltopdf: the PDF is one letter page per form, and the words sit where the grid
        puts them (pdftotext's boxes, in points). Writes the README's page images when asked."""
        if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
            self.skipTest("wkhtmltopdf and pdftotext are needed to check the PDF")
        claim, _day_1, _day_2 = self.make_claim()
        report = (
            self.env["ir.actions.report"]
            .with_user(self.finance_user)
            .with_context(force_report_rendering=True)
        )
        for name, image in ((FULL_FORM, "cms1500_full_form"), (DATA_ONLY, "cms1500_data_only")):
            pdf, _kind = report._render_qweb_pdf(name, claim.ids)
            with tempfile.TemporaryDirectory() as folder:
                path = os.path.join(folder, "form.pdf")
                with open(path, "wb") as out:
                    out.write(pdf)
                bbox = subprocess.run(
                    ["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True
                ).stdout
                if os.environ.get("PM_FORM_IMAGES") and shutil.which("pdftoppm"):
                    os.makedirs(IMAGES, exist_ok=True)
                    subprocess.run(
                        ["pdftoppm", "-png", "-r", "110", "-singlefile", path, os.path.join(IMAGES, image)],
                        check=True,
                    )
            page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', bbox)
            self.assertEqual((round(float(page[1])), round(float(page[2]))), (612, 792), "US letter")
            self.assertEqual(bbox.count("<page "), 1)
            if name == FULL_FORM:
                continue  # the titles beside the values split pdftotext's words: the data-only PDF says where
            for word, line, col in (
                ("M-12345", 8, 50),
                ("F840", 38, 3),
                ("H0038", 44, 25),
                (AGENCY_NPI, 61, 23),
            ):
                found = re.search(
                    rf'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{word}<', bbox
                )
                self.assertTrue(found, f"{word} in the PDF of {name}")
                x, y = grid(line, col)
                self.assertAlmostEqual(float(found[1]) / 72, x, delta=0.04, msg=word)
                # the glyphs sit inside their sixth-of-an-inch line
                self.assertGreaterEqual(float(found[2]) / 72, y - 0.01, word)
                self.assertLessEqual(float(found[3]) / 72, y + 1 / 6 + 0.01, word)
