from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_internship import MentoringInternshipCase
from .common_jobs import DailyJobCase
from .test_reports import pdf_text

PERFORMANCE_CRITERIA = (
    "Time management",
    "Demeanor",
    "Organization",
    "Engagement in the internship experience",
    "Willingness to expand knowledge base",
    "Reasoning and problem solving",
    "Written communication",
    "Initiative",
    "Observation skills",
    "Participation in the supervisory process",
    "Verbal communication and interpersonal skills",
    "Professional and personal boundaries",
    "Use of professional terminology",
)


@tagged("post_install", "-at_install")
class TestEvaluationScoring(MentoringInternshipCase):
    def test_the_performance_evaluation_has_the_13_criteria_of_the_paper_form(self):
        template = self.env.ref("peer_mentoring.template_internship_performance")
        self.assertEqual(tuple(template.question_ids.mapped("name")), PERFORMANCE_CRITERIA)
        self.assertEqual((template.scale_min, template.scale_max), (1, 5))
        mentee = self.env.ref("peer_mentoring.template_mentee_evaluation")
        self.assertEqual(mentee.question_ids.mapped("answer_type"), ["score"] * 6 + ["text"])
        self.assertEqual(len(self.env.ref("peer_mentoring.template_exit_mentor").question_ids), 16)
        self.assertEqual(len(self.env.ref("peer_mentoring.template_exit_supervisor").question_ids), 9)

    def test_average_against_the_pass_mark(self):
        threshold = self.env.ref("peer_mentoring.template_internship_performance").pass_threshold
        self.assertEqual(threshold, 3)
        # Twelve 3s and one 2: 38 / 13, just under 3.
        below = self.evaluate_performance([3] * 12 + [2])
        self.assertAlmostEqual(below.average_score, 38 / 13)
        self.assertFalse(below.passed)
        at = self.evaluate_performance(3)
        self.assertEqual((at.average_score, at.passed), (3, True))
        self.assertEqual(self.internship.performance_evaluation_id, at)

    def test_every_criterion_is_scored_on_the_scale(self):
        action = self.internship.with_user(self.supervisor_user).action_new_performance_evaluation()
        evaluation = self.env["mentoring.evaluation"].browse(action["res_id"]).with_user(self.supervisor_user)
        with self.assertRefused(UserError, "cannot be set directly"):
            evaluation.write({"state": "done"})
        with self.assertRefused(UserError, "Give a score from 1 to 5 for: Time management; Demeanor"):
            evaluation.action_done()
        with self.assertRefused(ValidationError, "Scores run from 1 to 5"):
            evaluation.answer_ids[0].write({"score": 6})
        evaluation.answer_ids.write({"score": 5})
        evaluation.action_done()
        self.assertEqual((evaluation.state, evaluation.completed_by_id), ("done", self.supervisor_user))
        with self.assertRefused(UserError, "completed"):
            evaluation.answer_ids[0].write({"score": 1})
        with self.assertRefused(UserError, "completed"):
            evaluation.write({"state": "draft"})
        self.assertEqual(evaluation.average_score, 5)


@tagged("post_install", "-at_install")
class TestEvaluationsProposedWhenDue(MentoringInternshipCase, DailyJobCase):
    def mentee_evaluations(self):
        return self.env["mentoring.evaluation"].search(
            [("internship_id", "=", self.internship.id), ("kind", "=", "mentee_evaluation")]
        )

    def test_mentee_evaluations_at_mid_point_and_before_the_end(self):
        Evaluation = self.env["mentoring.evaluation"]
        # Started 30 days ago, planned end in 30 days: mid-point today, end evaluations from day 16.
        with freeze_time(self.today - timedelta(days=1)):
            Evaluation._cron_propose_evaluations()
        self.assertFalse(self.mentee_evaluations())
        with freeze_time(self.today):
            Evaluation._cron_propose_evaluations()
            Evaluation._cron_propose_evaluations()
        mid = self.mentee_evaluations()
        self.assertEqual((mid.period, mid.match_id, mid.state), ("mid", self.intern_match, "draft"))
        self.assertEqual(mid.activity_ids.user_id, self.supervisor_user)
        self.assertNotIn("Casey", mid.activity_ids.summary)
        with freeze_time(self.today + timedelta(days=15)):
            Evaluation._cron_propose_evaluations()
        self.assertEqual(self.mentee_evaluations(), mid)
        with freeze_time(self.today + timedelta(days=16)):
            Evaluation._cron_propose_evaluations()
        self.assertEqual(sorted(self.mentee_evaluations().mapped("period")), ["end", "mid"])

    def test_feedback_forms_when_a_match_of_a_feedback_programme_closes(self):
        Evaluation = self.env["mentoring.evaluation"]
        self.close_match(self.match, "planned_end")
        Evaluation._cron_propose_evaluations()
        self.assertFalse(Evaluation.search([("match_id", "=", self.match.id)]))
        self.program.ask_end_feedback = True
        Evaluation._cron_propose_evaluations()
        Evaluation._cron_propose_evaluations()
        forms = Evaluation.search([("match_id", "=", self.match.id)])
        self.assertEqual(sorted(forms.mapped("kind")), ["feedback_mentee", "feedback_mentor"])
        mentor_form = forms.filtered(lambda f: f.kind == "feedback_mentor")
        self.assertEqual(mentor_form.activity_ids.user_id, self.mentor_user)
        # The mentor fills in their own form; the mentee's is not theirs to read.
        mentor_form = mentor_form.with_user(self.mentor_user)
        mentor_form.write(
            {
                "answer_ids": [
                    Command.update(a.id, {"score": 4})
                    for a in mentor_form.answer_ids
                    if a.answer_type == "score"
                ]
            }
        )
        mentor_form.action_done()
        self.assertFalse(Evaluation.with_user(self.mentor_user).search([("kind", "=", "feedback_mentee")]))

    def test_the_job_works_in_batches_and_resumes_after_the_last_batch_committed(self):
        """Mid-point evaluations of the internship, then feedback forms of two closed matches."""
        Evaluation = self.env["mentoring.evaluation"]
        self.close_match(self.match, "planned_end")
        self.close_match(self.match_b, "planned_end")
        # Asked for after the closures: the job makes the forms.
        self.program.ask_end_feedback = True
        matches = self.match | self.match_b

        def run_job():
            with freeze_time(self.today):
                Evaluation._cron_propose_evaluations()

        def forms():
            return {
                match.id: sorted(Evaluation.search([("match_id", "=", match.id)]).mapped("kind"))
                for match in matches
            }

        done = self.assert_batched_and_resumable(run_job, matches, forms)
        self.assertEqual(set(map(tuple, done.values())), {("feedback_mentee", "feedback_mentor")})
        self.assertEqual(self.mentee_evaluations().period, "mid", "made once, whatever the batches")


@tagged("post_install", "-at_install")
class TestEvaluationReports(MentoringInternshipCase):
    def render_pdf(self, report, records, user=None):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        if user:
            Report = Report.with_user(user)
        pdf, kind = Report._render_qweb_pdf(report, records.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return " ".join(pdf_text(pdf).split())

    def test_each_form_prints_like_the_paper_one(self):
        performance = self.evaluate_performance([4] * 12 + [2])
        text = self.render_pdf("peer_mentoring.mentoring_evaluation_report", performance)
        for expected in (
            "Internship Performance Evaluation",
            "Ivy Intern",
            "Sam Supervisor",
            *PERFORMANCE_CRITERIA,
        ):
            self.assertIn(expected, text)
        self.assertIn("Average score: 3.85", text)
        self.assertIn("Pass mark: 3", text)
        self.assertIn("Result: Passed", text)
        with freeze_time(self.today):
            self.env["mentoring.evaluation"]._cron_propose_evaluations()
        by_mentee = self.env["mentoring.evaluation"].search(
            [("internship_id", "=", self.internship.id), ("kind", "=", "mentee_evaluation")]
        )
        text = self.render_pdf("peer_mentoring.mentoring_evaluation_report", by_mentee)
        for expected in (
            "Performance Evaluation by Mentee",
            "Casey Moreau",
            "Mid-point",
            "I feel that my peer mentor listens to my concerns.",
            "I would like to continue to meet with my peer mentor.",
            "Comments you would like to share",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Casey's secret", text)
        self.complete_internship()
        for xmlid, question in (
            ("exit_mentor", "Would you be interested in presenting at conferences"),
            ("exit_supervisor", "Will the organization be hiring the peer mentor?"),
        ):
            action = getattr(
                self.internship.with_user(self.oversight_user), f"action_new_exit_interview_{xmlid[5:]}"
            )()
            interview = (
                self.env["mentoring.evaluation"].browse(action["res_id"]).with_user(self.oversight_user)
            )
            interview.answer_ids[-1].answer = "Yes, from next month."
            interview.action_done()
            text = self.render_pdf("peer_mentoring.mentoring_evaluation_report", interview)
            self.assertIn(question, text)
            self.assertIn("Yes, from next month.", text)
        self.close_match(self.match, "planned_end")
        self.program.ask_end_feedback = True
        self.env["mentoring.evaluation"]._cron_propose_evaluations()
        feedback = self.env["mentoring.evaluation"].search([("match_id", "=", self.match.id)])
        # One PDF each: this machine's wkhtmltopdf (unpatched Qt) renders one document at a time.
        for form in feedback:
            text = self.render_pdf("peer_mentoring.mentoring_evaluation_report", form)
            self.assertIn(form.template_id.name, text)
            self.assertIn(form.template_id.question_ids[0].name, text)
        self.assertEqual(
            sorted(feedback.template_id.mapped("name")), ["Feedback Form – Mentee", "Feedback Form – Mentor"]
        )

    def test_the_internship_file_bundles_log_evaluations_and_exit_interviews(self):
        self.complete_internship()
        action = self.internship.with_user(self.oversight_user).action_new_exit_interview_mentor()
        interview = self.env["mentoring.evaluation"].browse(action["res_id"]).with_user(self.oversight_user)
        interview.answer_ids[0].answer = "More than I expected."
        interview.action_done()
        text = self.render_pdf(
            "peer_mentoring.mentoring_internship_file_report", self.internship, self.oversight_user
        )
        for expected in (
            "Internship File",
            "Time and Activity Log for Internship",
            "Shadowing (agency staff and certified peer mentors)",
            "Co-facilitating groups",
            "Mentoring one-on-one (confirmed meeting)",
            "II",
            "Total: 10:00 of 10:00 hours",
            "Internship Performance Evaluation",
            "Exit Interview with Peer Mentor",
            "More than I expected.",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Casey", text, "the log shows hours, not who was met")
