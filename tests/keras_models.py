"""Small Keras models that use every layer of a generated package, in every
mode (every surrogate of a surrogate choice), for the tests of
test_keras.py and the distributed run of distributed_training.py."""

import numpy as np

from derive.rendering import class_name
from derive.spec import Approximation


def layer_variants(catalog):
    """(class name, constructor arguments) for every entry and mode."""
    variants = []
    for entry in catalog:
        if isinstance(entry, Approximation):
            for mode in entry.modes:
                variants.append((class_name(entry.name), {"mode": mode} if len(entry.modes) > 1 else {}))
        else:
            for label in entry.surrogates:
                variants.append((class_name(entry.name), {"surrogate": label}))
    return variants


def make_layers(package, catalog, trainable=True):
    layers = []
    for cls_name, arguments in layer_variants(catalog):
        cls = getattr(package.layers, cls_name)
        if trainable:
            arguments = {**arguments, "trainable_params": cls(**arguments).float_params}
        layers.append(cls(**arguments))
    return layers


def every_layer_model(keras, package, catalog, trainable=True, extra=(), features=4, width=3):
    """inputs -> Dense(width) -> every layer (and ``extra``) side by side -> Dense(1)."""
    inputs = keras.Input((features,))
    hidden = keras.layers.Dense(width)(inputs)
    branches = [layer(hidden) for layer in make_layers(package, catalog, trainable) + list(extra)]
    outputs = keras.layers.Dense(1)(keras.layers.Concatenate()(branches))
    return keras.Model(inputs, outputs)


def data(samples=32, features=4, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2.0, 2.0, (samples, features)).astype(np.float32)
    y = np.round(x.sum(axis=1, keepdims=True) / 2).astype(np.float32)
    return x, y
