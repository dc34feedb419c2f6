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


def test_licences_in_readme_match_package_ontology_and_dataset():
    import tomllib

    from rdflib import Graph, URIRef
    from rdflib.namespace import DCTERMS

    from natokg.store.dataset import LICENSE

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Licence\n", 1)[1]
    code_licence = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]
    assert code_licence in section
    assert LICENSE in section
    ontology = Graph().parse(ROOT / "ontology" / "natokg.ttl")
    assert ontology.value(URIRef("https://w3id.org/natokg/ontology"), DCTERMS.license) == URIRef(LICENSE)
