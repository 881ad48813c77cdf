"""The shipped digits classifier and its training recipe; the Overview's 2D classifier."""

from pathlib import Path

import pytest
import torch

from core.assets import DIGITS_CLASSIFIER_PATH
from core.checkpoint import load_model, read_checkpoint
from core.classifier import DigitsClassifierConfig, random_shift
from core.classifier2d import PointClassifier, PointClassifierConfig, classifier_trainer
from core.data.images import load_digits
from core.data.toy2d import make_toy
from core.loop import run_to_end
from core.retrain import main, train_digits_classifier


def test_shipped_classifier_reaches_97_percent_on_the_held_out_split():
    model = load_model(DIGITS_CLASSIFIER_PATH)
    images, labels = load_digits("test")
    probs = model.predict_proba(images)
    accuracy = (probs.argmax(1) == labels).float().mean().item()
    assert accuracy >= 0.97
    _, metadata = read_checkpoint(DIGITS_CLASSIFIER_PATH)
    assert float(metadata["test_accuracy"]) == pytest.approx(accuracy, abs=1e-3)
    assert model.features(images).shape == (len(images), model.config.feature_dim)


def test_training_recipe_at_tiny_scale_writes_a_loadable_checkpoint(tmp_path):
    out = tmp_path / "tiny.safetensors"
    reports = list(train_digits_classifier(out, steps=40, seed=1, config=DigitsClassifierConfig(channels=(4, 8), feature_dim=8)))
    assert reports[-1].done and reports[-1].step == 40
    assert "test_accuracy" in reports[-1].metrics
    first, last = reports[0].history["loss"][:5], reports[-1].history["loss"][-5:]
    assert sum(last) < sum(first)  # it learns
    model = load_model(out)
    assert model.config.channels == (4, 8)


def test_command_line(tmp_path, capsys):
    out = Path(tmp_path) / "cli.safetensors"
    assert main(["digits-classifier", "--steps", "20", "--out", str(out)]) == 0
    assert out.is_file() and "test_accuracy" in capsys.readouterr().out


def test_command_line_gives_the_recipes_it_judges_the_shipped_classifier(monkeypatch):
    """The DCGAN, autoencoder and mini-LDM recipes receive their judge; the command line loads it from `core.assets`."""
    from core import assets, retrain

    seen = {}
    for name in ("train_dcgan", "train_autoencoders", "train_mini_ldm"):
        monkeypatch.setattr(retrain, name, lambda out, _name=name, **kwargs: seen.setdefault(_name, kwargs | {"out": out}))
    for recipe in ("dcgan-digits", "autoencoders-digits", "mini-ldm"):
        retrain.RECIPES[recipe][0]("somewhere", seed=3)
    assert sorted(seen) == ["train_autoencoders", "train_dcgan", "train_mini_ldm"]
    assert all(
        kwargs["classifier"] is assets.classifier() and kwargs["seed"] == 3 and kwargs["out"] == "somewhere" for kwargs in seen.values()
    )
    assert seen["train_mini_ldm"]["clip_dir"] == assets.MINI_CLIP_DIR


def test_random_shift_moves_content_by_at_most_one_pixel():
    image = torch.zeros(1, 1, 8, 8)
    image[0, 0, 3, 4] = 1.0
    shifted = random_shift(image.repeat(200, 1, 1, 1), generator=torch.Generator().manual_seed(0))
    assert torch.all(shifted.sum((1, 2, 3)) == 1.0)  # an interior pixel never falls off
    positions = {tuple(p[2:].tolist()) for p in shifted.nonzero()}
    assert positions == {(r, c) for r in (2, 3, 4) for c in (3, 4, 5)}


def test_point_classifier_separates_two_moons():
    data = make_toy("moons", 600, generator=torch.Generator().manual_seed(0))
    torch.manual_seed(0)
    model = PointClassifier(PointClassifierConfig(num_classes=2))
    final = run_to_end(classifier_trainer(model, data.points, data.labels), 300)
    assert final.metrics["accuracy"] > 0.97
    probs = model.predict_proba(data.points)
    assert probs.shape == (600, 2) and torch.allclose(probs.sum(1), torch.ones(600))
