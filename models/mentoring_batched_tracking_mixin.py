from collections import defaultdict

from markupsafe import escape

from odoo import fields, models
from odoo.tools.mail import generate_tracking_message_id

from ..tools.bulk_insert import insert_rows

# Where `_message_track` collects the log messages of one batch, on the cursor: server code
# only (a context key could be sent over RPC to make the messages vanish).
PENDING_LOGS = "mentoring.tracking.pending_logs"


class MentoringBatchedTrackingMixin(models.AbstractModel):
    """The tracking messages of a batch ("who confirmed", "who cancelled", "who sent the claim")
    created together: on every model with the mentoring chatter, and on claims.

    Odoo logs each record's tracked changes with a message of its own, created one at a time,
    and that message's tracking values one create more (`mail.thread._message_track`): two
    INSERTs per record, most of the cost of confirming a month of meetings. Here the same
    messages (same author, body, values and subtype) are created in one INSERT per author and
    their tracking values in one more, whatever the number of records. Changes that Odoo posts
    with a subtype (followers notified) go through `message_post` as before."""

    _name = "mentoring.batched.tracking.mixin"
    _inherit = ["mail.thread"]
    _description = "Tracking Notes Written in Batches"

    def _message_track(self, fields_iter, initial_values_dict):
        data = self.env.cr.precommit.data
        if PENDING_LOGS in data:  # a nested tracking run: the outer one creates the messages
            return super()._message_track(fields_iter, initial_values_dict)
        data[PENDING_LOGS] = pending = []
        try:
            tracking = super()._message_track(fields_iter, initial_values_dict)
        finally:
            data.pop(PENDING_LOGS, None)
        self._log_tracking_in_batch(pending)
        return tracking

    def _message_log(self, *, body="", author_id=None, tracking_value_ids=False, **kwargs):
        pending = self.env.cr.precommit.data.get(PENDING_LOGS)
        commands = tracking_value_ids or []
        batchable = not kwargs and all(len(cmd) == 3 and cmd[0] == 0 for cmd in commands)
        if pending is None or not batchable:
            return super()._message_log(
                body=body, author_id=author_id, tracking_value_ids=tracking_value_ids, **kwargs
            )
        self.ensure_one()
        pending.append((self, body, author_id, [cmd[2] for cmd in commands]))
        return self.env["mail.message"]

    def _log_tracking_in_batch(self, pending):
        """Insert the collected log messages, then their tracking values, one statement each.

        Even in one batch, `mail.message.create` costs about a quarter of a millisecond per
        message in Python (values, body, inverse caches, tracking values message by message):
        as much as the rest of confirming a meeting. These are log notes: no follower is
        notified, nothing is sent, no attachment; the rows are the ones `_message_log_batch`
        would write (tests/test_tracking_batch.py compares both field by field)."""
        by_author = defaultdict(list)
        for record, body, author_id, values in pending:
            by_author[(record._name, author_id)].append((record, body, values))
        Message = self.env["mail.message"].sudo()
        tracking_values = []
        for (model, author_id), logs in by_author.items():
            records = self.env[model].browse([record.id for record, _body, _values in logs])
            base = records._log_message_values(author_id)
            ids = insert_rows(
                Message,
                [dict(base, res_id=record.id, body=escape(body)) for record, body, _values in logs],
            )
            for message_id, (_record, _body, values) in zip(ids, logs, strict=True):
                tracking_values += [dict(vals, mail_message_id=message_id) for vals in values]
            records.invalidate_recordset(["message_ids"])
        insert_rows(self.env["mail.tracking.value"].sudo(), tracking_values)

    def _log_message_values(self, author_id):
        """What `mail.thread._message_log_batch` writes on each log note, but the document and body."""
        author_id, email_from = self._message_compute_author(author_id, None)
        return {
            "date": fields.Datetime.now(),
            "author_id": author_id,
            "email_from": email_from,
            "model": self._name,
            "message_type": "notification",
            "is_internal": True,
            "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
            "email_add_signature": False,
            "message_id": generate_tracking_message_id("message-notify"),
            "reply_to": self.env["mail.thread"]._notify_get_reply_to(default=email_from, author_id=author_id)[
                False
            ],
        }
