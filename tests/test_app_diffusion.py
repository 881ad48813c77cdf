"""The Diffusion tab through the HTTP API: every endpoint (the streamed ones included), bad input."""

import json
import re

import numpy as np
import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError
from PIL import Image

from tests.test_app_overview import raw_call


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
    shares = [float(x.replace(",", ".")) for x in re.findall(r"([\d.,]+)%", bands)[:3]]
    assert shares == pytest.approx([68.3, 95.4, 99.7], abs=1.5), bands  # 3 x 64 x 64 draws of N(0, 1)
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
    p_value = float(text.split("p = ")[1].split(" ")[0])
    assert "101 steps" in text and p_value > 0.001
    assert Image.open(chained).size[0] > 100 and figure(hist)["data"][0]["type"] == "histogram"


def test_generation_streams_and_is_judged(client):
    job = client.submit("ddim", 10, 0.0, 2.0, "7", 8, 0, api_name="/diffusion_generate")
    job.result()
    outputs = job.outputs()
    assert len(outputs) == 10  # a short run streams every step: 9 intermediate views, then the final one
    assert [o[2].split("`  ")[1].split(" (")[0] for o in outputs[:9]] == [f"Step {i} of 10" for i in range(1, 10)]
    *_, (tiles, x0, done, verdict) = outputs
    assert "8 samples in 10 steps" in done and "20 network evaluations" in done  # guidance doubles the evaluations
    assert "of 8** samples as a 7" in verdict and "Diversity" in verdict
    assert Image.open(tiles).size[0] > Image.open(x0).size[0] // 2
    unconditional = client.predict("ddpm", 20, 0.0, 2.0, "any", 4, 0, api_name="/diffusion_generate")
    assert "Digits the classifier reads" in unconditional[3]


def test_predictions_and_the_unet(client):
    outputs = client.predict(10, 0, "4", api_name="/diffusion_predictions")
    assert len(outputs) == 6 and all("of 16" in text for text in outputs[1::2])
    diagram, table = client.predict(api_name="/diffusion_unet")
    assert Image.open(diagram).size[0] > 1000
    assert "| up0 | 2×2 |" in table and "down2" in table


def test_2d_playground(client):
    preview = client.predict("grid", None, api_name="/diffusion_toy_data")
    assert len(figure(preview)["data"]) == 1
    job = client.submit("ring", None, 300, 0, api_name="/diffusion_toy_train")
    job.result()
    loss, view, coverage, status = job.outputs()[-1][:4]
    assert status.startswith("Trained: 300 of 300 steps") and "modes" in coverage
    assert len(figure(view)["data"]) == 2 and figure(loss)["layout"]["yaxis"]["title"]["text"]


@pytest.mark.parametrize(
    ("api", "values", "message"),
    [
        ("/diffusion_generate", ("ddim", 0, 0.0, 2.0, "7", 8, 0), "between 1 and 1000"),
        ("/diffusion_generate", ("ddim", -5, 0.0, 2.0, "7", 8, 0), "between 1 and 1000"),
        ("/diffusion_generate", ("ddim", 10**9, 0.0, 2.0, "7", 8, 0), "between 1 and 1000"),
        ("/diffusion_generate", ("ddim", 10, 0.0, 1e30, "7", 8, 0), "between 0.0 and 10.0"),
        ("/diffusion_generate", ("ddim", 10, 2.0, 2.0, "7", 8, 0), "between 0.0 and 1.0"),
        ("/diffusion_generate", ("euler", 10, 0.0, 2.0, "7", 8, 0), "must be one of"),
        ("/diffusion_generate", ("ddim", 10, 0.0, 2.0, "12", 8, 0), "must be one of: any, 0, 1, 2"),
        ("/diffusion_forward", forward_args(t=1000), "between 0 and 999"),
        ("/diffusion_forward", forward_args(source="upload"), "Upload an image first"),
        ("/diffusion_toy_train", ("ring", None, 10**7, 0), "between 100 and 30000"),
        ("/diffusion_toy_train", ("drawn", None, 300, 0), "Draw"),
    ],
)
def test_bad_input(client, api, values, message):
    with pytest.raises(AppError, match=message):
        client.predict(*values, api_name=api)


def test_nan_steps_and_a_corrupt_upload(app_url, client, tmp_path):
    stream = raw_call(app_url, "diffusion_generate", '{"data": ["ddim", NaN, 0, 2, "7", 8, 0]}')
    assert "finite number" in stream
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n not really an image")
    with pytest.raises(AppError, match="could not be read as an image"):
        client.predict(*forward_args(source="upload", upload=handle_file(str(path))), api_name="/diffusion_forward")
    with pytest.raises(AppError, match="could not be read as an image"):
        client.predict(handle_file(str(path)), "codes", api_name="/autoencoders_upload")
    assert client.predict(*forward_args(t=5), api_name="/diffusion_forward")[1].startswith("At $t = 5$")


def test_score_and_particles_need_a_trained_model_first(app_url):
    from gradio_client import Client

    fresh = Client(app_url, verbose=False)  # a new session has no model yet
    for api, values in (("/diffusion_toy_score", (10,)), ("/diffusion_toy_particles", (1,))):
        with pytest.raises(AppError, match="Train a model first"):
            fresh.predict(*values, api_name=api)


def test_particles_and_score_after_training(client):
    client.predict("ring", None, 200, 0, api_name="/diffusion_toy_train")
    job = client.submit(1, api_name="/diffusion_toy_particles")
    job.result()
    frames = job.outputs()
    assert len(frames) >= 2 and "modes" in frames[-1][1]
    arrows = figure(client.predict(5, api_name="/diffusion_toy_score"))
    assert len(arrows["data"]) == 3 and "t = 5" in arrows["layout"]["title"]["text"]


def test_steps_curve_reads_the_benchmark_results(client):
    from benchmarks.common import DEFAULT_OUT

    plot, note = client.predict(api_name="/diffusion_steps_curve")
    assert (DEFAULT_OUT / "diffusion.json").is_file(), "the shipped benchmark results draw this curve"
    fig = figure(plot)
    names = {trace["name"] for trace in fig["data"]}
    assert names == {"DDPM (random steps)", "DDIM"} and len(fig["data"]) == 6  # accuracy, FID and time for each sampler
    assert fig["layout"]["xaxis"]["type"] == "log" and "CPU cores" in note


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
    assert int(re.search(r"([\d,]+) of 30,000 steps", status).group(1).replace(",", "")) < 30_000


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
    assert f"DDPM's FID is lower than DDIM's at {ddpm_lower} of {len(fid['ddpm'])} step counts" in note
    assert "DDPM needs many" not in note + client.predict(api_name="/diffusion_steps_curve")[1]
    assert "T0" not in note and "T0" not in es_note, "no raw ISO timestamp"
    assert re.search(r"Measured on \d{1,2} [A-Z][a-z]+ 20\d\d ", note)
    assert re.search(r"Medido el \d{1,2} de [a-z]+ de 20\d\d ", es_note)


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
    text = curve_reading(costly, "en")
    assert "DDIM's FID is lower than DDPM's at 1 of 2 step counts" not in text  # a tie is not a winner
    assert "Fewer steps cost quality here" in text and "40% at 10 steps" in text and "99% at 1,000" in text
    assert "100 times as long" in text
    flat = [row("ddpm", 10, 1.0, 1.2, 1), row("ddim", 10, 1.0, 1.4, 1), row("ddpm", 100, 1.0, 1.0, 10), row("ddim", 100, 1.0, 1.5, 10)]
    text = curve_reading(flat, "en")
    assert "100%" in text and "DDPM's FID is lower than DDIM's at 2 of 2 step counts" in text
    assert "Fewer steps cost quality here" not in text and "10 times as long" in text
    spanish = curve_reading(costly, "es")
    assert "40 % con 10 pasos" in spanish and "1.000" in spanish and "9,00" in spanish


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
    found = re.search(r"Cut at the 1 s limit after ([\d,]+) of 30,000 steps", status)
    assert found and "Trained" not in status, status
    assert 0 < int(found.group(1).replace(",", "")) < 30_000
    status = spanish_client.predict("ring", None, 30_000, 0, api_name="/diffusion_toy_train")[3]
    assert re.search(r"Se cortó al llegar al límite de 1 s, tras [\d.]+ de 30\.000 pasos", status) and "Entrenado" not in status, status


def test_2d_training_runs_on_one_thread_and_leaves_the_setting_as_it_was(monkeypatch):
    """Two threads on a busy 2-core machine slowed the step rate 4 to 40 times (the benchmark's `toy_default_run`)."""
    import torch

    from core.diffusion import ddpm
    from demos import diffusion_toy

    seen = []

    def spying(*args, **kwargs):
        trainer = ddpm.diffusion_trainer(*args, **kwargs)
        step = trainer._step
        trainer._step = lambda: (seen.append(torch.get_num_threads()), step())[1]
        return trainer

    monkeypatch.setattr(diffusion_toy, "diffusion_trainer", spying)
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        *_, last = diffusion_toy.train("ring", None, 200, 0, None)
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)
    assert len(seen) == 200 and set(seen) == {1}
    assert last[3].startswith("Trained: 200 of 200 steps")


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
        quoted = int(re.search(r"(\d+) s\b", table["toy_hint"]).group(1))
        assert steps in table["toy_hint"]
        assert abs(quoted - run["wall_s"]) <= max(5, 0.15 * run["wall_s"]), (quoted, run["wall_s"])
