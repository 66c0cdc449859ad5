"""Plain-Python pieces of press and social-media monitoring (no Django imports).

fetch    — the one HTTP wrapper: SSRF checks on every hop, size limits, conditional GET, robots, politeness.
decode   — bytes → text for Vietnamese pages (Windows-1258, broken charset declarations).
extract  — feeds, sitemaps, section pages, article pages, social-page exports (author fields dropped).
query    — tone-insensitive boolean queries (phrases, AND/OR/NOT, NEAR) evaluated in Python or compiled
           to SQLite FTS5 / PostgreSQL tsquery.
dedup    — canonical URLs, folded shingles, MinHash signatures and LSH band keys.
tone     — lexicon + embedding classifier for positive / neutral / negative.
areas    — administrative-area mentions in text.
spikes   — today against a trailing baseline, in standard deviations.
"""
