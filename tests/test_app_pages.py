"""The page, the configuration and the API description are built once per address (`app.CachedPage`, `app.CachedPages`)."""

from __future__ import annotations

import asyncio
import json
import urllib.request

from app import CachedPage, CachedPages


class CountingRoute:
    """A stand-in for a Gradio route: its answer names the Host header and the `page` parameter it was asked with."""

    def __init__(self, status: int = 200):
        self.status = status
        self.calls = 0

    async def handle(self, scope, receive, send) -> None:
        self.calls += 1
        host = dict(scope["headers"]).get(b"host", b"").decode()
        body = f"<html><head></head>{host} {scope['query_string'].decode()} {self.calls}</html>".encode()
        await send({"type": "http.response.start", "status": self.status, "headers": [(b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body[:10], "more_body": True})
        await send({"type": "http.response.body", "body": body[10:]})


def ask(page, host: str = "a:1", query: str = "", method: str = "GET", path: str = "/", root: str = "") -> tuple[dict, bytes]:
    scope = {"type": "http", "method": method, "path": path, "root_path": root, "scheme": "http", "query_string": query.encode()}
    scope["headers"] = [(b"host", host.encode()), (b"accept-language", b"es")]
    sent: list[dict] = []

    async def send(message) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    asyncio.run(page(scope, receive, send))
    return sent[0], b"".join(m.get("body", b"") for m in sent[1:])


def test_a_request_asked_again_is_answered_from_the_cache_with_the_same_bytes():
    route = CountingRoute()
    page = CachedPage(route.handle, ("page",), script="<script>first</script>")
    start, body = ask(page, query="lang=es")
    again_start, again = ask(page, query="lang=en&tab=gans")  # parameters the route does not read share the answer
    assert route.calls == 1 and again == body == b"<html><head><script>first</script></head>a:1 lang=es 1</html>"
    assert start["status"] == again_start["status"] == 200
    assert dict(again_start["headers"])[b"content-length"] == str(len(body)).encode()


def test_each_address_and_page_gets_its_own_answer_and_a_deep_link_is_built_each_time():
    route = CountingRoute()
    page = CachedPage(route.handle, ("page",))
    assert ask(page, host="a:1")[1].endswith(b"a:1  1</html>")
    assert ask(page, host="b:2")[1].endswith(b"b:2  2</html>")
    assert ask(page, host="a:1", query="page=x")[1].endswith(b"a:1 page=x 3</html>")
    assert ask(page, host="a:1", query="deep_link=abc")[1].endswith(b"4</html>")
    assert ask(page, host="a:1", query="deep_link=abc")[1].endswith(b"5</html>")
    assert ask(page, host="b:2")[1].endswith(b"b:2  2</html>") and route.calls == 5


def test_the_cache_keeps_the_last_answers_only_and_never_a_failure():
    route = CountingRoute()
    page = CachedPage(route.handle, ("page",), size=2)
    for host in ("a:1", "b:2", "c:3"):
        ask(page, host=host)
    ask(page, host="a:1")  # dropped as the oldest: built again
    assert route.calls == 4
    failing = CountingRoute(status=500)
    page = CachedPage(failing.handle, ("page",))
    ask(page)
    start, _ = ask(page)
    assert failing.calls == 2 and start["status"] == 500


def test_head_answers_the_get_headers_without_a_body():
    route = CountingRoute()
    page = CachedPage(route.handle, ("page",))
    _, body = ask(page)
    start, empty = ask(page, method="HEAD")
    assert empty == b"" and route.calls == 1
    assert dict(start["headers"])[b"content-length"] == str(len(body)).encode()


def test_the_middleware_answers_the_page_routes_from_caches_and_passes_the_rest():
    route = CountingRoute()
    pages = CachedPages(route.handle, script="<script>first</script>")
    page = ask(pages)[1]
    assert ask(pages, method="HEAD")[1] == b"" and ask(pages)[1] == page and route.calls == 1  # launch's HEAD warms it
    assert page.startswith(b"<html><head><script>first</script></head>")
    config = ask(pages, path="/proxy/config", root="/proxy")[1]  # behind a proxy's prefix
    assert ask(pages, path="/proxy/config", root="/proxy")[1] == config and route.calls == 2 and b"first" not in config
    ask(pages, path="/gradio_api/info", query="all_endpoints=true")
    ask(pages, path="/gradio_api/info", query="all_endpoints=false")  # a parameter Gradio reads there: its own answer
    assert route.calls == 4
    for _ in range(2):
        ask(pages, path="/gradio_api/queue/join", method="POST")
        ask(pages, path="/favicon.ico")
    assert route.calls == 8


def test_the_served_configuration_names_the_address_it_was_asked_at(app_url):
    """Two addresses of the same server get configurations whose root is their own, each stable when asked again."""
    port = app_url.rstrip("/").rsplit(":", 1)[1]
    roots = []
    for host in ("127.0.0.1", "localhost", "127.0.0.1"):
        request = urllib.request.Request(f"http://127.0.0.1:{port}/config", headers={"Host": f"{host}:{port}"})
        with urllib.request.urlopen(request) as response:
            roots.append(json.loads(response.read())["root"])
    assert roots == [f"http://127.0.0.1:{port}", f"http://localhost:{port}", f"http://127.0.0.1:{port}"]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/gradio_api/info") as response:
        assert "gan_reset" in "".join(json.loads(response.read())["named_endpoints"])
