namespace Snn.Core.Plasticity;

/// <summary>
/// Implemented by a plasticity rule whose spike events are cheaper in batches (for example with a
/// table of trace decays, which an unmanaged rule struct cannot hold for the GPU kernels). Host
/// engines that keep the weights in the synapse states (the CPU and MPI engines) call the batch
/// instead of <see cref="IPlasticityRule{TRule}.OnPreArrival"/> and <see cref="IPlasticityRule{TRule}.OnPostSpike"/>
/// once per synapse; the results are the same bits.
/// </summary>
public interface IBatchedEventRule
{
    /// <summary>Creates the batch for this rule as prepared (<see cref="IPlasticityRule{TRule}.Prepare"/>), once per projection.</summary>
    ISpikeEventBatch CreateEventBatch();
}
