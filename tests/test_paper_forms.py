"""Every printed form as fit for paper as the paper it replaces (issue 17, items 2-4): for each
signer a printed name, a line to sign and a date line until signed, the name and date once
signed; table headers printed again on each page; questions kept with their answers; the seeds'
order and words. Each form is rendered as HTML, and as a PDF where wkhtmltopdf runs (the
page-by-page checks read the PDF's text page by page).

With PM_FORM_IMAGES=<folder> in the environment, the first page of each form is also written
there as a PNG (how static/description/forms/ is made)."""

import os
import re
import shutil
import subprocess
import tempfile
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_internship import MentoringInternshipCase
from .common_p2p import MentoringP2PCase
from .common_safeguarding import SafeguardingCase
from .common_supervision import SupervisionCase

SIGNATURE_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
HAS_PDF_TOOLS = bool(shutil.which("wkhtmltopdf") and shutil.which("pdftotext"))


class PaperFormsMixin:
    """Rendering helpers shared by the test classes of this file."""

    def html(self, report_xmlid, records):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(report_xmlid, records.ids)
        return html.decode()

    def text(self, html):
        """The words of an HTML form, on one line."""
        return " ".join(re.sub(r"<[^>]+>", " ", html).split())

    def pdf_pages(self, report_xmlid, records, image=None):
        """The PDF's text, one string per page; None where wkhtmltopdf cannot run."""
        if not HAS_PDF_TOOLS:
            return None
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = Report._render_qweb_pdf(report_xmlid, records.ids)
        self.assertEqual(kind, "pdf")
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "form.pdf")
            with open(path, "wb") as f:
                f.write(pdf)
            text = subprocess.run(
                ["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True
            )
            if image and os.environ.get("PM_FORM_IMAGES") and shutil.which("pdftoppm"):
                target = os.path.join(os.environ["PM_FORM_IMAGES"], image)
                shutil.copy(path, target + ".pdf")
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-gray",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-scale-to",
                        "900",
                        "-singlefile",
                        path,
                        target,
                    ],
                    check=True,
                )
        pages = [" ".join(page.split()) for page in text.stdout.split("\f")]
        return [page for page in pages if page]

    def assertUnsignedBlock(self, html, names):
        """Each signer's printed name, and a date line to fill in."""
        for name in names:
            self.assertRegex(html, rf'class="pm-filled pm-signer-name">\s*{re.escape(name)}')
        self.assertGreaterEqual(html.count('class="pm-fill pm-date-line"'), len(names))
        self.assertNotIn("pm-signed-date", html)

    def assertSignedBlock(self, html, names, day):
        for name in names:
            self.assertRegex(html, rf'class="pm-filled pm-signer-name">\s*{re.escape(name)}')
        self.assertGreaterEqual(html.count('class="pm-filled pm-signed-date"'), len(names))
        self.assertIn(day.strftime("%m/%d/%Y"), html)

    def assertPaperCss(self, html):
        """The page-break rules of the shared style are on the form."""
        for rule in (
            "thead { display: table-header-group; }",
            "tr, .pm-form td, .pm-form th { page-break-inside: avoid; }",
            ".pm-keep { page-break-inside: avoid; }",
            ".pm-sign { margin-top: 24px; page-break-inside: avoid; }",
        ):
            self.assertIn(rule, html)


@tagged("post_install", "-at_install")
class TestPaperFormsPerson(PaperFormsMixin, MentoringInternshipCase):
    """The person-to-person forms: agreement, plan, encounter, monthly timesheet, evaluations,
    internship file, Service detail."""

    # Item 2: signature blocks ---------------------------------------------------------------

    def test_a_draft_agreement_prints_names_and_date_lines_and_room_to_write(self):
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        agreement = self.create_agreement(match, mentor_signed_on=False, mentee_signed_on=False)
        html = self.html("peer_mentoring.mentoring_agreement_report", agreement)
        self.assertUnsignedBlock(html, ["Ada Mentor", "Lee Park"])
        self.assertPaperCss(html)
        # Empty sections of a form printed for signing leave room to write.
        self.assertGreaterEqual(html.count("pm-answer pm-write"), 2)
        pages = self.pdf_pages("peer_mentoring.mentoring_agreement_report", agreement, image="agreement")
        if pages is not None:
            text = " ".join(pages)
            self.assertIn("Printed name: Ada Mentor", text)
            self.assertIn("Printed name: Lee Park", text)

    def test_a_signed_agreement_prints_each_signature_name_and_date(self):
        match = self.create_match(self.mentor, self.create_mentee("Lee Park"))
        match.action_introduce()
        agreement = self.create_agreement(
            match,
            mentor_signed_on=False,
            mentee_signed_on=False,
            mentor_signature=SIGNATURE_PNG,
            mentee_signature=SIGNATURE_PNG,
        )
        agreement.action_sign()
        html = self.html("peer_mentoring.mentoring_agreement_report", agreement)
        self.assertSignedBlock(html, ["Ada Mentor", "Lee Park"], self.today)
        self.assertEqual(html.count('alt="Signature"'), 2)
        self.assertNotIn("pm-answer pm-write", html, "a signed agreement leaves no blank to write in")

    def test_the_person_agreement_states_the_opt_out_once(self):
        html = self.html("peer_mentoring.mentoring_agreement_report", self.agreement)
        text = self.text(html).lower()
        section = text[text.index("problem resolution and no-fault opt-out") + 40 :]
        self.assertEqual(len(re.findall(r"opt-out|opt out", section)), 1, section)
        self.assertIn("within 48 hours", text)
        self.assertNotIn("4. our expectations", text, "expectations are the organisations' section")

    def test_plan_and_encounter_print_mentee_and_mentor_blocks(self):
        self.plan.write({"first_steps": False})
        html = self.html("peer_mentoring.mentoring_plan_report", self.plan)
        self.assertUnsignedBlock(html, ["Jamie Rivera", "Ada Mentor"])
        self.assertIn("pm-answer pm-write", html)
        self.pdf_pages("peer_mentoring.mentoring_plan_report", self.plan, image="plan")
        encounter = self.billable_encounter(10.0, 11.0)
        html = self.html("peer_mentoring.mentoring_encounter_report", encounter)
        # Signed on the day (the date only, on paper): names and dates, no empty date line.
        self.assertSignedBlock(html, ["Jamie Rivera", "Ada Mentor"], self.yesterday)
        self.assertIn("Signature of Mentee", html)
        self.pdf_pages("peer_mentoring.mentoring_encounter_report", encounter, image="encounter")

    def test_monthly_timesheet_of_twenty_meetings_repeats_its_header_and_dates_approval(self):
        self.program.product_id = False
        month = (self.today.replace(day=1) - timedelta(days=1)).replace(day=1)
        for day in range(20):
            self.create_encounter(
                self.match, date=month + timedelta(days=day), start_time=9.0, end_time=10.0
            ).action_confirm()
        sheet = (
            self.env["mentoring.monthly.timesheet"]
            .with_user(self.mentor_user)
            .create({"mentor_id": self.mentor.id, "month": month})
        )
        html = self.html("peer_mentoring.monthly_timesheet_report", sheet)
        self.assertUnsignedBlock(html, ["Ada Mentor"])
        self.assertIn("Approved by the coordinator", html)
        self.assertIn("Total: 20 contacts", self.text(html))
        sheet.with_user(self.mentor_user).action_submit()
        sheet.with_user(self.coordinator_user).action_approve()
        # Each on the day of whoever pressed the button, in their time zone.
        submitted = fields.Date.context_today(sheet.with_user(self.mentor_user))
        approved = fields.Date.context_today(sheet.with_user(self.coordinator_user))
        self.assertEqual((sheet.submitted_on, sheet.approved_on), (submitted, approved))
        html = self.html("peer_mentoring.monthly_timesheet_report", sheet)
        self.assertSignedBlock(html, ["Ada Mentor"], submitted)
        self.assertSignedBlock(html, [self.coordinator_user.name], approved)
        self.assertPaperCss(html)
        pages = self.pdf_pages("peer_mentoring.monthly_timesheet_report", sheet, image="monthly_timesheet")
        if pages is not None and len(pages) > 1:
            for page in pages:
                self.assertIn("Duration (minutes)", page, "the table's header is on every page")

    def test_nobody_writes_the_timesheets_submission_or_approval_date(self):
        sheet = self.last_months_timesheet()
        for user in (self.mentor_user, self.coordinator_user):
            for field in ("submitted_on", "approved_on"):
                with self.assertRaises(UserError):
                    sheet.with_user(user).write({field: self.yesterday})
        self.assertFalse(sheet.submitted_on or sheet.approved_on)

    # Items 3 and 4: evaluations and the internship file --------------------------------------

    def full_exit_interview(self, kind, answer):
        self.complete_internship()
        action = getattr(
            self.internship.with_user(self.oversight_user), f"action_new_exit_interview_{kind}"
        )()
        evaluation = self.env["mentoring.evaluation"].with_user(self.oversight_user).browse(action["res_id"])
        evaluation.write(
            {"answer_ids": [Command.update(a.id, {"answer": answer}) for a in evaluation.answer_ids]}
        )
        evaluation.action_done()
        return evaluation

    def test_the_supervisors_exit_interview_prints_the_seeds_question_numbers(self):
        evaluation = self.full_exit_interview("supervisor", "Ready.")
        text = self.text(self.html("peer_mentoring.mentoring_evaluation_report", evaluation))
        self.assertIn("1. Tell me about the internship experience.", text)
        self.assertIn("4. Is the peer mentor ready to mentor independently?", text)
        self.assertIn("9. Will the organization be hiring the peer mentor?", text)
        self.assertIn(f"Printed name: {self.oversight_user.name}", text)
        self.assertNotIn("OdooBot", text)

    def test_a_full_exit_interview_keeps_each_question_with_its_answer(self):
        long_answer = "\n".join(f"Line {n} of a long answer about the internship." for n in range(12))
        evaluation = self.full_exit_interview("mentor", long_answer)
        html = self.html("peer_mentoring.mentoring_evaluation_report", evaluation)
        self.assertEqual(
            html.count("pm-keep pm-question"), 16, "each of the 16 questions is kept with its answer"
        )
        self.assertPaperCss(html)
        pages = self.pdf_pages(
            "peer_mentoring.mentoring_evaluation_report", evaluation, image="exit_interview"
        )
        if pages is not None:
            self.assertGreater(len(pages), 2)
            for page in pages[1:]:
                # A page never starts with an answer whose question is on the page before.
                self.assertRegex(page, r"^(Line|\d+\.|Completed|Printed|Date|Signature)|\d+\. ", page[:80])
            for number in range(1, 17):
                holder = next(p for p in pages if re.search(rf"(^| ){number}\. ", p))
                self.assertIn("Line 0 of a long answer", holder[holder.index(f"{number}. ") :])

    def test_the_internship_file_follows_the_seeds_order_and_signs_the_decision(self):
        self.complete_internship()
        mentee_evaluation = self.env["mentoring.evaluation"].create(
            {
                "template_id": self.env.ref("peer_mentoring.template_mentee_evaluation").id,
                "internship_id": self.internship.id,
                "match_id": self.intern_match.id,
                "period": "end",
            }
        )
        mentee_evaluation.write(
            {
                "answer_ids": [
                    Command.update(a.id, {"score": 4} if a.answer_type == "score" else {"answer": "Good."})
                    for a in mentee_evaluation.answer_ids
                ]
            }
        )
        mentee_evaluation.with_user(self.supervisor_user).action_done()
        self.full_exit_interview_after_review("supervisor")
        self.full_exit_interview_after_review("mentor")
        html = self.html("peer_mentoring.mentoring_internship_file_report", self.internship)
        text = self.text(html)
        order = [
            "1. Time and Activity Log for Internship",
            "Progress",
            "Internship Performance Evaluation",
            "Performance Evaluation by Mentee",
            "Exit Interview with Peer Mentor",
            "Exit Interview with Supervisor",
            "Decision",
        ]
        positions = [text.index(title) for title in order]
        self.assertEqual(positions, sorted(positions), text)
        # Not decided yet: the supervisor's name and both date lines wait for the signatures.
        self.assertRegex(html, r'pm-signer-name">\s*Sam Supervisor')
        self.assertGreaterEqual(html.count("pm-fill pm-date-line"), 2)
        self.decide(self.supervisor_user)
        html = self.html("peer_mentoring.mentoring_internship_file_report", self.internship)
        self.assertRegex(html, r'pm-signer-name">\s*' + re.escape(self.supervisor_user.name))
        self.assertIn("Decision recorded on screen", html)
        pages = self.pdf_pages(
            "peer_mentoring.mentoring_internship_file_report", self.internship, image="internship_file"
        )
        if pages is not None:
            for page in pages:
                self.assertGreater(len(page), 200, f"no near-empty page: {page}")
        self.pdf_pages(
            "peer_mentoring.mentoring_evaluation_report",
            self.internship.performance_evaluation_id,
            image="internship_performance_evaluation",
        )

    def full_exit_interview_after_review(self, kind):
        action = getattr(
            self.internship.with_user(self.oversight_user), f"action_new_exit_interview_{kind}"
        )()
        evaluation = self.env["mentoring.evaluation"].with_user(self.oversight_user).browse(action["res_id"])
        evaluation.write(
            {"answer_ids": [Command.update(a.id, {"answer": "Yes."}) for a in evaluation.answer_ids]}
        )
        evaluation.action_done()
        return evaluation

    def test_an_evaluation_completed_by_a_setup_action_names_who_completes_it(self):
        evaluation = self.evaluate_performance(4)
        evaluation.sudo()._write_checked({"completed_by_id": self.env.ref("base.user_root").id})
        text = self.text(self.html("peer_mentoring.mentoring_evaluation_report", evaluation))
        self.assertNotIn("OdooBot", text)
        self.assertIn("Printed name: Sam Supervisor", text)
        self.assertIn("Printed name: Ivy Intern", text, "the peer mentor it is reviewed with")

    # Service detail: per member then day, units in plural, a unit on the total ---------------

    def test_a_service_detail_of_sixty_lines_is_per_member_then_day(self):
        self.authorization.sudo().units_authorized = 400
        partner_b = self.env["res.partner"].create({"name": "Aaron Abbott"})
        mentee_b = self.env["mentoring.mentee"].create(
            {
                "partner_id": partner_b.id,
                "program_ids": [Command.set(self.program.ids)],
                "payer_id": self.payer.id,
                "member_id": "M-00001",
            }
        )
        match_b = self.create_active_match(self.mentor_b, mentee_b)
        plan_b = self.env["mentoring.plan"].create(
            {
                "match_id": match_b.id,
                "goal_ids": [Command.create({"name": "Ride the bus", "is_first_two": True})],
            }
        )
        auth_b = self.env["mentoring.authorization"].create(
            {
                "name": "AUTH-B",
                "payer_id": self.payer.id,
                "mentee_id": mentee_b.id,
                "program_id": self.program.id,
                "date_from": self.today - timedelta(days=60),
                "date_to": self.today + timedelta(days=60),
                "units_authorized": 400,
                "price_unit": 15.0,
            }
        )
        auth_b.action_approve()
        meetings = self.env["mentoring.encounter"]
        for day in range(1, 16):
            date = self.today - timedelta(days=day)
            for start in (9.0, 14.0):
                for match, goal, hours in ((self.match, self.goal, 0.25), (match_b, plan_b.goal_ids, 0.75)):
                    meetings |= self.create_encounter(
                        match,
                        date=date,
                        start_time=start,
                        end_time=start + hours,
                        goal_id=goal.id,
                        mentor_signed_on=date,
                        mentee_signed_on=date,
                    )
        meetings.action_confirm()
        self.assertEqual(len(meetings), 60)
        move = self.invoice(self.authorization.sale_order_id | auth_b.sale_order_id)
        self.assertEqual(len(move), 1)
        values = self.env["report.peer_mentoring.report_service_detail"]._get_report_values(move.ids)
        days = values["days_by_move"][move.id]
        keys = [(day["mentee"], day["date"]) for day in days]
        self.assertEqual(keys, sorted(keys), "per member, then day")
        self.assertEqual(keys[0][0], "Aaron Abbott")
        html = self.html("peer_mentoring.service_detail_report", move).replace("\n", " ")
        text = self.text(html)
        self.assertIn("1 15-minute unit", text)
        self.assertIn("3 15-minute units", text)
        self.assertNotRegex(text, r"\b[02-9] 15-minute unit\b")
        self.assertRegex(html, r'class="pm-total-units">\s*120 15-minute units')
        self.assertIn("Per member, then day", text)
        self.assertPaperCss(html)
        pages = self.pdf_pages("peer_mentoring.service_detail_report", move, image="service_detail")
        if pages is not None:
            self.assertGreater(len(pages), 1)
            for page in pages:
                self.assertIn("Start–end", page, "the table's header is on every page")
            self.assertEqual(
                len(re.findall(r"Total 1800 (min )?120 15-", " ".join(pages))),
                1,
                "the total once, at the end",
            )
            self.assertIn("120 15-", pages[-1])

    def test_the_short_forms_render_as_pdf(self):
        """Every other form of the person programme, short, as a PDF page (and page image)."""
        if not HAS_PDF_TOOLS:
            self.skipTest("wkhtmltopdf is not installed")
        self.close_match(self.match_b, "planned_end")
        closure = self.env["mentoring.match.closure"].search([("match_id", "=", self.match_b.id)])
        pages = self.pdf_pages("peer_mentoring.match_closure_report", closure, image="closure_summary")
        self.assertIn("Closure Summary", pages[0])
        report = (
            self.env["mentoring.quality.report"]
            .with_user(self.coordinator_user)
            .create(
                {
                    "program_id": self.program.id,
                    "date_from": self.today - timedelta(days=90),
                    "date_to": self.today,
                }
            )
        )
        pages = self.pdf_pages("peer_mentoring.quality_report_pdf", report, image="quality_report")
        self.assertIn("Programme quality report", pages[0])


@tagged("post_install", "-at_install")
class TestPaperFormsSupervision(PaperFormsMixin, SupervisionCase):
    def test_the_signed_supervision_agreement_prints_both_names_and_dates(self):
        agreement = self.agreement_s
        html = self.html("peer_mentoring.mentoring_supervision_agreement_report", agreement)
        self.assertUnsignedBlock(html, ["Sam Supervisor", "Ada Mentor"])
        self.assertIn("<thead><tr><th", html.replace("\n", ""))
        agreement.with_user(self.supervisor_user).write({"supervisor_signed_on": self.today})
        agreement.with_user(self.mentor_user).write({"mentor_signed_on": self.today})
        agreement.with_user(self.supervisor_user).action_sign()
        html = self.html("peer_mentoring.mentoring_supervision_agreement_report", agreement)
        self.assertSignedBlock(html, ["Sam Supervisor", "Ada Mentor"], self.today)
        self.pdf_pages(
            "peer_mentoring.mentoring_supervision_agreement_report", agreement, image="supervision_agreement"
        )


@tagged("post_install", "-at_install")
class TestPaperFormsOrganisation(PaperFormsMixin, MentoringP2PCase):
    def test_the_organisation_agreement_reads_like_seed_002(self):
        match = self.create_match(self.org_mentor, self.org_mentee, program=self.p2p_program)
        match.action_introduce()
        agreement = self.create_p2p_agreement(match, mentor_signed_on=False, mentee_signed_on=False)
        html = self.html("peer_mentoring.mentoring_agreement_report", agreement)
        text = self.text(html)
        self.assertIn("It is the expectation this mentorship will foster professional growth", text)
        self.assertIn("not intended to be formal training", text)
        self.assertIn("4. Our expectations of the mentoring relationship", text)
        self.assertIn("5. Ground rules", text)
        self.assertIn("11. Problem resolution and no-fault opt-out", text)
        self.assertLess(text.index("3. Skill areas"), text.index("4. Our expectations"))
        self.assertNotIn("safety of a child", text)
        self.assertIn("We will maintain confidentiality in this relationship", text)
        self.assertUnsignedBlock(html, ["Northside Employment Services", "Riverbend Workforce Partners"])
        self.pdf_pages("peer_mentoring.mentoring_agreement_report", agreement, image="organisation_agreement")

    def test_an_agencys_own_confidentiality_text_is_kept(self):
        program = self.env["mentoring.program"].create(
            {"name": "Own words", "code": "OWN", "confidentiality_limits": "Our own limits."}
        )
        program.program_type = "organization"
        self.assertEqual(program.confidentiality_limits, "Our own limits.")
        self.assertIn("maintain confidentiality", program.confidentiality_statement)

    def test_survey_and_worksheet_repeat_their_headers(self):
        survey = (
            self.env["mentoring.knowledge.survey"]
            .with_user(self.coordinator_user)
            .create(
                {"respondent": "mentor", "mentor_id": self.org_mentor.id, "program_id": self.p2p_program.id}
            )
        )
        html = self.html("peer_mentoring.mentoring_knowledge_survey_report", survey)
        self.assertPaperCss(html)
        self.assertIn("<thead>", html)
        self.pdf_pages("peer_mentoring.mentoring_knowledge_survey_report", survey, image="knowledge_survey")
        match = self.create_active_p2p_match()
        worksheet = (
            self.env["mentoring.worksheet"].with_user(self.org_mentor_user).create({"match_id": match.id})
        )
        html = self.html("peer_mentoring.mentoring_worksheet_report", worksheet)
        self.assertIn("<thead>", html)
        self.pdf_pages("peer_mentoring.mentoring_worksheet_report", worksheet, image="planning_worksheet")


@tagged("post_install", "-at_install")
class TestPaperFormsSafeguarding(PaperFormsMixin, SafeguardingCase):
    def test_the_concern_summary_prints_its_notifications_under_a_header(self):
        _screen, concern = self.raise_concern(self.mentor_user, self.type_allegation)
        html = self.html("peer_mentoring.safeguarding_concern_report", concern)
        self.assertPaperCss(html)
        if concern.notification_ids:
            self.assertIn("<thead><tr><th>Who must be told</th>", html)
        pages = self.pdf_pages("peer_mentoring.safeguarding_concern_report", concern)
        if pages is not None:
            self.assertIn("Safeguarding Concern", pages[0])
