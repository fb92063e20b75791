namespace Snn.Backends.Mpi;

/// <summary>Where one rank's run time went, summed over all <c>Run</c> calls so far.</summary>
/// <param name="Rank">The rank.</param>
/// <param name="ComputeSeconds">Wall time in neuron updates, inputs and spike delivery (s).</param>
/// <param name="CommunicationSeconds">Wall time inside the spike-exchange collectives, including
/// waiting for slower ranks (s).</param>
/// <param name="Exchanges">Number of spike exchanges (one per min-delay interval).</param>
/// <param name="SpikesSent">Spikes this rank's neurons emitted and sent.</param>
/// <param name="BytesReceived">Bytes this rank received in the exchanges (every rank receives
/// every spike: 4 bytes per spike plus 4 per step and rank of headers).</param>
public readonly record struct MpiRunTiming(
    int Rank,
    double ComputeSeconds,
    double CommunicationSeconds,
    long Exchanges,
    long SpikesSent,
    long BytesReceived)
{
    /// <summary>The share of this rank's run time spent communicating, in [0, 1].</summary>
    public double CommunicationShare
        => ComputeSeconds + CommunicationSeconds <= 0 ? 0 : CommunicationSeconds / (ComputeSeconds + CommunicationSeconds);
}
