"""The committed JSON Schema matches the loader's structs and accepts the seed."""

import json

import jsonschema
import pytest
import yaml

from kitlib.annotation import json_schema

from .conftest import ROOT, SEED

SCHEMA_FILE = ROOT / "seeds" / "annotation.schema-v1.json"


def test_committed_schema_is_in_sync_with_the_code():
    committed = json.loads(SCHEMA_FILE.read_text())
    assert committed == json_schema(), "regenerate it with: kitlib schema > " + str(SCHEMA_FILE)


def test_seed_annotation_is_valid_against_the_json_schema():
    raw = yaml.safe_load((SEED / "annotation.yaml").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text())).validate(raw)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda raw: raw["quotes"][0].update(kind="quoted"),
        lambda raw: raw["actors"][0].pop("name"),
        lambda raw: raw["claims"][0].update(extra_field=1),
        lambda raw: raw.update(schema_version=2),
        lambda raw: raw.update(sides=[{"id": "russia", "name": "Russia", "members": []}]),
        lambda raw: raw.update(sides=[{"id": "russia", "members": ["russia"]}]),
        lambda raw: raw.update(sides=[{"id": "Russia", "name": "Russia", "members": ["russia"]}]),
    ],
)
def test_json_schema_rejects_what_the_loader_rejects(mutate):
    raw = yaml.safe_load((SEED / "annotation.yaml").read_text(encoding="utf-8"))
    mutate(raw)
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    assert not validator.is_valid(raw)


def test_json_schema_accepts_declared_sides_and_files_without_them():
    raw = yaml.safe_load((SEED / "annotation.yaml").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    assert "sides" in raw and validator.is_valid(raw)  # the course declares its sides
    del raw["sides"]
    assert validator.is_valid(raw)  # v1 files without sides stay valid
    raw["sides"] = [
        {"id": "russia", "name": "Russia", "members": ["russia"], "note": "the country"},
        {"id": "ukraine", "name": "Ukraine", "members": ["ukraine", "zelenskyy"]},
    ]
    validator.validate(raw)
