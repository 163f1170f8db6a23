/*
 * <quote-widget>: a speaker's latest quotes from quoteapi, embeddable on any site with one tag.
 *
 *   <script src="https://HOST/widget.js" async></script>
 *   <quote-widget speaker="ben-wallace" limit="3"></quote-widget>
 *
 * Attributes: speaker (slug, full name, alias or surname), limit (1-20, default 3), types (the
 * quote types shown, space separated: direct, mixed, indirect; default "direct mixed"), min-length
 * (the fewest characters a quote shown has, default 30: fragments like `as "abhorrent" attacks`
 * stay out), api (base URL of the API; defaults to the folder this script was loaded from), lang
 * (date format; defaults to the page's). Light or dark follows prefers-color-scheme; theme it with
 * CSS custom properties on the element or any ancestor: --quote-widget-accent, -bg, -fg, -muted,
 * -border, -radius, -font, -max-width, -focus; or style its parts: ::part(quote), ::part(text),
 * ::part(speaker) (the name, once, above the quotes), ::part(role), ::part(source) (an article:
 * ::part(title), ::part(site)), ::part(status).
 * The host element reflects its state in data-state: loading | ready | empty | error.
 *
 * One entry per quote: the same words carried by several articles are one quote, listed with each
 * article's title and site. Each widget makes exactly one GET /speakers/{speaker}/quotes (again
 * only if its attributes change), asking for FETCH_LIMIT quotes so that `limit` remain after the
 * types and the length are applied here (the API filters one type at a time). Every piece of data
 * is put in the page with textContent or a checked attribute, never parsed as HTML, so a quote
 * holding "<script>" shows as those characters.
 */
(() => {
  "use strict";

  const TAG = "quote-widget";
  if (!window.customElements || customElements.get(TAG)) return; // no support, or loaded twice

  // document.currentScript exists only while a classic script first runs (async or not), and an
  // async classic script has no import.meta: capture where we were loaded from right now.
  const SCRIPT_SRC = document.currentScript ? document.currentScript.src : "";
  const DEFAULT_API = SCRIPT_SRC ? new URL(".", SCRIPT_SRC).href : document.baseURI;

  const DEFAULT_LIMIT = 3;
  const MAX_LIMIT = 20;
  const FETCH_LIMIT = 50; // quotes asked for, of which those of the right types and length show
  const MAX_SOURCES = 3; // articles listed under one quote reported by several
  const TYPES = ["direct", "mixed", "indirect"];
  const DEFAULT_TYPES = ["direct", "mixed"]; // reported speech reads oddly without its article
  const DEFAULT_MIN_LENGTH = 30;

  const STYLE = `
    :host {
      /* light defaults; dark ones below; the --quote-widget-* properties override either */
      --_d-accent: #b3261e; --_d-bg: #ffffff; --_d-fg: #1d1f23; --_d-muted: #585e69;
      --_d-border: #d9dce1; --_d-skeleton: #eceef1;
      display: block;
      max-width: var(--quote-widget-max-width, 48rem);
      font: var(--quote-widget-font, inherit);
      color: var(--_fg);
      --_fg: var(--quote-widget-fg, var(--_d-fg));
      --_accent: var(--quote-widget-accent, var(--_d-accent));
      --_muted: var(--quote-widget-muted, var(--_d-muted));
      --_border: var(--quote-widget-border, var(--_d-border));
      --_radius: var(--quote-widget-radius, 0.75rem);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_d-accent: #f2b8b5; --_d-bg: #1f2229; --_d-fg: #e8eaed; --_d-muted: #a3a9b5;
        --_d-border: #3a3f4b; --_d-skeleton: #2c3039;
      }
    }
    :host([hidden]) { display: none; }
    .widget {
      background: var(--quote-widget-bg, var(--_d-bg));
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: clamp(0.75rem, 3vw, 1.25rem);
    }
    .heading { margin: 0 0 0.75rem; font-size: 0.8em; letter-spacing: 0.06em; color: var(--_muted); }
    .speaker { font-weight: 700; text-transform: uppercase; color: var(--_fg); }
    .heading .label::after { content: " \\00b7\\0020"; }
    .quotes {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 1rem;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
    }
    .quotes:empty { display: none; }
    figure { margin: 0; height: 100%; display: flex; flex-direction: column; gap: 0.6rem; }
    blockquote {
      margin: 0;
      padding-left: 0.9rem;
      border-left: 4px solid var(--_accent);
      font-size: 1.05em;
      line-height: 1.45;
      overflow-wrap: anywhere;
    }
    blockquote p { margin: 0; }
    .direct blockquote p::before { content: "\\201C"; }
    .direct blockquote p::after { content: "\\201D"; }
    blockquote p.continues::before { content: "\\2026\\00a0"; }
    .direct blockquote p.continues::before { content: "\\201C\\2026\\00a0"; }
    .kind { display: block; font-size: 0.75em; color: var(--_muted); margin-top: 0.25rem; }
    figcaption { margin-top: auto; font-size: 0.9em; line-height: 1.4; color: var(--_muted); }
    .role { display: block; font-weight: 600; }
    .sources { list-style: none; margin: 0.2rem 0 0; padding: 0; }
    .source > * + *::before { content: " \\00b7\\0020"; color: var(--_muted); }
    cite { font-style: normal; font-weight: 600; }
    a { color: var(--_accent); text-decoration-thickness: 1px; text-underline-offset: 2px; }
    a:hover { text-decoration-thickness: 2px; }
    a:focus-visible {
      outline: 3px solid var(--quote-widget-focus, var(--_accent));
      outline-offset: 2px;
      border-radius: 2px;
    }
    .status { margin: 0; color: var(--_muted); }
    .status:empty { display: none; }
    :host([data-state="empty"]) .status {
      padding: 1rem; border: 1px dashed var(--_border); border-radius: calc(var(--_radius) / 2);
      text-align: center;
    }
    :host([data-state="error"]) .status {
      padding: 0.75rem 1rem; border-left: 4px solid var(--_accent);
      background: color-mix(in srgb, var(--_accent) 10%, transparent);
      color: var(--_fg); font-weight: 600;
    }
    :host([data-state="error"]) .status::before { content: "\\26a0\\fe0e\\0020"; color: var(--_accent); }
    .skeleton { display: none; gap: 0.6rem; }
    :host([data-state="loading"]) .skeleton { display: grid; }
    .skeleton span { height: 0.9rem; border-radius: 0.3rem; background: var(--_d-skeleton); }
    .skeleton span:nth-child(2) { width: 85%; }
    .skeleton span:nth-child(3) { width: 40%; }
    :host([data-state="ready"]) .status {
      position: absolute; width: 1px; height: 1px; overflow: hidden;
      clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
    }
    @media (prefers-reduced-motion: no-preference) {
      :host([data-state="loading"]) .skeleton { animation: pulse 1.2s ease-in-out infinite alternate; }
    }
    @keyframes pulse { from { opacity: 1; } to { opacity: 0.45; } }
  `;

  /** An element with attributes and text; text is always set through textContent. */
  function el(tag, attributes = {}, text = null) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== null && text !== undefined) node.textContent = String(text);
    return node;
  }

  /** The URL only if it is http(s): a javascript: or data: link in the data must not become one. */
  function safeHttpUrl(value) {
    if (typeof value !== "string" || !value) return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }

  /** "news.example/2024/story" for a link's text: the host and path, without the scheme. */
  function shortUrl(href) {
    const url = new URL(href);
    const text = `${url.hostname}${url.pathname === "/" ? "" : url.pathname}`;
    return text.length > 80 ? `${text.slice(0, 79)}\u2026` : text;
  }

  /** The types attribute as a list of known types (unknown words ignored; none: the default). */
  function parseTypes(raw) {
    const chosen = String(raw || "").toLowerCase().split(/[\s,]+/).filter((t) => TYPES.includes(t));
    return chosen.length ? [...new Set(chosen)] : DEFAULT_TYPES;
  }

  function parseMinLength(raw) {
    const length = Number.parseInt(raw, 10);
    return Number.isFinite(length) && length >= 0 ? length : DEFAULT_MIN_LENGTH;
  }

  /** The same words however quoted or spaced: the key that makes two records one entry. */
  function wordsKey(text) {
    return String(text || "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  /** Quotes of the wanted types and length, one per wording (its articles gathered), at most limit. */
  function selectQuotes(items, types, minLength, limit) {
    const byWords = new Map();
    for (const quote of items) {
      if (!quote || typeof quote.text !== "string" || !types.includes(quote.type)) continue;
      if (quote.text.trim().length < minLength) continue;
      const key = wordsKey(quote.text);
      const appearances = Array.isArray(quote.appearances) ? quote.appearances : [];
      const known = byWords.get(key);
      if (known) {
        const seen = new Set(known.appearances.map((a) => a.article_id));
        known.appearances.push(...appearances.filter((a) => !seen.has(a.article_id)));
        continue;
      }
      if (byWords.size === limit) continue; // full: later records may still add articles
      byWords.set(key, { ...quote, appearances: [...appearances] });
    }
    return [...byWords.values()];
  }

  function clampLimit(raw) {
    const limit = Number.parseInt(raw, 10);
    if (!Number.isFinite(limit) || limit < 1) return DEFAULT_LIMIT;
    return Math.min(limit, MAX_LIMIT);
  }

  /** "2022-03-03" as a date in the page's language; dates are calendar days, so format in UTC. */
  function formatDate(isoDate, lang) {
    const date = new Date(`${isoDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return isoDate;
    try {
      return new Intl.DateTimeFormat(lang || undefined, { dateStyle: "medium", timeZone: "UTC" }).format(date);
    } catch {
      return isoDate;
    }
  }

  /** A short, human message for a failed response (problem+json when the API sent one). */
  async function problemMessage(response) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      /* not JSON: fall back to the status */
    }
    const detail = problem && (problem.detail || problem.title);
    return typeof detail === "string" && detail ? detail : `The quote service answered ${response.status}.`;
  }

  class QuoteWidget extends HTMLElement {
    static get observedAttributes() {
      return ["speaker", "limit", "types", "min-length", "api", "lang"];
    }

    constructor() {
      super();
      const root = this.attachShadow({ mode: "open" });
      root.append(el("style", {}, STYLE));
      this._section = el("section", { class: "widget", part: "container" });
      this._title = el("span", { class: "speaker", part: "speaker" });
      const heading = el("p", { class: "heading" });
      heading.append(el("span", { class: "label" }, "Quotes"), this._title);
      this._status = el("p", { class: "status", part: "status", role: "status", "aria-live": "polite" });
      const skeleton = el("div", { class: "skeleton", "aria-hidden": "true" });
      skeleton.append(el("span"), el("span"), el("span"));
      this._list = el("ol", { class: "quotes", part: "quotes" });
      this._section.append(heading, this._status, skeleton, this._list);
      root.append(this._section);
      this._requested = null; // the URL of the one request made for the current attributes
      this._base = null; // the API's base URL, for links to stored articles
      this._controller = null;
      this._scheduled = false;
    }

    connectedCallback() {
      this._schedule();
    }

    disconnectedCallback() {
      if (this._controller) {
        this._controller.abort(); // a reconnect will request again
        this._controller = null;
        this._requested = null;
      }
    }

    attributeChangedCallback() {
      if (this.isConnected) this._schedule();
    }

    /** Attributes set together (as at upgrade) coalesce into one update, so into one request. */
    _schedule() {
      if (this._scheduled) return;
      this._scheduled = true;
      queueMicrotask(() => {
        this._scheduled = false;
        if (this.isConnected) this._update();
      });
    }

    get _lang() {
      const owner = this.closest("[lang]");
      return this.getAttribute("lang") || (owner && owner.lang) || navigator.language;
    }

    _requestUrl(speaker) {
      const base = new URL(this.getAttribute("api") || DEFAULT_API, document.baseURI);
      if (!base.pathname.endsWith("/")) base.pathname += "/";
      this._base = base.href;
      const url = new URL(`speakers/${encodeURIComponent(speaker)}/quotes`, base);
      url.searchParams.set("limit", String(FETCH_LIMIT));
      const types = parseTypes(this.getAttribute("types"));
      if (types.length === 1) url.searchParams.set("type", types[0]); // the API filters one type
      return url.href;
    }

    _update() {
      const speaker = (this.getAttribute("speaker") || "").trim();
      if (!speaker) {
        this._requested = null;
        this._show("error", "No speaker given: set the speaker attribute, e.g. speaker=\"ben-wallace\".");
        return;
      }
      let url;
      try {
        url = this._requestUrl(speaker);
      } catch {
        this._show("error", "The api attribute is not a valid URL.");
        return;
      }
      const shown = ["limit", "types", "min-length"].map((name) => this.getAttribute(name));
      const key = JSON.stringify([url, ...shown]);
      if (key === this._requested) return; // already requested for these attributes
      this._requested = key;
      this._load(url, speaker);
    }

    async _load(url, speaker) {
      if (this._controller) this._controller.abort();
      const controller = new AbortController();
      this._controller = controller;
      this._title.textContent = speaker;
      this._section.setAttribute("aria-label", `Latest quotes by ${speaker}`);
      this._show("loading", "Loading quotes\u2026");
      try {
        const response = await fetch(url, {
          headers: { Accept: "application/json" }, // a CORS-safelisted header: no preflight
          credentials: "omit",
          signal: controller.signal,
        });
        if (!response.ok) {
          this._show("error", `Could not load quotes: ${await problemMessage(response)}`);
          return;
        }
        const page = await response.json();
        if (controller.signal.aborted) return;
        this._render(page, speaker);
      } catch (error) {
        if (controller.signal.aborted) return;
        this._show("error", "Could not reach the quote service. Please try again later.");
      } finally {
        if (this._controller === controller) this._controller = null;
      }
    }

    _show(state, message) {
      this.setAttribute("data-state", state);
      this._section.setAttribute("aria-busy", String(state === "loading"));
      this._status.textContent = message;
      if (state !== "ready") this._list.replaceChildren();
    }

    _render(page, requested) {
      const items = Array.isArray(page && page.items) ? page.items : [];
      const first = items.find((quote) => quote.speaker && quote.speaker.name);
      const name = first ? first.speaker.name : requested;
      this._title.textContent = name;
      this._section.setAttribute("aria-label", `Latest quotes by ${name}`);
      const quotes = selectQuotes(
        items,
        parseTypes(this.getAttribute("types")),
        parseMinLength(this.getAttribute("min-length")),
        clampLimit(this.getAttribute("limit")),
      );
      if (quotes.length === 0) {
        this._show("empty", `No quotes by ${name} to show yet.`);
        return;
      }
      const lang = this._lang;
      this._list.replaceChildren(...quotes.map((quote) => this._quoteItem(quote, lang)));
      const count = quotes.length === 1 ? "1 quote" : `${quotes.length} quotes`;
      this._show("ready", `Showing ${count} by ${name}.`);
    }

    _quoteItem(quote, lang) {
      const item = el("li", { class: `quote ${quote.type || ""}`.trim(), part: "quote" });
      const figure = el("figure");
      const blockquote = el("blockquote", { part: "text" });
      const appearances = Array.isArray(quote.appearances) ? quote.appearances : [];
      const link = appearances.map((a) => safeHttpUrl(a.url)).find(Boolean);
      if (link) blockquote.setAttribute("cite", link);
      // words picked up mid-sentence ("he had promised ...") open with an ellipsis
      const midSentence = /^\p{Ll}/u.test(quote.text.trim());
      blockquote.append(el("p", midSentence ? { class: "continues" } : {}, quote.text));
      if (quote.type === "indirect") blockquote.append(el("span", { class: "kind" }, "Reported speech"));
      figure.append(blockquote, this._caption(quote, appearances.slice(0, MAX_SOURCES), lang));
      item.append(figure);
      return item;
    }

    /** The role the articles give (the name is the widget's heading) and the articles. */
    _caption(quote, appearances, lang) {
      const caption = el("figcaption");
      if (quote.role) caption.append(el("span", { class: "role", part: "role" }, quote.role));
      const sources = el("ul", { class: "sources", "aria-label": "Reported in" });
      // articles with no title, address or site read as "Article 1", "Article 2": not as one name twice
      const bare = appearances.filter((a) => !a.title && !safeHttpUrl(a.url) && !a.source);
      for (const appearance of appearances) {
        const fallback = bare.length > 1 ? `Article ${bare.indexOf(appearance) + 1}` : "The article's text";
        sources.append(this._source(appearance, lang, fallback));
      }
      caption.append(sources);
      return caption;
    }

    /** The article, linked by its title with its site's name beside it, and its date. The link
     * goes where the article was published, or (when the index has no URL for it, or only an
     * unsafe one) to its copy in the API, text and offsets. Without a title the link reads as the
     * URL; without either, as the site's name; without any, as ``fallback``. */
    _source(appearance, lang, fallback) {
      const line = el("li", { class: "source", part: "source" });
      const published = safeHttpUrl(appearance.url);
      const stored = appearance.article_id && this._base
        ? new URL(`articles/${encodeURIComponent(appearance.article_id)}`, this._base).href
        : null;
      const url = published || stored;
      const site = appearance.source || (published ? new URL(published).hostname : null);
      const label = appearance.title || (published ? shortUrl(published) : null) || site || fallback;
      const cite = el("cite", { part: "title" });
      if (url) {
        const where = published ? "opens in a new tab" : "the article as stored by quoteapi, opens in a new tab";
        const describe = site && site !== label ? `${label}, ${site}` : label;
        cite.append(el("a", { href: url, target: "_blank", rel: "noopener noreferrer", "aria-label": `${describe}, ${where}` }, label));
      } else {
        cite.textContent = label;
      }
      line.append(cite);
      if (site && site !== label) line.append(el("span", { class: "site", part: "site" }, site));
      if (appearance.published) {
        line.append(el("time", { datetime: appearance.published }, formatDate(appearance.published, lang)));
      }
      return line;
    }
  }

  customElements.define(TAG, QuoteWidget);
})();
