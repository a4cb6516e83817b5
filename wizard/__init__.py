from . import mentoring_match_close
from . import mentoring_authorization_invoice
