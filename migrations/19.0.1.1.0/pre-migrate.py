"""Record rules are loaded with noupdate: let this version's tightened rules replace the old
ones in databases that already have the addon."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = FALSE
         WHERE module = 'peer_mentoring' AND model = 'ir.rule'
        """
    )
