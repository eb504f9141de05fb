# make demo: set up, regenerate (--check), verify, show the ops at work, train on digits (and quantized at 8, 4, 2 bits), redraw docs/gallery.
# make test: set up, run the whole test suite.
# make bench: time every op against the straight-through round, the seeds and a memory-bound probe;
#   the quantizers against TensorFlow's fake_quant_with_min_max_vars and the straight-through round;
#   then the JAX and PyTorch backends against their own straight-through rounds (and snnTorch's surrogates).
# make experiments: train every method of docs/experiments.md over 10 seeds, write docs/experiments/ and the page.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
export TF_CPP_MIN_LOG_LEVEL ?= 2

.PHONY: demo test bench experiments regenerate check verify fuzz clean

# pip reports each package as it goes: the first install downloads TensorFlow
$(INSTALLED): pyproject.toml
	@echo "== setting up $(VENV) from pyproject.toml (TensorFlow and the dev tools; minutes the first time)"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e '.[dev]'
	touch $(INSTALLED)
	@echo "== $(VENV) is ready"

demo: $(INSTALLED)
	$(PY) scripts/regenerate_ops.py --check
	$(PY) scripts/verify_derivatives.py
	$(PY) scripts/demo.py
	$(PY) scripts/half_precision_errors.py
	$(PY) scripts/train_digits.py
	$(PY) scripts/train_qat.py
	$(PY) scripts/plot_ops.py

test: $(INSTALLED)
	$(PY) -m pytest -n 2 --dist worksteal -q tests

bench: $(INSTALLED)
	$(PY) scripts/benchmark.py
	$(PY) scripts/benchmark.py --quantizers
	$(PY) scripts/benchmark_backends.py

experiments: $(INSTALLED)
	$(PY) scripts/experiments/integer_labels.py
	$(PY) scripts/experiments/binary_network.py
	$(PY) scripts/experiments/spiking_network.py
	$(PY) scripts/experiments/compression.py
	$(PY) scripts/experiments/quantization.py
	$(PY) scripts/experiments/render.py

regenerate: $(INSTALLED)
	$(PY) scripts/regenerate_ops.py

check: $(INSTALLED)
	$(PY) scripts/regenerate_ops.py --check

verify: $(INSTALLED)
	$(PY) scripts/verify_derivatives.py

fuzz: $(INSTALLED)
	$(PY) scripts/fuzz_ops.py --seconds 300

clean:
	rm -rf $(VENV) .pytest_cache
