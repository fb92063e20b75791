"""What the Brian2 peer scripts of `snn-bench compare brian2` share: their command line, the
cpp_standalone device, and the timed run that prints the one result line snn-bench parses.

command line: SCRIPT N seconds [device] [threads] [more ...]    device: cpp (cpp_standalone, default)
or runtime; threads: OpenMP threads of cpp_standalone (default 1); more: the script's own arguments.
The result line: N=.. T=..s wall=..s spikes=.. rate=..Hz synapses=..
wall is the compiled program's run (network construction and simulation); the C++ code generation
and compilation before it are not timed."""
import os
import sys
import tempfile
import time

import brian2


class PeerRun:
    """A peer script's command line, with Brian2's device set up for it."""

    def __init__(self, name):
        self.neurons = int(sys.argv[1])
        self.seconds = float(sys.argv[2])
        self.device = sys.argv[3] if len(sys.argv) > 3 else 'cpp'
        self.threads = int(sys.argv[4]) if len(sys.argv) > 4 else 1
        self.more = sys.argv[5:]
        self._build_dir = None
        if self.device == 'cpp':
            self._build_dir = tempfile.mkdtemp(prefix=f'brian2_{name}_')
            brian2.set_device('cpp_standalone', directory=self._build_dir, build_on_run=False)
            if self.threads > 1:
                brian2.prefs.devices.cpp_standalone.openmp_threads = self.threads

    def run_and_report(self, spikes, synapse_count):
        """Simulates the objects and names of the calling script (timing only the compiled program
        under cpp_standalone) and prints the result line; synapse_count() is read after the run."""
        if self._build_dir is not None:
            brian2.run(self.seconds * brian2.second, report=None, level=1)
            brian2.device.build(directory=self._build_dir, compile=True, run=False)
            os.chdir(self._build_dir)
            start = time.time()
            brian2.device.run(self._build_dir, False, [])
            wall = time.time() - start
        else:
            start = time.time()
            brian2.run(self.seconds * brian2.second, report=None, level=1)
            wall = time.time() - start
        count = spikes.num_spikes
        rate = count / self.neurons / self.seconds
        print(f"N={self.neurons} T={self.seconds}s wall={wall:.3f}s spikes={count} rate={rate:.2f}Hz synapses={synapse_count()}")
