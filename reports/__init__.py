from . import report_service_detail
from . import report_claim_cms1500
from . import report_funder
