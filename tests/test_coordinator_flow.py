from odoo.tests import Form, tagged

from .common import MentoringCase
from .test_reports import pdf_text


@tagged("post_install", "-at_install")
class TestCoordinatorDay(MentoringCase):
    """What a coordinator does on the first day, through the same forms as the web client:
    a programme, a mentor, a mentee, a match, the agreement, the plan, two meetings, three PDFs."""

    def test_coordinator_runs_a_programme_end_to_end(self):
        env = self.env(user=self.coordinator_user)

        with Form(env["mentoring.program"]) as program_form:
            program_form.name = "Foster Carer Peer Mentoring"
            program_form.code = "T-FCM"
            program_form.duration_months = 12
        program = program_form.record
        self.assertIn(self.coordinator_user, program.coordinator_ids, "the creator coordinates it")

        carer = env["res.partner"].create({"name": "Alex Morgan"})
        with Form(env["mentoring.mentor"]) as mentor_form:
            mentor_form.partner_id = carer
            mentor_form.user_id = self.mentor_b_user
            mentor_form.program_ids.add(program)
            mentor_form.ethics_ack_date = self.yesterday
        mentor = mentor_form.record
        self.assertEqual((mentor.name, mentor.capacity), ("Alex Morgan", 2))
        mentor.action_certify()

        with Form(env["mentoring.mentee"]) as mentee_form:
            mentee_form.partner_id = env["res.partner"].create({"name": "Robin Chen"})
            mentee_form.program_ids.add(program)
        mentee = mentee_form.record

        with Form(env["mentoring.match"]) as match_form:
            match_form.program_id = program
            match_form.mentor_id = mentor
            match_form.mentee_id = mentee
        match = match_form.record
        match.action_introduce()

        with Form(env["mentoring.agreement"].with_context(default_match_id=match.id)) as agreement_form:
            agreement_form.purpose = "Support through the first year of fostering"
            agreement_form.development_goals = "Contact with birth families"
            agreement_form.contact_face_to_face = True
            agreement_form.hours_per_month = 2
            agreement_form.mentor_signed_on = self.today
            agreement_form.mentee_signed_on = self.today
        agreement = agreement_form.record
        self.assertEqual(agreement.duration_months, 12)
        agreement.action_sign()
        match.action_activate()
        self.assertEqual(match.state, "active")

        with Form(env["mentoring.plan"].with_context(default_match_id=match.id)) as plan_form:
            plan_form.person_centred_goals = "Feel confident at review meetings"
            with plan_form.goal_ids.new() as goal:
                goal.name = "Prepare for the first review"
                goal.is_first_two = True
            plan_form.mentor_signed_on = self.today
            plan_form.mentee_signed_on = self.today
        plan = plan_form.record
        plan.action_sign()

        encounters = env["mentoring.encounter"]
        for start in (18.0, 19.5):
            with Form(env["mentoring.encounter"].with_context(default_match_id=match.id)) as encounter_form:
                encounter_form.date = self.yesterday
                encounter_form.start_time = start
                encounter_form.end_time = start + 1
                encounter_form.location_type = "phone"
                encounter_form.goal_id = plan.goal_ids
                encounter_form.progress = "some_steps"
                encounter_form.progress_explanation = "Wrote down questions for the review"
            encounters |= encounter_form.record
        encounters.action_confirm()
        self.assertEqual(set(encounters.mapped("state")), {"confirmed"})
        self.assertEqual(match.encounter_count, 2)

        Report = env["ir.actions.report"].with_context(force_report_rendering=True)
        for xmlid, record, expected in (
            ("peer_mentoring.mentoring_agreement_report", agreement, "Support through the first year"),
            ("peer_mentoring.mentoring_plan_report", plan, "Prepare for the first review"),
            ("peer_mentoring.mentoring_encounter_report", encounters[0], "Wrote down questions"),
        ):
            pdf, _kind = Report._render_qweb_pdf(xmlid, record.ids)
            self.assertIn(expected, " ".join(pdf_text(pdf).split()))
