import subprocess
import tempfile

from odoo.tests import tagged

from .common import MentoringCase

SIGNATURE_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def pdf_text(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(
            ["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True, check=True
        ).stdout


@tagged("post_install", "-at_install")
class TestReports(MentoringCase):
    def render_pdf(self, report_xmlid, records):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = Report._render_qweb_pdf(report_xmlid, records.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return " ".join(pdf_text(pdf).split())

    def render_html(self, report_xmlid, records):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(report_xmlid, records.ids)
        return html.decode()

    def test_agreement_pdf_reads_like_the_paper_form(self):
        self.agreement_text = self.render_pdf("peer_mentoring.mentoring_agreement_report", self.agreement)
        text = self.agreement_text
        for expected in (
            "Peer Mentoring Agreement",
            "Ada Mentor",
            "Jamie Rivera",
            "Purpose of our mentoring relationship",
            "Find paid work",
            "Prepare a CV",
            "Confidentiality",
            "When confidentiality can be breached",
            "no-fault",
            "Face-to-face",
            "each keep a copy",
            self.company.name,
        ):
            self.assertIn(expected, text)

    def test_agreement_shows_ticked_contact_methods_and_drawn_signature(self):
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        agreement = self.create_agreement(match, contact_phone=True, mentor_signature=SIGNATURE_PNG)
        html = self.render_html("peer_mentoring.mentoring_agreement_report", agreement)
        self.assertRegex(html, r'<span class="pm-box">X</span>Phone')
        self.assertRegex(html, r'<span class="pm-box"></span>Email')
        self.assertIn('src="data:image/png;base64,', html)

    def test_individual_plan_pdf(self):
        plan = self.env["mentoring.plan"].create(
            {
                "match_id": self.match.id,
                "person_centred_goals": "Work in a library",
                "goal_ids": [(0, 0, {"name": "Get a part-time job", "is_first_two": True})],
                "first_steps": "Visit the library",
                "before_next_meeting": "Find two job adverts",
                "mentee_signed_by": "Jamie Rivera",
            }
        )
        text = self.render_pdf("peer_mentoring.mentoring_plan_report", plan)
        for expected in (
            "My Individual Plan",
            "Goals from My Person-Centered Plan",
            "The first two goals I want to work on are",
            "Get a part-time job",
            "First steps toward my goal",
            "Things I need to work on before our next meeting",
            "Find two job adverts",
            "Date reviewed",
            "Signature of Mentee",
            "Signature of Mentor",
        ):
            self.assertIn(expected, text)

    def test_encounter_pdf(self):
        self.encounter.write(
            {
                "progress": "no_action",
                "no_action_reason": "sick",
                "next_steps": "Call on Monday",
                "location_type": "community",
            }
        )
        text = self.render_pdf("peer_mentoring.mentoring_encounter_report", self.encounter)
        for expected in (
            "Encounter / Meeting Documentation",
            "Jamie Rivera",
            "10:00",
            "11:00",
            "Location of interaction",
            "At agency",
            "Community",
            "Met goal",
            "Considerable progress",
            "No action taken",
            "Unable to contact",
            "Call on Monday",
            "Signature of Mentee",
        ):
            self.assertIn(expected, text)
        html = self.render_html("peer_mentoring.mentoring_encounter_report", self.encounter)
        self.assertIn('<span class="pm-box">X</span>Community', html)
        self.assertIn('<span class="pm-box">X</span>Sick', html)
        self.assertNotIn("Talked about home", html, "confidential notes are not on the form")
