#!/usr/bin/python3
"""COBA (Brette et al. 2007 benchmark 1, after Vogels & Abbott 2005) in Brian2, with the equations,
parameters and initial state of R. Brette's Brian script for the review: the peer that
`snn-bench compare brian2` times against Snn's `coba` suite.

Conductances are in units of the leak conductance gL = 10 nS (C = 200 pF, taum = 20 ms); there is no
external input, the random initial conductances start the activity. Forward Euler, as in the review.
Needs Brian2 for Debian's Python (apt-get install -y python3-brian; run with /usr/bin/python3).
usage: brian2_coba.py N seconds [device] [threads]   (brian2_peer.py: the arguments and the result line)
"""
from brian2 import *
from brian2_peer import PeerRun

peer = PeerRun('coba')
N = peer.neurons
defaultclock.dt = 0.1 * ms

taum = 20 * ms
taue = 5 * ms
taui = 10 * ms
Vt = -50 * mV
Vr = -60 * mV
El = -60 * mV
Ee = 0 * mV
Ei = -80 * mV
equations = '''
dv/dt  = (ge * (Ee - v) + gi * (Ei - v) - (v - El)) / taum : volt (unless refractory)
dge/dt = -ge / taue : 1
dgi/dt = -gi / taui : 1
'''
neurons = NeuronGroup(N, equations, threshold='v > Vt', reset='v = Vr', refractory=5 * ms, method='euler')
neurons.v = 'Vr + rand() * (Vt - Vr)'
neurons.ge = '(randn() * 1.5 + 4)'
neurons.gi = '(randn() * 12 + 20)'

p = 80.0 / N                      # in-degree 80, the 2 % of the 4000-neuron network
n_exc = int(0.8 * N)
we = 6.0 / 10.0                   # 6 nS in units of gL
wi = 67.0 / 10.0                  # 67 nS in units of gL
excitatory = Synapses(neurons, neurons, on_pre='ge += we')
inhibitory = Synapses(neurons, neurons, on_pre='gi += wi')
excitatory.connect('i < n_exc', p=p)
inhibitory.connect('i >= n_exc', p=p)
spikes = SpikeMonitor(neurons, record=False)

peer.run_and_report(spikes, lambda: len(excitatory) + len(inhibitory))
