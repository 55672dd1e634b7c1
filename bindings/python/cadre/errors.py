"""Exceptions of the cadre binding.

Every fallible C function of libcadre returns a status code numbered like
``google.rpc.Code`` and, on failure, an error object with a message and the
path of the field it is about. The binding raises one exception class per
code, all derived from :class:`CadreError`, which carries the code, its name,
the message and the field path exactly as the library reported them.

Where a built-in exception has the same meaning, the class also derives from
it, so ``except ValueError`` catches :class:`InvalidArgumentError`.

This module uses the standard library only.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping, Optional

__all__ = [
    "CadreError",
    "CancelledError",
    "UnknownError",
    "InvalidArgumentError",
    "DeadlineExceededError",
    "NotFoundError",
    "AlreadyExistsError",
    "PermissionDeniedError",
    "ResourceExhaustedError",
    "FailedPreconditionError",
    "AbortedError",
    "OutOfRangeError",
    "UnimplementedError",
    "InternalError",
    "UnavailableError",
    "DataLossError",
    "UnauthenticatedError",
    "ProtobufRequiredError",
    "ERROR_CLASSES",
    "CODE_NAMES",
    "error_from_status",
]

#: Names of the status codes (``google.rpc.Code``), by number. The library's
#: own table is reached with :func:`cadre.status_name`; this copy lets the
#: binding name a code without calling into C.
CODE_NAMES: Mapping[int, str] = MappingProxyType({
    0: "OK",
    1: "CANCELLED",
    2: "UNKNOWN",
    3: "INVALID_ARGUMENT",
    4: "DEADLINE_EXCEEDED",
    5: "NOT_FOUND",
    6: "ALREADY_EXISTS",
    7: "PERMISSION_DENIED",
    8: "RESOURCE_EXHAUSTED",
    9: "FAILED_PRECONDITION",
    10: "ABORTED",
    11: "OUT_OF_RANGE",
    12: "UNIMPLEMENTED",
    13: "INTERNAL",
    14: "UNAVAILABLE",
    15: "DATA_LOSS",
    16: "UNAUTHENTICATED",
})


class CadreError(Exception):
    """A call into libcadre failed.

    Attributes:
        code: the status code the C function returned (``google.rpc.Code``).
        code_name: the name of the code, e.g. ``"INVALID_ARGUMENT"``.
        message: the library's message, ``"field.path: what is wrong"``. It
            names record ids and field paths, never personal data.
        field: the path of the field the error is about, e.g.
            ``"cadres[17].birth_date"``; ``""`` when it concerns no field.
    """

    code: int
    code_name: str
    message: str
    field: str

    def __init__(self, code: int, message: str = "", field: str = "",
                 code_name: Optional[str] = None) -> None:
        self.code = int(code)
        self.code_name = (code_name if code_name is not None
                          else CODE_NAMES.get(self.code, "UNRECOGNIZED"))
        self.message = message
        self.field = field
        super().__init__(self._text())

    def _text(self) -> str:
        return f"{self.code_name}: {self.message}" if self.message else self.code_name

    def __str__(self) -> str:
        return self._text()

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(code={self.code}, "
                f"message={self.message!r}, field={self.field!r})")

    def __reduce__(self) -> Any:
        return (type(self), (self.code, self.message, self.field, self.code_name))


class CancelledError(CadreError):
    """CANCELLED (1): the operation was cancelled."""


class UnknownError(CadreError):
    """UNKNOWN (2): an error that fits no other code."""


class InvalidArgumentError(CadreError, ValueError):
    """INVALID_ARGUMENT (3): bad input; :attr:`field` names the field."""


class DeadlineExceededError(CadreError):
    """DEADLINE_EXCEEDED (4): a deadline passed."""


class NotFoundError(CadreError, LookupError):
    """NOT_FOUND (5): a named item does not exist."""


class AlreadyExistsError(CadreError):
    """ALREADY_EXISTS (6): an item exists already."""


class PermissionDeniedError(CadreError):
    """PERMISSION_DENIED (7): not allowed."""


class ResourceExhaustedError(CadreError, MemoryError):
    """RESOURCE_EXHAUSTED (8): out of memory or over a size limit."""


class FailedPreconditionError(CadreError):
    """FAILED_PRECONDITION (9): the state does not allow the call."""


class AbortedError(CadreError):
    """ABORTED (10): the operation was aborted."""


class OutOfRangeError(CadreError, ValueError):
    """OUT_OF_RANGE (11): a value is outside its range."""


class UnimplementedError(CadreError, NotImplementedError):
    """UNIMPLEMENTED (12): not implemented in this version of the library."""


class InternalError(CadreError):
    """INTERNAL (13): a bug in cadre; please report it."""


class UnavailableError(CadreError):
    """UNAVAILABLE (14): temporarily unavailable."""


class DataLossError(CadreError):
    """DATA_LOSS (15): unrecoverable data loss."""


class UnauthenticatedError(CadreError):
    """UNAUTHENTICATED (16): not authenticated."""


#: The exception class raised for each status code. A code missing here
#: (one a newer library added) raises :class:`CadreError` itself.
ERROR_CLASSES: Mapping[int, type[CadreError]] = MappingProxyType({
    1: CancelledError,
    2: UnknownError,
    3: InvalidArgumentError,
    4: DeadlineExceededError,
    5: NotFoundError,
    6: AlreadyExistsError,
    7: PermissionDeniedError,
    8: ResourceExhaustedError,
    9: FailedPreconditionError,
    10: AbortedError,
    11: OutOfRangeError,
    12: UnimplementedError,
    13: InternalError,
    14: UnavailableError,
    15: DataLossError,
    16: UnauthenticatedError,
})


def error_from_status(code: int, message: str = "", field: str = "",
                      code_name: Optional[str] = None) -> CadreError:
    """Builds the exception for a failed status code.

    Args:
        code: a non-zero status code.
        message: the library's message.
        field: the field path, or ``""``.
        code_name: the code's name as the library spells it; by default the
            name from :data:`CODE_NAMES`.

    Returns:
        An instance of the class :data:`ERROR_CLASSES` maps ``code`` to, or of
        :class:`CadreError` for an unrecognized code.
    """
    cls = ERROR_CLASSES.get(int(code), CadreError)
    return cls(code, message, field, code_name)


class ProtobufRequiredError(ImportError):
    """The operation needs ``google.protobuf``, which cannot be imported.

    Raised when a protobuf binary response must be decoded (the request was
    ``bytes``), when ``as_message=True`` is asked for, or when typed message
    classes are requested. Dicts and JSON text work without protobuf; raw
    bytes are available through :meth:`cadre.Engine.screen_raw`.
    """
