"""English text of the NeRF tab."""

STRINGS: dict[str, str] = {
    "nerf_model": "Radiance field",
    "nerf_field_nerf": "NeRF (MLP)",
    "nerf_field_grid": "Voxel grid",
    "nerf_azimuth": "Azimuth (degrees)",
    "nerf_elevation": "Elevation (degrees)",
    "nerf_distance": "Distance to the centre",
    "nerf_fixed_direction": "Hold the viewing direction fixed",
    "nerf_fixed_direction_info": "The field then gets a 3D input only: watch the sphere's highlight stop moving.",
    "nerf_skip_empty": "Skip empty space",
    "nerf_skip_empty_info": (
        "An occupancy grid of the field (measured once) sends only samples where there is matter to the"
        " network, and a ray stops once it is spent: the picture stays the same, compare the milliseconds."
    ),
    "nerf_column": "Pixel column",
    "nerf_row": "Pixel row",
    "nerf_sampling": "Samples along the ray",
    "nerf_sampling_stratified": "Stratified (even bins)",
    "nerf_sampling_hierarchical": "Hierarchical (half even, half where the weights are)",
    "nerf_samples": "Samples per ray",
    "nerf_kind": "Field to train",
    "nerf_frequencies": "Positional-encoding frequencies L",
    "nerf_frequencies_info": "NeRF only. L = 0 feeds raw coordinates: the paper's blurry ablation.",
    "nerf_views": "Training views",
    "nerf_views_info": "Few views: the field fits them and fails in between.",
    "nerf_width": "Network width",
    "nerf_view_dependent": "Colour depends on the viewing direction",
    "nerf_lr": "Learning rate (0: the field's default)",
    "nerf_lr_info": "Defaults: 0.005 for the MLP; 0.4 for the grid's voxels (its small colour decoder keeps 0.005).",
    "nerf_seconds": "Time budget (seconds)",
    "nerf_err_missing": "The shipped radiance fields are not on this server; the instructor can retrain them.",
    "nerf_surfaces": "Scene surfaces",
    "nerf_train_cameras_one": "{count} training camera",
    "nerf_train_cameras_other": "{count} training cameras",
    "nerf_held_out_cameras_one": "{count} held-out camera",
    "nerf_held_out_cameras_other": "{count} held-out cameras",
    "nerf_bounds": "Scene bounds",
    "nerf_light": "Light direction",
    "nerf_scene_title": "The scene, its training cameras (blue) and held-out cameras (orange)",
    "nerf_panel_truth": "Ground truth",
    "nerf_panel_depth": "Depth (purple near, yellow far)",
    "nerf_panel_opacity": "Opacity (white = opaque)",
    "nerf_panel_yours": "Your field",
    "nerf_view": "The view: truth, the field's render, its depth and its opacity (click a pixel to see its ray)",
    "nerf_fly_text": (
        "**PSNR of this view: {psnr}\u00a0dB** against the exact render; the field took {ms}\u00a0ms for 64x64 pixels"
        ", skipping empty space (only samples in cells that hold density, up to where the ray is spent, reach the network)."
    ),
    "nerf_fly_text_full": (
        "**PSNR of this view: {psnr}\u00a0dB** against the exact render; the field took {ms}\u00a0ms for 64x64 pixels"
        ", every sample of every ray through the network."
    ),
    "nerf_fixed_note": "Direction held fixed: every point is coloured as seen from azimuth 0°, so highlights no longer follow you.",
    "nerf_ray_sigma": "density σ (markers: the field's colour)",
    "nerf_ray_weights": "weights w = T (1 − e^(−σδ))",
    "nerf_ray_surface": "true surface",
    "nerf_ray_title": "One ray, from where it enters the scene bounds to where it leaves",
    "nerf_ray_sigma_axis": "density σ",
    "nerf_ray_weight_axis": "T and w",
    "nerf_ray_distance": "distance t along the ray",
    "nerf_ray_text": (
        "Pixel ({column}, {row}), {samples} samples. The weights add up to an opacity of **{opacity}**; "
        "the ray renders {rendered}, the truth is {truth}; the true surface is at t = {depth}."
    ),
    "nerf_status": "Step {step}, {seconds}\u00a0s of {limit}\u00a0s: held-out PSNR **{psnr}\u00a0dB**…",
    "nerf_status_done": "Done: {step} steps in {seconds}\u00a0s; held-out PSNR **{psnr}\u00a0dB**.",
    "nerf_status_stopped": "Stopped at step {step} after {seconds}\u00a0s; held-out PSNR **{psnr}\u00a0dB**.",
    "nerf_hint": "Choose a field and press Train: the held-out view on the right sharpens as it learns.",
    "nerf_live": "A held-out view: the truth and your field",
    "nerf_curve_benchmark": "{field}, shipped run (benchmark)",
    "nerf_curve_yours_held_out": "your run, held-out view",
    "nerf_curve_yours_train": "your run, training batch",
    "nerf_curves_title": "Held-out PSNR against training time (higher is sharper)",
    "nerf_seconds_axis": "seconds of training on this machine",
    "nerf_turntable": "Render a turntable GIF of the shipped field",
    "nerf_turntable_label": "Turntable (24 frames, one full turn)",
    "nerf_scene_plot": "The scene in 3D (drag to turn it)",
    "nerf_ray_plot": "One ray's samples",
    "nerf_curves_plot": "Held-out PSNR against seconds",
}
