/**
 * A typed client for the quoteapi REST API.
 *
 * The types (`paths`, `components`) are generated from openapi.yaml by openapi-typescript into
 * src/schema.ts (`make clients`; never edit it by hand); openapi-fetch turns them into a client whose
 * paths, parameters, bodies, answers and errors are all checked by the compiler. This file adds
 * only names for the common shapes and a helper that follows the `next` links of a page.
 *
 *     const api = createQuoteClient("http://127.0.0.1:8000");
 *     const { data, error } = await api.GET("/speakers/{name}/quotes", {
 *       params: { path: { name: "ben-wallace" }, query: { limit: 3 } },
 *     });
 */
import createClient, { type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js"; // generated: src/schema.ts

export type { components, operations, paths };

export type Quote = components["schemas"]["Quote"];
export type Speaker = components["schemas"]["Speaker"];
export type Article = components["schemas"]["Article"];
export type Appearance = components["schemas"]["Appearance"];
/** Every 4xx and 5xx answer: RFC 9457 problem details. */
export type Problem = components["schemas"]["Problem"];
export type QuoteClient = ReturnType<typeof createClient<paths>>;

/** A client for the API at `baseUrl` (e.g. "https://quotes.example.org"). */
export function createQuoteClient(baseUrl: string, options: Omit<ClientOptions, "baseUrl"> = {}): QuoteClient {
  return createClient<paths>({ ...options, baseUrl: baseUrl.replace(/\/+$/, "") });
}

/** What every list answer carries besides its items. */
export interface PageLinks {
  limit: number;
  offset: number;
  next?: string | null;
}

/** Where a page starts: a `cursor` from a `next` link (keyset), or an `offset`. */
export interface PagePosition {
  limit?: number;
  offset?: number;
  cursor?: string;
}

/** The position of a page's `next` link (its cursor, or else its offset), or null on the last page. */
export function nextPage(page: PageLinks): PagePosition | null {
  if (!page.next) return null;
  const query = new URL(page.next, "http://next.invalid").searchParams;
  const limit = Number(query.get("limit") ?? page.limit);
  const cursor = query.get("cursor");
  return cursor !== null ? { limit, cursor } : { limit, offset: Number(query.get("offset") ?? 0) };
}

/** Thrown by `pages` when a page request fails; `problem` is the API's problem+json body. */
export class QuoteApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? `quoteapi answered ${status}`);
    this.name = "QuoteApiError";
  }
}

/**
 * Every item of a paginated list, page after page, following the `next` links:
 *
 *     for await (const quote of pages((page) => api.GET("/quotes", { params: { query: { q: "war", ...page } } })))
 */
export async function* pages<Item>(
  request: (page: PagePosition) => Promise<{
    data?: PageLinks & { items: Item[] };
    error?: Problem;
    response: Response;
  }>,
  first: PagePosition = {},
): AsyncGenerator<Item, void, undefined> {
  let page: PagePosition | null = first;
  while (page) {
    const { data, error, response } = await request(page);
    if (!data) throw new QuoteApiError(response.status, error);
    yield* data.items;
    page = nextPage(data);
  }
}
