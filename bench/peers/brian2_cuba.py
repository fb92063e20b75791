#!/usr/bin/python3
"""CUBA (Brette et al. 2007 benchmark 2, after Vogels & Abbott 2005) in Brian2: the peer that
`snn-bench compare brian2` times against Snn's `cuba` suite.

Needs Brian2 for Debian's Python (apt-get install -y python3-brian; run with /usr/bin/python3).
usage: brian2_cuba.py N seconds [device] [threads]    device: cpp (cpp_standalone, default) or runtime;
       threads: OpenMP threads of cpp_standalone (default 1)
prints one line: N=.. T=..s wall=..s spikes=.. rate=..Hz synapses=..
wall is the compiled program's run (network construction and simulation); the C++ code generation
and compilation before it are not timed."""
import sys
import time
import tempfile

N = int(sys.argv[1])
T = float(sys.argv[2])
device_name = sys.argv[3] if len(sys.argv) > 3 else 'cpp'
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 1

from brian2 import *

if device_name == 'cpp':
    build_dir = tempfile.mkdtemp(prefix='brian2_cuba_')
    set_device('cpp_standalone', directory=build_dir, build_on_run=False)
    if threads > 1:
        prefs.devices.cpp_standalone.openmp_threads = threads
defaultclock.dt = 0.1 * ms

taum = 20 * ms
taue = 5 * ms
taui = 10 * ms
Vt = -50 * mV
Vr = -60 * mV
El = -49 * mV
equations = '''
dv/dt  = (ge + gi - (v - El)) / taum : volt (unless refractory)
dge/dt = -ge / taue : volt
dgi/dt = -gi / taui : volt
'''
neurons = NeuronGroup(N, equations, threshold='v > Vt', reset='v = Vr', refractory=5 * ms, method='exact')
neurons.v = 'Vr + rand() * (Vt - Vr)'
neurons.ge = 0 * mV
neurons.gi = 0 * mV

p = 80.0 / N                      # in-degree 80, the 2 % of the 4000-neuron network
n_exc = int(0.8 * N)
we = (60 * 0.27 / 10) * mV        # +1.62 mV
wi = (-20 * 4.5 / 10) * mV        # -9 mV
excitatory = Synapses(neurons, neurons, on_pre='ge += we')
inhibitory = Synapses(neurons, neurons, on_pre='gi += wi')
excitatory.connect('i < n_exc', p=p)
inhibitory.connect('i >= n_exc', p=p)
spikes = SpikeMonitor(neurons, record=False)

if device_name == 'cpp':
    run(T * second, report=None)
    device.build(directory=build_dir, compile=True, run=False)
    import os
    os.chdir(build_dir)
    start = time.time()
    device.run(build_dir, False, [])
    wall = time.time() - start
else:
    start = time.time()
    run(T * second, report=None)
    wall = time.time() - start

synapse_count = len(excitatory) + len(inhibitory)
print(f"N={N} T={T}s wall={wall:.3f}s spikes={spikes.num_spikes} rate={spikes.num_spikes / N / T:.2f}Hz synapses={synapse_count}")
