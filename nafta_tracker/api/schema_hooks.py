"""The OpenAPI document as generated clients need it: one error type, every header, no guesswork.

A drf-spectacular postprocessing hook (``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``),
run after drf-standardized-errors' own. drf-spectacular describes one operation at a
time; what is true of every operation is said here, once:

* **Errors**: drf-standardized-errors writes an error model per operation and status
  (about 350 components, and as many classes in a generated client). Every error body
  is one shape, so every error response refers to one ``Problem`` component (RFC 9457,
  ``nafta_tracker.api.problem``), as ``application/json`` only: errors are JSON even
  when CSV or a zip was asked for. The ``attr``/``code`` pairs each response can carry,
  which the per-operation models enumerated, stay in the response's ``x-error-codes``,
  for people and for the contract tests; ``code`` is a plain string in ``Problem`` so
  that a new code never breaks an old client's enum.
* **Validators and pages**: every read answers with ``ETag`` and ``Last-Modified`` and
  takes ``If-None-Match`` / ``If-Modified-Since`` (304); lists add ``Link`` and
  ``X-Total-Count``; writes answer with the new validators (``nafta_tracker.freshness``).
  ``If-Match`` is required where the server answers 428 without it.
* **CSV** is text: a ``text/csv`` body is a string, not the JSON list.
* **Nullable references** (``allOf`` + ``nullable``, which OpenAPI 3.0 leaves undefined
  without a ``type``) become ``oneOf`` [the object, ``NullEnum``].
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from nafta_tracker.api.problem import detail_of, title_of

PROBLEM = "Problem"
REF = "#/components/schemas/"
HEADER_REF = "#/components/headers/"
RATE_LIMIT = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")


def _schema_ref(name: str) -> dict[str, str]:
    return {"$ref": REF + name}


def _header_ref(name: str) -> dict[str, str]:
    return {"$ref": HEADER_REF + name}


def problem_components() -> dict[str, dict]:
    return {
        PROBLEM: {
            "type": "object",
            "description": str(
                _(
                    "An error, as RFC 9457 problem details (sent as application/json): type, title, status "
                    "and detail, and the extension member errors, one entry per problem found."
                )
            ),
            "properties": {
                "type": {"$ref": REF + "ProblemType"},
                "title": {"type": "string", "description": str(_("The HTTP status's reason phrase."))},
                "status": {"type": "integer", "minimum": 400, "maximum": 599},
                "detail": {"type": "string", "description": str(_("Every error's detail, in one text."))},
                "errors": {"type": "array", "items": _schema_ref("ProblemError")},
            },
            "required": ["type", "title", "status", "detail", "errors"],
        },
        "ProblemType": {
            "type": "string",
            "enum": ["validation_error", "client_error", "server_error"],
            "description": str(
                _(
                    "validation_error: the request named something wrong (see each error's attr); "
                    "client_error: another 4xx; server_error: a 5xx."
                )
            ),
        },
        "ProblemError": {
            "type": "object",
            "properties": {
                "code": {
                    "type": "string",
                    "description": str(_("What went wrong, for programs; the response's x-error-codes lists them.")),
                },
                "detail": {"type": "string"},
                "attr": {
                    "type": "string",
                    "nullable": True,
                    "description": str(_("The parameter or field concerned, or null.")),
                },
            },
            "required": ["code", "detail", "attr"],
        },
    }


def header_components() -> dict[str, dict]:
    from nafta_tracker.api.schema import RATE_LIMIT_HEADERS

    integer = {"type": "integer", "minimum": 0}
    headers = {name: {"schema": integer, "description": str(text)} for name, text in RATE_LIMIT_HEADERS.items()}
    headers.update(
        {
            "ETag": {
                "schema": {"type": "string"},
                "description": str(
                    _("Names this version: send it as If-None-Match to read again, as If-Match to update.")
                ),
            },
            "Last-Modified": {
                "schema": {"type": "string"},
                "description": str(_("When what this answer shows last changed (an HTTP date).")),
            },
            "Link": {
                "schema": {"type": "string"},
                "description": str(_('The next and previous pages, as rel="next" and rel="prev" links (RFC 8288).')),
            },
            "X-Total-Count": {
                "schema": {"type": "integer", "minimum": 0},
                "description": str(_("The number of results on every page together.")),
            },
        }
    )
    return headers


def conditional_read_parameters() -> list[dict]:
    return [
        {
            "in": "header",
            "name": "If-None-Match",
            "required": False,
            "schema": {"type": "string"},
            "description": str(_("The ETag of a copy you have: 304 without a body if it is still current.")),
        },
        {
            "in": "header",
            "name": "If-Modified-Since",
            "required": False,
            "schema": {"type": "string"},
            "description": str(_("An HTTP date: 304 without a body if nothing shown changed since.")),
        },
    ]


def _resolve(schema: dict, node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _values(schema: dict, node: Any) -> list | None:
    """The enum a (referenced) schema allows, or None for any string."""
    node = _resolve(schema, node)
    if not isinstance(node, dict):
        return None
    if "enum" in node:
        return list(node["enum"])
    return None


def _error_entries(schema: dict, node: Any, seen: set[int] | None = None) -> list[dict]:
    """The error items (``{code, detail, attr}`` objects) a per-operation error model allows."""
    seen = seen if seen is not None else set()
    node = _resolve(schema, node)
    if not isinstance(node, dict) or id(node) in seen:
        return []
    seen.add(id(node))
    properties = node.get("properties", {})
    if "code" in properties and "detail" in properties:
        return [node]
    found = []
    for key in ("oneOf", "anyOf", "allOf"):
        for variant in node.get(key, []):
            found += _error_entries(schema, variant, seen)
    if "errors" in properties:
        found += _error_entries(schema, properties["errors"].get("items", {}), seen)
    return found


def documented_codes(schema: dict, error_schema: Any) -> list[dict]:
    """[{attr, codes}] the per-operation error model allows (attr null: not about a parameter)."""
    codes: dict[str | None, set[str]] = {}
    for entry in _error_entries(schema, error_schema):
        attrs = _values(schema, entry["properties"].get("attr", {})) or [None]
        found = _values(schema, entry["properties"]["code"]) or []
        for attr in attrs:
            codes.setdefault(attr, set()).update(found)
    return [
        {"attr": attr, "codes": sorted(found)}
        for attr, found in sorted(codes.items(), key=lambda item: (item[0] is not None, item[0] or ""))
    ]


def _problem_example(value: Any, status: int) -> Any:
    if not isinstance(value, dict) or "errors" not in value:
        return value
    errors = value["errors"]
    detail = detail_of(errors)
    return {"type": value["type"], "title": title_of(status), "status": status, "detail": detail, "errors": errors}


def _problem_response(schema: dict, status: int, response: dict) -> dict:
    content = response.get("content") or {}
    media = content.get("application/json") or next(iter(content.values()), {})
    answer = {
        "description": response.get("description") or title_of(status),
        "headers": response.get("headers", {}),
        "content": {"application/json": {"schema": _schema_ref(PROBLEM)}},
    }
    examples = media.get("examples")
    if examples:
        answer["content"]["application/json"]["examples"] = {
            name: {**example, "value": _problem_example(example.get("value"), status)}
            for name, example in examples.items()
        }
    codes = documented_codes(schema, media.get("schema", {}))
    if codes:
        answer["x-error-codes"] = codes
    return answer


def _fix_nullable(node: Any) -> None:
    """``allOf: [ref], nullable: true`` -> ``oneOf: [ref, NullEnum]``; no ``nullable`` beside a oneOf with NullEnum."""
    if isinstance(node, list):
        for item in node:
            _fix_nullable(item)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _fix_nullable(value)
    if not node.get("nullable") or "type" in node:
        return
    if "allOf" in node and len(node["allOf"]) == 1:
        node["oneOf"] = [node.pop("allOf")[0], _schema_ref("NullEnum")]
        del node["nullable"]
    elif "oneOf" in node and _schema_ref("NullEnum") in node["oneOf"]:
        del node["nullable"]


def _references(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF):
            found.add(ref[len(REF) :])
        for value in node.values():
            _references(value, found)
    elif isinstance(node, list):
        for item in node:
            _references(item, found)


def _drop_unused_components(result: dict) -> None:
    """Remove the schemas nothing reaches any more (the per-operation error models)."""
    schemas = result["components"]["schemas"]
    roots: set[str] = set()
    _references(result["paths"], roots)
    _references(result["components"].get("headers", {}), roots)
    reachable = _reachable(schemas, roots)
    for name in [name for name in schemas if name not in reachable]:
        del schemas[name]


def _reachable(schemas: dict, roots: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        found: set[str] = set()
        _references(schemas[name], found)
        todo.extend(found - seen)
    return seen


def _is_list(operation: dict) -> bool:
    ok = operation["responses"].get("200", {})
    ref = ok.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref", "")
    return ref.startswith(REF + "Paginated")


def postprocess(result: dict, generator: Any, request: Any, public: bool) -> dict:
    components = result.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.setdefault("NullEnum", {"enum": [None]})
    headers = components.setdefault("headers", {})
    headers.update(header_components())
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            responses = operation.get("responses", {})
            for code, response in list(responses.items()):
                status = int(code)
                if status >= 400:
                    responses[code] = response = _problem_response(result, status, response)
                elif not response.get("description"):
                    response["description"] = title_of(status)
                answer_headers = response.setdefault("headers", {})
                for name in RATE_LIMIT:
                    answer_headers[name] = _header_ref(name)
                content = response.get("content", {})
                if "text/csv" in content:
                    csv_text = {"type": "string", "description": str(_("CSV with a header row."))}
                    content["text/csv"] = {"schema": csv_text}
                if 200 <= status < 300:
                    answer_headers["ETag"] = _header_ref("ETag")
                    answer_headers["Last-Modified"] = _header_ref("Last-Modified")
                if method == "get" and status == 200 and _is_list(operation):
                    answer_headers["Link"] = _header_ref("Link")
                    answer_headers["X-Total-Count"] = _header_ref("X-Total-Count")
            parameters = operation.setdefault("parameters", [])
            if method == "get":
                names = {(p.get("in"), p.get("name")) for p in parameters}
                parameters += [p for p in conditional_read_parameters() if (p["in"], p["name"]) not in names]
                responses["304"] = {
                    "description": str(_("Not Modified: the copy named by If-None-Match or If-Modified-Since holds.")),
                    "headers": {name: _header_ref(name) for name in ("ETag", "Last-Modified", *RATE_LIMIT)},
                }
            for parameter in parameters:
                if parameter.get("in") == "header" and parameter.get("name") == "If-Match":
                    parameter["required"] = True  # 428 without it (nafta_tracker.freshness.check_if_match)
            if not parameters:
                del operation["parameters"]
            operation["responses"] = dict(sorted(responses.items()))
    _fix_nullable(result)
    _drop_unused_components(result)
    schemas.update(problem_components())
    components["schemas"] = dict(sorted(schemas.items()))
    components["headers"] = dict(sorted(headers.items()))
    return result
