from odoo.modules.module import get_manifest
from odoo.tools import convert_file

# The demo files of the flows (claims, the internship in review, the HR officer's login).
FLOW_FILES = ("demo/hr_demo.xml", "demo/internship_review_demo.xml", "demo/billing_claims_demo.xml")


def ensure_demo_data(env):
    """Tests do not depend on a database installed with demo data: the manifest's demo files are
    loaded inside the test (and rolled back with it) when the database has none of them, or
    only the flows' files when it was installed before they existed."""
    if not env.ref("peer_mentoring.user_coordinator_demo", raise_if_not_found=False):
        files = get_manifest("peer_mentoring")["demo"]
    elif not env["mentoring.claim"].search_count([("name", "=", "PMC-SAMPLE-01")]):
        # Updated from before the flows: their records came, their demo functions did not run.
        files = FLOW_FILES
    else:
        return
    idref = {}
    for filename in files:
        convert_file(env, "peer_mentoring", filename, idref, mode="init", noupdate=True)
