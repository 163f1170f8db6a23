"""The OpenAPI contract: committed openapi.yaml is current, valid, and documents everything."""

from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from quoteapi.api.openapi import openapi_document, openapi_yaml

COMMITTED = Path(__file__).resolve().parents[1] / "openapi.yaml"
HTTP_METHODS = {"get", "post", "put", "patch", "delete", "head", "options"}


@pytest.fixture(scope="module")
def document() -> dict:
    return openapi_document()


def test_committed_openapi_yaml_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == openapi_yaml(), (
        "openapi.yaml is stale: run `quoteapi openapi write` and commit it"
    )


def test_openapi_document_is_valid():
    validate(yaml.safe_load(COMMITTED.read_text(encoding="utf-8")))


def operations(document: dict):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield f"{method.upper()} {path}", operation, item.get("parameters", [])


def test_every_operation_has_an_id_a_description_and_an_example(document):
    ids = []
    for name, operation, _ in operations(document):
        ids.append(operation.get("operationId"))
        assert operation.get("summary") and operation.get("description"), name
        success = [r for status, r in operation["responses"].items() if status.startswith("2")]
        examples = [c.get("example") for r in success for c in r.get("content", {}).values()]
        assert examples or "204" in operation["responses"], f"{name}: no example answer"
        body = operation.get("requestBody", {}).get("content", {})
        assert all("example" in media for media in body.values()), f"{name}: no example body"
    assert None not in ids and len(set(ids)) == len(ids)


def optional(parameter: dict) -> bool:
    """An optional parameter without a default: one Swagger UI's "Try it out" should leave empty."""
    return not parameter.get("required") and "default" not in parameter["schema"]


def test_every_parameter_and_field_is_described_with_an_example(document):
    for name, operation, path_parameters in operations(document):
        for parameter in path_parameters + operation.get("parameters", []):
            description = parameter.get("description", "")
            if optional(parameter):  # the example in words (optional_doc)
                described = "Example: `" in description
            else:
                described = description and (
                    "example" in parameter or "example" in parameter["schema"]
                )
            assert described, f"{name}: parameter {parameter['name']}"
    for schema_name, schema in document["components"]["schemas"].items():
        for field, spec in schema["properties"].items():
            assert spec.get("description"), f"{schema_name}.{field} has no description"
            assert "example" in spec, f"{schema_name}.{field} has no example"


def test_try_it_out_fills_no_optional_filter(document):
    """Swagger UI fills a parameter with its (or its schema's) example or default: the optional
    filters must have neither, or the first "Execute" searches for the examples' intersection."""
    filled = [
        f"{name}: {parameter['name']}"
        for name, operation, path_parameters in operations(document)
        for parameter in path_parameters + operation.get("parameters", [])
        if optional(parameter)
        and ({"example", "examples"} & (parameter.keys() | parameter["schema"].keys()))
    ]
    assert filled == []


def test_every_error_is_documented_as_problem_json(document):
    for name, operation, _ in operations(document):
        for status, response in operation["responses"].items():
            if "$ref" in response:
                response = document["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
            if status == "default" or status.startswith(("4", "5")):
                assert list(response["content"]) == ["application/problem+json"], f"{name} {status}"


def anchored(schema):
    """``schema`` with each "#/components/..." reference resolved inside the document (a oneOf
    holds several)."""
    if isinstance(schema, dict):
        return {key: "urn:openapi" + value if key == "$ref" else anchored(value)
                for key, value in schema.items()}
    if isinstance(schema, list):
        return [anchored(item) for item in schema]
    return schema


def test_every_example_answer_fits_its_schema(document):
    """The examples are what clients copy: each one validates against the schema it illustrates."""
    from openapi_schema_validator import OAS30Validator
    from referencing import Registry
    from referencing.jsonschema import (
        DRAFT4,
    )  # OpenAPI 3.0's schemas are a JSON Schema draft 4 dialect

    registry = Registry().with_resource("urn:openapi", DRAFT4.create_resource(document))
    checked = 0
    for name, operation, _ in operations(document):
        bodies = [r.get("content", {}) for r in operation["responses"].values()]
        bodies.append(operation.get("requestBody", {}).get("content", {}))
        for content in bodies:
            for media in content.values():
                if "example" in media:
                    schema = anchored(media["schema"])
                    validator = OAS30Validator(schema, registry=registry)
                    errors = [e.message for e in validator.iter_errors(media["example"])]
                    assert not errors, f"{name}: {errors}"
                    checked += 1
    assert checked >= 10


def test_openapi_write_command_writes_the_document(tmp_path):
    from click.testing import CliRunner

    from quoteapi.cli import main

    target = tmp_path / "openapi.yaml"
    result = CliRunner().invoke(main, ["openapi", "write", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == openapi_yaml()
