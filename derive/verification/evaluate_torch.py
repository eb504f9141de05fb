"""Evaluating a generated PyTorch op: its value and its first and second
derivatives through torch.autograd.grad with create_graph, as
derive/verification/evaluation.py does for TensorFlow through tapes."""

from __future__ import annotations

import numpy as np

from ..spec import Approximation
from .evaluation import call_op as _call


def _numpy(tensor, like) -> np.ndarray:
    """A float64 array of a result; zeros shaped like x for an unconnected one."""
    if tensor is None:
        return np.zeros(like.shape, dtype=np.float64)
    return tensor.detach().double().cpu().numpy()


def evaluate_op(fn, a: Approximation, xs, floats, ints, mode, dtype_name: str, tensor_params: bool):
    """Value, first and second derivatives of the generated op at each x, as
    float64 arrays keyed (), (name,), (name, other) like evaluation.evaluate_op.

    With ``tensor_params`` each float parameter is a tensor shaped like x, so
    that per-point partial derivatives come out of autograd (the op is
    elementwise: the gradient of the sum is the per-point derivative). An
    output that does not depend on an input has derivative 0 there."""
    import torch

    dtype = getattr(torch, dtype_name)
    x = torch.tensor(np.asarray(xs, dtype=np.float64), dtype=torch.float64).to(dtype).requires_grad_()
    names = ["x"] + (list(floats) if tensor_params else [])
    variables = [x] + [torch.full_like(x, floats[n]).requires_grad_() for n in names[1:]]
    params = {**floats, **dict(zip(names[1:], variables[1:]))}
    y = _call(fn, a, x, params, ints, mode)
    results = {(): _numpy(y, x)}
    firsts = [None] * len(variables)
    if y.requires_grad:
        firsts = torch.autograd.grad(y.sum(), variables, create_graph=True, allow_unused=True)
    for i, name in enumerate(names):
        results[(name,)] = _numpy(firsts[i], x)
        seconds = [None] * len(variables)
        if firsts[i] is not None and firsts[i].requires_grad:
            seconds = torch.autograd.grad(firsts[i].sum(), variables, retain_graph=True, allow_unused=True)
        for k, other in enumerate(names):
            if k >= i:
                results[(name, other)] = _numpy(seconds[k], x)
    return results
