"""The OpenAPI 3.1 document, generated from the registry, and an offline /docs page."""

from __future__ import annotations

from typing import Any

from pixmill import __version__
from pixmill.commands import Command, Registry

_REF = "#/components/schemas/{model}"
_ERROR = {
    "description": "Error",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def document(registry: Registry) -> dict[str, Any]:
    """Every command as GET and POST ``/<name>``, aliases included."""
    schemas: dict[str, Any] = {
        "Error": {
            "type": "object",
            "required": ["status", "error"],
            "properties": {"status": {"type": "integer"}, "error": {"type": "string"}},
        }
    }
    paths: dict[str, Any] = {"/status": _status_path()}
    for cmd in registry.commands():
        # Serialization mode renders defaults through their serializers (colours as text).
        schema = _json_schema_bounds(
            cmd.params.model_json_schema(ref_template=_REF, mode="serialization")
        )
        schemas.update(schema.pop("$defs", {}))
        model = f"{cmd.name}_params"
        schemas[model] = schema
        for name in (cmd.name, *cmd.aliases):
            paths[f"/{name}"] = _path(cmd, name, schema, model)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "pixmill",
            "version": __version__,
            "description": "A self-hosted server for the PixLab API.",
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "key": {"type": "apiKey", "in": "query", "name": "key"},
                "header": {"type": "apiKey", "in": "header", "name": "WWW-Authenticate"},
            },
        },
        "security": [{"key": []}, {"header": []}],
        "paths": paths,
    }


_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _json_schema_bounds(node: Any, names: bool = False) -> Any:
    """Pydantic leaves the bounds of an optional, pre-validated number as ``ge``/``le``
    (``Int | None = Field(ge=...)``); JSON Schema spells them ``minimum``/``maximum``.
    Keys of a ``properties`` mapping are parameter names and stay as they are."""
    if isinstance(node, dict):
        return {
            (key if names else _BOUNDS.get(key, key)): _json_schema_bounds(
                value, names=key == "properties" and not names
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_json_schema_bounds(item) for item in node]
    return node


def _path(cmd: Command, name: str, schema: dict[str, Any], model: str) -> dict[str, Any]:
    summary = cmd.summary if name == cmd.name else f"{cmd.summary} (alias of {cmd.name})"
    required = set(schema.get("required", []))
    parameters = [
        {
            "name": field,
            "in": "query",
            "required": field in required,
            "schema": _query_schema(spec),
            "description": spec.get("description", ""),
        }
        for field, spec in schema.get("properties", {}).items()
    ]
    responses = {
        "200": _success(cmd),
        **{str(code): _ERROR for code in (400, 401, 404, 415, 429, 500)},
    }
    operation = {"summary": summary, "description": cmd.description, "tags": list(cmd.tags)}
    ref = {"$ref": _REF.format(model=model)}
    upload = {
        "type": "object",
        "properties": {"file": {"type": "string", "format": "binary"}},
        "additionalProperties": True,
    }
    return {
        "get": {
            **operation,
            "operationId": f"{name}_get",
            "parameters": parameters,
            "responses": responses,
        },
        "post": {
            **operation,
            "operationId": f"{name}_post",
            "requestBody": {
                "content": {
                    "application/json": {"schema": ref},
                    "multipart/form-data": {"schema": upload},
                    "application/x-www-form-urlencoded": {"schema": ref},
                }
            },
            "responses": responses,
        },
    }


def _query_schema(spec: dict[str, Any]) -> dict[str, Any]:
    """Nested values (lists of boxes) travel as JSON bodies; in a query they are strings."""
    if "$ref" in spec or spec.get("type") in ("array", "object"):
        return {"type": "string"}
    return {key: value for key, value in spec.items() if key != "description"}


def _success(cmd: Command) -> dict[str, Any]:
    properties: dict[str, Any] = {"status": {"type": "integer", "const": 200}}
    if cmd.output == "image":
        properties |= {name: {"type": "string"} for name in ("link", "ssl_link", "id")}
    content: dict[str, Any] = {
        "application/json": {"schema": {"type": "object", "properties": properties}}
    }
    if cmd.output == "image":
        content["image/*"] = {"schema": {"type": "string", "format": "binary"}}
    return {"description": "Success (image bytes when blob=true)", "content": content}


def _status_path() -> dict[str, Any]:
    return {
        "get": {
            "summary": "Health check",
            "operationId": "status_get",
            "security": [],
            "responses": {"200": {"description": "Healthy"}},
        }
    }


def docs_page(static_prefix: str) -> str:
    """Swagger UI from the swagger-ui-bundle package: no internet needed."""
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>pixmill API</title>
<link rel="stylesheet" href="{static_prefix}/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="{static_prefix}/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({{url: "/openapi.json", dom_id: "#ui"}});</script>
</body></html>"""
