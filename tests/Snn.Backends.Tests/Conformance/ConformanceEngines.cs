using Snn.Backends.Cpu;
using Snn.Backends.Crossbar;
using Snn.Backends.EventDriven;
using Snn.Backends.Gpu;
using Snn.Backends.Onnx;
using Snn.Backends.Tests.Gpu;
using Snn.Backends.Tests.Mpi;
using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>
/// Every engine the conformance suite runs, each against the one-thread CPU engine: the in-process
/// engines (<see cref="All"/>) and the MPI engine on one, two and three ranks (<see cref="UnderMpirun"/>),
/// which needs a process per rank, so its simulations live in a job of the MPI driver under
/// <c>mpirun</c>, one per rank count, that the tests drive call by call (<see cref="MpirunBackend"/>);
/// its cases are skipped where <c>mpirun</c> is missing. The SFQ engine runs only its own neuron model,
/// so it takes part in the capability checks only.
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

    /// <summary>The MPI engine on one, two and three ranks, its simulations compiled in the job of their rank count under <c>mpirun</c>.</summary>
    public static readonly ConformanceEngine[] UnderMpirun =
    [
        new("mpi-1-rank", _ => new MpirunBackend(1), Agreement.BitIdentical, EngineInputs.All, true, 400, 150),
        new("mpi-2-ranks", _ => new MpirunBackend(2), Agreement.BitIdentical, EngineInputs.All, true, 400, 150),
        new("mpi-3-ranks", _ => new MpirunBackend(3), Agreement.BitIdentical, EngineInputs.All, true, 400, 150),
    ];

    public static ConformanceEngine Named(string name) => All.Concat(UnderMpirun).Single(e => e.Name == name);

    /// <summary>The engines whose backends claim <paramref name="capability"/>, by name, in process or under <c>mpirun</c>.</summary>
    public static TheoryData<string> Claiming(SimulationCapabilities capability, bool underMpirun = false)
    {
        var data = new TheoryData<string>();
        foreach (var engine in Engines(underMpirun).Where(e => e.Claims(capability)))
        {
            data.Add(engine.Name);
        }
        return data;
    }

    /// <summary>The engines that agree with the CPU engine bit for bit, on some weights or any.</summary>
    public static TheoryData<string> BitIdentical(bool underMpirun = false)
    {
        var data = new TheoryData<string>();
        foreach (var engine in Engines(underMpirun).Where(e => e.Agreement != Agreement.Statistical))
        {
            data.Add(engine.Name);
        }
        return data;
    }

    /// <summary>The engines that run plastic projections and modulators.</summary>
    public static TheoryData<string> Plastic(bool underMpirun = false)
    {
        var data = new TheoryData<string>();
        foreach (var engine in Engines(underMpirun).Where(e => e.Plasticity))
        {
            data.Add(engine.Name);
        }
        return data;
    }

    /// <summary>Every engine, in process or under <c>mpirun</c>, by name.</summary>
    public static TheoryData<string> Names(bool underMpirun = false)
    {
        var data = new TheoryData<string>();
        foreach (var engine in Engines(underMpirun))
        {
            data.Add(engine.Name);
        }
        return data;
    }

    private static ConformanceEngine[] Engines(bool underMpirun) => underMpirun ? UnderMpirun : All;
}
