import io

from openpyxl import load_workbook

from odoo import Command
from odoo.tools import file_open

from ..tools.import_templates import EXAMPLE_PAYER, TEMPLATES
from .common import MentoringBillingCase

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPTIONS = {
    "has_headers": True,
    "advanced": True,
    "keep_matches": False,
    "quoting": '"',
    "separator": ",",
    "date_format": "%Y-%m-%d",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "name_create_enabled_fields": {},
    "import_set_empty_fields": [],
    "import_skip_records": [],
    "fallback_values": {},
    "skip": 0,
    "limit": 2000,
    "encoding": "",
    "sheet": "Import",
}


class MentoringImportCase(MentoringBillingCase):
    """The agency's payer, as finance sets it up before anything is imported: billed in
    15-minute units, refusing claims without a member ID."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.example_payer = cls.env["res.partner"].create(
            {
                "name": EXAMPLE_PAYER,
                "is_mentoring_payer": True,
                "mentoring_billing_profile_id": cls.profile.id,
            }
        )

    @staticmethod
    def template_bytes(file_name, changes=None, extra_rows=()):
        """The shipped template, with `changes` ({heading: value}) made to its example row and
        `extra_rows` ([{heading: value}], from the example row) added under it."""
        with file_open(f"peer_mentoring/static/xls/{file_name}", "rb") as file:
            content = file.read()
        if not changes and not extra_rows:
            return content
        book = load_workbook(io.BytesIO(content))
        sheet = book.active
        headings = [cell.value for cell in sheet[1]]
        example = [cell.value for cell in sheet[2]]
        for heading, value in (changes or {}).items():
            sheet.cell(2, headings.index(heading) + 1).value = value
        for extra in extra_rows:
            row = list(example)
            for heading, value in extra.items():
                row[headings.index(heading)] = value
            sheet.append(row)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    def run_import(self, file_name, user=None, dryrun=False, **kw):
        """Import as the import screen does: upload, let it map the headings, then Test
        (`dryrun`) or Import. Returns the importer's answer."""
        wizard = (
            self.env["base_import.import"]
            .with_user(user or self.coordinator_user)
            .create(
                {
                    "res_model": self.model_of(file_name),
                    "file": self.template_bytes(file_name, **kw),
                    "file_name": file_name,
                    "file_type": XLSX,
                }
            )
        )
        preview = wizard.parse_preview(dict(OPTIONS))
        self.assertNotIn("error", preview, preview.get("error"))
        headings = [heading for heading, _value in TEMPLATES[file_name]]
        self.assertEqual(preview["headers"], headings)
        fields = ["/".join(preview["matches"].get(index) or []) or False for index in range(len(headings))]
        unmapped = [heading for heading, field in zip(headings, fields, strict=True) if not field]
        if user in (None, self.coordinator_user):
            self.assertFalse(unmapped, "The import screen maps every heading of the template to a field")
        return wizard.execute_import(fields, headings, dict(OPTIONS), dryrun=dryrun)

    @staticmethod
    def model_of(file_name):
        return file_name.removesuffix(".xlsx").replace("_", ".")

    def errors(self, result):
        return [m["message"] for m in result["messages"] if m.get("type") == "error"]

    def assertImported(self, file_name, **kw):
        """Test finds nothing, then Import makes the records: returns them."""
        test = self.run_import(file_name, dryrun=True, **kw)
        self.assertEqual(self.errors(test), [])
        model = self.env[self.model_of(file_name)]
        self.assertFalse(model.sudo().search_count([("id", "in", test["ids"] or [])]), "Test writes nothing")
        result = self.run_import(file_name, **kw)
        self.assertEqual(self.errors(result), [])
        self.assertTrue(result["ids"])
        return model.browse(result["ids"])

    def import_up_to(self, last):
        """Import the templates in their order up to `last` (included); the programme gets its
        billing from finance after it is imported."""
        records = {}
        for file_name in TEMPLATES:
            records[file_name] = self.assertImported(file_name)
            if file_name == "mentoring_program.xlsx":
                records[file_name].write(
                    {"product_id": self.product.id, "billing_profile_id": self.profile.id}
                )
            if file_name == last:
                break
        return records

    def give_coordinator(self, program):
        program.coordinator_ids = [Command.link(self.coordinator_user.id)]
