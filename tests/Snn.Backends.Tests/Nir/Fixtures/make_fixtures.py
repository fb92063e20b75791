#!/usr/bin/env python3
"""Writes the NIR fixtures of Snn's NIR tests with h5py, in the HDF5 layout of the reference
Python package `nir` (nir/serialization.py, version 1.0): a string data set `version`, a group
`node` with the graph; every node a group with a string `type` and its arrays (NumPy arrays
gzip-compressed as nir.write does, Python ints and tuples as plain data sets, nested dicts such as
input_type/output_type as groups); a graph's `nodes` group and `edges` (n, 2) strings.
To keep the fixtures small (8-20 KB, mostly HDF5's per-object headers) they use HDF5's compact
"latest" format and compress only arrays of more than 16 elements (nir.write compresses every
array; neither changes what a reader sees).

Run: /usr/bin/python3 make_fixtures.py   (Debian's python3-h5py and python3-numpy)
Times are seconds, as snnTorch and Norse write them. The expected outputs are derived in the
comments and asserted in tests/Snn.Backends.Tests/Nir/NirFixtureTests.cs.
"""
import h5py
import numpy as np

VERSION = "1.0.0"


def f32(values):
    return np.asarray(values, dtype=np.float32)


def write_recursive(group, node):
    for key, value in node.items():
        if isinstance(value, str):
            group.create_dataset(key, data=value, dtype=h5py.string_dtype())
        elif isinstance(value, np.ndarray):
            compression = "gzip" if value.size > 16 else None
            group.create_dataset(key, data=value, dtype=value.dtype, compression=compression)
        elif isinstance(value, dict):
            write_recursive(group.create_group(str(key)), value)
        else:
            group.create_dataset(key, data=value)


def write(path, graph):
    with h5py.File(path, "w", libver="latest") as f:
        f.create_dataset("version", data=VERSION, dtype=h5py.string_dtype())
        write_recursive(f.create_group("node"), graph)


def graph(nodes, edges):
    return {"type": "NIRGraph", "nodes": nodes, "edges": edges, "metadata": {}}


def neuron(kind, shape, **params):
    node = {"type": kind}
    node.update({k: np.broadcast_to(f32(v), shape).copy() for k, v in params.items()})
    node["input_type"] = {"input": np.array(shape)}
    node["output_type"] = {"output": np.array(shape)}
    return node


# 1. Input(3) -> Delay(0, 0.5, 1 ms) -> Affine(0.02 I) -> LIF(tau 10 ms, threshold 1) -> Output.
# A spike moves v by r w / tau = 0.02 / 0.01 = 2 > 1, so each LIF neuron fires when its input
# arrives: input spikes at 1 ms arrive after one step (0.1 ms) plus the delay.
write("delay_lif.nir", graph(
    {
        "input": {"type": "Input", "shape": np.array([3])},
        "delay": {"type": "Delay", "delay": f32([0.0, 0.0005, 0.001])},
        "affine": {"type": "Affine", "weight": f32(np.eye(3) * 0.02), "bias": f32([0, 0, 0])},
        "lif": neuron("LIF", (3,), tau=0.01, r=1.0, v_leak=0.0, v_threshold=1.0, v_reset=0.0),
        "output": {"type": "Output", "shape": np.array([3])},
    },
    [("input", "delay"), ("delay", "affine"), ("affine", "lif"), ("lif", "output")]))

# 2. Input(1, 4, 4) -> Conv2d(2 x 1 x 3 x 3, padding 1) -> IF -> SumPool2d(2, 2) -> IF -> Output,
# with the first IF also an Output. Kernel 0 counts the spikes in a 3x3 neighbourhood
# (threshold 2.5), kernel 1 copies the centre (threshold 0.5). IF moves v by r w.
kernel = np.zeros((2, 1, 3, 3), dtype=np.float32)
kernel[0, 0] = 1
kernel[1, 0, 1, 1] = 1
thresholds = np.zeros((2, 4, 4), dtype=np.float32)
thresholds[0] = 2.5
thresholds[1] = 0.5
write("conv_pool.nir", graph(
    {
        "input": {"type": "Input", "shape": np.array([1, 4, 4])},
        "conv": {"type": "Conv2d", "input_shape": (4, 4), "weight": kernel, "stride": (1, 1),
                 "padding": (1, 1), "dilation": (1, 1), "groups": 1, "bias": f32([0, 0])},
        "if1": {"type": "IF", "r": np.ones((2, 4, 4), dtype=np.float32), "v_threshold": thresholds,
                "v_reset": np.zeros((2, 4, 4), dtype=np.float32)},
        "pool": {"type": "SumPool2d", "kernel_size": np.array([2, 2]), "stride": np.array([2, 2]),
                 "padding": np.array([0, 0])},
        "if2": neuron("IF", (2, 2, 2), r=1.0, v_threshold=0.5, v_reset=0.0),
        "output": {"type": "Output", "shape": np.array([2, 2, 2])},
        "conv_output": {"type": "Output", "shape": np.array([2, 4, 4])},
    },
    [("input", "conv"), ("conv", "if1"), ("if1", "pool"), ("pool", "if2"), ("if2", "output"),
     ("if1", "conv_output")]))

# 3. Input(1) -> block (nested graph: Input -> Affine -> CubaLIF -> Output) -> Linear -> LI -> Output.
# The CubaLIF current jumps by w_in w / tau_syn = 0.005 / 0.005 = 1, so
# v(s) = r tau_syn / (tau_syn - tau_mem) (e^(-s/tau_syn) - e^(-s/tau_mem)) = e^(-s/10) - e^(-s/5)
# (s in ms), peaks at 0.25 and first exceeds 0.2 at s = -10 ln((1 + sqrt(0.2)) / 2) = 3.24 ms.
# The LI (tau 20 ms) then jumps by r w / tau = 0.002 / 0.02 = 0.1 and decays.
block = graph(
    {
        "input": {"type": "Input", "shape": np.array([1])},
        "fc": {"type": "Affine", "weight": f32([[0.005]]), "bias": f32([0])},
        "lif": neuron("CubaLIF", (1,), tau_syn=0.005, tau_mem=0.01, r=1.0, v_leak=0.0,
                      v_threshold=0.2, v_reset=0.0, w_in=1.0),
        "output": {"type": "Output", "shape": np.array([1])},
    },
    [("input", "fc"), ("fc", "lif"), ("lif", "output")])
write("nested_cuba_li.nir", graph(
    {
        "input": {"type": "Input", "shape": np.array([1])},
        "block": block,
        "readout": {"type": "Linear", "weight": f32([[0.002]])},
        "li": neuron("LI", (1,), tau=0.02, r=1.0, v_leak=0.0),
        "output": {"type": "Output", "shape": np.array([1])},
    },
    [("input", "block"), ("block", "readout"), ("readout", "li"), ("li", "output")]))

# 4. A node of a type NIR does not define: readers must name it and its HDF5 path.
write("unknown_type.nir", graph(
    {
        "input": {"type": "Input", "shape": np.array([1])},
        "izh": {"type": "Izhikevich", "a": f32([0.02]), "b": f32([0.2])},
        "output": {"type": "Output", "shape": np.array([1])},
    },
    [("input", "izh"), ("izh", "output")]))

# 5. HDF5 hard-link cycles (corrupt files a reader must refuse, not walk forever): a graph whose
# nodes group holds a hard link to the graph itself, and a node whose group holds a link to itself.
small = graph(
    {
        "input": {"type": "Input", "shape": np.array([1])},
        "output": {"type": "Output", "shape": np.array([1])},
    },
    [("input", "output")])
write("cycle_graph.nir", small)
with h5py.File("cycle_graph.nir", "a") as f:
    f["node/nodes/again"] = f["node"]
write("cycle_node.nir", small)
with h5py.File("cycle_node.nir", "a") as f:
    f["node/nodes/input/loop"] = f["node/nodes/input"]

# 6. A 600-million-element weight declared without storage (a corrupt size field in an 8 KB file):
# a reader must refuse it from the declared size instead of allocating 2.4 GB.
write("huge_weight.nir", graph(
    {
        "input": {"type": "Input", "shape": np.array([1])},
        "fc": {"type": "Linear"},
        "output": {"type": "Output", "shape": np.array([1])},
    },
    [("input", "fc"), ("fc", "output")]))
with h5py.File("huge_weight.nir", "a") as f:
    f["node/nodes/fc"].create_dataset("weight", shape=(600_000_000,), dtype=np.float32)
