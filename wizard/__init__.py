from . import mentoring_match_close
from . import mentoring_authorization_invoice
from . import mentoring_encounter_log
from . import mentoring_match_opt_out
from . import mentoring_match_close_p2p
