"""The package's public surface."""

import caselink


def test_public_api_and_exception_hierarchy() -> None:
    assert caselink.__version__ == "0.1.0"
    for name in caselink.__all__:
        assert hasattr(caselink, name), name
    for cls in (caselink.SchemaError, caselink.ColumnNotFoundError, caselink.InvalidInputError):
        assert issubclass(cls, caselink.CaselinkError)
    assert issubclass(caselink.CaselinkError, Exception)
    assert caselink.CaselinkError.__module__ == "caselink"
