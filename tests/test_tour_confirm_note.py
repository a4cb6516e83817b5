from odoo.tests import HttpCase, tagged

from .common import MentoringCase


@tagged("post_install", "-at_install")
class TestConfirmNoteTour(MentoringCase, HttpCase):
    """The "who confirmed" note, written in batch, is the one the mentor reads in the chatter."""

    def test_mentor_confirms_a_draft_and_reads_who_did_it(self):
        self.mentor_user.name = "Ada Mentor"
        self.start_tour("/odoo", "peer_mentoring_confirm_note_tour", login=self.mentor_user.login)
        self.assertEqual(self.encounter.state, "confirmed")
        note = self.encounter.sudo().message_ids.filtered("tracking_value_ids")
        self.assertEqual(note.author_id, self.mentor_user.partner_id)
        self.assertEqual(note.tracking_value_ids.new_value_char, "Confirmed")
