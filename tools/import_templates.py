"""The moving-in templates (static/xls/*.xlsx): one heading row, as the import screen maps it
to fields, and one example row. `scripts/make_import_templates.py` writes the files from here;
the tests read the same table to know what each example row makes."""

from datetime import date

EXAMPLE_PROGRAMME = "Example Peer Mentoring"
EXAMPLE_PAYER = "Example Health Plan"
EXAMPLE_MENTOR = "Rosa Example"
EXAMPLE_MENTEE = "Sam Example"

# file name: [(heading, example value)], in the order an agency imports them.
TEMPLATES = {
    "mentoring_program.xlsx": [
        ("Name", EXAMPLE_PROGRAMME),
        ("Code", "EXPM"),
        ("Type", "Person to person"),
        ("Default duration (months)", 12),
        ("Expected contact", "Monthly"),
        ("Mentees per mentor", 2),
    ],
    "mentoring_mentor.xlsx": [
        ("Name", EXAMPLE_MENTOR),
        ("Employee", ""),
        ("Programmes", EXAMPLE_PROGRAMME),
        ("Mentees at a time", 2),
        ("Languages", "English (US)"),
        ("Interests and strengths", "Employment"),
        ("Gender", "Female"),
        ("Area", "Riverside"),
        ("Code of ethics acknowledged on", date(2025, 8, 15)),
        ("Status (import)", "Certified"),
        ("Status since (import)", date(2025, 9, 1)),
    ],
    "mentoring_mentee.xlsx": [
        ("Name", EXAMPLE_MENTEE),
        ("Programmes", EXAMPLE_PROGRAMME),
        ("Date of birth", date(2001, 4, 12)),
        ("Languages", "English (US)"),
        ("Interests", "Employment"),
        ("Area", "Riverside"),
        ("Coverage periods/Payer", EXAMPLE_PAYER),
        ("Coverage periods/Member ID", "EX-000123"),
        ("Coverage periods/From", date(2025, 1, 1)),
        ("Coverage periods/To", ""),
        ("Coverage periods/Diagnosis codes (ICD-10)", "F84.0"),
    ],
    "mentoring_authorization.xlsx": [
        ("Reference number", "EX-AUTH-1"),
        ("Payer", EXAMPLE_PAYER),
        ("Mentee", EXAMPLE_MENTEE),
        ("Programme", EXAMPLE_PROGRAMME),
        ("Date From", date(2025, 10, 1)),
        ("Date To", date(2026, 9, 30)),
        ("Units authorised", 96),
        ("Units used before Peer Mentoring", 24),
        ("Rate", 15),
        ("Status (import)", "Approved"),
    ],
    "mentoring_match.xlsx": [
        ("Mentor", EXAMPLE_MENTOR),
        ("Mentee", EXAMPLE_MENTEE),
        ("Programme", EXAMPLE_PROGRAMME),
        ("Planned start", date(2025, 10, 1)),
        ("Status (import)", "Active"),
        ("Agreement signed on paper on (import)", date(2025, 10, 1)),
    ],
}
# A day on which every example row holds (the authorisation covers it, the dates are past).
EXAMPLE_DAY = "2026-03-02"
