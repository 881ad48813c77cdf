"""Streamlit dashboard of the generative trilemma: `streamlit run demos/trilemma_dashboard.py`.

It reads the results of `python -m benchmarks trilemma` (`assets/benchmarks/trilemma.json`), shows
our table beside the paper's CIFAR-10 table, plotly charts (quality against speed, coverage against
quality, a triangle per model, steps against quality), the claims checked on our numbers and each
model's samples, filtered by data set and model. A button re-runs the quick benchmark with a
progress bar; one server runs at most one at a time, and its results are kept apart from the
shipped ones (in the system's temporary folder).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only the script's folder on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from benchmarks import trilemma as benchmark  # noqa: E402
from benchmarks.common import write_result  # noqa: E402
from demos import trilemma_charts as charts  # noqa: E402
from demos.lazy import core_trilemma  # noqa: E402
from demos.texts import Lang, t  # noqa: E402
from demos.trilemma_reading import reading_markdown  # noqa: E402

LANGUAGES: dict[str, Lang] = {"Español": "es", "English": "en"}


class BusyError(RuntimeError):
    """A quick re-run is already in progress."""


class QuickRerun:
    """Runs the quick benchmark at most once at a time: every `QuickRerun` given the same `lock` waits on the same run."""

    def __init__(self, runner: Callable[..., dict[str, Any]] | None = None, *, lock: threading.Lock | None = None):
        self._runner = runner or benchmark.run
        self._lock = lock or threading.Lock()

    @property
    def running(self) -> bool:
        return self._lock.locked()

    def run(self, progress: Callable[[int, int, str], None], out_dir: Path) -> Path:
        """Returns the results file written in `out_dir` after a quick run, reporting progress; raises `BusyError` if one is running."""
        if not self._lock.acquire(blocking=False):
            raise BusyError("a quick benchmark is already running")
        try:
            results = self._runner(True, progress, workers=1)
            return write_result(Path(out_dir), "trilemma", results, True)
        finally:
            self._lock.release()


@st.cache_resource
def rerun_lock() -> threading.Lock:
    """Returns the server's one lock for quick re-runs, shared by every session (Streamlit runs this script again
    on every interaction, so a class defined here is new each time: the lock, not a re-runner, is what is kept)."""
    return threading.Lock()


def rerunner() -> QuickRerun:
    """Returns a quick re-runner on the server's shared lock."""
    return QuickRerun(lock=rerun_lock())


def _rerun_section(lang: Lang) -> None:
    st.subheader(t("dash_rerun", lang))
    st.caption(t("dash_rerun_help", lang))
    runner = rerunner()
    if st.button(t("dash_rerun", lang), key="rerun", disabled=runner.running):
        bar = st.progress(0.0, text=t("dash_progress", lang, done=0, total="…", last="…"))

        def report(done: int, total: int, last: str) -> None:
            bar.progress(min(done / max(total, 1), 1.0), text=t("dash_progress", lang, done=done, total=total, last=last))

        try:
            path = runner.run(report, charts.QUICK_DIR)
        except BusyError:
            st.warning(t("dash_busy", lang))
        else:
            st.session_state["quick_done"] = str(path)  # the next run shows these results and says so
            st.rerun()
    elif runner.running:
        st.warning(t("dash_busy", lang))


def _all_chosen_first(label: str, options: list[str], name: Callable[[str], str], key: str) -> list[str]:
    """Returns the options chosen in a sidebar filter that starts with every one of them chosen."""
    return st.sidebar.multiselect(label, options, default=options, format_func=name, key=key)


STREAMLIT_THEME = "streamlit"  # the plotly template Streamlit registers and fills in on its page


def _chart(container: Any, figure: Any, key: str) -> None:
    """Shows a plotly chart in Streamlit's theme, named on the figure (the gallery's server keeps plotly's default for
    its own charts: `app.LazyDashboard`)."""
    figure.update_layout(template=STREAMLIT_THEME)
    container.plotly_chart(figure, key=key)


def main() -> None:
    asked = st.query_params.get("lang", "es")  # the gallery's link passes its language
    first = list(LANGUAGES.values()).index(asked) if asked in LANGUAGES.values() else 0
    lang = LANGUAGES[st.sidebar.radio("Idioma / Language", list(LANGUAGES), index=first, key="language")]
    st.set_page_config(page_title=t("dash_title", lang), layout="wide")  # the browser tab's name, in the chosen language
    st.title(t("dash_title", lang))
    st.markdown(t("dash_intro", lang))

    done = st.session_state.pop("quick_done", None)
    if done is not None:
        st.session_state["source"] = "quick"  # set before the selector exists in this run
        st.success(t("dash_done", lang, path=charts.shown_path(done)))
    sources = {"full": charts.RESULTS}
    if (charts.QUICK_DIR / "trilemma.json").is_file():
        sources["quick"] = charts.QUICK_DIR / "trilemma.json"
    labels = {"full": t("dash_source_full", lang), "quick": t("dash_source_quick", lang)}
    chosen = st.sidebar.radio(t("dash_source", lang), list(sources), format_func=labels.get, key="source") if len(sources) > 1 else "full"
    try:
        results = charts.load_results(sources[chosen])
    except charts.ResultsError as exc:
        st.info(t("dash_pending", lang, error=exc))
        _rerun_section(lang)
        return
    st.caption(t("dash_found", lang, path=charts.shown_path(sources[chosen])) + " · " + charts.source_caption(results, lang))

    present_datasets = list(dict.fromkeys(r["dataset"] for r in results["table"]))
    present_models = [m for m in core_trilemma.MODELS if any(r["model"] == m for r in results["table"])]
    datasets = _all_chosen_first(t("dash_datasets", lang), present_datasets, lambda d: charts.dataset_name(d, lang), f"datasets-{chosen}")
    models = _all_chosen_first(t("dash_models", lang), present_models, lambda m: charts.model_name(m, lang), f"models-{chosen}")
    rows = charts.filtered(results, datasets, models)
    if not rows:
        st.warning(t("dash_nothing", lang))
        _rerun_section(lang)
        return

    st.markdown(t("tc_scale_note", lang))
    ours, paper = st.columns([3, 2])
    with ours:
        st.subheader(t("dash_ours", lang))
        st.dataframe(charts.table_records(rows, lang), hide_index=True, width="stretch")
    with paper:
        st.subheader(t("dash_paper", lang))
        st.markdown(charts.paper_markdown(results, lang))

    st.subheader(t("dash_charts", lang))
    left, right = st.columns(2)
    _chart(left, charts.quality_speed_figure(rows, lang), "speed")
    _chart(right, charts.coverage_quality_figure(rows, lang), "coverage")

    st.subheader(t("dash_radar", lang))
    st.caption(t("tc_radar_note", lang))
    for column, dataset in zip(st.columns(len(datasets)), datasets, strict=True):
        _chart(column, charts.radar_figure(rows, dataset, lang), f"radar-{dataset}")

    st.subheader(t("dash_steps", lang))
    st.caption(t("dash_steps_caption", lang))
    for column, dataset in zip(st.columns(len(datasets)), datasets, strict=True):
        _chart(column, charts.steps_figure(rows, dataset, lang), f"steps-{dataset}")

    st.subheader(t("dash_claims", lang))
    st.markdown(charts.claims_markdown(results, lang, datasets) or "–")
    if chosen == "full":
        st.markdown(reading_markdown(results, lang))

    st.subheader(t("dash_samples", lang))
    st.caption(t("dash_samples_caption", lang))
    for dataset in datasets:
        if dataset == "digits":
            st.markdown(f"**{charts.dataset_name(dataset, lang)}**")
            columns = st.columns(4)
            for i, model in enumerate(m for m in models if charts.digit_grid(results, m) is not None):
                columns[i % 4].image(charts.digit_grid(results, model), caption=charts.model_name(model, lang))
        else:
            _chart(st, charts.preview_figure(results, dataset, models, lang), f"samples-{dataset}")

    _rerun_section(lang)


if __name__ == "__main__":  # `streamlit run` and AppTest run the script as __main__; an import only defines it
    main()
