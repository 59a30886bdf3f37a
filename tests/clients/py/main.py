"""A newsroom's script, written against the Python client generated from the API schema.

tests/ops/test_generated_clients.py generates ``nafta_tracker_api_client`` with
openapi-python-client and runs this against a live server:
``python main.py <base URL> <editor token> <source slug>`` (with the client importable).
Exits non-zero, naming the step, at the first answer the generated code did not expect.
"""

from __future__ import annotations

import sys
from urllib.parse import parse_qs, urlsplit

from nafta_tracker_api_client import AuthenticatedClient, Client
from nafta_tracker_api_client.api.issues import issues_list
from nafta_tracker_api_client.api.sources import sources_create, sources_partial_update
from nafta_tracker_api_client.api.statements import statements_list
from nafta_tracker_api_client.models import (
    PaginatedIssueList,
    PatchedSourceInputRequest,
    Problem,
    ProblemType,
    Source,
    SourceInputRequest,
    SourceKindEnum,
    StatementsListFormat,
)


def check(condition: object, step: str) -> None:
    if not condition:
        sys.exit(f"FAILED: {step}")


def main(base: str, token: str, slug: str) -> None:
    # raise_on_unexpected_status: a status the schema does not list is an error, not None.
    reader = Client(base_url=base, raise_on_unexpected_status=True)
    editor = AuthenticatedClient(base_url=base, token=token, raise_on_unexpected_status=True)

    # 1. List issues, a page of 5, and follow the pages to the end.
    first = issues_list.sync_detailed(client=reader, page_size=5)
    check(isinstance(first.parsed, PaginatedIssueList), "list issues")
    total = first.parsed.count
    check(int(first.headers["X-Total-Count"]) == total, "X-Total-Count is the count")
    slugs = [issue.slug for issue in first.parsed.results]
    page, next_url = 1, first.parsed.next_
    while next_url:
        page += 1
        check(parse_qs(urlsplit(next_url).query)["page"] == [str(page)], "next names the next page")
        answer = issues_list.sync_detailed(client=reader, page_size=5, page=page)
        check(isinstance(answer.parsed, PaginatedIssueList), f"page {page}")
        slugs += [issue.slug for issue in answer.parsed.results]
        next_url = answer.parsed.next_
    check(page > 1 and len(slugs) == total == len(set(slugs)), "every issue once over the pages")

    # 2. The same request with the ETag: 304, nothing to download again.
    again = issues_list.sync_detailed(client=reader, page_size=5, if_none_match=first.headers["ETag"])
    check(again.status_code == 304 and again.parsed is None, "304 on a repeated read")

    # 3. The statements as CSV. The generator parses only the JSON body of a status that has
    # two, so the request it builds is sent as it is and the text read from the answer.
    csv_request = statements_list._get_kwargs(format_=StatementsListFormat.CSV)
    csv = reader.get_httpx_client().request(**csv_request)
    check(csv.status_code == 200 and csv.headers["Content-Type"].startswith("text/csv"), "CSV export")
    check("text" in csv.text.split("\r\n")[0], "CSV header row")

    # 4. An editor adds a source, then changes it with the ETag of the 201.
    body = SourceInputRequest(
        slug=slug,
        kind=SourceKindEnum.ARTICLE,
        outlet="Client check",
        title="Created by the Python client",
        link=f"https://example.org/{slug}",
    )
    created = sources_create.sync_detailed(client=editor, body=body)
    check(created.status_code == 201 and isinstance(created.parsed, Source), "create a source")
    check(created.headers["Location"] == created.parsed.url, "201 with Location")
    changed = sources_partial_update.sync_detailed(
        str(created.parsed.id),
        client=editor,
        body=PatchedSourceInputRequest(title="Changed by the Python client"),
        if_match=created.headers["ETag"],
    )
    check(isinstance(changed.parsed, Source) and changed.parsed.title == "Changed by the Python client", "update")

    # 5. The same ETag again is stale now: 412, a Problem.
    stale = sources_partial_update.sync_detailed(
        str(created.parsed.id),
        client=editor,
        body=PatchedSourceInputRequest(title="Lost update"),
        if_match=created.headers["ETag"],
    )
    problem = stale.parsed
    check(stale.status_code == 412 and isinstance(problem, Problem), "412 on a stale If-Match")
    check(problem.type_ == ProblemType.CLIENT_ERROR and problem.errors[0].code == "precondition_failed", "Problem")
    print(f"ok: {total} issues over {page} pages, 304, CSV, created and updated source {created.parsed.id}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
