"""The synthetic 3D scene shared by the NeRF and Gaussian splatting tabs: cameras, rays and the exact renderer."""
