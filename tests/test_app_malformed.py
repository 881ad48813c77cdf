"""Every named endpoint through the raw HTTP API with malformed values: each answers with a result or a message.

The endpoints are read from `/gradio_api/info`, so a new tab is covered without touching this file. Each gets
one round of bad payloads: every value None, NaN or of the wrong type, no values at all, and, where it takes a
file or an image, a corrupt file, an unfetchable URL and images over the pixel limit. A call may succeed (None
is a fine value for an optional upload) or fail, but a failure must carry a message: Gradio answers
`event: error` with `data: null` when something other than `gr.Error` escapes, and the person learns nothing.
"""

from __future__ import annotations

import io
import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from PIL import Image

from demos.texts import t
from tests.texts import read

LIMIT_S = 60  # one call: a streaming endpoint is cancelled at its first update, so only a hang reaches this
WORKERS = 8
FILE_COMPONENTS = ("File", "Image", "Imageeditor", "Sketchpad")


@dataclass
class Answer:
    api_name: str
    case: str
    events: list[tuple[str, Any]] = field(default_factory=list)  # (event, data) in order, heartbeats left out
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def bare_errors(self) -> list[Any]:
        return [data for event, data in self.events if event == "error" and not message_of(data)]

    @property
    def messages(self) -> list[str]:
        return [message_of(data) for event, data in self.events if event == "error"]


def message_of(data: Any) -> str:
    """Returns the message an error event's data carries ("" for none)."""
    if isinstance(data, dict):
        return str(data.get("error") or "").strip()
    return str(data or "").strip()


def png(width: int, height: int) -> bytes:
    """Returns a black greyscale PNG: a few kilobytes however many pixels it holds."""
    buffer = io.BytesIO()
    Image.new("L", (width, height)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def upload(http: httpx.Client, base: str, name: str, content: bytes) -> dict:
    """Uploads a file as the browser would and returns its FileData."""
    response = http.post(f"{base}/gradio_api/upload", files={"files": (name, content)}, timeout=30)
    response.raise_for_status()
    return {"path": response.json()[0], "orig_name": name, "meta": {"_type": "gradio.FileData"}}


def bad_files(http: httpx.Client, base: str) -> dict[str, dict]:
    """Returns the bad files by case: uploaded ones and a URL nothing answers (loopback, refused at once)."""
    return {
        "corrupt_file": upload(http, base, "corrupt.png", b"\x89PNG\r\n\x1a\n" + b"not an image " * 64),
        "text_as_image": upload(http, base, "notes.png", b"x,y\n1,2\n"),
        "bomb_image": upload(http, base, "bomb.png", png(8000, 6000)),  # 48 Mpx: past PIL's decompression-bomb error
        "oversized_image": upload(http, base, "big.png", png(5000, 4000)),  # 20 Mpx: past the app's limit, under PIL's default error
        "unfetchable_url": {"path": "http://127.0.0.1:9/x.png", "url": "http://127.0.0.1:9/x.png", "meta": {"_type": "gradio.FileData"}},
    }


def wrong_type(param: dict) -> Any:
    """Returns a value of the wrong type for `param`."""
    python_type = param["python_type"]["type"]
    if param["component"] in FILE_COMPONENTS:
        return 12345
    if python_type in ("float", "int"):
        return "twelve"
    if python_type == "bool":
        return "yes"
    if python_type.startswith("list"):
        return "real"
    return {"not": ["a", "string"]}


def file_value(param: dict, file: dict) -> Any:
    if param["component"] in ("Imageeditor", "Sketchpad"):
        return {"background": file, "layers": [file], "composite": file, "id": None}
    return file


def with_file(params: list[dict], file: dict) -> list:
    """Returns the defaults with the image parameters set to `file` (the file parameters where there is no image), and
    the choices that make the handler read it."""
    values = []
    kinds = {p["component"] for p in params}
    targets = {"Image", "Imageeditor", "Sketchpad"} & kinds or {"File"}
    for p in params:
        if p["component"] in targets:
            values.append(file_value(p, file))
            continue
        value = p["parameter_default"]
        python_type = p["python_type"]["type"]
        if "'upload'" in python_type:
            value = "upload"
        elif "'drawn'" in python_type and "Imageeditor" in kinds:
            value = "drawn"
        elif "'csv'" in python_type and "File" in kinds and "Imageeditor" not in kinds:
            value = "csv"
        values.append(value)
    return values


def cases(params: list[dict], files: dict[str, dict]) -> list[tuple[str, str]]:
    """Returns (case, JSON body) pairs: the body is JSON with NaN allowed, as a careless client sends it."""
    if not params:
        return [("no_values", json.dumps({"data": []})), ("stray_values", '{"data": [NaN, null, "x"]}')]
    found = [
        ("all_none", json.dumps({"data": [None] * len(params)})),
        ("all_nan", json.dumps({"data": [float("nan")] * len(params)})),
        ("wrong_types", json.dumps({"data": [wrong_type(p) for p in params]})),
        ("no_values", json.dumps({"data": []})),
    ]
    if any(p["component"] in FILE_COMPONENTS for p in params):
        found += [(case, json.dumps({"data": with_file(params, file)})) for case, file in files.items()]
    return found


def call(http: httpx.Client, base: str, api_name: str, fn_index: int, case: str, body: str, headers: dict, session: str) -> Answer:
    """Posts `body` to the endpoint in `session` and reads its event stream to the end, cancelling a stream at its first update."""
    answer = Answer(api_name, case)
    started = time.monotonic()
    body = body[:-1] + f', "session_hash": "{session}"}}'
    url = f"{base}/gradio_api/call/{api_name}"
    posted = http.post(url, content=body, headers={"Content-Type": "application/json", **headers}, timeout=30)
    if posted.status_code != 200:  # refused before the queue: FastAPI's own message
        answer.events.append(("http_" + str(posted.status_code), posted.json()))
        return answer
    event_id = posted.json()["event_id"]
    deadline = time.monotonic() + LIMIT_S
    with http.stream("GET", f"{url}/{event_id}", headers=headers, timeout=LIMIT_S) as stream:
        event = None
        for line in stream.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event != "heartbeat":
                answer.events.append((event, json.loads(line[6:])))
                if event == "generating" and not answer.cancelled:
                    cancel = {"session_hash": session, "fn_index": fn_index, "event_id": event_id}
                    http.post(f"{base}/gradio_api/cancel", json=cancel, timeout=30)
                    answer.cancelled = True
                if event in ("complete", "error"):
                    break
            if time.monotonic() > deadline:
                answer.events.append(("hang", None))
                break
    answer.seconds = time.monotonic() - started
    return answer


def endpoints(http: httpx.Client, base: str) -> dict[str, tuple[int, list[dict]]]:
    """Returns {api name: (fn index, parameters)} of every named endpoint."""
    info = http.get(f"{base}/gradio_api/info", timeout=30).json()["named_endpoints"]
    config = http.get(f"{base}/config", timeout=30).json()
    index = {d["api_name"]: d["id"] for d in config["dependencies"] if d.get("api_name")}
    return {name.lstrip("/"): (index[name.lstrip("/")], ep["parameters"]) for name, ep in info.items()}


def malformed_round(base: str, headers: dict | None = None) -> list[Answer]:
    """Calls every named endpoint with every bad payload, `WORKERS` endpoints at a time; returns the answers.

    Each endpoint has one caller (one session) trying its payloads in turn: the raw API streams a session's
    messages to whichever of its requests reads first, so one session's calls must not overlap."""
    with httpx.Client(limits=httpx.Limits(max_connections=4 * WORKERS)) as http:  # one client: a new one builds an SSL context
        files = bad_files(http, base)

        def caller(name: str, fn: int, params: list[dict]) -> list[Answer]:
            session = uuid.uuid4().hex
            return [call(http, base, name, fn, case, body, headers or {}, session) for case, body in cases(params, files)]

        # the endpoints with most parameters first: they take longest, and the short ones fill in behind them
        found = sorted(endpoints(http, base).items(), key=lambda item: -len(item[1][1]))
        with ThreadPoolExecutor(WORKERS) as pool:
            return [a for answers in pool.map(lambda item: caller(item[0], *item[1]), found) for a in answers]


@pytest.fixture(scope="module")
def spanish_round(app_url):
    started = time.monotonic()
    answers = malformed_round(app_url.rstrip("/"), {"Accept-Language": "es-AR,es;q=0.9"})
    return answers, time.monotonic() - started


def test_every_bad_call_ends_with_a_result_or_a_message(spanish_round):
    answers, seconds = spanish_round
    assert len({a.api_name for a in answers}) >= 60 and len(answers) >= 300, len(answers)
    bare = [f"/{a.api_name} {a.case}" for a in answers if a.bare_errors]
    hung = [f"/{a.api_name} {a.case}" for a in answers if ("hang", None) in a.events or not a.events]
    assert not bare, f"{len(bare)} error events without a message:\n" + "\n".join(bare)
    assert not hung, "no answer:\n" + "\n".join(hung)
    assert seconds < 90, seconds


def test_files_that_do_not_read_are_refused_in_spanish(spanish_round):
    answers, _ = spanish_round
    drawing = t("common_err_bad_image", "es", name=t("common_draw", "es"), megapixels=16)
    unreadable = t("common_err_image_unreadable", "es")  # the upload boxes' own check: the handler reads them
    expected = {
        "gan_reset": {drawing},
        "gan_reset_csv": {drawing},
        "gan_reset_drawn": {drawing},
        "gan_experiment_reset": {drawing},
        "diffusion_toy_train": {drawing},
        "diffusion_forward": {unreadable, t("common_err_bad_image", "es", name=t("common_upload", "es"), megapixels=16)},
    }
    for api_name, messages in expected.items():
        by_case = {a.case: a for a in answers if a.api_name == api_name}
        for case in ("corrupt_file", "text_as_image", "bomb_image", "oversized_image", "unfetchable_url"):
            assert len(by_case[case].messages) == 1 and by_case[case].messages[0] in messages, (api_name, case, by_case[case].events)
    csv = {a.case: a for a in answers if a.api_name == "overview_fit"}
    bad_csv = t("common_err_bad_file", "es", name=t("common_csv_file", "es"), types=".csv, .txt")
    assert csv["unfetchable_url"].messages == [bad_csv] and csv["wrong_types"].messages == [bad_csv]
    missing = {a.case: a for a in answers if a.api_name == "gan_reset"}["no_values"]
    assert missing.messages == [t("common_err_missing_values", "es", expected=22, got=0)]


def test_server_answers_normally_after_the_round(spanish_round, client):
    plane, _, _, _, status = client.predict(dataset="ring", csv_file=None, sketch=None, seed=3, api_name="/gan_reset")
    assert Image.open(plane).size[0] > 100
    assert read(status.split("\n")[0], "gan_status_idle", "en")["it"] == "0"
