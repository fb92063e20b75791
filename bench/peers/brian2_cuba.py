#!/usr/bin/python3
"""CUBA (Brette et al. 2007 benchmark 2, after Vogels & Abbott 2005) in Brian2: the peer that
`snn-bench compare brian2` times against Snn's `cuba` suite.

Needs Brian2 for Debian's Python (apt-get install -y python3-brian; run with /usr/bin/python3).
usage: brian2_cuba.py N seconds [device] [threads]   (brian2_peer.py: the arguments and the result line)
"""
from brian2 import *
from brian2_peer import PeerRun

peer = PeerRun('cuba')
N = peer.neurons
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

peer.run_and_report(spikes, lambda: len(excitatory) + len(inhibitory))
