from . import portal
from . import portal_mentor
from . import portal_mentor_records
