from . import mentoring_match_close
