-- 0008: the site's name as an HTML page's metadata gives it (og:site_name, application-name;
-- clean/html_meta.py), which names a source's outlet on an incident (incidents/sources.py).
-- NULL for flat text pages, for HTML pages whose metadata names no site, and for pages stored
-- before this migration (an ingest skips pages stored by the same cleaner version, so those
-- keep NULL until a newer cleaner stores them again; their outlet is the URL's host meanwhile).
-- Portable SQL: runs on SQLite and PostgreSQL.

ALTER TABLE pages ADD COLUMN site_name TEXT;
