# Generated from template templates/keras/callbacks.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""Keras callbacks for the layers of this package."""

import math

import keras

SCHEDULES = ("linear", "geometric")
PER = ("epoch", "step")


def _layers_of(model):
    """The model's layers, nested models included."""
    for layer in model.layers:
        yield layer
        if isinstance(layer, keras.Model):
            yield from _layers_of(layer)


class Anneal(keras.callbacks.Callback):
    """Schedules a float parameter of every layer that has it over training,
    e.g. steepness from 1 to 50: soft at first, close to the hard function at
    the end.

    Args:
        param: the parameter's name, e.g. "steepness".
        start: its value at the first epoch (or step).
        end: its value at the last epoch (or step), and after it.
        schedule: "linear", start + (end - start)*t, or "geometric",
            start*(end/start)**t, with t going from 0 to 1.
        per: "epoch" (set before each epoch) or "step" (before each batch).
        duration: epochs (or steps) from start to end; default: all of fit().
        layers: the layers to schedule; default: every layer of the model,
            nested models included, that has ``param`` as a non-trainable weight.

    The value of each epoch is added to the logs (and so to the History) under
    the parameter's name.
    """

    def __init__(self, param, start, end, schedule="linear", per="epoch", duration=None, layers=None):
        super().__init__()
        if schedule not in SCHEDULES:
            raise ValueError(f"Anneal: schedule must be one of {', '.join(map(repr, SCHEDULES))}, got {schedule!r}")
        if per not in PER:
            raise ValueError(f"Anneal: per must be one of {', '.join(map(repr, PER))}, got {per!r}")
        start, end = float(start), float(end)
        if not (math.isfinite(start) and math.isfinite(end)):
            raise ValueError(f"Anneal: start and end must be finite, got {start!r} and {end!r}")
        if schedule == "geometric" and not start * end > 0:
            raise ValueError(
                f"Anneal: a geometric schedule needs start and end of one sign, not 0; got {start!r}, {end!r}"
            )
        if duration is not None and (isinstance(duration, bool) or not isinstance(duration, int) or duration < 1):
            raise ValueError(f"Anneal: duration must be an int >= 1, got {duration!r}")
        self.param, self.start, self.end = param, start, end
        self.schedule, self.per, self.duration = schedule, per, duration
        self._layers = None if layers is None else list(layers)
        self._targets = []
        self._step = 0
        self.value = start

    def value_at(self, index, duration):
        """The parameter's value at epoch (or step) ``index`` of ``duration``."""
        t = min(index / (duration - 1), 1.0) if duration > 1 else 1.0
        if self.schedule == "linear":
            return self.start + (self.end - self.start) * t
        return self.start * (self.end / self.start) ** t

    def on_train_begin(self, logs=None):
        candidates = self._layers if self._layers is not None else list(_layers_of(self.model))
        self._targets = [layer for layer in candidates if self.param in getattr(layer, "float_params", ())]
        if not self._targets:
            raise ValueError(f"Anneal: no layer of the model has a float parameter {self.param!r}")
        for layer in self._targets:
            if self.param in layer.trainable_params:
                raise ValueError(
                    f"Anneal: {self.param!r} is a trainable weight of layer {layer.name!r}; "
                    "scheduling it would overwrite what it learns"
                )
            for value in (self.end, self.start):  # the op checks both ends; start is set
                layer.set_param(self.param, value)
        if self.duration is not None:
            self._duration = self.duration
        elif self.per == "epoch":
            self._duration = self.params["epochs"]
        elif self.params.get("steps"):
            self._duration = self.params["epochs"] * self.params["steps"]
        else:
            raise ValueError("Anneal: per='step' needs duration when the number of steps per epoch is unknown")
        self._step = 0

    def _set(self, index):
        self.value = self.value_at(index, self._duration)
        for layer in self._targets:
            layer.set_param(self.param, self.value)

    def on_epoch_begin(self, epoch, logs=None):
        if self.per == "epoch":
            self._set(epoch)

    def on_train_batch_begin(self, batch, logs=None):
        if self.per == "step":
            self._set(self._step)
            self._step += 1

    def on_epoch_end(self, epoch, logs=None):
        if logs is not None:
            logs[self.param] = self.value


__all__ = ["Anneal"]
