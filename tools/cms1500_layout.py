"""Where things go on the NUCC 1500 (02/12) claim form.

The form is printed for a 10-characters-per-inch, 6-lines-per-inch grid on US letter: line 1 is
the top sixth of an inch of the page, column 1 starts 0.3 in from the left edge (the NUCC
printing specification's x offset). Every position here is a (line, column) of that grid; the
report turns it into inches. Data sit in the lower line of each two-line box, under its title,
as the pre-printed red form expects.

`RULES`, `LABELS` and `CHECKBOXES` draw the form itself for plain paper (the "full form"
variant); the data-only variant prints none of them."""

LEFT_IN = 0.3  # left edge of column 1
TOP_IN = 0.0  # top edge of line 1
COL_IN = 0.1  # 10 characters per inch
LINE_IN = 1 / 6  # 6 lines per inch

# Box 1: the column of each insurance type's check box (data line 8).
BOX1_COLUMNS = {
    "medicare": 1,
    "medicaid": 8,
    "tricare": 15,
    "champva": 24,
    "group": 31,
    "feca": 39,
    "other": 45,
}
# Box 24: the shaded (supplemental) line and the service line of each of the six lines.
SERVICE_LINES = [(41 + 2 * n, 42 + 2 * n) for n in range(1, 7)]


def x_in(col):
    return LEFT_IN + (col - 1) * COL_IN


def y_in(line):
    return TOP_IN + (line - 1) * LINE_IN


# The form drawn: rules as (from line boundary, to line boundary, column boundary) for vertical
# and (line boundary, from column, to column) for horizontal ones. A line boundary L is the
# bottom of line L; a column boundary c is the left edge of column c (fractions allowed).
FRAME_LEFT, FRAME_RIGHT, MIDDLE, RIGHT_HALF = 0.5, 80.5, 29.5, 49
H_RULES = [
    (6, FRAME_LEFT, FRAME_RIGHT),
    (8, FRAME_LEFT, FRAME_RIGHT),
    (10, FRAME_LEFT, FRAME_RIGHT),
    (12, FRAME_LEFT, FRAME_RIGHT),
    (14, FRAME_LEFT, MIDDLE),
    (14, RIGHT_HALF, FRAME_RIGHT),
    (16, FRAME_LEFT, FRAME_RIGHT),
    *[(line, FRAME_LEFT, FRAME_RIGHT) for line in (18, 20, 22, 24, 26)],
    (30, FRAME_LEFT, FRAME_RIGHT),
    (32, FRAME_LEFT, FRAME_RIGHT),
    (33, MIDDLE, RIGHT_HALF),
    (34, FRAME_LEFT, FRAME_RIGHT),
    (36, FRAME_LEFT, FRAME_RIGHT),
    (38, RIGHT_HALF, FRAME_RIGHT),
    (40, FRAME_LEFT, FRAME_RIGHT),
    (42, FRAME_LEFT, FRAME_RIGHT),
    *[(line, FRAME_LEFT, FRAME_RIGHT) for line in (44, 46, 48, 50, 52, 54)],
    (56, FRAME_LEFT, FRAME_RIGHT),
    (60, 21.5, 34.5),
    (60, RIGHT_HALF, 61.5),
    (61, FRAME_LEFT, FRAME_RIGHT),
]
V_RULES = [
    (6, 61, FRAME_LEFT),
    (6, 61, FRAME_RIGHT),
    (6, 61, RIGHT_HALF),
    (8, 26, MIDDLE),
    (12, 14, 25),
    (14, 16, 13),
    (12, 14, 73),
    (14, 16, 63),
    (30, 34, MIDDLE),
    # box 24: header and service lines (the shaded line is open from A to H)
    *[(40, 42, col) for col in (18.5, 21.5, 24.5, 44.5, 58, 62, 65, 67.5)],
    *[(shaded, shaded + 1, col) for shaded, _line in SERVICE_LINES for col in (65, 67.5)],
    *[
        (line - 1, line, col)
        for _shaded, line in SERVICE_LINES
        for col in (9.5, 18.5, 21.5, 24.5, 31.5, 35.5, 38.5, 41.5, 44.5, 55.5, 58, 62, 65, 67.5)
    ],
    (54, 61, 21.5),
    (54, 56, 36.5),
    (54, 56, 60.5),
    (54, 56, 70.5),
    (60, 61, 34.5),
    (60, 61, 61.5),
]
THICK_H_RULES = {30}

# Titles: (line, column, text). Small capitals in the top part of the line.
LABELS = [
    (5, 1, "APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12"),
    (6, 1, "PICA"),
    (6, 76, "PICA"),
    (7, 1, "1. MEDICARE"),
    (7, 8, "MEDICAID"),
    (7, 15, "TRICARE"),
    (7, 24, "CHAMPVA"),
    (7, 31, "GROUP\nHEALTH PLAN"),
    (7, 39, "FECA\nBLK LUNG"),
    (7, 45, "OTHER"),
    (7, 50, "1a. INSURED'S I.D. NUMBER (For Program in Item 1)"),
    (9, 1, "2. PATIENT'S NAME (Last Name, First Name, Middle Initial)"),
    (9, 30, "3. PATIENT'S BIRTH DATE"),
    (9, 31, "\nMM    DD    YY"),
    (9, 44, "SEX"),
    (9, 50, "4. INSURED'S NAME (Last Name, First Name, Middle Initial)"),
    (11, 1, "5. PATIENT'S ADDRESS (No., Street)"),
    (11, 30, "6. PATIENT RELATIONSHIP TO INSURED"),
    (11, 50, "7. INSURED'S ADDRESS (No., Street)"),
    (13, 1, "CITY"),
    (13, 25, "STATE"),
    (13, 30, "8. RESERVED FOR NUCC USE"),
    (13, 50, "CITY"),
    (13, 73, "STATE"),
    (15, 1, "ZIP CODE"),
    (15, 13, "TELEPHONE (Include Area Code)"),
    (16, 14.2, "("),
    (16, 18.2, ")"),
    (15, 50, "ZIP CODE"),
    (15, 63, "TELEPHONE (Include Area Code)"),
    (16, 64.2, "("),
    (16, 68.2, ")"),
    (17, 1, "9. OTHER INSURED'S NAME (Last Name, First Name, Middle Initial)"),
    (17, 30, "10. IS PATIENT'S CONDITION RELATED TO:"),
    (17, 50, "11. INSURED'S POLICY GROUP OR FECA NUMBER"),
    (19, 1, "a. OTHER INSURED'S POLICY OR GROUP NUMBER"),
    (19, 30, "a. EMPLOYMENT? (Current or Previous)"),
    (19, 50, "a. INSURED'S DATE OF BIRTH"),
    (19, 53, "\nMM    DD    YY"),
    (19, 70, "SEX"),
    (21, 1, "b. RESERVED FOR NUCC USE"),
    (21, 30, "b. AUTO ACCIDENT?      PLACE (State)"),
    (21, 50, "b. OTHER CLAIM ID (Designated by NUCC)"),
    (23, 1, "c. RESERVED FOR NUCC USE"),
    (23, 30, "c. OTHER ACCIDENT?"),
    (23, 50, "c. INSURANCE PLAN NAME OR PROGRAM NAME"),
    (25, 1, "d. INSURANCE PLAN NAME OR PROGRAM NAME"),
    (25, 30, "10d. CLAIM CODES (Designated by NUCC)"),
    (25, 50, "d. IS THERE ANOTHER HEALTH BENEFIT PLAN?"),
    (27, 1, "READ BACK OF FORM BEFORE COMPLETING & SIGNING THIS FORM."),
    (28, 1, "12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE I authorize the release of any medical or"),
    (28, 50, "13. INSURED'S OR AUTHORIZED PERSON'S SIGNATURE I authorize"),
    (29, 1, "SIGNED"),
    (29, 31, "DATE"),
    (29, 50, "SIGNED"),
    (31, 1, "14. DATE OF CURRENT ILLNESS, INJURY, or PREGNANCY (LMP)"),
    (31, 30, "15. OTHER DATE"),
    (31, 50, "16. DATES PATIENT UNABLE TO WORK IN CURRENT OCCUPATION"),
    (32, 12, "QUAL."),
    (32, 30, "QUAL."),
    (32, 50, "FROM"),
    (32, 65, "TO"),
    (33, 1, "17. NAME OF REFERRING PROVIDER OR OTHER SOURCE"),
    (33, 30, "17a."),
    (34, 30, "17b. NPI"),
    (33, 50, "18. HOSPITALIZATION DATES RELATED TO CURRENT SERVICES"),
    (34, 50, "FROM"),
    (34, 65, "TO"),
    (35, 1, "19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)"),
    (35, 50, "20. OUTSIDE LAB?                  $ CHARGES"),
    (37, 1, "21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY Relate A-L to service line below (24E)"),
    (37, 37, "ICD Ind."),
    (38, 1, "A."),
    (38, 14, "B."),
    (38, 27, "C."),
    (38, 40, "D."),
    (39, 1, "E."),
    (39, 14, "F."),
    (39, 27, "G."),
    (39, 40, "H."),
    (40, 1, "I."),
    (40, 14, "J."),
    (40, 27, "K."),
    (40, 40, "L."),
    (37, 50, "22. RESUBMISSION CODE          ORIGINAL REF. NO."),
    (39, 50, "23. PRIOR AUTHORIZATION NUMBER"),
    (41, 1, "24. A.  DATE(S) OF SERVICE"),
    (42, 1, "From MM DD YY  To MM DD YY"),
    (41, 19, "B."),
    (42, 19, "POS"),
    (41, 22, "C."),
    (42, 22, "EMG"),
    (41, 25, "D. PROCEDURES, SERVICES, OR SUPPLIES"),
    (42, 25, "CPT/HCPCS      MODIFIER"),
    (41, 45, "E. DIAG."),
    (42, 45, "POINTER"),
    (41, 50, "F."),
    (42, 50, "$ CHARGES"),
    (41, 58, "G. DAYS"),
    (42, 58, "UNITS"),
    (41, 62, "H."),
    (42, 62, "EPSDT"),
    (41, 65, "I. ID."),
    (42, 65, "QUAL."),
    (41, 68, "J. RENDERING"),
    (42, 68, "PROVIDER ID. #"),
    *[(line, 65, "NPI") for _shaded, line in SERVICE_LINES],
    (55, 1, "25. FEDERAL TAX I.D. NUMBER"),
    (55, 16.6, "SSN"),
    (55, 18.6, "EIN"),
    (55, 22, "26. PATIENT'S ACCOUNT NO."),
    (55, 37, "27. ACCEPT ASSIGNMENT?"),
    (55, 50, "28. TOTAL CHARGE"),
    (56, 50, "$"),
    (55, 61, "29. AMOUNT PAID"),
    (56, 61, "$"),
    (55, 71, "30. Rsvd for NUCC Use"),
    (57, 1, "31. SIGNATURE OF PHYSICIAN OR SUPPLIER"),
    (58, 1, "INCLUDING DEGREES OR CREDENTIALS"),
    (57, 22, "32. SERVICE FACILITY LOCATION INFORMATION"),
    (57, 50, "33. BILLING PROVIDER INFO & PH #"),
    (57, 65.3, "("),
    (57, 69.2, ")"),
    (61, 1, "SIGNED"),
    (61, 10, "DATE"),
    (61, 21.6, "a."),
    (61, 34.6, "b."),
    (61, 49.1, "a."),
    (61, 61.6, "b."),
    (62, 1, "NUCC Instruction Manual available at: www.nucc.org       PLEASE PRINT OR TYPE"),
    (62, 56, "APPROVED OMB-0938-1197 FORM 1500 (02-12)"),
]
# Check boxes: (line, column) of the box the X is printed in, the word beside it and whether
# the word stands before the box (as on the form) rather than after it.
BOX1_WORDS = ["(Medicare#)", "(Medicaid#)", "(ID#/DoD#)", "(Member ID#)", "(ID#)", "(ID#)", "(ID#)"]
CHECKBOXES = [
    *[(8, col, word, False) for col, word in zip(BOX1_COLUMNS.values(), BOX1_WORDS, strict=True)],
    (10, 42, "M", True),
    (10, 47, "F", True),
    (12, 33, "Self", True),
    (12, 38, "Spouse", True),
    (12, 42, "Child", True),
    (12, 47, "Other", True),
    *[(line, col, word, False) for line in (20, 22, 24) for col, word in ((35, "YES"), (41, "NO"))],
    (20, 68, "M", True),
    (20, 75, "F", True),
    (26, 52, "YES", False),
    (26, 57, "NO", False),
    (36, 52, "YES", False),
    (36, 57, "NO", False),
    (56, 17, "", False),
    (56, 19, "", False),
    (56, 38, "YES", False),
    (56, 43, "NO", False),
]
