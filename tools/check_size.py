"""The project's size rule: no module in src/ over 450 lines, no function over 80.

Prints each module or function over its limit (path:line, name, length) and
exits 1 if there is one.  A function's length runs from its ``def`` (or first
decorator) to its last line, docstring and comments included.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 80


def oversized(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    where = path.relative_to(ROOT)
    found = []
    lines = len(text.splitlines())
    if lines > MAX_MODULE_LINES:
        found.append(f"{where}: module of {lines} lines (> {MAX_MODULE_LINES})")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = node.end_lineno - start + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{where}:{start}: function {node.name} of {length} lines (> {MAX_FUNCTION_LINES})")
    return found


def main() -> int:
    files = [p for p in sorted((ROOT / "src").rglob("*.py")) if "node_modules" not in p.parts]
    found = [f for p in files for f in oversized(p)]
    print("\n".join(found) if found else f"{len(files)} modules: none over {MAX_MODULE_LINES} lines, "
          f"no function over {MAX_FUNCTION_LINES}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
