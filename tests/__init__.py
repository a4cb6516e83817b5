from . import test_access
from . import test_agreement
from . import test_encounter
from . import test_match
from . import test_multi_company
from . import test_performance
from . import test_plan
from . import test_reports
