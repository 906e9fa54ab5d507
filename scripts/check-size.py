#!/usr/bin/env python3
"""Lists Rust files over 400 lines and functions over 80 lines, outside tests and data.

Usage: python3 scripts/check-size.py [--strict]

Test code is left out: files named *_tests.rs, everything under tests/, and inline
`#[cfg(test)] mod tests { … }` blocks (their lines do not count towards the file). Data literals
are left out too: a function whose body is mostly a table (`const`/`static` arrays, long `&[…]`
or `json!` literals) is not a function in the sense of this check, so files under data/ and the
seed data sets are reported but not counted. With --strict (what `make lint` runs) the exit
status is 1 when anything is over; without it the script only reports.
"""

import os
import re
import sys

FILE_MAX = 400
FN_MAX = 80
ROOTS = ["app/src", "server/src"]
# Data sets written as code: reported, never counted.
DATA = {"server/src/seed_scale.rs", "server/src/seed_catalogue.rs"}

FN_START = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:const\s+)?fn\s+(\w+)")


def without_tests(lines):
    """The lines of a file, inline test modules removed."""
    out, skip_depth, depth, pending = [], None, 0, False
    for line in lines:
        stripped = line.strip()
        if skip_depth is None and stripped.startswith("#[cfg(test)]"):
            pending = True
            continue
        if pending and skip_depth is None and re.match(r"(pub\s+)?mod\s+\w+\s*\{", stripped):
            skip_depth = depth
        opens, closes = line.count("{"), line.count("}")
        if skip_depth is not None:
            depth += opens - closes
            if depth <= skip_depth:
                skip_depth = None
            pending = False
            continue
        pending = False if stripped and not stripped.startswith("#") else pending
        depth += opens - closes
        out.append(line)
    return out


def long_functions(lines):
    found = []
    i = 0
    while i < len(lines):
        m = FN_START.match(lines[i])
        if not m:
            i += 1
            continue
        depth, started, j = 0, False, i
        while j < len(lines):
            depth += lines[j].count("{") - lines[j].count("}")
            if "{" in lines[j]:
                started = True
            if started and depth <= 0:
                break
            if not started and lines[j].rstrip().endswith(";"):
                break
            j += 1
        length = j - i + 1
        if started and length > FN_MAX:
            found.append((m.group(1), i + 1, length))
        i = j + 1 if started else i + 1
    return found


def main():
    strict = "--strict" in sys.argv
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    over = 0
    for base in ROOTS:
        for dirpath, _, files in os.walk(os.path.join(root, base)):
            for name in sorted(files):
                if not name.endswith(".rs") or name.endswith("_tests.rs"):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                lines = without_tests(open(path, encoding="utf-8").read().split("\n"))
                data = rel in DATA
                if len(lines) > FILE_MAX:
                    print(f"{rel}: {len(lines)} lines (max {FILE_MAX}){' [data]' if data else ''}")
                    over += 0 if data else 1
                for fn, line, length in long_functions(lines):
                    print(f"{rel}:{line}: fn {fn} is {length} lines (max {FN_MAX}){' [data]' if data else ''}")
                    over += 0 if data else 1
    print(f"{over} over the limits")
    return 1 if strict and over else 0


if __name__ == "__main__":
    sys.exit(main())
