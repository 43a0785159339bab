#!/usr/bin/env python3
"""Validates SARIF files against the OASIS SARIF 2.1.0 JSON schema (dev-time check).

    python3 scripts/validate-sarif.py FILE.sarif [FILE.sarif ...]
    postwacht audit --format sarif ... | python3 scripts/validate-sarif.py -

The schema is the vendored copy in Tests/PostwachtCoreTests/Resources/sarif-schema-2.1.0.json
(OASIS errata 01, draft-04); --schema PATH picks another. Needs the `jsonschema` package
(pip install jsonschema). Prints "OK: FILE" or each error with its JSON path; exit code 0 when every
file is valid, 1 when one is not, 2 on a usage error or unreadable input.
"""
import argparse
import json
import sys
from pathlib import Path

DEFAULT_SCHEMA = (Path(__file__).resolve().parent.parent
                  / "Tests" / "PostwachtCoreTests" / "Resources" / "sarif-schema-2.1.0.json")


def json_path(parts):
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def main():
    ap = argparse.ArgumentParser(description="Validate SARIF files against the SARIF 2.1.0 schema.")
    ap.add_argument("files", nargs="+", help="SARIF files ('-' reads standard input)")
    ap.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA, help="schema file (default: %(default)s)")
    ap.add_argument("--max-errors", type=int, default=50, help="errors shown per file (default: %(default)s)")
    args = ap.parse_args()

    try:
        import jsonschema
    except ImportError:
        print("error: the jsonschema package is missing (pip install jsonschema)", file=sys.stderr)
        return 2
    try:
        schema = json.loads(args.schema.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"error: cannot read schema {args.schema}: {e}", file=sys.stderr)
        return 2
    cls = jsonschema.validators.validator_for(schema)   # draft-04 for the OASIS file
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)

    status = 0
    for name in args.files:
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
            doc = json.loads(text)
        except (OSError, UnicodeDecodeError) as e:
            print(f"error: cannot read {name}: {e}", file=sys.stderr)
            status = 2
            continue
        except ValueError as e:
            print(f"INVALID: {name}: not JSON: {e}")
            status = max(status, 1)
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: (list(map(str, e.absolute_path)), e.message))
        if not errors:
            print(f"OK: {name}")
            continue
        status = max(status, 1)
        print(f"INVALID: {name}: {len(errors)} error(s)")
        for e in errors[: args.max_errors]:
            print(f"  {json_path(e.absolute_path)}: {e.message}")
        if len(errors) > args.max_errors:
            print(f"  … {len(errors) - args.max_errors} more")
    return status


if __name__ == "__main__":
    sys.exit(main())
