"""GANs: losses, 2D GAN lab, DCGAN on digits."""
