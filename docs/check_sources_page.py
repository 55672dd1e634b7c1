#!/usr/bin/python3
"""Checks the generated Sources page of the HTML docs against the registry.

Usage: check_sources_page.py SOURCES.textproto SOURCES.html CATALOGUE.textproto...
       [PROCEDURES.textproto...] [TOLERANCE.textproto...] [FOLLOWUP.textproto...]

The page (docs/generated/sources.md, rendered by Doxygen into sources.html)
must list every document of the registry (data/sources.textproto) in a row of
its own, with its verification tag, and name in that row every rule of the
shipped catalogues that cites the document (in its citations or a parameter's
citation), every shipped procedure definition that cites it
(data/procedures) and every shipped model of error tolerance that cites it
(data/tolerance: in its own citations, its groups', criteria' or
shortenings'), and every follow-up template or method check that cites it
(data/followup: named by a template's id or a check's key). A document cited by none says "(not cited)" or names the code
that cites it.

Standard library only. Exit status 0 when the page holds all of it, 1 otherwise.
"""

import html.parser
import re
import sys

TAGS = {
    "VERIFICATION_SAW": "SAW",
    "VERIFICATION_SAW_PARTIAL": "SAW-partial",
    "VERIFICATION_SAW_SECONDARY": "SAW-secondary",
    "VERIFICATION_SAW_LOCAL": "SAW-local",
    "VERIFICATION_RECALLED": "RECALLED",
}
KEY = re.compile(r'\bkey:\s*"([^"]+)"')
ID = re.compile(r'^\s*id:\s*"([^"]+)"', re.M)
CITED = re.compile(r'\bcitations\s*\{\s*key:\s*"([^"]+)"')
RULE_SET = re.compile(r'\brule_set:\s*"([^"]+)"')
VERIFICATION = re.compile(r"^\s*verification:\s*(VERIFICATION_[A-Z_]+)", re.M)


def registry(path):
    """The documents of the registry: key -> tag."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = {}
    for block in text.split("\ndocuments {")[1:]:
        key = KEY.search(block)
        tag = VERIFICATION.search(block)
        if key is None or tag is None:
            raise SystemExit("error: %s: a document without key or verification" % path)
        out[key.group(1)] = TAGS[tag.group(1)]
    return out


def blocks(text):
    """(kind, text) of every top-level `rules {`, `procedures {`, `models {`, `templates {` or
    `checks {` block."""
    parts = re.split(r"\n\s*(rules|procedures|models|templates|checks) \{", "\n" + text)
    return list(zip(parts[1::2], parts[2::2]))


def citing_rules(paths):
    """Which rules cite each key: key -> set of rule ids."""
    out = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for kind, block in blocks(text):
            # A method check of data/followup is named by its key (written first).
            rule = KEY.search(block) if kind == "checks" else ID.search(block)
            if rule is None:
                raise SystemExit("error: %s: a rule without id" % path)
            # A procedure's stages, facts and outcomes (a model's facts, groups and
            # criteria) have keys too: only a citation's key (written first in its
            # block) and a procedure's rule set count.
            keys = (KEY.findall(block) if kind == "rules"
                    else CITED.findall(block) + RULE_SET.findall(block))
            for key in keys:
                out.setdefault(key, set()).add(rule.group(1))
    return out


class Rows(html.parser.HTMLParser):
    """The text of every table cell, row by row."""

    def __init__(self):
        super().__init__()
        self.rows = []
        self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    documents = registry(argv[0])
    cited = citing_rules(argv[2:])
    parser = Rows()
    with open(argv[1], encoding="utf-8") as f:
        parser.feed(f.read())
    rows = {}
    for row in parser.rows:
        if len(row) == 9 and row[0] in documents:
            rows[row[0]] = row
    problems = []
    if not documents:
        problems.append("no document in the registry")
    for key, tag in documents.items():
        row = rows.get(key)
        if row is None:
            problems.append("`%s`: no row on the Sources page" % key)
            continue
        if row[7] != tag:
            problems.append("`%s`: tag %r on the page, %r in the registry" % (key, row[7], tag))
        named = set(re.findall(r"[A-Za-z0-9._-]+", row[8]))
        for rule in sorted(cited.get(key, ())):
            if rule not in named:
                problems.append("`%s`: the rule `%s` cites it, the page does not say so"
                                % (key, rule))
        if not cited.get(key) and row[8] != "(not cited)" and "code:" not in row[8]:
            problems.append("`%s`: cited by no rule, the page says %r" % (key, row[8]))
    for key in sorted(set(cited) - set(documents)):
        problems.append("`%s`: cited by %s but not in the registry"
                        % (key, ", ".join(sorted(cited[key]))))
    for p in problems:
        print("error: " + p)
    print("checked %d documents and %d citing rules on the Sources page"
          % (len(documents), len(set().union(*cited.values())) if cited else 0))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
