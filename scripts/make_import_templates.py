"""Write the moving-in templates to static/xls/ from tools/import_templates.py.

/work/main/.venv/bin/python scripts/make_import_templates.py
"""

import importlib.util
import pathlib
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Font

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("import_templates", ROOT / "tools" / "import_templates.py")
templates = importlib.util.module_from_spec(spec)
spec.loader.exec_module(templates)

for file_name, columns in templates.TEMPLATES.items():
    book = Workbook()
    sheet = book.active
    sheet.title = "Import"
    sheet.append([heading for heading, _value in columns])
    sheet.append([value if value != "" else None for _heading, value in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (heading, _value) in enumerate(columns, 1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(14, len(heading) + 2)
    for cell in sheet[2]:
        if hasattr(cell.value, "year"):
            cell.number_format = "yyyy-mm-dd"
    # A fixed date in the file's properties: the same table makes the same bytes.
    book.properties.created = book.properties.modified = datetime(2026, 1, 1)
    path = ROOT / "static" / "xls" / file_name
    book.save(path)
    print(f"wrote {path.relative_to(ROOT)}")
