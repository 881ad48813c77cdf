"""Neural radiance fields: volume rendering and sampling along rays, positional encoding, the fields."""
