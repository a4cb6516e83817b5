from . import portal
from . import portal_help
from . import portal_mentor
from . import portal_form
from . import portal_sign_link
from . import portal_concern
from . import portal_mentor_records
from . import funder_report
