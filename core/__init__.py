"""The gallery's models, algorithms, data and metrics: plain PyTorch and NumPy.

Nothing here imports a UI toolkit, and importing a module has no side effects.
"""
