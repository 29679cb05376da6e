r"""Code exercises: the learner writes a function; test cases check it.

The learner's function runs with a time limit (2 s by default), on a deep copy of each
case's arguments, in a child process that is killed at the limit (see ``_timeout``), and
its result is compared by exact type and value (:func:`same_value`). The first failing
case is reported in plain words; a function that raises is reported as one line
(exception type and message); a function that runs past the limit is stopped and reported.

Examples
--------
>>> def double(x):
...     return 2 * x
>>> q = CodeExercise(
...     name="double", question="Write `double(x)`.", function_name="double",
...     starter_code="def double(x):\n    return ____\n", reference=double,
...     solution_code="def double(x):\n    return 2 * x",
...     cases=(Case((2,), 4, "x = 2"), Case((0,), 0, "x = 0")))
>>> q.evaluate(double)
Correct: All 2 test cases pass.
>>> q.evaluate(lambda x: x + 2)
Not quite: Case 2 (x = 0): your function returned 2, but it should return 0.
>>> q.evaluate(q.starter)
Not attempted: Replace ____ in your function with your own code.
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import math
import numbers
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..wording import plural
from ._timeout import Run, can_isolate, run_each_with_time_limit, run_with_time_limit
from .definition import Definition
from .results import BLANK, Result
from .text import one_line, safe_repr, type_name

if TYPE_CHECKING:
    from .inputs import AnswerInput

__all__ = ["Case", "CodeExercise", "same_value"]


@dataclass(frozen=True)
class Case:
    """One test case: positional ``args`` and the ``expected`` return value.

    ``description`` says it in plain words ('ego with 3 alters who do not know each other').

    Parameters
    ----------
    args : tuple
        Positional arguments the learner's function is called with.
    expected : object
        The value it must return (compared with the exercise's ``compare``).
    description : str
        The case in plain words, shown when it fails.
    """

    args: tuple[Any, ...]
    expected: Any
    description: str = ""


def _is_numpy(value: Any) -> bool:
    return type(value).__module__ == "numpy"


def _truth(value: Any) -> bool:
    return type(value) is bool or (_is_numpy(value) and type(value).__name__ == "bool_")


def _number(value: Any) -> bool:
    """Return True for an int, a float or a NumPy number (no subclass redefining ``==``)."""
    if type(value) in (int, float):
        return True
    return _is_numpy(value) and isinstance(value, numbers.Real) and not _truth(value)


def _text(value: Any) -> bool:
    return type(value) is str or (_is_numpy(value) and isinstance(value, str))


def _kind(value: Any) -> Any:
    """Return what kind of value this is, for "returned text, expected a number" messages."""
    for kind, test in (("truth", _truth), ("number", _number), ("text", _text)):
        if test(value):
            return kind
    return type(value)


def _plain(value: Any) -> bool:
    """Return True for values whose ``==`` and hash the checker can trust (built-in scalars)."""
    kind = type(value)
    if kind in (int, float, str, bool, bytes, type(None)):
        return True
    if kind in (tuple, frozenset):
        return all(_plain(item) for item in value)
    return _is_numpy(value) and isinstance(value, (numbers.Number, str, bytes))


def same_value(got: Any, expected: Any) -> bool:
    """Default comparison: by exact type and value; numbers within 1e-9.

    An int, float or NumPy number may stand for any other of these (``2`` for ``2.0``).
    Anything else must have exactly the expected type, so an object whose ``__eq__`` always
    says True is not taken as the answer; containers are compared item by item.

    Parameters
    ----------
    got : object
        What the learner's function returned.
    expected : object
        The case's expected value.

    Returns
    -------
    bool
        Whether ``got`` counts as ``expected``.

    Examples
    --------
    >>> same_value(0.1 + 0.2, 0.3), same_value([1, 2], [1, 2]), same_value(1, "1")
    (True, True, False)
    >>> class Yes:
    ...     def __eq__(self, other):
    ...         return True
    >>> same_value(Yes(), 3), same_value([Yes()], [3]), same_value((1, 2), [1, 2])
    (False, False, False)
    """
    if _truth(expected):
        return _truth(got) and bool(got) == bool(expected)
    if _number(expected):
        return _number(got) and math.isclose(
            float(got), float(expected), rel_tol=1e-9, abs_tol=1e-9
        )
    if _text(expected):
        return _text(got) and str(got) == str(expected)
    if expected is None:
        return got is None
    if type(got) is not type(expected):
        return False
    if type(expected) in (list, tuple):
        return len(got) == len(expected) and all(
            same_value(g, e) for g, e in zip(got, expected, strict=True)
        )
    if type(expected) is dict:
        if not all(_plain(key) for key in got) or got.keys() != expected.keys():
            return False
        return all(same_value(got[key], value) for key, value in expected.items())
    if type(expected) in (set, frozenset):
        return all(_plain(item) for item in got) and got == expected
    return bool(expected == got)  # the expected value's own, trusted __eq__


def _error_line(exc: BaseException) -> str:
    try:
        detail = one_line(str(exc), 120)
    except Exception:
        detail = ""
    name = type(exc).__name__
    return f"{name}: {detail}" if detail else name


def _mentions_blank(exc: BaseException) -> bool:
    try:
        return isinstance(exc, NameError) and (
            getattr(exc, "name", None) == "____" or "'____'" in str(exc)
        )
    except Exception:
        return False


@dataclass(frozen=True, kw_only=True)
class CodeExercise(Definition):
    """Write a function; the checker runs it on test cases.

    Parameters
    ----------
    function_name : str
        The name the learner's function must have.
    starter_code : str
        What the learner starts from; its body holds ``____``.
    reference : callable
        A correct function (it must pass the cases; the tests check).
    cases : tuple of Case
        Inputs and expected outputs, in the order they are tried.
    solution_code : str
        Source shown by ``solution()``. Default: the source of ``reference``.
    time_limit : float
        Seconds a learner's function may run per case.
    compare : callable, optional
        ``compare(got, expected) -> bool``; default :func:`same_value`.

    A learner answers with the function itself (``check(count_alters)``) or, in the
    widget, with its source code as text.

    Other Parameters
    ----------------
    name, question, title, hints, solution, explanation, wrong_examples, lesson
        The fields every exercise has (see
        :class:`~netind_teach.exercises.definition.Definition`).
    """

    function_name: str
    starter_code: str
    reference: Callable[..., Any]
    cases: tuple[Case, ...]
    solution_code: str = ""
    time_limit: float = 2.0
    compare: Callable[[Any, Any], bool] | None = None

    kind: ClassVar[str] = "code"

    @property
    def answer_format(self) -> str:  # type: ignore[override]
        """What an answer to this kind looks like (shown beside the input)."""
        return f"your function itself, e.g. check({self.function_name})"

    def validate(self) -> None:
        """Raise ValueError naming the problem when the definition is inconsistent."""
        self._freeze("cases")
        if not self.function_name.isidentifier():
            raise ValueError(f"{self.name!r}: function_name must be a Python name")
        if not self.cases or not all(isinstance(c, Case) for c in self.cases):
            raise ValueError(f"{self.name!r}: give test cases as Case(args, expected, ...)")
        if not callable(self.reference):
            raise ValueError(f"{self.name!r}: reference must be a function")
        if self.function_name not in self.starter_code:
            raise ValueError(f"{self.name!r}: starter_code must define {self.function_name}")
        if self.time_limit <= 0:
            raise ValueError(f"{self.name!r}: time_limit must be positive")

    @property
    def reference_answer(self) -> Callable[..., Any]:
        """An answer that ``check`` marks correct (what the tests feed it)."""
        return self.reference

    @property
    def starter(self) -> Any:
        """What a learner passes before answering; marked 'not attempted'."""
        namespace: dict[str, Any] = {"____": BLANK}
        exec(compile(self.starter_code, f"<starter {self.name}>", "exec"), namespace)
        return namespace[self.function_name]

    def default_solution(self) -> str:
        """Return the solution text when the author gave none."""
        source = self.solution_code.strip()
        if not source:
            try:
                source = inspect.getsource(self.reference).strip()
            except (OSError, TypeError):
                source = f"# see {self.function_name} in the lesson's solution"
        return f"```python\n{source}\n```"

    def answer_input(self, exercise: Any) -> AnswerInput:
        """Return a code box holding the starter code."""
        from .inputs import CodeInput

        return CodeInput(exercise)

    # -- checking ------------------------------------------------------------------
    def function_from_source(self, source: str) -> Callable[..., Any] | Result:
        """Run a learner's source text and return its function, or a Result saying why not."""
        try:
            code = compile(source, "<your code>", "exec")
        except SyntaxError as exc:
            where = f" on line {exc.lineno}" if exc.lineno else ""
            detail = one_line(str(exc.msg), 120).rstrip(".")
            return Result.incorrect(f"Your code has a syntax error{where}: {detail}.")
        except (ValueError, OverflowError, MemoryError, RecursionError) as exc:
            return Result.incorrect(f"Your code cannot be read: {_error_line(exc)}.")
        namespace: dict[str, Any] = {"____": BLANK, "__name__": "__learner__"}
        # in a child process a time-out kills, then (it ends in time) here for real
        target = dict(namespace) if can_isolate() else namespace
        run = run_with_time_limit(lambda: exec(code, target), self.time_limit)
        if run.status == "timed out":
            return Result.incorrect(
                f"Your code did not finish within {self.time_limit:g} s: is there a loop "
                f"that never ends outside the function?"
            )
        if run.error is not None:  # it raised
            return Result.incorrect(f"Running your code raised {_error_line(run.error)}.")
        if target is not namespace:
            try:
                exec(code, namespace)
            except (Exception, SystemExit) as exc:
                return Result.incorrect(f"Running your code raised {_error_line(exc)}.")
        function: object = namespace.get(self.function_name)
        if not callable(function):
            return Result.incorrect(f"Define a function called {self.function_name}(...).")
        return function

    def _arity_problem(self, function: Callable[..., Any]) -> str | None:
        try:
            signature = inspect.signature(function)
        except (TypeError, ValueError):
            return None
        try:
            signature.bind(*self.cases[0].args)
        except TypeError:
            try:
                like = f", like {self.function_name}{inspect.signature(self.reference)}"
            except (TypeError, ValueError):
                like = ""
            return (
                f"{self.function_name} should accept "
                f"{plural(len(self.cases[0].args), 'argument')}"
                f"{like}; yours is {self.function_name}{signature}."
            )
        return None

    def _run_case(self, function: Callable[..., Any], case: Case) -> tuple[str, Any]:
        try:
            args = copy.deepcopy(case.args)
        except Exception:
            args = case.args
        got = function(*args)
        if got is BLANK or got is Ellipsis:
            return "blank", None
        compare = self.compare or same_value
        try:
            ok = bool(compare(got, case.expected))
        except Exception:
            return "uncomparable", (safe_repr(got), type_name(got))
        # an object of another type: say so, rather than "returned 3, should return 3"
        kind = _kind(got)
        if not ok and got is not None and isinstance(kind, type) and kind != _kind(case.expected):
            return "uncomparable", (safe_repr(got), type_name(got))
        return ("ok" if ok else "wrong"), (safe_repr(got), got is None)

    def _first_failure(self, runs: Iterator[Run]) -> Result | None:
        """Return the Result of the first case that fails, or None when all pass."""
        for number, (case, run) in enumerate(zip(self.cases, runs, strict=False), start=1):
            label = f"Case {number}" + (f" ({case.description})" if case.description else "")
            if run.status == "timed out":
                return Result.incorrect(
                    f"{label}: your function did not finish within {self.time_limit:g} s. "
                    f"Is there a loop that never ends?"
                )
            if run.error is not None:  # it raised
                if _mentions_blank(run.error):
                    return Result.not_attempted("Replace ____ in your function with your own code.")
                return Result.incorrect(f"{label}: your function raised {_error_line(run.error)}")
            status, detail = run.value
            if status == "blank":
                return Result.not_attempted("Replace ____ in your function with your own code.")
            if status == "uncomparable":
                return Result.incorrect(
                    f"{label}: your function returned {detail[1]} ({detail[0]}), which cannot "
                    f"be compared with the expected {type_name(case.expected)} "
                    f"({safe_repr(case.expected)})."
                )
            if status == "wrong":
                shown, was_none = detail
                hint = " Did you forget to `return` the value?" if was_none else ""
                return Result.incorrect(
                    f"{label}: your function returned {shown}, but it should return "
                    f"{safe_repr(case.expected)}.{hint}"
                )
        return None

    def evaluate(self, answer: Any) -> Result:
        """Judge a non-blank ``answer``; never called with a placeholder."""
        if isinstance(answer, str):
            if answer.strip().isidentifier():
                name = answer.strip()
                shown = name if len(name) <= 40 else self.function_name
                return Result.incorrect(
                    f"Pass the function itself, without quotes: check({shown})."
                )
            found = self.function_from_source(answer)
            if isinstance(found, Result):
                return found
            answer = found
        if not callable(answer):
            return Result.incorrect(
                f"Pass your function itself, e.g. check({self.function_name}): no quotes and "
                f"no brackets after its name (you gave {type_name(answer)})."
            )
        problem = self._arity_problem(answer)
        if problem:
            return Result.incorrect(problem)
        jobs = [lambda case=case: self._run_case(answer, case) for case in self.cases]
        with contextlib.closing(run_each_with_time_limit(jobs, self.time_limit)) as runs:
            failure = self._first_failure(runs)
        if failure is not None:
            return failure
        return Result.correct_(
            "The test case passes."
            if len(self.cases) == 1
            else f"All {len(self.cases)} test cases pass."
        )
