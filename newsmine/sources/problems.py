"""Problem reports: one input that could not be read, logged (logger ``newsmine``) and skipped."""
from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger("newsmine")


@dataclass(frozen=True)
class Problem:
    """One input that could not be read (whole or in part): shown as ``where: message``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def log(problem: Problem) -> None:
    logger.warning("%s", problem, extra={"problem": problem})
