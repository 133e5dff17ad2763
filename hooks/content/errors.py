"""The one error type for content mistakes: where it is, what is wrong, what to do."""

from __future__ import annotations

try:  # MkDocs prints a PluginError as one line instead of a traceback.
    from mkdocs.exceptions import PluginError as _ReportedError
except ImportError:  # another engine runs the macros module
    _ReportedError = Exception  # type: ignore[misc,assignment]


class ContentError(_ReportedError):
    """A mistake in data or pages that must stop the build.

    Rendered as ``path:line: key problem; fix`` so editors and CI logs can jump to it.
    """

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.problem = message
        where = f"{path}:{line}" if line else path
        # str(error) is the whole one-line report (click's exceptions keep it in .message).
        super().__init__(f"{where}: {message}")

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem}"
