from contextlib import closing, contextmanager, suppress
from datetime import timedelta

import psycopg2
import psycopg2.errors
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user
from odoo.tools.safe_eval import datetime, safe_eval, time


class MentoringCase(TransactionCase):
    """Two mentors in one programme, each with one active match and a signed agreement.

    Mentor A is supervised by the supervisor; mentor B by nobody. The coordinator coordinates
    `program` only; `other_program` (same company) has nobody's matches but the manager's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The test users have no timezone (UTC); the superuser's is the demo's (Brussels). One
        # clock for both, or "today" differs between them for an hour each night.
        cls.env.user.tz = "UTC"
        cls.today = fields.Date.context_today(cls.env["mentoring.match"])
        cls.yesterday = cls.today - timedelta(days=1)
        cls.company = cls.env.company
        user = lambda login, groups, **kw: new_test_user(  # noqa: E731
            cls.env, login=login, groups=groups, company_id=cls.company.id, **kw
        )
        # Export rights too, so that tests prove an export cannot carry what a user must not see.
        cls.mentor_user = user("t_mentor_a", "peer_mentoring.group_mentor,base.group_allow_export")
        cls.mentor_b_user = user("t_mentor_b", "peer_mentoring.group_mentor,base.group_allow_export")
        cls.supervisor_user = user("t_supervisor", "peer_mentoring.group_supervisor,base.group_allow_export")
        cls.coordinator_user = user(
            "t_coordinator", "peer_mentoring.group_coordinator,base.group_allow_export"
        )
        cls.manager_user = user("t_manager", "peer_mentoring.group_manager")
        cls.hr_user = user("t_hr_officer", "hr.group_hr_user")
        cls.finance_user = user("t_finance", "account.group_account_invoice")
        cls.sales_user = user("t_salesman", "sales_team.group_sale_salesman")
        # Attackers from inside: the coordinator of the other programme, and an HR officer who is
        # also a peer mentor (with no mentee of their own).
        cls.coordinator_b_user = user("t_coordinator_b", "peer_mentoring.group_coordinator")
        cls.hr_mentor_user = user("t_hr_mentor", "hr.group_hr_user,peer_mentoring.group_mentor")

        Employee = cls.env["hr.employee"]
        cls.supervisor_employee = Employee.create(
            {"name": "Sam Supervisor", "user_id": cls.supervisor_user.id}
        )
        cls.mentor_employee = Employee.create({"name": "Ada Mentor", "user_id": cls.mentor_user.id})
        cls.mentor_b_employee = Employee.create({"name": "Ben Mentor", "user_id": cls.mentor_b_user.id})

        cls.program = cls.env["mentoring.program"].create(
            {
                "name": "Disability Peer Mentoring",
                "code": "TDPM",
                "coordinator_ids": [Command.set(cls.coordinator_user.ids)],
                "max_mentees_per_mentor": 2,
            }
        )
        cls.other_program = cls.env["mentoring.program"].create(
            {
                "name": "Foster Carer Scheme",
                "code": "TFCS",
                "coordinator_ids": [Command.set(cls.coordinator_b_user.ids)],
            }
        )
        cls.mentor = cls.env["mentoring.mentor"].create(
            {
                "employee_id": cls.mentor_employee.id,
                "program_ids": [Command.set((cls.program | cls.other_program).ids)],
                "supervisor_id": cls.supervisor_employee.id,
                "state": "certified",
                "ethics_ack_date": cls.yesterday,
            }
        )
        cls.mentor_b = cls.env["mentoring.mentor"].create(
            {
                "employee_id": cls.mentor_b_employee.id,
                "program_ids": [Command.set(cls.program.ids)],
                "state": "certified",
                "ethics_ack_date": cls.yesterday,
            }
        )
        cls.mentee = cls.create_mentee("Jamie Rivera", birthdate="2006-05-01", notes="<p>Jamie's secret</p>")
        cls.mentee_b = cls.create_mentee("Pat Okafor", notes="<p>Pat's secret</p>")
        cls.match = cls.create_active_match(cls.mentor, cls.mentee)
        cls.match_b = cls.create_active_match(cls.mentor_b, cls.mentee_b)
        cls.agreement = cls.match.agreement_ids
        cls.encounter = cls.create_encounter(cls.match, notes="<p>Talked about home</p>")
        cls.encounter_b = cls.create_encounter(cls.match_b, notes="<p>B's private talk</p>")
        # As if the set-up were committed: Odoo tracks changes only on records created earlier.
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def setUp(self):
        super().setUp()
        # wkhtmltopdf fetches the report's styles from report.url: a closed local port keeps
        # PDF tests independent of whatever Odoo server is running on this machine.
        self.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")

    @contextmanager
    def assertRefused(self, exception, pattern):
        """Like assertRaisesRegex, but rolled back the way a refused request is: afterwards
        records read what the database kept, so a test can check nothing was lost."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)
        self.env.invalidate_all()

    def flush_tracking(self):
        """Chatter tracking is written when the transaction commits; tests have to ask."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    @classmethod
    def create_mentee(cls, name, program=None, **vals):
        partner = cls.env["res.partner"].create({"name": name})
        return cls.env["mentoring.mentee"].create(
            {
                "partner_id": partner.id,
                "program_ids": [Command.set((program or cls.program).ids)],
                **vals,
            }
        )

    @classmethod
    def create_match(cls, mentor, mentee, program=None, **vals):
        return cls.env["mentoring.match"].create(
            {
                "mentor_id": mentor.id,
                "mentee_id": mentee.id,
                "program_id": (program or cls.program).id,
                "coordinator_id": cls.coordinator_user.id,
                **vals,
            }
        )

    @classmethod
    def create_agreement(cls, match, **vals):
        return cls.env["mentoring.agreement"].create(
            {
                "match_id": match.id,
                "purpose": "Find paid work",
                "development_goals": "Prepare a CV",
                "mentor_signed_on": cls.yesterday,
                "mentee_signed_on": cls.yesterday,
                **vals,
            }
        )

    @classmethod
    def document_closure(cls, match, **vals):
        """Every closure step of `match` recorded but why it ends (given when closing): a talk
        with each side, contact through the agency, no rematch for now."""
        today = fields.Date.context_today(match)
        return cls.env["mentoring.match.closure"].create(
            {
                "match_id": match.id,
                "mentor_conversation": "held",
                "mentor_talk_date": today,
                "mentor_talk_notes": "Talked it through.",
                "mentee_conversation": "held",
                "mentee_talk_date": today,
                "mentee_talk_notes": "Talked it through.",
                "contact_rule": "agency",
                "rematch_decision": "not_now",
                "rematch_reason": "Wants a break.",
                **vals,
            }
        )

    def close_match(self, match, reason, note=""):
        """Close `match`, as the user it carries, once its closure steps are recorded."""
        self.document_closure(match)
        match._close(reason, note)

    @classmethod
    def create_active_match(cls, mentor, mentee, program=None):
        match = cls.create_match(mentor, mentee, program)
        match.action_introduce()
        cls.create_agreement(match).action_sign()
        match.action_activate()
        return match

    def late_today(self):
        """The clock at 23:59 today: a meeting of today has ended, whatever its hours, so it can
        be confirmed (a meeting is confirmed once it has ended, whenever the suite runs)."""
        return freeze_time(f"{self.today} 23:59:00")

    @classmethod
    def create_encounter(cls, match, **vals):
        return cls.env["mentoring.encounter"].create(
            {
                "match_id": match.id,
                "date": cls.yesterday,
                "start_time": 10.0,
                "end_time": 11.0,
                "location_type": "agency",
                "progress": "met",
                **vals,
            }
        )

    def last_months_timesheet(self):
        """Mentor A's monthly timesheet of last month, with one confirmed hour, as a draft (the
        programme bills no payer)."""
        self.program.product_id = False
        day = self.today.replace(day=1) - timedelta(days=1)
        self.create_encounter(self.match, date=day, start_time=18.0, end_time=19.0).action_confirm()
        return (
            self.env["mentoring.monthly.timesheet"]
            .with_user(self.mentor_user)
            .create({"mentor_id": self.mentor.id, "month": day})
        )


class MentoringBillingCase(MentoringCase):
    """The disability programme billed to a managed-care organisation in 15-minute units
    (HCPCS H0038) under the 8-minute rule, with one approved authorisation of 40 units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.payer = cls.env["res.partner"].create({"name": "Sunrise Health Plan", "is_mentoring_payer": True})
        cls.profile = cls.env["mentoring.billing.profile"].create(
            {"name": "Sunrise peer services", "billing_unit": "quarter_hour", "rounding": "cms_8_minute"}
        )
        cls.product = cls.create_service_product("Peer mentoring services", 20.0)
        cls.program.write({"product_id": cls.product.id, "billing_profile_id": cls.profile.id})
        cls.mentee.write({"payer_id": cls.payer.id, "member_id": "M-12345"})
        cls.finance_user.group_ids |= cls.env.ref("base.group_allow_export")
        cls.plan = cls.env["mentoring.plan"].create(
            {
                "match_id": cls.match.id,
                "person_centred_goals": "Work in a library",
                "goal_ids": [Command.create({"name": "Get a part-time job", "is_first_two": True})],
            }
        )
        cls.goal = cls.plan.goal_ids
        cls.authorization = cls.create_authorization("AUTH-1", units=40)
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def create_service_product(cls, name, price, **vals):
        """H0038 in 15-minute units, invoiced from timesheets."""
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "service",
                "service_policy": "delivered_timesheet",
                "service_tracking": "task_in_project",
                "uom_id": cls.env.ref("peer_mentoring.uom_quarter_hour").id,
                "list_price": price,
                "mentoring_service_code": "H0038",
                **vals,
            }
        )

    @classmethod
    def create_authorization(
        cls, reference, units, date_from=None, date_to=None, price_unit=15.0, approve=True
    ):
        auth = cls.env["mentoring.authorization"].create(
            {
                "name": reference,
                "payer_id": cls.payer.id,
                "mentee_id": cls.mentee.id,
                "program_id": cls.program.id,
                "date_from": date_from or cls.today - timedelta(days=60),
                "date_to": date_to or cls.today + timedelta(days=60),
                "units_authorized": units,
                "price_unit": price_unit,
            }
        )
        if approve:
            auth.action_approve()
        return auth

    def billable_encounter(self, start, end, day=None, match=None, goal=None, **vals):
        """A fully documented, billable draft meeting of mentee A (of `match` on `goal`, by
        default mentor A's)."""
        return self.create_encounter(
            match or self.match,
            date=day or self.yesterday,
            start_time=start,
            end_time=end,
            goal_id=(goal or self.goal).id,
            mentor_signed_on=self.yesterday,
            mentee_signed_on=self.yesterday,
            **vals,
        )

    def create_other_agency_finance(self):
        """A finance user of a second agency (company) only."""
        company_2 = self.env["res.company"].create({"name": "Second Agency"})
        return new_test_user(
            self.env,
            login="t_finance_2",
            groups="account.group_account_invoice",
            company_id=company_2.id,
            company_ids=[Command.set(company_2.ids)],
        )

    def invoice(self, orders):
        moves = orders._create_invoices()
        moves.action_post()
        return moves


class MentoringGroupBillingCase(MentoringBillingCase):
    """The same, with a group-session service (H0038 with modifier HQ) on the programme."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group_product = cls.create_service_product("Peer mentoring, group", 8.0, mentoring_modifier="HQ")
        cls.program.group_product_id = cls.group_product

    def approve_group_authorization(self, date_to=None):
        auth = self.env["mentoring.authorization"].create(
            {
                "name": "AUTH-GROUP",
                "payer_id": self.payer.id,
                "mentee_id": self.mentee.id,
                "program_id": self.program.id,
                "is_group_service": True,
                "date_from": self.today - timedelta(days=30),
                "date_to": date_to or self.today + timedelta(days=30),
                "units_authorized": 20,
                "price_unit": 8.0,
            }
        )
        auth.action_approve()
        return auth


class WebClient:
    """What the web client asks the server when a user opens a form, reads a drop-down or clicks
    a button: the same calls with the same domains and contexts, without a browser."""

    FALSY = ("0", "false", "False")

    def visible_actions(self, user):
        """The actions of the Mentoring app's menus that the web client shows `user`."""
        Menu = self.env["ir.ui.menu"].with_user(user)
        visible = Menu._visible_menu_ids()
        root = self.env.ref("peer_mentoring.mentoring_menu_root")
        # The web client builds the menu tree from the root: a menu shows only if each ancestor does.
        menus = Menu.browse(visible).filtered(
            lambda m: (
                m.action
                and m.parent_path.startswith(root.parent_path)
                and all(int(ancestor) in visible for ancestor in m.parent_path.strip("/").split("/"))
            )
        )
        actions = []
        for menu in menus:
            action = menu.action.sudo()
            if action._name == "ir.actions.server":  # the app's home: the window it opens
                opened = action.with_user(user).run()
                action = self.env[opened["type"]].sudo().browse(opened["id"])
            actions.append(action)
        return list(dict.fromkeys(actions))

    def eval_context(self, user, values=None):
        env = self.env(user=user)
        return {
            "id": False,
            **(values or {}),
            "uid": user.id,
            "context": dict(env.context),
            "current_company_id": env.company.id,
            "allowed_company_ids": user.company_ids.ids,
            "context_today": lambda: fields.Date.context_today(env["res.users"]),
            "relativedelta": relativedelta,
            "datetime": datetime,
            "time": time,
        }

    def evaluate(self, expression, user, values, default=False):
        if expression in (None, ""):
            return default
        if isinstance(expression, (list, dict, bool)):
            return expression
        return safe_eval(expression, self.eval_context(user, values))

    def open_form(self, user, model, context=None, view_id=False, record=None):
        """The form as `user` sees it: its arch (after groups and access rights), field
        descriptions, and the values of a new record (defaults and onchanges) or of `record`."""
        Model = self.env[model].with_user(user).with_context(**(context or {}))
        views = Model.get_views([(view_id, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        descriptions = views["models"][model]["fields"]
        spec = {name: self._spec(descriptions[name]) for name in self.top_level_fields(arch)}
        if record:
            values = record.with_user(user).with_context(**(context or {})).web_read(spec)[0]
        else:
            # The web client holds every field of the form, empty ones too (onchange omits them).
            empty = {n: [] if descriptions[n]["type"] in ("one2many", "many2many") else False for n in spec}
            values = empty | Model.onchange({}, [], spec)["value"]
        return arch, descriptions, {name: self._raw(value) for name, value in values.items()}

    @staticmethod
    def _spec(description):
        if description["type"] == "many2one":
            return {"fields": {"display_name": {}}}
        if description["type"] in ("one2many", "many2many"):
            return {"fields": {}}
        return {}

    @staticmethod
    def _raw(value):
        """A field's value as form expressions see it: ids for relations."""
        if isinstance(value, dict):
            return value.get("id") or False
        if isinstance(value, list):
            ids = []
            for item in value:
                if isinstance(item, int):
                    ids.append(item)
                elif isinstance(item, dict):
                    ids.append(item["id"])
                elif item[0] == Command.SET:
                    ids = list(item[2])
                elif item[0] in (Command.LINK, Command.UPDATE):
                    ids.append(item[1] if isinstance(item[1], int) else item[1].get("id"))
            return ids
        return value

    @staticmethod
    def top_level_fields(arch):
        """The form's own fields, not those of its x2many sub-views."""
        return [
            node.get("name")
            for node in arch.iter("field")
            if not any(ancestor.tag == "field" for ancestor in node.iterancestors())
        ]

    def field_node(self, arch, name):
        return next(
            node
            for node in arch.iter("field")
            if node.get("name") == name and not any(a.tag == "field" for a in node.iterancestors())
        )

    def modifier(self, arch, descriptions, name, attribute, user, values):
        node = self.field_node(arch, name)
        expression = node.get(attribute)
        if expression is None:
            return bool(descriptions[name].get(attribute))
        return bool(self.evaluate(expression, user, values))

    def offered(self, user, arch, descriptions, name, values, search="", limit=8):
        """What the drop-down of many2one `name` lists (web_name_search with the field's domain
        and context, as the many2one widget sends them)."""
        node = self.field_node(arch, name)
        description = descriptions[name]
        domain = self.evaluate(node.get("domain") or description.get("domain") or "[]", user, values)
        context = self.evaluate(node.get("context") or description.get("context") or "{}", user, values)
        Comodel = self.env[description["relation"]].with_user(user).with_context(**context)
        return Comodel.web_name_search(search, {"display_name": {}}, domain=domain, limit=limit)

    def button_visible(self, user, arch, name, values):
        """Whether any button calling `name` shows (groups= already took out the others)."""
        return any(
            not self.evaluate(button.get("invisible"), user, values)
            for button in arch.iter("button")
            if button.get("name") == name
        )

    def can_create(self, arch):
        return arch.get("create") not in self.FALSY

    # -- New, for every menu a user sees -------------------------------------------------------

    def action_context(self, user, action):
        return safe_eval(action.context or "{}", self.eval_context(user))

    def action_archs(self, user, action):
        """The action's views as `user` gets them, in the action's order: [(mode, view_id, arch)]."""
        views = [
            (view_id, mode)
            for view_id, mode in action.views
            if mode in ("list", "kanban", "form", "calendar")
        ]
        Model = self.env[action.res_model].with_user(user).with_context(**self.action_context(user, action))
        loaded = Model.get_views(views)["views"]
        return [(mode, view_id, etree.fromstring(loaded[mode]["arch"])) for view_id, mode in views]

    def new_offered(self, user, action):
        """Whether the screen the menu opens shows a New button (a form-only action opens on a
        new record: the screen itself is the New)."""
        archs = self.action_archs(user, action)
        if not archs:
            return False
        mode, _view_id, arch = archs[0]
        # Every view of the action offers it alike (a calendar creates by a click on a day).
        offered = {self.can_create(view_arch) for view_mode, _v, view_arch in archs if view_mode != "form"}
        self.assertLessEqual(len(offered), 1, f"{action.name}: New in some of its views only")
        return mode == "form" or self.can_create(arch)

    def new_record_problems(self, user, action):
        """What stops `user` from saving the New record of `action`: a required drop-down with
        nothing to pick, or a create the access rights or record rules refuse. Business checks
        (which the form explains in plain words) are not problems."""
        context = self.action_context(user, action)
        if not self.env[action.res_model].with_user(user).has_access("create"):
            return [f"{action.name} → New: no right to create"]
        archs = {mode: (view_id, arch) for mode, view_id, arch in self.action_archs(user, action)}
        if "form" in archs:
            arch, descriptions, values = self.open_form(user, action.res_model, context, archs["form"][0])
        elif "list" in archs and archs["list"][1].get("editable"):
            # An editable list adds a row in place: its columns are the form.
            view_id = archs["list"][0]
            Model = self.env[action.res_model].with_user(user).with_context(**context)
            views = Model.get_views([(view_id, "list")])
            arch = etree.fromstring(views["views"]["list"]["arch"])
            descriptions = views["models"][action.res_model]["fields"]
            spec = {name: self._spec(descriptions[name]) for name in self.top_level_fields(arch)}
            empty = {n: [] if descriptions[n]["type"] in ("one2many", "many2many") else False for n in spec}
            values = {n: self._raw(v) for n, v in (empty | Model.onchange({}, [], spec)["value"]).items()}
        else:
            return None
        problems, vals = [], {}
        for name in self.top_level_fields(arch):
            description = descriptions[name]
            if description.get("readonly") and not self.field_node(arch, name).get("readonly"):
                continue
            if self.modifier(arch, descriptions, name, "invisible", user, values):
                continue
            if self.modifier(arch, descriptions, name, "readonly", user, values):
                continue
            value = values.get(name)
            if description["type"] in ("one2many", "many2many"):
                continue
            if not self.modifier(arch, descriptions, name, "required", user, values) and not value:
                continue
            if description["type"] == "many2one" and not value:
                offered = self.offered(user, arch, descriptions, name, values, limit=1)
                if not offered:
                    problems.append(f"{action.name} → New: {description['string']} offers nothing to pick")
                    continue
                value = offered[0]["id"]
            vals[name] = value if value not in (None, False) else self._sample_value(description)
            # Later drop-downs read what was picked (e.g. a programme of the chosen mentor).
            values[name] = vals[name]
        if problems:
            return problems
        Model = self.env[action.res_model].with_user(user).with_context(**context)
        # A uniqueness or check constraint, or a rule the model checks: the web client shows its
        # message, the screen works.
        with closing(self.env.cr.savepoint()), suppress(psycopg2.IntegrityError, UserError, ValidationError):
            try:
                Model.web_save(vals, {})
            except AccessError as error:
                problems.append(f"{action.name} → New: saving is refused: {error}")
            except psycopg2.errors.NotNullViolation as error:
                # A required column the screen does not ask for.
                problems.append(f"{action.name} → New: saving fails: {error}")
        self.env.invalidate_all()
        return problems

    def _sample_value(self, description):
        kind = description["type"]
        if kind == "selection":
            return description["selection"][0][0]
        return {
            "char": "New",
            "text": "New",
            "html": "<p>New</p>",
            "date": fields.Date.to_string(fields.Date.today()),
            "datetime": fields.Datetime.to_string(fields.Datetime.now()),
            "integer": 1,
            "float": 1.0,
            "monetary": 1.0,
            "boolean": True,
        }.get(kind, False)

    def new_offered_problems(self, role, user, made_elsewhere=()):
        """For every menu `user` sees: New is offered exactly where a record can be made.
        `made_elsewhere`: models (or action xml ids) whose records are made elsewhere, by design
        never by this menu's New."""
        problems = []
        for action in self.visible_actions(user):
            if action._name != "ir.actions.act_window":
                continue
            offered = self.new_offered(user, action)
            if not offered and {action.res_model, action.xml_id} & set(made_elsewhere):
                continue
            found = self.new_record_problems(user, action)
            if found is None:
                continue
            if offered and found:
                problems += [f"{role}: {problem}" for problem in found]
            elif not offered and not found:
                problems.append(f"{role}: {action.name}: New is not offered, yet a record can be made")
        return problems

    @staticmethod
    def parse(arch):
        return etree.fromstring(arch)
