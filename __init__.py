from . import controllers
from . import models
from . import wizard
from . import reports
from .hooks import uninstall_hook
