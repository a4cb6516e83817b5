"""Issue 15: every record that names a person is read within its company and programme; lists
of linked records carry no ids their reader may not read; the matching screens take only the
programme's own people; and a coordinator elsewhere decides nothing about their own record.
Each test takes the side of the user who must be refused."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestScopeRules(MentoringCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Mentor B works only in the disability programme, which coordinator B does not
        # coordinate: B has no business with B's status history, training or matches.
        Credential = cls.env["mentoring.mentor.credential"]
        cls.credential_a = Credential.create(
            {
                "mentor_id": cls.mentor.id,
                "state": "certified",
                "previous_state": "intern",
                "date_from": date(2025, 1, 1),
            }
        )
        cls.credential_b = Credential.create(
            {
                "mentor_id": cls.mentor_b.id,
                "state": "certified",
                "previous_state": "intern",
                "date_from": date(2025, 2, 1),
            }
        )
        # Another agency with its own manager, mentor and status history.
        cls.company_2 = cls.env["res.company"].create({"name": "Second Agency"})
        cls.manager_2_user = new_test_user(
            cls.env,
            login="t_manager_2",
            groups="peer_mentoring.group_manager",
            company_id=cls.company_2.id,
            company_ids=[Command.set(cls.company_2.ids)],
        )
        cls.oversight_user = new_test_user(
            cls.env, login="t_oversight_s", groups="peer_mentoring.group_oversight"
        )
        partner_2 = cls.env["res.partner"].create({"name": "Dana Volunteer", "company_id": cls.company_2.id})
        cls.mentor_2 = cls.env["mentoring.mentor"].create(
            {"partner_id": partner_2.id, "company_id": cls.company_2.id, "state": "applicant"}
        )
        cls.credential_2 = Credential.create(
            {
                "mentor_id": cls.mentor_2.id,
                "state": "intern",
                "previous_state": "applicant",
                "date_from": date(2025, 3, 1),
            }
        )

    # 1. Record rules ----------------------------------------------------------------------

    def test_status_history_is_read_within_the_programme_and_company(self):
        Credential = self.env["mentoring.mentor.credential"]
        all_three = self.credential_a | self.credential_b | self.credential_2
        # Coordinator B coordinates a programme of mentor A, none of mentor B's.
        as_b = Credential.with_user(self.coordinator_b_user)
        self.assertEqual(as_b.search([("id", "in", all_three.ids)]), self.credential_a)
        self.assertEqual(as_b.search_count([("mentor_id", "=", self.mentor_b.id)]), 0)
        with self.assertRaises(AccessError):
            self.credential_b.with_user(self.coordinator_b_user).read(["state", "mentor_id"])
        groups = as_b.formatted_read_group([], ["mentor_id"], ["__count"])
        self.assertEqual([g["mentor_id"][0] for g in groups], [self.mentor.id])
        # The coordinator of the disability programme reads both of its mentors', not the other
        # agency's; the other agency's manager reads only their own.
        as_coordinator = Credential.with_user(self.coordinator_user)
        self.assertEqual(
            as_coordinator.search([("id", "in", all_three.ids)]), self.credential_a | self.credential_b
        )
        as_manager_2 = Credential.with_user(self.manager_2_user)
        self.assertEqual(as_manager_2.search([("id", "in", all_three.ids)]), self.credential_2)
        with self.assertRaises(AccessError):
            self.credential_a.with_user(self.manager_2_user).read(["state"])
        # Mentor B, finance, HR and the oversight body have no access to status history at all.
        for user in (self.mentor_b_user, self.finance_user, self.hr_user, self.oversight_user):
            with self.assertRaises(AccessError, msg=user.login):
                Credential.with_user(user).search([])
            with self.assertRaises(AccessError, msg=user.login):
                self.credential_a.with_user(user).read(["state"])

    def test_status_history_over_call_kw(self):
        self.authenticate("t_coordinator_b", "t_coordinator_b")
        rows = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": "mentoring.mentor.credential",
                "method": "web_search_read",
                "args": [],
                "kwargs": {"domain": [], "specification": {"mentor_id": {"fields": {"display_name": {}}}}},
            },
        )
        names = {row["mentor_id"]["display_name"] for row in rows["records"]}
        self.assertIn(self.mentor.name, names)
        self.assertNotIn(self.mentor_b.name, names)
        self.assertNotIn("Dana Volunteer", names)

    def test_open_wizards_are_their_creators_alone(self):
        log = (
            self.env["mentoring.encounter.log"]
            .with_user(self.mentor_user)
            .create({"mentee_id": self.mentee.id, "next_steps": "Call the housing office"})
        )
        with self.assertRaises(AccessError):
            log.with_user(self.mentor_b_user).read(["next_steps"])
        self.assertFalse(self.env["mentoring.encounter.log"].with_user(self.mentor_b_user).search([]))
        closing = (
            self.env["mentoring.match.close"]
            .with_user(self.coordinator_user)
            .create(
                {
                    "match_ids": [Command.set(self.match.ids)],
                    "closure_reason": "other",
                    "closure_note": "Allegation",
                }
            )
        )
        with self.assertRaises(AccessError):
            closing.with_user(self.coordinator_b_user).read(["closure_note"])

    def test_another_agencys_configuration_is_not_read(self):
        rule_2 = self.env["mentoring.certification.rule"].create(
            {"name": "Agency 2 rules", "company_id": self.company_2.id}
        )
        template_2 = self.env["mentoring.evaluation.template"].create(
            {"name": "Agency 2 form", "kind": "internship_performance", "company_id": self.company_2.id}
        )
        for model, record in (
            ("mentoring.certification.rule", rule_2),
            ("mentoring.evaluation.template", template_2),
        ):
            self.assertFalse(
                self.env[model].with_user(self.manager_user).search([("id", "=", record.id)]), model
            )

    # 2. Lists of linked records -----------------------------------------------------------

    def test_lists_of_linked_records_carry_only_readable_ids(self):
        """Every one2many and many2many of every record a user may read lists only records
        that user may read, read on its own or after the form's other fields."""
        # A proposal with mentor B for mentee A: mentor A may not read it.
        self.create_match(self.mentor_b, self.mentee)
        # Mentee A is also in the other programme: coordinator B reads the person, not the
        # disability programme's matches.
        self.mentee.program_ids = [Command.link(self.other_program.id)]
        self.env.flush_all()
        users = (
            self.mentor_user,
            self.mentor_b_user,
            self.supervisor_user,
            self.coordinator_b_user,
            self.hr_mentor_user,
            self.finance_user,
            self.hr_user,
            self.oversight_user,
            self.manager_2_user,
        )
        models = [
            name
            for name, model in self.env.registry.items()
            if name.startswith("mentoring.") and not model._abstract and not model._transient and model._auto
        ]
        leaks = []
        for user in users:
            for name in models:
                Model = self.env[name].with_user(user)
                if not Model.has_access("read"):
                    continue
                # A list whose records the user has no access right to at all is refused
                # whole (an error, not a leak): only lists of readable models are compared.
                x2many = [
                    f
                    for f, field in Model._fields.items()
                    if field.type in ("one2many", "many2many")
                    and field.comodel_name.startswith("mentoring.")
                    and Model._has_field_access(field, "read")
                    and self.env[field.comodel_name].with_user(user).has_access("read")
                ]
                if not x2many:
                    continue
                records = Model.search([], limit=50)
                for warm in (False, True):
                    self.env.invalidate_all()
                    if warm:  # the form's other fields first: computes that read with sudo
                        records.read(
                            [f for f, fd in Model._fields.items() if Model._has_field_access(fd, "read")]
                        )
                    values = records.web_read({f: {} for f in x2many})
                    for row in values:
                        for f in x2many:
                            ids = row[f]
                            comodel = self.env[Model._fields[f].comodel_name].with_user(user)
                            readable = comodel.browse(ids)._filtered_access("read").ids if ids else []
                            if set(ids) - set(readable):
                                leaks.append((user.login, name, f, warm))
        self.assertFalse(sorted(set(leaks)))

    def test_mentee_match_ids_over_call_kw(self):
        proposal = self.create_match(self.mentor_b, self.mentee)
        self.authenticate("t_mentor_a", "t_mentor_a")
        rows = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": "mentoring.mentee",
                "method": "web_read",
                "args": [[self.mentee.id]],
                # The list alone: Odoo then checks the mentee's record rules (which walk its
                # matches) with sudo before reading it.
                "kwargs": {"specification": {"match_ids": {}}},
            },
        )
        self.assertEqual(rows[0]["match_ids"], self.match.ids)
        self.assertNotIn(proposal.id, rows[0]["match_ids"])
        # The same over the ORM, and for the supervisor.
        self.env.invalidate_all()
        self.assertEqual(
            self.mentee.with_user(self.mentor_user).read(["match_ids"])[0]["match_ids"], self.match.ids
        )
        self.env.invalidate_all()
        self.assertEqual(
            self.mentee.with_user(self.supervisor_user).read(["match_ids"])[0]["match_ids"], self.match.ids
        )
        # An export of the list names only the mentor's own match.
        self.env.invalidate_all()
        rows = self.mentee.with_user(self.mentor_user).export_data(["match_ids/.id"])["datas"]
        self.assertEqual([row[0] for row in rows], [str(self.match.id)])

    # 3. Matching screens ------------------------------------------------------------------

    def test_another_programmes_mentee_cannot_be_put_in_find_a_mentor(self):
        Finder = self.env["mentoring.match.finder"].with_user(self.coordinator_b_user)
        # Mentee A is only in the disability programme; coordinator B coordinates the other.
        with self.assertRaises(UserError):
            Finder.create({"mentee_id": self.mentee.id, "program_id": self.other_program.id})
        own = self.create_mentee("Robin Own", program=self.other_program)
        finder = Finder.create({"mentee_id": own.id, "program_id": self.other_program.id})
        with self.assertRaises(UserError):
            finder.write({"mentee_id": self.mentee.id})
        with self.assertRaises(UserError):
            finder.write({"program_id": self.program.id})
        # A candidate line naming a mentor coordinator B may not read.
        with self.assertRaises(UserError):
            self.env["mentoring.match.finder.line"].with_user(self.coordinator_b_user).create(
                {"finder_id": finder.id, "mentor_id": self.mentor_b.id, "excluded": True}
            )

    def test_another_programmes_people_cannot_be_put_in_propose_matches(self):
        Pool = self.env["mentoring.match.pool"].with_user(self.coordinator_b_user)
        with self.assertRaises(UserError):
            Pool.create({"program_id": self.program.id})
        pool = Pool.create({"program_id": self.other_program.id})
        Line = self.env["mentoring.match.pool.line"].with_user(self.coordinator_b_user)
        # Mentor A works in the other programme too; mentee A does not.
        with self.assertRaises(UserError):
            Line.create({"pool_id": pool.id, "mentee_id": self.mentee.id, "mentor_id": self.mentor.id})
        # The onchange (the score explanation of a new proposal) is refused the same way.
        with self.assertRaises(UserError):
            Line.onchange(
                {"pool_id": pool.id, "mentee_id": self.mentee.id, "mentor_id": self.mentor.id},
                ["mentor_id"],
                {"pool_id": {}, "mentee_id": {}, "mentor_id": {}, "score": {}, "explanation": {}},
            )
        # Mentor B works only in the disability programme.
        own = self.create_mentee("Robin Own", program=self.other_program)
        with self.assertRaises(UserError):
            Line.create({"pool_id": pool.id, "mentee_id": own.id, "mentor_id": self.mentor_b.id})
        line = Line.create({"pool_id": pool.id, "mentee_id": own.id, "mentor_id": self.mentor.id})
        with self.assertRaises(UserError):
            line.write({"mentee_id": self.mentee.id})

    def test_pool_line_onchange_over_call_kw(self):
        pool = (
            self.env["mentoring.match.pool"]
            .with_user(self.coordinator_b_user)
            .create({"program_id": self.other_program.id})
        )
        self.authenticate("t_coordinator_b", "t_coordinator_b")
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "mentoring.match.pool.line",
                    "method": "onchange",
                    "args": [
                        {"pool_id": pool.id, "mentee_id": self.mentee.id, "mentor_id": self.mentor.id},
                        ["mentor_id"],
                        {"mentee_id": {"fields": {"display_name": {}}}, "explanation": {}},
                    ],
                    "kwargs": {},
                },
            )

    def test_the_screens_checks_add_no_query_per_line(self):
        mentees = self.env["mentoring.mentee"].browse(
            [self.create_mentee(f"Pool Mentee {i}").id for i in range(20)]
        )
        Pool = self.env["mentoring.match.pool"].with_user(self.coordinator_user)
        pool = Pool.create({"program_id": self.program.id})
        lines = (
            self.env["mentoring.match.pool.line"]
            .with_user(self.coordinator_user)
            .create(
                [
                    {"pool_id": pool.id, "mentee_id": mentee.id, "mentor_id": self.mentor_b.id}
                    for mentee in mentees
                ]
            )
        )

        def count(records):
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            records._check_scope()
            return self.cr.sql_log_count - start

        count(lines)  # the access rules' caches
        self.assertEqual(count(lines[:2]), count(lines))
