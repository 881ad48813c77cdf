"""The GANs tab through the public HTTP API: reset, play, pause, steps, knobs, views, downloads, bad input."""

import json
import re
import time

import gradio as gr
import numpy as np
import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError
from PIL import Image

from core.checkpoint import load_model
from core.gan.lab2d import MLPGAN
from demos.animation import MAX_FRAMES
from demos.gan_plots import FAKE_COLOR, GRADIENT_COLOR, PLANE_BOX, REAL_COLOR
from demos.plots import hex_to_rgb
from demos.texts import TABLES, percent, t
from tests.texts import pattern, read

ALL_VIEWS = ["real", "fake", "heatmap", "gradients", "manifold"]
ARCH = {
    "dataset": "ring",
    "csv": None,
    "sketch": None,
    "seed": 0,
    "noise_dim": 8,
    "noise": "gaussian",
    "g_width": 64,
    "g_depth": 2,
    "d_width": 64,
    "d_depth": 2,
}
SETTINGS = {
    "loss": "non_saturating",
    "clip": 0.01,
    "gp_weight": 0.1,
    "d_steps": 1,
    "batch_size": 128,
    "g_optimizer": "adam",
    "g_lr": 1e-3,
    "d_optimizer": "adam",
    "d_lr": 1e-3,
    "schedule": "constant",
    "budget": 5000,
}


def args(values: dict, keys) -> list:
    return [values[k] for k in keys]


def reset(client, views=ALL_VIEWS, **changes):
    arch = ARCH | {k: v for k, v in changes.items() if k in ARCH}
    settings = SETTINGS | {k: v for k, v in changes.items() if k in SETTINGS}
    return client.predict(*args(arch, ARCH), *args(settings, SETTINGS), views, api_name="/gan_reset")


def settings_args(views=ALL_VIEWS, **changes):
    return [*args(SETTINGS | changes, SETTINGS), views]


COUNTS = {"it": r"\d+", "d": r"\d+", "g": r"\d+", "budget": r"\d+"}


def status_fields(status: str, lang="en") -> dict[str, str]:
    """Returns the fields of the status line, read with its template (while training or idle)."""
    for key in ("gan_status", "gan_status_idle"):
        found = pattern(key, lang, groups=COUNTS).search(status)
        if found:
            return found.groupdict()
    raise AssertionError(f"not a status line in {lang}: {status}")


def status_numbers(status: str, lang="en") -> dict[str, int]:
    found = status_fields(status, lang)
    return {"iterations": int(found["it"]), "d": int(found["d"]), "g": int(found["g"])}


def mode_total(coverage: str) -> int:
    """Returns how many modes the coverage line counts (after checking the captured ones are at most that many)."""
    found = read(coverage, "common_mode_coverage", "en", groups={"captured": r"\d+", "total": r"\d+"})
    assert 0 <= int(found["captured"]) <= int(found["total"]), coverage
    return int(found["total"])


def plane_marks(plane) -> set[str]:
    """Returns the views visible in the plane picture, told apart by their colours inside the plotting area."""
    path = plane["path"] if isinstance(plane, dict) else plane
    left, top, right, bottom = PLANE_BOX
    pixels = np.asarray(Image.open(path).convert("RGB"))[top:bottom, left:right].reshape(-1, 3).astype(int)

    def count(color: str) -> int:
        return int((np.abs(pixels - np.array(hex_to_rgb(color))).sum(1) < 80).sum())

    marks = {view for view, color in (("real", REAL_COLOR), ("fake", FAKE_COLOR), ("gradients", GRADIENT_COLOR)) if count(color) > 30}
    if (pixels == 255).all(1).mean() < 0.5:  # D's heat map tints the background everywhere
        marks.add("heatmap")
    return marks


@pytest.fixture
def gan_client(app_url):
    client = Client(app_url, verbose=False)
    reset(client)
    return client


@pytest.mark.parametrize("dataset", ["ring", "grid", "moons", "spiral", "swiss_roll"])
def test_reset_draws_every_view(client, dataset):
    plane, caption, _, coverage, status = reset(client, dataset=dataset)
    assert plane_marks(plane) == {"heatmap", "real", "fake", "gradients"}
    assert caption == t("gan_plane_caption_d", "en")
    assert status_numbers(status) == {"iterations": 0, "d": 0, "g": 0}
    if dataset in ("ring", "grid"):
        assert mode_total(coverage) == {"ring": 8, "grid": 25}[dataset]
    else:
        assert coverage == t("gan_coverage_none", "en")


def test_views_can_be_switched_off(gan_client):
    plane, caption, *_ = gan_client.predict(["real", "fake"], api_name="/gan_views")
    assert plane_marks(plane) == {"real", "fake"} and caption == ""
    plane, *_ = gan_client.predict(["heatmap", "gradients"], api_name="/gan_views")
    assert plane_marks(plane) == {"heatmap", "gradients"}


def test_single_steps_move_the_right_counters(gan_client):
    *_, status = gan_client.predict(*settings_args(), api_name="/gan_step_d")
    assert status_numbers(status) == {"iterations": 1, "d": 1, "g": 0}
    *_, status = gan_client.predict(*settings_args(), api_name="/gan_step_g")
    assert status_numbers(status) == {"iterations": 2, "d": 1, "g": 1}
    *_, status = gan_client.predict(*settings_args(d_steps=3), api_name="/gan_step_both")
    assert status_numbers(status) == {"iterations": 3, "d": 4, "g": 2}


def test_play_streams_and_pause_stops(gan_client):
    job = gan_client.submit(*settings_args(), api_name="/gan_play")
    deadline = time.time() + 60
    while len(job.outputs()) < 6 and time.time() < deadline:
        time.sleep(0.1)
    *_, paused = gan_client.predict(ALL_VIEWS, api_name="/gan_pause")
    while not job.done() and time.time() < deadline:
        time.sleep(0.1)
    outputs = job.outputs()
    assert len(outputs) >= 6, "training streams several updates"
    counts = [status_numbers(out[4])["g"] for out in outputs]
    assert counts == sorted(counts) and counts[-1] > counts[0] > 0
    # Pause answers with the step the run stopped at (the stream's last frame may be behind it)...
    assert status_numbers(paused)["g"] >= counts[-1]
    time.sleep(1.0)
    # ...and the run stays there: one G step later it is exactly one further
    *_, status = gan_client.predict(*settings_args(), api_name="/gan_step_g")
    assert status_numbers(status)["g"] == status_numbers(paused)["g"] + 1


def test_play_stops_at_the_budget(gan_client):
    job = gan_client.submit(*settings_args(budget=100), api_name="/gan_play")
    outputs = job.result() and job.outputs()
    assert status_numbers(outputs[-1][4])["g"] == 100 and status_fields(outputs[-1][4])["budget"] == "100"
    assert outputs[-1][4].endswith("\n\n" + t("gan_budget_reached", "en"))
    # the run as it was watched comes back as a GIF of its planes (the earlier tests' among them), ending on the last
    gif = Image.open(gan_client.predict(api_name="/gan_gif")["value"])
    assert gif.format == "GIF" and min(len(outputs), MAX_FRAMES // 2) <= gif.n_frames <= MAX_FRAMES + 1
    gif.seek(gif.n_frames - 1)
    shown = Image.open(outputs[-1][0]).convert("RGB").resize(gif.size, Image.LANCZOS)
    assert np.abs(np.asarray(gif.convert("RGB"), float) - np.asarray(shown, float)).mean() < 4


def test_switching_the_loss_applies_at_once(gan_client):
    _, caption, _, _, _ = gan_client.predict(*settings_args(), api_name="/gan_settings")
    assert caption == t("gan_plane_caption_d", "en")
    plane, caption, _, _, _ = gan_client.predict(*settings_args(loss="wasserstein"), api_name="/gan_settings")
    assert caption == t("gan_plane_caption_critic", "en") and "heatmap" in plane_marks(plane)


def test_ready_made_experiment_sets_the_knobs(client):
    values = client.predict("vanishing", api_name="/gan_experiment")
    assert values[0] == "ring" and values[8] == "minimax" and values[11] == 5  # dataset, loss, d_steps
    assert values[-1] == t("exp_vanishing", "en")


def test_download_gives_a_loadable_checkpoint_and_csv(gan_client):
    gan_client.predict(*settings_args(), api_name="/gan_step_both")
    files = gan_client.predict(api_name="/gan_download")
    paths = [f if isinstance(f, str) else f["path"] for f in (files["value"] if isinstance(files, dict) else files)]
    checkpoint = next(p for p in paths if p.endswith(".safetensors"))
    model = load_model(checkpoint)
    assert isinstance(model, MLPGAN) and model.sample(3).shape == (3, 2)
    rows = np.loadtxt(next(p for p in paths if p.endswith(".csv")), delimiter=",", skiprows=1)
    assert rows.shape == (2000, 2)


def test_two_people_train_their_own_runs_at_once(app_url):
    alice, bob = Client(app_url, verbose=False), Client(app_url, verbose=False)
    reset(alice, dataset="ring")
    reset(bob, dataset="grid")
    jobs = [alice.submit(*settings_args(budget=150), api_name="/gan_play"), bob.submit(*settings_args(budget=300), api_name="/gan_play")]
    results = [job.result() for job in jobs]
    assert status_numbers(results[0][4])["g"] == 150 and status_numbers(results[1][4])["g"] == 300
    assert mode_total(results[0][3]) == 8 and mode_total(results[1][3]) == 25


def knob_error(key: str, name_key: str, lang="en", **fields) -> str:
    """Returns the error `key` about the knob labelled `name_key`, as the server writes it in `lang`."""
    return t(key, lang, name=t(name_key, lang), **fields)


def losses() -> str:
    from demos.gans import LOSSES

    return ", ".join(LOSSES)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"g_lr": -1e-3}, knob_error("common_err_range", "gan_g_lr", lo=1e-6, hi=1.0)),
        ({"d_lr": "fast"}, knob_error("common_err_not_number", "gan_d_lr")),
        ({"g_width": 0}, knob_error("common_err_range", "gan_g_width", lo=4, hi=512)),
        ({"d_width": 100_000}, knob_error("common_err_range", "gan_d_width", lo=4, hi=512)),
        ({"batch_size": 5000}, knob_error("common_err_range", "gan_batch", lo=16, hi=1024)),
        ({"batch_size": 3}, knob_error("common_err_range", "gan_batch", lo=16, hi=1024)),
        ({"loss": "magic"}, knob_error("common_err_choice", "gan_loss", choices=losses())),
        ({"noise_dim": 2.5}, knob_error("common_err_not_integer", "gan_noise_dim")),
        ({"budget": 10**9}, knob_error("common_err_range", "gan_budget", lo=100, hi=50000)),
        ({"dataset": "drawn"}, t("common_draw_empty", "en")),
        ({"dataset": "csv"}, t("common_err_csv_missing", "en")),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(gan_client, changes, message):
    with pytest.raises(AppError, match=re.escape(message)):
        reset(gan_client, **changes)
    *_, status = gan_client.predict(*settings_args(), api_name="/gan_step_d")
    assert status_numbers(status)["d"] == 1  # the previous run is untouched


@pytest.mark.parametrize("api_name", ["/gan_settings", "/gan_step_both", "/gan_play"])
@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"d_steps": 11}, ("common_err_range", "gan_d_steps", {"lo": 1, "hi": 10})),
        ({"g_lr": 2.0}, ("common_err_range", "gan_g_lr", {"lo": 1e-6, "hi": 1.0})),  # "1,0" in Spanish
        ({"schedule": "cosine"}, ("common_err_choice", "gan_schedule", {"choices": "constant, linear"})),
    ],
)
def test_out_of_range_settings_are_refused_in_the_persons_language_and_leave_the_run_as_it_was(app_url, api_name, changes, error):
    """The API is public: the server checks each knob against its declaration before touching the run."""
    key, name_key, fields = error
    for header, lang in (("en-US", "en"), ("es-AR", "es")):
        message = knob_error(key, name_key, lang, **fields)
        person = Client(app_url, verbose=False, headers={"Accept-Language": header})
        reset(person, budget=5000)
        *_, before = person.predict(**SETTINGS, views=ALL_VIEWS, api_name="/gan_step_d")
        with pytest.raises(AppError, match=re.escape(message)):
            person.predict(**(SETTINGS | {"budget": 200} | changes), views=ALL_VIEWS, api_name=api_name)
        *_, after = person.predict(ALL_VIEWS, api_name="/gan_views")
        assert status_numbers(after, lang) == status_numbers(before, lang) == {"iterations": 1, "d": 1, "g": 0}
        assert status_fields(after, lang)["budget"] == "5000", "the run keeps its budget: the refused call applied none of its settings"


def test_the_api_names_each_parameter_after_its_knob(client):
    from demos import gans

    parameters = client.view_api(return_format="dict", print_info=False)["named_endpoints"]["/gan_settings"]["parameters"]
    names = [*(k.name for k in gans.SETTING_KNOBS), "views", *(k.name for k in (gans.DATASET, *gans.ARCH_KNOBS))]
    assert [p["parameter_name"] for p in parameters] == names
    knobs = {k.name: k for k in gans.RUN_KNOBS}
    assert {p["parameter_name"]: p["parameter_default"] for p in parameters if p["parameter_name"] in knobs} == {
        name: k.default for name, k in knobs.items()
    }
    assert all(p["parameter_has_default"] for p in parameters), "a caller may pass only the settings"


def test_nan_learning_rate_over_raw_http(app_url):
    from tests.test_app_overview import raw_call, stream_error

    body = json.dumps({"data": [*args(ARCH, ARCH), *args(SETTINGS, SETTINGS), ALL_VIEWS]}).replace("0.001", "NaN", 1)
    assert stream_error(raw_call(app_url, "gan_reset", body)) == knob_error("common_err_not_finite", "gan_g_lr")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("x,y\nhello,1\n2,2\n3,3\n", t("common_csv_not_number", "en", row=1)),  # the header row is not counted
        ("1,2\n", t("common_csv_too_few", "en", minimum=3)),
        ("1,2\n" * 20_001, t("common_csv_too_many", "en", limit=20000)),
        ("1,2\n3,nan\n4,5\n", t("common_csv_not_finite", "en", row=2)),
    ],
)
def test_bad_csv(gan_client, tmp_path, content, message):
    path = tmp_path / "points.csv"
    path.write_text(content)
    with pytest.raises(AppError, match=re.escape(message)):
        reset(gan_client, dataset="csv", csv=handle_file(str(path)))


def test_csv_and_drawing_datasets(gan_client, tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("\n".join(f"{np.cos(a):.3f},{np.sin(a):.3f}" for a in np.linspace(0, 6, 50)))
    _, _, _, coverage, _ = reset(gan_client, dataset="csv", csv=handle_file(str(path)))
    assert coverage == t("gan_coverage_none", "en")
    canvas = np.full((64, 64, 4), 255, dtype=np.uint8)
    canvas[20:40, 20:40, :3] = 0
    image = tmp_path / "drawing.png"

    Image.fromarray(canvas).save(image)
    sketch = {"background": None, "layers": [], "composite": handle_file(str(image))}
    plane, *_ = reset(gan_client, dataset="drawn", sketch=sketch)
    assert plane_marks(plane) == {"heatmap", "real", "fake", "gradients"}


def test_the_mode_collapse_experiment_collapses_over_its_whole_budget():
    """Loaded as the tab loads it (seed 0), G sits on one mode of the ring from the step its text names to the end of
    its budget, and ends with most samples of high quality: the numbers the text quotes ("from step 100 to the end
    of the 4,000 steps, modes captured reads 1 of 8") are measured here (the Spanish text quotes the same numbers:
    test_quoted_numbers.py)."""
    import torch

    from core.metrics.modes import mode_coverage
    from demos import gans

    quoted = re.search(r"from step (\d+) to the end of the ([\d,]+) steps, \*modes captured\* reads (\d+) of (\d+)", t("exp_mode_collapse"))
    assert quoted, "the text no longer quotes what this test measures"
    first, budget, reads, total = int(quoted[1]), int(quoted[2].replace(",", "")), int(quoted[3]), int(quoted[4])
    values = gans.load_experiment("mode_collapse", None)
    del values["experiment_text"]
    *_, state = gans.reset(None, None, ["real"], None, **values)
    lab, data = state.lab, state.data
    assert lab.settings.budget == budget and len(data.centers) == total
    captured, high_quality = {}, 0.0
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        while lab.g_steps_done < lab.settings.budget:
            lab.step()
            if lab.g_steps_done == first or lab.g_steps_done % 500 == 0:
                mc = mode_coverage(lab.model.sample(2500, generator=torch.Generator().manual_seed(1234)), data.centers, data.std)
                captured[lab.g_steps_done] = mc.modes_captured
                high_quality = mc.high_quality
    finally:
        torch.set_num_threads(threads)
    assert min(captured) == first and max(captured) == budget and len(captured) == 9
    assert set(captured.values()) == {reads}, captured
    assert high_quality > 0.5, high_quality


def test_the_fifty_percent_experiment_ends_with_complementary_accuracies():
    """Loaded as the tab loads it (seed 0), D's accuracies on real and on generated points are about 50% each by the step
    its text names and add up to about 100% from there to the end (means over windows of 250 steps: one step's accuracy
    on a batch is noisy)."""
    import torch

    from demos import gans

    quoted = re.search(
        r"they reach about 50% each by step ([\d,]+) and then drift a few points apart, adding up to about 100%", t("exp_fifty_percent")
    )
    assert quoted, "the text no longer quotes what this test measures"
    start = int(quoted[1].replace(",", ""))
    values = gans.load_experiment("fifty_percent", None)
    del values["experiment_text"]
    *_, state = gans.reset(None, None, ["real"], None, **values)
    lab = state.lab
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        while lab.g_steps_done < lab.settings.budget:
            lab.step()
    finally:
        torch.set_num_threads(threads)
    steps, real, fake = (np.array(lab.history[key]) for key in ("iteration", "d_acc_real", "d_acc_fake"))
    windows = [(steps > lo) & (steps <= lo + 250) for lo in range(start - 250, int(steps[-1]), 250)]
    first = windows[0]
    assert abs(real[first].mean() - 0.5) < 0.05 and abs(fake[first].mean() - 0.5) < 0.05, (real[first].mean(), fake[first].mean())
    sums = [float(real[w].mean() + fake[w].mean()) for w in windows]
    assert len(sums) >= 8 and all(abs(total - 1) < 0.05 for total in sums), sums
    early = steps <= 250
    assert real[early].mean() + fake[early].mean() > 1.15, "before G covers the moons, D tells them apart"


def test_play_trains_on_one_thread_and_leaves_the_setting_as_it_was(monkeypatch):
    """Two intra-op threads beside a busy process made a generator step 35 times slower (209 ms against 6 ms)."""
    import torch

    from demos import gans

    threads_seen = []
    step = gans.LabState.locked_step

    def spying(self):
        threads_seen.append(torch.get_num_threads())
        return step(self)

    monkeypatch.setattr(gans.LabState, "locked_step", spying)
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        arch = {"noise_dim": 2, "g_width": 16, "g_depth": 1, "d_width": 16, "d_depth": 1}
        settings = SETTINGS | {"budget": 100}
        *_, state = gans.reset(None, None, ["real"], None, dataset="ring", seed=0, **arch, **settings)
        frames = list(gans.play(state, ["real"], None, **settings))
        assert frames and state.lab.g_steps_done == 100
        assert set(threads_seen) == {1} and torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)


def test_play_and_a_step_before_the_pages_first_run_build_the_run_reset_would():
    """On a busy server the page's own first run can arrive after a student presses Play or a step button: those
    build the run from the knobs (the same one Reset builds) instead of answering with an error."""
    from demos import gans

    arch = {"noise_dim": 2, "g_width": 16, "g_depth": 1, "d_width": 16, "d_depth": 1}
    settings = SETTINGS | {"budget": 100}
    *_, reference = gans.reset(None, None, ["real"], None, dataset="ring", seed=3, **arch, **settings)
    frames = list(gans.play(None, ["real"], None, dataset="ring", seed=3, **arch, **settings))
    state = frames[-1][-1]
    assert isinstance(state, gans.LabState) and all(frame[-1] is state for frame in frames)
    assert state.lab.g_steps_done == 100 and state.dataset == "ring" and state.lab.model.config == reference.lab.model.config
    assert state is not reference and reference.lab.g_steps_done == 0, "a run of its own, not the cached template"
    *views, stepped = gans.step_both(None, ["real"], None, dataset="ring", seed=3, **arch, **settings)
    assert stepped.lab.iterations == 1 and "1 of 100 G steps" in views[-1]
    with pytest.raises(gr.Error, match="press Reset first"):  # only the settings (an older API caller): nothing to build from
        list(gans.play(None, ["real"], None, **settings))


def test_a_pause_while_play_waits_for_its_turn_ends_the_play_without_training():
    """A class shares the CPU in turns (`core.threads.TRAINING`): a Pause pressed before a Play's first turn came ends that
    Play there, with no frame and no step, and the Pause's answer shows the run where it stands."""
    import threading
    from contextlib import ExitStack

    from core.threads import TRAINING
    from demos import gans

    arch = {"noise_dim": 2, "g_width": 16, "g_depth": 1, "d_width": 16, "d_depth": 1}
    settings = SETTINGS | {"budget": 100}
    *_, state = gans.reset(None, None, ["real"], None, dataset="ring", seed=0, **arch, **settings)
    frames: list = []
    with ExitStack() as others:  # every slot is taken by other students' turns
        for _ in range(TRAINING.slots):
            others.enter_context(TRAINING.turn())
        waiting = TRAINING.waiting()
        player = threading.Thread(target=lambda: frames.extend(gans.play(state, ["real"], None, **settings)))
        player.start()
        deadline = time.monotonic() + 10
        while TRAINING.waiting() == waiting and time.monotonic() < deadline:
            time.sleep(0.01)
        assert TRAINING.waiting() == waiting + 1, "the Play should be waiting for its turn"
        paused = gans.pause(state, ["real"], None)
        player.join(5)
        assert not player.is_alive()
    assert frames == [] and state.lab.g_steps_done == 0
    assert "0 of 100 G steps" in paused[-1]


def test_the_curves_show_a_critics_gap_instead_of_an_accuracy():
    """A Wasserstein critic has no threshold, so the middle panel shows E[D(x)] - E[D(G(z))], without the 50% line."""
    from demos.gan_plots import curves_figure

    nan = float("nan")
    common = {"iteration": [1.0, 2.0], "d_loss": [0.1, 0.2], "g_loss": [0.3, 0.4], "g_grad_norm": [1.0, 1.0]}
    critic = curves_figure(common | {"d_acc_real": [nan, nan], "d_acc_fake": [nan, nan], "critic_gap": [0.5, 0.6]}, "es")
    d = curves_figure(common | {"d_acc_real": [0.6, 0.5], "d_acc_fake": [0.4, 0.5], "critic_gap": [nan, nan]}, "es")
    es = TABLES["es"]
    assert critic.layout.annotations[1].text == es["gan_critic_gap"] and d.layout.annotations[1].text == es["gan_accuracy"]
    assert [trace.name for trace in critic.data if trace.xaxis == "x2"] == ["E[D(x)] − E[D(G(z))]"]
    assert [trace.name for trace in d.data if trace.xaxis == "x2"] == [es["gan_acc_real"], es["gan_acc_fake"]]
    assert not critic.layout.shapes and d.layout.shapes[0].y0 == 0.5
    assert percent(0.5, "es") in [a.text for a in d.layout.annotations]
    assert critic.layout.title.text == es["gan_curves_caption_critic"] and d.layout.title.text == es["gan_curves_caption_d"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_new_runs_empty_curves_are_the_validated_chart(lang):
    """Every student's first view of the lab shows empty curves, built and validated once per language: the same chart."""
    from demos import gan_plots

    built = json.loads(gan_plots._build_curves_figure({}, lang).to_json())
    assert json.loads(gan_plots.curves_figure({}, lang).to_json()) == built
    assert json.loads(gan_plots.curves_figure({"iteration": []}, lang).to_json()) == built
    assert len(built["data"]) == len(json.loads(gan_plots._build_curves_figure({"iteration": [1.0]}, lang).to_json())["data"])


def test_fresh_runs_of_a_built_in_dataset_are_copies_that_train_like_a_run_built_afresh():
    """Page loads copy one run built per knobs (a few ms instead of ~100): each copy must be its own run, and must
    show and train exactly like a run built from scratch."""
    import torch

    from demos import gans, knobs

    views = ["real", "fake", "heatmap"]
    *shown, mine = gans.reset(None, None, views, None)
    *_, theirs = gans.reset(None, None, views, None)
    assert mine.lab is not theirs.lab and mine.lab.model is not theirs.lab.model and mine.lab.generator is not theirs.lab.generator
    assert mine.recording.frames is not theirs.recording.frames and len(mine.recording.frames) == 1
    run = knobs.parse(gans.RUN_KNOBS, {}, "en")
    generator = torch.Generator().manual_seed(run["seed"])
    afresh = gans.new_run(run, gans.load_points(run["dataset"], None, None, generator, "en"), generator)
    plane, *texts_afresh = gans.render(afresh, views, "en", curves=False)
    assert np.array_equal(np.asarray(shown[0]), np.asarray(plane))
    assert [shown[1], *shown[3:]] == [texts_afresh[0], *texts_afresh[2:]]  # caption, coverage and status
    before = [p.detach().clone() for p in theirs.lab.model.parameters()]
    for _ in range(5):
        mine.locked_step()
        afresh.locked_step()
    assert all(torch.equal(p, q) for p, q in zip(mine.lab.model.parameters(), afresh.lab.model.parameters(), strict=True))
    assert all(torch.equal(p, q) for p, q in zip(theirs.lab.model.parameters(), before, strict=True))  # untouched
    assert mine.lab.g_steps_done == 5 and theirs.lab.g_steps_done == 0


def test_only_the_page_load_run_is_kept_and_a_run_of_another_seed_is_built_afresh_each_time():
    """A class's own seeds must not fill the kept runs (8 MB each): only the default knobs' run is kept."""
    import torch

    from demos import gans

    views = ["real", "fake", "heatmap"]
    gans.reset(None, None, views, None)  # the page load's run, kept
    kept = gans._first_run.cache_info().currsize
    *_, mine = gans.reset(None, None, views, None, seed=7)
    *_, again = gans.reset(None, None, views, None, seed=7)
    assert gans._first_run.cache_info().currsize == kept
    assert mine.lab is not again.lab and len(mine.recording.frames) == 1
    assert all(torch.equal(p, q) for p, q in zip(mine.lab.model.parameters(), again.lab.model.parameters(), strict=True))
    *_, default = gans.reset(None, None, views, None)
    assert not all(torch.equal(p, q) for p, q in zip(mine.lab.model.parameters(), default.lab.model.parameters(), strict=True))
