// A newsroom's script, written against the TypeScript types generated from the API schema
// (openapi-typescript) and run with openapi-fetch: tests/ops/test_generated_clients.py
// generates schema.d.ts next to a copy of this file, type-checks it (tsc), then runs it:
//   node main.js <base URL> <editor token> <source slug>
// Exits non-zero, naming the step, at the first answer the schema's types did not predict.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type Problem = components["schemas"]["Problem"];

const [base, token, slug] = process.argv.slice(2);

function check(condition: unknown, step: string): asserts condition {
  if (!condition) {
    console.error(`FAILED: ${step}`);
    process.exit(1);
  }
}

// A list answers JSON, or CSV when asked (?format=csv): the types say both; these reads want JSON.
function json<T>(data: T | string | undefined, step: string): T {
  check(data !== undefined && typeof data !== "string", step);
  return data;
}

const reader = createClient<paths>({ baseUrl: base });
const editor = createClient<paths>({ baseUrl: base, headers: { Authorization: `Bearer ${token}` } });

// 1. List issues, a page of 5, and follow the pages to the end.
const first = await reader.GET("/api/v1/issues/", { params: { query: { page_size: 5 } } });
const firstPage = json(first.data, "list issues");
const total = firstPage.count;
check(Number(first.response.headers.get("X-Total-Count")) === total, "X-Total-Count is the count");
const slugs = firstPage.results.map((issue) => issue.slug);
let next = firstPage.next;
let page = 1;
while (next) {
  check(first.response.headers.get("Link") !== null, "Link header while there is a next page");
  page += 1;
  check(new URL(next).searchParams.get("page") === String(page), "next names the next page");
  const answer = await reader.GET("/api/v1/issues/", { params: { query: { page_size: 5, page } } });
  const current = json(answer.data, `page ${page}`);
  slugs.push(...current.results.map((issue) => issue.slug));
  next = current.next;
}
check(page > 1 && slugs.length === total && new Set(slugs).size === total, "every issue once over the pages");

// 2. The same request with the ETag: 304, nothing to download again.
const etag = first.response.headers.get("ETag");
check(etag, "ETag on the list");
const again = await reader.GET("/api/v1/issues/", {
  params: { query: { page_size: 5 }, header: { "If-None-Match": etag } },
});
check(again.response.status === 304 && again.data === undefined, "304 on a repeated read");

// 3. The statements as CSV: text with a header row.
const csv = await reader.GET("/api/v1/statements/", { params: { query: { format: "csv" } }, parseAs: "text" });
check(typeof csv.data === "string" && csv.data.split("\r\n")[0].includes("text"), "CSV export");
check(csv.response.headers.get("Content-Type")?.startsWith("text/csv"), "CSV content type");

// 4. An editor adds a source, then changes it with the ETag of the 201.
const created = await editor.POST("/api/v1/sources/", {
  body: { slug, kind: "article", outlet: "Client check", title: "Created by the TypeScript client", link: `https://example.org/${slug}` },
});
check(created.response.status === 201 && created.data, "create a source");
const createdTag = created.response.headers.get("ETag");
check(createdTag && created.response.headers.get("Location") === created.data.url, "201 with ETag and Location");
const changed = await editor.PATCH("/api/v1/sources/{id}/", {
  params: { path: { id: String(created.data.id) }, header: { "If-Match": createdTag } },
  body: { title: "Changed by the TypeScript client" },
});
check(changed.data?.title === "Changed by the TypeScript client", "update with If-Match of the 201");

// 5. The same ETag again is stale now: 412, a Problem document.
const stale = await editor.PATCH("/api/v1/sources/{id}/", {
  params: { path: { id: String(created.data.id) }, header: { "If-Match": createdTag } },
  body: { title: "Lost update" },
});
const problem: Problem | undefined = stale.error;
check(stale.response.status === 412 && problem?.status === 412, "412 on a stale If-Match");
check(problem.type === "client_error" && problem.errors[0].code === "precondition_failed", "the 412 is a Problem");

console.log(`ok: ${total} issues over ${page} pages, 304, CSV, created and updated source ${created.data.id}`);
