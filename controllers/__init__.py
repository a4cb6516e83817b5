from . import portal
from . import portal_help
from . import portal_mentor
