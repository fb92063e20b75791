using Snn.Backends.Cpu;
using Snn.Backends.Crossbar;
using Snn.Backends.EventDriven;
using Snn.Backends.Gpu;
using Snn.Backends.Onnx;
using Snn.Backends.Tests.Gpu;
using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>
/// Every engine the conformance suite runs, each against the one-thread CPU engine. The MPI engine
/// runs the same scenarios under <c>mpirun</c> (it needs a process per rank), in
/// <see cref="Mpi.DistributedEquivalenceTests"/>; the SFQ engine runs only its own neuron model, so it
/// takes part in the capability checks only.
/// </summary>
internal static class ConformanceEngines
{
    /// <summary>Weight range of the crossbar cells of a plastic projection: the rules' upper bound.</summary>
    private static CrossbarBackend Crossbar(Network network) => new(new CrossbarOptions
    {
        TileRows = 64,
        TileColumns = 64,
        WeightRanges = network.Projections.Where(p => p.Plasticity is not null).ToDictionary(p => p.Name, _ => ConformanceNetworks.WMax),
    });

    public static readonly ConformanceEngine[] All =
    [
        new("cpu-2-threads", _ => new CpuBackend(new CpuBackendOptions { Threads = 2 }), Agreement.BitIdentical, EngineInputs.All, true, 400, 150),
        new("cpu-3-threads-scalar", _ => new CpuBackend(new CpuBackendOptions { Threads = 3, UseBlockUpdate = false }), Agreement.BitIdentical, EngineInputs.All, true, 400, 150),
        new("crossbar-ideal", Crossbar, Agreement.BitIdentical, EngineInputs.All, true, 400, 150),
        new("gpu-emulated", _ => new GpuBackend(new GpuBackendOptions { Accelerator = GpuTestSupport.Accelerator, MonitorBatchSteps = 37 }),
            Agreement.BitIdenticalOnExactSums, EngineInputs.All, false, 80, 20),
        new("onnx-exact", _ => new OnnxBackend(), Agreement.BitIdentical, EngineInputs.SpikeSources, false, 200, 60),
        new("event-driven", _ => new EventDrivenBackend(), Agreement.Statistical, EngineInputs.PoissonSources | EngineInputs.DcCurrents, false, 400, 300),
    ];

    public static ConformanceEngine Named(string name) => All.Single(e => e.Name == name);

    /// <summary>The engines whose backends claim <paramref name="capability"/>, by name.</summary>
    public static TheoryData<string> Claiming(SimulationCapabilities capability)
    {
        var data = new TheoryData<string>();
        foreach (var engine in All.Where(e => e.Claims(capability)))
        {
            data.Add(engine.Name);
        }
        return data;
    }

    /// <summary>The engines that agree with the CPU engine bit for bit, on some weights or any.</summary>
    public static TheoryData<string> BitIdentical()
    {
        var data = new TheoryData<string>();
        foreach (var engine in All.Where(e => e.Agreement != Agreement.Statistical))
        {
            data.Add(engine.Name);
        }
        return data;
    }

    /// <summary>The engines that run plastic projections and modulators.</summary>
    public static TheoryData<string> Plastic()
    {
        var data = new TheoryData<string>();
        foreach (var engine in All.Where(e => e.Plasticity))
        {
            data.Add(engine.Name);
        }
        return data;
    }
}
