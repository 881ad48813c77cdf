"""The Trilemma & FID tab through the HTTP API: the bias curve and the metrics explainer."""

import json
import re

import pytest
from gradio_client.exceptions import AppError

from demos.texts import t


def figure(plot) -> dict:
    return json.loads(plot["plot"]) if isinstance(plot["plot"], str) else plot["plot"]


def values(trace) -> list[float]:
    import base64

    import numpy as np

    y = trace["y"]
    if isinstance(y, dict) and "bdata" in y:
        return np.frombuffer(base64.b64decode(y["bdata"]), dtype=np.dtype(y["dtype"])).tolist()
    return list(y)


def test_fid_bias_shrinks_with_sample_size(client):
    fid = values(figure(client.predict(api_name="/trilemma_bias"))["data"][0])
    assert len(fid) == 7 and fid[0] > 2 * fid[-1]


def metrics(client, blur, dropped, size=364):
    bars, text, space = client.predict(blur, dropped, size, api_name="/trilemma_explain")
    scores = dict(zip(["precision", "recall", "density", "coverage"], values(figure(bars)["data"][0]), strict=True))
    fid = float(text.split("**FID ")[1].split("**")[0])
    return scores, fid, figure(space)


def test_blur_hurts_quality_and_dropping_classes_hurts_coverage(client):
    clean, clean_fid, space = metrics(client, 0.0, [])
    blurred, blur_fid, _ = metrics(client, 1.5, [])
    dropped, drop_fid, _ = metrics(client, 0.0, ["0", "1", "2", "3", "4"])
    assert blur_fid > clean_fid and drop_fid > clean_fid
    assert blurred["precision"] < clean["precision"] - 0.2 and blurred["density"] < clean["density"]
    assert dropped["recall"] < clean["recall"] - 0.2 and dropped["coverage"] < clean["coverage"] - 0.2
    assert dropped["precision"] > clean["precision"] - 0.1  # what is left is still real digits
    assert len(space["data"]) == 2


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ((0.0, [str(d) for d in range(10)], 364), t("tri_err_all_dropped", "en")),
        ((0.0, [], 0), t("common_err_range", "en", name=t("tri_size", "en"), lo=10, hi=1433)),
        ((0.0, [], 10**8), t("common_err_range", "en", name=t("tri_size", "en"), lo=10, hi=1433)),
        ((0.0, ["x"], 364), t("common_err_choice", "en", name=t("tri_drop", "en"), choices="0-9")),
    ],
)
def test_bad_input(client, values, message):
    with pytest.raises(AppError, match=re.escape(message)):
        client.predict(*values, api_name="/trilemma_explain")


def test_nan_blur_over_raw_http(app_url):
    from tests.test_app_overview import raw_call, stream_error

    stream = raw_call(app_url, "trilemma_explain", '{"data": [NaN, [], 364]}')
    assert stream_error(stream) == t("common_err_not_finite", "en", name=t("tri_blur", "en"))


@pytest.mark.parametrize("dataset", ["ring", "grid", "digits"])
def test_comparison_draws_every_family_on_the_chosen_data(client, dataset):
    from demos.locales.en import STRINGS as EN
    from demos.trilemma_charts import RESULTS, load_results

    results = load_results(RESULTS)
    models = [r["model"] for r in results["table"] if r["dataset"] == dataset]
    assert models, f"the shipped results have no {dataset}"
    speed, radar, table, claims = client.predict(dataset, api_name="/trilemma_compare")
    names = {trace["name"] for trace in figure(speed)["data"] if trace.get("legendgroup") == "models"}
    assert names == {EN[f"tc_model_{m}"] for m in models}
    assert [trace["name"] for trace in figure(radar)["data"]] == [EN[f"tc_model_{m}"] for m in models]
    assert EN["tc_real_data"] in table and "| DDPM | 3.21 |" in table  # the baseline row, and the paper's table
    assert table.count(EN[f"tc_ds_{dataset}"]) == len(models) + 1
    assert claims.startswith(EN["tri_claims_title"]) and claims.count("\n- ") >= 3


def test_comparison_refuses_an_unknown_dataset(client):
    from demos.trilemma import COMPARE_DATASETS

    message = t("common_err_choice", "en", name=t("tri_compare_dataset", "en"), choices=", ".join(COMPARE_DATASETS))
    with pytest.raises(AppError, match=re.escape(message)):
        client.predict("moons", api_name="/trilemma_compare")


def test_comparison_source_gives_a_readable_date_in_the_users_language(client, spanish_client):
    import re

    from demos.i18n import format_date
    from demos.trilemma_charts import RESULTS, load_results

    stamp = load_results(RESULTS)["machine"]["timestamp"]  # e.g. "2026-11-24T08:15:35+00:00"
    for caller, lang in ((spanish_client, "es"), (client, "en")):
        source = caller.predict("ring", api_name="/trilemma_compare")[2].split("\n\n")[0]
        assert format_date(stamp, lang) in source and stamp not in source
        assert re.search(r"\d{4}-\d{2}-\d{2}T", source) is None
    assert " de 20" in format_date(stamp, "es")


def test_the_reading_quotes_the_shipped_results_file():
    """Every number of the reading below the comparison is computed from assets/benchmarks/trilemma.json, none typed by hand."""
    from demos.texts import percent
    from demos.trilemma_charts import load_results
    from demos.trilemma_reading import reading_markdown

    results = load_results()
    row = {(r["dataset"], r["model"]): r for r in results["table"]}

    def ms(dataset, model):
        return row[(dataset, model)]["ms_per_sample"]

    en, es = reading_markdown(results, "en"), reading_markdown(results, "es")
    ratios = [ms(d, "ddpm_1000") / ms(d, "vae") for d in ("ring", "grid", "digits")]
    assert all(f"{r:,.0f} times" in en for r in ratios) and f"{ratios[2]:,.0f}".replace(",", ".") in es
    assert 1000 < ratios[0] < ratios[1] < 3000 < 100_000 < ratios[2]  # not "1,000 to 2,000 times" everywhere
    # evaluations are not time: 4 steps of the denoising diffusion GAN take less than one pass of the DCGAN
    assert ms("digits", "ddgan_4") < ms("digits", "gan")
    assert f"{1000 * ms('digits', 'ddgan_4'):.0f}\u00a0µs per digit" in en and f"({1000 * ms('digits', 'gan'):.0f}\u00a0µs)" in en
    # "on a mode" is the high-quality share (within 3 standard deviations), not precision, in both places
    for model in ("vae", "ddgan_4", "ddpm_1000"):
        assert percent(row[("grid", model)]["high_quality"], "en") in en and percent(row[("grid", model)]["high_quality"], "es") in es
    assert "DDPM: 95%" in en and "DDPM: 95\u00a0%" in es and "94%" not in en
    assert f"precision {row[('ring', 'ddim_10')]['precision']:.2f}" in en
    assert f"({row[('digits', 'gan')]['fid']:.2f} against {row[('digits', 'ddpm_1000')]['fid']:.2f}" in en
    # the comparisons the sentences make hold on the shipped run
    digits_recall = {m: r["recall"] for (d, m), r in row.items() if d == "digits"}
    assert min(digits_recall, key=digits_recall.get) == "vae"
    assert row[("ring", "ddpm_1000")]["recall"] > row[("ring", "gan")]["recall"]
    assert row[("grid", "vae")]["high_quality"] < row[("grid", "gan")]["high_quality"]
    # a different run gives a different text: the numbers are filled at run time
    faster = {
        **results,
        "table": [{**r, "ms_per_sample": r["ms_per_sample"] / 2} if r["model"] == "ddpm_1000" else r for r in results["table"]],
    }
    assert f"{ratios[0] / 2:,.0f} times" in reading_markdown(faster, "en")
    assert reading_markdown({"table": []}, "en") == ""
