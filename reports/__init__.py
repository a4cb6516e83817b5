from . import report_service_detail
