"""The Diffusion tab through the HTTP API: every endpoint (the streamed ones included), bad input."""

import json
import re

import numpy as np
import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError
from PIL import Image

from demos.texts import format_date, number, percent, t
from tests.test_app_overview import raw_call
from tests.texts import pattern, read, value


def pixels(path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB")).astype(np.int16)


def figure(plot) -> dict:
    return json.loads(plot["plot"]) if isinstance(plot["plot"], str) else plot["plot"]


FORWARD = {"source": "photo", "digit_index": 0, "photo": "astronaut", "upload": None, "schedule": "linear", "t": 250, "seed": 0}


def forward_args(**changes):
    values = FORWARD | changes
    return [values[k] for k in ("source", "digit_index", "photo", "upload", "schedule", "t", "seed")]


def halves(path) -> tuple[np.ndarray, np.ndarray]:
    """Returns the x_0 and x_t halves of the forward picture, one value per model pixel (the centres of the enlarged cells), in [0, 1]."""
    picture = np.asarray(Image.open(path).convert("RGB")).astype(np.float64) / 255
    side = picture.shape[0]
    scale = side // 64
    centres = picture[scale // 2 :: scale, scale // 2 :: scale]  # [64, 128, 3]
    return centres[:, :64], centres[:, 64:128]


def closed_form(x0_unit: np.ndarray, t: int, seed: int, name: str = "linear", channels: int = 3) -> np.ndarray:
    """Returns x_t = sqrt(alpha_bar_t) x_0 + sqrt(1 - alpha_bar_t) eps in [0, 1], eps drawn as the tab draws it
    (one channel for a grey image, shown as three equal ones)."""
    import torch

    from core.diffusion.schedule import NoiseSchedule

    a = NoiseSchedule.named(name, 1000).alphas_cumprod[t].item()
    x0 = torch.from_numpy(x0_unit[..., :channels]).permute(2, 0, 1)[None].float() * 2 - 1  # [1, C, 64, 64] in model scale
    eps = torch.randn(x0.shape, generator=torch.Generator().manual_seed(seed))
    x_t = (a**0.5 * x0 + (1 - a) ** 0.5 * eps).clamp(-1, 1)
    return ((x_t[0].permute(1, 2, 0) + 1) / 2).numpy()


def test_forward_process_at_two_timesteps(client):
    from core.diffusion.schedule import NoiseSchedule
    from demos.texts import t as text

    for step, name in ((10, "linear"), (900, "linear"), (250, "cosine")):
        pair, caption, curves, noise, bands = client.predict(*forward_args(t=step, schedule=name), api_name="/diffusion_forward")
        x0, x_t = halves(pair)
        # x_t is the closed form of the x_0 shown beside it, up to the picture's 8-bit rounding
        assert np.abs(x_t - closed_form(x0, step, 0, name)).max() < 3 / 255
        a = NoiseSchedule.named(name, 1000).alphas_cumprod[step].item()
        assert caption == text("diff_forward_caption", "en", t=step, a=a, signal=a**0.5, noise=(1 - a) ** 0.5, snr=a / (1 - a))
        curve = figure(curves)["data"][0]
        assert curve["name"].startswith("ᾱ") and curve["y"][step] == pytest.approx(a, rel=1e-6)
    assert [trace["type"] for trace in figure(noise)["data"]] == ["histogram", "scatter"]
    found = read(bands, "diff_bands", "en", n=3 * 64 * 64)  # 3 x 64 x 64 draws of N(0, 1)
    shares = [value(found[k]) for k in ("one", "two", "three")]
    assert shares == pytest.approx([68.3, 95.4, 99.7], abs=1.5), bands
    digit = client.predict(*forward_args(source="digit", digit_index=5), api_name="/diffusion_forward")
    assert Image.open(digit[0]).size[0] == 2 * Image.open(digit[0]).size[1]


def test_forward_process_on_an_upload(client, tmp_path):
    path = tmp_path / "image.png"
    Image.fromarray((np.random.default_rng(0).random((90, 120)) * 65535).astype(np.uint16)).save(path)
    pair = client.predict(*forward_args(source="upload", upload=handle_file(str(path)), t=400, seed=7), api_name="/diffusion_forward")[0]
    x0, x_t = halves(pair)
    assert x0.std() > 0.1, "the upload's noise pattern shows as x_0, not a blank"
    assert np.abs(x0[..., 0] - x0[..., 1]).max() < 2 / 255, "a grey upload stays grey"
    assert np.abs(x_t - closed_form(x0, 400, 7, channels=1)).max() < 3 / 255


def test_the_chain_matches_the_closed_form(client):
    chained, text, hist = client.predict(*forward_args(t=100), api_name="/diffusion_chain")
    found = read(text, "diff_chain_text", "en", steps=t("common_n_steps", "en", count=101))
    assert value(found["p"]) > 0.001 and 0 <= value(found["ks"]) < 0.05
    assert Image.open(chained).size[0] > 100 and figure(hist)["data"][0]["type"] == "histogram"


def test_generation_streams_and_is_judged(client):
    job = client.submit("ddim", 10, 0.0, 2.0, "7", 8, 0, api_name="/diffusion_generate")
    job.result()
    outputs = job.outputs()
    assert len(outputs) == 10  # a short run streams every step: 9 intermediate views, then the final one
    timesteps = [int(read(o[2], "diff_progress", "en", i=i, n=10)["t"]) for i, o in enumerate(outputs[:9], start=1)]
    assert timesteps == sorted(timesteps, reverse=True) and len(set(timesteps)) == 9, timesteps
    *_, (tiles, x0, done, verdict) = outputs
    found = read(
        done,
        "diff_done",
        "en",
        samples=t("common_n_samples", "en", count=8),
        steps=t("common_n_steps", "en", count=10),
        evals=t("diff_n_evals", "en", count=10 * 2),  # guidance doubles the evaluations
    )
    assert value(found["seconds"]) >= 0
    hits = int(read(verdict, "diff_verdict_cond", "en", count=8, digit=7)["hits"])
    assert 0 <= hits <= 8 and value(read(verdict, "diff_diversity", "en")["d"]) > 0
    assert Image.open(tiles).size[0] > Image.open(x0).size[0] // 2
    # the stream as it was watched, as a GIF: x_t above the predicted x0 at each of the 10 steps, at full size
    gif = Image.open(client.predict(api_name="/diffusion_gif")["value"])
    assert gif.n_frames == 10 and gif.size[0] > Image.open(x0).size[0] and gif.size[1] > 2 * Image.open(x0).size[1]
    unconditional = client.predict("ddpm", 20, 0.0, 2.0, "any", 4, 0, api_name="/diffusion_generate")
    counts = read(unconditional[3], "diff_verdict_uncond", "en", groups={"counts": r"[\d: ·]+"})["counts"].split(" · ")
    assert [c.split(": ")[0] for c in counts] == [str(d) for d in range(10)]
    assert sum(int(c.split(": ")[1]) for c in counts) == 4, "every one of the 4 samples is read as some digit"


def test_predictions_and_the_unet(client):
    outputs = client.predict(10, 0, "4", api_name="/diffusion_predictions")
    assert len(outputs) == 6
    for text in outputs[1::2]:
        assert 0 <= int(read(text, "diff_pred_score", "en", n=16)["hits"]) <= 16
    diagram, table = client.predict(api_name="/diffusion_unet")
    assert Image.open(diagram).size[0] > 1000
    assert "| up0 | 2×2 |" in table and "down2" in table


def test_2d_playground(client):
    preview = client.predict("grid", None, api_name="/diffusion_toy_data")
    assert len(figure(preview)["data"]) == 1
    job = client.submit("ring", None, 300, 0, api_name="/diffusion_toy_train")
    job.result()
    loss, view, coverage, status = job.outputs()[-1][:4]
    assert value(read(status, "toy_status_done", "en", step=number(300), total=number(300))["loss"]) > 0
    found = read(coverage, "common_mode_coverage", "en", total=8)  # the ring's 8 modes
    assert 0 <= int(found["captured"]) <= 8 and 0 <= value(found["hq"]) <= 100
    assert len(figure(view)["data"]) == 2 and figure(loss)["layout"]["yaxis"]["title"]["text"]


def range_error(name_key: str, lo: float, hi: float) -> str:
    return t("common_err_range", "en", name=t(name_key, "en"), lo=lo, hi=hi)


def choice_error(name_key: str, choices: tuple[str, ...]) -> str:
    return t("common_err_choice", "en", name=t(name_key, "en"), choices=", ".join(choices))


@pytest.mark.parametrize(
    ("api", "values", "message"),
    [
        ("/diffusion_generate", ("ddim", 0, 0.0, 2.0, "7", 8, 0), range_error("diff_steps", 1, 1000)),
        ("/diffusion_generate", ("ddim", -5, 0.0, 2.0, "7", 8, 0), range_error("diff_steps", 1, 1000)),
        ("/diffusion_generate", ("ddim", 10**9, 0.0, 2.0, "7", 8, 0), range_error("diff_steps", 1, 1000)),
        ("/diffusion_generate", ("ddim", 10, 0.0, 1e30, "7", 8, 0), range_error("diff_guidance", 0.0, 10.0)),
        ("/diffusion_generate", ("ddim", 10, 2.0, 2.0, "7", 8, 0), range_error("diff_eta", 0.0, 1.0)),
        ("/diffusion_generate", ("euler", 10, 0.0, 2.0, "7", 8, 0), choice_error("diff_sampler", ("ddpm", "ddim"))),
        ("/diffusion_generate", ("ddim", 10, 0.0, 2.0, "12", 8, 0), choice_error("diff_digit", ("any", *map(str, range(10))))),
        ("/diffusion_forward", forward_args(t=1000), range_error("diff_timestep", 0, 999)),
        ("/diffusion_forward", forward_args(source="upload"), t("common_err_upload", "en")),
        ("/diffusion_toy_train", ("ring", None, 10**7, 0), range_error("toy_train_steps", 100, 30000)),
        ("/diffusion_toy_train", ("drawn", None, 300, 0), t("common_draw_empty", "en")),
    ],
)
def test_bad_input(client, api, values, message):
    with pytest.raises(AppError, match=re.escape(message)):
        client.predict(*values, api_name=api)


def test_nan_steps_and_a_corrupt_upload(app_url, client, tmp_path):
    stream = raw_call(app_url, "diffusion_generate", '{"data": ["ddim", NaN, 0, 2, "7", 8, 0]}')
    assert json.dumps(t("common_err_not_finite", "en", name=t("diff_steps", "en")))[1:-1] in stream
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n not really an image")
    unreadable = re.escape(t("common_err_image_unreadable", "en"))
    with pytest.raises(AppError, match=unreadable):
        client.predict(*forward_args(source="upload", upload=handle_file(str(path))), api_name="/diffusion_forward")
    with pytest.raises(AppError, match=unreadable):
        client.predict(handle_file(str(path)), "codes", api_name="/autoencoders_upload")
    assert read(client.predict(*forward_args(t=5), api_name="/diffusion_forward")[1], "diff_forward_caption", "en")["t"] == "5"


def test_score_and_particles_need_a_trained_model_first(app_url):
    from gradio_client import Client

    fresh = Client(app_url, verbose=False)  # a new session has no model yet
    for api, values in (("/diffusion_toy_score", (10,)), ("/diffusion_toy_particles", (1,))):
        with pytest.raises(AppError, match=re.escape(t("toy_err_train_first", "en"))):
            fresh.predict(*values, api_name=api)


def test_particles_and_score_after_training(client):
    client.predict("ring", None, 200, 0, api_name="/diffusion_toy_train")
    job = client.submit(1, api_name="/diffusion_toy_particles")
    job.result()
    frames = job.outputs()
    assert len(frames) >= 2 and 0 <= int(read(frames[-1][1], "common_mode_coverage", "en", total=8)["captured"]) <= 8
    arrows = figure(client.predict(5, api_name="/diffusion_toy_score"))
    assert len(arrows["data"]) == 3 and 0 < value(read(arrows["layout"]["title"]["text"], "toy_score_title", "en", t=5)["a"]) < 1


def test_steps_curve_reads_the_benchmark_results(client):
    from benchmarks.common import DEFAULT_OUT

    plot, note = client.predict(api_name="/diffusion_steps_curve")
    assert (DEFAULT_OUT / "diffusion.json").is_file(), "the shipped benchmark results draw this curve"
    fig = figure(plot)
    names = {trace["name"] for trace in fig["data"]}
    assert names == {t("diff_sampler_ddpm", "en"), t("diff_sampler_ddim", "en")} and len(fig["data"]) == 6  # accuracy, FID, time each
    assert fig["layout"]["xaxis"]["type"] == "log" and int(read(note, "diff_curve_note", "en", n=10 * 20)["cpus"]) >= 1


def test_a_long_2d_training_run_can_be_stopped(app_url):
    import time

    from gradio_client import Client

    own = Client(app_url, verbose=False)  # its own session: stop reaches this run only
    job = own.submit("ring", None, 30_000, 0, api_name="/diffusion_toy_train")
    deadline = time.time() + 60
    while not job.outputs() and time.time() < deadline:
        time.sleep(0.2)
    assert job.outputs(), "training streams its first update"
    start = time.time()
    own.predict(api_name="/diffusion_toy_stop")
    while not job.done() and time.time() < start + 30:
        time.sleep(0.2)
    assert job.done() and time.time() - start < 30
    status = job.outputs()[-1][3]
    assert value(read(status, "toy_status_stopped", "en", total=number(30_000))["step"]) < 30_000


def shipped_results() -> dict:
    from benchmarks.common import DEFAULT_OUT

    return json.loads((DEFAULT_OUT / "diffusion.json").read_text(encoding="utf-8"))


def decimal(value: float, lang: str) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "es" else text


def test_the_steps_curve_reads_as_its_results_say(client, spanish_client):
    """The text under the chart is made from the results file: no claim the measured curve contradicts."""
    payload = shipped_results()
    rows = payload["results"]["curve"]
    plot, note = client.predict(api_name="/diffusion_steps_curve")
    layout = figure(plot)["layout"]
    low, high = layout["yaxis"]["range"]
    assert 0 <= low < high <= 100 and high - low >= 10, "the accuracy axis is a share: within 0-100%, never 99-101%"
    fid_low, fid_high = layout["yaxis2"]["range"]
    assert fid_low == 0 and fid_high >= max(r["fid"] for r in rows), "the FID axis starts at 0 and shows every point"
    fid = {s: [r["fid"] for r in rows if r["sampler"] == s] for s in ("ddpm", "ddim")}
    es_note = spanish_client.predict(api_name="/diffusion_steps_curve")[1]
    for text, lang in ((note, "en"), (es_note, "es")):
        for values in fid.values():
            assert decimal(min(values), lang) in text and decimal(max(values), lang) in text
        assert decimal(rows[0]["real_baseline_fid"], lang) in text
    ddpm_lower = sum(p < d for p, d in zip(fid["ddpm"], fid["ddim"], strict=True))
    assert t("diff_read_fid_lower", "en", winner="DDPM", loser="DDIM", wins=ddpm_lower, total=len(fid["ddpm"])) in note
    assert "DDPM needs many" not in note + client.predict(api_name="/diffusion_steps_curve")[1]
    assert "T0" not in note and "T0" not in es_note, "no raw ISO timestamp"
    for text, lang in ((note, "en"), (es_note, "es")):
        when = format_date(payload["machine"]["timestamp"], lang)
        assert read(text, "diff_curve_note", lang, when=when, n=10 * 20)["cpus"] == str(payload["machine"]["cpu_count"])
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ 20\d\d", format_date(payload["machine"]["timestamp"], "en"))


def test_the_steps_reading_follows_the_numbers():
    """Two made-up curves, one where few steps cost quality and one where they do not, read differently."""
    from demos.diffusion import curve_reading

    def row(sampler, steps, accuracy, fid, ms):
        return {
            "sampler": sampler,
            "steps": steps,
            "conditional_accuracy": accuracy,
            "fid": fid,
            "real_baseline_fid": 0.5,
            "seconds_per_sample": ms / 1000,
        }

    costly = [
        row("ddpm", 10, 0.40, 9.0, 1),
        row("ddim", 10, 0.90, 3.0, 1),
        row("ddpm", 1000, 0.99, 1.0, 100),
        row("ddim", 1000, 0.98, 1.1, 100),
    ]

    def ddpm_accuracy(lang):
        return t(
            "diff_read_accuracy_sampler",
            lang,
            sampler="DDPM",
            few=10,
            many=number(1000, lang),
            few_accuracy=percent(0.40, lang),
            many_accuracy=percent(0.99, lang),
        )

    text = curve_reading(costly, "en")
    for winner, loser in (("DDIM", "DDPM"), ("DDPM", "DDIM")):  # a tie (1 each) is not a winner
        assert t("diff_read_fid_lower", "en", winner=winner, loser=loser, wins=1, total=2) not in text
    assert t("diff_read_fid_tie", "en") in text
    assert t("diff_read_costly", "en", few=10) in text and ddpm_accuracy("en") in text
    assert value(read(text, "diff_read_time", "en", few=10, many=number(1000))["ratio"]) == 100
    flat = [row("ddpm", 10, 1.0, 1.2, 1), row("ddim", 10, 1.0, 1.4, 1), row("ddpm", 100, 1.0, 1.0, 10), row("ddim", 100, 1.0, 1.5, 10)]
    text = curve_reading(flat, "en")
    assert t("diff_read_accuracy_flat", "en", few=10, many=100, accuracy=percent(1.0)) in text
    assert t("diff_read_fid_lower", "en", winner="DDPM", loser="DDIM", wins=2, total=2) in text
    assert t("diff_read_costly", "en", few=10) not in text and t("diff_read_flat", "en") in text
    assert value(read(text, "diff_read_time", "en", few=10, many=100)["ratio"]) == 10
    spanish = curve_reading(costly, "es")
    assert ddpm_accuracy("es") in spanish and "40\u00a0%" in ddpm_accuracy("es") and "1.000" in ddpm_accuracy("es")
    assert read(spanish, "diff_read_fid_range", "es", sampler="DDPM")["high"] == "9,00"


@pytest.mark.parametrize(
    ("iso", "lang", "expected"),
    [
        ("2026-11-20T10:11:12+00:00", "es", "20 de noviembre de 2026"),
        ("2026-11-20T10:11:12+00:00", "en", "20 November 2026"),
        ("2026-01-05T23:59:00+00:00", "es", "5 de enero de 2026"),
        ("not a date", "en", "not a date"),
    ],
)
def test_a_benchmark_timestamp_reads_as_a_date(iso, lang, expected):
    from demos.texts import format_date

    assert format_date(iso, lang) == expected


@pytest.fixture
def one_second_limit(monkeypatch):
    from demos import diffusion_toy

    monkeypatch.setattr(diffusion_toy, "TRAIN_SECONDS", 1)


def test_a_2d_run_cut_by_its_time_limit_says_so(one_second_limit, client, spanish_client):
    job = client.submit("ring", None, 30_000, 0, api_name="/diffusion_toy_train")
    job.result()
    status = job.outputs()[-1][3]
    assert 0 < value(read(status, "toy_status_cut", "en", limit=number(1), total=number(30_000))["step"]) < 30_000
    assert not pattern("toy_status_done", "en").search(status), status
    status = spanish_client.predict("ring", None, 30_000, 0, api_name="/diffusion_toy_train")[3]
    assert 0 < value(read(status, "toy_status_cut", "es", limit=number(1, "es"), total=number(30_000, "es"))["step"], "es") < 30_000
    assert not pattern("toy_status_done", "es").search(status), status


def test_2d_training_runs_on_one_thread_and_leaves_the_setting_as_it_was(monkeypatch):
    """Two threads on a busy 2-core machine slowed the step rate 4 to 40 times (the benchmark's `toy_default_run`)."""
    import torch

    from core.diffusion import ddpm
    from demos import diffusion_toy

    seen = []
    original = ddpm.diffusion_trainer

    def spying(*args, **kwargs):
        trainer = original(*args, **kwargs)
        step = trainer._step
        trainer._step = lambda: (seen.append(torch.get_num_threads()), step())[1]
        return trainer

    monkeypatch.setattr(ddpm, "diffusion_trainer", spying)  # the tab reaches it through demos.lazy
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        *_, last = diffusion_toy.train("ring", None, 200, 0, None)
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)
    assert len(seen) == 200 and set(seen) == {1}
    assert read(last[3], "toy_status_done", "en", step=number(200), total=number(200))


def test_the_2d_hint_quotes_the_measured_default_run():
    """The hint's time is what the benchmark measured for the default run on a busy machine, which finished in time."""
    from demos.diffusion_toy import TOY_TRAIN_DEFAULT, TRAIN_SECONDS
    from demos.locales.diffusion_en import STRINGS as EN
    from demos.locales.diffusion_es import STRINGS as ES

    run = shipped_results()["results"]["toy_default_run"]
    assert run["steps"] == TOY_TRAIN_DEFAULT and run["steps_done"] == TOY_TRAIN_DEFAULT and run["finished"]
    assert run["busy_loops"] >= 1 and run["limit_s"] == TRAIN_SECONDS
    assert run["wall_s"] <= TRAIN_SECONDS / 1.5, "the default finishes with a margin on a busy machine"
    for table, steps in ((EN, f"{TOY_TRAIN_DEFAULT:,}"), (ES, f"{TOY_TRAIN_DEFAULT:,}".replace(",", "."))):
        quoted = int(re.search(r"(\d+)\ss\b", table["toy_hint"]).group(1))
        assert steps in table["toy_hint"]
        assert abs(quoted - run["wall_s"]) <= max(5, 0.15 * run["wall_s"]), (quoted, run["wall_s"])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_forward_sliders_charts_equal_the_charts_plotly_validates(lang):
    """The forward slider answers with cached charts patched without plotly's validation (70 ms less an answer): they must be
    the very charts built and validated from scratch, and answering must leave the cached ones as they were."""
    import json

    import torch

    from demos import diffusion

    def cached() -> str:
        return json.dumps([diffusion._noise_spec(lang), diffusion._schedule_spec("linear", lang)], default=str, sort_keys=True)

    before = cached()
    for name in ("linear", "cosine"):
        for step in (0, 1, 437, 999):
            fast = json.loads(diffusion._schedule_figure(name, step, lang).to_json())
            assert fast == json.loads(diffusion._build_schedule_figure(name, step, lang).to_json())
            assert fast["layout"]["shapes"][0]["x0"] == step and fast["layout"]["annotations"][0]["text"] == f"t = {step}"
    for seed in (0, 1):
        noise = torch.randn(3, 32, 32, generator=torch.Generator().manual_seed(seed))
        fig, _ = diffusion._noise_figure(noise, f"title {seed}", lang)
        slow = diffusion._build_noise_figure(noise.flatten().numpy(), f"title {seed}", lang)
        assert json.loads(fig.to_json()) == json.loads(slow.to_json())
    assert cached() == before
