"""SymPy functions that the catalog uses beyond SymPy's own.

Each one knows three things: its exact derivative (``fdiff``), its reference
form in plain SymPy for high-precision evaluation (``reference``), and its
numerically stable elementary form for code generation (``lowered``). The hard
functions (``hard_round``, ``hard_step``, ``hard_sign``) are only evaluated,
never differentiated.
"""

import sympy as sp


class LoweredFunction(sp.Function):
    """A function the printer never sees: lowering replaces it by ``lowered()``."""

    def reference(self):
        raise NotImplementedError

    def lowered(self):
        raise NotImplementedError


class sigmoid(LoweredFunction):
    """Logistic function 1/(1 + exp(-z)); prints as TensorFlow's overflow-free sigmoid."""

    nargs = 1

    def fdiff(self, argindex=1):
        return sigmoid_slope(self.args[0])

    @classmethod
    def eval(cls, z):
        if z.is_zero:
            return sp.S.Half

    def reference(self):
        (z,) = self.args
        return 1 / (1 + sp.exp(-z))

    def lowered(self):
        return self  # the printer maps it to tf.math.sigmoid


class sigmoid_slope(LoweredFunction):
    """sigmoid(z) * sigmoid(-z), the logistic density.

    Computed as e / (1 + e)**2 with e = exp(-|z|): one exponential, no overflow,
    full relative accuracy in both tails (1 - sigmoid(z) would cancel there).
    """

    nargs = 1

    def fdiff(self, argindex=1):
        (z,) = self.args
        return -sp.tanh(z / 2) * sigmoid_slope(z)

    @classmethod
    def eval(cls, z):
        if z.is_zero:
            return sp.Rational(1, 4)
        if z.could_extract_minus_sign():
            return cls(-z)  # even function: one canonical form for CSE

    def reference(self):
        (z,) = self.args
        return sp.exp(-z) / (1 + sp.exp(-z)) ** 2

    def lowered(self):
        (z,) = self.args
        e = sp.exp(-sp.Abs(z))
        return e / (1 + e) ** 2


class product_no_nan(LoweredFunction):
    """a*b, but 0 wherever b is 0, even where a overflowed to +-inf: b is a
    factor that decays faster than a grows (a logistic density), so where it
    underflows to 0 the exact product is below the dtype's range too."""

    nargs = 2

    def reference(self):
        a, b = self.args
        return a * b

    def lowered(self):
        return self  # the printer maps it to tf.math.multiply_no_nan


class HardFunction(sp.Function):
    """The exact, piecewise-constant function an approximation stands for."""

    nargs = 1

    def fdiff(self, argindex=1):
        raise TypeError(f"{type(self).__name__} is a hard function and is never differentiated")


class hard_round(HardFunction):
    """Round half to even, as tf.round."""

    @staticmethod
    def reference_value(u):
        import mpmath

        n = mpmath.floor(u)
        frac = u - n
        if frac > 0.5 or (frac == 0.5 and int(n) % 2 == 1):
            n += 1
        return n


class hard_step(HardFunction):
    """Heaviside step with H(0) = 1."""

    @staticmethod
    def reference_value(u):
        return 1 if u >= 0 else 0


class hard_sign(HardFunction):
    """Sign with sign(0) = +1."""

    @staticmethod
    def reference_value(u):
        return 1 if u >= 0 else -1


HARD_FUNCTIONS = {"round": hard_round, "step": hard_step, "sign": hard_sign}


class evaluated_first(LoweredFunction):
    """Its argument, computed before the sum it stands in: (n + 1) - s keeps
    n + 1 exact where (-s + n) + 1 would cancel."""

    nargs = 1

    def fdiff(self, argindex=1):
        return sp.S.One

    def reference(self):
        return self.args[0]

    def lowered(self):
        return self  # printed as a parenthesized group


class theta_minus_sin(LoweredFunction):
    """t - sin(t), without the cancellation of the direct form for small t:
    its Taylor series (Horner form) for |t| < 3/2, the direct form beyond."""

    nargs = 1
    SERIES_BOUND = sp.Rational(3, 2)
    SERIES_ORDER = 27  # last term t**25/25!: below 1e-17 relative at |t| = 3/2

    def fdiff(self, argindex=1):
        (t,) = self.args
        return 2 * sp.sin(t / 2) ** 2  # 1 - cos(t), without its cancellation

    def reference(self):
        (t,) = self.args
        return t - sp.sin(t)

    def lowered(self):
        (t,) = self.args
        u = sp.Dummy("u")
        series = sp.series(u - sp.sin(u), u, 0, self.SERIES_ORDER).removeO()
        polynomial = sp.horner(sp.expand(series / u**3).xreplace({u: sp.sqrt(u)}))  # in t**2
        series_form = t**3 * polynomial.xreplace({u: t**2})
        return sp.Piecewise((series_form, sp.Abs(t) < self.SERIES_BOUND), (t - sp.sin(t), True))
