using System.Globalization;
using Snn.Core.Monitors;
using Snn.Core.Validation;

namespace Snn.Core.Simulation;

/// <summary>
/// Streams the spikes of a running simulation to a text file so that a long run's memory stays flat:
/// <see cref="Drain"/> appends the spikes recorded since the last drain and frees them in the engine
/// (<see cref="ISpikeDiscarding.DiscardSpikes"/>); <see cref="Run"/> alternates simulating a chunk and
/// draining. The file is CSV with the header <c>time_ms,population,neuron</c>, one spike per line in
/// time order (ties by monitor, then neuron), the neuron numbered within its population and the time
/// written with the shortest round-trip representation. Spike and rate monitors of the simulation lose
/// the drained spikes.
/// </summary>
public sealed class SpikeStreamWriter : IDisposable
{
    private readonly ISimulation _simulation;
    private readonly SpikeMonitor[] _monitors;
    private readonly StreamWriter _writer;
    private double _drainedUntilMs;

    /// <summary>Creates the file (replacing an existing one) and writes its header.</summary>
    /// <param name="simulation">The simulation whose monitors are streamed; its engine must support
    /// <see cref="ISpikeDiscarding.DiscardSpikes"/>.</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="monitors">The spike monitors to stream, at least one, each of the simulation's network.</param>
    public SpikeStreamWriter(ISimulation simulation, string path, params SpikeMonitor[] monitors)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(monitors);
        if (monitors.Length == 0 || monitors.Any(m => m is null))
        {
            throw new ArgumentException("monitors must name at least one spike monitor and no null one.", nameof(monitors));
        }
        _simulation = simulation;
        _monitors = [.. monitors];
        _drainedUntilMs = simulation.TimeMs;
        _writer = new StreamWriter(path, append: false);
        _writer.WriteLine("time_ms,population,neuron");
    }

    /// <summary>The number of spikes written so far.</summary>
    public long SpikesWritten { get; private set; }

    /// <summary>Simulates <paramref name="durationMs"/> more milliseconds in chunks of
    /// <paramref name="chunkMs"/>, draining after each.</summary>
    /// <param name="durationMs">The time to simulate (ms, ≥ 0).</param>
    /// <param name="chunkMs">The time simulated between drains (ms, &gt; 0); memory grows with the spikes of one chunk.</param>
    public void Run(double durationMs, double chunkMs = 1000)
    {
        Guard.NonNegative(durationMs, nameof(durationMs));
        Guard.Positive(chunkMs, nameof(chunkMs));
        double end = _simulation.TimeMs + durationMs;
        double dt = _simulation.Network.Dt;
        while (end - _simulation.TimeMs > dt / 2)
        {
            _simulation.Run(Math.Min(chunkMs, end - _simulation.TimeMs));
            Drain();
        }
    }

    /// <summary>Writes the spikes recorded since the last drain and frees them in the engine.</summary>
    public void Drain()
    {
        double now = _simulation.TimeMs;
        var spikes = new List<(long Step, int Monitor, int Neuron)>();
        for (int m = 0; m < _monitors.Length; m++)
        {
            var record = _simulation.GetSpikes(_monitors[m], _drainedUntilMs);
            for (int k = 0; k < record.Count; k++)
            {
                spikes.Add((record.Steps[k], m, record.Neurons[k]));
            }
        }
        spikes.Sort();
        double dt = _simulation.Network.Dt;
        foreach (var (step, monitor, neuron) in spikes)
        {
            _writer.Write((step * dt).ToString("R", CultureInfo.InvariantCulture));
            _writer.Write(',');
            _writer.Write(_monitors[monitor].Population.Name);
            _writer.Write(',');
            _writer.WriteLine(neuron.ToString(CultureInfo.InvariantCulture));
        }
        _writer.Flush();
        SpikesWritten += spikes.Count;
        _simulation.DiscardSpikes(now);
        _drainedUntilMs = now;
    }

    /// <summary>Closes the file; spikes recorded since the last <see cref="Drain"/> stay in the simulation, unwritten.</summary>
    public void Dispose() => _writer.Dispose();
}
