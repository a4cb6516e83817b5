"""Codes of professional claims, checked the way payers check them, and the reason codes of
remittances (CARC/RARC) in plain words for finance's work list."""

import re

ICD10_CODE = re.compile(r"^[A-TV-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$")
TAXONOMY_CODE = re.compile(r"^[0-9]{3}[0-9A-Z]{6}X$")
MODIFIER = re.compile(r"^[0-9A-Z]{2}$")
POS_CODE = re.compile(r"^[0-9]{2}$")

# Where a meeting took place, as the payer's place of service (CMS place-of-service codes).
PLACE_OF_SERVICE_NAMES = {
    "02": "Telehealth provided other than in the patient's home",
    "03": "School",
    "10": "Telehealth provided in the patient's home",
    "11": "Office",
    "12": "Home",
    "15": "Mobile unit",
    "53": "Community mental health center",
    "99": "Other place of service",
}


def npi_problem(npi):
    """Why `npi` is not a National Provider Identifier (10 digits whose last is the Luhn check
    digit of 80840 and the first nine), or False."""
    if not npi:
        return False
    if not re.fullmatch(r"[12][0-9]{9}", npi):
        return "an NPI has 10 digits and starts with 1 or 2"
    digits = [int(d) for d in "80840" + npi[:9]]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    if (10 - total % 10) % 10 != int(npi[9]):
        return "its last digit is not the check digit of the other nine (a typing error?)"
    return False


def provider_id_problem(npi, taxonomy):
    """Why an NPI or a taxonomy code typed for a provider is wrong, or False."""
    problem = npi_problem(npi)
    if problem:
        return f"the NPI {npi} is not valid: {problem}"
    if taxonomy and not TAXONOMY_CODE.match(taxonomy):
        return f"{taxonomy} is not a taxonomy code (ten characters ending in X, e.g. 175T00000X)"
    return False


def split_codes(text):
    """Codes typed as a list ("F84.0, F70" or "HQ 95"), in order, each once, upper case."""
    codes = []
    for code in re.split(r"[\s,;:/-]+", (text or "").upper()):
        if code and code not in codes:
            codes.append(code)
    return codes


def icd10_for_claim(code):
    """ICD-10-CM on a claim goes without its dot."""
    return code.replace(".", "")


# Claim adjustment group codes (CAS01).
ADJUSTMENT_GROUPS = {
    "CO": "contractual obligation (the agency writes it off, the person does not pay it)",
    "PR": "the person's own responsibility",
    "OA": "other adjustment",
    "PI": "payer-initiated reduction",
    "CR": "correction or reversal",
}

# The Claim Adjustment Reason Codes finance meets most in peer-support billing, in plain words
# with what to do. The full list is X12's (x12.org/codes/claim-adjustment-reason-codes).
CARC = {
    "1": "The person's deductible covers it.",
    "2": "The person's coinsurance.",
    "3": "The person's co-payment.",
    "4": "The procedure code does not fit the modifier, or a modifier is missing. Check the "
    "modifiers (group HQ, telehealth 95/GT/93) and send a corrected claim.",
    "5": "The procedure code does not fit the place of service. Check the place of service and "
    "send a corrected claim.",
    "11": "The diagnosis does not fit the procedure. Ask the coordinator to check the person's "
    "diagnosis codes, then send a corrected claim.",
    "15": "The authorisation number is missing or wrong. Check the authorisation and send a corrected claim.",
    "16": "The claim lacks information the payer needs (see the remark code). Complete it and "
    "send a corrected claim.",
    "18": "Exact duplicate of a claim already sent. Nothing to resend: check the first claim's payment.",
    "22": "Another payer may pay first (coordination of benefits). Find the person's other coverage.",
    "23": "Another payer already paid part of it.",
    "24": "The person's managed-care plan pays it under capitation.",
    "26": "The service was before the person's coverage began. Check the coverage dates and the member ID.",
    "27": "The service was after the person's coverage ended. Check the coverage dates and the member ID.",
    "29": "The time limit for filing has passed (timely filing). Appeal only with proof the "
    "claim was sent in time.",
    "31": "The payer does not know the person as its member. Check the member ID and the payer.",
    "45": "The charge is above the payer's fee schedule: the difference is written off.",
    "50": "The payer does not consider the service medically necessary.",
    "96": "The payer does not cover this service (see the remark code).",
    "97": "Paid as part of another service already paid.",
    "109": "This payer does not cover the claim: send it to the right payer.",
    "119": "The person has reached the most this benefit pays in the period.",
    "151": "The payer finds the number of units more than it supports.",
    "167": "The payer does not cover this diagnosis.",
    "170": "The payer does not pay this service from this kind of provider.",
    "181": "The procedure code was not valid on the date of service.",
    "183": "The payer does not accept this rendering provider's taxonomy. Check the mentor's taxonomy.",
    "185": "The payer does not accept this rendering provider for the service.",
    "197": "There was no authorisation (precertification) for the service. Check the "
    "authorisation number and dates.",
    "198": "The service goes beyond the authorised units.",
    "204": "The person's current benefit plan does not cover this service.",
    "206": "The National Provider Identifier (NPI) is missing.",
    "207": "The National Provider Identifier (NPI) is not valid.",
    "208": "The National Provider Identifier (NPI) does not match the payer's records.",
    "242": "The payer does not count the agency as a network provider for this service.",
    "252": "The payer needs an attachment or other document (see the remark code).",
    "B7": "The provider was not certified or eligible on the date of service.",
}

# Remittance Advice Remark Codes (RARC) that come with them.
RARC = {
    "M15": "Separately billed services were bundled as one.",
    "M20": "The HCPCS code is missing or wrong.",
    "M51": "The procedure code is missing or wrong.",
    "M62": "The treatment authorisation number is missing or wrong.",
    "M76": "The diagnosis is missing or wrong.",
    "M77": "The place of service is missing or wrong.",
    "M79": "A charge is missing.",
    "M119": "The NDC is missing or wrong.",
    "MA04": "Secondary payment cannot be considered without the primary payer's remittance.",
    "MA130": "The claim has incomplete or wrong information and cannot be appealed: send a "
    "new, corrected claim.",
    "N4": "The prior insurance remittance is missing or wrong.",
    "N30": "The person is not eligible for this service.",
    "N54": "The claim information does not match the authorisation.",
    "N56": "The procedure code does not fit the rendering provider.",
    "N95": "This provider type is not paid this service by this payer.",
    "N130": "Consult the plan's benefit documents for what is covered.",
    "N265": "The ordering provider's NPI is missing or wrong.",
    "N290": "The rendering provider's NPI is missing or wrong.",
    "N362": "The number of days or units is more than allowed.",
    "N382": "The patient's identifier is missing or wrong.",
    "N517": "Send a corrected claim with what was missing.",
}


def reason_in_words(group, carc, rarcs=()):
    """One line for finance: "CO-197: There was no authorisation … (contractual obligation …)"."""
    words = CARC.get(carc, f"Reason {carc} of the X12 adjustment reason codes.")
    text = f"{group}-{carc}: {words}"
    if group in ADJUSTMENT_GROUPS:
        text += f" ({ADJUSTMENT_GROUPS[group]})"
    for rarc in rarcs:
        text += f" {rarc}: {RARC.get(rarc, 'see the X12 remark codes.')}"
    return text


# Provider-level adjustment reason codes (PLB03-1 of the 835): money the payer keeps back from
# (positive amount) or adds to (negative amount) the payment, apart from any one claim.
PLB_REASONS = {
    "50": "Late charge.",
    "51": "Interest penalty charge.",
    "72": "Authorised return (money the agency sent back).",
    "90": "Early payment allowance.",
    "AH": "Origination fee.",
    "B2": "Rebate.",
    "BD": "Bad debt adjustment.",
    "C5": "Temporary allowance.",
    "CS": "Adjustment (see the reference the payer gives).",
    "E3": "Withholding.",
    "FB": "Forwarding balance: carried to or from another remittance.",
    "GO": "Garnishment.",
    "IR": "Internal Revenue Service withholding.",
    "IS": "Interim settlement.",
    "J1": "Not reimbursable.",
    "L3": "Penalty.",
    "L6": "Interest the payer owes for paying late.",
    "LE": "Levy.",
    "LS": "Lump sum.",
    "OB": "Offset for affiliated providers.",
    "PI": "Periodic interim payment.",
    "RA": "Retroactive adjustment.",
    "TL": "Third-party liability.",
    "WO": "Overpayment recovery: the payer takes back money it paid too much on an earlier claim.",
    "WU": "Unspent funds.",
}


def provider_adjustment_in_words(code, reference=""):
    words = PLB_REASONS.get(code, f"Reason {code} of the X12 provider adjustment codes.")
    return f"{code}: {words}" + (f" Reference {reference}." if reference else "")
