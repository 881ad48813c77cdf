"""Checkpoints: safetensors round trip with the config inside; everything else is refused."""

import json
import pickle

import pytest
import torch
from safetensors.torch import save_file

from core.checkpoint import CheckpointError, load_model, read_checkpoint, save_checkpoint
from core.classifier import DigitsClassifier, DigitsClassifierConfig
from core.classifier2d import PointClassifier, PointClassifierConfig


def test_round_trip_rebuilds_the_model_from_its_config(tmp_path):
    torch.manual_seed(0)
    model = DigitsClassifier(DigitsClassifierConfig(channels=(4, 8), feature_dim=16))
    path = save_checkpoint(model, tmp_path / "clf.safetensors", extra={"note": "hi"})
    loaded = load_model(path)
    assert isinstance(loaded, DigitsClassifier)
    assert loaded.config == model.config and loaded.config.channels == (4, 8)  # tuple again, not list
    assert not loaded.training
    x = torch.rand(3, 1, 8, 8)
    model.eval()
    assert torch.equal(loaded(x), model(x))
    _, metadata = read_checkpoint(path)
    assert metadata["note"] == "hi" and json.loads(metadata["config"])["feature_dim"] == 16


def test_a_pickle_is_refused_without_being_unpickled(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    path = tmp_path / "evil.safetensors"
    path.write_bytes(pickle.dumps(Evil()))
    with pytest.raises(CheckpointError, match="not a safetensors file"):
        load_model(path)
    assert not marker.exists()


def test_a_torch_save_file_is_refused(tmp_path):
    path = tmp_path / "model.pt"
    torch.save(PointClassifier(PointClassifierConfig()).state_dict(), path)
    with pytest.raises(CheckpointError, match="not a safetensors file"):
        load_model(path)


def test_plain_safetensors_without_gallery_metadata_is_refused(tmp_path):
    path = tmp_path / "plain.safetensors"
    save_file({"w": torch.zeros(2)}, str(path))
    with pytest.raises(CheckpointError, match="not a gallery checkpoint"):
        load_model(path)


def test_unknown_model_name_is_refused(tmp_path):
    path = tmp_path / "odd.safetensors"
    save_file({"w": torch.zeros(2)}, str(path), metadata={"format": "generative-gallery/1", "model": "os:system", "config": "{}"})
    with pytest.raises(CheckpointError, match="unknown model"):
        load_model(path)


def test_weights_that_do_not_match_the_config_are_refused(tmp_path):
    path = save_checkpoint(PointClassifier(PointClassifierConfig(hidden=8)), tmp_path / "a.safetensors")
    tensors, metadata = read_checkpoint(path)
    metadata["config"] = json.dumps({"num_classes": 2, "hidden": 16, "depth": 2})
    save_file(tensors, str(path), metadata=metadata)
    with pytest.raises(CheckpointError, match="does not match"):
        load_model(path)


@pytest.mark.parametrize("content", [b"", b"short", b"\xff" * 64])
def test_truncated_or_garbage_files_are_refused(tmp_path, content):
    path = tmp_path / "bad.safetensors"
    path.write_bytes(content)
    with pytest.raises(CheckpointError):
        load_model(path)


def test_missing_file(tmp_path):
    with pytest.raises(CheckpointError, match="no checkpoint file"):
        load_model(tmp_path / "nope.safetensors")
