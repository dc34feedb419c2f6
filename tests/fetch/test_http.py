"""Polite HTTP (natokg.fetch.http): Retry-After, backoff, the User-Agent."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

from natokg.fetch.http import USER_AGENT, retry_after
from natokg.version import __version__


def test_retry_after_in_seconds_and_as_a_date():
    assert retry_after("7") == 7.0
    later = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    assert 25 <= retry_after(later) <= 30
    assert retry_after(None) is None and retry_after("soon") is None


def test_user_agent_names_natokg_and_its_version():
    assert USER_AGENT.startswith(f"natokg/{__version__} ")
