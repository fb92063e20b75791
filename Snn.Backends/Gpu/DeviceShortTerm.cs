using ILGPU;
using ILGPU.Runtime;
using Snn.Backends.Checkpointing;
using Snn.Backends.Cpu;
using Snn.Core;

namespace Snn.Backends.Gpu;

/// <summary>
/// Short-term plasticity of a GPU simulation: numbers the entries as the CPU engine does
/// (<see cref="ShortTermEntries"/>), keeps their state on the device, advances the entries
/// of each step's spikes (<see cref="ShortTermKernels.Emit"/>) and delivers static synapses scaled
/// by their factors (<see cref="ShortTermKernels.Deliver"/>); plastic projections read the factors
/// in their arrivals (<see cref="PlasticSynapses.Transmitted"/>). Checkpoints hold the same section
/// as the CPU engine's.
/// </summary>
internal sealed class DeviceShortTerm : IDisposable
{
    private readonly Network _network;
    private readonly int _slots;
    private readonly ShortTermEntries _entries;
    private readonly int[] _synapseEntry;
    private readonly List<IDisposable> _buffers = [];
    private MemoryBuffer1D<double, Stride1D.Dense>? _u;
    private MemoryBuffer1D<double, Stride1D.Dense>? _x;
    private MemoryBuffer1D<long, Stride1D.Dense>? _last;
    private MemoryBuffer1D<float, Stride1D.Dense>? _factors;
    private ShortTermArrays _view;
    private Action<AcceleratorStream, Index1D, SpikeSink, ShortTermArrays, int, long, int>? _emit;
    private Action<AcceleratorStream, Index1D, SpikeSink, StaticSynapses, DeviceRing, int, LaunchShape, ShortTermArrays>? _deliver;

    private DeviceShortTerm(Network network, StaticSynapseTable table, int slots)
    {
        _network = network;
        _slots = slots;
        _entries = new ShortTermEntries(network);
        _synapseEntry = new int[Math.Max(1, table.Count)];
        foreach (var projection in network.Projections.Where(p => p.ShortTerm is not null && p.Plasticity is null))
        {
            var positions = table.PositionsOf(projection);
            var sources = projection.Instantiate().Sources;
            for (int s = 0; s < positions.Length; s++)
            {
                _synapseEntry[positions[s]] = _entries.EntryOf(projection, sources[s]);
            }
        }
    }

    /// <summary>The short-term plasticity of <paramref name="network"/> over <paramref name="slots"/>
    /// ring slots, or null when no projection has it.</summary>
    public static DeviceShortTerm? For(Network network, StaticSynapseTable table, int slots)
        => network.Projections.Any(p => p.ShortTerm is not null) ? new DeviceShortTerm(network, table, slots) : null;

    /// <summary>Number of entries, the "none" entry 0 included.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry of <paramref name="source"/> (population-local) of <paramref name="projection"/>, 0 when it has no short-term plasticity.</summary>
    public int EntryOf(Projection projection, int source) => _entries.EntryOf(projection, source);

    /// <summary>The factors u·x per ring slot and entry, slot-major (valid after <see cref="Allocate"/>).</summary>
    public ArrayView<float> Factors => _view.Factors;

    /// <summary>Bytes on the device.</summary>
    public long DeviceBytes => (_entries.EntryStart.LongLength + _entries.Entries.LongLength + _entries.SetOf.LongLength + _synapseEntry.LongLength) * sizeof(int)
        + (long)Count * (2 * sizeof(double) + sizeof(long)) + (long)_slots * Count * sizeof(float);

    /// <summary>Uploads the parameters and the initial state and loads the kernels.</summary>
    public void Allocate(DeviceContext device)
    {
        var accelerator = device.Accelerator;
        var sets = _entries.Sets;
        var initial = _entries.InitialState(_slots);
        _u = Track(accelerator.Allocate1D(initial.U));
        _x = Track(accelerator.Allocate1D(initial.X));
        _last = Track(accelerator.Allocate1D(initial.LastStep));
        _factors = Track(accelerator.Allocate1D(initial.Factors));
        _view = new ShortTermArrays
        {
            EntryStart = Track(accelerator.Allocate1D(_entries.EntryStart)).View,
            Entries = Track(accelerator.Allocate1D(_entries.Entries.Length == 0 ? [0] : _entries.Entries)).View,
            SetOf = Track(accelerator.Allocate1D(_entries.SetOf)).View,
            BigU = Track(accelerator.Allocate1D(sets.Select(s => s.U).ToArray())).View,
            TauRec = Track(accelerator.Allocate1D(sets.Select(s => s.TauRec).ToArray())).View,
            TauFac = Track(accelerator.Allocate1D(sets.Select(s => s.TauFac).ToArray())).View,
            ResetSteps = Track(accelerator.Allocate1D(_entries.ResetSteps)).View,
            U = _u.View,
            X = _x.View,
            Last = _last.View,
            Factors = _factors.View,
            SynapseEntry = Track(accelerator.Allocate1D(_synapseEntry)).View,
            Count = Count,
            Dt = _network.Dt,
        };
        _emit = device.Load("Short-term plasticity", "the short-term update (Math.Exp on doubles)",
            () => accelerator.LoadAutoGroupedKernel<Index1D, SpikeSink, ShortTermArrays, int, long, int>(ShortTermKernels.Emit));
        _deliver = device.Load("Short-term plasticity", "the scaled static delivery",
            () => accelerator.LoadAutoGroupedKernel<Index1D, SpikeSink, StaticSynapses, DeviceRing, int, LaunchShape, ShortTermArrays>(ShortTermKernels.Deliver));
    }

    /// <summary>Advances the entries of the spikes of <paramref name="step"/> (history slot <paramref name="slot"/>).</summary>
    public void Emit(DeviceContext device, int slot, long step)
    {
        int threads = device.MaxThreads;
        _emit!(device.Stream, threads, device.Sink, _view, slot, step, threads);
    }

    /// <summary>Delivers the static synapses of the spikes in <paramref name="slot"/>, scaled.</summary>
    public void Deliver(DeviceContext device, StaticSynapses synapses, int slot, LaunchShape shape)
        => _deliver!(device.Stream, shape.Workers * shape.Lanes, device.Sink, synapses, device.Ring, slot, shape, _view);

    /// <summary>The state as a checkpoint holds it (the caller has synchronised the device).</summary>
    public ShortTermCheckpoint Snapshot() => new(_u!.GetAsArray1D(), _x!.GetAsArray1D(), _last!.GetAsArray1D(), _factors!.GetAsArray1D());

    /// <summary>Reads a state written before step <paramref name="step"/>, without changing anything.</summary>
    public ShortTermCheckpoint Read(CheckpointReader reader, long step) => ShortTermCheckpoint.Read(reader, Count, (long)_slots * Count, step);

    /// <summary>Replaces the device state with <paramref name="checkpoint"/>.</summary>
    public void Apply(ShortTermCheckpoint checkpoint)
    {
        _u!.CopyFromCPU(checkpoint.U);
        _x!.CopyFromCPU(checkpoint.X);
        _last!.CopyFromCPU(checkpoint.LastStep);
        _factors!.CopyFromCPU(checkpoint.Factors);
    }

    private TBuffer Track<TBuffer>(TBuffer buffer) where TBuffer : IDisposable
    {
        _buffers.Add(buffer);
        return buffer;
    }

    public void Dispose()
    {
        foreach (var buffer in _buffers)
        {
            buffer.Dispose();
        }
        _buffers.Clear();
    }
}
