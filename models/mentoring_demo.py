import logging
import random
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

_logger = logging.getLogger(__name__)

FIRST_NAMES = [
    "Avery",
    "Blake",
    "Casey",
    "Dana",
    "Eli",
    "Frankie",
    "Gabi",
    "Harper",
    "Indy",
    "Jesse",
    "Kai",
    "Lou",
    "Micah",
    "Noor",
    "Oakley",
    "Parker",
    "Quinn",
    "Reese",
    "Sasha",
    "Toni",
    "Uri",
    "Val",
    "Wren",
    "Xan",
    "Yael",
    "Zuri",
    "Ari",
    "Bo",
    "Cam",
    "Dee",
    "Emery",
    "Fin",
    "Gray",
    "Hollis",
    "Isa",
    "Jo",
    "Kit",
    "Lane",
]
LAST_NAMES = [
    "Adams",
    "Baker",
    "Costa",
    "Diaz",
    "Evans",
    "Fischer",
    "Garcia",
    "Hughes",
    "Ito",
    "Jones",
    "Khan",
    "Lopez",
    "Moreau",
    "Nguyen",
    "Owens",
    "Patel",
    "Quiroga",
    "Rossi",
    "Singh",
    "Tanaka",
]
AREAS = ["Eastside", "Westside", "Northside", "Downtown", "Riverside"]
GOALS = [
    ("Get a part-time job", "Practise an interview"),
    ("Take the bus on my own", "Learn the route to the library"),
    ("Cook a weekly meal", "Write a shopping list"),
    ("Speak up at my planning meeting", "Write down three things I want"),
    ("Join a club", "Visit the community centre"),
]
# Of 30 relationships: how many end up in each state.
MATCH_STATES = (
    ["active"] * 20 + ["on_hold"] * 2 + ["introduced"] * 3 + ["draft"] * 2 + ["closed"] * 2 + ["cancelled"]
)


class MentoringDemo(models.AbstractModel):
    """Demo data of a living programme, so that a newcomer sees what the app is for: a dozen
    mentors, thirty mentees, matches in every state, six months of meetings, authorisations with
    their use, and last month invoiced. Called once from the demo data; deterministic."""

    _name = "mentoring.demo"
    _description = "Mentoring demo data"

    @api.model
    def _generate_living_programme(self, program_id, supervisor_id, payer_id):
        program = self.env["mentoring.program"].browse(program_id)
        supervisor = self.env["hr.employee"].browse(supervisor_id)
        payer = self.env["res.partner"].browse(payer_id)
        rng = random.Random(19)
        today = fields.Date.context_today(self)
        start = today - relativedelta(months=6)
        mentors = self._demo_mentors(rng, program, supervisor, start)
        mentees = self._demo_mentees(rng, program, payer)
        planned = self._demo_matches(rng, program, mentors, mentees, start)
        # Six months of meetings are written up now, as if each had been confirmed on its day:
        # the payer's timely-filing deadline applies from here on.
        profile = program._billing_profile_for(payer)
        deadline = profile.timely_filing_days
        profile.timely_filing_days = 0
        for match, state in planned:
            if match.state == "active":
                self._demo_meetings(rng, match, today)
            if state == "on_hold":
                match.action_hold()
            elif state == "closed":
                self._demo_close_match(match, today)
        profile.timely_filing_days = deadline
        self._demo_invoice_last_month(program, today)

    def _demo_mentors(self, rng, program, supervisor, start):
        Mentor = self.env["mentoring.mentor"]
        mentors = Mentor
        for index in range(12):
            name = f"{FIRST_NAMES[index]} {LAST_NAMES[index]}"
            employee = self.env["hr.employee"].create({"name": name})
            certified = index < 8
            mentors |= Mentor.create(
                {
                    "employee_id": employee.id,
                    "program_ids": [Command.set(program.ids)],
                    "state": "certified" if certified else "intern",
                    "ethics_ack_date": start if certified else False,
                    "supervisor_id": supervisor.id,
                    "capacity": 3,
                    "area": AREAS[index % len(AREAS)],
                    "gender": rng.choice(["female", "male", "non_binary"]),
                }
            )
        return mentors

    def _demo_mentees(self, rng, program, payer):
        Mentee = self.env["mentoring.mentee"]
        mentees = Mentee
        for index in range(30):
            name = (
                f"{FIRST_NAMES[(index + 12) % len(FIRST_NAMES)]} {LAST_NAMES[(index + 7) % len(LAST_NAMES)]}"
            )
            partner = self.env["res.partner"].create({"name": name})
            mentees |= Mentee.create(
                {
                    "partner_id": partner.id,
                    "program_ids": [Command.set(program.ids)],
                    "birthdate": fields.Date.to_date("1985-01-01") + timedelta(days=rng.randrange(20 * 365)),
                    "area": AREAS[index % len(AREAS)],
                    "payer_id": payer.id,
                    "member_id": f"SHP-{100200 + index * 37}",
                    "date_referred": fields.Date.context_today(self) - timedelta(days=20 + 11 * index),
                }
            )
        return mentees

    def _demo_matches(self, rng, program, mentors, mentees, start):
        """Each match brought as far as its planned state allows before meetings start; holds
        and closures come after the meetings (meetings are logged only on ongoing matches)."""
        Match = self.env["mentoring.match"]
        planned = []
        for index, (mentee, state) in enumerate(zip(mentees, MATCH_STATES, strict=True)):
            match = Match.create(
                {
                    "mentor_id": mentors[index % len(mentors)].id,
                    "mentee_id": mentee.id,
                    "program_id": program.id,
                    "date_start": start + timedelta(days=rng.randrange(30)),
                }
            )
            planned.append((match, state))
            if state == "draft":
                continue
            if state == "cancelled":
                match.action_cancel()
                continue
            match.action_introduce()
            if state == "introduced":
                continue
            self._demo_sign_documents(rng, match)
            match.action_activate()
            self._demo_authorization(match, start)
        return planned

    def _demo_sign_documents(self, rng, match):
        signed = match.date_start
        self.env["mentoring.agreement"].create(
            {
                "match_id": match.id,
                "purpose": "Build confidence and independence in daily life.",
                "development_goals": "Work toward the goals of the person-centred plan.",
                "contact_face_to_face": True,
                "hours_per_month": 4,
                "mentor_signed_on": signed,
                "mentee_signed_on": signed,
            }
        ).action_sign()
        first, second = rng.choice(GOALS)
        self.env["mentoring.plan"].create(
            {
                "match_id": match.id,
                "plan_date": signed,
                "person_centred_goals": first,
                "first_steps": second,
                "next_review_date": signed + relativedelta(months=6),
                "mentor_signed_on": signed,
                "mentee_signed_on": signed,
                "goal_ids": [
                    Command.create({"name": first, "is_first_two": True}),
                    Command.create({"name": second, "is_first_two": True}),
                ],
            }
        ).action_sign()

    def _demo_authorization(self, match, start):
        self.env["mentoring.authorization"].create(
            {
                "name": f"SHP-AUTH-{match.id:04d}",
                "payer_id": match.mentee_id.payer_id.id,
                "mentee_id": match.mentee_id.id,
                "program_id": match.program_id.id,
                "date_from": start,
                "date_to": start + relativedelta(months=6, days=10 * (match.id % 3)),
                "units_authorized": 60,
            }
        ).action_approve()

    def _demo_meetings(self, rng, match, today):
        """A meeting every one to three weeks since the start; some matches have gone quiet."""
        quiet_since = today - timedelta(days=40) if match.id % 7 == 0 else today
        day = match.date_start + timedelta(days=7)
        goal = match.plan_ids.goal_ids[:1]
        while day < min(quiet_since, today):
            start = rng.choice([9.0, 10.0, 13.5, 15.0])
            minutes = rng.choice([30, 45, 45, 60])
            progress = rng.choices(["met", "considerable", "some_steps", "no_action"], [2, 4, 4, 1])[0]
            encounter = self.env["mentoring.encounter"].create(
                {
                    "match_id": match.id,
                    "date": day,
                    "start_time": start,
                    "end_time": start + minutes / 60,
                    "location_type": rng.choice(["agency", "community", "community", "virtual"]),
                    "goal_id": goal.id,
                    "progress": progress,
                    "no_action_reason": "unable_to_contact" if progress == "no_action" else False,
                    "progress_explanation": "Practised together and planned the next step."
                    if progress in ("considerable", "some_steps")
                    else False,
                    "next_steps": "Try it once on my own before we meet.",
                    "mentor_signed_on": day,
                    "mentee_signed_on": day,
                }
            )
            try:
                with self.env.cr.savepoint():
                    encounter.action_confirm()
            except Exception as error:  # noqa: BLE001 - a demo meeting the rules refuse stays a draft
                _logger.info("Demo meeting of %s on %s stays a draft: %s", match.display_name, day, error)
            day += timedelta(days=rng.choice([7, 14, 14, 21]))

    def _demo_invoice_last_month(self, program, today):
        first_of_month = today.replace(day=1)
        last_month_end = first_of_month - timedelta(days=1)
        orders = self.env["mentoring.authorization"].search([("program_id", "=", program.id)]).sale_order_id
        orders = orders.filtered(lambda o: o.invoice_status == "to invoice")
        if not orders:
            return
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=orders.ids)
            .create(
                {
                    "advance_payment_method": "delivered",
                    "date_start_invoice_timesheet": last_month_end.replace(day=1),
                    "date_end_invoice_timesheet": last_month_end,
                }
            )
        )
        wizard._create_invoices(orders)
        orders.invoice_ids.filtered(lambda m: m.state == "draft").action_post()
