#!/usr/bin/env python3
"""Checks the taxonomy data files in app/src/domain/shared/data/ (occupations, skills, countries, cities).

Usage: python3 scripts/check-taxonomy.py [DATA_DIR]

Prints every problem it finds, one a line, and exits with status 1 if there was any;
prints a short summary and exits with status 0 otherwise.
"""

import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

SECTORS = [
    "automotive_wiring",
    "call_centre_ict",
    "hairdressing_beauty",
    "sewing_fashion",
    "catering_food",
    "crafts",
    "cleaning",
    "construction",
    "painting",
    "audiovisual",
    "agriculture",
    "commerce",
    "repair_maintenance",
    "transport_logistics",
    "care_services",
]

HEADERS = {
    "occupations.tsv": ["isco", "sector", "fr", "en", "ar"],
    "skills.tsv": ["code", "isco", "fr", "en", "ar"],
    "countries.tsv": ["code", "fr", "en", "ar"],
    "cities.tsv": ["code", "fr", "en", "ar"],
}

LABEL_COLUMNS = ("fr", "en", "ar")
MAX_LABEL_CHARS = 70
MAX_SKILL_CODE_CHARS = 48
OCCUPATIONS_RANGE = (40, 55)
SKILLS_RANGE = (260, 320)
SKILLS_PER_OCCUPATION = (4, 9)
MIN_OCCUPATIONS_PER_SECTOR = 2

ISCO_RE = re.compile(r"^[1-9][0-9]{3}$")
SKILL_CODE_RE = re.compile(r"^[a-z0-9]+\.[a-z0-9]+(-[a-z0-9]+)*$")
COUNTRY_CODE_RE = re.compile(r"^[A-Z]{2}$")
CITY_CODE_RE = re.compile(r"^[a-z]+(-[a-z]+)*$")
ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
STATELESS = ("XX", "Apatride", "Stateless", "عديم الجنسية")

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def is_arabic_letter(ch):
    return unicodedata.category(ch).startswith("L") and "ARABIC" in unicodedata.name(ch, "")


def read_tsv(data_dir, name):
    """Returns a list of (line_number, dict) for the data rows of one file, or None."""
    path = os.path.join(data_dir, name)
    try:
        raw = open(path, "rb").read()
    except OSError as err:
        problem(name, f"cannot read: {err}")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problem(name, "starts with a UTF-8 byte-order mark")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        problem(name, f"not valid UTF-8: {err}")
        return None
    if "\r" in text:
        problem(name, "contains carriage returns (use LF line endings only)")
        text = text.replace("\r", "")
    if not text.endswith("\n"):
        problem(name, "last line does not end with a newline")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        problem(name, "file is empty")
        return None
    header = HEADERS[name]
    if lines[0].split("\t") != header:
        problem(f"{name}:1", f"header is {lines[0]!r}, expected {chr(9).join(header)!r}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        where = f"{name}:{number}"
        if line == "":
            problem(where, "empty line")
            continue
        if line != line.rstrip():
            problem(where, "trailing whitespace")
        fields = line.split("\t")
        if len(fields) != len(header):
            problem(where, f"{len(fields)} columns, expected {len(header)}")
            continue
        row = dict(zip(header, fields))
        for column, value in row.items():
            if value == "":
                problem(where, f"column {column!r} is empty")
            elif value != value.strip():
                problem(where, f"column {column!r} has leading or trailing spaces: {value!r}")
            elif len(value) > MAX_LABEL_CHARS:
                problem(where, f"column {column!r} is {len(value)} characters (max {MAX_LABEL_CHARS})")
            if "  " in value:
                problem(where, f"column {column!r} contains a double space")
            if any(unicodedata.category(ch) == "Cc" for ch in value):
                problem(where, f"column {column!r} contains a control character")
        ar = row.get("ar", "")
        if ar:
            if ASCII_LETTER_RE.search(ar):
                problem(where, f"Arabic label contains ASCII letters: {ar!r}")
            if not any(is_arabic_letter(ch) for ch in ar):
                problem(where, f"Arabic label contains no Arabic letters: {ar!r}")
        for column in ("fr", "en"):
            value = row.get(column, "")
            if any(is_arabic_letter(ch) for ch in value):
                problem(where, f"{column!r} label contains Arabic letters: {value!r}")
        rows.append((number, row))
    return rows


def check_unique(name, rows, columns):
    for column in columns:
        seen = {}
        for number, row in rows:
            value = row[column]
            if value in seen:
                problem(f"{name}:{number}", f"duplicate {column} {value!r} (first on line {seen[value]})")
            else:
                seen[value] = number


def check_occupations(rows):
    name = "occupations.tsv"
    check_unique(name, rows, ["isco", "fr", "en", "ar"])
    for number, row in rows:
        if not ISCO_RE.match(row["isco"]):
            problem(f"{name}:{number}", f"isco {row['isco']!r} is not a 4-digit ISCO-08 unit group code")
        if row["sector"] not in SECTORS:
            problem(f"{name}:{number}", f"unknown sector {row['sector']!r}")
    count = len(rows)
    low, high = OCCUPATIONS_RANGE
    if not low <= count <= high:
        problem(name, f"{count} occupations, expected {low} to {high}")
    per_sector = Counter(row["sector"] for _, row in rows)
    for sector in SECTORS:
        if per_sector[sector] < MIN_OCCUPATIONS_PER_SECTOR:
            problem(name, f"sector {sector!r} has {per_sector[sector]} occupations, needs at least {MIN_OCCUPATIONS_PER_SECTOR}")
    return {row["isco"]: row["sector"] for _, row in rows}


def check_skills(rows, sector_of):
    name = "skills.tsv"
    check_unique(name, rows, ["code", "fr", "en", "ar"])
    prefix_sectors = defaultdict(set)
    for number, row in rows:
        where = f"{name}:{number}"
        code = row["code"]
        if not SKILL_CODE_RE.match(code):
            problem(where, f"code {code!r} does not match <prefix>.<words-with-hyphens> in [a-z0-9.-]")
        if len(code) > MAX_SKILL_CODE_CHARS:
            problem(where, f"code {code!r} is {len(code)} characters (max {MAX_SKILL_CODE_CHARS})")
        if row["isco"] not in sector_of:
            problem(where, f"isco {row['isco']!r} is not in occupations.tsv")
        else:
            prefix_sectors[code.split(".", 1)[0]].add(sector_of[row["isco"]])
    for prefix, sectors in sorted(prefix_sectors.items()):
        if len(sectors) > 1:
            problem(name, f"code prefix {prefix!r} is used in several sectors: {', '.join(sorted(sectors))}")
    per_occupation = Counter(row["isco"] for _, row in rows)
    low, high = SKILLS_PER_OCCUPATION
    for isco in sector_of:
        if not low <= per_occupation[isco] <= high:
            problem(name, f"occupation {isco} has {per_occupation[isco]} skills, expected {low} to {high}")
    low, high = SKILLS_RANGE
    if not low <= len(rows) <= high:
        problem(name, f"{len(rows)} skills, expected {low} to {high}")


def check_countries(rows):
    name = "countries.tsv"
    check_unique(name, rows, ["code", "fr", "en", "ar"])
    for number, row in rows:
        if not COUNTRY_CODE_RE.match(row["code"]):
            problem(f"{name}:{number}", f"code {row['code']!r} is not two uppercase letters")
    if not rows:
        return
    last_number, last = rows[-1]
    if (last["code"], last["fr"], last["en"], last["ar"]) != STATELESS:
        problem(f"{name}:{last_number}", f"last row must be the stateless row {chr(9).join(STATELESS)!r}")
    codes = [row["code"] for _, row in rows if row["code"] != "XX"]
    if codes != sorted(codes):
        problem(name, "rows are not sorted by code (XX last)")
    if sum(1 for _, row in rows if row["code"] == "XX") != 1:
        problem(name, "XX must appear exactly once, as the last row")


def check_cities(rows):
    name = "cities.tsv"
    check_unique(name, rows, ["code", "fr", "en", "ar"])
    for number, row in rows:
        if not CITY_CODE_RE.match(row["code"]):
            problem(f"{name}:{number}", f"code {row['code']!r} is not a lowercase ASCII slug")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_dir = os.path.join(here, "..", "app", "src", "domain", "shared", "data")
    data_dir = sys.argv[1] if len(sys.argv) > 1 else default_dir

    occupations = read_tsv(data_dir, "occupations.tsv")
    skills = read_tsv(data_dir, "skills.tsv")
    countries = read_tsv(data_dir, "countries.tsv")
    cities = read_tsv(data_dir, "cities.tsv")

    sector_of = check_occupations(occupations) if occupations is not None else {}
    if skills is not None:
        check_skills(skills, sector_of)
    if countries is not None:
        check_countries(countries)
    if cities is not None:
        check_cities(cities)

    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        print(f"check-taxonomy: {len(problems)} problem(s)", file=sys.stderr)
        return 1

    skills_per_sector = Counter(sector_of[row["isco"]] for _, row in skills)
    occupations_per_sector = Counter(sector_of.values())
    print(
        f"check-taxonomy: ok: {len(occupations)} occupations, {len(skills)} skills, "
        f"{len(countries)} countries, {len(cities)} cities"
    )
    for sector in SECTORS:
        print(f"  {sector:<20} {occupations_per_sector[sector]:>2} occupations {skills_per_sector[sector]:>3} skills")
    return 0


if __name__ == "__main__":
    sys.exit(main())
