"""The Explore tab's catalogue: models to explore, resource lists and datasets, with their links.

Links are language-independent; each locale supplies the one-line descriptions (keyed by `key`)
and renders its Markdown with `render_section`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    paper: str | None = None
    code: str | None = None


ARXIV = "https://arxiv.org/abs/"
GITHUB = "https://github.com/"

# Models to explore, grouped by family.
MODELS: dict[str, tuple[Entry, ...]] = {
    "fam_stylegan": (
        Entry("stylegan_nada", "StyleGAN-NADA", ARXIV + "2108.00946", GITHUB + "rinongal/StyleGAN-nada"),
        Entry("psp", "pixel2style2pixel (pSp)", ARXIV + "2008.00951", GITHUB + "eladrich/pixel2style2pixel"),
        Entry("e4e", "encoder4editing (e4e)", ARXIV + "2102.02766", GITHUB + "omertov/encoder4editing"),
        Entry("hyperstyle", "HyperStyle", ARXIV + "2111.15666", GITHUB + "yuval-alaluf/hyperstyle"),
        Entry("styleflow", "StyleFlow", "https://doi.org/10.1145/3447648", GITHUB + "RameenAbdal/StyleFlow"),
        Entry("stylegan3_editing", "StyleGAN3 editing", ARXIV + "2201.13433", GITHUB + "yuval-alaluf/stylegan3-editing"),
        Entry("sam_age", "SAM (age transformation)", ARXIV + "2102.02754", GITHUB + "yuval-alaluf/SAM"),
        Entry("gangealing", "GANgealing", ARXIV + "2112.05143", GITHUB + "wpeebles/gangealing"),
    ),
    "fam_translation": (
        Entry("stargan_v2", "StarGAN v2", ARXIV + "1912.01865", GITHUB + "clovaai/stargan-v2"),
        Entry("fsgan", "FSGAN", ARXIV + "1908.05932", GITHUB + "YuvalNirkin/fsgan"),
        Entry("cyclegan", "CycleGAN", ARXIV + "1703.10593", GITHUB + "junyanz/CycleGAN"),
        Entry("discogan", "DiscoGAN", ARXIV + "1703.05192", GITHUB + "SKTBrain/DiscoGAN"),
    ),
    "fam_3d": (Entry("point_nerf", "Point-NeRF", ARXIV + "2201.08845", GITHUB + "Xharlie/pointnerf"),),
}

RESOURCES: tuple[Entry, ...] = (
    Entry("res_gans_deepfakes", "awesome-gans-and-deepfakes", None, GITHUB + "enochkan/awesome-gans-and-deepfakes"),
    Entry("res_gans_apps", "gans-awesome-applications", None, GITHUB + "nashory/gans-awesome-applications"),
    Entry("res_gan_zoo", "the-gan-zoo", None, GITHUB + "hindupuravinash/the-gan-zoo"),
    Entry("res_vaes", "Awesome-VAEs", None, GITHUB + "matthewvowels1/Awesome-VAEs"),
    Entry("res_diffusion", "Awesome-Diffusion-Models", None, GITHUB + "diffusion/Awesome-Diffusion-Models"),
    Entry("res_diffusion_survey", "Diffusion Models: A Comprehensive Survey", ARXIV + "2209.00796", None),
    Entry("res_nerf", "awesome-NeRF", None, GITHUB + "awesome-NeRF/awesome-NeRF"),
    Entry("res_3dgs", "awesome-3D-gaussian-splatting", None, GITHUB + "MrNeRF/awesome-3D-gaussian-splatting"),
    Entry("res_genai", "Generative-AI", None, GITHUB + "fnzhan/Generative-AI"),
)

# Each resource list's family, named by the gallery tab that shows it (so it is translated with the tabs); "*" is all.
RESOURCE_FAMILY = {
    "res_gans_deepfakes": "tab_gans",
    "res_gans_apps": "tab_gans",
    "res_gan_zoo": "tab_gans",
    "res_vaes": "tab_autoencoders",
    "res_diffusion": "tab_diffusion",
    "res_diffusion_survey": "tab_diffusion",
    "res_nerf": "tab_nerf",
    "res_3dgs": "tab_3dgs",
    "res_genai": "*",
}

DATASETS: tuple[Entry, ...] = (
    Entry("data_celebamask", "CelebAMask-HQ", ARXIV + "1907.11922", GITHUB + "switchablenorms/CelebAMask-HQ"),
    Entry("data_deepfashion", "DeepFashion-MultiModal", ARXIV + "2205.15996", GITHUB + "yumingj/DeepFashion-MultiModal"),
)


# Gradio's Markdown lets a narrow table column break anywhere, even mid-word ("códig/o", "CycleGA/N").
def _unbroken(text: str) -> str:
    """Returns `text` kept on one line."""
    return f'<span style="white-space: nowrap">{text}</span>'


def _whole_words(text: str) -> str:
    """Returns `text` that may wrap between words (and at hyphens) but never inside one."""
    return f'<span style="overflow-wrap: normal; word-break: normal">{text}</span>'


def _links(entry: Entry, labels: dict[str, str]) -> str:
    parts = []
    if entry.paper:
        parts.append(f"[{labels['paper']}]({entry.paper})")
    if entry.code:
        parts.append(f"[{labels['code']}]({entry.code})")
    return _unbroken(" · ".join(parts))


def render_table(
    entries: tuple[Entry, ...], descriptions: dict[str, str], labels: dict[str, str], *, family: dict[str, str] | None = None
) -> str:
    """Returns a Markdown table: name, links, (family,) what it does; `family` maps an entry to a tab's text key ("*": all)."""
    head = [labels["name"], labels["links"]] + ([labels["family"]] if family else []) + [labels["what"]]
    lines = ["| " + " | ".join(_unbroken(h) for h in head) + " |", "|" + "---|" * len(head)]
    for entry in entries:
        cells = [_whole_words(f"**{entry.name}**"), _links(entry, labels)]
        if family:
            cells.append(_whole_words(labels["all_families"] if family[entry.key] == "*" else descriptions[family[entry.key]]))
        cells.append(_whole_words(descriptions[entry.key]))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_catalog(descriptions: dict[str, str], labels: dict[str, str]) -> dict[str, str]:
    """Returns the Explore tab's Markdown blocks (keys `explore_models_<family>`, one per family of models to explore,
    `explore_resources`, `explore_datasets`)."""
    by_family = {
        f"explore_models_{fam}": f"#### {labels[fam]}\n\n" + render_table(entries, descriptions, labels) for fam, entries in MODELS.items()
    }
    return by_family | {
        "explore_resources": f"### {labels['resources_header']}\n\n"
        + render_table(RESOURCES, descriptions, labels, family=RESOURCE_FAMILY),
        "explore_datasets": f"### {labels['datasets_header']}\n\n" + render_table(DATASETS, descriptions, labels),
    }
