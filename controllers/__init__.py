from . import portal
from . import portal_mentor_records
