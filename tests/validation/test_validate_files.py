"""Hostile RDF files for `natokg validate` (tests/support/hostile.py): DTD entity bombs and
external entities in RDF/XML are refused before parsing; nesting past Python's recursion
limit is a one-line error with exit code 2. The files are generated here, never stored."""

from __future__ import annotations

import time

import pytest
from typer.testing import CliRunner

from natokg.cli.app import app
from natokg.errors import BadInputError
from natokg.validation import validate_files

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def billion_laughs(levels: int = 10) -> str:
    """About 1 KB; expands to 10**levels copies of "ha" (228 s in rdflib at 9 levels)."""
    entities = '<!ENTITY a0 "ha">\n' + "".join(
        f'<!ENTITY a{i} "' + f"&a{i - 1};" * 10 + '">\n' for i in range(1, levels)
    )
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n{entities}]>\n'
        f'<rdf:RDF xmlns:rdf="{RDF}"><rdf:Description rdf:about="urn:x">'
        f"<rdf:value>&a{levels - 1};</rdf:value></rdf:Description></rdf:RDF>\n"
    )


def test_billion_laughs_is_refused_fast(tmp_path):
    bomb = tmp_path / "laughs.rdf"
    bomb.write_text(billion_laughs(), encoding="utf-8")
    assert bomb.stat().st_size < 1200
    started = time.perf_counter()
    with pytest.raises(BadInputError, match=r"laughs.rdf: declares the XML entity 'a0'; natokg refuses DTD entities"):
        validate_files([bomb])
    assert time.perf_counter() - started < 1.0
    result = CliRunner().invoke(app, ["validate", str(bomb)])
    assert result.exit_code == 2 and result.output.count("\n") == 1


def test_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the contents of a local file", encoding="utf-8")
    document = tmp_path / "external.owl"
    document.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>\n'
        f'<rdf:RDF xmlns:rdf="{RDF}"><rdf:Description rdf:about="urn:x"><rdf:value>&leak;</rdf:value>'
        "</rdf:Description></rdf:RDF>\n",
        encoding="utf-8",
    )
    with pytest.raises(BadInputError, match="declares the XML entity 'leak'"):
        validate_files([document])


def test_plain_rdfxml_validates(tmp_path):
    plain = tmp_path / "plain.rdf"
    plain.write_text(
        f'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="{RDF}"><rdf:Description rdf:about="urn:x">'
        "<rdf:value>1</rdf:value></rdf:Description></rdf:RDF>\n",
        encoding="utf-8",
    )
    assert validate_files([plain]).conforms


@pytest.mark.parametrize("opening, closing", [("[ <urn:p> ", " ]"), ("( ", " )")], ids=["blank-nodes", "lists"])
def test_deeply_nested_turtle_is_a_clear_error(tmp_path, opening, closing):
    deep = tmp_path / "deep.ttl"
    deep.write_text("<urn:a> <urn:p> " + opening * 1000 + "1" + closing * 1000 + " .\n", encoding="utf-8")
    with pytest.raises(BadInputError, match=r"deep.ttl: nests \[ \] or \( \) deeper than the turtle parser can follow"):
        validate_files([deep])
    result = CliRunner().invoke(app, ["validate", str(deep)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
