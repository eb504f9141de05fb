"""Train the every-layer model on one CPU device and under MirroredStrategy
over two logical CPU devices, from the same weights on the same batches, and
print as JSON the largest relative difference of the two runs' weights and
how much each trainable weight changed in training. Run as its own process: logical devices must be configured before
TensorFlow initializes its devices."""

import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
TESTS = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [TESTS, os.path.dirname(TESTS)]  # keras_models, and the generator as derive

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

(cpu,) = tf.config.list_physical_devices("CPU")
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)

import keras  # noqa: E402
from keras_models import data, every_layer_model  # noqa: E402

import diffround  # noqa: E402
from derive.catalog import CATALOG  # noqa: E402


def train(strategy, initial):
    x, y = data(samples=32)
    with strategy.scope():
        annealed = diffround.layers.SigmoidRound(steepness=5.0)
        model = every_layer_model(keras, diffround, CATALOG, extra=[annealed])
        model.set_weights(initial)
        model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")
    anneal = diffround.callbacks.Anneal("steepness", 5.0, 20.0, per="step", layers=[annealed])
    model.fit(x, y, batch_size=16, epochs=2, shuffle=False, verbose=0, callbacks=[anneal])
    trainable = {id(w) for w in model.trainable_weights}
    return model.get_weights(), strategy.num_replicas_in_sync, [id(w) in trainable for w in model.weights]


def main():
    keras.utils.set_random_seed(0)
    extra = [diffround.layers.SigmoidRound(steepness=5.0)]
    model = every_layer_model(keras, diffround, CATALOG, extra=extra)
    model(data(samples=32)[0])  # the quantizer layers' first-batch starts, the same in both runs
    initial = model.get_weights()
    one, _, trainable = train(tf.distribute.OneDeviceStrategy("/cpu:0"), initial)
    two, replicas, _ = train(tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"]), initial)
    print(
        json.dumps(
            {
                "replicas": replicas,
                # relative to the weight's size: training amplifies the rounding
                # differences of summing the gradients in another order
                "difference": max(float(np.max(np.abs(a - b)) / max(1.0, np.max(np.abs(a)))) for a, b in zip(one, two)),
                # of the trainable weights (the non-trainable ones move only where a callback sets them)
                "changes": [float(np.max(np.abs(a - b))) for a, b, t in zip(one, initial, trainable) if t],
                "finite": all(bool(np.all(np.isfinite(w))) for w in two),
            }
        )
    )


if __name__ == "__main__":
    main()
