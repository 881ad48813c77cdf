"""The Streamlit trilemma dashboard through `AppTest`: both languages, charts, filters, the quick re-run
and its lock; the comparison's table and chart helpers on a small results file built here."""

import json
import threading
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.common import write_result
from benchmarks.trilemma import claims
from core.trilemma import summarise
from demos import trilemma_charts as charts
from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from demos.trilemma_dashboard import BusyError, QuickRerun

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = str(ROOT / "demos" / "trilemma_dashboard.py")
SPEED = {"gan": 0.001, "vae": 0.001, "ddpm_1000": 2.0, "ddim_50": 0.1, "ddim_10": 0.02, "ddgan_4": 0.01}


def fake_results(datasets=("ring", "digits"), seeds=2) -> dict:
    """Returns benchmark results with made-up numbers (the structure `benchmarks.trilemma.run` returns)."""
    runs, previews = [], {}
    for dataset in datasets:
        for i, (model, ms) in enumerate(SPEED.items()):
            for seed in range(seeds):
                row = {
                    "dataset": dataset,
                    "model": model,
                    "family": "x",
                    "seed": seed,
                    "nfe": 1,
                    "ms_per_sample": ms * (1 + seed / 10),
                    "seed_kind": "training",
                    "precision": 0.5 + 0.05 * i,
                    "recall": 0.9 - 0.1 * i + 0.01 * seed,
                    "density": 1.0,
                    "coverage": 0.8,
                }
                if dataset == "digits":
                    row.update(fid=1.0 + i, class_kl=0.01 * i, confident_share=0.9)
                else:
                    row.update(modes=8.0, num_modes=8.0, high_quality=0.9, reverse_kl=0.01, frechet=0.1 * i)
                runs.append(row)
            previews[f"{dataset}/{model}"] = [[0.5] * 64] * 64 if dataset == "digits" else [[1.0, 0.0], [0.0, 2.0]]
    table = summarise(runs)
    baselines = {
        "ring": {"precision": 0.97, "recall": 0.96, "modes": 8.0, "num_modes": 8.0, "high_quality": 0.99, "reverse_kl": 0.005},
        "digits": {"precision": 0.9, "recall": 0.9, "fid": 0.5, "class_kl": 0.01},
    }
    return {
        "table": table,
        "runs": runs,
        "claims": claims(table),
        "previews": previews,
        "seeds": seeds,
        "datasets": list(datasets),
        "real_baselines": baselines,
        "paper_cifar10": [{"model": "DDPM", "fid": 3.21, "recall": 0.57, "nfe": 1000, "seconds_per_100": 80.5}],
    }


@pytest.fixture
def results_file(tmp_path, monkeypatch):
    path = write_result(tmp_path / "full", "trilemma", fake_results(), False)
    monkeypatch.setattr(charts, "RESULTS", path)
    monkeypatch.setattr(charts, "QUICK_DIR", tmp_path / "quick")
    return path


def run_app() -> AppTest:
    app = AppTest.from_file(SCRIPT, default_timeout=120).run()
    assert not app.exception, app.exception
    return app


def shown_texts(app) -> list[str]:
    """Returns the text of every caption, message and Markdown block on the page."""
    return [e.value for kind in ("caption", "success", "info", "warning", "error", "markdown") for e in app.get(kind)]


def server_paths(app, *folders: Path) -> list[str]:
    """Returns the texts that show one of `folders` (or the project's own folder) as an absolute path."""
    return [text for text in shown_texts(app) if any(str(folder) in text for folder in (*folders, ROOT))]


def plotly_titles(app) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in app.get("plotly_chart")]


def test_dashboard_starts_in_spanish_with_both_tables_and_every_chart(results_file):
    app = run_app()
    assert app.title[0].value == ES["dash_title"]
    headers = [s.value for s in app.subheader]
    assert ES["dash_ours"] in headers and ES["dash_paper"] in headers
    assert any("| DDPM | 3.21 |" in m.value for m in app.markdown)  # the paper's table beside ours
    assert len(app.dataframe) == 1 and len(app.dataframe[0].value) == 12  # 2 data sets x 6 models
    titles = plotly_titles(app)
    # quality-speed, coverage-quality, 2 triangles, 2 step charts, the ring's samples (digits are images)
    assert len(titles) == 7
    assert any(ES["tc_speed_title"].split("\n")[0] in title for title in titles)
    assert len(app.get("image")) == 6  # one digit grid per model
    app.sidebar.radio[0].set_value("English").run()
    assert not app.exception and app.title[0].value == EN["dash_title"]
    assert any(EN["tc_claim_gan_fast"] in m.value for m in app.markdown)


def test_filters_change_the_charts(results_file):
    app = run_app()
    before = len(app.get("plotly_chart"))
    app.sidebar.multiselect[0].set_value(["ring"]).run()  # data sets
    assert not app.exception
    assert len(app.get("plotly_chart")) == before - 2  # one triangle and one steps chart fewer
    assert len(app.dataframe[0].value) == 6
    speed = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert {trace["name"] for trace in speed["data"] if trace.get("legendgroup") == "data"} == {ES["tc_ds_ring"]}
    app.sidebar.multiselect[1].set_value(["gan", "ddpm_1000"]).run()  # models
    speed = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert [trace["name"] for trace in speed["data"] if trace.get("legendgroup") == "models"] == [
        ES["tc_model_gan"],
        ES["tc_model_ddpm_1000"],
    ]
    app.sidebar.multiselect[1].set_value([]).run()
    assert not app.exception and app.warning[0].value == ES["dash_nothing"]


def test_missing_results_say_how_to_make_them(tmp_path, monkeypatch):
    monkeypatch.setattr(charts, "RESULTS", tmp_path / "none.json")
    monkeypatch.setattr(charts, "QUICK_DIR", tmp_path / "quick")
    app = run_app()
    assert "python -m benchmarks trilemma" in app.info[0].value
    assert app.button[0].label == ES["dash_rerun"]


def test_results_file_is_named_without_the_servers_folders(results_file, tmp_path, monkeypatch):
    app = run_app()  # results outside the project (here in a temporary folder): the file's name alone
    assert ES["dash_found"].format(path="trilemma.json") in app.caption[0].value
    assert server_paths(app, tmp_path) == []
    monkeypatch.setattr(charts, "RESULTS", ROOT / "assets" / "benchmarks" / "trilemma.json")  # the shipped file: its path in the project
    app = run_app()
    assert ES["dash_found"].format(path="assets/benchmarks/trilemma.json") in app.caption[0].value
    assert server_paths(app, tmp_path) == []
    monkeypatch.setattr(charts, "RESULTS", tmp_path / "missing" / "trilemma.json")
    app = run_app()
    assert "trilemma.json" in app.info[0].value and server_paths(app, tmp_path) == []


def test_rerun_button_reports_progress_and_offers_the_quick_results(results_file, monkeypatch):
    import benchmarks.trilemma

    calls = []

    def fake_run(quick, progress=None, *, workers=2):
        calls.append((quick, workers))
        for done in (1, 2):
            progress(done, 2, "ring: gan")
        return fake_results(datasets=("ring",), seeds=1)

    monkeypatch.setattr(benchmarks.trilemma, "run", fake_run)
    app = run_app()
    assert len(app.dataframe[0].value) == 12  # the shipped (here: made-up full) results
    app.button[0].click().run()
    assert not app.exception
    assert calls == [(True, 1)]
    assert app.success[0].value.startswith(ES["dash_done"].split("{")[0])
    assert server_paths(app, charts.QUICK_DIR, results_file.parent) == []  # the file's name, not where it lies
    written = charts.QUICK_DIR / "trilemma.json"
    assert json.loads(written.read_text())["machine"]["quick"] is True
    source = app.sidebar.radio[1]  # full or quick, now that a quick run exists
    assert source.options == [ES["dash_source_full"], ES["dash_source_quick"]] and source.value == "quick"
    assert len(app.dataframe[0].value) == 6  # the charts and tables now show the quick file: ring only
    source.set_value("full").run()
    assert not app.exception and len(app.dataframe[0].value) == 12


def test_quick_rerun_cannot_run_twice_at_once(tmp_path):
    started, release = threading.Event(), threading.Event()

    def slow(quick, progress, *, workers):
        started.set()
        release.wait(10)
        return fake_results(("ring",), 1)

    rerun = QuickRerun(runner=slow)
    worker = threading.Thread(target=rerun.run, args=(lambda *a: None, tmp_path))
    worker.start()
    assert started.wait(10) and rerun.running
    with pytest.raises(BusyError):
        rerun.run(lambda *a: None, tmp_path)
    release.set()
    worker.join(10)
    assert not rerun.running and (tmp_path / "trilemma.json").is_file()
    assert rerun.run(lambda *a: None, tmp_path) == tmp_path / "trilemma.json"  # free again


def test_results_loader_refuses_other_files(tmp_path):
    other = tmp_path / "x.json"
    other.write_text(json.dumps({"benchmark": "gan2d", "results": {}}))
    with pytest.raises(charts.ResultsError):
        charts.load_results(other)
    other.write_text("not json")
    with pytest.raises(charts.ResultsError):
        charts.load_results(other)


def test_speed_scores_and_tables_follow_the_numbers():
    results = fake_results()
    rows = charts.filtered(results, ["ring"])
    scores = charts.speed_scores(rows)
    assert scores["gan"] == pytest.approx(1.0) and scores["ddpm_1000"] == pytest.approx(0.0)
    assert 0 < scores["ddim_50"] < scores["ddim_10"] < 1
    table = charts.table_markdown(rows, "en", results["real_baselines"])
    lines = table.splitlines()
    assert len(lines) == 2 + 1 + 6 and EN["tc_real_data"] in lines[2]
    assert "0.905 ± 0.005" in lines[3]  # recall of the GAN over 2 seeds: 0.90 and 0.91
    grid = charts.digit_grid(results, "gan", upscale=1)
    assert grid.shape == (73, 73) and grid[1, 1] == 127  # 0.5 ink on white
