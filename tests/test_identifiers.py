"""Kamerstuk and dossier identifiers: parsed from the API's form and from citations alike."""

from __future__ import annotations

import pytest

from natokg.identifiers import (
    dossier_iri,
    kamerstuk_iri,
    kamerstuk_label,
    kamerstuk_publication_url,
    parse_dossier,
    parse_kamerstuk,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("36200-V-12", ("36200-V", "12")),
        ("Kamerstuk 36 200 V, nr. 12", ("36200-V", "12")),
        ("Kamerstuk 32 123 V, nr. 87", ("32123-V", "87")),
        ("Kamerstukken II 2023/24, 36 410 X, nr. 5", ("36410-X", "5")),
        ("Kamerstuk 36 200 XII, nrs. 4", ("36200-XII", "4")),
        ("36200-A-3", ("36200-A", "3")),
        ("Kamerstuk 21 501-20, nr. 1234", ("21501-20", "1234")),
        ("21501-20-1234", ("21501-20", "1234")),
        ("28676-499", ("28676", "499")),
        ("Kamerstuk 27 925, nr. 389", ("27925", "389")),
        ("Kamerstuk 28 676 en 36 045, nr. 7", ("28676-36045", "7")),
        ("28676-36045-7", ("28676-36045", "7")),
        ("Kamerstuk 36 850, nr. X-2", ("36850", "X-2")),
        ("Kamerstuk van 12 juni", None),
        ("", None),
    ],
)
def test_regression_kamerstuk_with_toevoeging_keeps_its_dossier(text, expected):
    assert parse_kamerstuk(text) == expected


def test_kamerstuk_with_toevoeging_renders_as_the_official_publication():
    dossier, number = parse_kamerstuk("Kamerstuk 36 200 V, nr. 12")
    assert str(kamerstuk_publication_url(dossier, number)) == "https://zoek.officielebekendmakingen.nl/kst-36200-V-12.html"
    assert str(kamerstuk_iri(dossier, number)).endswith("/kamerstuk/36200-V-12")
    assert kamerstuk_label(dossier, number) == "Kamerstuk 36200-V, nr. 12"
    assert str(dossier_iri(parse_dossier("36 200 V"))).endswith("/dossier/36200-V")


@pytest.mark.parametrize(
    "text, expected",
    [("28676", "28676"), ("36200-V", "36200-V"), ("36 200 V", "36200-V"), ("21501-20", "21501-20"),
     ("28676-36045", "28676-36045"), ("nummer", None), ("", None)],
)
def test_dossier_numbers_with_and_without_toevoeging(text, expected):
    assert parse_dossier(text) == expected
