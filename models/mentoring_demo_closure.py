from datetime import timedelta

from odoo import Command, models


class MentoringDemo(models.AbstractModel):
    _inherit = "mentoring.demo"

    def _demo_close_match(self, match, today):
        """Closed through the closure steps, as a coordinator does: the goals met, a talk with
        each side (the first mentee reached, the second only tried), contact through the agency."""
        reached = not self.env["mentoring.match.closure"].search_count(
            [("program_id", "=", match.program_id.id), ("mentee_conversation", "=", "held")]
        )
        mentee_vals = (
            {
                "mentee_conversation": "held",
                "mentee_talk_date": today - timedelta(days=2),
                "mentee_talk_notes": "Proud of the job interview; would like a new mentor in the autumn.",
            }
            if reached
            else {
                "mentee_conversation": "not_reached",
                "attempt_ids": [
                    Command.create({"side": "mentee", "date": today - timedelta(days=9), "method": "phone"}),
                    Command.create(
                        {
                            "side": "mentee",
                            "date": today - timedelta(days=5),
                            "method": "letter",
                            "note": "Letter sent home with the date of the last meeting.",
                        }
                    ),
                ],
            }
        )
        self.env["mentoring.match.closure"].create(
            {
                "match_id": match.id,
                "closure_reason": "goals_met",
                "closure_note": "Both agreed the goals were met.",
                "mentor_conversation": "held",
                "mentor_talk_date": today - timedelta(days=3),
                "mentor_talk_notes": "Went over what worked; glad to take a new mentee.",
                "contact_rule": "agency",
                "contact_notes": "Cards and messages pass through the coordinator.",
                "rematch_decision": "not_now",
                "rematch_reason": "Goals met; the mentee will ask again if needed.",
                **mentee_vals,
            }
        )
        match._close()
