using Snn.Backends.Cpu;
using Snn.Backends.Mpi;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;

// A CUBA network of 2000 LIF neurons distributed over the MPI ranks this program is started on
// (mpirun -np 2 dotnet MpiEngine.dll): every rank builds the same network, owns a share of its
// neurons and exchanges spikes with the others every step. Rank 0 then runs the same network in
// one process on the CPU engine and checks that the spikes are the same.
return MpiSession.Run(session =>
{
    var (net, spikes) = Build();
    using var distributed = new MpiBackend(session).CompileDistributed(net);
    distributed.Run(200);                                                       // ms
    var timing = distributed.Timing;
    Console.WriteLine($"rank {session.Rank} of {session.Size}: {distributed.LocalNeuronCount} neurons, {distributed.LocalSynapseCount} synapses, compute {timing.ComputeSeconds:F2} s, communication {timing.CommunicationSeconds:F2} s");
    session.Barrier();
    if (session.Rank == 0)
    {
        var onRanks = distributed.GetSpikes(spikes);
        var (single, singleSpikes) = Build();
        using var cpu = new CpuBackend().Compile(single);
        cpu.Run(200);
        var inOneProcess = cpu.GetSpikes(singleSpikes);
        bool identical = onRanks.Steps.SequenceEqual(inOneProcess.Steps) && onRanks.Neurons.SequenceEqual(inOneProcess.Neurons);
        Console.WriteLine($"{session.Size} ranks: {onRanks.Count} spikes ({onRanks.MeanRate():F2} Hz); one process: {inOneProcess.Count} spikes; identical: {identical}");
    }
    return 0;
});

static (Network Network, SpikeMonitor Spikes) Build()
{
    var net = new Network(seed: 5);                                              // dt = 0.1 ms
    var lif = new LifCurrent { CM = 250, TauM = 20, TauSynE = 5, TauSynI = 10, EL = -49, VThreshold = -50, VReset = -60, RefractoryPeriod = 5 };
    var exc = net.AddPopulation("exc", 1600, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
    var inh = net.AddPopulation("inh", 400, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
    foreach (var target in new[] { exc, inh })
    {
        net.Connect(exc, target, Connectivity.Probability(0.04), Synapse.Excitatory(weight: 1.62 * 250 / 20));   // pA
        net.Connect(inh, target, Connectivity.Probability(0.04), Synapse.Inhibitory(weight: -9.0 * 250 / 20));
    }
    return (net, net.RecordSpikes(exc));
}
