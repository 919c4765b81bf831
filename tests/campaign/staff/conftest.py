"""Fixtures of the staff area's tests."""
from __future__ import annotations

import pytest

from tests.campaign.helpers import sign_in


@pytest.fixture
def staff_client(client, runner):
    """The test client, signed in as a staff member."""
    return sign_in(client, runner)
