"""English texts of the Gaussian splatting tab (its lecture sections live in lectures/en/gaussian_splatting.md)."""

STRINGS = {
    "splat_mean_x": "Centre x (pixels)",
    "splat_mean_y": "Centre y (pixels)",
    "splat_scale_x": "Scale along its first axis (pixels)",
    "splat_scale_y": "Scale along its second axis (pixels)",
    "splat_angle": "Rotation (degrees)",
    "splat_opacity": "Opacity o",
    "splat_colour": "Colour",
    "splat_colour_red": "Red",
    "splat_colour_green": "Green",
    "splat_colour_blue": "Blue",
    "splat_colour_orange": "Orange",
    "splat_scale3_x": "Scale s_x (width)",
    "splat_scale3_y": "Scale s_y (height)",
    "splat_scale3_z": "Scale s_z (depth)",
    "splat_turn": "Turn about the vertical axis (degrees)",
    "splat_turn_info": "Rotates the ellipsoid itself; the camera sliders move the viewer.",
    "splat_azimuth": "Camera azimuth (degrees)",
    "splat_elevation": "Camera elevation (degrees)",
    "splat_distance": "Camera distance",
    "splat_hand2d": "One 2D Gaussian and its 3σ ellipse",
    "splat_hand3d": "One 3D Gaussian seen by the camera, its projected 3σ ellipse",
    "splat_hand2d_text": (
        "Covariance $\\Sigma = R\\,S S^\\top R^\\top = \\begin{{pmatrix}} {a} & {b} \\\\ {b} & {c} \\end{{pmatrix}}$ (pixels²). "
        "At the centre the colour covers the background with alpha $= o = {o}$; the red ellipse is where the Gaussian has fallen "
        "to $e^{{-9/2}} \\approx 1\\%$ of its peak."
    ),
    "splat_hand3d_text": (
        "The 3D covariance $\\Sigma = {sigma}$ goes through the view rotation $W = {w}$ and the Jacobian of the perspective "
        "projection at the Gaussian's centre $J = {j}$; the image ellipse is $\\Sigma' = J W \\Sigma W^\\top J^\\top = {cov2d}$ "
        "(pixels²), the red outline. Move the camera: the same ellipsoid casts a different ellipse."
    ),
    "splat_count": "Number of Gaussians",
    "splat_count_info": "Each stores 9 numbers: centre 2, scales 2, angle, opacity, colour 3.",
    "splat_steps": "Steps",
    "splat_densify": "Densify (clone, split, prune)",
    "splat_densify_info": "Every 50 steps: copy or split the Gaussians that the error pulls hardest, remove the transparent ones.",
    "splat_densify3_info": "Every 100 steps in the first half of the run, as in the paper.",
    "splat_lr": "Learning rate",
    "splat_fit2d": "The picture, the Gaussians' render, their ellipses",
    "splat_fit2d_hint": "Choose a picture and a number of Gaussians, then press **Train**.",
    "splat_fit2d_status": "step {step} of {total}: PSNR {psnr}\u00a0dB with {n} Gaussians",
    "splat_fit2d_done": "Done: {steps} in {seconds}\u00a0s, PSNR {psnr}\u00a0dB with {n} Gaussians ({kb}\u00a0kB as 32-bit numbers).",
    "splat_jpeg": (
        "A JPEG of the same picture in at most that many bytes (quality {quality}, {kb}\u00a0kB) reaches {psnr}\u00a0dB: the dashed line."
    ),
    "splat_jpeg_none": "Not even the lowest-quality JPEG fits in that many bytes.",
    "splat_time_ceiling": "(stopped at the {seconds}\u00a0s ceiling of a fit)",
    "splat_panel_target": "the picture",
    "splat_panel_render": "{n} Gaussians",
    "splat_panel_ellipses": "their 3σ ellipses",
    "splat_panel_truth": "truth (exact renderer)",
    "splat_panel_yours": "your splat",
    "splat_panel_depth": "depth",
    "splat_panel_opacity": "accumulated opacity",
    "splat_curves": "PSNR and number of Gaussians",
    "splat_curves_title": "PSNR (solid, left) and number of Gaussians (dotted, right)",
    "splat_count_axis": "Gaussians",
    "splat_jpeg_line": "JPEG, same bytes: {psnr}\u00a0dB",
    "splat_sh": "Colour (spherical harmonics)",
    "splat_sh_0": "degree 0: one colour",
    "splat_sh_1": "degree 1: changes with the view",
    "splat_init": "Start from",
    "splat_init_surface": "points on the surfaces",
    "splat_init_random": "random points in the bounds",
    "splat_views": "Training views",
    "splat_views_info": "Cameras on the hemisphere whose pictures the splat learns from.",
    "splat_seconds": "Time budget (seconds)",
    "splat_seconds_axis": "seconds of training",
    "splat_fit3d": "A held-out view: the truth and your splat",
    "splat_fit3d_hint": "Choose the settings, then press **Train**: a view no training camera saw sharpens as the Gaussians learn.",
    "splat_fit3d_status": "step {step}, {seconds}\u00a0s of {limit}: held-out PSNR {psnr}\u00a0dB, {n} Gaussians",
    "splat_fit3d_done": "Done after {step} steps in {seconds}\u00a0s: held-out PSNR {psnr}\u00a0dB with {n} Gaussians.",
    "splat_fit3d_stopped": "Stopped after {step} steps ({seconds}\u00a0s): held-out PSNR {psnr}\u00a0dB with {n} Gaussians.",
    "splat_model": "Splat",
    "splat_model_shipped": "the gallery's splat",
    "splat_model_yours": "yours (train above)",
    "splat_column": "Pixel column",
    "splat_row": "Pixel row",
    "splat_view": "Truth, splat, depth, opacity (click the truth to pick a pixel)",
    "splat_view_text": "PSNR of this view: **{psnr}\u00a0dB**. Rendered in **{ms}\u00a0ms** with {n} Gaussians, no network.",
    "splat_blend": "One pixel's blend",
    "splat_blend_title": "The {n} Gaussians this pixel crosses, nearest first",
    "splat_blend_axis": "Gaussian, in depth order (1 = nearest)",
    "splat_blend_y": "value (0 to 1)",
    "splat_pixel_text": (
        "The pixel crosses **{n}** Gaussians. Bars: each one's alpha $\\alpha_i$, coloured with its colour; black: the "
        "transmittance $T_i$ before it; orange: its weight $T_i \\alpha_i$. Blended: {mine}, truth: {truth}; the background gets "
        "$T = {rest}$. The same sum as the NeRF ray, over Gaussians instead of samples."
    ),
    "splat_ply_button": "Export as .ply and show in 3D",
    "splat_ply_file": "The .ply file (for any splat viewer)",
    "splat_viewer": "The splat in the browser's 3D viewer (drag to orbit)",
    "splat_compare_button": "Measure both on the held-out views",
    "splat_compare": "Splatting against NeRF",
    "splat_compare_title": "Held-out quality against render time (64×64)",
    "splat_compare_ms": "milliseconds per frame (log scale)",
    "splat_compare_header": "| Model | Held-out PSNR (dB) | ms per 64×64 frame |",
    "splat_compare_reading": (
        "Measured now on this server: **{fast}** renders a frame about **{ratio} times** faster than **{slow}**. "
        "A splat only projects and blends the Gaussians near each pixel; a NeRF evaluates its network at every sample of every ray, "
        "and even when it skips empty space, still at several samples per ray."
    ),
    "splat_contender_splat": "Gaussian splat",
    "splat_contender_nerf": "NeRF (MLP)",
    "splat_contender_nerf_skip": "NeRF (MLP), empty space skipped",
    "splat_contender_grid": "voxel grid field",
    "splat_err_no_run": "You have not trained a splat yet: train one above, or choose the gallery's splat.",
    "splat_err_missing": "The gallery's splat is missing from this installation (assets/splat/).",
}
