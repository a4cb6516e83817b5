from . import mentoring_match_close
from . import mentoring_authorization_invoice
from . import mentoring_encounter_log
from . import mentoring_mentor_onboard
from . import mentoring_match_finder
from . import mentoring_match_pool
from . import mentoring_internship_decision
