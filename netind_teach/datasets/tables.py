r"""Table Schema checking: a CSV's text columns to typed pandas columns, or a clear error.

Each column is checked against its field in ``datapackage.json`` (``type``: string,
integer, number, boolean, date; ``constraints``: required, enum, minimum, maximum); the
first bad value is named with its line in the file.

Examples
--------
>>> table = typed_table("demo", b"n,when\n3,2024-01-05\n", [
...     {"name": "n", "type": "integer"}, {"name": "when", "type": "date"}])
>>> table["n"].dtype.name, table["when"].dt.year.item()
('int64', 2024)
>>> try:
...     typed_table("demo", b"n\nthree\n", [{"name": "n", "type": "integer"}])
... except DatasetError as exc:
...     print(exc.problem)
column 'n' should hold integer values, but line 2 of the file has 'three'
"""

from __future__ import annotations

import io
import operator
import re
from typing import Any

import pandas as pd

from .package import REINSTALL, DatasetError

__all__ = ["convert", "typed_table"]

_TRUE = {"true", "True", "TRUE", "1"}
_FALSE = {"false", "False", "FALSE", "0"}
_INTEGER = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def typed_table(
    name: str, data: bytes, fields: list[dict[str, Any]], file: str = ""
) -> pd.DataFrame:
    """Read CSV ``data`` and return it with every column checked and typed.

    Parameters
    ----------
    name : str
        The dataset's name (for messages).
    data : bytes
        The CSV file's content (UTF-8, a header row).
    fields : list of dict
        The Table Schema fields, in column order.
    file : str, optional
        The file's name (for messages).

    Returns
    -------
    pandas.DataFrame
        Integers, floats, strings, booleans and dates as the schema says.

    Raises
    ------
    DatasetError
        Not CSV, other columns than the schema's, or a value of the wrong type.
    """
    try:
        raw = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        where = f"its file {file}" if file else "its file"
        raise DatasetError(name, f"{where} cannot be read as CSV ({exc})", REINSTALL) from exc
    expected = [f["name"] for f in fields]
    if list(raw.columns) != expected:
        raise DatasetError(
            name,
            f"its columns are {list(raw.columns)} but datapackage.json expects {expected}",
            REINSTALL,
        )
    return pd.DataFrame({f["name"]: convert(name, f, raw[f["name"]]) for f in fields})


def _bad(name: str, column: str, type_: str, mask: pd.Series, raw: pd.Series) -> DatasetError:
    first = mask.idxmax()
    return DatasetError(
        name,
        f"column {column!r} should hold {type_} values, but line {int(first) + 2} of the file "
        f"has {raw[first]!r}",
        REINSTALL,
    )


def convert(name: str, field: dict[str, Any], raw: pd.Series) -> pd.Series:
    """Return one text column converted to its field's type, after its constraints.

    Parameters
    ----------
    name : str
        The dataset's name (for messages).
    field : dict
        The Table Schema field (``name``, ``type``, optional ``constraints``).
    raw : pandas.Series
        The column as text ("" for a missing value).

    Returns
    -------
    pandas.Series
        The typed column (``Int64`` for integers with missing values).

    Raises
    ------
    DatasetError
        A value of the wrong type or outside the constraints, or an unknown type.
    """
    column, type_ = field["name"], field["type"]
    missing = raw == ""
    present = ~missing
    if type_ == "string":
        values = raw.where(present)
    elif type_ == "integer":
        bad = present & ~raw.str.fullmatch(_INTEGER.pattern)
        if bad.any():
            raise _bad(name, column, "integer", bad, raw)
        numbers = pd.to_numeric(raw.where(present))
        values = numbers.astype("Int64") if missing.any() else numbers.astype("int64")
    elif type_ == "number":
        bad = present & ~raw.str.fullmatch(_NUMBER.pattern)
        if bad.any():
            raise _bad(name, column, "number", bad, raw)
        values = pd.to_numeric(raw.where(present)).astype("float64")
    elif type_ == "boolean":
        bad = ~raw.isin(_TRUE | _FALSE)
        if bad.any():
            raise _bad(name, column, "boolean (true/false)", bad, raw)
        values = raw.isin(_TRUE)
    elif type_ == "date":
        parsed = pd.to_datetime(raw.where(present), format="%Y-%m-%d", errors="coerce")
        bad = present & (~raw.str.fullmatch(_DATE.pattern) | parsed.isna())
        if bad.any():
            raise _bad(name, column, "date (YYYY-MM-DD)", bad, raw)
        values = parsed
    else:
        raise DatasetError(
            name, f"datapackage.json gives column {column!r} the unknown type {type_!r}", REINSTALL
        )
    constraints = field.get("constraints", {})
    if constraints.get("required") and missing.any():
        raise _bad(name, column, "non-empty", missing, raw)
    if "enum" in constraints:
        allowed = {str(v) for v in constraints["enum"]}
        bad = present & ~raw.isin(allowed)
        if bad.any():
            raise _bad(name, column, f"one of {sorted(allowed)} as", bad, raw)
    for bound, outside in (("minimum", operator.lt), ("maximum", operator.gt)):
        if bound in constraints:
            bad = present & outside(pd.to_numeric(raw.where(present)), constraints[bound])
            if bad.any():
                raise _bad(name, column, f"{bound} {constraints[bound]}", bad, raw)
    return values
