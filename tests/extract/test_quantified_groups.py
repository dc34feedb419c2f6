"""A group named with a quantifier and an adjective between ("Verschillende oostelijke
bondgenoten"): some of the allies, not all of them (natokg.extract.actor_mentions)."""

from __future__ import annotations

import pytest

from support.letter_records import sentence_positions


@pytest.mark.parametrize(
    "sentence, group",
    [
        ("Verschillende oostelijke bondgenoten, waaronder Polen, drongen aan op zichtbare uitwerking van artikel 5.",
         "several-allies"),
        ("Enkele Europese bondgenoten pleitten voor meer aandacht voor de zuidflank.", "several-allies"),
        # the form as a letter writes it, with the members after "waaronder"
        ("Enkele oostelijke bondgenoten, waaronder Polen, bepleitten een permanente stationering van troepen.",
         "several-allies"),
        # an article is no quantifier: the European allies, all of them
        ("De Europese bondgenoten pleitten voor meer aandacht voor de zuidflank.", "european-allies"),
    ],
)
def test_a_quantifier_before_an_adjective_names_some_of_the_allies(tmp_path, sentence, group):
    actors = {actor for actor, _, _ in sentence_positions(tmp_path, sentence)}
    assert group in actors
    assert "allies" not in actors
