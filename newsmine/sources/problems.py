"""Problem reports (one input that could not be read, logged to logger ``newsmine``) and the control bytes readers remove."""
from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger("newsmine")
#: C0 control characters other than tab, line feed, vertical tab, form feed and carriage return, and DEL:
#: removed from text with a warning (a stray NUL must not lose an article).
CONTROL = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
CONTROL_BYTES = bytes(CONTROL)


@dataclass(frozen=True)
class Problem:
    """One input that could not be read (whole or in part): shown as ``where: message``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def log(problem: Problem, count: int = 1) -> None:
    """Report ``problem`` (standing for ``count`` problems of one input when more were not shown)."""
    logger.warning("%s", problem, extra={"problem": problem, "problems": count})
