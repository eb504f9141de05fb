# Generated from template templates/package/_dispatch.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""Which backend an op call goes to: the framework of its tensors.

A torch.Tensor goes to the PyTorch backend, a jax.Array (or a JAX tracer)
to the JAX backend; anything else (a tf.Tensor, a tf.Variable, a NumPy
array, a Python number) to TensorFlow, as before there were several. Each
backend is imported when first used, so importing this package imports no
framework.
"""

import importlib

# the top-level module of a tensor's type -> the backend subpackage
_BACKEND_OF_MODULE = {"tensorflow": "tensorflow", "jax": "jax", "jaxlib": "jax", "torch": "torch"}
DEFAULT = "tensorflow"
BACKENDS = ("tensorflow", "jax", "torch")


def backend_name(*values):
    """The backend of the first value that is a tensor of a known framework."""
    for value in values:
        backend = _BACKEND_OF_MODULE.get(type(value).__module__.partition(".")[0])
        if backend is not None:
            return backend
    return DEFAULT


def backend(*values):
    """The backend module for ``values`` (x first, then the parameters)."""
    return importlib.import_module(f"{__package__}.{backend_name(*values)}")
