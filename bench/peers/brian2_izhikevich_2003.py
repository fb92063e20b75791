#!/usr/bin/python3
"""The network of Izhikevich 2003 ("Simple model of spiking neurons", IEEE TNN 14:1569, net.m) in
Brian2: the peer that `snn-bench compare brian2` times against Snn's `izhikevich-2003` (dt 1 ms) and
`izhikevich-2003-dt0.1` (dt 0.1 ms) suites.

The step is Snn's `Izhikevich.Step`, written out so that both simulators integrate the same map:
v by forward Euler in sub-steps of at most 0.5 ms, u by one Euler step with the new v, a spike where
v >= 30 mV at the end of the step (v <- c, u <- u + d). A spike moves every target's v by the weight
(mV), as a one-step current pulse w/dt, in the step one delay (1 ms) after the step that fired it
(at dt 1 ms: the next step, net.m's I = I + sum(S(:,fired),2)); Brian2 delivers an on_pre effect at
the end of its step, so its synaptic delay is 1 ms - dt. The thalamic input is a new normal draw
every step, with standard deviation 5 (excitatory) or 2 (inhibitory) mV/ms times sqrt(1 ms / dt).
All-to-all with autapses, weights 0.5 U[0, 1) (excitatory) and -U[0, 1) (inhibitory), scaled by
1000/N so that every neuron gets the paper's total input at any N.
Needs Brian2 for Debian's Python (apt-get install -y python3-brian; run with /usr/bin/python3).
usage: brian2_izhikevich_2003.py N seconds [device] [threads] [dt_ms]   dt_ms: 1 (default) or 0.1
(brian2_peer.py: the other arguments and the result line)
"""
import math

from brian2 import *
from brian2_peer import PeerRun

peer = PeerRun('izhikevich')
N = peer.neurons
dt_ms = float(peer.more[0]) if peer.more else 1.0
defaultclock.dt = dt_ms * ms

sub_steps = max(1, math.ceil(dt_ms / 0.5 - 1e-9))
h = dt_ms / sub_steps
n_exc = int(0.8 * N)
scale = 1000.0 / N
noise_scale = math.sqrt(1.0 / dt_ms)
delay = (1.0 - dt_ms) * ms

equations = '''
v : 1
u : 1
I : 1
a : 1 (constant)
b : 1 (constant)
c : 1 (constant)
d : 1 (constant)
sd : 1 (constant)
r : 1 (constant)
'''
neurons = NeuronGroup(N, equations, threshold='v >= 30', reset='v = c; u = u + d')
v_sub_step = 'v = v + h * (0.04 * v * v + 5 * v + 140 - u + drive)\n'
neurons.run_regularly('drive = sd * noise_scale * randn() + I / dt_ms\n' + v_sub_step * sub_steps
                      + 'u = u + dt_ms * a * (b * v - u)\nI = 0\n', when='groups')
neurons.r = 'rand()'
excitatory_neurons = neurons[:n_exc]
inhibitory_neurons = neurons[n_exc:]
excitatory_neurons.a = 0.02
excitatory_neurons.b = 0.2
excitatory_neurons.c = '-65 + 15 * r ** 2'
excitatory_neurons.d = '8 - 6 * r ** 2'
excitatory_neurons.sd = 5.0
inhibitory_neurons.a = '0.02 + 0.08 * r'
inhibitory_neurons.b = '0.25 - 0.05 * r'
inhibitory_neurons.c = -65.0
inhibitory_neurons.d = 2.0
inhibitory_neurons.sd = 2.0
neurons.v = -65.0
neurons.u = 'b * v'

excitatory = Synapses(excitatory_neurons, neurons, 'w : 1 (constant)', on_pre='I_post += w', delay=delay)
inhibitory = Synapses(inhibitory_neurons, neurons, 'w : 1 (constant)', on_pre='I_post += w', delay=delay)
excitatory.connect()
inhibitory.connect()
excitatory.w = '0.5 * scale * rand()'
inhibitory.w = '-scale * rand()'
spikes = SpikeMonitor(neurons, record=False)

peer.run_and_report(spikes, lambda: len(excitatory) + len(inhibitory))
