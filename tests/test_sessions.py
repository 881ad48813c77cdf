"""Each person's live run lives in their session: closing the tab stops it, two people never share one."""

import threading
import time

import gradio as gr
import pytest

from core.loop import Trainer
from demos.layout import live_run_state, stop_training

TRAINING_ENDPOINTS = {"gan_play", "autoencoders_race", "autoencoders_beta_train", "diffusion_toy_train", "nerf_train"}


def test_a_deleted_state_stops_its_run_and_leaves_the_running_count():
    trainer = Trainer(lambda: {"loss": 0.0})
    run = trainer.run(10**9)
    next(run)
    assert Trainer.running() >= 1 and trainer in Trainer._running
    stop_training(type("Run", (), {"trainer": trainer})())
    rest = list(run)
    assert rest[-1].reason == "stopped" and trainer not in Trainer._running
    stop_training(None)  # a session that never trained


def test_a_closed_generator_leaves_the_running_count():
    trainer = Trainer(lambda: {})
    run = trainer.run(10**9)
    next(run)
    run.close()
    assert trainer not in Trainer._running


def test_every_state_that_holds_a_training_run_stops_it_when_deleted():
    import app

    demo = app.build_app()
    holders = {}
    for dep in demo.config["dependencies"]:
        if dep.get("api_name") in TRAINING_ENDPOINTS:
            for component_id in [*dep["inputs"], *dep["outputs"]]:
                block = demo.blocks[component_id]
                if isinstance(block, gr.State):
                    holders.setdefault(dep["api_name"], []).append(block)  # the run, and what it recorded for a GIF
    assert set(holders) == TRAINING_ENDPOINTS
    for name, states in holders.items():
        for state in states:
            assert state.delete_callback is stop_training, name
            assert state.time_to_live == live_run_state().time_to_live


@pytest.mark.browser
def test_closing_the_tab_during_play_stops_the_training(browser, app_url):
    from demos.locales.en import STRINGS as EN

    before = Trainer.running()
    context = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=EN["tab_gans"], exact=True).click()
    status = "document.querySelector('#gan-status')"
    page.wait_for_function(f"{status} && {status}.innerText.includes('Iteration 0')", timeout=60_000)
    page.locator("#gan-play").click()
    page.wait_for_function("!document.querySelector('#gan-status').innerText.includes('Iteration 0')", timeout=60_000)
    assert Trainer.running() > before
    context.close()  # the tab closes: Gradio deletes the session's state
    deadline = time.monotonic() + 60
    while Trainer.running() > before and time.monotonic() < deadline:
        time.sleep(0.5)
    assert Trainer.running() <= before, "the run went on after its tab closed"


def test_stop_training_is_safe_from_another_thread():
    trainer = Trainer(lambda: {})
    run = trainer.run(10**9)
    next(run)
    threading.Thread(target=stop_training, args=(type("Run", (), {"trainer": trainer})(),)).start()
    assert list(run)[-1].reason == "stopped"


def test_a_closed_tab_frees_its_session_soon_and_a_session_used_since_is_kept(monkeypatch):
    """Gradio keeps a closed tab's states an hour; `free_closed_sessions` frees them `grace` seconds after, stopping its run
    and asking for a collection of its reference cycles, unless the session answered an event after it closed (a dropped
    connection that came back)."""
    import socket

    from gradio_client import Client

    from demos import layout
    from demos.layout import _free_if_unused, free_closed_sessions

    collections: list[int] = []
    monkeypatch.setattr(layout, "collect_soon", lambda: collections.append(1))

    class Run:
        def __init__(self) -> None:
            self.trainer = Trainer(lambda: {})

    with gr.Blocks() as demo:
        state = live_run_state()
        gr.Button().click(Run, None, state, api_name="start")
        free_closed_sessions(demo, grace=0.5)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo.queue().launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True)
    try:
        kept, closing = (Client(demo.local_url, verbose=False, analytics_enabled=False) for _ in range(2))
        for client in (kept, closing):
            client.predict(api_name="/start")
        runs = {c.session_hash: next(iter(demo.state_holder.session_data[c.session_hash].state_data.values())) for c in (kept, closing)}
        assert all(isinstance(run, Run) for run in runs.values())
        _free_if_unused(demo, kept.session_hash, time.time() - 60)  # closed a minute ago, used since: kept
        assert kept.session_hash in demo.state_holder and not runs[kept.session_hash].trainer.stopped()
        assert collections == []
        closing.close()  # the tab closes
        deadline = time.monotonic() + 20
        while closing.session_hash in demo.state_holder and time.monotonic() < deadline:
            time.sleep(0.1)
        assert closing.session_hash not in demo.state_holder, "the closed tab's session was not freed"
        assert runs[closing.session_hash].trainer.stopped() and collections == [1]
        assert kept.session_hash in demo.state_holder and not runs[kept.session_hash].trainer.stopped()
        kept.close()
    finally:
        demo.close()


def test_a_lazy_session_state_builds_the_configurations_gradio_builds_only_when_asked():
    from gradio.state_holder import SessionState

    import app

    demo = app.build_app()
    eager, lazy = SessionState(demo), app.LazySessionState(demo)
    assert set(vars(lazy)) - {"_config_ids"} == set(vars(eager))  # a Gradio release that adds a field fails here
    assert lazy.config_values == {}  # nothing built for a new visitor
    textbox = next(k for k, block in demo.blocks.items() if isinstance(block, gr.Textbox))
    for session in (eager, lazy):
        session._update_value_in_config(textbox, "changed by this session")
    assert list(lazy.config_values) == [textbox]
    assert list(lazy.components) == list(eager.components)  # a deep link gets every component, in Gradio's order
    fresh = {c["id"]: c for c in app.LazySessionState(demo).components}
    assert fresh[textbox]["props"].get("value") != "changed by this session"  # the change stayed the session's own


def test_a_served_gallery_gives_each_new_session_a_lazy_state_and_keeps_its_runs():
    import socket

    from gradio_client import Client

    import app

    with gr.Blocks() as demo:
        state = gr.State(0)
        count = gr.Number()

        def add(n: int) -> tuple[int, int]:
            return n + 1, n + 1

        gr.Button().click(add, state, [state, count], api_name="add")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo.queue().launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True)
    try:
        app.lazy_sessions(demo.app, demo)
        assert isinstance(demo.state_holder, app.LazyStateHolder) and demo.app.state_holder is demo.state_holder
        first, second = (Client(demo.local_url, verbose=False, analytics_enabled=False) for _ in range(2))
        assert [first.predict(api_name="/add") for _ in range(3)] == [1, 2, 3]
        assert second.predict(api_name="/add") == 1  # a session of its own
        assert all(type(demo.state_holder.session_data[c.session_hash]) is app.LazySessionState for c in (first, second))
        first.close()
        second.close()
    finally:
        demo.close()
