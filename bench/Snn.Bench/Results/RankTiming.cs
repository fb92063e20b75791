using Snn.Backends.Mpi;

namespace Snn.Bench.Results;

/// <summary>Where one MPI rank's simulation time went (<see cref="MpiRunTiming"/>, as written to <c>results.json</c>).</summary>
/// <param name="Rank">The rank.</param>
/// <param name="ComputeSeconds">Wall time in neuron updates, inputs and spike delivery (s).</param>
/// <param name="CommunicationSeconds">Wall time inside the spike-exchange collectives, waiting for slower ranks included (s).</param>
/// <param name="CommunicationShare">CommunicationSeconds / (ComputeSeconds + CommunicationSeconds), in [0, 1].</param>
/// <param name="Exchanges">Spike exchanges (one per min-delay interval).</param>
/// <param name="SpikesSent">Spikes this rank's neurons emitted and sent.</param>
/// <param name="BytesReceived">Bytes this rank received in the exchanges.</param>
public sealed record RankTiming(int Rank, double ComputeSeconds, double CommunicationSeconds, double CommunicationShare, long Exchanges, long SpikesSent, long BytesReceived)
{
    /// <summary>The record of an engine timing.</summary>
    public static RankTiming From(MpiRunTiming timing)
        => new(timing.Rank, timing.ComputeSeconds, timing.CommunicationSeconds, timing.CommunicationShare, timing.Exchanges, timing.SpikesSent, timing.BytesReceived);
}
