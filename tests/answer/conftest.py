from __future__ import annotations

import pytest

from resqa.settings import Settings
from tests.answer.fakes import corpus


@pytest.fixture
def library():
    return corpus()


@pytest.fixture
def assistant(library):
    from answer.assistant import Assistant

    return Assistant(library, Settings(embed_model="fake"))
