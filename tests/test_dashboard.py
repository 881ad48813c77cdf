"""The Streamlit dashboard starts and speaks both languages (Streamlit's AppTest)."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES

SCRIPT = str(Path(__file__).resolve().parent.parent / "demos" / "trilemma_dashboard.py")


def test_dashboard_starts_in_spanish_and_switches_to_english():
    app = AppTest.from_file(SCRIPT, default_timeout=60).run()
    assert not app.exception
    assert app.title[0].value == ES["dash_title"]
    assert ES["dash_intro"][:40] in app.markdown[0].value
    app.sidebar.radio[0].set_value("English").run()
    assert not app.exception
    assert app.title[0].value == EN["dash_title"]
    notes = [element.value for element in app.info] + [element.value for element in app.success]
    assert notes, "the page says whether benchmark results exist"
