#!/usr/bin/python3
"""Checks the documentation of every CADRE_API function of cadre/cadre.h.

Usage: check_api_docs.py path/to/cadre.h [path/to/operations.h] [--xml path/to/doxygen/xml]

For every function declared with CADRE_API, the doc comment right above it
must have:
  - a description;
  - one @param per parameter, and none for a parameter that does not exist;
  - for every pointer parameter, the ownership in its @param text: one of
    "owned", "owns" ("the caller owns it") or "borrowed";
  - for a non-void function, @return or @retval; for a pointer result, the
    ownership in the @return text;
  - for a function that returns a status (it returns int and takes a
    `cadre_error **` parameter), a @retval for CADRE_OK and for at least one
    failure, each naming a value of enum cadre_status.
Functions that return a plain int value (a version number, a code read from
an error) document it with @return.

With --xml (Doxygen's XML output), each function must also be in the
generated documentation with its parameters and its return value or
statuses, so a broken PREDEFINED or a comment Doxygen does not attach to the
declaration is caught too.

Standard library only. Exit status 0 when every check passes, 1 otherwise.
"""

import argparse
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

BLOCK_TAGS = ("param", "retval", "return", "returns", "result", "brief",
              "details", "note", "warning", "pre", "post", "see", "sa",
              "since", "deprecated", "par", "throws", "attention", "remark")
TAG_RE = re.compile(r"[@\\](%s)\b(\[[a-z, ]*\])?" % "|".join(BLOCK_TAGS))
OWNERSHIP_RE = re.compile(r"\b(owned|owns|borrowed)\b", re.IGNORECASE)
COMMENT_RE = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
DECL_RE = re.compile(r"\bCADRE_API\s+([^;{}()]*?)\b(\w+)\s*\(([^()]*)\)\s*;")


def blank_comments(text):
    """The text with every comment replaced by spaces (offsets are kept)."""
    return COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def status_names(code):
    """The enumerators of `typedef enum cadre_status { ... }`."""
    m = re.search(r"enum\s+cadre_status\s*\{(.*?)\}", code, re.DOTALL)
    return set(re.findall(r"\b(CADRE_[A-Z_]+)\s*=", m.group(1))) if m else set()


def parse_params(text):
    """[(name, is_pointer)] of a C parameter list."""
    text = " ".join(text.split())
    if text in ("", "void"):
        return []
    params = []
    for param in text.split(","):
        m = re.search(r"(\w+)\s*(\[[^\]]*\])?\s*$", param)
        params.append((m.group(1) if m else param.strip(), "*" in param or "[" in param))
    return params


def parse_doc(comment):
    """(description, [(tag, name_or_None, text)]) of a /** */ comment."""
    body = comment[3:-2]
    body = "\n".join(re.sub(r"^\s*\*?\s?", "", line) for line in body.splitlines())
    parts = TAG_RE.split(body)
    # parts: [lead, tag, direction, text, tag, direction, text, ...]
    description = parts[0].strip()
    tags = []
    for i in range(1, len(parts), 3):
        tag, text = parts[i], " ".join(parts[i + 2].split())
        if tag == "brief":
            description = (description + " " + text).strip()
            continue
        name = None
        if tag in ("param", "retval"):
            first, _, text = text.partition(" ")
            name = first.lstrip("#")
        tags.append((tag, name, text))
    return description, tags


def check_header(path, statuses):
    """[(function, is_status, params, returns_value)], [errors].

    ``statuses`` are the enumerators of cadre_status (from cadre.h).
    """
    with open(path, encoding="utf-8") as f:
        text = f.read()
    code = blank_comments(text)
    errors = []
    functions = []
    for m in DECL_RE.finditer(code):
        ret, name, params = " ".join(m.group(1).split()), m.group(2), parse_params(m.group(3))
        line = text.count("\n", 0, m.start()) + 1
        where = "%s:%d: %s()" % (path, line, name)
        before = text[:m.start()].rstrip()
        start = before.rfind("/**")
        if not before.endswith("*/") or start < 0 or "*/" in before[start:-2]:
            errors.append("%s: no /** */ doc comment right above the declaration" % where)
            continue
        description, tags = parse_doc(before[start:])
        if not description:
            errors.append("%s: no description" % where)

        documented = [n for t, n, _ in tags if t == "param"]
        for pname, is_pointer in params:
            texts = [txt for t, n, txt in tags if t == "param" and n == pname]
            if not texts:
                errors.append("%s: parameter '%s' has no @param" % (where, pname))
            elif len(texts) > 1:
                errors.append("%s: parameter '%s' has %d @param" % (where, pname, len(texts)))
            elif is_pointer and not OWNERSHIP_RE.search(texts[0]):
                errors.append("%s: pointer parameter '%s': @param does not say "
                              "'owned', 'caller owns' or 'borrowed'" % (where, pname))
        for pname in documented:
            if pname not in [p for p, _ in params]:
                errors.append("%s: @param '%s' names no parameter" % (where, pname))

        returns = [txt for t, _, txt in tags if t in ("return", "returns", "result")]
        retvals = [(n, txt) for t, n, txt in tags if t == "retval"]
        is_void = ret == "void"
        is_status = ret == "int" and re.search(r"\bcadre_error\s*\*\s*\*", m.group(3)) is not None
        if not is_void and not returns and not retvals:
            errors.append("%s: returns %s but has no @return or @retval" % (where, ret))
        if "*" in ret and returns and not OWNERSHIP_RE.search(" ".join(returns)):
            errors.append("%s: returns a pointer; @return does not say who owns it" % where)
        if is_status:
            names = [n for n, _ in retvals]
            if "CADRE_OK" not in names:
                errors.append("%s: returns a status but has no @retval CADRE_OK" % where)
            if not [n for n in names if n != "CADRE_OK"]:
                errors.append("%s: returns a status but has no @retval for a failure" % where)
            for n in names:
                if n not in statuses:
                    errors.append("%s: @retval %s is not a cadre_status value" % (where, n))
        if is_void and (returns or retvals):
            errors.append("%s: returns void but documents a return value" % where)
        functions.append((name, is_status, [p for p, _ in params], not is_void))
    if not functions:
        errors.append("%s: no CADRE_API function found" % path)
    return functions, errors


def check_xml(xml_dir, functions):
    """[errors]: each function in Doxygen's XML with its documentation."""
    files = glob.glob(os.path.join(xml_dir, "*.xml"))
    if not files:
        return ["%s: no Doxygen XML output (GENERATE_XML = YES?)" % xml_dir]
    members = {}
    for path in files:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as e:
            return ["%s: %s" % (path, e)]
        for member in root.iter("memberdef"):
            if member.get("kind") != "function":
                continue
            location = member.find("location")
            if location is None or not location.get("file", "").endswith(
                    ("cadre/cadre.h", "cadre/operations.h")):
                continue
            members.setdefault(member.findtext("name"), member)
    errors = []
    for name, is_status, params, returns_value in functions:
        member = members.get(name)
        if member is None:
            errors.append("xml: %s() is not in the generated documentation" % name)
            continue
        detail = member.find("detaileddescription")
        documented = {
            "".join(n.itertext()).strip()
            for plist in detail.iter("parameterlist") if plist.get("kind") == "param"
            for n in plist.iter("parametername")}
        for p in params:
            if p not in documented:
                errors.append("xml: %s(): parameter '%s' is not documented" % (name, p))
        retvals = [plist for plist in detail.iter("parameterlist") if plist.get("kind") == "retval"]
        has_return = any(s.get("kind") == "return" for s in detail.iter("simplesect"))
        if is_status and not retvals:
            errors.append("xml: %s(): no \\retval in the generated documentation" % name)
        if returns_value and not retvals and not has_return:
            errors.append("xml: %s(): return value not documented" % name)
        if not "".join(member.find("briefdescription").itertext()).strip():
            errors.append("xml: %s(): no brief description" % name)
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("headers", nargs="+",
                        help="include/cadre/cadre.h and the generated cadre/operations.h")
    parser.add_argument("--xml", help="Doxygen XML output directory")
    args = parser.parse_args()
    functions, errors = [], []
    statuses = set()
    for header in args.headers:
        with open(header, encoding="utf-8") as f:
            statuses |= set(status_names(blank_comments(f.read())))
    if not statuses:
        errors.append("enum cadre_status not found in %s" % ", ".join(args.headers))
    for header in args.headers:
        f, e = check_header(header, statuses)
        functions += f
        errors += e
    if args.xml and not errors:
        errors += check_xml(args.xml, functions)
    for e in errors:
        print("error: " + e)
    print("checked %d CADRE_API functions: %s" % (
        len(functions), "%d problem(s)" % len(errors) if errors else "all documented"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
