#!/usr/bin/python3
"""Checks that the prose of the docs names only rules that exist.

Usage: check_rule_ids.py CATALOGUE.textproto... -- DOC.md...

Every rule id quoted in the docs (`cn-2022.age.retirement`, `jx....`) must be
the id of a rule of a shipped catalogue, so that a statement about a rule
cannot outlive the rule. What the catalogues hold is not written by hand in
the docs: the catalogue reference is generated from them (cadre_catgen).

Standard library only. Exit status 0 when every id exists, 1 otherwise.
"""

import re
import sys

RULE_ID = re.compile(r'^\s*id:\s*"([^"]+)"', re.M)
QUOTED = re.compile(r"`((?:cn-\d{4}|jx)\.[A-Za-z0-9._-]+)`")


def main(argv):
    if "--" not in argv:
        print(__doc__)
        return 2
    split = argv.index("--")
    catalogues, docs = argv[:split], argv[split + 1:]
    known = set()
    for path in catalogues:
        with open(path, encoding="utf-8") as f:
            known.update(RULE_ID.findall(f.read()))
    if not known:
        print("error: no rule id found in the catalogues")
        return 1
    problems = []
    quoted = 0
    for path in docs:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                for rule in QUOTED.findall(line):
                    if re.search(r"\.[A-Z]$", rule):
                        continue  # a pattern such as `cn-2022.unsuitable.N`
                    quoted += 1
                    if rule not in known:
                        problems.append("%s:%d: `%s` is no rule of a shipped catalogue"
                                        % (path, number, rule))
    for p in problems:
        print("error: " + p)
    print("checked %d quoted rule ids against %d rules" % (quoted, len(known)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
