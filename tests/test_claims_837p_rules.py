"""Issue 15: the 837P as the guide (005010X222A1) says, beyond what pyx12 checks.

- Loop 2310B names the claim's rendering provider when it is not the billing provider; loop
  2420A names a line's only where it differs from the claim's.
- The billing provider's address (2010AA N403) has a 9-digit ZIP; without one no file is made
  and no claim is marked sent.
- Every file the suite makes is checked against these situational rules
  (tools/x12_837p_rules.py), and the rules are shown to catch files pyx12 accepts."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models import mentoring_claim_batch as batch_module
from ..tools import x12
from ..tools.x12_837p_rules import situational_errors
from .common_claims import AGENCY_NPI, MENTOR_NPI, PEER_TAXONOMY, MentoringClaimsCase

OTHER_NPI = "1345678902"  # a valid NPI (check digit) for a second mentor


def loops(text):
    """(loop, segment id, elements) of each segment, naming the loops this test reads:
    2010AA (billing provider), 2300 (claim), 2310B (claim's rendering provider), 2400 (line)
    and 2420A (line's rendering provider)."""
    result, loop, in_line = [], None, False
    for segment_id, elements in x12.segments(text):
        if segment_id == "HL":
            loop, in_line = "2000", False
        elif segment_id == "NM1" and elements[0] == "85":
            loop = "2010AA"
        elif segment_id == "NM1" and elements[0] == "82":
            loop = "2420A" if in_line else "2310B"
        elif segment_id == "NM1":
            loop = "other"
        elif segment_id == "CLM":
            loop = "2300"
        elif segment_id == "LX":
            loop, in_line = "2400", True
        result.append((loop, segment_id, elements))
    return result


@tagged("post_install", "-at_install")
class TestClaim837pRules(MentoringClaimsCase):
    def test_one_rendering_mentor_for_every_line_is_sent_once_in_loop_2310b(self):
        invoice, *_days = self.three_kinds_of_lines()
        claim = self.create_claims(invoice)
        _batch, text = self.export(claim)
        self.assertValidX12(text)
        segments = loops(text)
        renderers = [(loop, e[2], e[3], e[8]) for loop, seg, e in segments if seg == "NM1" and e[0] == "82"]
        self.assertEqual(renderers, [("2310B", "Mentor", "Ada", MENTOR_NPI)])
        self.assertEqual(
            [e for loop, seg, e in segments if seg == "PRV" and loop == "2310B"],
            [["PE", "PXC", PEER_TAXONOMY]],
        )
        # 2310B comes after the claim's diagnoses, before its first line.
        order = [seg for loop, seg, _e in segments if loop in ("2300", "2310B")]
        self.assertLess(order.index("HI"), len(order) - 2)
        self.assertEqual(order[-2:], ["NM1", "PRV"])
        self.assertFalse([e for loop, _seg, e in segments if loop == "2420A"])
        # The billing provider's ZIP+4.
        self.assertEqual(
            [e[2] for loop, seg, e in segments if loop == "2010AA" and seg == "N4"], ["462041234"]
        )

    def test_a_line_of_another_mentor_carries_its_own_2420a(self):
        invoice, *_days = self.three_kinds_of_lines()
        claim = self.create_claims(invoice)
        group_line = claim.line_ids.sorted("sequence")[2]
        # Ben ran the group session: as if the claim had been built from his meeting.
        group_line.sudo().write(
            {"rendering_name": "Ben Mentor", "rendering_npi": OTHER_NPI, "rendering_taxonomy": PEER_TAXONOMY}
        )
        _batch, text = self.export(claim)
        self.assertValidX12(text)
        renderers = [(loop, e[8]) for loop, seg, e in loops(text) if seg == "NM1" and e[0] == "82"]
        self.assertEqual(renderers, [("2310B", MENTOR_NPI), ("2420A", OTHER_NPI)])
        lines_of_2420a = []
        line = 0
        for loop, seg, _e in loops(text):
            if seg == "LX":
                line += 1
            elif loop == "2420A" and seg == "NM1":
                lines_of_2420a.append(line)
        self.assertEqual(lines_of_2420a, [3], "only the line whose mentor differs")

    def test_a_claim_without_rendering_mentor_has_neither_loop(self):
        self.profile.requires_rendering_provider = False
        self.deliver(10.0, 10.75, self.yesterday)
        _batch, text = self.export(self.create_claims(self.invoice_services()))
        self.assertValidX12(text)
        self.assertFalse([e for _loop, seg, e in loops(text) if seg == "NM1" and e[0] == "82"])

    def test_a_five_digit_billing_zip_makes_no_file_and_sends_no_claim(self):
        self.deliver(10.0, 10.75, self.yesterday)
        claim = self.create_claims(self.invoice_services())
        self.company.zip = "46204"
        batches = self.env["mentoring.claim.batch"].search_count([])
        with self.assertRefused(
            UserError, "9-digit ZIP code .* Settings → Users & Companies → Companies → .*it is 46204 now"
        ):
            self.export(claim)
        self.assertEqual(
            (claim.state, claim.date_sent, claim.batch_id), ("draft", False, claim.batch_id.browse())
        )
        self.assertEqual(self.env["mentoring.claim.batch"].search_count([]), batches)
        self.company.zip = "46204-1234"
        batch, text = self.export(claim)
        self.assertValidX12(text)
        self.assertEqual((claim.state, claim.batch_id), ("sent", batch))

    def test_a_claim_refused_by_the_rules_is_not_marked_sent(self):
        """Whatever rule refuses the file at the last check, no claim is sent with it."""
        self.deliver(10.0, 10.75, self.yesterday)
        claim = self.create_claims(self.invoice_services())
        self.patch(batch_module, "situational_errors", lambda text: ["2010AA N403: a rule broken"])
        with self.assertRefused(UserError, "would not pass the receiver's checks.*no claim was sent"):
            self.export(claim)
        self.assertEqual((claim.state, claim.batch_id), ("draft", claim.batch_id.browse()))

    def test_the_rules_catch_what_pyx12_accepts(self):
        invoice, *_days = self.three_kinds_of_lines()
        claim = self.create_claims(invoice)
        _batch, text = self.export(claim)
        self.assertValidX12(text)
        rendering = f"NM1*82*1*Mentor*Ada****XX*{MENTOR_NPI}~\nPRV*PE*PXC*{PEER_TAXONOMY}~\n"
        self.assertEqual(text.count(rendering), 1)
        per_line = text.replace(rendering, "")
        for reference in [f"REF*6R*{line.line_reference}~\n" for line in claim.line_ids]:
            per_line = per_line.replace(reference, reference + rendering)
        per_line = _recount(per_line)
        # The same, the last line by another mentor: lines differ, and still no claim-level loop.
        mixed = per_line[::-1].replace(MENTOR_NPI[::-1], OTHER_NPI[::-1], 1)[::-1]
        billing_as_renderer = _recount(text.replace(f"XX*{MENTOR_NPI}", f"XX*{AGENCY_NPI}"))
        cases = {
            "five-digit ZIP": (text.replace("*462041234~", "*46204~"), "2010AA N403.*nine digits"),
            "PO box": (text.replace("N3*1 Main Street~", "N3*PO Box 12~"), "2010AA N301.*post-office box"),
            "2420A on every line": (per_line, "send it once at claim level \\(2310B\\)"),
            "2420A on every line, no 2310B": (mixed, "so loop 2310B is required"),
            "2310B is the billing provider": (billing_as_renderer, "2310B .*is the billing provider"),
            "claim total": (
                text.replace(f"CLM*{claim.name}*91*", f"CLM*{claim.name}*90*"),
                "CLM02 .*not the sum",
            ),
            "no date of birth": (_recount(_drop(text, "DMG*")), "2010BA DMG"),
            "replacement without F8": (text.replace("*11:B:1*", "*11:B:7*"), "replacement or void names"),
        }
        for name, (broken, expected) in cases.items():
            with self.subTest(name):
                self.assertNotEqual(broken, text)
                self.assertEqual(x12.validation_errors(broken), [], f"pyx12 accepts it: {name}")
                self.assertRegex("\n".join(situational_errors(broken)), expected)


def _drop(text, prefix):
    return "".join(line + "\n" for line in text.splitlines() if not line.startswith(prefix))


def _recount(text):
    """The same file with its SE segment count mended, so pyx12 judges only the change."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("ST*"))
    end = next(i for i, line in enumerate(lines) if line.startswith("SE*"))
    lines[end] = f"SE*{end - start + 1}*0001~"
    return "".join(line + "\n" for line in lines)
