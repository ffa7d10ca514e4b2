"""``python -m claimtrack.codec.gen --write``: write the fast structure hooks ahead of time
(``claimtrack/codec/gen/_prebuilt_structure.py``) and the field types they read
(``claimtrack/_written_hints.py``); ``--check`` exits 1 if either is out of date."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimtrack.codec.gen.prebuilt import current_texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimtrack.codec.gen", description=__doc__)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="write the module")
    action.add_argument("--check", action="store_true", help="exit 1 if it is out of date")
    args = parser.parse_args(argv)
    stale = 0
    for name, text in current_texts().items():
        module = Path(name)
        if args.write:
            module.write_text(text, encoding="utf-8")
            print(f"wrote {module}")
        elif not module.is_file() or module.read_text(encoding="utf-8") != text:
            print(f"{module} is out of date: run python -m claimtrack.codec.gen --write")
            stale = 1
    return stale


if __name__ == "__main__":
    sys.exit(main())
