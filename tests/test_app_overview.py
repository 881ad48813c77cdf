"""The Overview tab through the app's public HTTP API (gradio_client), bad input included."""

import base64
import json
import re

import httpx
import numpy as np
import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError

from demos.texts import TABLES, t
from tests.texts import read
from tests.texts import value as parsed

DEFAULT = {"dataset": "moons", "csv": None, "num_points": 400, "components": 8, "em_iterations": 40, "classifier_steps": 150, "seed": 0}
ORDER = list(DEFAULT)


def fit(client, **changes):
    values = DEFAULT | changes
    return client.predict(*[values[k] for k in ORDER], api_name="/overview_fit")


def figure(payload) -> dict:
    """Returns the plotly figure dict from a gr.Plot payload."""
    plot = payload["plot"] if isinstance(payload, dict) else payload
    return json.loads(plot) if isinstance(plot, str) else plot


def values(trace: dict, axis: str) -> list:
    """Returns a trace's coordinates, decoding plotly's base64 typed arrays."""
    data = trace[axis]
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=np.dtype(data["dtype"])).tolist()
    return list(data)


def traces(fig: dict, kind: str | None = None) -> list[dict]:
    return [tr for tr in fig["data"] if kind is None or tr.get("type") == kind]


@pytest.mark.parametrize(("dataset", "classes"), [("ring", 8), ("grid", 25), ("moons", 2), ("spiral", 2), ("swiss_roll", 3)])
def test_fit_draws_one_trace_per_class_and_a_density(client, dataset, classes):
    clf_plot, density_plot, summary = fit(client, dataset=dataset)
    clf = figure(clf_plot)
    assert len(traces(clf, "scattergl")) == classes
    assert sum(len(values(tr, "x")) for tr in traces(clf, "scattergl")) == DEFAULT["num_points"]
    assert clf["layout"]["images"], "the p(y|x) heat map is drawn under the points"
    density = figure(density_plot)
    assert len(traces(density, "contour")) == 1
    found = read(summary, "ov_summary", "en", k=8, steps=DEFAULT["classifier_steps"], iters=DEFAULT["em_iterations"])
    assert 0 <= parsed(found["acc"]) <= 100 and parsed(found["ll"]) < 10


def test_more_components_draw_more_ellipses_and_fit_better(client):
    lls = []
    for k in (1, 12):
        _, density_plot, summary = fit(client, dataset="ring", components=k, em_iterations=100)
        ellipses = next(tr for tr in traces(figure(density_plot), "scatter") if tr.get("mode") == "lines")
        assert sum(v is None for v in values(ellipses, "x")) == k
        lls.append(parsed(read(summary, "ov_summary", "en", k=k, iters=100)["ll"]))
    assert lls[1] > lls[0] + 1.0


def test_drawing_new_points_returns_them_as_csv(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    fit(client, dataset="grid", num_points=1000, components=25, em_iterations=150)
    density_plot, note, csv_file = client.predict(250, 7, api_name="/overview_sample")
    new = next(tr for tr in traces(figure(density_plot)) if tr.get("marker", {}).get("symbol") == "x")
    assert len(values(new, "x")) == 250
    assert csv_file["visible"] is True  # the download appears once there is something to download
    rows = np.loadtxt(csv_file["value"], delimiter=",", skiprows=1)
    assert rows.shape == (250, 2)
    assert np.allclose(rows[:, 0], values(new, "x"), atol=1e-5)
    assert parsed(read(note, "ov_sampled", "en", count=250)["ll"]) < 0  # points spread over a 10 x 10 square have density < 1
    # with K = 25 the brand-new points land near the grid's 25 modes
    modes = np.array([(x, y) for x in (-4, -2, 0, 2, 4) for y in (-4, -2, 0, 2, 4)])
    nearest = np.linalg.norm(rows[:, None] - modes[None], axis=2).min(axis=1)
    assert (nearest < 0.3).mean() > 0.7


def test_two_people_keep_their_own_fitted_models(app_url):
    from gradio_client import Client

    alice, bob = Client(app_url, verbose=False), Client(app_url, verbose=False)
    fit(alice, dataset="ring", num_points=200)
    fit(bob, dataset="grid", num_points=500)
    for person, n, span in ((alice, 200, 1.5), (bob, 500, 6.0)):
        density_plot, _, _ = person.predict(100, 1, api_name="/overview_sample")
        data = next(tr for tr in traces(figure(density_plot), "scattergl") if tr.get("marker", {}).get("symbol") != "x")
        assert len(values(data, "x")) == n
        assert max(abs(v) for v in values(data, "x")) < span


def test_sampling_before_fitting_says_what_to_do(app_url):
    from gradio_client import Client

    with pytest.raises(AppError, match=re.escape(t("err_fit_first", "en"))):
        Client(app_url, verbose=False).predict(10, 0, api_name="/overview_sample")


def test_uploaded_csv_points(client, tmp_path):
    rng = np.random.default_rng(0)
    rows = np.concatenate([rng.normal(c, 0.2, size=(60, 2)) for c in ((0, 0), (3, 0), (0, 3))])
    labels = np.repeat([0, 1, 2], 60)
    path = tmp_path / "points.csv"
    path.write_text("x,y,label\n" + "\n".join(f"{x},{y},{c}" for (x, y), c in zip(rows, labels, strict=True)))
    clf_plot, _density_plot, _ = fit(client, dataset="csv", csv=handle_file(str(path)), components=3)
    assert len(traces(figure(clf_plot), "scattergl")) == 3
    assert sum(len(values(tr, "x")) for tr in traces(figure(clf_plot), "scattergl")) == 180


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("x,y\n1,2\n", t("common_csv_too_few", "en", minimum=3)),
        ("1,2\n3,hello\n5,6\n", t("common_csv_not_number", "en", row=2)),
        ("1,2\nnan,2\n5,6\n", t("common_csv_not_finite", "en", row=2)),
        ("1,2\n" * 20_001, t("common_csv_too_many", "en", limit=20000)),
    ],
)
def test_bad_csv_gets_a_clear_message(client, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(AppError, match=re.escape(message)):
        fit(client, dataset="csv", csv=handle_file(str(path)))


def test_csv_dataset_without_a_file_waits_for_one(client, spanish_client):
    """Choosing "My points" before uploading is no error: the plots are emptied and the summary asks for the file."""
    clf_plot, density_plot, summary = fit(client, dataset="csv")
    assert clf_plot is None and density_plot is None
    assert summary == t("ov_csv_wait", "en", box=t("common_ds_csv", "en"))
    assert fit(spanish_client, dataset="csv")[2] == t("ov_csv_wait", "es", box=t("common_ds_csv", "es"))


def knob_error(key: str, name_key: str, lang="en", **fields) -> str:
    """Returns the error `key` about the input labelled `name_key`, as the server writes it in `lang`."""
    return t(key, lang, name=t(name_key, lang), **fields)


def dataset_choices() -> str:
    from demos.overview import DATASETS

    return ", ".join(DATASETS)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("num_points", -5, knob_error("common_err_range", "num_points", lo=50, hi=5000)),
        ("num_points", 10**12, knob_error("common_err_range", "num_points", lo=50, hi=5000)),
        ("num_points", 120.5, knob_error("common_err_not_integer", "num_points")),
        ("num_points", "many", knob_error("common_err_not_number", "num_points")),
        ("components", 0, knob_error("common_err_range", "components", lo=1, hi=30)),
        ("components", [3], knob_error("common_err_not_number", "components")),
        ("em_iterations", 10**9, knob_error("common_err_range", "em_iterations", lo=1, hi=500)),
        ("classifier_steps", True, knob_error("common_err_not_number", "classifier_steps")),
        ("seed", -1, knob_error("common_err_range", "common_seed", lo=0, hi=2**31 - 1)),
        ("dataset", "donut", knob_error("common_err_choice", "common_dataset", choices=dataset_choices())),
        ("dataset", 3, knob_error("common_err_choice", "common_dataset", choices=dataset_choices())),
    ],
)
def test_bad_values_get_a_clear_message(client, field, value, message):
    with pytest.raises(AppError, match=re.escape(message)):
        fit(client, **{field: value})


def test_errors_speak_spanish_to_a_spanish_browser(spanish_client):
    with pytest.raises(AppError, match=re.escape(knob_error("common_err_range", "components", "es", lo=1, hi=30))):
        fit(spanish_client, components=99)


def raw_call(app_url: str, api_name: str, body: str) -> str:
    """Posts a raw JSON body (which may hold NaN or Infinity) and returns the event stream text."""
    base = app_url.rstrip("/") + "/gradio_api/call/" + api_name
    event = httpx.post(base, content=body, headers={"Content-Type": "application/json"}, timeout=30).json()["event_id"]
    return httpx.get(f"{base}/{event}", timeout=60).text


def stream_error(stream: str) -> str:
    """Returns the message of the error event in a raw call's event stream (failing the test if there is none)."""
    found = re.search(r"^event: error\ndata: (.*)$", stream, re.MULTILINE)
    assert found, stream
    return json.loads(found.group(1))["error"]


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_nan_and_infinity_over_raw_http(app_url, literal):
    stream = raw_call(app_url, "overview_fit", f'{{"data": ["moons", null, {literal}, 8, 40, 100, 0]}}')
    assert stream_error(stream) == knob_error("common_err_not_finite", "num_points")


def test_server_stays_healthy_after_bad_input(client, app_url):
    assert "event: error" in raw_call(app_url, "overview_fit", '{"data": ["moons", null, 400, Infinity, 40, 100, 0]}')
    for value in (-1, "x", None):
        with pytest.raises(AppError):
            fit(client, components=value)
    clf_plot, _, _ = fit(client, dataset="spiral")
    assert len(traces(figure(clf_plot), "scattergl")) == 2


def test_trilemma_figure_places_the_three_families(client, spanish_client):
    fig = figure(client.predict(api_name="/overview_trilemma"))
    labels = [text for tr in fig["data"] for text in (tr.get("text") or [])]
    families = ("tri_gan", "tri_diffusion", "tri_vae")
    assert {t(key, "en") for key in families} <= set(labels)
    fig_es = figure(spanish_client.predict(api_name="/overview_trilemma"))
    labels_es = [text for tr in fig_es["data"] for text in (tr.get("text") or [])]
    assert {TABLES["es"][key] for key in families} <= set(labels_es) and TABLES["es"]["tri_diffusion"] != TABLES["en"]["tri_diffusion"]
