"""The 50-digit references of the tests of one process: one
derive.reference.Reference per op and integer parameters, which keeps its
SymPy derivatives, their mpmath functions and every value it computes, so
that a test asking for an op's reference derives and compiles nothing that
an earlier test of the process (the verifier's among them) already did."""

from derive.reference import Reference


class SharedReferences(dict):
    """derive.reference.Reference objects by (op name, integer parameters),
    the key verify_catalog's ``references`` uses. A Reference keeps every value
    it computes, so one object per op serves every test that asks for the same
    points: both modes and every backend (the derivatives are the same), and
    the points several files check (the float neighbours of integers,
    half-integers and breakpoints, where the 50-digit values cost the most)."""

    def get_for(self, approximation, ints):
        key = (approximation.name, tuple(sorted(ints.items())))
        cached = self.get(key)
        if cached is not None and cached.a is approximation:
            return cached
        reference = Reference(approximation, ints)
        if cached is None:  # an entry of another catalog under the same name is not shared
            self[key] = reference
        return reference


REFERENCES = SharedReferences()


def shared_reference(approximation, ints=None):
    """The process's Reference of ``approximation`` at the integer parameters
    ``ints`` (default: their defaults)."""
    if ints is None:
        ints = {n: approximation.params[n].default for n in approximation.int_params}
    return REFERENCES.get_for(approximation, ints)


def off_the_boundaries(approximation, xs):
    """xs, each point on a boundary of the op's pieces at its defaults (a
    quantizer's cell edge) or on a level its parameters place (DSQ's), where
    the second derivative jumps and the reference decides the side exactly,
    the op within rounding, moved 1/1024 up."""
    import numpy as np

    from derive.verification import breakpoints, quantizer_levels

    a = approximation
    floats = {n: float(a.params[n].default) for n in a.float_params}
    ints = {n: int(a.params[n].default) for n in a.int_params}
    edges = np.array(breakpoints(a, floats, ints=ints) + quantizer_levels(a, floats, ints))
    if edges.size == 0:
        return xs
    on_an_edge = np.min(np.abs(xs[:, None] - edges[None, :]), axis=1) <= 1e-12 * np.maximum(1, np.abs(xs))
    return np.where(on_an_edge, xs + 2.0**-10, xs)
