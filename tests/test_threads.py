"""Many threads calling the ops and the Keras layers at once get what one
thread gets: eagerly, and through tf.functions traced and called from several
threads at once."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from derive.catalog import CATALOG
from derive.spec import Approximation, SurrogateChoice

XS = np.concatenate([np.linspace(-3, 3, 257), [0.5, -0.5, 1e6 + 0.5, np.nan, np.inf]])


def _jobs():
    jobs = []
    for entry in CATALOG:
        if isinstance(entry, Approximation):
            jobs += [(entry.name, {"mode": m} if len(entry.modes) > 1 else {}) for m in entry.modes]
        elif isinstance(entry, SurrogateChoice):
            jobs += [(entry.name, {"surrogate": s}) for s in entry.surrogates]
    return jobs


def test_threads_get_the_single_threaded_results(tf, dr):
    jobs = _jobs()

    def value_and_gradient(name, kwargs, x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = getattr(dr, name)(x, **kwargs)
        return y, tape.gradient(y, x)

    graphs = {i: tf.function(lambda x, job=job: value_and_gradient(*job, x)) for i, job in enumerate(jobs)}

    def run(task):
        index, dtype, compiled = task
        x = tf.constant(XS, dtype)
        if compiled:
            y, g = graphs[index](x)
        else:
            y, g = value_and_gradient(*jobs[index], x)
        return y.numpy(), g.numpy()

    tasks = [(i, "float32", True) for i in range(len(jobs))]
    tasks += [(i, dtype, False) for i in range(len(jobs)) for dtype in ("float32", "float64")]
    # the tf.functions are first traced here, from many threads at once
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(run, tasks * 2))
    single = [run(task) for task in tasks]
    for k, (y, g) in enumerate(concurrent):
        expected_y, expected_g = single[k % len(tasks)]
        np.testing.assert_array_equal(y, expected_y, err_msg=str(tasks[k % len(tasks)]))
        np.testing.assert_array_equal(g, expected_g, err_msg=str(tasks[k % len(tasks)]))


def test_threads_get_the_single_threaded_results_from_layers(tf, dr):
    """Every Keras layer (every mode and surrogate, parameters trainable), called
    eagerly and through tf.functions: the output and the gradients of x and of
    the parameter weights."""
    from keras_models import make_layers

    layers = make_layers(dr, CATALOG, trainable=True)
    x = tf.constant(XS, tf.float32)
    for layer in layers:
        layer(x)  # built once: then only called from the threads

    def value_and_gradients(layer, x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = layer(x)
        return y, tape.gradient(y, [x, *layer.trainable_weights])

    graphs = [tf.function(lambda x, layer=layer: value_and_gradients(layer, x)) for layer in layers]

    def run(task):
        index, compiled = task
        y, grads = graphs[index](x) if compiled else value_and_gradients(layers[index], x)
        return [y.numpy()] + [g.numpy() for g in grads]

    tasks = [(i, compiled) for i in range(len(layers)) for compiled in (False, True)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        concurrent = list(pool.map(run, tasks * 2))
    single = [run(task) for task in tasks]
    for k, results in enumerate(concurrent):
        task = tasks[k % len(tasks)]
        assert len(results) == 2 + len(layers[task[0]].float_params), task
        for got, expected in zip(results, single[k % len(tasks)]):
            np.testing.assert_array_equal(got, expected, err_msg=f"{type(layers[task[0]]).__name__} {task}")
