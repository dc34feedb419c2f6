"""The README's two set-up commands are what a fresh machine (and CI) runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text, flags=re.S)


def test_first_two_commands_install_and_run():
    main_job, tests = readme_commands()[:2]
    assert "pip install -e ." in main_job and "natokg build" in main_job
    assert "pip install -e '.[test]'" in tests and "pytest" in tests


def test_ci_runs_exactly_the_readme_test_command():
    test_command = readme_commands()[1]
    ci_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"{test_command} || status=$?" in ci_script
