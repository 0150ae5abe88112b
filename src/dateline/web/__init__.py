"""The offline web UI: static files served by the API at /."""
