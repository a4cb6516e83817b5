from odoo import models

# The models an agency moves in with (README, "Moving in"), in the order they are imported.
MOVING_IN_MODELS = (
    "mentoring.program",
    "mentoring.mentor",
    "mentoring.mentee",
    "mentoring.authorization",
    "mentoring.match",
)


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        """Each problem of a moving-in file names the row of the spreadsheet it is on, as the
        coordinator sees it (the heading counted), so that a Test lists what to correct where."""
        first_row = options.get("skip", 0) + (2 if options.get("has_headers") else 1)
        result = super().execute_import(fields, columns, options, dryrun=dryrun)
        if self.res_model in MOVING_IN_MODELS:
            messages = result.get("messages", [])
            # When a batch fails, Odoo also repeats the first error found row by row at the top,
            # under the batch's first row: the row-by-row one is the one that names the right row.
            if len(messages) > 1 and messages[0].get("message") in [m.get("message") for m in messages[1:]]:
                messages.pop(0)
            for message in messages:
                rows = message.get("rows") or {}
                if message.get("type") == "error" and "from" in rows and rows["from"] >= 0:
                    row = rows["from"] + first_row
                    message["message"] = self.env._(
                        "Row %(row)s: %(problem)s", row=row, problem=message["message"]
                    )
                    # The import screen shows these lines as they are (static/src/import/).
                    message["mentoring_row"] = row
        return result
