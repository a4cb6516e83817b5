def migrate(cr, version):
    """The pilot's shipped rule set (seed 000) now asks annual continuing education: 10 hours
    and one training a year. Its data is loaded once (noupdate), so a database that has it
    gets the numbers here, unless the agency already set its own."""
    cr.execute(
        """
        UPDATE mentoring_certification_rule rule
           SET ce_hours = 10, min_trainings = 1
          FROM ir_model_data data
         WHERE data.module = 'peer_mentoring'
           AND data.name = 'certification_rule_pilot'
           AND data.model = 'mentoring.certification.rule'
           AND data.res_id = rule.id
           AND COALESCE(rule.ce_hours, 0) = 0
           AND COALESCE(rule.ce_ethics_hours, 0) = 0
           AND COALESCE(rule.ce_peer_hours, 0) = 0
           AND COALESCE(rule.min_trainings, 0) = 0
        """
    )
