"""3D Gaussian splatting: the Gaussians, their projection, a tiled rasteriser in plain PyTorch, the 2D image model,
densification and pruning, .ply files, fitting."""
