"""Articles from the web, in the order the data flows: ``fetch`` (httpx within bounds, guarded
by ``addresses`` and ``transport``, polite by ``robots``), then ``page`` (an HTML page to an
article, by trafilatura) or ``feeds`` (a feed to its entries' links), ``sources`` (what
`quoteapi ingest` is given, as articles) and ``watch`` (feeds polled for new entries)."""
