"""natokg.memory: the cyclic garbage collector paused inside the block, restored after."""

from __future__ import annotations

import gc

import pytest

from natokg.memory import collector_paused


def test_collector_is_off_inside_and_on_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_is_restored_when_the_block_fails():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a failing stage")
    assert gc.isenabled()


def test_collector_stays_off_when_it_was_off_before():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_segmenting_and_extracting_leave_the_collector_on(tmp_path):
    from support.letter_records import extract_text

    extract_text(tmp_path, "Geachte Voorzitter,\n\nNederland steunt de NAVO-top in Vilnius.\n")
    assert gc.isenabled()
