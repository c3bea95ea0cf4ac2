"""The package's public surface."""

from importlib import resources

import caselink


def test_public_api_and_exception_hierarchy() -> None:
    assert caselink.__version__ == "0.1.0"
    for name in caselink.__all__:
        assert hasattr(caselink, name), name
    for cls in (caselink.SchemaError, caselink.ColumnNotFoundError, caselink.InvalidInputError):
        assert issubclass(cls, caselink.CaselinkError)
    assert issubclass(caselink.CaselinkError, Exception)
    assert caselink.CaselinkError.__module__ == "caselink"


def test_nickname_table_licence_is_shipped() -> None:
    # The nickname table (Apache-2.0) is compiled into the extension; its licence ships beside.
    licence = resources.files("caselink") / "data" / "NICKNAMES_LICENSE"
    text = licence.read_text(encoding="utf-8")
    assert "Apache License" in text
    assert "https://github.com/carltonnorthern/nicknames" in text
