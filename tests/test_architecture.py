"""The package's shape (issue 15, items 4 and 7): imports inside caselink form a DAG, and
no name a package binds hides one of its submodules.

The graph is read from the source with ``ast``: every ``import`` and ``from ... import``
at module level and inside functions, relative imports resolved. Two kinds of import are
left out, on purpose:

- imports under ``if TYPE_CHECKING:`` never run (annotations may name each other: a
  ``Resolution`` holds its ``Linker``, ``Linker.resolve`` returns a ``Resolution``);
- the package a module lives in, which Python imports before the module itself
  (``caselink.linking`` always runs ``caselink/__init__`` first). An explicit
  ``from caselink import dedupe`` inside the package does count: it is an edge to
  ``caselink/__init__``, which imports everything.

Imports of other packages inside functions (optional dependencies, loaded on first use so
that ``import caselink`` stays fast) must be listed in ``LAZY_EXTERNAL``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import caselink

PACKAGE = Path(caselink.__file__).parent

#: The only imports of other packages made inside functions: (module, imported module).
LAZY_EXTERNAL = {
    ("caselink.charts._theme", "altair"),
    ("caselink.charts.export", "importlib.util"),
    ("caselink.progress", "tqdm.auto"),
}


def _module_name(path: Path) -> str:
    parts = ["caselink", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import that can run, with whether it is inside a function."""
    found: list[tuple[ast.Import | ast.ImportFrom, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child, in_function)
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append((node, in_function))
        inner = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(tree, False)
    return found


def _source(module: str, node: ast.ImportFrom) -> str:
    """The module of ``from X import ...`` in ``module``, relative imports resolved."""
    if not node.level:
        return node.module or ""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The modules an import statement names: for ``from X import n``, ``X.n`` when that
    is a module, otherwise ``X``."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = _source(module, node)
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]


def _graph() -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    """Intra-package edges, and the imports of other packages made inside functions."""
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    lazy_external: set[tuple[str, str]] = set()
    for module, path in MODULES.items():
        for node, in_function in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _targets(module, node):
                if target == "caselink" or target.startswith("caselink."):
                    if target in MODULES and target != module:
                        edges[module].add(target)
                elif in_function and not getattr(node, "level", 0):
                    lazy_external.add((module, target))
    # A module's own packages run before it: not an import it makes.
    for module in edges:
        edges[module] -= {p for p in edges[module] if module.startswith(f"{p}.")}
    return edges, lazy_external


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, or None (depth-first search, modules in sorted order)."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "open"
        stack.append(module)
        for target in sorted(edges[module]):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[module] = "done"
        return None

    for module in sorted(edges):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_the_graph_sees_every_kind_of_import() -> None:
    edges, _ = _graph()
    assert "caselink.linker" in edges["caselink"]  # module level, absolute
    assert "caselink.charts" in edges["caselink.results"]  # inside a method
    assert "caselink.metrics" in edges["caselink.charts.linkage"]
    assert "caselink.linker" not in edges["caselink.results"]  # TYPE_CHECKING only


def test_intra_package_imports_form_a_dag() -> None:
    edges, _ = _graph()
    cycle = _cycle(edges)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges, _ = _graph()
    edges["caselink.results"].add("caselink.linker")  # linker -> results at run time
    assert _cycle(edges) is not None


def test_lazy_imports_of_other_packages_are_the_listed_optional_ones() -> None:
    _, lazy_external = _graph()
    assert lazy_external == LAZY_EXTERNAL


def _packages() -> list[str]:
    return [m for m, p in MODULES.items() if p.name == "__init__.py"]


@pytest.mark.parametrize("package", _packages())
def test_no_name_in_a_package_hides_a_submodule(package: str) -> None:
    submodules = {info.name for info in pkgutil.iter_modules([str(MODULES[package].parent)])}
    tree = ast.parse(MODULES[package].read_text(encoding="utf-8"))
    hiding = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            source = _source(package, node)
            for alias in node.names:
                bound = alias.asname or alias.name
                # `from caselink import charts` binds the submodule itself: fine.
                if bound in submodules and (source, alias.name) != (package, bound):
                    hiding.append(f"{bound} (from {source})")
        elif isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name in submodules:
            hiding.append(node.name)
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            hiding += [n for n in names if n in submodules]
    assert not hiding, f"{package} binds names of its submodules: {hiding}"
    # And at run time: each submodule's name on the package is that module, if bound.
    loaded = importlib.import_module(package)
    for name in sorted(submodules):
        value = getattr(loaded, name, None)
        assert value is None or inspect.ismodule(value), f"{package}.{name} is {value!r}"
