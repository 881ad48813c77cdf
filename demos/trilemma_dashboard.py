"""Streamlit dashboard of the generative trilemma: `streamlit run demos/trilemma_dashboard.py`.

For now it starts, says what it will show, and lists any benchmark results it finds; the full
comparison (tables and plotly charts) arrives with the Trilemma issue.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only the script's folder on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from demos.locales.en import STRINGS as EN  # noqa: E402
from demos.locales.es import STRINGS as ES  # noqa: E402

RESULTS = ROOT / "assets" / "trilemma_results.json"
LANGUAGES = {"Español": ES, "English": EN}


def main() -> None:
    st.set_page_config(page_title="Trilemma", layout="wide")
    choice = st.sidebar.radio("Idioma / Language", list(LANGUAGES), index=0, key="language")
    text = LANGUAGES[choice]
    st.title(text["dash_title"])
    st.markdown(text["dash_intro"])
    if RESULTS.is_file():
        st.success(text["dash_found"].format(path=RESULTS.relative_to(ROOT)))
        st.json(json.loads(RESULTS.read_text()))
    else:
        st.info(text["dash_pending"])


main()
