"""`summarise serve`: the engine and the merger over HTTP.

    server  the logic: request handling, the engine, the store, starting uvicorn
    routes  the FastAPI routes (the HTTP layer only)

FastAPI and uvicorn (the `serve` extra) are imported only by these modules.
"""
