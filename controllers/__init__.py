from . import portal
from . import portal_form
from . import portal_sign_link
from . import portal_concern
