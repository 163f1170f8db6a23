/**
 * The TypeScript SDK against a real quoteapi serving the seed articles.
 *
 * Run by tests/test_clients.py, which starts the server and sets QUOTEAPI_URL (and
 * QUOTEAPI_SPEAKER, the speaker to list); by hand: `npm test` with both set. Being TypeScript, this
 * file is also compiled: a wrong path, parameter or field name fails the build before any request.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { createQuoteClient, nextPage, pages, QuoteApiError, type Problem, type Quote } from "../src/index.js";

const baseUrl = process.env.QUOTEAPI_URL;
const speaker = process.env.QUOTEAPI_SPEAKER ?? "ben-wallace";
if (!baseUrl) throw new Error("set QUOTEAPI_URL to a running quoteapi (tests/test_clients.py does)");
const api = createQuoteClient(baseUrl);

async function allQuotes(name: string): Promise<{ items: Quote[]; total: number }> {
  const { data, error } = await api.GET("/speakers/{name}/quotes", {
    params: { path: { name }, query: { limit: 100 } },
  });
  assert.ok(data, `listing ${name}'s quotes failed: ${error?.detail}`);
  return data;
}

test("lists a speaker's quotes, each with its role and articles", async () => {
  const { items, total } = await allQuotes(speaker);
  assert.ok(items.length > 0, "no quotes");
  assert.equal(total, items.length);
  const names = new Set(items.map((quote) => quote.speaker?.name));
  assert.equal(names.size, 1, `quotes of several speakers: ${[...names].join(", ")}`);
  for (const quote of items) {
    assert.equal(quote.speaker?.slug, speaker);
    assert.ok(quote.text.length > 0);
    assert.ok(quote.appearances.length > 0, `quote ${quote.id} has no article`);
    for (const appearance of quote.appearances) {
      for (const [start, end] of appearance.spans) assert.ok(start! < end!, "empty span");
    }
  }
});

test("follows the next links through every page", async () => {
  const { items: expected, total } = await allQuotes(speaker);
  let requests = 0;
  const seen: number[] = [];
  for await (const quote of pages(
    (page) => {
      requests += 1;
      return api.GET("/speakers/{name}/quotes", { params: { path: { name: speaker }, query: { ...page, limit: 2 } } });
    },
  )) {
    seen.push(quote.id);
  }
  assert.deepEqual(seen, expected.map((quote) => quote.id));
  assert.equal(requests, Math.max(1, Math.ceil(total / 2)));
  assert.equal(nextPage({ limit: 2, offset: 0, next: null }), null);
});

test("an unknown speaker is a typed problem (404 with the nearest names)", async () => {
  const { data, error, response } = await api.GET("/speakers/{name}/quotes", {
    params: { path: { name: "nobody-by-this-name" } },
  });
  assert.equal(data, undefined);
  assert.equal(response.status, 404);
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  const problem: Problem | undefined = error; // the compiler knows the error body's type
  assert.ok(problem);
  assert.equal(problem.status, 404);
  assert.equal(problem.title, "Not Found");
  assert.ok(Array.isArray(problem.nearest));

  const listing = pages((page) =>
    api.GET("/speakers/{name}/quotes", { params: { path: { name: "nobody-by-this-name" }, query: page } }),
  );
  await assert.rejects(listing.next(), (thrown: unknown) => {
    assert.ok(thrown instanceof QuoteApiError);
    assert.equal(thrown.status, 404);
    assert.equal(thrown.problem?.instance, "/speakers/nobody-by-this-name/quotes");
    return true;
  });
});
