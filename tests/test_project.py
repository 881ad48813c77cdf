"""The project's promises about itself: README, requirements, CI, checkpoints' retrain commands."""

import re
import subprocess
from pathlib import Path

from packaging.requirements import Requirement

from core.checkpoint import read_checkpoint

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def requirements(name: str) -> dict[str, Requirement]:
    lines = [line.split("#")[0].strip() for line in (ROOT / name).read_text().splitlines()]
    return {r.name.lower(): r for r in (Requirement(line) for line in lines if line and not line.startswith("-"))}


def front_matter() -> dict[str, str]:
    match = re.match(r"^---\n(.*?)\n---\n", README, re.S)
    assert match, "README opens with Hugging Face Spaces front matter"
    return dict(line.split(": ", 1) for line in match.group(1).splitlines())


def test_ci_runs_the_readme_test_command():
    commands = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert commands == ["bash scripts/test.sh"]
    assert f"```bash\n{commands[0]}\n```" in README


def test_readme_run_command_installs_and_starts():
    assert "```bash\npip install -r requirements.txt && python app.py\n```" in README


def test_spaces_front_matter_matches_the_requirements():
    meta = front_matter()
    assert meta["sdk"] == "gradio" and meta["app_file"] == "app.py"
    for key in ("title", "emoji", "python_version", "short_description"):
        assert meta.get(key), key
    assert len(meta["short_description"]) <= 60
    assert requirements("requirements.txt")["gradio"].specifier.contains(meta["sdk_version"])
    import gradio

    assert meta["sdk_version"] == gradio.__version__


def test_runtime_requirements():
    reqs = requirements("requirements.txt")
    for name in (
        "gradio",
        "streamlit",
        "torch",
        "diffusers",
        "transformers",
        "safetensors",
        "pillow",
        "plotly",
        "numpy",
        "scikit-learn",
        "scikit-image",
    ):
        assert name in reqs, name
        assert str(reqs[name].specifier), f"{name} has version bounds"
    assert str(reqs["torch"].specifier) == "==2.13.0"
    assert "torchvision" not in reqs
    assert "torchvision" not in requirements("requirements-test.txt")


def _library_folder(path):
    """Returns the shipped `transformers` / `diffusers` folder holding `path` (it has a TRAINED_WITH.txt), or None."""
    for parent in path.parents:
        if (parent / "TRAINED_WITH.txt").is_file():
            return parent
        if parent == ROOT / "assets":
            return None
    return None


def test_every_shipped_checkpoint_has_its_retrain_command_in_the_readme():
    checkpoints = sorted((ROOT / "assets").rglob("*.safetensors"))
    assert checkpoints
    for path in checkpoints:
        folder = _library_folder(path)
        if folder is not None:  # a library's folder format: its command is in TRAINED_WITH.txt
            command = (folder / "TRAINED_WITH.txt").read_text(encoding="utf-8").splitlines()[0]
            assert command in README, f"README lacks the command that retrains {folder.name}"
            assert folder.relative_to(ROOT).as_posix() + "/" in README
            continue
        _, metadata = read_checkpoint(path)
        assert metadata["command"] in README, f"README lacks the command that retrains {path.name}"
        assert path.relative_to(ROOT).as_posix() in README


def test_assets_stay_small():
    total = sum(p.stat().st_size for p in (ROOT / "assets").rglob("*") if p.is_file())
    assert total < 60 * 2**20


def test_no_generated_stub_is_tracked():
    """Gradio writes a `.pyi` beside every module that defines a component; editors would read it instead of the code."""
    tracked = subprocess.run(["git", "ls-files", "*.pyi"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert tracked == []
    ignored = subprocess.run(["git", "check-ignore", "-q", "demos/inputs.pyi"], cwd=ROOT, check=False)
    assert ignored.returncode == 0


def test_no_handler_seeds_the_process_wide_generator():
    """Requests run concurrently: a handler's random draws go through its own `torch.Generator` (see core/seeding.py)."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "demos").rglob("*.py") if "torch.manual_seed(" in p.read_text()]
    assert offenders == []
