"""SymPy functions that the catalog uses beyond SymPy's own.

Each one knows three things: its exact derivative (``fdiff``), its reference
for high-precision evaluation (a form in plain SymPy, ``reference``, or an
mpmath routine, ``reference_value``), and its
numerically stable elementary form for code generation (``lowered``). The hard
functions (``hard_round``, ``hard_step``, ``hard_sign``) are only evaluated,
never differentiated.
"""

import functools

import mpmath
import sympy as sp
from mpmath.libmp import prec_to_dps
from sympy.codegen.cfunctions import expm1, log1p


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
        return sigmoid_curvature(self.args[0])

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


class sigmoid_curvature(LoweredFunction):
    """d/dz sigmoid_slope(z) = -tanh(z/2)*sigmoid_slope(z), the logistic
    density's slope.

    With a = |z| and e = exp(-a) as -sign(z)*e*(1 - e)/(1 + e)**3, (1 + e)**3
    in Horner form: the product of tanh and the density rounds tanh, and
    (1 + e)*(1 + e) three times, where this rounds once per step (and 1 - e
    is exact for a <= log(2)). Below a = 1/2, where 1 - e magnifies the
    rounding of e, tanh(a/2) times the density, (1 + e)**2 as 1 + e*(2 + e).
    """

    nargs = 1
    SWITCH = sp.Rational(1, 2)

    def fdiff(self, argindex=1):
        (z,) = self.args
        # sech(z/2)**2 = 4*sigmoid_slope(z)
        return (sp.tanh(z / 2) ** 2 - 2 * sigmoid_slope(z)) * sigmoid_slope(z)

    @classmethod
    def eval(cls, z):
        if z.is_zero:
            return sp.S.Zero
        if z.could_extract_minus_sign():
            return -cls(-z)  # odd function

    def reference(self):
        (z,) = self.args
        return -sp.tanh(z / 2) * sp.exp(-z) / (1 + sp.exp(-z)) ** 2

    def lowered(self):
        (z,) = self.args
        return self.form(z, sp.exp(-sp.Abs(z)))

    @classmethod
    def form(cls, z, e):
        """The lowered form with e = exp(-|z|) given (an ``exp_sum`` where
        lowering has one)."""
        a = sp.Abs(z)
        near_zero = sp.tanh(a / 2) * e / (1 + e * (2 + e))
        beyond = e * evaluated_first(1 - e) / (1 + e * (3 + e * (3 + e)))
        return -sp.sign(z) * sp.Piecewise((near_zero, a < cls.SWITCH), (beyond, True))


class swish_sign_curve(LoweredFunction):
    """tanh(z/2) + 2*z*sigmoid_slope(z): the swish sign of z = beta*x, whose
    slope is ``swish_sign_slope``."""

    nargs = 1

    def fdiff(self, argindex=1):
        return swish_sign_slope(self.args[0])

    def reference(self):
        (z,) = self.args
        return sp.tanh(z / 2) + 2 * z / (sp.exp(z / 2) + sp.exp(-z / 2)) ** 2

    def lowered(self):
        (z,) = self.args
        return sp.tanh(z / 2) + product_no_nan(2 * z, sigmoid_slope(z))


class swish_sign_slope(LoweredFunction):
    """d/dz of swish_sign_curve: (4 - 2*z*tanh(z/2))*sigmoid_slope(z).

    With a = |z| and e = exp(-a) as 2*e*((2 - a) + e*(2 + a))/(1 + e)**3: the
    differentiated form subtracts 2*z*tanh(z/2) from 4 and triples the
    rounding of tanh where they are close (a = 3.3), while here the part
    that cancels against 2 - a, e*(2 + a), is a fifth of it there; and all of
    it is computed from one rounding of z. A factor (2 - a) that overflows
    where e underflows multiplies it as 0, not NaN.
    """

    nargs = 1

    def fdiff(self, argindex=1):
        # not this form's own derivative, which cancels next to z = 0 (3*(e**2 - 1))
        (z,) = self.args
        return swish_sign_curvature(z)

    @classmethod
    def eval(cls, z):
        if z.could_extract_minus_sign():
            return cls(-z)  # even function

    def reference(self):
        (z,) = self.args
        w = sp.Dummy("w", real=True)
        return sp.diff(swish_sign_curve(w).reference(), w).xreplace({w: z})

    def lowered(self):
        (z,) = self.args
        a = sp.Abs(z)
        e = sp.exp(-a)
        # (1 + e)**3 expanded in Horner form: one rounding that is not cubed
        return product_no_nan(evaluated_first(2 - a) + e * (2 + a), 2 * e / (1 + e * (3 + e * (3 + e))))


class swish_sign_curvature(LoweredFunction):
    """d/dz of swish_sign_slope: 2*sigmoid_slope(z)*(z - 3*tanh(z/2) - 6*z*sigmoid_slope(z)).

    With a = |z| and e = exp(-a) as sign(z)*2*e*p/(1 + e)**4, p the
    polynomial a*(1 - 4*e + e**2) - 3*(1 - e**2) in e. The differentiated
    form, 2*z*tanh(z/2)**2 - 6*tanh(z/2) - 4*z*sigmoid_slope(z) times the
    density, subtracts terms four times the result past a = 4, where each
    tanh's rounding is multiplied. p is taken as (a - 3) - 4*a*e + (a + 3)*e**2
    from a = 3/2 on (a - 3 is exact there, and the rest is small beside it
    except next to p's root at a = 3.44, where the output is ill-conditioned
    anyway); below, where those terms near 3 cancel to -8*a, as
    a*(m**2 - 2*e) - 3*m*(1 + e) with m = 1 - e = -expm1(-a): terms of one
    sign there. (1 + e)**4 in Horner form rounds once.
    """

    nargs = 1
    SWITCH = sp.Rational(3, 2)

    def fdiff(self, argindex=1):
        (z,) = self.args
        w = sp.Dummy("w", real=True)
        return sp.diff(self._differentiated(w), w).xreplace({w: z})

    @staticmethod
    def _differentiated(z):
        return 2 * sigmoid_slope(z) * (z - 3 * sp.tanh(z / 2) - 6 * z * sigmoid_slope(z))

    @classmethod
    def eval(cls, z):
        if z.is_zero:
            return sp.S.Zero
        if z.could_extract_minus_sign():
            return -cls(-z)  # odd function

    def reference(self):
        (z,) = self.args
        density = 1 / (sp.exp(z / 2) + sp.exp(-z / 2)) ** 2
        return 2 * (z - 3 * sp.tanh(z / 2)) * density - 12 * z * density**2

    def lowered(self):
        (z,) = self.args
        a = sp.Abs(z)
        e = sp.exp(-a)
        m = -expm1(-a)
        near_zero = a * (m**2 - 2 * e) - 3 * m * (1 + e)
        beyond = evaluated_first(a - 3) - 4 * a * e + (a + 3) * e**2
        p = sp.Piecewise((near_zero, a < self.SWITCH), (beyond, True))
        return product_no_nan(sp.sign(z) * p, 2 * e / (1 + e * (4 + e * (6 + e * (4 + e)))))


class product_no_nan(LoweredFunction):
    """a*b, but 0 wherever b's numerator is 0, even where a overflowed to
    +-inf: b is a factor that decays faster than a grows (a logistic density,
    an exponential over a polynomial in it), so where it underflows to 0 the
    exact product is below the dtype's range too."""

    nargs = 2

    def reference(self):
        a, b = self.args
        return a * b

    def lowered(self):
        return self  # the printer writes the product and the test


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


class fraction_minus(LoweredFunction):
    """x - floor(x) - shift for a rational 0 < shift <= 1, rounded once.

    From rho = x - round(x), which is exact, as rho + (1 - shift) or rho - shift.
    (x - floor(x)) - shift rounds twice where x is a small negative number:
    x - floor(x) = 1 - |x| rounds to 1 (x = -0.49999997 in float32: 0.50000003
    to 0.5), and the subtraction then loses |x|, or all of the result.
    """

    nargs = 2

    def fdiff(self, argindex=1):
        return sp.S.One if argindex == 1 else sp.S.NegativeOne

    def reference(self):
        w, shift = self.args
        return w - sp.floor(w) - shift

    def lowered(self):
        w, shift = self.args
        rho = evaluated_first(w - hard_round(w))
        return sp.Piecewise((rho + (1 - shift), rho < 0), (rho - shift, True))


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


class value_from(LoweredFunction):
    """b, its value computed as a, an expression equal to b that rounds less
    there: the derivatives are b's. Two forms of one function can each
    cancel where the other does not, one in its value and the other in its
    derivatives (soft_round_inverse next to the integers)."""

    nargs = 2

    def fdiff(self, argindex=1):
        return sp.S.Zero if argindex == 1 else sp.S.One

    def reference(self):
        return self.args[1]

    def lowered(self):
        return self.args[0]


def _sum_and_error(a, b):
    """(s, c) with s = a + b rounded and c = b - (s - a) its rounding error,
    exact when |b| <= |a| (Fast2Sum: both subtractions are exact)."""
    s = evaluated_first(a + b)
    return s, b - evaluated_first(s - a)


class exp_sum(LoweredFunction):
    """exp(a + b) for |b| <= |a|, with the rounding of the sum a + b undone.

    s = a + b rounds by up to half an ULP of s, which exp turns into a
    relative error of up to |s| * eps / 2, many ULPs once |s| is large. That
    rounding c is recovered exactly (``_sum_and_error``), and exp(a + b) =
    exp(s) + exp(s)*c to within c**2. a is meant to be exact (a parameter
    times a power of two) and b small next to it where accuracy matters, so
    that b's own rounding is the input's.
    """

    nargs = 2

    def fdiff(self, argindex=1):
        return self

    def reference(self):
        a, b = self.args
        return sp.exp(a + b)

    def lowered(self):
        s, c = _sum_and_error(*self.args)
        e = sp.exp(s)
        return e + e * c


class erfc_sum(LoweredFunction):
    """erfc(a + b) for |b| <= |a|, with the rounding of the sum a + b undone.

    As for ``exp_sum``: s = a + b rounds by up to half an ULP of s, which
    erfc, whose logarithmic slope is about -2*s, turns into a relative error
    of about s**2 * eps. The rounding c is recovered exactly, and
    erfc(a + b) = erfc(s) - c*2/sqrt(pi)*exp(-s**2) to within c**2.
    """

    nargs = 2

    def fdiff(self, argindex=1):
        a, b = self.args
        return -2 / sp.sqrt(sp.pi) * sp.exp(-((a + b) ** 2))

    def reference(self):
        a, b = self.args
        return sp.erfc(a + b)

    def lowered(self):
        s, c = _sum_and_error(*self.args)
        return sp.erfc(s) - c * (2 / sp.sqrt(sp.pi)) * sp.exp(-(s**2))


class sum_exact_pair_first(LoweredFunction):
    """a + k + c for a rational constant k, rounded once where either pair is
    exact: k + c first where Sterbenz's lemma makes it exact (c of the other
    sign than k, within a factor 2 of it), else a + k first. In
    sine_round's window margin w - 1 + 2|t| the first is exact for |t| >= 1/4
    and the second for w >= 1/2; where neither is (|t| < 1/4, w < 1/2) the
    margin is below -1/4, and its sign, all that is used there, is exact.
    Any fixed order rounds twice next to one of the window's edges."""

    nargs = 3

    def fdiff(self, argindex=1):
        return sp.S.One

    def reference(self):
        return sp.Add(*self.args)

    def lowered(self):
        a, k, c = self.args
        low, high = sorted((-k / 2, -2 * k))
        # a 0-or-1 factor, not a Piecewise: SymPy would fold a Piecewise in a
        # condition into every branch of the enclosing one
        exact_pair = hard_step(c - low) * hard_step(high - c)
        # k + c as 2*(c/2 + k/2), as exact: TensorFlow's graph optimizer would turn a constant
        # a plus (c + k) into c + (a + k), rounded twice
        paired = a + 2 * evaluated_first(c / 2 + k / 2)
        return exact_pair * paired + (1 - exact_pair) * (evaluated_first(a + k) + c)


class per_dtype(sp.Function):
    """A number that depends on the compute dtype: per_dtype(float32's, float64's),
    printed as a choice made when the kernel is traced (float16 and bfloat16
    compute in float32)."""

    nargs = 2


class exp_factor(LoweredFunction):
    """exp(a), kept a factor of its own.

    SymPy merges exp(a)*exp(b) into exp(a + b), which rounds the sum first:
    an error of eps*|a + b| relative to the result that a factor exp(a) of an
    exact a does not have (half_integer_sigmoid's exp(-alpha) beside
    exp(-2*alpha*u)).

    XLA's algebraic simplifier makes the same merge in compiled kernels (5 ULP
    in float64 at alpha = 15): the factor is printed as a selection, 0 below
    ``FLUSHED``, where exp(a) leaves the compute dtype's normal range anyway,
    which it cannot see through.
    """

    nargs = 1
    # exp(-87) = 1.6e-38 and exp(-708) = 3.3e-308: the smallest normal numbers are 1.2e-38 and 2.2e-308
    FLUSHED = -per_dtype(87, 708)

    def fdiff(self, argindex=1):
        return self

    def reference(self):
        return sp.exp(self.args[0])

    def lowered(self):
        (a,) = self.args
        return sp.Piecewise((evaluated_first(sp.exp(a)), a > self.FLUSHED), (0, True))


class SaturatingPart(LoweredFunction):
    """A factor of soft_round beyond alpha = 4, a function of (alpha, u) for
    alpha >= 0 and 0 <= u <= 1/2 (u = |x - round(x)|), of A = exp(-2*alpha*u)
    and of the logistic s = sigmoid(-alpha*(1 - 2*u)), lowered through one
    exponential w of an argument selected per element, whose rounding x's
    own condition excuses, and E = exp(-alpha), whose argument is exact:

    - next to the integers (u < 1/4) w = A, and s = E/(E + w), where
      exp(-alpha*(1 - 2*u)) would round an exponent close to alpha (up to
      alpha/2 ULPs);
    - next to the half-integers w = exp(-alpha*(1 - 2*u)), whose exponent is
      exact there, s = w/(1 + w), and A = E/w, a term below exp(-alpha/2)
      beside 1.

    Where E leaves the dtype's range, E/(E + w) is h*(h/(E + w)), h =
    exp(-alpha/2), and beyond h's the forms of the half-integers hold (every
    term in E is below the range then). Each form is one quotient of selected
    terms, used once (XLA computes a quotient that a kernel uses twice in a
    loop of its own). Their derivatives are these functions (hand-derived
    into terms of one sign where the product rule's sum would cancel), or
    products of them.
    """

    nargs = 2

    def _eval_derivative_of(self, argindex, alpha, u):
        raise NotImplementedError

    def fdiff(self, argindex=1):
        return self._eval_derivative_of(argindex, *self.args)

    def reference(self):
        alpha, u = self.args
        a, e = sp.exp(-2 * alpha * u), sp.exp(-alpha * (1 - 2 * u))
        return self.written(a, 1 - a, e / (1 + e), e / (1 + e) ** 2, u, 1 - 2 * u)

    @staticmethod
    def written(a, one_minus, s, slope, u, distance):
        """The function in A, 1 - A, s, s*(1 - s), u and 1 - 2*u."""
        raise NotImplementedError

    def lowered(self):
        alpha, u = self.args
        h, e = exp_factor(-alpha / 2), exp_factor(-alpha)
        z = 2 * alpha * u
        # where h underflows, so does every term of h*h: the forms of the half-integers then
        near_integer = (u < sp.Rational(1, 4)) & (-alpha / 2 > exp_factor.FLUSHED)
        w = sp.exp(sp.Piecewise((-z, near_integer), (-alpha * evaluated_first(1 - 2 * u), True)))
        one_minus = one_minus_integer_exponential.form(z, w)
        # E/(E + w), as h*(h/(E + w)) where E leaves the dtype's range (a quotient first, so
        # that no product of h and h, or of h and w, underflows where the result does not)
        in_range = -alpha > exp_factor.FLUSHED
        over = evaluated_first(_over(sp.Piecewise((e, in_range), (h, True)), e + w))
        near_factor = sp.Piecewise((1, in_range), (h, True)) * over
        numerator, denominator, factor = self.forms(e, w, one_minus, evaluated_first(1 - 2 * u), u, near_factor)
        pieces = [sp.Piecewise((near, near_integer), (far, True)) for near, far in (numerator, denominator, factor)]
        # the quotient first: the factor would otherwise meet the numerator in a product
        # that underflows where the result does not
        return evaluated_first(_over(pieces[0], pieces[1])) * pieces[2]

    @staticmethod
    def forms(e, w, one_minus, distance, u, near_factor):
        """((numerator, denominator, factor) next to the integers, the same
        next to the half-integers), as numerator/denominator*factor, given
        E, w, 1 - w next to the integers, 1 - 2*u, u and E/(E + w)."""
        raise NotImplementedError


class saturating_product(SaturatingPart):
    """(1 - A)*s: (1 - A)*E/(E + w) next to the integers, (w - E)/(1 + w)
    next to the half-integers (where E/w <= exp(-2): w - E cancels by at most
    1/(1 - exp(-2)))."""

    def _eval_derivative_of(self, argindex, alpha, u):
        return saturating_alpha_slope(alpha, u) if argindex == 1 else 2 * saturating_scaled_slope(alpha, u)

    @staticmethod
    def written(a, one_minus, s, slope, u, distance):
        return one_minus * s

    @staticmethod
    def forms(e, w, one_minus, distance, u, near_factor):
        return (one_minus, w - e), (1, 1 + w), (near_factor, 1)


class saturating_slope(SaturatingPart):
    """d/du of saturating_product over 2*alpha, P = A*s + (1 - A)*s*(1 - s):
    w*(E + w + (1 - A))/(E + w)*(E/(E + w)) next to the integers (the quotient
    first: a product E*w would underflow where P does not), w*(1 + E)/(1 + w)**2
    next to the half-integers."""

    def _eval_derivative_of(self, argindex, alpha, u):
        return saturating_slope_alpha(alpha, u) if argindex == 1 else 2 * alpha * saturating_curvature(alpha, u)

    @staticmethod
    def written(a, one_minus, s, slope, u, distance):
        return a * s + one_minus * slope

    @staticmethod
    def forms(e, w, one_minus, distance, u, near_factor):
        return (w * (e + w + one_minus), w * (1 + e)), (e + w, (1 + w) ** 2), (near_factor, 1)


class saturating_scaled_slope(SaturatingPart):
    """alpha*saturating_slope, d/du of saturating_product over 2: its
    alpha-derivative P + alpha*dP/dalpha changes sign, and as one bracket of
    two terms of one sign each it rounds less than as that sum:
    E*w*((E + w + 1 - A)*(E + w) - alpha*(2*u*E*(E + w) + (1 - 2*u)*(w*(E + w)
    + (1 - A)*(w - E))))/(E + w)**3 next to the integers,
    w*((1 + E)*(1 + w) - alpha*(2*u*E*(1 + w) + (1 - 2*u)*(1 - w + 2*E)))/(1 + w)**3
    next to the half-integers."""

    def _eval_derivative_of(self, argindex, alpha, u):
        if argindex == 2:
            return 2 * alpha**2 * saturating_curvature(alpha, u)
        return saturating_scaled_slope_alpha(alpha, u)

    def reference(self):
        alpha, u = self.args
        return alpha * saturating_slope(alpha, u).reference()

    def lowered(self):
        alpha, u = self.args
        return alpha * saturating_slope(alpha, u).lowered()


class saturating_scaled_slope_alpha(SaturatingPart):
    """d/dalpha of saturating_scaled_slope (see there)."""

    def _eval_derivative_of(self, argindex, alpha, u):
        a, v = sp.Dummy("alpha"), sp.Dummy("u")
        written = saturating_slope(a, v) + a * saturating_slope_alpha(a, v)
        return sp.diff(written, (a, v)[argindex - 1]).xreplace({a: alpha, v: u})

    def reference(self):
        alpha, u = self.args
        return saturating_slope(alpha, u).reference() + alpha * saturating_slope_alpha(alpha, u).reference()

    def forms(self, e, w, one_minus, distance, u, near_factor):
        alpha = self.args[0]
        near = w * (
            (e + w + one_minus) * (e + w)
            - alpha * (2 * u * e * (e + w) + distance * (w * (e + w) + one_minus * (w - e)))
        )
        far = w * ((1 + e) * (1 + w) - alpha * (2 * u * e * (1 + w) + distance * (1 - w + 2 * e)))
        return (near, far), ((e + w) ** 2, (1 + w) ** 3), (near_factor, 1)


class saturating_curvature(SaturatingPart):
    """d/du of saturating_slope over 2*alpha, s*(1 - 2*s)*(A + (1 - A)*(1 - s)),
    a product of terms that do not cancel (the sum of its four terms from the
    product rule cancels next to the integers): E*w*(w - E)*(E + w + (1 - A))/(E + w)**3
    next to the integers, w*(1 - w)*(1 + E)/(1 + w)**3 next to the
    half-integers (1 - w cancels by at most 1/(1 - exp(-1.1)) outside the
    form of the half-integers)."""

    def _eval_derivative_of(self, argindex, alpha, u):
        return _parts_derivative(saturating_curvature.written, argindex, alpha, u)

    @staticmethod
    def written(a, one_minus, s, slope, u, distance):
        return s * (1 - 2 * s) * (a + one_minus * (1 - s))

    @staticmethod
    def forms(e, w, one_minus, distance, u, near_factor):
        near = w * (w - e) * (e + w + one_minus)
        return (near, w * (1 - w) * (1 + e)), ((e + w) ** 2, (1 + w) ** 3), (near_factor, 1)


class saturating_slope_alpha(SaturatingPart):
    """d/dalpha of saturating_slope, -s*(2*u*A*s + (1 - 2*u)*(1 - s)*(A + (1 - A)*(1 - 2*s))),
    terms of one sign: -E*w*(2*u*E*(E + w) + (1 - 2*u)*(w*(E + w) + (1 - A)*(w - E)))/(E + w)**3
    next to the integers, -w*(2*u*E*(1 + w) + (1 - 2*u)*(1 - w + 2*E))/(1 + w)**3
    next to the half-integers."""

    def _eval_derivative_of(self, argindex, alpha, u):
        return _parts_derivative(saturating_slope_alpha.written, argindex, alpha, u)

    @staticmethod
    def written(a, one_minus, s, slope, u, distance):
        return -s * (2 * u * a * s + distance * (1 - s) * (a + one_minus * (1 - 2 * s)))

    @staticmethod
    def forms(e, w, one_minus, distance, u, near_factor):
        near = -w * (2 * u * e * (e + w) + distance * (w * (e + w) + one_minus * (w - e)))
        far = -w * (2 * u * e * (1 + w) + distance * (1 - w + 2 * e))
        return (near, far), ((e + w) ** 2, (1 + w) ** 3), (near_factor, 1)


class saturating_alpha_slope(SaturatingPart):
    """d/dalpha of saturating_product, 2*u*A*s - (1 - 2*u)*(1 - A)*s*(1 - s),
    written as saturating_slope is."""

    def _eval_derivative_of(self, argindex, alpha, u):
        return _parts_derivative(saturating_alpha_slope.written, argindex, alpha, u)

    @staticmethod
    def written(a, one_minus, s, slope, u, distance):
        return 2 * u * a * s - distance * one_minus * slope

    @staticmethod
    def forms(e, w, one_minus, distance, u, near_factor):
        near = w * (2 * u * (e + w) - distance * one_minus)
        far = 2 * u * e * (1 + w) - distance * (w - e)
        return (near, far), (e + w, (1 + w) ** 2), (near_factor, 1)


class integer_exponential(SaturatingPart):
    """A = exp(-2*alpha*u), itself (a factor of the second derivatives only)."""

    def _eval_derivative_of(self, argindex, alpha, u):
        return (-2 * u if argindex == 1 else -2 * alpha) * self

    @staticmethod
    def written(a, one_minus, s, slope, u, distance):
        return a

    def lowered(self):
        alpha, u = self.args
        return sp.exp(-2 * alpha * u)


class one_minus_integer_exponential(SaturatingPart):
    """1 - A, without expm1 (XLA computes it with several exponentials, and
    less accurately than exp): where 2*alpha*u < 1 as tanh(alpha*u)*(1 + A),
    with tanh(alpha*u)/(alpha*u) from its series, which does not cancel as
    u -> 0; beyond, 1 - A, which cancels by at most 1/(1 - exp(-1)). (A
    factor of the second derivatives; the other parts hold this form next to
    the integers.)"""

    def _eval_derivative_of(self, argindex, alpha, u):
        return (2 * u if argindex == 1 else 2 * alpha) * integer_exponential(alpha, u)

    @staticmethod
    def written(a, one_minus, s, slope, u, distance):
        return one_minus

    @staticmethod
    def form(z, a):
        """1 - a, a = exp(-z), z >= 0."""
        return sp.Piecewise((z / 2 * tanhc_small(z / 2) * (1 + a), z < 1), (1 - a, True))

    def lowered(self):
        alpha, u = self.args
        return self.form(2 * alpha * u, sp.exp(-2 * alpha * u))


class half_integer_sigmoid(SaturatingPart):
    """s = sigmoid(-alpha*(1 - 2*u)): the logistic of 2*alpha times the distance
    from u to 1/2."""

    def _eval_derivative_of(self, argindex, alpha, u):
        slope = half_integer_sigmoid_slope(alpha, u)
        return -evaluated_first(1 - 2 * u) * slope if argindex == 1 else 2 * alpha * slope

    @staticmethod
    def written(a, one_minus, s, slope, u, distance):
        return s

    @staticmethod
    def forms(e, w, one_minus, distance, u, near_factor):
        return (1, w), (1, 1 + w), (near_factor, 1)


class half_integer_sigmoid_slope(SaturatingPart):
    """s*(1 - s) = sigmoid_slope(alpha*(1 - 2*u)), half_integer_sigmoid's
    derivative in its own forms."""

    def _eval_derivative_of(self, argindex, alpha, u):
        distance = evaluated_first(1 - 2 * u)
        curvature = sigmoid_curvature(alpha * distance)
        return distance * curvature if argindex == 1 else -2 * alpha * curvature

    @staticmethod
    def written(a, one_minus, s, slope, u, distance):
        return slope

    @staticmethod
    def forms(e, w, one_minus, distance, u, near_factor):
        return (w, w), (e + w, (1 + w) ** 2), (near_factor, 1)


def _parts_derivative(written, argindex, alpha, u):
    """The derivative of written(A, 1 - A, s, s*(1 - s), u, 1 - 2*u), each
    factor a SaturatingPart of (alpha, u), with respect to argument argindex."""
    a, v = sp.Dummy("alpha"), sp.Dummy("u")
    parts = [
        cls(a, v)
        for cls in (integer_exponential, one_minus_integer_exponential, half_integer_sigmoid, half_integer_sigmoid_slope)
    ]
    distance = evaluated_first(1 - 2 * v)
    return sp.diff(written(*parts, v, distance), (a, v)[argindex - 1]).xreplace({a: alpha, v: u})


def _over(a, b):
    """a/b kept one quotient: SymPy writes 1/exp(z) as exp(-z), a second
    exponential, and 1/Piecewise as a Piecewise of quotients, one division each."""
    return a / evaluated_first(b)


class log1p_ratio(LoweredFunction):
    """log(1 + a/b) for a >= 0, b > 0, computed as log1p(a/b).

    Its derivatives have a + b in their denominators, not 1 + a/b: with b
    tiny (soft_round_inverse's exp(-alpha) next to the integers) a/b and its
    derivatives overflow float32 where (a + b) does not underflow, and the
    exact second derivatives overflow where it does.
    """

    nargs = 2

    def fdiff(self, argindex=1):
        a, b = self.args
        if argindex == 1:
            return 1 / (a + b)
        return -a / (b * (a + b))

    def reference(self):
        a, b = self.args
        return sp.log(1 + a / b)

    def lowered(self):
        a, b = self.args
        return log1p(a / b)


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


class DividedByArgument(LoweredFunction):
    """The k-th derivative of f(z)/z for an odd f with f(0) = 0: written
    ``sinhc(z)`` (k = 0) or ``sinhc(k, z)``.

    z = 0 is a removable singularity: the direct form is 0/0 there, and its
    derivatives cancel catastrophically nearby. The generated code evaluates
    SymPy's Taylor series of f(z)/z inside ``BOUND_FRACTION`` of its radius of
    convergence (at most ``MAX_BOUND``), to the order that reaches the compute
    dtype's precision at the bound, and the direct form beyond, where it has
    lost at most a few bits. Lowering leaves the function as it is: each order
    prints as a call of one helper function of the op's module (``helper()``).
    A subclass with ``SERIES_ONLY`` set stands where the catalog has shown
    that |z| stays below that bound: its helper is the polynomial alone.
    """

    nargs = (1, 2)
    numerator = None  # f, a SymPy function class
    # f in TensorFlow Lite's builtin operations, for |z| >= the bound (where
    # exp(z) - exp(-z) and log1p(2z/(1 - z)) lose nothing)
    direct_numerator = None
    radius = sp.oo  # of the Taylor series of f(z)/z at 0
    BOUND_FRACTION = sp.Rational(1, 2)
    MAX_BOUND = 2
    SERIES_ONLY = None  # a bound on |z| the catalog guarantees, or None
    quotient = None  # f(z)/z in words, for the generated helper's docstring
    # relative size of the first omitted term at the bound, by compute dtype
    # (float16 and bfloat16 compute in float32): a sixteenth of an ULP or less
    TARGETS = {"float64": sp.Rational(1, 2**60), "float32": sp.Rational(1, 2**30)}

    @classmethod
    def eval(cls, *args):
        if len(args) == 1:
            return cls(sp.S.Zero, args[0])
        order, z = args
        if not (order.is_Integer and order >= 0):
            raise ValueError(f"{cls.__name__}: the derivative order must be an integer >= 0, got {order}")
        if z.is_zero:
            return cls._value_at_zero(int(order))

    def fdiff(self, argindex=2):
        if argindex != 2:
            raise sp.ArgumentIndexError(self, argindex)
        order, z = self.args
        return type(self)(order + 1, z)

    SERIES_TERMS = 96  # enough for every bound and order used here

    @classmethod
    @functools.cache
    def _series(cls) -> sp.Expr:
        u = sp.Dummy("u")
        series = sp.series(cls.numerator(u) / u, u, 0, cls.SERIES_TERMS).removeO()
        return series.xreplace({u: _SERIES_VARIABLE})

    @classmethod
    def _value_at_zero(cls, order: int) -> sp.Expr:
        return sp.factorial(order) * cls._series().coeff(_SERIES_VARIABLE, order)

    @classmethod
    def bound(cls) -> sp.Expr:
        if cls.SERIES_ONLY is not None:
            return cls.SERIES_ONLY
        return sp.Min(cls.MAX_BOUND, cls.BOUND_FRACTION * cls.radius)

    @classmethod
    @functools.cache  # every kernel of an op lowers the same few orders
    def _taylor(cls, order: int, dtype: str = "float64") -> sp.Expr:
        """The order-th derivative of the Taylor polynomial, long enough that its
        first omitted term is below the dtype's target relative to its value at
        the bound."""
        bound, z = cls.bound(), _SERIES_VARIABLE
        series = sp.Poly(sp.diff(cls._series(), z, order), z)
        coefficients = [series.coeff_monomial(z**p) for p in range(series.degree() + 1)]
        value = abs(sum(c * bound**p for p, c in enumerate(coefficients)).evalf(30))
        for p, c in enumerate(coefficients):
            if c != 0 and p > 2 and abs((c * bound**p).evalf(30)) <= cls.TARGETS[dtype] * value:
                return sum(c * z**q for q, c in enumerate(coefficients[:p]))
        raise ValueError(f"{cls.__name__}: {cls.SERIES_TERMS} Taylor terms do not reach the target at {bound}")

    # where the reference sums the series rather than differentiating f(z)/z
    REFERENCE_SERIES_BOUND = sp.Rational(1, 4)

    @classmethod
    def reference_value(cls, order, z):
        """The order-th derivative at z, with mpmath at its working precision.

        Evaluated numerically rather than written out in SymPy: third
        derivatives of soft_round hold dozens of these, and a 96-term series
        inlined in each made the reference hundreds of times slower. Near 0
        the series (relative error below 1e-50 there), else the direct form's
        derivative."""
        return cls._reference_value(int(order), z, mpmath.mp.prec)

    @classmethod
    @functools.lru_cache(maxsize=1 << 16)
    def _reference_value(cls, order: int, z, precision: int):
        # a reference's outputs hold the same few of these at each point, in
        # several terms each: remembered, each is summed once per precision
        if abs(z) < cls.REFERENCE_SERIES_BOUND:
            return cls._series_sum(cls._derivative_series(order, precision), z)
        return cls._direct_derivative(order)(z)

    @staticmethod
    def _series_sum(terms, z):
        """sum c*z**p over terms (p, c), lowest power first, stopped once a
        term is 2**-8 of the working precision relative to the sum: with
        |z| <= 1/4 inside a radius of convergence of at least 1 the later
        terms fall geometrically (tests/test_soft_round.py compares with the
        whole series)."""
        tolerance = mpmath.ldexp(1, -mpmath.mp.prec - 8)
        total, z_power, previous = mpmath.mpf(0), mpmath.mpf(1), 0
        for power, coefficient in terms:
            z_power *= z ** (power - previous)
            previous = power
            term = coefficient * z_power
            total += term
            if abs(term) <= tolerance * abs(total):
                break
        return total

    @classmethod
    @functools.cache
    def _derivative_series(cls, order: int, precision: int) -> list:
        """(power, coefficient) of the order-th derivative of the series, the
        nonzero ones, lowest power first, as mpmath numbers at this precision."""
        return [(p, mpmath.mpf(c.p) / c.q) for p, c in cls._derivative_coefficients(order)]

    @classmethod
    @functools.cache  # the reference's precision varies with the point: differentiate once
    def _derivative_coefficients(cls, order: int) -> list:
        series = sp.Poly(sp.diff(cls._series(), _SERIES_VARIABLE, order), _SERIES_VARIABLE)
        return [(p, c) for (p,), c in reversed(series.terms())]

    @classmethod
    @functools.cache
    def _direct_derivative(cls, order: int):
        v = _SERIES_VARIABLE
        return sp.lambdify(v, sp.diff(cls.numerator(v) / v, v, order), "mpmath")

    def lowered(self):
        return self  # printed as a call of helper(order)

    def _eval_evalf(self, prec):
        """Its value at a number (a Piecewise condition on the parameters
        alone, solved for x when the verifier places its grid)."""
        order, z = self.args
        z = z.evalf(prec_to_dps(prec) + 5)
        if not z.is_Number:
            return None
        with mpmath.workprec(prec + 20):
            return sp.Float(self.reference_value(order, mpmath.mpf(z)), prec_to_dps(prec))

    def _sympystr(self, printer):
        order, z = self.args
        name = type(self).__name__
        return f"{name}({printer._print(z)})" if order == 0 else f"{name}({order}, {printer._print(z)})"

    def helper_name(self) -> str:
        order = int(self.args[0])
        return type(self).__name__ + (f"_d{order}" if order else "")

    @classmethod
    @functools.cache  # every backend prints the same helpers: derived once (read only)
    def helper(cls, order: int) -> dict:
        """The helper function of the order-th derivative, as SymPy pieces:
        {"series": {dtype: coefficients of the polynomial in _z**2, lowest
        power first}, "odd": whether that polynomial is multiplied by _z,
        "direct": expression in _z or None, "bound": the bound on |_z| where
        the series is taken}."""
        z = _SERIES_VARIABLE
        series = {}
        for dtype in cls.TARGETS:
            polynomial = sp.Poly(cls._taylor(order, dtype), z)
            series[dtype] = [polynomial.coeff_monomial(z**p) for p in range(order % 2, polynomial.degree() + 1, 2)]
        direct = None
        if cls.SERIES_ONLY is None:
            numerator = (cls.direct_numerator or cls.numerator)(z)
            direct = _elementary(sp.diff(numerator / z, z, order))
        return {"series": series, "odd": bool(order % 2), "direct": direct, "bound": cls.bound()}


def _elementary(expr: sp.Expr) -> sp.Expr:
    """expr with every LoweredFunction replaced by its stable elementary form."""
    expr = expr.replace(lambda e: isinstance(e, (_tanh, _sech_squared)), lambda e: e.lowered())
    while True:
        lowered = expr.replace(lambda e: isinstance(e, LoweredFunction), lambda e: e.lowered())
        if lowered == expr:
            return expr
        expr = lowered


_SERIES_VARIABLE = sp.Symbol("_z", real=True)


class sinhc(DividedByArgument):
    """sinh(z)/z and its derivatives."""

    numerator = sp.sinh
    quotient = "sinh(z)/z"
    direct_numerator = staticmethod(lambda z: (sp.exp(z) - sp.exp(-z)) / 2)


class _tanh(sp.Function):
    """tanh, whose derivative is its own factor sech**2: SymPy differentiates
    tanh into 1 - tanh**2, which keeps only an absolute accuracy once tanh is
    close to 1."""

    nargs = 1

    def fdiff(self, argindex=1):
        return _sech_squared(self.args[0])

    def lowered(self):
        return sp.tanh(self.args[0])


class _sech_squared(sp.Function):
    """sech(z)**2 = 4*sigmoid_slope(2*z): a product, accurate in both tails."""

    nargs = 1

    def fdiff(self, argindex=1):
        (z,) = self.args
        return -2 * _tanh(z) * _sech_squared(z)

    def lowered(self):
        return 4 * sigmoid_slope(2 * self.args[0])


class tanhc(DividedByArgument):
    """tanh(z)/z and its derivatives (poles at z = +-i*pi/2)."""

    numerator = sp.tanh
    quotient = "tanh(z)/z"
    direct_numerator = _tanh
    radius = sp.pi / 2


class zcoth(DividedByArgument):
    """z*coth(z) = z/tanh(z) = 1/tanhc(z), the numerator z**2*coth(z) odd and
    analytic at 0 (poles at z = +-i*pi). Its derivative coth(z) - z/sinh(z)**2
    is a difference of two terms far apart beyond the bound, where the
    quotient rule on 1/tanhc(z) rounds tanh three times and cancels."""

    numerator = staticmethod(lambda z: z**2 * sp.coth(z))
    direct_numerator = staticmethod(lambda z: z**2 / _tanh(z))
    radius = sp.pi
    quotient = "z/tanh(z)"


class zcoth_minus_one(DividedByArgument):
    """z/tanh(z) - 1 (about z**2/3 near 0): zcoth(z) - 1 without the
    cancellation, for a difference that a catalog entry keeps apart."""

    numerator = staticmethod(lambda z: z**2 * sp.coth(z) - z)
    direct_numerator = staticmethod(lambda z: z**2 / _tanh(z) - z)
    radius = sp.pi
    quotient = "z/tanh(z) - 1"


class tanhc_minus_one(DividedByArgument):
    """tanh(z)/z - 1 (about -z**2/3 near 0): tanhc(z) - 1 without the
    cancellation."""

    numerator = staticmethod(lambda z: sp.tanh(z) - z)
    direct_numerator = staticmethod(lambda z: _tanh(z) - z)
    radius = sp.pi / 2
    quotient = "tanh(z)/z - 1"


class atanhc(DividedByArgument):
    """atanh(z)/z and its derivatives (branch points at z = +-1)."""

    numerator = sp.atanh
    quotient = "atanh(z)/z"
    radius = sp.S.One
    # one logarithm: 1 - z is exact for 1/2 <= z <= 1, and log1p's relative
    # condition number is below 1
    direct_numerator = staticmethod(lambda z: log1p(2 * z / (1 - z)) / 2)


class tanhc_small(tanhc):
    """tanhc where |z| < 11/20: soft_round near the half-integers, where
    alpha*v < atanh(tanh(alpha/2)/2) < atanh(1/2) = 0.5493."""

    SERIES_ONLY = sp.Rational(11, 20)


class sinhc_small(sinhc):
    """sinhc where |z| < 2: soft_round for alpha < 4, where z is alpha*u or
    alpha/2 with u <= 1/2."""

    SERIES_ONLY = sp.Integer(2)


class atanhc_small(atanhc):
    """atanhc where |z| < 1/2: soft_round_inverse, whose branches take
    atanh(z) only below 1/2 (above it, one log1p)."""

    SERIES_ONLY = sp.Rational(1, 2)


class inverse_near_integer(LoweredFunction):
    """soft_round_inverse's distance from the nearest integer, atanh(z)/alpha,
    z = 2*u*T/(sech(alpha/2)**2 + 2*u*T**2), T = tanh(alpha/2), for
    4 <= alpha < 40 and 0 <= u < 1/4 (u = |x - round(x)|), through one log1p
    and one quotient of positive terms: log1p(q)/(2*alpha), q = 2*z/(1 - z) =
    2*(exp(alpha) - 1)*u/(1 + w), w = T*(1 - 2*u); d/du is
    exp(alpha)*tanhc(alpha/2)/((1 + w)*(1 + w + q*(1 + w))). Its derivatives in
    alpha cancel in this form as alpha falls towards 4 (atanh(z) grows like
    alpha/2 while the result stays below 1/4): it serves kernels that take
    x-derivatives alone (``for_fixed_parameters``)."""

    nargs = 2

    def fdiff(self, argindex=1):
        alpha, u = self.args
        if argindex == 1:
            return sp.diff(self.reference(), alpha)
        w = sp.tanh(alpha / 2) * (1 - 2 * u)
        return sp.exp(alpha) * tanhc(alpha / 2) / ((1 + w) * (1 + w + 2 * (sp.exp(alpha) - 1) * u))

    def reference(self):
        alpha, u = self.args
        t = sp.tanh(alpha / 2)
        return sp.atanh(2 * u * t / (1 - t**2 + 2 * u * t**2)) / alpha

    def lowered(self):
        alpha, u = self.args
        w = sp.tanh(alpha / 2) * evaluated_first(1 - 2 * u)
        return log1p(evaluated_first(2 * (sp.exp(alpha) - 1)) * u / evaluated_first(1 + w)) / (2 * alpha)


class inverse_near_half_integer(LoweredFunction):
    """soft_round_inverse's distance from the nearest integer where u >= 1/4,
    1/2 - atanh(w)/alpha, w = tanh(alpha/2)*(1 - 2*u) <= tanh(alpha/2)/2: its
    value through atanh(w)/w's series, its u-derivative one quotient,
    tanhc(alpha/2)/(1 - w**2), where the product rule on the value's form
    takes a second series. Serves kernels that take
    x-derivatives alone (``for_fixed_parameters``)."""

    nargs = 2

    def fdiff(self, argindex=1):
        alpha, u = self.args
        if argindex == 1:
            return sp.diff(self.reference(), alpha)
        w = sp.tanh(alpha / 2) * (1 - 2 * u)
        # 1 - w**2 >= 3/4; as one factor its u-derivative is one term, 0 where w is
        return tanhc(alpha / 2) / (1 - w**2)

    def reference(self):
        alpha, u = self.args
        return sp.S.Half - sp.atanh(sp.tanh(alpha / 2) * (1 - 2 * u)) / alpha

    def lowered(self):
        alpha, u = self.args
        w = sp.tanh(alpha / 2) * (1 - 2 * u)
        return sp.S.Half - (sp.S.Half - u) * tanhc(alpha / 2) * atanhc_small(w)


class for_fixed_parameters(value_from):
    """``general``, but ``fixed`` in the kernels of a regime (every float
    parameter a Python number), which take x-derivatives alone: a form equal
    to it whose value and x-derivatives cost less, and whose parameter
    derivatives may cancel. Its derivatives (value_from's) are general's, and
    so is its value here."""

    def lowered(self):
        return self.args[1]


def subclasses(cls) -> list:
    """Every subclass of ``cls``, at any depth (not ``cls`` itself)."""
    return [c for sub in cls.__subclasses__() for c in (sub, *subclasses(sub))]
